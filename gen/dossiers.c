/*
 * The partners' dossiers across the years; see dossiers.h.
 *
 * Every number a dossier shows is counted here from the records, as
 * figures.c counts a year's (the sum of the records' counts), so that the
 * tests can hold each against the year's figures.json. "In force now" is
 * in force at the end of the content's last year, as agreement_in_force
 * says; the page says which date that is.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "dossiers.h"
#include "paths.h"
#include "svg.h"
#include "tpl.h"
#include "xalloc.h"

/* The indexes of a year's activities that name one partner, in the order
 * every list shows them (year_by_date). */
struct bucket {
	size_t	*v;
	size_t	 n, cap;
};

/* What every dossier is made from, sorted out once. */
struct dossiers {
	struct page_writer *w;
	const struct years *ys;
	const struct content *c;
	int	 last;		/* the last year: "now" is its end */
	size_t	 np, nk;	/* partners, kinds */
	/* [year * np + partner]: one pass over each year's activities, so
	 * that no dossier scans every activity of every year */
	struct bucket *acts;
	size_t	*agreements;	/* every agreement, in the order of time */
};

/* The totals of a partner across the years, as the index lists them. */
struct totals {
	long long activities, agreements, projects;
	bool	 named;		/* by any record: it has a dossier */
};

static bool
agreement_names(const struct agreement *a, size_t partner)
{
	for (size_t j = 0; j < a->partners.n; j++)
		if (a->partners.v[j].index == partner)
			return true;
	return false;
}

bool
dossiers_names(const struct years *ys, size_t partner, int upto)
{
	for (size_t i = 0; i < ys->n && ys->y[i]->year <= upto; i++) {
		const struct figures_year *f = ys->f[i];
		if (f->activities.by_partner[partner] > 0 ||
		    f->projects.by_funder[partner * (1 + PROJECT_STATUSES)] > 0)
			return true;
	}
	for (size_t i = 0; i < ys->c->n_agreements; i++)
		if (agreement_names(&ys->c->agreements[i], partner))
			return true;
	return false;
}

/* When an agreement comes in time: signed, else proposed; undated ones
 * after every dated one, each group in the order of agreements.yaml. */
static struct date
agreement_when(const struct agreement *a)
{
	return a->signed_on.year ? a->signed_on : a->proposed;
}

static int
by_time(const void *x, const void *y, void *arg)
{
	const struct agreement *all = arg;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	struct date a = agreement_when(&all[i]), b = agreement_when(&all[j]);

	if ((a.year == 0) != (b.year == 0))
		return a.year == 0 ? 1 : -1;
	if (a.year != 0) {
		int c = date_cmp(date_first_day(a), date_first_day(b));
		if (c != 0)
			return c;
	}
	return i < j ? -1 : i > j;
}

static void
dossiers_begin(struct dossiers *d, struct page_writer *w,
    const struct years *ys)
{
	const struct content *c = ys->c;

	*d = (struct dossiers){ .w = w, .ys = ys, .c = c,
	    .last = ys->y[ys->n - 1]->year, .np = c->n_partners,
	    .nk = c->site.kinds.n };
	d->acts = xcalloc(ys->n * d->np + 1, sizeof(*d->acts));
	for (size_t i = 0; i < ys->n; i++) {
		const struct year *y = ys->y[i];
		size_t *order = year_by_date(y);
		for (size_t k = 0; k < y->n_activities; k++) {
			const struct activity *a = &y->activities[order[k]];
			for (size_t j = 0; j < a->partners.n; j++) {
				size_t p = a->partners.v[j].index;
				/* A build never gets here with a reference
				 * unresolved; should one come, it is left
				 * out, as figures.c leaves it out. */
				if (p >= d->np)
					continue;
				struct bucket *b = &d->acts[i * d->np + p];
				b->v = xgrow(b->v, &b->cap, b->n, sizeof(*b->v));
				b->v[b->n++] = order[k];
			}
		}
		free(order);
	}
	d->agreements = xcalloc(c->n_agreements + 1, sizeof(*d->agreements));
	for (size_t i = 0; i < c->n_agreements; i++)
		d->agreements[i] = i;
	if (c->n_agreements > 1)
		qsort_r(d->agreements, c->n_agreements, sizeof(*d->agreements),
		    by_time, c->agreements);
}

static void
dossiers_end(struct dossiers *d)
{
	for (size_t i = 0; i < d->ys->n * d->np; i++)
		free(d->acts[i].v);
	free(d->acts);
	free(d->agreements);
}

/* A label with {year}: the last year's, "now". */
static const char *
label_now(const struct dossiers *d, enum label id, struct buf *out)
{
	buf_reset(out);
	label_expand(out, d->w->l, id, d->last, d->c->site.organisation);
	return buf_str(out);
}

/* The partner's totals across the years, counted from the records. */
static struct totals
totals_of(const struct dossiers *d, size_t p)
{
	struct totals t = { .named = dossiers_names(d->ys, p, INT_MAX) };
	/* A project is told again each year it runs: it counts once, as its
	 * latest record says (by its title, which names it). */
	struct strmap seen = STRMAP_INIT;
	long long *latest = NULL;
	size_t n = 0, cap = 0, at;

	for (size_t i = 0; i < d->ys->n; i++) {
		const struct year *y = d->ys->y[i];
		const struct bucket *b = &d->acts[i * d->np + p];
		for (size_t k = 0; k < b->n; k++)
			t.activities += y->activities[b->v[k]].count;
		for (size_t k = 0; k < y->n_projects; k++) {
			const struct project *pr = &y->projects[k];
			if (pr->funder.index != p)
				continue;
			if (!strmap_get(&seen, pr->title, &at)) {
				latest = xgrow(latest, &cap, n, sizeof(*latest));
				at = n++;
				strmap_put(&seen, pr->title, at, NULL);
			}
			latest[at] = pr->count;
		}
	}
	for (size_t k = 0; k < n; k++)
		t.projects += latest[k];
	free(latest);
	strmap_free(&seen);
	for (size_t i = 0; i < d->c->n_agreements; i++)
		if (agreement_names(&d->c->agreements[i], p))
			t.agreements += d->c->agreements[i].count;
	return t;
}

/* The status of agreement a at the end of the last year, in words. */
static void
agreement_now(const struct dossiers *d, const struct agreement *a,
    struct buf *out)
{
	const struct page_writer *w = d->w;

	buf_reset(out);
	if (a->status == AGREEMENT_PROPOSED) {
		buf_puts(out, label_of(w, LABEL_DOSSIER_PROPOSED));
		if (a->proposed.year) {
			buf_puts(out, " (");
			format_date(out, w->loc, a->proposed);
			buf_puts(out, ")");
		}
	} else if (agreement_in_force(a, d->last)) {
		buf_puts(out, label_of(w, LABEL_DOSSIER_IN_FORCE));
	} else if (a->signed_on.year > d->last) {
		buf_puts(out, label_of(w, LABEL_DOSSIER_NOT_YET));
	} else {
		/* Signed by then and not in force at its end: it ended. */
		buf_puts(out, label_of(w, LABEL_DOSSIER_ENDED));
	}
}

/* Every agreement that names partner p, in the order of time, with its
 * status now and its summary. */
static void
dossier_agreements(struct dossiers *d, size_t p, struct buf *out)
{
	struct page_writer *w = d->w;
	const struct content *c = d->c;
	struct table t;
	struct buf head = BUF_INIT, cell = BUF_INIT;
	long long total = 0;
	bool any = false;

	table_begin(&t, w, "agreements-table", label_of(w,
	    LABEL_DOSSIER_AGREEMENTS));
	table_head(&t, label_of(w, LABEL_COL_TITLE), false);
	table_head(&t, label_of(w, LABEL_COL_TYPE), false);
	table_head(&t, label_of(w, LABEL_COL_PARTNERS), false);
	table_head(&t, label_of(w, LABEL_COL_SIGNED), false);
	table_head(&t, label_of(w, LABEL_COL_ENDS), false);
	table_head(&t, label_now(d, LABEL_DOSSIER_COL_STATUS, &head), false);
	table_head(&t, label_of(w, LABEL_COL_COUNT), true);
	table_head(&t, label_of(w, LABEL_DOSSIER_COL_SUMMARY), false);
	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[d->agreements[i]];
		if (!agreement_names(a, p))
			continue;
		any = true;
		table_row(&t, a->title, NULL);
		table_text(&t, label_of(w, label_agreement_type(a->type)),
		    NULL);
		buf_reset(&cell);
		for (size_t j = 0; j < a->partners.n; j++)
			if (a->partners.v[j].index < d->np)
				buf_printf(&cell, "%s%s", cell.len ? ", " : "",
				    c->partners[a->partners.v[j].index]
				    .short_name);
		table_text(&t, buf_str(&cell), NULL);
		page_date(w, &cell, a->signed_on);
		table_text(&t, buf_str(&cell), NULL);
		page_date(w, &cell, a->ends);
		table_text(&t, buf_str(&cell), NULL);
		agreement_now(d, a, &cell);
		table_text(&t, buf_str(&cell), NULL);
		table_num(&t, a->count);
		table_text(&t, a->summary, NULL);
		total += a->count;
	}
	if (!any) {
		table_row(&t, label_of(w, LABEL_NONE), NULL);
		for (int k = 0; k < 7; k++)
			table_blank(&t);
	}
	table_total(&t, label_of(w, LABEL_ROW_TOTAL));
	for (int k = 0; k < 5; k++)
		table_blank(&t);
	table_num(&t, total);
	table_blank(&t);
	table_end(w, &t, NULL, out);
	buf_free(&head);
	buf_free(&cell);
}

/* The activities of partner p in year i, a list group under the year,
 * each linked to its page in that year's folder. */
static void
activity_list(struct dossiers *d, size_t i, const struct bucket *b,
    struct buf *out)
{
	const struct year *y = d->ys->y[i];
	struct tpl_dict *list = tpl_dict_new();
	struct tpl_dict *g = tpl_section(list, "GROUP");
	struct buf id = BUF_INIT, year = BUF_INIT, href = BUF_INIT,
	    meta = BUF_INIT;

	buf_printf(&id, "activities-%d", y->year);
	buf_printf(&year, "%d", y->year);
	tpl_set(g, "ID", buf_str(&id));
	tpl_set(g, "TITLE", buf_str(&year));
	tpl_show(g, "H3");
	for (size_t k = 0; k < b->n; k++) {
		const struct activity *a = &y->activities[b->v[k]];
		struct tpl_dict *item = tpl_section(g, "ITEM");
		buf_reset(&href);
		buf_printf(&href, "../%s/" PATH_ACTIVITY_FMT, y->dir, a->slug);
		tpl_set(item, "HREF", buf_str(&href));
		tpl_set(item, "TITLE", a->title);
		activity_meta(d->c, d->w->loc, a, &meta);
		tpl_set(tpl_section(item, "META"), "TEXT", buf_str(&meta));
	}
	page_expand(d->w, "list", list, out);
	tpl_dict_free(list);
	buf_free(&id);
	buf_free(&year);
	buf_free(&href);
	buf_free(&meta);
}

/* The activities of partner p: a table of the years (a column per kind
 * it had any of, and the total) with a chart of the totals, into table;
 * the activities of each year that has some, into lists. */
static void
dossier_activities(struct dossiers *d, size_t p, struct buf *table,
    struct buf *lists)
{
	struct page_writer *w = d->w;
	const struct years *ys = d->ys;
	size_t ny = ys->n, nk = d->nk;
	long long *by_kind = xcalloc(ny * nk + 1, sizeof(*by_kind));
	long long *per_year = xcalloc(ny + 1, sizeof(*per_year));
	long long *kind_total = xcalloc(nk + 1, sizeof(*kind_total));
	/* The years as the rows and the chart name them. */
	char (*year_names)[12] = xcalloc(ny + 1, sizeof(*year_names));
	const char **years = xcalloc(ny + 1, sizeof(*years));
	long long total = 0;
	struct table t;
	struct buf href = BUF_INIT, svg = BUF_INIT;

	for (size_t i = 0; i < ny; i++) {
		const struct bucket *b = &d->acts[i * d->np + p];
		for (size_t k = 0; k < b->n; k++) {
			const struct activity *a = &ys->y[i]->activities[b->v[k]];
			if (a->kind.index < nk) {
				by_kind[i * nk + a->kind.index] += a->count;
				kind_total[a->kind.index] += a->count;
			}
			per_year[i] += a->count;
		}
		total += per_year[i];
		if (b->n > 0)
			activity_list(d, i, b, lists);
	}

	table_begin(&t, w, "activities-by-year", label_of(w,
	    LABEL_DOSSIER_ACTIVITIES));
	table_head(&t, label_of(w, LABEL_DOSSIER_COL_YEAR), false);
	for (size_t k = 0; k < nk; k++)
		if (kind_total[k] > 0)
			table_head(&t, d->c->site.kinds.v[k].name, true);
	table_head(&t, label_of(w, LABEL_COL_TOTAL), true);
	for (size_t i = 0; i < ny; i++) {
		snprintf(year_names[i], sizeof(*year_names), "%d",
		    ys->y[i]->year);
		years[i] = year_names[i];
		buf_reset(&href);
		buf_printf(&href, "../%s/" PATH_PARTNER_FMT, ys->y[i]->dir,
		    d->c->partners[p].id);
		table_row(&t, years[i], buf_str(&href));
		for (size_t k = 0; k < nk; k++)
			if (kind_total[k] > 0)
				table_num(&t, by_kind[i * nk + k]);
		table_num(&t, per_year[i]);
	}
	table_total(&t, label_of(w, LABEL_ROW_TOTAL));
	for (size_t k = 0; k < nk; k++)
		if (kind_total[k] > 0)
			table_num(&t, kind_total[k]);
	table_num(&t, total);
	svg_bar_chart(&svg, "activities-by-year-chart", label_of(w,
	    LABEL_DOSSIER_CHART), label_of(w, LABEL_CHART_DESC), years,
	    per_year, ny, w->loc);
	table_end(w, &t, buf_str(&svg), table);
	free(year_names);
	free(by_kind);
	free(per_year);
	free(kind_total);
	free(years);
	buf_free(&href);
	buf_free(&svg);
}

/* The projects partner p funds, year by year, each with its status at
 * that year's end. */
static void
dossier_projects(struct dossiers *d, size_t p, struct buf *out)
{
	struct page_writer *w = d->w;
	struct table t;
	struct buf year = BUF_INIT, href = BUF_INIT, date = BUF_INIT;
	bool any = false;

	table_begin(&t, w, "projects-table", label_of(w,
	    LABEL_DOSSIER_PROJECTS));
	table_head(&t, label_of(w, LABEL_COL_TITLE), false);
	table_head(&t, label_of(w, LABEL_DOSSIER_COL_YEAR), false);
	table_head(&t, label_of(w, LABEL_COL_STATUS), false);
	table_head(&t, label_of(w, LABEL_COL_START), false);
	table_head(&t, label_of(w, LABEL_COL_END), false);
	table_head(&t, label_of(w, LABEL_COL_COUNT), true);
	for (size_t i = 0; i < d->ys->n; i++) {
		const struct year *y = d->ys->y[i];
		buf_reset(&year);
		buf_printf(&year, "%d", y->year);
		buf_reset(&href);
		buf_printf(&href, "../%s/" PATH_PROJECTS, y->dir);
		for (size_t k = 0; k < y->n_projects; k++) {
			const struct project *pr = &y->projects[k];
			if (pr->funder.index != p)
				continue;
			any = true;
			table_row(&t, pr->title, NULL);
			table_text(&t, buf_str(&year), buf_str(&href));
			table_text(&t, label_of(w,
			    label_project_status(pr->status)), NULL);
			page_date(w, &date, pr->start);
			table_text(&t, buf_str(&date), NULL);
			page_date(w, &date, pr->end);
			table_text(&t, buf_str(&date), NULL);
			table_num(&t, pr->count);
		}
	}
	if (!any) {
		table_row(&t, label_of(w, LABEL_NONE), NULL);
		for (int k = 0; k < 5; k++)
			table_blank(&t);
	}
	/* No total row: a project runs over several years, and is a row in
	 * each (the dossiers' index counts each project once). */
	table_end(w, &t, NULL, out);
	buf_free(&year);
	buf_free(&href);
	buf_free(&date);
}

/* out/partners/<id>.html. */
static void
dossier_page(struct dossiers *d, size_t p)
{
	struct page_writer *w = d->w;
	const struct partner *pt = &d->c->partners[p];
	struct tpl_dict *pd = tpl_dict_new();
	struct buf tab = BUF_INIT, lists = BUF_INIT, page = BUF_INIT,
	    rel = BUF_INIT, s = BUF_INIT;

	tpl_set(pd, "NAME", pt->name);
	if (pt->short_name != pt->name) {
		struct tpl_dict *e = tpl_section(pd, "SHORT");
		tpl_set(e, "LABEL", label_of(w, LABEL_COL_SHORT));
		tpl_set(e, "TEXT", pt->short_name);
	}
	if (pt->country) {
		struct tpl_dict *e = tpl_section(pd, "COUNTRY");
		tpl_set(e, "LABEL", label_of(w, LABEL_COL_COUNTRY));
		tpl_set(e, "TEXT", pt->country);
	}
	/* The partner's page of each year. */
	tpl_set(pd, "YEARS_LABEL", label_of(w, LABEL_DOSSIER_YEARS));
	for (size_t i = 0; i < d->ys->n; i++) {
		struct tpl_dict *e = tpl_section(pd, "YEAR");
		buf_reset(&s);
		buf_printf(&s, "../%s/" PATH_PARTNER_FMT, d->ys->y[i]->dir,
		    pt->id);
		tpl_set(e, "HREF", buf_str(&s));
		buf_reset(&s);
		buf_printf(&s, "%d", d->ys->y[i]->year);
		tpl_set(e, "YEAR", buf_str(&s));
		if (i > 0)
			tpl_show(e, "SEP");
	}

	struct tpl_dict *part = tpl_section(pd, "AGREEMENTS_PART");
	tpl_set(part, "TITLE", label_of(w, LABEL_NAV_AGREEMENTS));
	tpl_set(part, "AS_OF", label_now(d, LABEL_DOSSIER_AS_OF, &s));
	dossier_agreements(d, p, &tab);
	tpl_set(part, "TABLE", buf_str(&tab));

	part = tpl_section(pd, "ACTIVITIES_PART");
	tpl_set(part, "TITLE", label_of(w, LABEL_NAV_ACTIVITIES));
	buf_reset(&tab);
	dossier_activities(d, p, &tab, &lists);
	tpl_set(part, "TABLE", buf_str(&tab));
	tpl_set(part, "ACTIVITIES", buf_str(&lists));

	part = tpl_section(pd, "PROJECTS_PART");
	tpl_set(part, "TITLE", label_of(w, LABEL_NAV_PROJECTS));
	buf_reset(&tab);
	dossier_projects(d, p, &tab);
	tpl_set(part, "TABLE", buf_str(&tab));

	if (w->ok && page_expand(w, "dossier", pd, &page)) {
		struct crumb cr[2] = {
			{ label_of(w, LABEL_DOSSIERS_TITLE), PATH_DOSSIER_INDEX },
			{ pt->short_name, NULL },
		};
		buf_printf(&rel, PATH_DOSSIER_FMT, pt->id);
		page_write(w, buf_str(&rel), pt->name, NAV_NONE, cr, 2,
		    buf_str(&page));
	}
	tpl_dict_free(pd);
	buf_free(&tab);
	buf_free(&lists);
	buf_free(&page);
	buf_free(&rel);
	buf_free(&s);
}

/* out/partners/index.html: every partner with a dossier, its totals. */
static void
dossier_index(struct dossiers *d, const struct totals *tot)
{
	struct page_writer *w = d->w;
	const struct content *c = d->c;
	struct tpl_dict *dict = tpl_dict_new();
	struct table t;
	struct buf tab = BUF_INIT, body = BUF_INIT, s = BUF_INIT,
	    href = BUF_INIT;

	table_begin(&t, w, "dossiers", label_now(d, LABEL_DOSSIERS_CAPTION,
	    &s));
	table_head(&t, label_of(w, LABEL_COL_PARTNER), false);
	table_head(&t, label_of(w, LABEL_COL_SHORT), false);
	table_head(&t, label_of(w, LABEL_COL_COUNTRY), false);
	table_head(&t, label_of(w, LABEL_COL_ACTIVITIES), true);
	table_head(&t, label_of(w, LABEL_DOSSIER_COL_AGREEMENTS), true);
	table_head(&t, label_of(w, LABEL_COL_PROJECTS), true);
	for (size_t p = 0; p < c->n_partners; p++) {
		if (!tot[p].named)
			continue;
		/* The index is in the dossiers' folder: up to out/, and
		 * down again as PATH_DOSSIER_FMT says. */
		buf_reset(&href);
		buf_printf(&href, "../" PATH_DOSSIER_FMT, c->partners[p].id);
		table_row(&t, c->partners[p].name, buf_str(&href));
		table_text(&t, c->partners[p].short_name, NULL);
		table_text(&t, c->partners[p].country, NULL);
		table_num(&t, tot[p].activities);
		table_num(&t, tot[p].agreements);
		table_num(&t, tot[p].projects);
	}
	table_end(w, &t, NULL, &tab);
	tpl_set(dict, "TITLE", label_of(w, LABEL_DOSSIERS_TITLE));
	tpl_set(dict, "LEAD", label_now(d, LABEL_DOSSIERS_LEAD, &s));
	tpl_set(dict, "TABLE", buf_str(&tab));
	if (w->ok && page_expand(w, "dossiers", dict, &body)) {
		struct crumb cr[1] = {
			{ label_of(w, LABEL_DOSSIERS_TITLE), NULL },
		};
		page_write(w, PATH_DOSSIER_INDEX, label_of(w,
		    LABEL_DOSSIERS_TITLE), NAV_NONE, cr, 1, buf_str(&body));
	}
	tpl_dict_free(dict);
	buf_free(&tab);
	buf_free(&body);
	buf_free(&s);
	buf_free(&href);
}

bool
dossiers_write(struct page_writer *w, const struct years *ys)
{
	struct dossiers d;

	if (ys == NULL || ys->n == 0 || !w->ok)
		return w->ok;
	dossiers_begin(&d, w, ys);
	struct totals *tot = xcalloc(d.np + 1, sizeof(*tot));
	for (size_t p = 0; p < d.np; p++)
		tot[p] = totals_of(&d, p);
	dossier_index(&d, tot);
	for (size_t p = 0; p < d.np && w->ok; p++)
		if (tot[p].named)
			dossier_page(&d, p);
	free(tot);
	dossiers_end(&d);
	return w->ok;
}
