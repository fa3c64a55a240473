/* The tables of a year's figures and lists, for every writer; see stats.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "paths.h"
#include "stats.h"
#include "xalloc.h"

static const char *
expanded(struct stats *s, const struct stats_input *in, enum label id,
    int year)
{
	struct buf b = BUF_INIT;

	label_expand(&b, in->l, id, year, in->c->site.organisation);
	const char *t = arena_strdup(&s->a, buf_str(&b));
	buf_free(&b);
	return t;
}

static struct stats_table *
table_new(struct stats *s, const char *id, const char *caption,
    size_t ncols)
{
	s->v = xgrow(s->v, &s->cap, s->n, sizeof(*s->v));
	struct stats_table *t = &s->v[s->n++];
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->caption = caption;
	t->ncols = ncols;
	t->heads = arena_alloc(&s->a, ncols * sizeof(*t->heads));
	t->numeric = arena_alloc(&s->a, ncols * sizeof(*t->numeric));
	return t;
}

static void
head(struct stats_table *t, size_t col, const char *text, bool numeric)
{
	t->heads[col] = text;
	t->numeric[col] = numeric;
}

static struct stats_row *
row(struct stats *s, struct stats_table *t, const char *name, bool total)
{
	/* Rows are kept in an arena array grown by copying: tables are
	 * small, and the arena frees them all at once. */
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 8;
		struct stats_row *v = arena_alloc(&s->a, cap * sizeof(*v));
		if (t->nrows > 0)
			memcpy(v, t->rows, t->nrows * sizeof(*v));
		t->rows = v;
		t->cap = cap;
	}
	struct stats_row *r = &t->rows[t->nrows++];
	r->name = name;
	r->total = total;
	r->cells = arena_alloc(&s->a, (t->ncols - 1) * sizeof(*r->cells));
	return r;
}

/* Give t a bar chart of n values (names and values copied). */
static void
chart(struct stats *s, struct stats_table *t, const char *id,
    const char *title, const char *const names[], const long long values[],
    size_t n)
{
	t->chart_id = id;
	t->chart_title = title;
	t->chart_n = n;
	t->chart_names = arena_alloc(&s->a, (n + 1) * sizeof(*t->chart_names));
	t->chart_values = arena_alloc(&s->a, (n + 1) * sizeof(*t->chart_values));
	for (size_t i = 0; i < n; i++) {
		t->chart_names[i] = names[i];
		t->chart_values[i] = values[i];
	}
}

enum table_path {
	TP_BY_FRAMEWORK,
	TP_BY_KIND,
	TP_BY_MONTH,
	TP_BY_PARTNER,
	TP_FRAMEWORK_KIND,
	TP_AGREEMENTS_BY_TYPE,
	TP_AGREEMENTS_BY_PARTNER,
	TP_PROJECTS_BY_FUNDER,
};
const char *const stats_table_paths[] = {
	[TP_BY_FRAMEWORK] = "activities.by_framework",
	[TP_BY_KIND] = "activities.by_kind",
	[TP_BY_MONTH] = "activities.by_month",
	[TP_BY_PARTNER] = "activities.by_partner",
	[TP_FRAMEWORK_KIND] = "activities.by_framework_kind",
	[TP_AGREEMENTS_BY_TYPE] = "agreements.in_force",
	[TP_AGREEMENTS_BY_PARTNER] = "agreements.by_partner",
	[TP_PROJECTS_BY_FUNDER] = "projects.by_funder",
	NULL
};

/* The figure of row i of a table of one figure per row, in a year's
 * figures; the row past the last is the total (-1: none). */
typedef long long figure_of(const struct figures_year *f, size_t i, size_t n);

/* The heads of the columns of figures of a table whose numbers are all of
 * one year: the earlier years' (when in has any, oldest first), then the
 * year's own, from column first on; the year's alone is headed current. */
static void
year_heads(struct stats *s, const struct stats_input *in,
    struct stats_table *t, size_t first, const char *current)
{
	for (size_t k = 0; k < in->n_earlier; k++)
		head(t, first + k, expanded(s, in, LABEL_COL_YEAR,
		    in->earlier[k]->year), true);
	head(t, first + in->n_earlier, in->n_earlier ? expanded(s, in,
	    LABEL_COL_YEAR, in->y->year) : current, true);
}

/* A table of one figure per row, with a total row when fig gives one, and
 * the same figures of the earlier years of in beside them. */
static void
figure_table(struct stats *s, const struct stats_input *in, const char *id,
    enum table_path path, enum label caption, const char *col,
    const char *const names[], const char *const hrefs[], figure_of *fig,
    size_t n)
{
	const struct labels *l = in->l;
	const struct figures_year *f = &in->f->cur;
	size_t ne = in->n_earlier;
	struct stats_table *t = table_new(s, id, expanded(s, in, caption,
	    in->y->year), 2 + ne);
	long long *values = xcalloc(n + 1, sizeof(*values));

	t->path = stats_table_paths[path];
	head(t, 0, col, false);
	year_heads(s, in, t, 1, label(l, LABEL_COL_COUNT));
	for (size_t i = 0; i <= n; i++) {
		values[i] = fig(f, i, n);
		if (i == n && values[i] < 0)
			break;
		struct stats_row *r = row(s, t, i < n ? names[i] : label(l,
		    LABEL_ROW_TOTAL), i == n);
		r->href = hrefs && i < n ? hrefs[i] : NULL;
		for (size_t k = 0; k < ne; k++)
			r->cells[k].num = fig(in->earlier[k], i, n);
		r->cells[ne].num = values[i];
	}
	chart(s, t, arena_printf(&s->a, "%s-chart", id), t->caption, names,
	    values, n);
	free(values);
}

static long long
fig_by_framework(const struct figures_year *f, size_t i, size_t n)
{
	return i < n ? f->activities.by_framework[i] : f->activities.total;
}

static long long
fig_by_kind(const struct figures_year *f, size_t i, size_t n)
{
	return i < n ? f->activities.by_kind[i] : f->activities.total;
}

/* Twelve months, then the activities dated by year only ([0]). */
static long long
fig_by_month(const struct figures_year *f, size_t i, size_t n)
{
	return i < n ? f->activities.by_month[i < 12 ? i + 1 : 0] :
	    f->activities.total;
}

/* An activity with two partners counts for both: no total. */
static long long
fig_by_partner(const struct figures_year *f, size_t i, size_t n)
{
	return i < n ? f->activities.by_partner[i] : -1;
}

static long long
fig_by_type(const struct figures_year *f, size_t i, size_t n)
{
	(void)n;
	return i == 0 ? f->agreements.bilateral : i == 1 ?
	    f->agreements.multilateral : f->agreements.in_force;
}

static long long
fig_agreements_by_partner(const struct figures_year *f, size_t i, size_t n)
{
	return i < n ? f->agreements.by_partner[i] : -1;
}

#define FIGURE(field) offsetof(struct figures_year, field)
const struct headline headlines[] = {
	{ LABEL_FIG_ACTIVITIES, "activities.total", FIGURE(activities.total),
	    HEADLINE_REPORT | HEADLINE_YEARS | HEADLINE_ACROSS, false,
	    HEADLINE_BY_FRAMEWORK },
	{ LABEL_FIG_AGREEMENTS_IN_FORCE, "agreements.in_force.total",
	    FIGURE(agreements.in_force), HEADLINE_REPORT | HEADLINE_YEARS |
	    HEADLINE_ACROSS, false, HEADLINE_NO_DETAIL },
	{ LABEL_FIG_BILATERAL, "agreements.in_force.bilateral",
	    FIGURE(agreements.bilateral), 0, true, HEADLINE_NO_DETAIL },
	{ LABEL_FIG_MULTILATERAL, "agreements.in_force.multilateral",
	    FIGURE(agreements.multilateral), 0, true, HEADLINE_NO_DETAIL },
	{ LABEL_FIG_SIGNED, "agreements.signed",
	    FIGURE(agreements.signed_in_year), HEADLINE_REPORT |
	    HEADLINE_ACROSS, false, HEADLINE_NO_DETAIL },
	{ LABEL_FIG_PROPOSED, "agreements.proposed",
	    FIGURE(agreements.proposed), HEADLINE_REPORT, false,
	    HEADLINE_NO_DETAIL },
	{ LABEL_FIG_PROJECTS, "projects.total", FIGURE(projects.total),
	    HEADLINE_REPORT | HEADLINE_YEARS | HEADLINE_ACROSS, false,
	    HEADLINE_BY_STATUS },
};
#undef FIGURE
const size_t n_headlines = sizeof(headlines) / sizeof(headlines[0]);

const char *const headline_detail_paths[] = {
	[HEADLINE_NO_DETAIL] = NULL,
	[HEADLINE_BY_FRAMEWORK] = "activities.by_framework",
	[HEADLINE_BY_STATUS] = "projects.by_status",
};

long long
headline_value(const struct headline *h, const struct figures_year *f)
{
	long long v;

	memcpy(&v, (const char *)f + h->offset, sizeof(v));
	return v;
}

void
stats_key_figures(struct stats *s, const struct stats_input *in)
{
	const struct labels *l = in->l;
	const struct figures_year *c = &in->f->cur, *p = &in->f->previous;
	bool prev = in->f->has_previous;
	int year = in->y->year;
	struct stats_table *t = table_new(s, "key-figures-table",
	    expanded(s, in, LABEL_TITLE_SUMMARY, year), prev ? 4 : 2);

	head(t, 0, label(l, LABEL_COL_FIGURE), false);
	head(t, 1, expanded(s, in, LABEL_COL_YEAR, year), true);
	if (prev) {
		head(t, 2, expanded(s, in, LABEL_COL_YEAR, year - 1), true);
		head(t, 3, label(l, LABEL_COL_CHANGE), true);
	}
	for (size_t i = 0; i < n_headlines; i++) {
		const struct headline *h = &headlines[i];
		if (!(h->use & HEADLINE_REPORT))
			continue;
		long long now = headline_value(h, c);
		struct stats_row *r = row(s, t, label(l, h->label), false);
		r->cells[0].num = now;
		if (prev) {
			long long before = headline_value(h, p);
			r->cells[1].num = before;
			r->cells[2].num = now - before;
			r->cells[2].sign = true;
		}
	}
}

void
stats_years_table(struct stats *s, const struct stats_input *in,
    const struct years *ys)
{
	const struct labels *l = in->l;
	struct stats_table *t = table_new(s, "years-figures",
	    label(l, LABEL_YEARS_FIGURES), 1 + ys->n);

	/* Years as columns, so that the table grows down with the figures
	 * and across with the years, as a statistical yearbook's does. */
	head(t, 0, label(l, LABEL_COL_FIGURE), false);
	for (size_t y = 0; y < ys->n; y++)
		head(t, 1 + y, arena_printf(&s->a, "%d", ys->y[y]->year), true);
	for (size_t i = 0; i < n_headlines; i++) {
		const struct headline *h = &headlines[i];
		if (!(h->use & HEADLINE_ACROSS))
			continue;
		struct stats_row *r = row(s, t, label(l, h->label), false);
		struct stats_row *c = row(s, t, label(l, LABEL_COL_CHANGE),
		    false);
		c->sub = true;
		for (size_t y = 0; y < ys->n; y++) {
			long long now = headline_value(h, ys->f[y]);
			r->cells[y].num = now;
			/* A change is from the year just before, when the
			 * content has it. */
			if (y > 0 && ys->y[y - 1]->year == ys->y[y]->year - 1) {
				c->cells[y].num = now -
				    headline_value(h, ys->f[y - 1]);
				c->cells[y].sign = true;
			} else
				c->cells[y].text = "";
		}
	}
}

/* What a part of a figure's path names, for its caption. */
enum part {
	PART_NONE,
	PART_FRAMEWORK,
	PART_KIND,
	PART_MONTH,	/* "01" to "12", "unknown" */
	PART_PARTNER,
	PART_STATUS,	/* of a project */
};

/* The name of one part of a path, or NULL. */
static const char *
part_name(const struct stats_input *in, enum part part, const char *id)
{
	const struct content *c = in->c;
	size_t k;

	switch (part) {
	case PART_FRAMEWORK:
		return strmap_get(&c->site.frameworks.ids, id, &k) ?
		    c->site.frameworks.v[k].name : NULL;
	case PART_KIND:
		return strmap_get(&c->site.kinds.ids, id, &k) ?
		    c->site.kinds.v[k].name : NULL;
	case PART_MONTH:
		if (strcmp(id, "unknown") == 0)
			return label(in->l, LABEL_MONTH_UNKNOWN);
		return atoi(id) >= 1 && atoi(id) <= 12 ?
		    in->loc->months[atoi(id) - 1] : NULL;
	case PART_PARTNER:
		return strmap_get(&c->partner_ids, id, &k) ?
		    c->partners[k].short_name : NULL;
	case PART_STATUS:
		for (int st = 0; st < PROJECT_STATUSES; st++)
			if (strcmp(project_status_ids[st], id) == 0)
				return label(in->l, label_project_status(
				    (enum project_status)st));
		return NULL;
	case PART_NONE:
		break;
	}
	return NULL;
}

/* The name of the figure at path, for a caption: a headline's label (a
 * part's after its whole's: "agreements in force: bilateral"), else the
 * label of the figure its group counts, then the names of its entry's
 * parts (a framework, a kind, a month, a partner, a status); NULL when
 * the path is none of these. */
static const char *
figure_name(struct stats *s, const struct stats_input *in, const char *path)
{
	static const struct {
		const char *prefix;
		enum label whole;
		enum part parts[2];
	} groups[] = {
		{ "activities.by_framework_kind.", LABEL_FIG_ACTIVITIES,
		    { PART_FRAMEWORK, PART_KIND } },
		{ "activities.by_framework.", LABEL_FIG_ACTIVITIES,
		    { PART_FRAMEWORK, PART_NONE } },
		{ "activities.by_kind.", LABEL_FIG_ACTIVITIES,
		    { PART_KIND, PART_NONE } },
		{ "activities.by_month.", LABEL_FIG_ACTIVITIES,
		    { PART_MONTH, PART_NONE } },
		{ "activities.by_partner.", LABEL_FIG_ACTIVITIES,
		    { PART_PARTNER, PART_NONE } },
		{ "agreements.by_partner.", LABEL_FIG_AGREEMENTS_IN_FORCE,
		    { PART_PARTNER, PART_NONE } },
		{ "projects.by_status.", LABEL_FIG_PROJECTS,
		    { PART_STATUS, PART_NONE } },
		/* .<funder>.total, or .<funder>.<status> */
		{ "projects.by_funder.", LABEL_FIG_PROJECTS,
		    { PART_PARTNER, PART_STATUS } },
	};
	static const struct {
		const char *path;
		enum label label;
	} alone[] = {
		{ "activities.records", LABEL_FIG_RECORDS },
		{ "agreements.expiring", LABEL_FIG_EXPIRING },
		{ "agreements.ended", LABEL_FIG_ENDED },
	};
	const struct labels *l = in->l;

	for (size_t i = 0; i < n_headlines; i++) {
		if (strcmp(headlines[i].path, path) != 0)
			continue;
		/* A part follows its whole in the table. */
		for (size_t k = i; headlines[i].part && k-- > 0; )
			if (!headlines[k].part)
				return arena_printf(&s->a, "%s: %s", label(l,
				    headlines[k].label), label(l,
				    headlines[i].label));
		return label(l, headlines[i].label);
	}
	for (size_t i = 0; i < sizeof(alone) / sizeof(alone[0]); i++)
		if (strcmp(alone[i].path, path) == 0)
			return label(l, alone[i].label);
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		size_t pl = strlen(groups[g].prefix);
		if (strncmp(path, groups[g].prefix, pl) != 0)
			continue;
		struct buf b = BUF_INIT;
		const char *rest = path + pl;
		buf_printf(&b, "%s:", label(l, groups[g].whole));
		for (int k = 0; k < 2 && *rest != '\0'; k++) {
			size_t n = strcspn(rest, ".");
			char *id = arena_strndup(&s->a, rest, n);
			if (strcmp(id, "total") == 0)
				break;
			const char *name = part_name(in, groups[g].parts[k], id);
			buf_printf(&b, "%s %s", k ? "," : "", name ? name : id);
			rest += n + (rest[n] == '.');
		}
		const char *t = arena_strdup(&s->a, buf_str(&b));
		buf_free(&b);
		return t;
	}
	return NULL;
}

struct stats_table *
stats_trend(struct stats *s, const struct stats_input *in,
    const json_t *years, const char *path, const char *caption)
{
	const struct labels *l = in->l;
	const char *key;
	const json_t *tree;
	long long before = 0;
	int last = 0;

	if (caption == NULL) {
		const char *name = figure_name(s, in, path);
		caption = arena_printf(&s->a, "%s %s", name ? name : path,
		    label(l, LABEL_ACROSS_YEARS));
	}
	struct stats_table *t = table_new(s, "trend", caption, 3);
	head(t, 0, label(l, LABEL_COL_YEARS), false);
	head(t, 1, label(l, LABEL_COL_COUNT), true);
	head(t, 2, label(l, LABEL_COL_CHANGE), true);
	json_object_foreach((json_t *)years, key, tree) {
		int year = atoi(key);
		long long v;
		size_t at;
		const json_t *node;
		/* The years up to the page's: a year's report does not change
		 * when a later year is written. */
		if (year > in->y->year)
			break;
		struct stats_row *r = row(s, t, arena_strdup(&s->a, key), false);
		/* Every year's figures have one shape (one site.yaml, one
		 * partners.yaml): a year without the figure would be blank. */
		if (figures_lookup(tree, path, &v, &at, &node) != FIGURES_FOUND) {
			r->cells[0].text = r->cells[1].text = "";
			last = 0;
			continue;
		}
		r->cells[0].num = v;
		if (last != 0 && last == year - 1) {
			r->cells[1].num = v - before;
			r->cells[1].sign = true;
		} else
			r->cells[1].text = "";
		before = v;
		last = year;
	}
	return t;
}

/* The cross table of frameworks and kinds, with the totals of each. */
static void
framework_kind_table(struct stats *s, const struct stats_input *in)
{
	const struct site *site = &in->c->site;
	const struct figures_year *f = &in->f->cur;
	const struct labels *l = in->l;
	size_t nf = site->frameworks.n, nk = site->kinds.n;

	struct stats_table *x = table_new(s, "framework-kind",
	    expanded(s, in, LABEL_TITLE_FRAMEWORK_KIND, in->y->year), nk + 2);
	x->path = stats_table_paths[TP_FRAMEWORK_KIND];
	head(x, 0, label(l, LABEL_COL_FRAMEWORK), false);
	for (size_t k = 0; k < nk; k++)
		head(x, k + 1, site->kinds.v[k].name, true);
	head(x, nk + 1, label(l, LABEL_COL_TOTAL), true);
	for (size_t i = 0; i < nf; i++) {
		struct stats_row *r = row(s, x, site->frameworks.v[i].name,
		    false);
		const long long *v = f->activities.by_framework_kind + i * nk;
		for (size_t k = 0; k < nk; k++)
			r->cells[k].num = v[k];
		r->cells[nk].num = f->activities.by_framework[i];
	}
	struct stats_row *tr = row(s, x, label(l, LABEL_ROW_TOTAL), true);
	for (size_t k = 0; k < nk; k++)
		tr->cells[k].num = f->activities.by_kind[k];
	tr->cells[nk].num = f->activities.total;
}

/* Projects: the funders that have any (names and hrefs are the partners'),
 * by status, with the chart of the statuses. */
static void
projects_table(struct stats *s, const struct stats_input *in,
    const char *const names[], const char *const hrefs[])
{
	const struct figures_year *f = &in->f->cur;
	const struct labels *l = in->l;
	size_t np = in->c->n_partners;

	size_t ne = in->n_earlier, w = 1 + PROJECT_STATUSES;
	/* The year's statuses, then each year's total: the earlier years'
	 * beside the year's own. */
	struct stats_table *pj = table_new(s, "projects-by-funder",
	    expanded(s, in, LABEL_TITLE_PROJECTS_BY_FUNDER, in->y->year),
	    PROJECT_STATUSES + 2 + ne);
	pj->path = stats_table_paths[TP_PROJECTS_BY_FUNDER];
	head(pj, 0, label(l, LABEL_COL_FUNDER), false);
	for (int st = 0; st < PROJECT_STATUSES; st++)
		head(pj, (size_t)st + 1, label(l,
		    label_project_status((enum project_status)st)), true);
	year_heads(s, in, pj, PROJECT_STATUSES + 1, label(l, LABEL_COL_TOTAL));
	for (size_t i = 0; i < np; i++) {
		const long long *v = f->projects.by_funder + i * w;
		bool any = v[0] != 0;
		for (size_t k = 0; k < ne; k++)
			any = any || in->earlier[k]->projects.by_funder[i * w];
		if (!any)
			continue;
		struct stats_row *r = row(s, pj, names[i], false);
		r->href = hrefs[i];
		for (int st = 0; st < PROJECT_STATUSES; st++)
			r->cells[st].num = v[1 + st];
		for (size_t k = 0; k < ne; k++)
			r->cells[PROJECT_STATUSES + k].num =
			    in->earlier[k]->projects.by_funder[i * w];
		r->cells[PROJECT_STATUSES + ne].num = v[0];
	}
	struct stats_row *tr = row(s, pj, label(l, LABEL_ROW_TOTAL), true);
	for (int st = 0; st < PROJECT_STATUSES; st++)
		tr->cells[st].num = f->projects.by_status[st];
	for (size_t k = 0; k < ne; k++)
		tr->cells[PROJECT_STATUSES + k].num =
		    in->earlier[k]->projects.total;
	tr->cells[PROJECT_STATUSES + ne].num = f->projects.total;
	const char *statuses[PROJECT_STATUSES];
	for (int st = 0; st < PROJECT_STATUSES; st++)
		statuses[st] = label(l,
		    label_project_status((enum project_status)st));
	chart(s, pj, "projects-by-status-chart",
	    label(l, LABEL_CHART_PROJECTS_BY_STATUS), statuses,
	    f->projects.by_status, PROJECT_STATUSES);
}

void
stats_figure_tables(struct stats *s, const struct stats_input *in)
{
	const struct site *site = &in->c->site;
	const struct labels *l = in->l;
	size_t nf = site->frameworks.n, nk = site->kinds.n;
	size_t np = in->c->n_partners;
	int year = in->y->year;
	size_t most = nf + nk + np + 16;
	const char **names = xcalloc(most, sizeof(*names));
	const char **hrefs = xcalloc(most, sizeof(*hrefs));

	for (size_t i = 0; i < nf; i++) {
		names[i] = site->frameworks.v[i].name;
		hrefs[i] = arena_printf(&s->a, PATH_FRAMEWORK_FMT,
		    site->frameworks.v[i].id);
	}
	figure_table(s, in, "by-framework", TP_BY_FRAMEWORK,
	    LABEL_TITLE_BY_FRAMEWORK, label(l, LABEL_COL_FRAMEWORK), names,
	    hrefs, fig_by_framework, nf);

	for (size_t i = 0; i < nk; i++)
		names[i] = site->kinds.v[i].name;
	figure_table(s, in, "by-kind", TP_BY_KIND, LABEL_TITLE_BY_KIND,
	    label(l, LABEL_COL_KIND), names, NULL, fig_by_kind, nk);

	/* Twelve months, then the activities dated by year only; beside
	 * earlier years, a month is named without its year. */
	for (int m = 0; m < 13; m++) {
		struct buf b = BUF_INIT;
		if (m < 12 && in->n_earlier > 0)
			buf_puts(&b, in->loc->months[m]);
		else if (m < 12)
			format_date(&b, in->loc, (struct date){ year, m + 1, 0 });
		else
			buf_puts(&b, label(l, LABEL_MONTH_UNKNOWN));
		if (b.len > 0 && b.data[0] >= 'a' && b.data[0] <= 'z')
			b.data[0] = (char)(b.data[0] - 'a' + 'A');
		names[m] = arena_strdup(&s->a, buf_str(&b));
		buf_free(&b);
	}
	figure_table(s, in, "by-month", TP_BY_MONTH, LABEL_TITLE_BY_MONTH,
	    label(l, LABEL_COL_DATE), names, NULL, fig_by_month, 13);

	for (size_t i = 0; i < np; i++) {
		names[i] = in->c->partners[i].short_name;
		hrefs[i] = arena_printf(&s->a, PATH_PARTNER_FMT,
		    in->c->partners[i].id);
	}
	figure_table(s, in, "by-partner", TP_BY_PARTNER,
	    LABEL_TITLE_BY_PARTNER, label(l, LABEL_COL_PARTNER), names, hrefs,
	    fig_by_partner, np);

	framework_kind_table(s, in);

	const char *types[2] = { label(l, LABEL_TYPE_BILATERAL),
	    label(l, LABEL_TYPE_MULTILATERAL) };
	figure_table(s, in, "agreements-by-type", TP_AGREEMENTS_BY_TYPE,
	    LABEL_TITLE_AGREEMENTS_BY_TYPE, label(l, LABEL_COL_TYPE), types,
	    NULL, fig_by_type, 2);
	figure_table(s, in, "agreements-by-partner", TP_AGREEMENTS_BY_PARTNER,
	    LABEL_TITLE_AGREEMENTS_BY_PARTNER, label(l, LABEL_COL_PARTNER),
	    names, hrefs, fig_agreements_by_partner, np);

	projects_table(s, in, names, hrefs);

	free(names);
	free(hrefs);
}

/* A date alone in a cell: "Tháng 6/2023"; "" for none. */
static const char *
cell_date(struct stats *s, const struct stats_input *in, struct date d)
{
	struct buf b = BUF_INIT;

	format_date(&b, in->loc, d);
	if (b.len > 0 && b.data[0] >= 'a' && b.data[0] <= 'z')
		b.data[0] = (char)(b.data[0] - 'a' + 'A');
	const char *t = arena_strdup(&s->a, buf_str(&b));
	buf_free(&b);
	return t;
}

/* The agreements of a set; the expiring ones with the months they have
 * left, in a column before the count. */
static void
agreement_list(struct stats *s, const struct stats_input *in, const char *id,
    enum label caption, enum agreement_set set, bool totals)
{
	const struct labels *l = in->l;
	const struct content *c = in->c;
	bool months = set == SET_EXPIRING;
	size_t count_col = months ? 5 : 4;	/* of the cells */
	struct stats_table *t = table_new(s, id, expanded(s, in, caption,
	    in->y->year), count_col + 2);
	long long sum = 0;
	bool any = false;

	head(t, 0, label(l, LABEL_COL_TITLE), false);
	head(t, 1, label(l, LABEL_COL_TYPE), false);
	head(t, 2, label(l, LABEL_COL_PARTNERS), false);
	head(t, 3, label(l, LABEL_COL_SIGNED), false);
	head(t, 4, label(l, LABEL_COL_ENDS), false);
	if (months)
		head(t, 5, label(l, LABEL_COL_MONTHS_LEFT), true);
	head(t, count_col + 1, label(l, LABEL_COL_COUNT), true);
	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		if (!agreement_sets[set].pick(a, in->y->year))
			continue;
		any = true;
		struct stats_row *r = row(s, t, a->title, false);
		r->cells[0].text = label(l, label_agreement_type(a->type));
		struct buf names = BUF_INIT;
		for (size_t j = 0; j < a->partners.n; j++)
			buf_printf(&names, "%s%s", j ? ", " : "",
			    c->partners[a->partners.v[j].index].short_name);
		r->cells[1].text = arena_strdup(&s->a, buf_str(&names));
		buf_free(&names);
		r->cells[2].text = cell_date(s, in, a->signed_on);
		r->cells[3].text = cell_date(s, in, a->ends);
		if (months)
			r->cells[4].num = agreement_months_left(a, in->y->year);
		r->cells[count_col].num = a->count;
		sum += a->count;
	}
	if (!any) {
		struct stats_row *r = row(s, t, label(l, LABEL_NONE), false);
		for (size_t k = 0; k <= count_col; k++)
			r->cells[k].text = "";
	}
	if (totals) {
		struct stats_row *r = row(s, t, label(l, LABEL_ROW_TOTAL), true);
		for (size_t k = 0; k < count_col; k++)
			r->cells[k].text = "";
		r->cells[count_col].num = sum;
	}
}

void
stats_lists(struct stats *s, const struct stats_input *in)
{
	const struct labels *l = in->l;
	const struct content *c = in->c;
	const struct year *y = in->y;

	agreement_list(s, in, "in-force", LABEL_TITLE_AGREEMENTS_IN_FORCE,
	    SET_IN_FORCE, true);
	agreement_list(s, in, "signed", LABEL_TITLE_AGREEMENTS_SIGNED,
	    SET_SIGNED, false);
	agreement_list(s, in, "proposed", LABEL_TITLE_AGREEMENTS_PROPOSED,
	    SET_PROPOSED, false);
	agreement_list(s, in, "expiring", LABEL_TITLE_AGREEMENTS_EXPIRING,
	    SET_EXPIRING, false);
	agreement_list(s, in, "ended", LABEL_TITLE_AGREEMENTS_ENDED,
	    SET_ENDED, false);

	struct stats_table *t = table_new(s, "projects",
	    expanded(s, in, LABEL_TITLE_PROJECTS, y->year), 6);
	head(t, 0, label(l, LABEL_COL_TITLE), false);
	head(t, 1, label(l, LABEL_COL_FUNDER), false);
	head(t, 2, label(l, LABEL_COL_STATUS), false);
	head(t, 3, label(l, LABEL_COL_START), false);
	head(t, 4, label(l, LABEL_COL_END), false);
	head(t, 5, label(l, LABEL_COL_COUNT), true);
	for (size_t i = 0; i < y->n_projects; i++) {
		const struct project *p = &y->projects[i];
		struct stats_row *r = row(s, t, p->title, false);
		r->cells[0].text = c->partners[p->funder.index].short_name;
		r->cells[1].text = label(l, label_project_status(p->status));
		r->cells[2].text = cell_date(s, in, p->start);
		r->cells[3].text = cell_date(s, in, p->end);
		r->cells[4].num = p->count;
	}
	if (y->n_projects == 0) {
		struct stats_row *r = row(s, t, label(l, LABEL_NONE), false);
		for (int k = 0; k < 5; k++)
			r->cells[k].text = "";
	}
}

struct stats_table *
stats_table_of(struct stats *s, const struct stats_input *in,
    const char *path)
{
	stats_figure_tables(s, in);
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].path != NULL && strcmp(s->v[i].path, path) == 0)
			return &s->v[i];
	return NULL;
}

void
stats_free(struct stats *s)
{
	free(s->v);
	arena_free(&s->a);
	memset(s, 0, sizeof(*s));
}
