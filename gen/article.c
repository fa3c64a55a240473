/* The news article: article.html for the site, article.fragment.html for
 * a newsroom's CMS, with the meta data news sites read. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "page.h"
#include "pages.h"
#include "paths.h"
#include "xalloc.h"

/* The year's address, with a final '/', from site.yaml's base_url; NULL
 * without one. */
static char *
year_url(const struct page_writer *w)
{
	const char *base = w->c->site.base_url;
	struct buf b = BUF_INIT;

	if (base == NULL)
		return NULL;
	buf_puts(&b, base);
	if (b.len > 0 && b.data[b.len - 1] != '/')
		buf_putc(&b, '/');
	buf_printf(&b, "%s/", w->y->dir);
	return buf_detach(&b);
}

/* The NewsArticle of schema.org, as JSON that cannot end the <script>
 * element it stands in. */
static char *
article_jsonld(const struct page_writer *w, const char *description,
    const char *published, const char *image, const char *canonical)
{
	const struct article *a = w->y->article;
	json_t *o = json_object(), *author = json_object(),
	    *publisher = json_object();

	json_object_set_new(o, "@context", json_string("https://schema.org"));
	json_object_set_new(o, "@type", json_string("NewsArticle"));
	json_object_set_new(o, "headline", json_string(a->title));
	json_object_set_new(o, "description", json_string(description));
	json_object_set_new(o, "datePublished", json_string(published));
	json_object_set_new(o, "inLanguage", json_string(w->lang == LANG_EN ?
	    "en" : "vi"));
	json_object_set_new(author, "@type", json_string("Organization"));
	json_object_set_new(author, "name", json_string(a->author ? a->author :
	    w->c->site.organisation));
	json_object_set_new(o, "author", author);
	json_object_set_new(publisher, "@type", json_string("Organization"));
	json_object_set_new(publisher, "name",
	    json_string(w->c->site.organisation));
	json_object_set_new(o, "publisher", publisher);
	if (image != NULL)
		json_object_set_new(o, "image", json_pack("[s]", image));
	if (canonical != NULL)
		json_object_set_new(o, "mainEntityOfPage", json_string(canonical));
	char *text = json_dumps(o, JSON_COMPACT | JSON_ESCAPE_SLASH);
	json_decref(o);
	if (text == NULL)
		xalloc_die();
	/* Inside <script>, "<!--" and "<script" change where the element
	 * ends; '<', '>' and '&' occur only in strings, where \u escapes
	 * mean the same. */
	struct buf b = BUF_INIT;
	for (const char *s = text; *s; s++) {
		if (*s == '<')
			buf_puts(&b, "\\u003c");
		else if (*s == '>')
			buf_puts(&b, "\\u003e");
		else if (*s == '&')
			buf_puts(&b, "\\u0026");
		else
			buf_putc(&b, *s);
	}
	free(text);
	return buf_detach(&b);
}

/*
 * out/<YEAR>/article.html, and article.fragment.html: the <article>
 * alone, for a newsroom's CMS, with absolute links when site.yaml has
 * base_url.
 */
void
article_write(struct page_writer *w)
{
	const struct article *a = w->y->article;
	struct buf t = BUF_INIT, lead = BUF_INIT, desc = BUF_INIT,
	    published = BUF_INIT, page = BUF_INIT, fragment = BUF_INIT,
	    html = BUF_INIT, img = BUF_INIT, canon = BUF_INIT, rel = BUF_INIT;
	char iso[11];
	char *base = year_url(w);

	md_plain(&w->md, &a->lead, &desc);
	date_iso(date_first_day(a->published), iso);
	buf_printf(&published, "%sT00:00:00%s", iso, w->c->site.utc_offset);
	if (base != NULL)
		buf_printf(&canon, "%s" PATH_ARTICLE, base);
	if (a->image != NULL) {
		if (base != NULL)
			buf_puts(&img, base);
		buf_puts(&img, a->image);
	}

	/* The page (relative links), then the fragment (absolute ones). */
	for (int pass = 0; pass < 2; pass++) {
		struct tpl_dict *d = tpl_dict_new();
		struct md_page mp;
		struct buf *out = pass == 0 ? &page : &fragment;

		tpl_set(d, "TITLE", a->title);
		if (a->lead.text != NULL) {
			page_render(w, &a->lead, 0, 2, "lead-", &mp,
			    &lead);
			md_page_free(&mp);
			tpl_set(tpl_section(d, "LEAD"), "HTML", buf_str(&lead));
		}
		if (a->author)
			tpl_set(tpl_section(d, "AUTHOR"), "TEXT", a->author);
		page_date(w, &t, a->published);
		tpl_set(d, "DATE", buf_str(&t));
		date_iso(a->published, iso);
		tpl_set(d, "DATE_ISO", iso);
		if (a->image != NULL) {
			struct tpl_dict *im = tpl_section(d, "IMAGE");
			buf_reset(&t);
			if (pass == 1 && base != NULL)
				buf_puts(&t, base);
			buf_puts(&t, a->image);
			tpl_set(im, "SRC", buf_str(&t));
			tpl_set(im, "ALT", a->image_caption ? a->image_caption :
			    a->title);
			if (a->image_caption)
				tpl_set(tpl_section(im, "CAPTION"), "TEXT",
				    a->image_caption);
		}
		memset(&mp, 0, sizeof(mp));
		mp.heading_base = 2;
		mp.id_prefix = "article-";
		mp.base = pass == 1 ? base : NULL;
		md_render(&w->md, &a->body, &mp, &html);
		md_page_free(&mp);
		tpl_set(d, "BODY", buf_str(&html));
		if (a->source) {
			struct tpl_dict *s = tpl_section(d, "SOURCE");
			tpl_set(s, "LABEL", label_of(w, LABEL_SOURCE_LABEL));
			tpl_set(s, "TEXT", a->source);
		}
		tpl_set(d, "BACK_TO_TOP", label_of(w, LABEL_BACK_TO_TOP));
		page_expand(w, "article", d, out);
		tpl_dict_free(d);
	}

	char *jsonld = article_jsonld(w, buf_str(&desc), buf_str(&published),
	    a->image ? buf_str(&img) : NULL, base ? buf_str(&canon) : NULL);
	struct head head = { .description = buf_str(&desc),
	    .canonical = base ? buf_str(&canon) : NULL,
	    .image = a->image ? buf_str(&img) : NULL,
	    .image_alt = a->image_caption ? a->image_caption : a->title,
	    .published = buf_str(&published), .jsonld = jsonld };
	struct crumb cr[3];
	size_t n = page_crumbs(w, cr, &t, label_of(w, LABEL_NAV_ARTICLE), NULL,
	    NULL);
	page_write_head(w, PATH_ARTICLE, a->title, NAV_ARTICLE, cr, n,
	    buf_str(&page), &head);
	buf_printf(&rel, "%s/" PATH_ARTICLE_FRAGMENT, w->y->dir);
	if (w->ok)
		page_publish(w, buf_str(&rel), fragment.data, fragment.len);
	free(jsonld);
	free(base);
	buf_free(&t);
	buf_free(&lead);
	buf_free(&desc);
	buf_free(&published);
	buf_free(&page);
	buf_free(&fragment);
	buf_free(&html);
	buf_free(&img);
	buf_free(&canon);
	buf_free(&rel);
}

