/* report.docx: the package, its parts and the document's blocks; see
 * docx.h. The Markdown and the escaping are wml.c's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "buf.h"
#include "docx.h"
#include "template.h"
#include "markdown.h"
#include "stats.h"
#include "tpl.h"
#include "wml.h"
#include "xalloc.h"

/* The templates, each templates/docx/<name>.tpl. */
static const char *const templates[] = { "content_types", "rels",
    "document", "document_rels", "styles", "settings", "numbering",
    "header", "header_first", "core", "app", "sectpr", NULL };

/* The only values a template may insert unescaped: XML coopgen made. */
static const char *const raw_ok[] = { "BODY", "APPENDICES", "SECTPR",
    NULL };


/* The first relationship id of document.xml left to the body: rId1 to
 * rId5 are the parts document_rels.tpl names. */
#define FIRST_RID 6

/* Text widths between the margins, in twips. */
#define WIDTH_PORTRAIT	(11906 - 1701 - 850)
#define WIDTH_LANDSCAPE	(16838 - 1134 - 1134)

struct docx {
	struct tpl *tpl;
};

bool
docx_load(struct docx **out, const char *dir, struct diag *d)
{
	struct docx *x = xcalloc(1, sizeof(*x));
	struct fsx fs;
	bool ok = true;

	*out = x;
	x->tpl = tpl_new();
	if (!fsx_open(&fs, dir, "templates", d)) {
		fsx_close(&fs);
		return false;
	}
	for (size_t i = 0; templates[i] != NULL; i++) {
		char rel[64];
		snprintf(rel, sizeof(rel), "docx/%s.tpl", templates[i]);
		if (!template_load(x->tpl, &fs, dir, rel, templates[i],
		    TEMPLATE_XML, raw_ok, d))
			ok = false;
	}
	tpl_freeze(x->tpl);
	fsx_close(&fs);
	return ok;
}

void
docx_free(struct docx *x)
{
	if (x == NULL)
		return;
	tpl_free(x->tpl);
	free(x);
}

/* What a document is being made with. */
struct doc {
	struct docx *x;
	const struct docx_input *in;
	struct diag *d;
	struct wml w;
	struct md_context md;
	int	 tables;	/* captions numbered so far */
	bool	 ok;
};

/*
 * Set {{key}}: ctemplate escapes the value for XML where it lands and
 * makes the C0 controls spaces; the characters XML 1.0 forbids that it
 * would let through (U+FFFE, U+FFFF) are dropped here, as wml_escape does.
 */
static void
set(struct tpl_dict *d, const char *key, const char *value)
{
	struct buf b = BUF_INIT;

	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE ||
		    p[2] == 0xBF)) {
			p += 2;
			continue;
		}
		if ((*p >= 0x20 && *p != 0x7F) || *p == '\t' || *p == '\n')
			buf_putc(&b, (char)*p);
	}
	tpl_set(d, key, buf_str(&b));
	buf_free(&b);
}

static const char *
label_of(const struct doc *k, enum label id)
{
	return label(k->in->l, id);
}

/* Expand template name with dict onto out. */
static bool
expand(struct doc *k, const char *name, const struct tpl_dict *dict,
    struct buf *out)
{
	size_t len;
	char *s = tpl_expand(k->x->tpl, name, dict, &len);

	if (s == NULL) {
		diag_failure(k->d, name, "cannot expand the template");
		k->ok = false;
		return false;
	}
	buf_append(out, s, len);
	free(s);
	return true;
}

/* The section properties: the first section's has the title page (no
 * number on page 1); every section names the headers again, or it would
 * lose its page numbers. */
static void
sectpr(struct doc *k, bool first, bool landscape, struct buf *out)
{
	struct tpl_dict *d = tpl_dict_new();

	tpl_show(d, landscape ? "LANDSCAPE" : "PORTRAIT");
	if (first)
		tpl_show(d, "TITLE_PAGE");
	else
		tpl_show(d, "NEXT_PAGE");
	expand(k, "sectpr", d, out);
	tpl_dict_free(d);
}

/* "{place}, ngày {dd} tháng {mm} năm {y}": the decree's leading zeros,
 * days below 10 and months 1 and 2. */
static void
date_line(struct doc *k, struct buf *out)
{
	const char *s = label_of(k, LABEL_DOCX_DATE_LINE);
	const char *place = k->in->c->site.place;
	struct date dt = k->in->y->report.published;

	if (place == NULL && strncmp(s, "{place}, ", 9) == 0)
		s += 9;
	while (*s) {
		if (strncmp(s, "{place}", 7) == 0) {
			buf_puts(out, place ? place : "");
			s += 7;
		} else if (strncmp(s, "{dd}", 4) == 0) {
			if (dt.day > 0)
				buf_printf(out, "%02d", dt.day);
			else
				buf_puts(out, "    ");
			s += 4;
		} else if (strncmp(s, "{d}", 3) == 0) {
			if (dt.day > 0)
				buf_printf(out, "%d", dt.day);
			s += 3;
		} else if (strncmp(s, "{mm}", 4) == 0) {
			buf_printf(out, dt.month < 3 ? "%02d" : "%d", dt.month);
			s += 4;
		} else if (strncmp(s, "{m}", 3) == 0) {
			buf_printf(out, "%d", dt.month);
			s += 3;
		} else if (strncmp(s, "{month}", 7) == 0) {
			if (dt.month >= 1 && dt.month <= 12)
				buf_puts(out, k->in->loc->months[dt.month - 1]);
			s += 7;
		} else if (strncmp(s, "{y}", 3) == 0) {
			buf_printf(out, "%d", dt.year);
			s += 3;
		} else
			buf_putc(out, *s++);
	}
}

/* "Số: 05/BC-SHTT"; blank for the clerk when there is no number yet. */
static void
number_line(struct doc *k, struct buf *out)
{
	const struct document *doc = k->in->y->report.document;
	const char *sym = k->in->c->site.document_symbol;

	buf_printf(out, "%s ", label_of(k, LABEL_DOCX_NUMBER));
	if (doc->number == NULL)
		buf_puts(out, "      ");
	else if (strlen(doc->number) == 1 && doc->number[0] >= '1' &&
	    doc->number[0] <= '9')
		buf_printf(out, "0%s", doc->number);
	else
		buf_puts(out, doc->number);
	buf_printf(out, "/%s", label_of(k, LABEL_DOCX_TYPE));
	if (sym != NULL)
		buf_printf(out, "-%s", sym);
}

/* An item of a list of the form: "X;" and the last "X.", unless it ends
 * with its own punctuation. */
static const char *
item(struct buf *b, const char *text, bool last)
{
	size_t n = strlen(text);

	buf_reset(b);
	buf_puts(b, text);
	if (n > 0 && strchr(";.:", text[n - 1]) == NULL)
		buf_putc(b, last ? '.' : ';');
	return buf_str(b);
}

static void
fill_form(struct doc *k, struct tpl_dict *d)
{
	const struct site *s = &k->in->c->site;
	const struct report *r = &k->in->y->report;
	const struct document *doc = r->document;
	struct tpl_dict *f = tpl_section(d, "FORM");
	struct buf t = BUF_INIT;

	if (s->governing_body != NULL)
		set(tpl_section(f, "GOVERNING_BODY"), "TEXT",
		    s->governing_body);
	set(f, "AGENCY", s->organisation);
	number_line(k, &t);
	set(f, "NUMBER", buf_str(&t));
	set(f, "NATIONAL_TITLE", label_of(k, LABEL_DOCX_NATIONAL_TITLE));
	set(f, "MOTTO", label_of(k, LABEL_DOCX_MOTTO));
	buf_reset(&t);
	date_line(k, &t);
	set(f, "DATE_LINE", buf_str(&t));
	set(f, "DOCUMENT_TYPE", label_of(k, LABEL_DOCX_REPORT));
	set(f, "TITLE", r->title ? r->title : "");
	if (doc->n_to == 1) {
		struct tpl_dict *o = tpl_section(f, "TO_ONE");
		set(o, "LABEL", label_of(k, LABEL_DOCX_TO));
		set(o, "TEXT", item(&t, doc->to[0], true));
	} else if (doc->n_to > 1) {
		struct tpl_dict *m = tpl_section(f, "TO_MANY");
		set(m, "LABEL", label_of(k, LABEL_DOCX_TO));
		for (size_t i = 0; i < doc->n_to; i++)
			set(tpl_section(m, "ENTRY"), "TEXT", item(&t,
			    doc->to[i], i + 1 == doc->n_to));
	}

	struct tpl_dict *c = tpl_section(d, "CLOSING");
	if (doc->n_recipients > 0)
		set(tpl_section(c, "RECIPIENTS"), "LABEL",
		    label_of(k, LABEL_DOCX_RECIPIENTS));
	for (size_t i = 0; i < doc->n_recipients; i++)
		set(tpl_section(c, "RECIPIENT"), "TEXT", item(&t,
		    doc->recipients[i], i + 1 == doc->n_recipients));
	/* The position may hold several lines: "KT. CỤC TRƯỞNG", "PHÓ CỤC
	 * TRƯỞNG". */
	const char *p = doc->signer_position;
	for (bool first = true; p != NULL && *p; first = false) {
		size_t n = strcspn(p, "\n");
		buf_reset(&t);
		buf_append(&t, p, n);
		struct tpl_dict *pos = tpl_section(c, "POSITION");
		set(pos, "TEXT", buf_str(&t));
		if (first)
			tpl_show(pos, "FIRST");
		p += n + (p[n] == '\n');
	}
	set(c, "SIGNER", doc->signer_name);
	buf_free(&t);
}

static void
fill_cover(struct doc *k, struct tpl_dict *d)
{
	const struct report *r = &k->in->y->report;
	struct tpl_dict *c = tpl_section(d, "COVER");
	struct buf t = BUF_INIT;

	set(c, "ORGANISATION", k->in->c->site.organisation);
	set(c, "TITLE", r->title ? r->title : "");
	if (r->subtitle != NULL)
		set(tpl_section(c, "SUBTITLE"), "TEXT", r->subtitle);
	format_date(&t, k->in->loc, r->published);
	set(c, "DATE", buf_str(&t));
	if (r->n_authors > 0) {
		buf_reset(&t);
		for (size_t i = 0; i < r->n_authors; i++)
			buf_printf(&t, "%s%s", i ? ", " : "", r->authors[i]);
		struct tpl_dict *a = tpl_section(c, "AUTHORS");
		set(a, "LABEL", label_of(k, LABEL_DOCX_AUTHORS));
		set(a, "TEXT", buf_str(&t));
	}
	buf_free(&t);
}

/* A table of stats.h with its numbered caption: the header row repeated
 * on each page, no row split across pages. */
static void
table(struct doc *k, const struct stats_table *t, long width)
{
	struct wml *w = &k->w;
	struct buf *o = w->out, cap = BUF_INIT, num = BUF_INIT;
	long *cols = xcalloc(t->ncols, sizeof(*cols));

	buf_printf(&cap, "%s %d. %s", label_of(k, LABEL_TABLE), ++k->tables,
	    t->caption);
	wml_para(w, "Caption", NULL, NULL, buf_str(&cap));
	/* Widths: numbers narrow, the first column widest. */
	double weight = 0;
	for (size_t c = 0; c < t->ncols; c++)
		weight += c == 0 ? 3.0 : t->numeric[c] ? 1.0 : 1.6;
	long used = 0;
	for (size_t c = 1; c < t->ncols; c++) {
		cols[c] = (long)((double)width * (t->numeric[c] ? 1.0 : 1.6) /
		    weight);
		used += cols[c];
	}
	cols[0] = width - used;
	buf_printf(o, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
	    "<w:tblW w:w=\"%ld\" w:type=\"dxa\"/><w:tblLayout "
	    "w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
	    "w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" "
	    "w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>", width);
	for (size_t c = 0; c < t->ncols; c++)
		buf_printf(o, "<w:gridCol w:w=\"%ld\"/>", cols[c]);
	buf_puts(o, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
	    "</w:trPr>");
	for (size_t c = 0; c < t->ncols; c++) {
		buf_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" "
		    "w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" "
		    "w:fill=\"E7E6E6\"/><w:vAlign w:val=\"center\"/></w:tcPr>",
		    cols[c]);
		wml_para(w, "TableHead", NULL, NULL, t->heads[c]);
		buf_puts(o, "</w:tc>");
	}
	buf_puts(o, "</w:tr>");
	for (size_t r = 0; r < t->nrows; r++) {
		const struct stats_row *row = &t->rows[r];
		const char *rpr = row->total ? "<w:b/>" : NULL;
		buf_puts(o, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (size_t c = 0; c < t->ncols; c++) {
			const struct stats_cell *cell = c > 0 ?
			    &row->cells[c - 1] : NULL;
			const char *text = cell ? cell->text : row->name;
			bool right = false;
			if (text == NULL && cell == NULL) {
				text = "";
			} else if (text == NULL) {
				buf_reset(&num);
				if (cell->sign && cell->num > 0)
					buf_putc(&num, '+');
				format_number(&num, k->in->loc, cell->num);
				text = buf_str(&num);
				right = true;
			}
			buf_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" "
			    "w:type=\"dxa\"/></w:tcPr>", cols[c]);
			wml_para(w, "TableText", right ?
			    "<w:jc w:val=\"right\"/>" : NULL, rpr, text);
			buf_puts(o, "</w:tc>");
		}
		buf_puts(o, "</w:tr>");
	}
	buf_puts(o, "</w:tbl>");
	free(cols);
	buf_free(&cap);
	buf_free(&num);
}

/* A {{table}} of the prose (md_context's table writer): as the appendix
 * lays its tables out, numbered with them, across the text's width. */
static void
prose_table(void *arg, const struct stats_table *t, struct buf *out)
{
	struct doc *k = arg;
	struct buf *was = k->w.out;

	k->w.out = out;
	table(k, t, k->w.text_width);
	k->w.out = was;
}

/* Whether a table needs a landscape page. */
static bool
wide(const struct stats_table *t)
{
	return t->ncols > 7;
}

/* The appendix: every table of figures, then the lists; the wide ones in
 * landscape sections. Whether the first section is still open after it
 * (no section break in it). */
static bool
appendix(struct doc *k, const struct stats *s, struct buf *out)
{
	struct wml *w = &k->w;
	struct buf *body = w->out, t = BUF_INIT;

	w->out = out;
	wml_para(w, "Appendix", "<w:pageBreakBefore/>", NULL,
	    label_of(k, LABEL_DOCX_APPENDIX));
	label_expand(&t, k->in->l, LABEL_DOCX_APPENDIX_TITLE, k->in->y->year,
	    k->in->c->site.organisation);
	wml_heading(w, 1, "AppendixTitle", buf_str(&t));
	bool first = true;	/* the first section is still open */
	for (size_t i = 0; i < s->n; i++) {
		const struct stats_table *tb = &s->v[i];
		if (!wide(tb)) {
			table(k, tb, WIDTH_PORTRAIT);
			continue;
		}
		/* End the portrait section before, and the landscape one
		 * after, each in a paragraph of its own. */
		buf_puts(out, "<w:p><w:pPr>");
		sectpr(k, first, false, out);
		buf_puts(out, "</w:pPr></w:p>");
		first = false;
		table(k, tb, WIDTH_LANDSCAPE);
		buf_puts(out, "<w:p><w:pPr>");
		sectpr(k, false, true, out);
		buf_puts(out, "</w:pPr></w:p>");
	}
	buf_reset(&t);
	label_expand(&t, k->in->l, LABEL_SOURCE_LINE, k->in->y->year,
	    k->in->c->site.organisation);
	wml_para(w, "Source", NULL, NULL, buf_str(&t));
	w->out = body;
	buf_free(&t);
	return first;
}

/* The contents: a TOC field whose result holds the entries already, each
 * a link to its heading; Word adds the page numbers when it updates the
 * field. */
static void
contents(struct doc *k, struct buf *out)
{
	const struct wml *w = &k->w;
	struct wml tmp;

	wml_init(&tmp, out, 0);
	wml_para(&tmp, "TOCHeading", NULL, NULL, label_of(k, LABEL_CONTENTS));
	size_t n = 0;
	for (size_t i = 0; i < w->n_headings; i++)
		n += w->headings[i].level <= 3;
	static const char begin[] = "<w:r><w:fldChar w:fldCharType=\"begin\"/>"
	    "</w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" "
	    "\\h \\z \\u </w:instrText></w:r><w:r><w:fldChar "
	    "w:fldCharType=\"separate\"/></w:r>";
	static const char end[] = "<w:r><w:fldChar w:fldCharType=\"end\"/>"
	    "</w:r>";
	if (n == 0) {
		buf_printf(out, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>"
		    "%s%s</w:p>", begin, end);
		wml_free(&tmp);
		return;
	}
	size_t seen = 0;
	for (size_t i = 0; i < w->n_headings; i++) {
		const struct wml_heading *h = &w->headings[i];
		if (h->level > 3)
			continue;
		buf_printf(out, "<w:p><w:pPr><w:pStyle w:val=\"TOC%d\"/>"
		    "</w:pPr>", h->level);
		if (seen++ == 0)
			buf_puts(out, begin);
		buf_printf(out, "<w:hyperlink w:anchor=\"%s\" w:history=\"1\">",
		    h->bookmark);
		wml_run(&tmp, NULL, h->text);
		buf_puts(out, "</w:hyperlink>");
		if (seen == n)
			buf_puts(out, end);
		buf_puts(out, "</w:p>");
	}
	wml_free(&tmp);
}

/* The body: the lead, the contents, the key figures and the chapters; the
 * appendix, and the last section's properties. */
static void
body(struct doc *k, bool form, struct buf *out, struct buf *apx,
    struct buf *last)
{
	const struct year *y = k->in->y;
	struct wml *w = &k->w;
	struct buf chapters = BUF_INIT, lead = BUF_INIT;
	struct stats s = { .a = ARENA_INIT };
	struct stats_input si = { .c = k->in->c, .y = y, .f = k->in->f,
	    .l = k->in->l, .loc = k->in->loc };

	/* The lead: its headings are not the document's. */
	w->out = &lead;
	if (y->report.lead.text != NULL) {
		size_t nh = w->n_headings;
		if (!wml_markdown(w, &k->md, &y->report.lead, 3))
			k->ok = false;
		for (size_t i = nh; i < w->n_headings; i++)
			w->headings[i].level = 9;
	}

	/* The key figures, then each chapter. */
	w->out = &chapters;
	stats_key_figures(&s, &si);
	wml_para(w, "TOCHeading", NULL, NULL, label_of(k, LABEL_KEY_FIGURES));
	table(k, &s.v[0], WIDTH_PORTRAIT);
	for (size_t i = 0; i < y->n_sections; i++) {
		const struct section *sec = &y->sections[i];
		wml_heading(w, 1, NULL, sec->title ? sec->title : "");
		if (!wml_markdown(w, &k->md, &sec->body, 2))
			k->ok = false;
	}
	if (form)
		wml_para(w, "Normal", "<w:jc w:val=\"right\"/>", NULL,
		    label_of(k, LABEL_DOCX_END));
	stats_free(&s);

	stats_figure_tables(&s, &si);
	stats_lists(&s, &si);
	/* The body's last section: the first one when nothing broke it. */
	bool first = appendix(k, &s, apx);
	stats_free(&s);
	sectpr(k, first, false, last);

	buf_append(out, lead.data ? lead.data : "", lead.len);
	contents(k, out);
	buf_append(out, chapters.data ? chapters.data : "", chapters.len);
	w->out = out;
	buf_free(&chapters);
	buf_free(&lead);
}

/* One entry of the zip, deflated, dated 1980-01-01 00:00 like every
 * other. */
static bool
zip_add(struct doc *k, zipFile z, const char *path, const char *name,
    const void *data, size_t len)
{
	zip_fileinfo zi;

	memset(&zi, 0, sizeof(zi));
	zi.tmz_date.tm_year = 1980;
	zi.tmz_date.tm_mday = 1;
	int rc = zipOpenNewFileInZip3_64(z, name, &zi, NULL, 0, NULL, 0, NULL,
	    Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, DEF_MEM_LEVEL,
	    Z_DEFAULT_STRATEGY, NULL, 0, 0);
	if (rc == ZIP_OK && len > 0)
		rc = zipWriteInFileInZip(z, data, (unsigned)len);
	if (rc == ZIP_OK)
		rc = zipCloseFileInZip(z);
	else
		zipCloseFileInZip(z);
	if (rc != ZIP_OK) {
		diag_failure(k->d, path, "cannot write %s into the document "
		    "(minizip error %d%s%s)", name, rc, rc == ZIP_ERRNO ? ": " :
		    "", rc == ZIP_ERRNO ? strerror(errno) : "");
		k->ok = false;
		return false;
	}
	return true;
}

/* Expand a part's template with d onto a fresh buffer. */
static bool
part(struct doc *k, const char *name, struct tpl_dict *d, struct buf *out)
{
	buf_reset(out);
	bool ok = expand(k, name, d, out);
	tpl_dict_free(d);
	return ok;
}

bool
docx_write(struct docx *x, const struct docx_input *in, const char *path,
    struct diag *diag)
{
	const struct content *c = in->c;
	const struct year *y = in->y;
	const struct report *r = &y->report;
	bool form = r->document != NULL && c->site.lang == LANG_VI;
	const char *lang = c->site.lang == LANG_EN ? "en-US" : "vi-VN";
	struct doc k;
	struct buf bodyx = BUF_INIT, apx = BUF_INIT, last = BUF_INIT;

	memset(&k, 0, sizeof(k));
	k.x = x;
	k.in = in;
	k.d = diag;
	k.ok = true;
	k.md = (struct md_context){ .c = c, .y = y, .figures = in->json,
	    .fs = in->fs, .d = diag, .loc = in->loc, .l = in->l, .f = in->f,
	    .table = prose_table, .table_arg = &k };
	wml_init(&k.w, &bodyx, FIRST_RID);
	k.w.lang = lang;
	k.w.text_width = WIDTH_PORTRAIT;
	body(&k, form, &bodyx, &apx, &last);

	/* The parts, in the order they go into the zip. */
	struct {
		const char *name;
		struct buf b;
	} parts[] = {
		{ "[Content_Types].xml", BUF_INIT },
		{ "_rels/.rels", BUF_INIT },
		{ "docProps/core.xml", BUF_INIT },
		{ "docProps/app.xml", BUF_INIT },
		{ "word/document.xml", BUF_INIT },
		{ "word/_rels/document.xml.rels", BUF_INIT },
		{ "word/styles.xml", BUF_INIT },
		{ "word/settings.xml", BUF_INIT },
		{ "word/numbering.xml", BUF_INIT },
		{ "word/header1.xml", BUF_INIT },
		{ "word/header2.xml", BUF_INIT },
	};
	enum { P_TYPES, P_RELS, P_CORE, P_APP, P_DOC, P_DOCRELS, P_STYLES,
	    P_SETTINGS, P_NUMBERING, P_HEADER, P_HEADER_FIRST, P_COUNT };
	struct tpl_dict *d;

	part(&k, "content_types", tpl_dict_new(), &parts[P_TYPES].b);
	part(&k, "rels", tpl_dict_new(), &parts[P_RELS].b);

	d = tpl_dict_new();
	char when[32];
	struct tm tm;
	if (gmtime_r(&in->created, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		strcpy(when, "1980-01-01T00:00:00Z");
	set(d, "TITLE", r->title ? r->title : "");
	set(d, "SUBJECT", r->subtitle ? r->subtitle : r->title ? r->title :
	    "");
	set(d, "CREATOR", c->site.organisation);
	set(d, "LANG", lang);
	set(d, "CREATED", when);
	part(&k, "core", d, &parts[P_CORE].b);

	d = tpl_dict_new();
	set(d, "ORGANISATION", c->site.organisation);
	part(&k, "app", d, &parts[P_APP].b);

	d = tpl_dict_new();
	if (form)
		fill_form(&k, d);
	else
		fill_cover(&k, d);
	tpl_set_nocopy(d, "BODY", buf_str(&bodyx));
	tpl_set_nocopy(d, "APPENDICES", buf_str(&apx));
	tpl_set_nocopy(d, "SECTPR", buf_str(&last));
	part(&k, "document", d, &parts[P_DOC].b);

	d = tpl_dict_new();
	for (size_t i = 0; i < k.w.n_rels; i++) {
		struct tpl_dict *e = tpl_section(d, "REL");
		set(e, "ID", k.w.rels[i].id);
		set(e, "TYPE", k.w.rels[i].type);
		set(e, "TARGET", k.w.rels[i].target);
		if (k.w.rels[i].external)
			tpl_show(e, "EXTERNAL");
	}
	part(&k, "document_rels", d, &parts[P_DOCRELS].b);

	d = tpl_dict_new();
	set(d, "LANG", lang);
	part(&k, "styles", d, &parts[P_STYLES].b);
	d = tpl_dict_new();
	set(d, "LANG", lang);
	set(d, "DECIMAL", c->site.lang == LANG_EN ? "." : ",");
	part(&k, "settings", d, &parts[P_SETTINGS].b);

	d = tpl_dict_new();
	for (size_t i = 0; i < k.w.n_nums; i++) {
		struct tpl_dict *e = tpl_section(d, "NUM");
		char v[24];
		snprintf(v, sizeof(v), "%d", k.w.nums[i].id);
		set(e, "ID", v);
		set(e, "ABSTRACT", k.w.nums[i].ordered ? "1" : "0");
		snprintf(v, sizeof(v), "%d", k.w.nums[i].start);
		set(e, "START", v);
		snprintf(v, sizeof(v), "%d", k.w.nums[i].level);
		set(e, "LEVEL", v);
	}
	part(&k, "numbering", d, &parts[P_NUMBERING].b);
	part(&k, "header", tpl_dict_new(), &parts[P_HEADER].b);
	part(&k, "header_first", tpl_dict_new(), &parts[P_HEADER_FIRST].b);

	if (k.ok) {
		zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
		if (z == NULL) {
			diag_failure(diag, path, "cannot create the document: "
			    "%s", strerror(errno));
			k.ok = false;
		}
		for (int i = 0; k.ok && i < P_COUNT; i++)
			zip_add(&k, z, path, parts[i].name, parts[i].b.data,
			    parts[i].b.len);
		for (size_t i = 0; k.ok && i < k.w.n_media; i++) {
			char name[64];
			snprintf(name, sizeof(name), "word/media/%s",
			    k.w.media[i].name);
			zip_add(&k, z, path, name, k.w.media[i].data,
			    k.w.media[i].len);
		}
		if (z != NULL && zipClose(z, NULL) != ZIP_OK && k.ok) {
			diag_failure(diag, path, "cannot write the document: %s",
			    strerror(errno));
			k.ok = false;
		}
	}
	for (int i = 0; i < P_COUNT; i++)
		buf_free(&parts[i].b);
	wml_free(&k.w);
	buf_free(&bodyx);
	buf_free(&apx);
	buf_free(&last);
	return k.ok;
}
