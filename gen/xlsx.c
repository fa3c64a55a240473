/* out/<YEAR>/statistics.xlsx; see xlsx.h. The form it shares with
 * years.xlsx (formats, titles, print setup, failures) is xlsx_form.c's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "format.h"
#include "stats.h"
#include "xalloc.h"
#include "xlsx.h"
#include "xlsx_form.h"

/* The character that starts *s (up to end), folded as Excel compares sheet
 * names: to upper case and back to lower, so that each of 'ſ', 's' and
 * 'S', or 'K' (the Kelvin sign) and 'k', are one; *s moves past it. */
static uint32_t
next_folded(const char **s, const char *end)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)*s,
	    end - *s, &cp);

	if (n <= 0) {		/* not UTF-8: the byte, apart from any letter */
		*s += 1;
		return 0x80000000u | (unsigned char)(*s)[-1];
	}
	*s += n;
	return (uint32_t)utf8proc_tolower(utf8proc_toupper(cp));
}

bool
xlsx_sheet_names_clash(const char *a, const char *b)
{
	const char *ea = a + strlen(a), *eb = b + strlen(b);

	while (a < ea && b < eb)
		if (next_folded(&a, ea) != next_folded(&b, eb))
			return false;
	return a == ea && b == eb;
}

const char *
xlsx_sheet_name_problem(const char *s)
{
	size_t n = strlen(s), units = 0, len;

	for (size_t i = 0; i < n; i += len)
		units += wb_utf16_units(s + i, n - i, &len);
	if (units == 0 || units > 31)
		return "expected 1 to 31 characters as Excel counts them: one "
		    "beyond U+FFFF, such as an emoji, counts as two";
	if (strpbrk(s, "[]:*?/\\") != NULL)
		return "expected none of [ ] : * ? / \\";
	if (s[0] == '\'' || s[n - 1] == '\'')
		return "expected no apostrophe at either end";
	if (xlsx_sheet_names_clash(s, "History"))
		return "expected another name: Excel keeps History for itself";
	return NULL;
}

/* Whether d is written as an Excel date: a day Excel's dates can hold. */
static bool
excel_date(struct date d)
{
	return d.day != 0 && d.year >= XLSX_FIRST_YEAR;
}

/* A date: a real Excel date when it can be, else text ("tháng 6/2023";
 * a day before 1900 as the report writes it). */
static void
put_date(struct workbook *b, lxw_row_t row, int col, struct date d)
{
	if (d.year == 0) {
		wb_put_blank(b, row, col, b->text);
		return;
	}
	if (excel_date(d)) {
		lxw_datetime dt = { d.year, d.month, d.day, 0, 0, 0 };
		wb_kept_cell(b, worksheet_write_datetime(b->ws, row,
		    (lxw_col_t)col, &dt, b->date), row, col);
		return;
	}
	buf_reset(&b->scratch);
	format_date(&b->scratch, b->in->loc, d);
	wb_put_text(b, row, col, buf_str(&b->scratch), b->text);
}

static void
measure_date(struct workbook *b, struct widths *w, int col, struct date d)
{
	buf_reset(&b->scratch);
	if (excel_date(d))
		buf_puts(&b->scratch, "00/00/0000");
	else if (d.year != 0)
		format_date(&b->scratch, b->in->loc, d);
	wb_measure(w, col, buf_str(&b->scratch));
}

/* The partners of a record, by short name, joined by ", ". */
static const char *
partner_names(const struct workbook *b, const struct refs *r, struct buf *out)
{
	buf_reset(out);
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			buf_puts(out, ", ");
		buf_puts(out, b->c->partners[r->v[i].index].short_name);
	}
	return buf_str(out);
}

/* A label with {year} and {organisation} filled in, into out. */
static const char *
expanded(const struct workbook *b, enum label id, int year, struct buf *out)
{
	buf_reset(out);
	label_expand(out, b->l, id, year, b->c->site.organisation);
	return buf_str(out);
}

/* "Bảng 3. Title of the table" for the year, merged across the table's
 * columns. */
static lxw_row_t
title_row(struct workbook *b, lxw_row_t row, int ncols, enum label title)
{
	struct buf t = BUF_INIT;

	row = wb_title_row(b, row, ncols, expanded(b, title, b->f->year, &t));
	buf_free(&t);
	return row;
}

/* The source of the year's figures, under a table; returns the next free
 * row. */
static lxw_row_t
source_row(struct workbook *b, lxw_row_t row)
{
	struct buf t = BUF_INIT;

	row = wb_source_row(b, row, expanded(b, LABEL_SOURCE_LINE, b->f->year,
	    &t));
	buf_free(&t);
	return row;
}

/* A row of the summary: a figure this year and the year before. */
struct summary_row {
	const char *name;
	bool	 sub;		/* a part of the row above */
	long long now, before;
	const char *path;	/* in figures.json */
};

struct summary {
	struct summary_row *v;
	size_t	 n, cap;
	struct arena arena;	/* the paths made here */
};

static void
summary_add(struct summary *s, const char *name, bool sub, long long now,
    long long before, const char *path)
{
	s->v = xgrow(s->v, &s->cap, s->n, sizeof(*s->v));
	s->v[s->n++] = (struct summary_row){ name, sub, now, before, path };
}

/* The rows under a headline figure: each framework's activities, or
 * each status's projects. */
static void
summary_detail(struct summary *s, const struct workbook *b,
    enum headline_detail detail)
{
	const struct site *site = &b->c->site;
	const struct figures *fig = b->in->f;
	const struct figures_year *cur = &fig->cur, *prev = &fig->previous;
	bool p = fig->has_previous;

	if (detail == HEADLINE_BY_FRAMEWORK)
		for (size_t i = 0; i < site->frameworks.n; i++)
			summary_add(s, site->frameworks.v[i].name, true,
			    cur->activities.by_framework[i],
			    p ? prev->activities.by_framework[i] : 0,
			    arena_printf(&s->arena, "%s.%s",
			    headline_detail_paths[detail],
			    site->frameworks.v[i].id));
	if (detail == HEADLINE_BY_STATUS)
		for (int st = 0; st < PROJECT_STATUSES; st++)
			summary_add(s, label(b->l, label_project_status(
			    (enum project_status)st)), true,
			    cur->projects.by_status[st],
			    p ? prev->projects.by_status[st] : 0,
			    arena_printf(&s->arena, "%s.%s",
			    headline_detail_paths[detail],
			    project_status_ids[st]));
}

/* Sheet 1: the key figures, this year against the year before. */
static void
sheet_summary(struct workbook *b)
{
	const struct figures *fig = b->in->f;
	const struct figures_year *cur = &fig->cur, *prev = &fig->previous;
	bool p = fig->has_previous;
	struct buf y1 = BUF_INIT, y0 = BUF_INIT;
	struct widths w = { 0 };
	struct summary s = { .arena = ARENA_INIT };

	if (!wb_add_sheet(b, label(b->l, LABEL_SHEET_SUMMARY)))
		return;

	/* The headline figures (stats.h), with their details. */
	for (size_t i = 0; i < n_headlines; i++) {
		const struct headline *h = &headlines[i];
		summary_add(&s, label(b->l, h->label), h->part,
		    headline_value(h, cur), p ? headline_value(h, prev) : 0,
		    h->path);
		summary_detail(&s, b, h->detail);
	}

	const char *heads[5];
	int ncols = 0;
	heads[ncols++] = label(b->l, LABEL_COL_FIGURE);
	heads[ncols++] = expanded(b, LABEL_COL_YEAR, cur->year, &y1);
	if (p) {
		heads[ncols++] = expanded(b, LABEL_COL_YEAR, prev->year, &y0);
		heads[ncols++] = label(b->l, LABEL_COL_CHANGE);
	}
	int path_col = ncols;
	heads[ncols++] = label(b->l, LABEL_COL_PATH);
	w.cap[0] = 45;
	wb_measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < s.n; i++)
		wb_measure(&w, 0, s.v[i].name);
	/* The path column stays narrow: it is for whoever checks the
	 * workbook against figures.json, not for the briefing. */
	w.w[path_col] = 24;

	worksheet_freeze_panes(b->ws, 2, 0);
	/* In constant-memory mode a filter must be set before its rows are
	 * written, or libxlsxwriter leaves it out. */
	wb_kept(b, worksheet_autofilter(b->ws, 1, 0, (lxw_row_t)s.n + 1,
	    (lxw_col_t)(ncols - 1)), "the filter");
	wb_page_setup(b, false, 1);
	wb_apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_SUMMARY);
	row = wb_header_row(b, row, heads, ncols, &w);
	for (size_t i = 0; i < s.n; i++, row++) {
		const struct summary_row *r = &s.v[i];
		wb_put_text(b, row, 0, r->name, r->sub ? b->sub_text : b->text);
		wb_put_num(b, row, 1, r->now, b->num);
		if (p) {
			char fx[32];
			wb_put_num(b, row, 2, r->before, b->num);
			snprintf(fx, sizeof(fx), "=B%u-C%u", (unsigned)row + 1,
			    (unsigned)row + 1);
			wb_put_sum(b, row, 3, fx, r->now - r->before,
			    b->change);
		}
		wb_put_text(b, row, path_col, r->path, b->path);
	}
	source_row(b, row + 1);
	free(s.v);
	arena_free(&s.arena);
	buf_free(&y1);
	buf_free(&y0);
}

/* Sheet 2: every activity record. */
static void
sheet_activities(struct workbook *b)
{
	const struct year *y = b->in->y;
	const struct site *s = &b->c->site;
	struct widths w = { .cap = { 8, 16, 45, 22, 22, 24, 10, 22 } };
	struct buf t = BUF_INIT;
	const char *heads[] = { label(b->l, LABEL_COL_NO),
	    label(b->l, LABEL_COL_DATE), label(b->l, LABEL_COL_TITLE),
	    label(b->l, LABEL_COL_FRAMEWORK), label(b->l, LABEL_COL_KIND),
	    label(b->l, LABEL_COL_PARTNERS), label(b->l, LABEL_COL_COUNT),
	    label(b->l, LABEL_COL_PLACE) };
	const int ncols = 8;
	size_t n = y->n_activities;

	if (!wb_add_sheet(b, label(b->l, LABEL_SHEET_ACTIVITIES)))
		return;
	size_t *order = year_by_date(y);
	wb_measure_heads(&w, heads, ncols);
	char no[24];
	snprintf(no, sizeof(no), "%zu", n);
	wb_measure(&w, 0, no);
	/* The vocabularies once each, not once per activity. */
	for (size_t i = 0; i < s->frameworks.n; i++)
		wb_measure(&w, 3, s->frameworks.v[i].name);
	for (size_t i = 0; i < s->kinds.n; i++)
		wb_measure(&w, 4, s->kinds.v[i].name);
	for (size_t i = 0; i < n; i++) {
		const struct activity *a = &y->activities[i];
		measure_date(b, &w, 1, a->date);
		wb_measure(&w, 2, a->title);
		wb_measure(&w, 5, partner_names(b, &a->partners, &t));
		if (a->place)
			wb_measure(&w, 7, a->place);
	}

	lxw_row_t first = 2, last = n ? first + (lxw_row_t)n - 1 : first;
	worksheet_freeze_panes(b->ws, 2, 0);
	wb_kept(b, worksheet_autofilter(b->ws, 1, 0, last,
	    (lxw_col_t)(ncols - 1)), "the filter");
	wb_page_setup(b, true, 1);
	wb_apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_ACTIVITIES);
	row = wb_header_row(b, row, heads, ncols, &w);
	for (size_t k = 0; k < n; k++, row++) {
		const struct activity *a = &y->activities[order[k]];
		const char *texts[8] = { NULL, NULL, a->title,
		    s->frameworks.v[a->framework.index].name,
		    s->kinds.v[a->kind.index].name,
		    partner_names(b, &a->partners, &t), NULL,
		    a->place ? a->place : "" };
		wb_fit_row(b, row, &w, texts, ncols);
		wb_put_num(b, row, 0, (long long)k + 1, b->num);
		put_date(b, row, 1, a->date);
		for (int i = 2; i < ncols; i++)
			if (texts[i] != NULL)
				wb_put_text(b, row, i, texts[i], b->text);
		wb_put_num(b, row, 6, a->count, b->num);
	}
	if (n == 0)
		wb_put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	wb_put_text(b, row, 0, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	for (int i = 1; i < ncols; i++)
		if (i != 6)
			wb_put_blank(b, row, i, b->total_text);
	wb_put_sum(b, row, 6, wb_sum_of(&t, first, 6, last, 6),
	    b->f->activities.total, b->total_num);
	source_row(b, row + 2);
	free(order);
	buf_free(&t);
}

/* A column chart (or bar chart) of one row or column of a sheet. */
static void
insert_chart(struct workbook *b, uint8_t type, enum label title,
    lxw_row_t cat_r1, int cat_c1, lxw_row_t cat_r2, int cat_c2,
    lxw_row_t val_r1, int val_c1, lxw_row_t val_r2, int val_c2, lxw_row_t at,
    double y_scale)
{
	lxw_chart *chart = wb_chart(b, type, label(b->l, title));
	lxw_chart_series *sr = chart_add_series(chart, NULL, NULL);
	const char *sheet = b->sheet;

	if (sr == NULL)
		xalloc_die();	/* nothing else can fail there */
	chart_series_set_categories(sr, sheet, cat_r1, (lxw_col_t)cat_c1,
	    cat_r2, (lxw_col_t)cat_c2);
	chart_series_set_values(sr, sheet, val_r1, (lxw_col_t)val_c1, val_r2,
	    (lxw_col_t)val_c2);
	chart_series_set_labels(sr);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	wb_insert_chart(b, chart, at, 1.2, y_scale);
}

/* Sheet 3: the framework x kind cross table, and two charts. */
static void
sheet_framework_kind(struct workbook *b)
{
	const struct site *s = &b->c->site;
	const struct figures_year *f = b->f;
	struct widths w = { .cap = { 30 } };
	struct buf fx = BUF_INIT;
	size_t nf = s->frameworks.n, nk = s->kinds.n;
	int ncols = (int)nk + 2, total_col = (int)nk + 1;

	if (!wb_add_sheet(b, label(b->l, LABEL_SHEET_FRAMEWORK_KIND)))
		return;
	const char **heads = xcalloc((size_t)ncols, sizeof(*heads));

	heads[0] = label(b->l, LABEL_COL_FRAMEWORK);
	for (size_t k = 0; k < nk; k++)
		heads[1 + k] = s->kinds.v[k].name;
	heads[total_col] = label(b->l, LABEL_COL_TOTAL);
	wb_measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < nf; i++)
		wb_measure(&w, 0, s->frameworks.v[i].name);
	wb_measure(&w, 0, label(b->l, LABEL_ROW_TOTAL));

	worksheet_freeze_panes(b->ws, 2, 1);
	wb_page_setup(b, true, 1);
	wb_apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_FRAMEWORK_KIND);
	lxw_row_t head = row;
	row = wb_header_row(b, row, heads, ncols, &w);
	lxw_row_t first = row;
	for (size_t i = 0; i < nf; i++, row++) {
		wb_put_text(b, row, 0, s->frameworks.v[i].name, b->text);
		for (size_t k = 0; k < nk; k++)
			wb_put_num(b, row, 1 + (int)k,
			    f->activities.by_framework_kind[i * nk + k],
			    b->num);
		wb_put_sum(b, row, total_col, wb_sum_of(&fx, row, 1, row,
		    (int)nk), f->activities.by_framework[i], b->total_num);
	}
	lxw_row_t last = nf ? row - 1 : first, totals = row;
	wb_put_text(b, row, 0, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	for (size_t k = 0; k <= nk; k++)
		wb_put_sum(b, row, 1 + (int)k, wb_sum_of(&fx, first, 1 + (int)k,
		    last, 1 + (int)k), k < nk ? f->activities.by_kind[k] :
		    f->activities.total, b->total_num);
	row = source_row(b, row + 2);

	insert_chart(b, LXW_CHART_COLUMN, LABEL_CHART_BY_FRAMEWORK,
	    first, 0, last, 0, first, total_col, last, total_col, row, 1.0);
	/* Below the first chart, which is 15 rows of 20 points high. */
	insert_chart(b, LXW_CHART_BAR, LABEL_CHART_BY_KIND,
	    head, 1, head, (int)nk, totals, 1, totals, (int)nk, row + 16, 1.5);
	free(heads);
	buf_free(&fx);
}

/* Sheet 4: each partner's activities, agreements and projects. */
static void
sheet_partners(struct workbook *b)
{
	const struct content *c = b->c;
	const struct figures_year *f = b->f;
	struct widths w = { .cap = { 8, 45, 18, 10 } };
	const char *heads[] = { label(b->l, LABEL_COL_NO),
	    label(b->l, LABEL_COL_PARTNER), label(b->l, LABEL_COL_SHORT),
	    label(b->l, LABEL_COL_COUNTRY), label(b->l, LABEL_COL_ACTIVITIES),
	    label(b->l, LABEL_COL_AGREEMENTS_IN_FORCE),
	    label(b->l, LABEL_COL_PROJECTS) };
	const int ncols = 7;
	size_t n = c->n_partners;

	if (!wb_add_sheet(b, label(b->l, LABEL_SHEET_PARTNERS)))
		return;
	wb_measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < n; i++) {
		wb_measure(&w, 1, c->partners[i].name);
		wb_measure(&w, 2, c->partners[i].short_name);
	}
	worksheet_freeze_panes(b->ws, 2, 0);
	wb_kept(b, worksheet_autofilter(b->ws, 1, 0, n ? 1 + (lxw_row_t)n : 2,
	    (lxw_col_t)(ncols - 1)), "the filter");
	wb_page_setup(b, true, 1);
	wb_apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_PARTNERS);
	row = wb_header_row(b, row, heads, ncols, &w);
	/* No total row: an activity with two partners counts for both, so
	 * the column sums would not be the year's totals. */
	for (size_t i = 0; i < n; i++, row++) {
		const struct partner *p = &c->partners[i];
		const char *texts[3] = { NULL, p->name, p->short_name };
		wb_fit_row(b, row, &w, texts, 3);
		wb_put_num(b, row, 0, (long long)i + 1, b->num);
		wb_put_text(b, row, 1, p->name, b->text);
		wb_put_text(b, row, 2, p->short_name, b->text);
		wb_put_text(b, row, 3, p->country ? p->country : "", b->text);
		wb_put_num(b, row, 4, f->activities.by_partner[i], b->num);
		wb_put_num(b, row, 5, f->agreements.by_partner[i], b->num);
		wb_put_num(b, row, 6, f->projects.by_funder[i *
		    (1 + PROJECT_STATUSES)], b->num);
	}
	if (n == 0)
		wb_put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	source_row(b, row + 1);
}

/* A list of the agreements of a set (figures.h), with the dates when
 * dates is set, the months left of the expiring ones, and totals by type
 * when totals is set; returns the next free row. */
static lxw_row_t
agreement_list(struct workbook *b, lxw_row_t row,
    enum label title, enum agreement_set set,
    bool dates, bool totals, const struct widths *w)
{
	const struct content *c = b->c;
	int year = b->f->year;
	bool (*pick)(const struct agreement *, int) = agreement_sets[set].pick;
	bool months = dates && set == SET_EXPIRING;
	struct buf t = BUF_INIT, fx = BUF_INIT;
	const char *heads[8];
	int ncols = 0;

	heads[ncols++] = label(b->l, LABEL_COL_NO);
	heads[ncols++] = label(b->l, LABEL_COL_TITLE);
	heads[ncols++] = label(b->l, LABEL_COL_TYPE);
	heads[ncols++] = label(b->l, LABEL_COL_PARTNERS);
	if (dates) {
		heads[ncols++] = label(b->l, LABEL_COL_SIGNED);
		heads[ncols++] = label(b->l, LABEL_COL_ENDS);
	}
	if (months)
		heads[ncols++] = label(b->l, LABEL_COL_MONTHS_LEFT);
	int count_col = ncols;
	heads[ncols++] = label(b->l, LABEL_COL_COUNT);

	row = title_row(b, row, ncols, title);
	row = wb_header_row(b, row, heads, ncols, w);
	lxw_row_t first = row;
	long long k = 0, sum = 0, by_type[2] = { 0, 0 };
	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		if (!pick(a, year))
			continue;
		const char *texts[4] = { NULL, a->title, NULL,
		    partner_names(b, &a->partners, &t) };
		wb_fit_row(b, row, w, texts, 4);
		wb_put_num(b, row, 0, ++k, b->num);
		wb_put_text(b, row, 1, a->title, b->text);
		wb_put_text(b, row, 2, label(b->l,
		    label_agreement_type(a->type)), b->text);
		wb_put_text(b, row, 3, texts[3], b->text);
		if (dates) {
			put_date(b, row, 4, a->signed_on);
			put_date(b, row, 5, a->ends);
		}
		if (months)
			wb_put_num(b, row, 6, agreement_months_left(a, year),
			    b->num);
		wb_put_num(b, row, count_col, a->count, b->num);
		sum += a->count;
		by_type[a->type] += a->count;
		row++;
	}
	if (k == 0)
		wb_put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	lxw_row_t last = row - 1;
	if (totals) {
		char a1[16], a2[16], c1[16], c2[16];
		lxw_rowcol_to_cell(a1, first, 2);
		lxw_rowcol_to_cell(a2, last, 2);
		lxw_rowcol_to_cell(c1, first, (lxw_col_t)count_col);
		lxw_rowcol_to_cell(c2, last, (lxw_col_t)count_col);
		/* Per type, then in all; SUMIF keeps them live. */
		for (int ty = 0; ty < 2; ty++, row++) {
			const char *name = label(b->l,
			    label_agreement_type((enum agreement_type)ty));
			wb_put_text(b, row, 1, name, b->total_text);
			buf_reset(&fx);
			buf_printf(&fx, "=SUMIF(%s:%s,\"", a1, a2);
			for (const char *s = name; *s; s++) {
				if (*s == '"')
					buf_putc(&fx, '"');
				buf_putc(&fx, *s);
			}
			buf_printf(&fx, "\",%s:%s)", c1, c2);
			wb_put_sum(b, row, count_col, buf_str(&fx), by_type[ty],
			    b->total_num);
		}
		wb_put_text(b, row, 1, label(b->l, LABEL_ROW_TOTAL),
		    b->total_text);
		wb_put_sum(b, row, count_col, wb_sum_of(&fx, first, count_col,
		    last, count_col), sum, b->total_num);
		row++;
	}
	buf_free(&t);
	buf_free(&fx);
	return row + 1;
}

/* Sheet 5: agreements in force at year end, signed, proposed, expiring
 * (with the months left, before the count) and ended. */
static void
sheet_agreements(struct workbook *b)
{
	const struct content *c = b->c;
	struct widths w = { .cap = { 8, 45, 14, 24, 16, 16, 10, 10 } };
	struct buf t = BUF_INIT;
	int year = b->f->year;
	size_t in_force = 0;
	const char *heads[] = { label(b->l, LABEL_COL_NO),
	    label(b->l, LABEL_COL_TITLE), label(b->l, LABEL_COL_TYPE),
	    label(b->l, LABEL_COL_PARTNERS), label(b->l, LABEL_COL_SIGNED),
	    label(b->l, LABEL_COL_ENDS), label(b->l, LABEL_COL_MONTHS_LEFT),
	    label(b->l, LABEL_COL_COUNT) };

	if (!wb_add_sheet(b, label(b->l, LABEL_SHEET_AGREEMENTS)))
		return;
	/* The heads of the list of expiring agreements, the widest; the
	 * other lists have the count in column 6. */
	wb_measure_heads(&w, heads, 8);
	wb_measure(&w, 6, label(b->l, LABEL_COL_COUNT));
	wb_measure(&w, 1, label(b->l, LABEL_ROW_TOTAL));
	wb_measure(&w, 2, label(b->l, LABEL_TYPE_BILATERAL));
	wb_measure(&w, 2, label(b->l, LABEL_TYPE_MULTILATERAL));
	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		in_force += agreement_in_force(a, year);
		wb_measure(&w, 1, a->title);
		wb_measure(&w, 3, partner_names(b, &a->partners, &t));
		measure_date(b, &w, 4, a->signed_on);
		measure_date(b, &w, 5, a->ends);
	}
	worksheet_freeze_panes(b->ws, 2, 0);
	/* Excel allows one filter a sheet: it goes on the main list. */
	wb_kept(b, worksheet_autofilter(b->ws, 1, 0, 1 + (lxw_row_t)(in_force ?
	    in_force : 1), 6), "the filter");
	wb_page_setup(b, true, 1);
	wb_apply_widths(b, &w);
	lxw_row_t row = agreement_list(b, 0, LABEL_TITLE_AGREEMENTS_IN_FORCE,
	    SET_IN_FORCE, true, true, &w);
	row = agreement_list(b, row, LABEL_TITLE_AGREEMENTS_SIGNED,
	    SET_SIGNED, true, false, &w);
	row = agreement_list(b, row, LABEL_TITLE_AGREEMENTS_PROPOSED,
	    SET_PROPOSED, false, false, &w);
	row = agreement_list(b, row, LABEL_TITLE_AGREEMENTS_EXPIRING,
	    SET_EXPIRING, true, false, &w);
	row = agreement_list(b, row, LABEL_TITLE_AGREEMENTS_ENDED,
	    SET_ENDED, true, false, &w);
	source_row(b, row);
	buf_free(&t);
}

/* The widths of sheet 6's columns, which its two tables share; returns
 * how many funders have projects, the rows of the first table. */
static size_t
projects_measure(struct workbook *b, struct widths *w,
    const char *const cross[], int ncross, const char *const list[],
    int nlist)
{
	const struct content *c = b->c;
	const struct year *y = b->in->y;
	struct buf t = BUF_INIT;
	size_t funders = 0;

	wb_measure_heads(w, cross, ncross);
	wb_measure_heads(w, list, nlist);
	for (size_t i = 0; i < c->n_partners; i++) {
		if (b->f->projects.by_funder[i * (1 + PROJECT_STATUSES)] == 0)
			continue;
		funders++;
		wb_measure(w, 1, c->partners[i].short_name);
	}
	wb_measure(w, 1, label(b->l, LABEL_ROW_TOTAL));
	for (size_t i = 0; i < y->n_projects; i++) {
		const struct project *p = &y->projects[i];
		wb_measure(w, 1, p->title);
		wb_measure(w, 2, c->partners[p->funder.index].short_name);
		wb_measure(w, 3, label(b->l, label_project_status(p->status)));
		measure_date(b, w, 4, p->start);
		measure_date(b, w, 5, p->end);
		if (p->has_budget) {
			buf_reset(&t);
			buf_printf(&t, "%.2f", p->budget);
			wb_measure(w, 6, buf_str(&t));
		}
	}
	buf_free(&t);
	return funders;
}

/* Sheet 6's first table: the projects of each funder by status, their
 * totals, and the chart of the totals under them. */
static void
projects_by_funder(struct workbook *b, const char *const cross[], int ncross,
    size_t funders, const struct widths *w)
{
	const struct content *c = b->c;
	const struct figures_year *f = b->f;
	const size_t stride = 1 + PROJECT_STATUSES;
	struct buf t = BUF_INIT;

	lxw_row_t row = title_row(b, 0, ncross,
	    LABEL_TITLE_PROJECTS_BY_FUNDER);
	lxw_row_t head = row;
	row = wb_header_row(b, row, cross, ncross, w);
	lxw_row_t first = row;
	long long k = 0;
	for (size_t i = 0; i < c->n_partners; i++) {
		const long long *r = f->projects.by_funder + i * stride;
		if (r[0] == 0)
			continue;
		wb_put_num(b, row, 0, ++k, b->num);
		wb_put_text(b, row, 1, c->partners[i].short_name, b->text);
		for (int s = 0; s < PROJECT_STATUSES; s++)
			wb_put_num(b, row, 2 + s, r[1 + s], b->num);
		wb_put_sum(b, row, 2 + PROJECT_STATUSES, wb_sum_of(&t, row, 2,
		    row, 1 + PROJECT_STATUSES), r[0], b->total_num);
		row++;
	}
	if (funders == 0)
		wb_put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	lxw_row_t last = row - 1, totals = row;
	wb_put_text(b, row, 1, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	for (int s = 0; s <= PROJECT_STATUSES; s++)
		wb_put_sum(b, row, 2 + s, wb_sum_of(&t, first, 2 + s, last,
		    2 + s), s < PROJECT_STATUSES ? f->projects.by_status[s] :
		    f->projects.total, b->total_num);
	row = source_row(b, row + 2);
	insert_chart(b, LXW_CHART_COLUMN,
	    LABEL_CHART_PROJECTS_BY_STATUS, head, 2, head, 1 + PROJECT_STATUSES,
	    totals, 2, totals, 1 + PROJECT_STATUSES, row, 1.0);
	buf_free(&t);
}

/* Sheet 6's second table: every project of the year, its header at
 * list_head, then the total and the source. */
static void
projects_list(struct workbook *b, lxw_row_t list_head,
    const char *const list[], int nlist, const struct widths *w)
{
	const struct content *c = b->c;
	const struct year *y = b->in->y;
	struct buf t = BUF_INIT;

	lxw_row_t row = title_row(b, list_head - 1, nlist,
	    LABEL_TITLE_PROJECTS);
	row = wb_header_row(b, row, list, nlist, w);
	lxw_row_t lfirst = row;
	for (size_t i = 0; i < y->n_projects; i++, row++) {
		const struct project *p = &y->projects[i];
		const char *texts[2] = { NULL, p->title };
		wb_fit_row(b, row, w, texts, 2);
		wb_put_num(b, row, 0, (long long)i + 1, b->num);
		wb_put_text(b, row, 1, p->title, b->text);
		wb_put_text(b, row, 2, c->partners[p->funder.index].short_name,
		    b->text);
		wb_put_text(b, row, 3, label(b->l,
		    label_project_status(p->status)), b->text);
		put_date(b, row, 4, p->start);
		put_date(b, row, 5, p->end);
		if (p->has_budget) {
			wb_put_num(b, row, 6, p->budget, p->budget ==
			    floor(p->budget) ? b->money : b->money2);
			wb_put_text(b, row, 7, p->currency, b->text);
		} else {
			wb_put_blank(b, row, 6, b->text);
			wb_put_blank(b, row, 7, b->text);
		}
		wb_put_num(b, row, 8, p->count, b->num);
	}
	if (y->n_projects == 0)
		wb_put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	wb_put_text(b, row, 1, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	wb_put_sum(b, row, 8, wb_sum_of(&t, lfirst, 8, row > lfirst ? row - 1 :
	    lfirst, 8), b->f->projects.total, b->total_num);
	source_row(b, row + 2);
	buf_free(&t);
}

/* Sheet 6: projects by funder and status, a chart, then the list. The two
 * tables share their columns: the funder stands in the wide title column
 * and the counts under the list's narrower columns. The sheet is written
 * row after row (libxlsxwriter's constant-memory mode), so the pieces are
 * called in the order of their rows. */
static void
sheet_projects(struct workbook *b)
{
	const struct year *y = b->in->y;
	struct widths w = { .cap = { 8, 45, 16, 16, 16, 16, 16, 10, 10 } };
	const int ncross = 3 + PROJECT_STATUSES, nlist = 9;

	const char *cross[3 + PROJECT_STATUSES];
	cross[0] = label(b->l, LABEL_COL_NO);
	cross[1] = label(b->l, LABEL_COL_FUNDER);
	for (int s = 0; s < PROJECT_STATUSES; s++)
		cross[2 + s] = label(b->l, label_project_status(
		    (enum project_status)s));
	cross[2 + PROJECT_STATUSES] = label(b->l, LABEL_COL_TOTAL);
	const char *list[] = { label(b->l, LABEL_COL_NO),
	    label(b->l, LABEL_COL_TITLE), label(b->l, LABEL_COL_FUNDER),
	    label(b->l, LABEL_COL_STATUS), label(b->l, LABEL_COL_START),
	    label(b->l, LABEL_COL_END), label(b->l, LABEL_COL_BUDGET),
	    label(b->l, LABEL_COL_CURRENCY), label(b->l, LABEL_COL_COUNT) };

	if (!wb_add_sheet(b, label(b->l, LABEL_SHEET_PROJECTS)))
		return;
	size_t funders = projects_measure(b, &w, cross, ncross, list, nlist);

	/* The cross table takes its title, header, funders (or "none"),
	 * total and source rows, then 16 rows of chart; the list's title
	 * comes below, its header under it. The filter goes on the list,
	 * and must be set before any row is written. */
	lxw_row_t list_head = 2 + (lxw_row_t)(funders ? funders : 1) + 1 + 2 +
	    16 + 1;
	lxw_row_t list_last = list_head + (lxw_row_t)(y->n_projects ?
	    y->n_projects : 1);
	worksheet_freeze_panes(b->ws, 2, 0);
	wb_kept(b, worksheet_autofilter(b->ws, list_head, 0, list_last,
	    (lxw_col_t)(nlist - 1)), "the filter");
	wb_page_setup(b, true, 1);
	wb_apply_widths(b, &w);

	projects_by_funder(b, cross, ncross, funders, &w);
	projects_list(b, list_head, list, nlist, &w);
}

bool
xlsx_write_statistics(const struct xlsx_input *in, const char *path,
    const char *tmpdir, struct diag *d)
{
	struct workbook b = { .in = in, .c = in->c, .f = &in->f->cur,
	    .l = in->l };
	struct buf title = BUF_INIT, subject = BUF_INIT;
	const char *shown = in->shown != NULL ? in->shown : path;

	if (!wb_open(&b, path, tmpdir, shown, d))
		return false;
	sheet_summary(&b);
	sheet_activities(&b);
	sheet_framework_kind(&b);
	sheet_partners(&b);
	sheet_agreements(&b);
	sheet_projects(&b);

	lxw_doc_properties props = {
		.title = (char *)expanded(&b, LABEL_WORKBOOK_TITLE, b.f->year,
		    &title),
		.subject = (char *)expanded(&b, LABEL_WORKBOOK_SUBJECT,
		    b.f->year, &subject),
		.author = (char *)in->c->site.organisation,
		.company = (char *)in->c->site.organisation,
		.comments = "coopgen",
		.created = in->created,
	};
	bool ok = wb_close(&b, &props, shown, d);
	buf_free(&title);
	buf_free(&subject);
	return ok;
}
