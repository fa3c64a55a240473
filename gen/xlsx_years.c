/*
 * out/years.xlsx: the years side by side; see xlsx.h.
 *
 * Five sheets, years as columns, each a numbered table with its source
 * line and a native chart under it: the headline figures (with the change
 * of the last year from the one before it), activities by framework and
 * by kind (with totals), activities by partner and agreements in force by
 * partner (without: an activity or agreement with two partners counts for
 * both). The numbers are those of years.json (years.h), the form that of
 * statistics.xlsx (xlsx_form.h).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "arena.h"
#include "stats.h"
#include "xalloc.h"
#include "xlsx.h"
#include "xlsx_form.h"
#include "years.h"

/* years.xlsx being written. */
struct years_book {
	struct workbook b;
	const struct years *ys;
	int	 first, last;	/* the years shown (0 when none) */
	struct arena arena;	/* the headers and names made here */
};

/* A label with {organisation} and {year} filled in, kept in the book's
 * arena; when year is 0, a label of the span with {years} (labels.h). */
static const char *
expanded(struct years_book *yb, enum label id, int year)
{
	struct buf t = BUF_INIT;

	if (year != 0)
		label_expand(&t, yb->b.l, id, year, yb->b.c->site.organisation);
	else
		label_expand_years(&t, yb->b.l, id, yb->first, yb->last,
		    yb->b.c->site.organisation);
	const char *s = arena_strdup(&yb->arena, buf_str(&t));
	buf_free(&t);
	return s;
}

/* The heads of a table: the first column's, then a year each; heads[0]
 * is left to the caller. */
static const char **
year_heads(struct years_book *yb, int ncols)
{
	const char **heads = arena_alloc(&yb->arena, (size_t)ncols *
	    sizeof(*heads));

	for (size_t j = 0; j < yb->ys->n; j++)
		heads[1 + j] = expanded(yb, LABEL_COL_YEAR, yb->ys->y[j]->year);
	return heads;
}

/* Start a sheet of ncols columns whose header is row 1: widths, frozen
 * header and first column, a filter down to row filter_last (none when
 * 0), print setup (landscape when the years are many). False when the
 * sheet cannot be added. */
static bool
begin_sheet(struct years_book *yb, enum label name, const struct widths *w,
    int ncols, lxw_row_t filter_last)
{
	struct workbook *b = &yb->b;

	if (!wb_add_sheet(b, label(b->l, name)))
		return false;
	worksheet_freeze_panes(b->ws, 2, 1);
	/* In constant-memory mode a filter must come before its rows. */
	if (filter_last > 0)
		wb_kept(b, worksheet_autofilter(b->ws, 1, 0, filter_last,
		    (lxw_col_t)(ncols - 1)), "the filter");
	wb_page_setup(b, yb->ys->n > 4, 1);
	wb_apply_widths(b, w);
	return true;
}

/* The column of year number j. */
static int
year_col(size_t j)
{
	return 1 + (int)j;
}

/* Sheet 1: the headline figures (stats.h), a row each, with the change of
 * the last year from the one before it and each figure's path, then a
 * line chart of the figures that are not part of another. */
static void
sheet_headlines(struct years_book *yb)
{
	struct workbook *b = &yb->b;
	const struct years *ys = yb->ys;
	bool change = ys->n >= 2;
	int ncols = 1 + (int)ys->n + change + 1;
	int change_col = 1 + (int)ys->n, path_col = ncols - 1;
	const char **heads = year_heads(yb, ncols);
	struct widths w = { .cap = { 45 } };
	char fx[48], now[16], before[16];

	heads[0] = label(b->l, LABEL_COL_FIGURE);
	if (change)
		heads[change_col] = expanded(yb, LABEL_YEARS_COL_CHANGE,
		    ys->y[ys->n - 2]->year);
	heads[path_col] = label(b->l, LABEL_COL_PATH);
	wb_measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < n_headlines; i++)
		wb_measure(&w, 0, label(b->l, headlines[i].label));
	/* Narrow, as in statistics.xlsx: for checking against the JSON. */
	if (path_col < WB_COLS_MAX)
		w.w[path_col] = 24;
	if (!begin_sheet(yb, LABEL_YEARS_SHEET_HEADLINES, &w, ncols,
	    1 + (lxw_row_t)n_headlines))
		return;

	const char *title = expanded(yb, LABEL_YEARS_TITLE_HEADLINES, 0);
	lxw_row_t row = wb_title_row(b, 0, wb_title_span(b, &w, ncols, title),
	    title);
	lxw_row_t head = row;
	row = wb_header_row(b, row, heads, ncols, &w);
	lxw_row_t first = row;
	for (size_t i = 0; i < n_headlines; i++, row++) {
		const struct headline *h = &headlines[i];
		wb_put_text(b, row, 0, label(b->l, h->label), h->part ?
		    b->sub_text : b->text);
		for (size_t j = 0; j < ys->n; j++)
			wb_put_num(b, row, year_col(j), headline_value(h,
			    ys->f[j]), b->num);
		if (change) {
			lxw_rowcol_to_cell(now, row,
			    (lxw_col_t)year_col(ys->n - 1));
			lxw_rowcol_to_cell(before, row,
			    (lxw_col_t)year_col(ys->n - 2));
			snprintf(fx, sizeof(fx), "=%s-%s", now, before);
			wb_put_sum(b, row, change_col, fx,
			    headline_value(h, ys->f[ys->n - 1]) -
			    headline_value(h, ys->f[ys->n - 2]), b->change);
		}
		wb_put_text(b, row, path_col, h->path, b->path);
	}
	row = wb_source_row(b, row + 1, expanded(yb, LABEL_YEARS_SOURCE_LINE,
	    0));
	if (ys->n == 0)
		return;

	lxw_chart *chart = wb_chart(b, LXW_CHART_LINE, title);
	for (size_t i = 0; i < n_headlines; i++) {
		if (headlines[i].part)
			continue;
		lxw_row_t r = first + (lxw_row_t)i;
		lxw_chart_series *sr = chart_add_series(chart, NULL, NULL);
		if (sr == NULL)
			xalloc_die();	/* nothing else can fail there */
		chart_series_set_categories(sr, b->sheet, head, 1, head,
		    (lxw_col_t)ys->n);
		chart_series_set_values(sr, b->sheet, r, 1, r,
		    (lxw_col_t)ys->n);
		chart_series_set_name_range(sr, b->sheet, r, 0);
		/* One year is a point: a marker shows it. */
		chart_series_set_marker_type(sr, LXW_CHART_MARKER_AUTOMATIC);
	}
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	wb_insert_chart(b, chart, row, 1.2, 1.2);
}

/*
 * A table of counts by year: a row per entry (a vocabulary's, or a
 * partner), a column per year, a total row when the entries part the
 * year's activities, and a chart.
 */
struct counts {
	enum label sheet, title, head;
	size_t	 n;
	const char *(*name)(const struct content *c, size_t i);
	/* Where the pointer to the counts ([n]) is in struct figures_year */
	size_t	 of;
	bool	 total;		/* the entries part the activities */
};

static const char *
framework_name(const struct content *c, size_t i)
{
	return c->site.frameworks.v[i].name;
}

static const char *
kind_name(const struct content *c, size_t i)
{
	return c->site.kinds.v[i].name;
}

static const char *
partner_name(const struct content *c, size_t i)
{
	return c->partners[i].short_name;
}

/* The counts a table shows in the figures of a year. */
static const long long *
counts_in(const struct counts *t, const struct figures_year *f)
{
	const long long *v;

	memcpy(&v, (const char *)f + t->of, sizeof(v));
	return v;
}

/*
 * The chart of a table whose entries are rows first to last and years
 * columns 1 to n, header at row head. When the entries part the year's
 * activities, a stacked column a year, a part an entry: its height is
 * the total. Otherwise (partners) a bar an entry and year, the years side
 * by side, taller with more partners.
 */
static void
counts_chart(struct years_book *yb, const struct counts *t, const char *title,
    lxw_row_t head, lxw_row_t first, lxw_row_t last, lxw_row_t at)
{
	struct workbook *b = &yb->b;
	lxw_col_t n = (lxw_col_t)yb->ys->n;
	lxw_chart *chart = wb_chart(b, t->total ? LXW_CHART_COLUMN_STACKED :
	    LXW_CHART_BAR, title);
	size_t nseries = t->total ? t->n : yb->ys->n;

	for (size_t s = 0; s < nseries; s++) {
		lxw_chart_series *sr = chart_add_series(chart, NULL, NULL);
		if (sr == NULL)
			xalloc_die();	/* nothing else can fail there */
		if (t->total) {
			lxw_row_t r = first + (lxw_row_t)s;
			chart_series_set_categories(sr, b->sheet, head, 1,
			    head, n);
			chart_series_set_values(sr, b->sheet, r, 1, r, n);
			chart_series_set_name_range(sr, b->sheet, r, 0);
		} else {
			lxw_col_t c = (lxw_col_t)year_col(s);
			chart_series_set_categories(sr, b->sheet, first, 0,
			    last, 0);
			chart_series_set_values(sr, b->sheet, first, c, last,
			    c);
			chart_series_set_name_range(sr, b->sheet, head, c);
		}
	}
	chart_legend_set_position(chart, t->total ? LXW_CHART_LEGEND_RIGHT :
	    LXW_CHART_LEGEND_BOTTOM);
	double bars = t->total ? 0 : (double)(t->n * yb->ys->n);
	double y_scale = 1.2 + bars / 40;
	wb_insert_chart(b, chart, at, 1.2, y_scale < 4 ? y_scale : 4);
}

static void
sheet_counts(struct years_book *yb, const struct counts *t)
{
	struct workbook *b = &yb->b;
	const struct years *ys = yb->ys;
	const struct content *c = b->c;
	int ncols = 1 + (int)ys->n;
	const char **heads = year_heads(yb, ncols);
	struct widths w = { .cap = { 36 } };
	struct buf fx = BUF_INIT;

	heads[0] = label(b->l, t->head);
	wb_measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < t->n; i++)
		wb_measure(&w, 0, t->name(c, i));
	if (t->total)
		wb_measure(&w, 0, label(b->l, LABEL_ROW_TOTAL));
	if (!begin_sheet(yb, t->sheet, &w, ncols, t->total ? 0 :
	    1 + (lxw_row_t)(t->n ? t->n : 1)))
		return;

	const char *title = expanded(yb, t->title, 0);
	lxw_row_t row = wb_title_row(b, 0, wb_title_span(b, &w, ncols, title),
	    title);
	lxw_row_t head = row;
	row = wb_header_row(b, row, heads, ncols, &w);
	lxw_row_t first = row;
	for (size_t i = 0; i < t->n; i++, row++) {
		const char *texts[1] = { t->name(c, i) };
		wb_fit_row(b, row, &w, texts, 1);
		wb_put_text(b, row, 0, texts[0], b->text);
		for (size_t j = 0; j < ys->n; j++)
			wb_put_num(b, row, year_col(j),
			    counts_in(t, ys->f[j])[i], b->num);
	}
	if (t->n == 0)
		wb_put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	lxw_row_t last = row - 1;
	if (t->total) {
		wb_put_text(b, row, 0, label(b->l, LABEL_ROW_TOTAL),
		    b->total_text);
		for (size_t j = 0; j < ys->n; j++)
			wb_put_sum(b, row, year_col(j), wb_sum_of(&fx, first,
			    year_col(j), last, year_col(j)),
			    ys->f[j]->activities.total, b->total_num);
		row++;
	}
	row = wb_source_row(b, row + 1, expanded(yb, LABEL_YEARS_SOURCE_LINE,
	    0));
	if (ys->n > 0 && t->n > 0)
		counts_chart(yb, t, title, head, first, last, row);
	buf_free(&fx);
}

#define COUNTS(field) offsetof(struct figures_year, field)

bool
xlsx_write_years(const struct xlsx_years_input *in, const char *path,
    const char *tmpdir, struct diag *d)
{
	const struct years *ys = in->ys;
	const struct content *c = ys->c;
	struct years_book yb = { .b = { .l = in->l, .c = c }, .ys = ys,
	    .first = ys->n ? ys->y[0]->year : 0,
	    .last = ys->n ? ys->y[ys->n - 1]->year : 0,
	    .arena = ARENA_INIT };
	const char *shown = in->shown != NULL ? in->shown : path;
	const struct counts tables[] = {
		{ .sheet = LABEL_YEARS_SHEET_BY_FRAMEWORK,
		    .title = LABEL_YEARS_TITLE_BY_FRAMEWORK,
		    .head = LABEL_COL_FRAMEWORK, .n = c->site.frameworks.n,
		    .name = framework_name,
		    .of = COUNTS(activities.by_framework), .total = true },
		{ .sheet = LABEL_YEARS_SHEET_BY_KIND,
		    .title = LABEL_YEARS_TITLE_BY_KIND, .head = LABEL_COL_KIND,
		    .n = c->site.kinds.n, .name = kind_name,
		    .of = COUNTS(activities.by_kind), .total = true },
		{ .sheet = LABEL_YEARS_SHEET_BY_PARTNER,
		    .title = LABEL_YEARS_TITLE_BY_PARTNER,
		    .head = LABEL_COL_PARTNER, .n = c->n_partners,
		    .name = partner_name, .of = COUNTS(activities.by_partner) },
		{ .sheet = LABEL_YEARS_SHEET_AGREEMENTS,
		    .title = LABEL_YEARS_TITLE_AGREEMENTS,
		    .head = LABEL_COL_PARTNER, .n = c->n_partners,
		    .name = partner_name, .of = COUNTS(agreements.by_partner) },
	};

	if (!wb_open(&yb.b, path, tmpdir, shown, d))
		return false;
	sheet_headlines(&yb);
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		sheet_counts(&yb, &tables[i]);

	lxw_doc_properties props = {
		.title = (char *)expanded(&yb, LABEL_YEARS_WORKBOOK_TITLE, 0),
		.subject = (char *)expanded(&yb, LABEL_YEARS_WORKBOOK_SUBJECT,
		    0),
		.author = (char *)c->site.organisation,
		.company = (char *)c->site.organisation,
		.comments = "coopgen",
		.created = in->created,
	};
	bool ok = wb_close(&yb.b, &props, shown, d);
	arena_free(&yb.arena);
	return ok;
}
#undef COUNTS
