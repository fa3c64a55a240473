/* WordprocessingML made by coopgen: escaping, runs, paragraphs, and the
 * Markdown renderer; see wml.h. */
#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fsx.h"
#include "wml.h"
#include "xalloc.h"

void
wml_init(struct wml *w, struct buf *out, int first_rid)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->next_rid = first_rid;
	w->next_docpr = 1;
	w->lang = "vi-VN";
	w->text_width = 9355;
}

void
wml_free(struct wml *w)
{
	for (size_t i = 0; i < w->n_rels; i++) {
		free(w->rels[i].id);
		free(w->rels[i].target);
	}
	free(w->rels);
	for (size_t i = 0; i < w->n_headings; i++) {
		free(w->headings[i].text);
		free(w->headings[i].bookmark);
	}
	free(w->headings);
	free(w->nums);
	for (size_t i = 0; i < w->n_media; i++) {
		free(w->media[i].name);
		free(w->media[i].data);
	}
	free(w->media);
	memset(w, 0, sizeof(*w));
}

void
wml_escape(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		unsigned char c = *p;
		/* U+FFFE and U+FFFF are not XML characters either. */
		if (c == 0xEF && end - p >= 3 && p[1] == 0xBF &&
		    (p[2] == 0xBE || p[2] == 0xBF)) {
			p += 3;
			continue;
		}
		switch (c) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&apos;");
			break;
		case '\t':
		case '\n':
			buf_putc(b, (char)c);
			break;
		default:
			/* The C0 controls XML 1.0 forbids, and DEL. */
			if (c >= 0x20 && c != 0x7F)
				buf_putc(b, (char)c);
			break;
		}
		p++;
	}
}

void
wml_run(struct wml *w, const char *rpr, const char *text)
{
	const char *s = text;

	for (;;) {
		size_t n = strcspn(s, "\n");
		buf_puts(w->out, "<w:r>");
		if (rpr != NULL && rpr[0] != '\0')
			buf_printf(w->out, "<w:rPr>%s</w:rPr>", rpr);
		buf_puts(w->out, "<w:t xml:space=\"preserve\">");
		wml_escape(w->out, s, n);
		buf_puts(w->out, "</w:t></w:r>");
		if (s[n] == '\0')
			break;
		buf_puts(w->out, "<w:r><w:br/></w:r>");
		s += n + 1;
	}
}

static void
para_open(struct wml *w, const char *style, const char *ppr)
{
	buf_puts(w->out, "<w:p>");
	if (style != NULL || ppr != NULL) {
		buf_puts(w->out, "<w:pPr>");
		if (style != NULL)
			buf_printf(w->out, "<w:pStyle w:val=\"%s\"/>", style);
		if (ppr != NULL)
			buf_puts(w->out, ppr);
		buf_puts(w->out, "</w:pPr>");
	}
}

void
wml_para(struct wml *w, const char *style, const char *ppr, const char *rpr,
    const char *text)
{
	para_open(w, style, ppr);
	if (text != NULL && text[0] != '\0')
		wml_run(w, rpr, text);
	buf_puts(w->out, "</w:p>");
}

/* Start a heading paragraph; returns the bookmark's id. */
static int
heading_open(struct wml *w, int level, const char *style, const char *text)
{
	char sid[16], name[24];
	int id = w->next_bookmark++;

	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	snprintf(sid, sizeof(sid), "Heading%d", level);
	snprintf(name, sizeof(name), "_Toc%06d", id + 1);
	para_open(w, style ? style : sid, NULL);
	buf_printf(w->out, "<w:bookmarkStart w:id=\"%d\" w:name=\"%s\"/>", id,
	    name);
	w->headings = xgrow(w->headings, &w->cap_headings, w->n_headings,
	    sizeof(*w->headings));
	w->headings[w->n_headings++] = (struct wml_heading){ level,
	    xstrdup(text), xstrdup(name) };
	return id;
}

static void
heading_close(struct wml *w, int id)
{
	buf_printf(w->out, "<w:bookmarkEnd w:id=\"%d\"/></w:p>", id);
}

void
wml_heading(struct wml *w, int level, const char *style, const char *text)
{
	int id = heading_open(w, level, style, text);

	wml_run(w, NULL, text);
	heading_close(w, id);
}

const char *
wml_rel(struct wml *w, const char *type, const char *target, bool external)
{
	char id[24];

	snprintf(id, sizeof(id), "rId%d", w->next_rid++);
	w->rels = xgrow(w->rels, &w->cap_rels, w->n_rels, sizeof(*w->rels));
	w->rels[w->n_rels] = (struct wml_rel){ xstrdup(id), type,
	    xstrdup(target), external };
	return w->rels[w->n_rels++].id;
}

/* Whether url may become a hyperlink: the schemes links allow. */
static bool
url_allowed(const char *url)
{
	static const char *const schemes[] = { "http:", "https:", "mailto:",
	    "tel:" };

	for (size_t i = 0; i < sizeof(schemes) / sizeof(*schemes); i++)
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return url[strlen(schemes[i])] != '\0';
	return false;
}

/* A media file's bytes and the image's size in pixels, when it is a PNG
 * or a JPEG inside the year's folder; false otherwise. */
static bool
image_load(const struct md_context *ctx, const char *url, char **data,
    size_t *len, long *px_w, long *px_h, const char **ext)
{
	const char *why;
	size_t n = strcspn(url, "?#");

	if (n == 0 || url[0] == '/' || strchr(url, ':') != NULL ||
	    ctx->fs == NULL)
		return false;
	struct buf rel = BUF_INIT;
	buf_printf(&rel, "%s/", ctx->y->dir);
	for (size_t i = 0; i < n; i++) {
		unsigned hi, lo;
		if (url[i] == '%' && i + 2 < n &&
		    sscanf(url + i + 1, "%1x%1x", &hi, &lo) == 2) {
			buf_putc(&rel, (char)(hi * 16 + lo));
			i += 2;
		} else
			buf_putc(&rel, url[i]);
	}
	bool ok = strstr(buf_str(&rel), "..") == NULL &&
	    fsx_kind(ctx->fs, buf_str(&rel), &why) == FSX_FILE;
	FILE *f = NULL;
	if (ok) {
		/* Checked for its kind without blocking, as every file of
		 * the content is (fsx.h). */
		char *path = fsx_path(ctx->fs, buf_str(&rel));
		struct stat st;
		int fd = fsx_open_regular(AT_FDCWD, path, true, &st);
		free(path);
		f = fd == -1 ? NULL : fdopen(fd, "rb");
		if (f == NULL && fd != -1)
			close(fd);
		ok = f != NULL;
	}
	struct buf bytes = BUF_INIT;
	char chunk[8192];
	size_t got;
	while (ok && (got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_append(&bytes, chunk, got);
		ok = bytes.len <= (size_t)FSX_FILE_MAX;
	}
	if (f != NULL && (ferror(f) || fclose(f) != 0))
		ok = false;
	buf_free(&rel);
	const unsigned char *b = (const unsigned char *)bytes.data;
	*px_w = *px_h = 0;
	if (ok && bytes.len >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) {
		*px_w = (long)b[16] << 24 | (long)b[17] << 16 | b[18] << 8 | b[19];
		*px_h = (long)b[20] << 24 | (long)b[21] << 16 | b[22] << 8 | b[23];
		*ext = "png";
	} else if (ok && bytes.len >= 4 && b[0] == 0xFF && b[1] == 0xD8) {
		/* The first start-of-frame marker holds the size. */
		size_t i = 2;
		while (i + 9 < bytes.len && b[i] == 0xFF) {
			unsigned m = b[i + 1];
			size_t seg = (size_t)b[i + 2] << 8 | b[i + 3];
			if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
			    m != 0xCC) {
				*px_h = b[i + 5] << 8 | b[i + 6];
				*px_w = b[i + 7] << 8 | b[i + 8];
				break;
			}
			i += 2 + seg;
		}
		*ext = "jpeg";
	}
	if (!ok || *px_w <= 0 || *px_h <= 0 || *px_w > 100000 ||
	    *px_h > 100000) {
		buf_free(&bytes);
		return false;
	}
	*len = bytes.len;
	*data = buf_detach(&bytes);
	return true;
}

/* An image as an inline drawing, as wide as it is at 96 dpi but never
 * wider than the text. */
static bool
image_run(struct wml *w, const struct md_context *ctx, cmark_node *img)
{
	char *data;
	size_t len;
	long pw, ph;
	const char *ext;
	const char *url = cmark_node_get_url(img);

	if (url == NULL || !image_load(ctx, url, &data, &len, &pw, &ph, &ext))
		return false;
	char name[32];
	snprintf(name, sizeof(name), "image%zu.%s", w->n_media + 1, ext);
	w->media = xgrow(w->media, &w->cap_media, w->n_media,
	    sizeof(*w->media));
	w->media[w->n_media++] = (struct wml_media){ xstrdup(name), data,
	    len };
	char target[48];
	snprintf(target, sizeof(target), "media/%s", name);
	const char *rid = wml_rel(w, "image", target, false);
	/* EMU: 9525 a pixel at 96 dpi, 635 a twip. */
	long long cx = (long long)pw * 9525, cy = (long long)ph * 9525;
	long long max = (long long)w->text_width * 635;
	if (cx > max) {
		cy = cy * max / cx;
		cx = max;
	}
	struct buf alt = BUF_INIT;
	md_node_text(img, &alt);
	int id = w->next_docpr++;
	buf_printf(w->out, "<w:r><w:drawing><wp:inline distT=\"0\" "
	    "distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"%lld\" "
	    "cy=\"%lld\"/><wp:docPr id=\"%d\" name=\"%s\" descr=\"", cx, cy,
	    id, name);
	wml_escape(w->out, alt.data ? alt.data : "", alt.len);
	buf_printf(w->out, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks "
	    "noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic>"
	    "<a:graphicData uri=\"http://schemas.openxmlformats.org/"
	    "drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr "
	    "id=\"%d\" name=\"%s\"/><pic:cNvPicPr/></pic:nvPicPr>"
	    "<pic:blipFill><a:blip r:embed=\"%s\"/><a:stretch><a:fillRect/>"
	    "</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
	    "y=\"0\"/><a:ext cx=\"%lld\" cy=\"%lld\"/></a:xfrm><a:prstGeom "
	    "prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
	    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>", id,
	    name, rid, cx, cy);
	buf_free(&alt);
	return true;
}

#define LISTS_MAX 9	/* Word's levels of a list */

/* Where the renderer is in the tree. */
struct walk {
	struct wml *w;
	const struct md_context *ctx;
	int	 base, min_level;
	int	 bold, italic, link;
	int	 quote;
	struct list {
		int	 num;
		bool	 first;	/* the item's first paragraph is next */
	} lists[LISTS_MAX];
	int	 depth;		/* of lists, 0: none; deeper than LISTS_MAX,
				   items are laid out as the deepest */
	cmark_node *skip;	/* an image whose alt text is not text */
	const char *caption;	/* of the figure paragraph being written */
	int	 heading_id;
	struct md_tables tables;	/* the text's {{table}}s */
	struct md_ids ids;
};

/* The run properties where the walk is, in the schema's order; code in
 * Courier New, italic forced for an image's text. */
static void
run_props(struct walk *k, struct buf *rpr, bool code, bool italic)
{
	buf_reset(rpr);
	if (k->link)
		buf_puts(rpr, "<w:rStyle w:val=\"Hyperlink\"/>");
	if (code)
		buf_puts(rpr, "<w:rFonts w:ascii=\"Courier New\" "
		    "w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>");
	if (k->bold)
		buf_puts(rpr, "<w:b/>");
	if (k->italic || italic)
		buf_puts(rpr, "<w:i/>");
}

/* The innermost list, as far as Word's levels go. */
static struct list *
list_at(struct walk *k)
{
	return &k->lists[(k->depth > LISTS_MAX ? LISTS_MAX : k->depth) - 1];
}

static int
list_num(struct wml *w, bool ordered, int start, int level)
{
	w->nums = xgrow(w->nums, &w->cap_nums, w->n_nums, sizeof(*w->nums));
	int id = (int)w->n_nums + 1;
	w->nums[w->n_nums++] = (struct wml_num){ id, ordered, start, level };
	return id;
}

static void
block_para(struct walk *k, cmark_node *n)
{
	struct buf ppr = BUF_INIT;
	const char *style = NULL;

	if (k->depth > 0) {
		struct list *l = list_at(k);
		int level = (k->depth > LISTS_MAX ? LISTS_MAX : k->depth) - 1;
		style = "ListParagraph";
		if (l->first)
			buf_printf(&ppr, "<w:numPr><w:ilvl w:val=\"%d\"/>"
			    "<w:numId w:val=\"%d\"/></w:numPr>", level, l->num);
		else
			buf_printf(&ppr, "<w:ind w:left=\"%d\"/>",
			    567 * (level + 1) + 284);
		l->first = false;
	} else if (k->quote > 0)
		style = "Quote";
	/* An image alone in its paragraph: a figure, captioned by its
	 * title. */
	cmark_node *only = cmark_node_first_child(n);
	k->caption = NULL;
	if (only != NULL && cmark_node_next(only) == NULL &&
	    cmark_node_get_type(only) == CMARK_NODE_IMAGE && k->depth == 0 &&
	    k->quote == 0) {
		style = "Figure";
		const char *title = cmark_node_get_title(only);
		if (title != NULL && title[0] != '\0')
			k->caption = title;
	}
	para_open(k->w, style, ppr.len ? buf_str(&ppr) : NULL);
	buf_free(&ppr);
}

static void
walk_node(struct walk *k, cmark_node *n, cmark_event_type ev)
{
	struct wml *w = k->w;
	bool enter = ev == CMARK_EVENT_ENTER;
	struct buf rpr = BUF_INIT, text = BUF_INIT;

	if (k->skip != NULL) {
		if (n == k->skip && !enter)
			k->skip = NULL;
		return;
	}
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_DOCUMENT:
	case CMARK_NODE_ITEM:
		if (enter && k->depth > 0 &&
		    cmark_node_get_type(n) == CMARK_NODE_ITEM)
			list_at(k)->first = true;
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		k->quote += enter ? 1 : -1;
		break;
	case CMARK_NODE_LIST:
		if (enter) {
			bool ordered = cmark_node_get_list_type(n) ==
			    CMARK_ORDERED_LIST;
			int num = list_num(w, ordered, ordered ?
			    cmark_node_get_list_start(n) : 1, k->depth <
			    LISTS_MAX ? k->depth : LISTS_MAX - 1);
			k->depth++;
			/* Deeper than Word goes: the deepest level's numbering
			 * goes on. */
			if (k->depth <= LISTS_MAX)
				*list_at(k) = (struct list){ num, true };
		} else
			k->depth--;
		break;
	case CMARK_NODE_PARAGRAPH:
		if (enter)
			block_para(k, n);
		else {
			buf_puts(w->out, "</w:p>");
			if (k->caption != NULL)
				wml_para(w, "FigureCaption", NULL, NULL,
				    k->caption);
			k->caption = NULL;
		}
		break;
	case CMARK_NODE_HEADING:
		if (enter) {
			int level = k->base + cmark_node_get_heading_level(n) -
			    k->min_level;
			md_node_text(n, &text);
			k->heading_id = heading_open(w, level, NULL,
			    buf_str(&text));
		} else
			heading_close(w, k->heading_id);
		break;
	case CMARK_NODE_CODE_BLOCK: {
		const char *lit = cmark_node_get_literal(n);
		size_t len = strlen(lit);
		/* The last newline ends the block; it makes no line. */
		struct buf code = BUF_INIT;
		buf_append(&code, lit, len && lit[len - 1] == '\n' ? len - 1 :
		    len);
		wml_para(w, "Code", NULL, NULL, buf_str(&code));
		buf_free(&code);
		break;
	}
	case CMARK_NODE_THEMATIC_BREAK:
		wml_para(w, "Separator", NULL, NULL, "* * *");
		break;
	case CMARK_NODE_HTML_BLOCK:
		/* A {{table}}: its table, as the appendix lays it out. */
		md_table_of_mark(k->ctx, &k->tables, n, NULL, NULL, &k->ids,
		    w->out);
		break;
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_CUSTOM_BLOCK:
	case CMARK_NODE_CUSTOM_INLINE:
		/* Raw HTML is left out, as cmark's safe mode does. */
		break;
	case CMARK_NODE_TEXT:
		run_props(k, &rpr, false, false);
		wml_run(w, buf_str(&rpr), cmark_node_get_literal(n));
		break;
	case CMARK_NODE_CODE:
		run_props(k, &rpr, true, false);
		wml_run(w, buf_str(&rpr), cmark_node_get_literal(n));
		break;
	case CMARK_NODE_SOFTBREAK:
		run_props(k, &rpr, false, false);
		wml_run(w, buf_str(&rpr), " ");
		break;
	case CMARK_NODE_LINEBREAK:
		buf_puts(w->out, "<w:r><w:br/></w:r>");
		break;
	case CMARK_NODE_EMPH:
		k->italic += enter ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		k->bold += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK: {
		/* Only addresses of the allowed schemes become hyperlinks;
		 * a link to a file of the year is its text here, since the
		 * document travels alone. */
		const char *url = cmark_node_get_url(n);
		bool linked = cmark_node_get_user_data(n) != NULL;
		if (enter && url != NULL && url_allowed(url)) {
			buf_printf(w->out, "<w:hyperlink r:id=\"%s\" "
			    "w:history=\"1\">", wml_rel(w, "hyperlink", url,
			    true));
			cmark_node_set_user_data(n, n);
			k->link++;
		} else if (!enter && linked) {
			buf_puts(w->out, "</w:hyperlink>");
			k->link--;
		}
		break;
	}
	case CMARK_NODE_IMAGE:
		if (enter) {
			if (!image_run(w, k->ctx, n)) {
				/* Not embeddable: its text, in italics. */
				md_node_text(n, &text);
				run_props(k, &rpr, false, true);
				wml_run(w, buf_str(&rpr), buf_str(&text));
			}
			k->skip = n;
		}
		break;
	default:
		break;
	}
	buf_free(&rpr);
	buf_free(&text);
}

bool
wml_markdown(struct wml *w, const struct md_context *ctx,
    const struct markdown *md, int heading_base)
{
	struct buf text = BUF_INIT;
	bool ok = true;

	if (md->text == NULL)
		return true;
	const char *src = md->text;
	size_t len = md->len;
	struct walk k;
	memset(&k, 0, sizeof(k));
	if (memmem(md->text, md->len, "{{", 2) != NULL) {
		ok = md_expand_tables(ctx, md, &text, &k.tables);
		src = buf_str(&text);
		len = text.len;
	}
	cmark_node *doc = cmark_parse_document(src, len,
	    CMARK_OPT_VALIDATE_UTF8);
	if (doc == NULL) {
		md_tables_free(&k.tables);
		buf_free(&text);
		return false;
	}
	md_ids_init(&k.ids);
	k.w = w;
	k.ctx = ctx;
	k.base = heading_base;
	k.min_level = 7;
	for (cmark_node *n = cmark_node_first_child(doc); n != NULL;
	    n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) < k.min_level)
			k.min_level = cmark_node_get_heading_level(n);
	if (k.min_level == 7)
		k.min_level = 1;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		walk_node(&k, cmark_iter_get_node(it), ev);
	cmark_iter_free(it);
	cmark_node_free(doc);
	md_ids_free(&k.ids);
	md_tables_free(&k.tables);
	buf_free(&text);
	return ok;
}
