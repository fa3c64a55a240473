/*
 * The machinery every page of the report shares: templates expanded, the
 * layout (navigation, crumbs, the head of an article), the tables made
 * from table.tpl, Markdown rendered for a page, and the files published.
 * The writers of the pages (pages.c, article.c) call it; it calls only
 * what lies below it (the template bridge, svg, markdown, publish).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "page.h"
#include "paths.h"
#include "stats.h"
#include "svg.h"
#include "tpl.h"

/* Expand template name with d into out (appended). */
bool
page_expand(struct page_writer *w, const char *name, const struct tpl_dict *d,
    struct buf *out)
{
	size_t len;
	char *s = tpl_expand(w->tpl, name, d, &len);

	if (s == NULL) {
		diag_failure(w->in->d, name, "cannot expand the template");
		w->ok = false;
		return false;
	}
	buf_append(out, s, len);
	free(s);
	return true;
}

/* Folders between rel and its root (the year folder, or out/). */
static int
depth_of(const char *rel)
{
	int up = 0;

	for (const char *s = rel; *s; s++)
		up += *s == '/';
	return up;
}

/*
 * The layout's dictionary for a page up folders below its root, but for
 * its body; *here, when here is not NULL, is the dictionary of the last
 * step of the crumbs when it is the page itself.
 */
static struct tpl_dict *
layout_dict(struct page_writer *w, int up, const char *title, enum nav current,
    const struct crumb *crumbs, size_t ncrumbs, const struct head *head,
    struct tpl_dict **here)
{
	struct tpl_dict *d = tpl_dict_new();
	struct buf root = BUF_INIT, year = BUF_INIT, t = BUF_INIT, href = BUF_INIT;

	up_prefix(&year, up);
	up_prefix(&root, up + (w->y != NULL));

	tpl_set(d, "LANG", w->lang == LANG_EN ? "en" : "vi");
	tpl_set(d, "TITLE", title);
	tpl_set(d, "SITE", w->c->site.organisation);
	tpl_set(d, "ROOT", buf_str(&root));
	tpl_set(d, "SKIP", label_of(w, LABEL_HTML_SKIP));
	tpl_set(d, "CRUMBS_LABEL", label_of(w, LABEL_HTML_CRUMBS));
	/* A page outside any year (the list of years, the dossiers) is
	 * not one year's report. */
	tpl_set(d, "FOOTER", label_expanded(w, w->y ? LABEL_HTML_FOOTER :
	    LABEL_HTML_FOOTER_SITE, &t));
	if (w->y != NULL) {
		static const struct { enum label label; const char *href; } nav[] = {
			{ LABEL_NAV_REPORT, PATH_REPORT },
			{ LABEL_NAV_STATISTICS, PATH_STATISTICS },
			{ LABEL_NAV_ACTIVITIES, PATH_ACTIVITY_INDEX },
			{ LABEL_NAV_PARTNERS, PATH_PARTNER_INDEX },
			{ LABEL_NAV_AGREEMENTS, PATH_AGREEMENTS },
			{ LABEL_NAV_PROJECTS, PATH_PROJECTS },
			{ LABEL_NAV_ARTICLE, PATH_ARTICLE },
		};
		struct tpl_dict *n = tpl_section(d, "NAV");
		tpl_set(n, "NAV_LABEL", label_of(w, LABEL_HTML_NAV));
		for (int i = 0; i < (int)(sizeof(nav) / sizeof(*nav)); i++) {
			/* No article.md, no article, and no link to one. */
			if (i == NAV_ARTICLE && w->y->article == NULL)
				continue;
			struct tpl_dict *item = tpl_section(n, "ITEM");
			buf_reset(&href);
			buf_printf(&href, "%s%s", buf_str(&year), nav[i].href);
			tpl_set(item, "HREF", buf_str(&href));
			tpl_set(item, "LABEL", label_of(w, nav[i].label));
			if (i == (int)current)
				tpl_show(item, "CURRENT");
		}
	}
	/* All years, then the year, then the path to the page. */
	struct tpl_dict *cr = tpl_section(d, "CRUMB");
	if (w->y == NULL && ncrumbs == 0) {
		struct tpl_dict *years = tpl_section(cr, "HERE");
		tpl_set(years, "LABEL", label_of(w, LABEL_NAV_YEARS));
	} else {
		struct tpl_dict *link = tpl_section(cr, "LINK");
		buf_reset(&href);
		buf_printf(&href, "%s" PATH_SITE_INDEX, buf_str(&root));
		tpl_set(link, "HREF", buf_str(&href));
		tpl_set(link, "LABEL", label_of(w, LABEL_NAV_YEARS));
	}
	for (size_t i = 0; i < ncrumbs; i++) {
		cr = tpl_section(d, "CRUMB");
		if (crumbs[i].href == NULL) {
			struct tpl_dict *h = tpl_section(cr, "HERE");
			tpl_set(h, "LABEL", crumbs[i].label);
			if (here != NULL)
				*here = h;
			continue;
		}
		struct tpl_dict *link = tpl_section(cr, "LINK");
		buf_reset(&href);
		buf_printf(&href, "%s%s", buf_str(&year), crumbs[i].href);
		tpl_set(link, "HREF", buf_str(&href));
		tpl_set(link, "LABEL", crumbs[i].label);
	}
	if (head != NULL) {
		struct tpl_dict *m = tpl_section(d, "META");
		tpl_set(m, "DESCRIPTION", head->description);
		tpl_set(m, "OG_TITLE", title);
		tpl_set(m, "OG_LOCALE", label_of(w, LABEL_OG_LOCALE));
		tpl_set(m, "PUBLISHED", head->published);
		tpl_set(m, "JSONLD", head->jsonld);
		if (head->canonical) {
			tpl_set(tpl_section(m, "CANONICAL"), "HREF",
			    head->canonical);
			tpl_set(tpl_section(m, "OG_URL"), "HREF",
			    head->canonical);
		}
		if (head->image) {
			struct tpl_dict *img = tpl_section(m, "OG_IMAGE");
			tpl_set(img, "SRC", head->image);
			tpl_set(img, "ALT", head->image_alt);
		}
	}
	buf_free(&root);
	buf_free(&year);
	buf_free(&t);
	buf_free(&href);
	return d;
}

/* Expand the layout's dictionary d, body set, and publish it as rel. */
static void
layout_write(struct page_writer *w, struct tpl_dict *d, const char *rel)
{
	struct buf page = BUF_INIT, path = BUF_INIT;

	if (page_expand(w, "layout", d, &page)) {
		if (w->y != NULL)
			buf_printf(&path, "%s/", w->y->dir);
		buf_puts(&path, rel);
		page_publish(w, buf_str(&path), page.data, page.len);
	}
	buf_free(&page);
	buf_free(&path);
}

/*
 * Put body in the layout and publish it as rel, a path relative to the
 * year folder (or to out/ when w->y is NULL); head, when not NULL, fills
 * the article's meta data.
 */
void
page_write_head(struct page_writer *w, const char *rel, const char *title,
    enum nav current, const struct crumb *crumbs, size_t ncrumbs,
    const char *body, const struct head *head)
{
	struct tpl_dict *d = layout_dict(w, depth_of(rel), title, current,
	    crumbs, ncrumbs, head, NULL);

	tpl_set(d, "BODY", body);
	layout_write(w, d, rel);
	tpl_dict_free(d);
}

void
frame_begin(struct frame *f, struct page_writer *w, const char *rel,
    enum nav current, const struct crumb *crumbs, size_t ncrumbs)
{
	f->up = depth_of(rel);
	f->here = NULL;
	f->d = layout_dict(w, f->up, "", current, crumbs, ncrumbs, NULL,
	    &f->here);
}

void
frame_write(struct frame *f, struct page_writer *w, const char *rel,
    const char *title, const char *body)
{
	/* Not copied: the dictionary is expanded before they go. */
	tpl_set_nocopy(f->d, "TITLE", title);
	if (f->here != NULL)
		tpl_set_nocopy(f->here, "LABEL", title);
	tpl_set_nocopy(f->d, "BODY", body);
	/* A frame is for pages of one folder: its links are relative to it.
	 * Another folder's page through it is coopgen's own mistake. */
	assert(depth_of(rel) == f->up);
	layout_write(w, f->d, rel);
}

void
frame_end(struct frame *f)
{
	tpl_dict_free(f->d);
	f->d = f->here = NULL;
}

void
page_write(struct page_writer *w, const char *rel, const char *title,
    enum nav current, const struct crumb *crumbs, size_t ncrumbs,
    const char *body)
{
	page_write_head(w, rel, title, current, crumbs, ncrumbs, body, NULL);
}

/* The crumbs of a page below the year: the year, then more. */
size_t
page_crumbs(struct page_writer *w, struct crumb *c, struct buf *year_label,
    const char *section, const char *section_href, const char *here)
{
	size_t n = 0;

	c[n++] = (struct crumb){ label_expanded(w, LABEL_REPORT_OF_YEAR,
	    year_label), here || section ? PATH_REPORT : NULL };
	if (section != NULL)
		c[n++] = (struct crumb){ section, here ? section_href : NULL };
	if (here != NULL)
		c[n++] = (struct crumb){ here, NULL };
	return n;
}

void
table_begin(struct table *t, const struct page_writer *w, const char *id,
    const char *caption)
{
	t->d = tpl_dict_new();
	t->row = NULL;
	t->loc = w->loc;
	memset(&t->num, 0, sizeof(t->num));
	tpl_set(t->d, "ID", id);
	tpl_set(t->d, "CAPTION", caption);
}

void
table_head(struct table *t, const char *label, bool numeric)
{
	struct tpl_dict *h = tpl_section(t->d, "HEAD");

	tpl_set(h, "LABEL", label);
	if (numeric)
		tpl_show(h, "NUM");
}

void
table_row(struct table *t, const char *name, const char *href)
{
	t->row = tpl_section(t->d, "ROW");
	tpl_set(t->row, "NAME", name);
	if (href != NULL)
		tpl_set(tpl_section(t->row, "LINK"), "HREF", href);
	else
		tpl_show(t->row, "PLAIN");
}

/* A row about the row above it (its change): named, never linked. */
void
table_sub_row(struct table *t, const char *name)
{
	table_row(t, name, NULL);
	tpl_show(t->row, "SUB");
}

/* The total row; cells added after it go to it. */
void
table_total(struct table *t, const char *name)
{
	t->row = tpl_section(t->d, "TOTAL");
	tpl_set(t->row, "NAME", name);
}

void
table_text(struct table *t, const char *text, const char *href)
{
	struct tpl_dict *c = tpl_section(t->row, "CELL");

	tpl_set(c, "VALUE", text ? text : "");
	/* Sections of their own: ctemplate looks a section up in the row's
	 * dictionary too, and the row's LINK would show in every cell. */
	if (href != NULL)
		tpl_set(tpl_section(c, "CELL_LINK"), "HREF", href);
	else
		tpl_show(c, "CELL_PLAIN");
}

void
table_blank(struct table *t)
{
	tpl_show(tpl_section(t->row, "CELL"), "CELL_PLAIN");
}

void
table_num(struct table *t, long long n)
{
	struct tpl_dict *c = tpl_section(t->row, "CELL");

	buf_reset(&t->num);
	format_number(&t->num, t->loc, n);
	tpl_set(c, "VALUE", buf_str(&t->num));
	tpl_show(c, "NUM");
	tpl_show(c, "CELL_PLAIN");
}

void
table_end(struct page_writer *w, struct table *t, const char *chart,
    struct buf *out)
{
	tpl_set(t->d, "CHART", chart ? chart : "");
	page_expand(w, "table", t->d, out);
	tpl_dict_free(t->d);
	buf_free(&t->num);
}

/* A table of stats.h as table.tpl lays it out, with its chart. */
void
page_stats_table(struct page_writer *w, const struct stats_table *st,
    struct buf *out)
{
	struct table t;
	struct buf svg = BUF_INIT, v = BUF_INIT;

	table_begin(&t, w, st->id, st->caption);
	for (size_t c = 0; c < st->ncols; c++)
		table_head(&t, st->heads[c], st->numeric[c]);
	for (size_t r = 0; r < st->nrows; r++) {
		const struct stats_row *row = &st->rows[r];
		if (row->total)
			table_total(&t, row->name);
		else if (row->sub)
			table_sub_row(&t, row->name);
		else
			table_row(&t, row->name, row->href);
		for (size_t c = 1; c < st->ncols; c++) {
			const struct stats_cell *cell = &row->cells[c - 1];
			if (cell->text != NULL) {
				table_text(&t, cell->text, NULL);
			} else if (cell->sign) {
				buf_reset(&v);
				if (cell->num > 0)
					buf_putc(&v, '+');
				format_number(&v, w->loc, cell->num);
				struct tpl_dict *d = tpl_section(t.row, "CELL");
				tpl_set(d, "VALUE", buf_str(&v));
				tpl_show(d, "NUM");
				tpl_show(d, "CELL_PLAIN");
			} else
				table_num(&t, cell->num);
		}
	}
	if (st->chart_n > 0)
		svg_bar_chart(&svg, st->chart_id, st->chart_title,
		    label_of(w, LABEL_CHART_DESC), st->chart_names,
		    st->chart_values, st->chart_n, w->loc);
	table_end(w, &t, st->chart_n > 0 ? buf_str(&svg) : NULL, out);
	buf_free(&svg);
	buf_free(&v);
}

void
page_prose_table(void *w, const struct stats_table *t, struct buf *out)
{
	page_stats_table(w, t, out);
}

/* A table of one figure per row, with its bar chart. */
void
figure_table(struct page_writer *w, const char *id, enum label caption,
    const char *head, const char *const names[], const char *const hrefs[],
    const long long values[], size_t n, long long total, bool chart,
    struct buf *out)
{
	struct table t;
	struct buf cap = BUF_INIT, svg = BUF_INIT, cid = BUF_INIT;

	table_begin(&t, w, id, label_expanded(w, caption, &cap));
	table_head(&t, head, false);
	table_head(&t, label_of(w, LABEL_COL_COUNT), true);
	for (size_t i = 0; i < n; i++) {
		table_row(&t, names[i], hrefs ? hrefs[i] : NULL);
		table_num(&t, values[i]);
	}
	if (total >= 0) {
		table_total(&t, label_of(w, LABEL_ROW_TOTAL));
		table_num(&t, total);
	}
	if (chart) {
		buf_printf(&cid, "%s-chart", id);
		svg_bar_chart(&svg, buf_str(&cid), buf_str(&cap),
		    label_of(w, LABEL_CHART_DESC), names, values, n, w->loc);
	}
	table_end(w, &t, chart ? buf_str(&svg) : NULL, out);
	buf_free(&cap);
	buf_free(&svg);
	buf_free(&cid);
}

void
activity_meta(const struct content *c, const struct locale *loc,
    const struct activity *a, struct buf *out)
{
	buf_reset(out);
	format_date(out, loc, a->date);
	buf_puts(out, " · ");
	buf_puts(out, c->site.kinds.v[a->kind.index].name);
	if (a->count > 1) {
		buf_puts(out, " · ×");
		format_number(out, loc, a->count);
	}
}

/* A date standing alone, as at the start of a cell: "Tháng 6/2023". */
void
page_date(const struct page_writer *w, struct buf *out, struct date d)
{
	buf_reset(out);
	format_date(out, w->loc, d);
	if (out->len > 0 && out->data[0] >= 'a' && out->data[0] <= 'z')
		out->data[0] = (char)(out->data[0] - 'a' + 'A');
}

void
page_md_page(struct page_writer *w, int up, int base, const char *prefix,
    struct md_page *page)
{
	*page = (struct md_page){ .up = up, .heading_base = base,
	    .id_prefix = prefix, .ids = w->ids };
}

void
page_render(struct page_writer *w, const struct markdown *md, int up, int base,
    const char *prefix, struct md_page *page, struct buf *out)
{
	page_md_page(w, up, base, prefix, page);
	md_render(&w->md, md, page, out);
}

bool
page_publish(struct page_writer *w, const char *rel, const void *data,
    size_t len)
{
	if (!publish_write(w->p, rel, data, len)) {
		w->ok = false;
		return false;
	}
	if (w->written != NULL)
		*w->written = hash_bytes(data, len);
	if (w->group != NULL)
		reuse_list_add(w->group, rel, w->group_key,
		    hash_bytes(data, len));
	return true;
}

