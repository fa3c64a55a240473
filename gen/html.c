/* The report site: its templates, the pages of each year (written by
 * pages.c and article.c, which this drives), and the list of years. The
 * machinery the pages share is page.c's. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dossiers.h"
#include "hash.h"
#include "html.h"
#include "page.h"
#include "pages.h"
#include "paths.h"
#include "stats.h"
#include "svg.h"
#include "template.h"
#include "tpl.h"
#include "xalloc.h"
#include "years.h"

/* The templates, by name; each is the file <name>.tpl. */
static const char *const templates[] = { "layout", "table", "list", "report",
    "statistics", "activities", "activity", "partners", "partner",
    "framework", "agreements", "projects", "years", "article", "month",
    "dossiers", "dossier", NULL };

/* The only variables a template may insert unescaped ({{NAME:none}}):
 * each holds HTML that coopgen made itself. */
static const char *const raw_ok[] = { "BODY", "HTML", "TABLE", "TABLES",
    "CHART", "CHARTS", "ACTIVITIES", "BY_FRAMEWORK_LIST", "BY_MONTH_LIST",
    "JSONLD/script", NULL };


struct html {
	struct tpl *tpl;
	char	*css;
	size_t	 css_len;
};

bool
html_load(struct html **out, const char *dir, struct diag *d)
{
	struct html *h = xcalloc(1, sizeof(*h));
	struct fsx fs;
	bool ok = true;

	*out = h;
	h->tpl = tpl_new();
	if (!fsx_open(&fs, dir, "templates", d)) {
		fsx_close(&fs);
		return false;
	}
	for (size_t i = 0; templates[i] != NULL; i++) {
		char rel[64];
		snprintf(rel, sizeof(rel), "%s.tpl", templates[i]);
		if (!template_load(h->tpl, &fs, dir, rel, templates[i],
		    TEMPLATE_HTML, raw_ok, d))
			ok = false;
	}
	tpl_freeze(h->tpl);
	if (!fsx_read(&fs, PATH_STYLE, &h->css, &h->css_len, d))
		ok = false;
	fsx_close(&fs);
	return ok;
}

void
html_free(struct html *h)
{
	if (h == NULL)
		return;
	tpl_free(h->tpl);
	free(h->css);
	free(h);
}

bool
html_write_year(struct html *h, const struct html_year *in, struct publish *p)
{
	struct page_writer w = { .tpl = h->tpl, .in = in, .c = in->c,
	    .l = in->l, .y = in->y, .f = &in->f->cur, .p = p,
	    .lang = in->c->site.lang, .loc = in->loc, .ok = true };

	w.md = (struct md_context){ .c = in->c, .y = in->y,
	    .figures = in->json, .fs = in->fs, .d = in->d, .loc = in->loc,
	    .l = in->l, .f = in->f, .table = page_prose_table,
	    .table_arg = &w };
	/* The pages but the activities' are made from the same inputs: the
	 * last build's are taken whole, or all written again. */
	bool lists = in->group == NULL ||
	    !reuse_group(in->reuse, p, in->group_key, in->group);
	w.group = lists ? in->group : NULL;
	w.group_key = in->group_key;
	pages_write_year(&w, lists);
	if (lists && w.ok && in->y->article != NULL)
		article_write(&w);
	return w.ok;
}

/* The years side by side, above the list of years: the headline figures
 * of every year with their changes (stats.h), and a column chart of each
 * figure across the years. */
static void
years_side_by_side(struct page_writer *w, struct tpl_dict *d,
    const struct years *ys)
{
	struct tpl_dict *sec = tpl_section(d, "ACROSS");
	struct stats st = { .a = ARENA_INIT };
	struct stats_input in = { .c = w->c, .y = ys->y[ys->n - 1],
	    .l = w->l, .loc = w->loc };
	struct buf table = BUF_INIT, charts = BUF_INIT, id = BUF_INIT;
	const char **names = xcalloc(ys->n, sizeof(*names));
	long long *values = xcalloc(ys->n, sizeof(*values));

	stats_years_table(&st, &in, ys);
	page_stats_table(w, &st.v[0], &table);
	tpl_set(sec, "HEADING", st.v[0].caption);
	tpl_set(sec, "TABLE", buf_str(&table));
	for (size_t y = 0; y < ys->n; y++)
		names[y] = arena_printf(&st.a, "%d", ys->y[y]->year);
	for (size_t i = 0; i < n_headlines; i++) {
		const struct headline *h = &headlines[i];
		if (!(h->use & HEADLINE_ACROSS))
			continue;
		for (size_t y = 0; y < ys->n; y++)
			values[y] = headline_value(h, ys->f[y]);
		buf_reset(&id);
		buf_printf(&id, "years-chart-%zu", i + 1);
		/* Each chart's name shown above it, as a figure's caption. */
		buf_puts(&charts, "<figure class=\"years-chart\"><figcaption>");
		svg_escape(&charts, label_of(w, h->label));
		buf_puts(&charts, "</figcaption>\n");
		svg_column_chart(&charts, buf_str(&id), label_of(w, h->label),
		    label_of(w, LABEL_CHART_COLUMNS_DESC), names, values,
		    ys->n, w->loc);
		buf_puts(&charts, "</figure>\n");
	}
	tpl_set(sec, "CHARTS", buf_str(&charts));
	stats_free(&st);
	buf_free(&table);
	buf_free(&charts);
	buf_free(&id);
	free(names);
	free(values);
}

bool
html_write_site(struct html *h, const struct html_year *years, size_t n,
    struct publish *p, struct reuse_list *group, struct hash key)
{
	struct page_writer w = { .tpl = h->tpl, .p = p, .ok = true,
	    .group = group, .group_key = key };

	if (n == 0)
		return page_publish(&w, PATH_STYLE, h->css, h->css_len);
	w.in = &years[0];
	w.c = years[0].c;
	w.l = years[0].l;
	w.lang = years[0].c->site.lang;
	w.loc = years[0].loc;
	struct tpl_dict *d = tpl_dict_new();
	struct buf body = BUF_INIT, t = BUF_INIT, fig = BUF_INIT;

	tpl_set(d, "TITLE", label_expanded(&w, LABEL_YEARS_TITLE, &t));
	if (n >= 2)
		years_side_by_side(&w, d, years[0].side);
	for (size_t i = n; i-- > 0; ) {
		const struct html_year *y = &years[i];
		const struct figures_year *f = &y->f->cur;
		struct tpl_dict *e = tpl_section(d, "YEAR");
		char year[8];
		snprintf(year, sizeof(year), "%d", y->y->year);
		buf_reset(&t);
		buf_printf(&t, "%s/" PATH_REPORT, y->y->dir);
		tpl_set(e, "HREF", buf_str(&t));
		tpl_set(e, "YEAR", year);
		tpl_set(e, "TITLE", y->y->report.title ? y->y->report.title : "");
		buf_reset(&fig);
		for (size_t k = 0; k < n_headlines; k++) {
			const struct headline *hl = &headlines[k];
			if (!(hl->use & HEADLINE_YEARS))
				continue;
			buf_printf(&fig, "%s%s: ", fig.len ? " · " : "",
			    label(w.l, hl->label));
			format_number(&fig, w.loc, headline_value(hl, f));
		}
		tpl_set(e, "FIGURES", buf_str(&fig));
	}
	/* The way in to the partners' dossiers, when there is one. */
	for (size_t i = 0; i < years[0].c->n_partners; i++)
		if (dossiers_names(years[0].side, i, INT_MAX)) {
			struct tpl_dict *ds = tpl_section(d, "DOSSIERS");
			tpl_set(ds, "HREF", PATH_DOSSIER_INDEX);
			tpl_set(ds, "LABEL", label_of(&w, LABEL_DOSSIERS_TITLE));
			break;
		}
	if (page_expand(&w, "years", d, &body))
		page_write(&w, PATH_SITE_INDEX, label_expanded(&w,
		    LABEL_YEARS_TITLE, &t), NAV_NONE, NULL, 0, buf_str(&body));
	if (w.ok)
		dossiers_write(&w, years[0].side);
	if (w.ok)
		page_publish(&w, PATH_STYLE, h->css, h->css_len);
	tpl_dict_free(d);
	buf_free(&body);
	buf_free(&t);
	buf_free(&fig);
	return w.ok;
}
