#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "format.h"
#include "stats.h"
#include "utf8.h"
#include "xalloc.h"
#include "xlsx.h"

#define FONT		"Times New Roman"
#define FONT_SIZE	13
#define TEXT_MAX	32767	/* UTF-16 units in a cell, Excel's limit */
#define ROW_MAX		409.0	/* points: Excel's tallest row */
#define WIDTH_MAX	60.0	/* no column is wider; its text wraps */
#define HEAD_WRAP	14.0	/* a longer header wraps */
#define LINE_HEIGHT	17.0	/* points, for a line of 13-point text */
#define MM		(1 / 25.4)
#define COLS_MAX	64

/* The workbook being written: everything a sheet writer needs. (Not
 * build.c's workbook_job, the thread that calls xlsx_write_statistics.) */
struct workbook {
	lxw_workbook *wb;
	const struct xlsx_input *in;
	const struct content *c;
	const struct figures_year *f;
	const struct labels *l;
	int	 table;		/* the number of the last table written */
	lxw_worksheet *ws;	/* the sheet being written */
	const char *sheet;	/* its name (NULL for the workbook) */
	struct buf failed;	/* the first failure, empty while none:
				 * "sheet 'X', cell B3: why" */
	struct buf scratch, cut;
	lxw_format *title, *head, *text, *num, *date, *total_text,
	    *total_num, *source, *sub_text, *change, *path, *money, *money2;
};

/* The UTF-16 units of the character that starts s (n bytes), in which
 * Excel counts text; *len is its length in bytes. An invalid byte counts
 * as one unit of one byte. */
static size_t
utf16_units(const char *s, size_t n, size_t *len)
{
	uint32_t cp;

	*len = utf8_decode(s, n, &cp);
	if (*len == 0) {
		*len = 1;
		return 1;
	}
	return cp > 0xFFFF ? 2 : 1;
}

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
		units += utf16_units(s + i, n - i, &len);
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

/* Keep the first failure of the workbook, with what was being written
 * and why: a workbook that lacks a cell is never written without a word. */
static void
failed(struct workbook *b, const char *what, const char *why)
{
	if (b->failed.len > 0)
		return;
	if (b->sheet != NULL)
		buf_printf(&b->failed, "sheet '%s', ", b->sheet);
	buf_printf(&b->failed, "%s: %s", what, why);
}

/* Whether a libxlsxwriter call went well; its failure is kept. */
static bool
kept(struct workbook *b, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR)
		return true;
	failed(b, what, lxw_strerror(e));
	return false;
}

static void
kept_cell(struct workbook *b, lxw_error e, lxw_row_t row, int col)
{
	char cell[16], what[32];

	if (e == LXW_NO_ERROR)
		return;
	lxw_rowcol_to_cell(cell, row, (lxw_col_t)col);
	snprintf(what, sizeof(what), "cell %s", cell);
	kept(b, e, what);
}

static void
kept_row(struct workbook *b, lxw_error e, lxw_row_t row)
{
	char what[32];

	if (e == LXW_NO_ERROR)
		return;
	snprintf(what, sizeof(what), "row %lu", (unsigned long)row + 1);
	kept(b, e, what);
}

/* In constant-memory mode libxlsxwriter writes a sheet's rows to a
 * temporary file and never checks those writes (a full disk would lose
 * rows without a word): check them once the sheet is done. */
static void
end_sheet(struct workbook *b)
{
	FILE *f = b->ws != NULL ? b->ws->optimize_tmpfile : NULL;

	if (f == NULL)
		return;
	errno = 0;
	if (fflush(f) != 0 || ferror(f))
		failed(b, "its rows", errno ? strerror(errno) :
		    "a write to its temporary file failed");
}

/* Start the sheet called name, after checking the one before; false (and
 * kept) when it cannot be. The labels were checked against Excel's rules
 * (xlsx_sheet_name_problem), so this is a last guard. */
static bool
add_sheet(struct workbook *b, const char *name)
{
	end_sheet(b);
	b->sheet = name;
	b->ws = NULL;
	if (!kept(b, workbook_validate_sheet_name(b->wb, name), "its name"))
		return false;
	b->ws = workbook_add_worksheet(b->wb, name);
	if (b->ws == NULL)
		xalloc_die();	/* a valid name: only memory can be short */
	return true;
}

/*
 * Column widths, measured from what will be written before anything is
 * (in constant-memory mode a row cannot be changed once passed). A text
 * wider than its column's cap wraps.
 */
struct widths {
	int	 n;
	double	 w[COLS_MAX];
	double	 cap[COLS_MAX];
};

/* A column unit is the width of a digit of the default font; a character
 * of Times New Roman 13 takes about 1.05 of them on average (measured on
 * LibreOffice's rendering of Vietnamese titles). */
static double
width_of(size_t chars)
{
	return (double)chars * 1.05 + 2;
}

static void
widen(struct widths *w, int col, double width)
{
	if (col >= COLS_MAX)
		return;
	double cap = w->cap[col] > 0 ? w->cap[col] : WIDTH_MAX;
	if (width > cap)
		width = cap;
	if (width > w->w[col])
		w->w[col] = width;
}

static void
measure(struct widths *w, int col, const char *s)
{
	widen(w, col, width_of(utf8_chars(s, strlen(s))));
}

/* A header wraps: its column needs the header whole when it is short,
 * else its longest word, or HEAD_WRAP. */
static void
measure_heads(struct widths *w, const char *const heads[], int n)
{
	for (int i = 0; i < n && i < COLS_MAX; i++) {
		const char *s = heads[i];
		size_t longest = 0, word = 0;
		for (const char *p = s;; p++) {
			if (*p == ' ' || *p == '\0') {
				longest = word > longest ? word : longest;
				word = 0;
				if (*p == '\0')
					break;
			} else if (((unsigned char)*p & 0xC0) != 0x80)
				word++;
		}
		double whole = width_of(utf8_chars(s, strlen(s)));
		double need = width_of(longest);
		double width = whole <= HEAD_WRAP ? whole :
		    need > HEAD_WRAP ? need : HEAD_WRAP;
		if (width > w->w[i])
			w->w[i] = width;
	}
	if (n > w->n)
		w->n = n;
}

static double
col_width(const struct widths *w, int col)
{
	return w->w[col] < 6 ? 6 : w->w[col];
}

static void
apply_widths(struct workbook *b, const struct widths *w)
{
	for (int i = 0; i < w->n; i++)
		kept(b, worksheet_set_column(b->ws, (lxw_col_t)i, (lxw_col_t)i,
		    col_width(w, i), NULL), "the column widths");
}

/* The lines a text takes in a column of the given width (with a little
 * room for words that do not break where the arithmetic does). */
static int
lines_in(const char *s, double width)
{
	double chars = (double)utf8_chars(s, strlen(s));
	int lines = (int)ceil(chars / (width > 3 ? width - 2 : 1));

	return lines < 1 ? 1 : lines;
}

/* A row tall enough for lines of text, up to Excel's tallest: the rest
 * of a longer text is in the cell, shown when it is opened. */
static void
set_lines(struct workbook *b, lxw_row_t row, int lines)
{
	double height = LINE_HEIGHT * lines;

	kept_row(b, worksheet_set_row(b->ws, row, height < ROW_MAX ? height :
	    ROW_MAX, NULL), row);
}

/* Make row tall enough for its wrapped texts (texts[i] in column i, NULL
 * for a number): neither Excel nor LibreOffice grows a row on opening. */
static void
fit_row(struct workbook *b, lxw_row_t row, const struct widths *w,
    const char *const texts[], int n)
{
	int lines = 1;

	for (int i = 0; i < n; i++) {
		if (texts[i] == NULL)
			continue;
		int l = lines_in(texts[i], col_width(w, i));
		lines = l > lines ? l : lines;
	}
	if (lines > 1)
		set_lines(b, row, lines);
}

/* s as a cell can hold it. Excel counts a cell's text in UTF-16 units,
 * as Windows does (a character beyond U+FFFF, such as an emoji, is two),
 * and holds TEXT_MAX of them: a longer text is cut after the last whole
 * character that leaves room for "…" (never inside a UTF-8 sequence or
 * a surrogate pair), and ends with it. Returns s, or the cut copy. */
static const char *
cell_text(struct workbook *b, const char *s)
{
	size_t n = strlen(s), i = 0, units = 0, keep = 0;

	/* A character never takes fewer bytes than UTF-16 units: count
	 * only when it may matter, which keeps 100,000 rows cheap. */
	if (n <= TEXT_MAX)
		return s;
	while (i < n) {
		size_t len, u = utf16_units(s + i, n - i, &len);
		if (units + u > TEXT_MAX)
			break;
		units += u;
		i += len;
		if (units < TEXT_MAX)
			keep = i;
	}
	if (i == n)
		return s;
	buf_reset(&b->cut);
	buf_append(&b->cut, s, keep);
	buf_puts(&b->cut, "\xE2\x80\xA6");
	return buf_str(&b->cut);
}

/* Text is always written as text: a title "=SUM(A1:A9)" stays a string. */
static void
put_text(struct workbook *b, lxw_row_t row, int col, const char *s,
    lxw_format *fmt)
{
	kept_cell(b, worksheet_write_string(b->ws, row, (lxw_col_t)col,
	    cell_text(b, s), fmt), row, col);
}

static void
put_num(struct workbook *b, lxw_row_t row, int col, double n, lxw_format *fmt)
{
	kept_cell(b, worksheet_write_number(b->ws, row, (lxw_col_t)col, n,
	    fmt), row, col);
}

static void
put_blank(struct workbook *b, lxw_row_t row, int col, lxw_format *fmt)
{
	kept_cell(b, worksheet_write_blank(b->ws, row, (lxw_col_t)col, fmt),
	    row, col);
}

/* A total as a live formula that also carries its computed value, so that
 * a reader without a calculation engine still sees the number. */
static void
put_sum(struct workbook *b, lxw_row_t row, int col, const char *formula,
    long long value, lxw_format *fmt)
{
	kept_cell(b, worksheet_write_formula_num(b->ws, row, (lxw_col_t)col,
	    formula, fmt, (double)value), row, col);
}

/* "=SUM(B3:B7)" of a rectangle, into out. */
static const char *
sum_of(struct buf *out, lxw_row_t r1, int c1, lxw_row_t r2, int c2)
{
	char a[16], z[16];

	lxw_rowcol_to_cell(a, r1, (lxw_col_t)c1);
	lxw_rowcol_to_cell(z, r2, (lxw_col_t)c2);
	buf_reset(out);
	buf_printf(out, "=SUM(%s:%s)", a, z);
	return buf_str(out);
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
		put_blank(b, row, col, b->text);
		return;
	}
	if (excel_date(d)) {
		lxw_datetime dt = { d.year, d.month, d.day, 0, 0, 0 };
		kept_cell(b, worksheet_write_datetime(b->ws, row,
		    (lxw_col_t)col, &dt, b->date), row, col);
		return;
	}
	buf_reset(&b->scratch);
	format_date(&b->scratch, b->in->loc, d);
	put_text(b, row, col, buf_str(&b->scratch), b->text);
}

static void
measure_date(struct workbook *b, struct widths *w, int col, struct date d)
{
	buf_reset(&b->scratch);
	if (excel_date(d))
		buf_puts(&b->scratch, "00/00/0000");
	else if (d.year != 0)
		format_date(&b->scratch, b->in->loc, d);
	measure(w, col, buf_str(&b->scratch));
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

/* "Bảng 3. Title of the table", merged across the table's columns. */
static lxw_row_t
title_row(struct workbook *b, lxw_row_t row, int ncols, enum label title)
{
	struct buf t = BUF_INIT;

	buf_printf(&t, "%s %d. ", label(b->l, LABEL_TABLE), ++b->table);
	label_expand(&t, b->l, title, b->f->year, b->c->site.organisation);
	if (ncols > 1)
		kept_cell(b, worksheet_merge_range(b->ws, row, 0, row,
		    (lxw_col_t)(ncols - 1), cell_text(b, buf_str(&t)),
		    b->title), row, 0);
	else
		put_text(b, row, 0, buf_str(&t), b->title);
	buf_free(&t);
	return row + 1;
}

/* A header row, tall enough for its wrapped headers. */
static lxw_row_t
header_row(struct workbook *b, lxw_row_t row, const char *const heads[], int n,
    const struct widths *w)
{
	int lines = 1;

	for (int i = 0; i < n; i++) {
		int l = lines_in(heads[i], col_width(w, i));
		lines = l > lines ? l : lines;
	}
	set_lines(b, row, lines);
	for (int i = 0; i < n; i++)
		put_text(b, row, i, heads[i], b->head);
	return row + 1;
}

/* The source of the figures, under a table; returns the next free row. */
static lxw_row_t
source_row(struct workbook *b, lxw_row_t row)
{
	struct buf t = BUF_INIT;

	put_text(b, row, 0, expanded(b, LABEL_SOURCE_LINE, b->f->year, &t),
	    b->source);
	buf_free(&t);
	return row + 2;
}

/* A4, one page wide, the header row on every page, page numbers, and the
 * margins of Vietnamese administrative documents (20 mm top and bottom,
 * 30 mm left, 15 mm right). */
static void
page_setup(struct workbook *b, bool landscape, lxw_row_t repeat)
{
	lxw_worksheet *ws = b->ws;

	worksheet_set_paper(ws, 9);
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
	kept(b, worksheet_repeat_rows(ws, repeat, repeat), "the rows "
	    "repeated on each page");
	buf_reset(&b->scratch);
	buf_printf(&b->scratch, "&C&\"%s\"&11%s", FONT,
	    label(b->l, LABEL_PAGE_FOOTER));
	kept(b, worksheet_set_footer(ws, buf_str(&b->scratch)), "the page "
	    "footer");
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

	if (!add_sheet(b, label(b->l, LABEL_SHEET_SUMMARY)))
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
	measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < s.n; i++)
		measure(&w, 0, s.v[i].name);
	/* The path column stays narrow: it is for whoever checks the
	 * workbook against figures.json, not for the briefing. */
	w.w[path_col] = 24;

	worksheet_freeze_panes(b->ws, 2, 0);
	/* In constant-memory mode a filter must be set before its rows are
	 * written, or libxlsxwriter leaves it out. */
	kept(b, worksheet_autofilter(b->ws, 1, 0, (lxw_row_t)s.n + 1,
	    (lxw_col_t)(ncols - 1)), "the filter");
	page_setup(b, false, 1);
	apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_SUMMARY);
	row = header_row(b, row, heads, ncols, &w);
	for (size_t i = 0; i < s.n; i++, row++) {
		const struct summary_row *r = &s.v[i];
		put_text(b, row, 0, r->name, r->sub ? b->sub_text : b->text);
		put_num(b, row, 1, r->now, b->num);
		if (p) {
			char fx[32];
			put_num(b, row, 2, r->before, b->num);
			snprintf(fx, sizeof(fx), "=B%u-C%u", (unsigned)row + 1,
			    (unsigned)row + 1);
			put_sum(b, row, 3, fx, r->now - r->before, b->change);
		}
		put_text(b, row, path_col, r->path, b->path);
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

	if (!add_sheet(b, label(b->l, LABEL_SHEET_ACTIVITIES)))
		return;
	size_t *order = year_by_date(y);
	measure_heads(&w, heads, ncols);
	char no[24];
	snprintf(no, sizeof(no), "%zu", n);
	measure(&w, 0, no);
	/* The vocabularies once each, not once per activity. */
	for (size_t i = 0; i < s->frameworks.n; i++)
		measure(&w, 3, s->frameworks.v[i].name);
	for (size_t i = 0; i < s->kinds.n; i++)
		measure(&w, 4, s->kinds.v[i].name);
	for (size_t i = 0; i < n; i++) {
		const struct activity *a = &y->activities[i];
		measure_date(b, &w, 1, a->date);
		measure(&w, 2, a->title);
		measure(&w, 5, partner_names(b, &a->partners, &t));
		if (a->place)
			measure(&w, 7, a->place);
	}

	lxw_row_t first = 2, last = n ? first + (lxw_row_t)n - 1 : first;
	worksheet_freeze_panes(b->ws, 2, 0);
	kept(b, worksheet_autofilter(b->ws, 1, 0, last, (lxw_col_t)(ncols - 1)),
	    "the filter");
	page_setup(b, true, 1);
	apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_ACTIVITIES);
	row = header_row(b, row, heads, ncols, &w);
	for (size_t k = 0; k < n; k++, row++) {
		const struct activity *a = &y->activities[order[k]];
		const char *texts[8] = { NULL, NULL, a->title,
		    s->frameworks.v[a->framework.index].name,
		    s->kinds.v[a->kind.index].name,
		    partner_names(b, &a->partners, &t), NULL,
		    a->place ? a->place : "" };
		fit_row(b, row, &w, texts, ncols);
		put_num(b, row, 0, (long long)k + 1, b->num);
		put_date(b, row, 1, a->date);
		for (int i = 2; i < ncols; i++)
			if (texts[i] != NULL)
				put_text(b, row, i, texts[i], b->text);
		put_num(b, row, 6, a->count, b->num);
	}
	if (n == 0)
		put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	put_text(b, row, 0, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	for (int i = 1; i < ncols; i++)
		if (i != 6)
			put_blank(b, row, i, b->total_text);
	put_sum(b, row, 6, sum_of(&t, first, 6, last, 6),
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
	lxw_chart_font font = { .name = FONT, .size = 11 };
	lxw_chart *chart = workbook_add_chart(b->wb, type);
	lxw_chart_series *sr = chart ? chart_add_series(chart, NULL, NULL) :
	    NULL;
	lxw_chart_options opt = { .x_scale = 1.2, .y_scale = y_scale };
	const char *sheet = b->sheet;

	if (sr == NULL)
		xalloc_die();	/* nothing else can fail there */

	chart_series_set_categories(sr, sheet, cat_r1, (lxw_col_t)cat_c1,
	    cat_r2, (lxw_col_t)cat_c2);
	chart_series_set_values(sr, sheet, val_r1, (lxw_col_t)val_c1, val_r2,
	    (lxw_col_t)val_c2);
	chart_series_set_labels(sr);
	chart_title_set_name(chart, label(b->l, title));
	chart_title_set_name_font(chart, &font);
	chart_axis_set_num_font(chart->x_axis, &font);
	chart_axis_set_num_font(chart->y_axis, &font);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	kept_cell(b, worksheet_insert_chart_opt(b->ws, at, 0, chart, &opt), at,
	    0);
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

	if (!add_sheet(b, label(b->l, LABEL_SHEET_FRAMEWORK_KIND)))
		return;
	const char **heads = xcalloc((size_t)ncols, sizeof(*heads));

	heads[0] = label(b->l, LABEL_COL_FRAMEWORK);
	for (size_t k = 0; k < nk; k++)
		heads[1 + k] = s->kinds.v[k].name;
	heads[total_col] = label(b->l, LABEL_COL_TOTAL);
	measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < nf; i++)
		measure(&w, 0, s->frameworks.v[i].name);
	measure(&w, 0, label(b->l, LABEL_ROW_TOTAL));

	worksheet_freeze_panes(b->ws, 2, 1);
	page_setup(b, true, 1);
	apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_FRAMEWORK_KIND);
	lxw_row_t head = row;
	row = header_row(b, row, heads, ncols, &w);
	lxw_row_t first = row;
	for (size_t i = 0; i < nf; i++, row++) {
		put_text(b, row, 0, s->frameworks.v[i].name, b->text);
		for (size_t k = 0; k < nk; k++)
			put_num(b, row, 1 + (int)k,
			    f->activities.by_framework_kind[i * nk + k], b->num);
		put_sum(b, row, total_col, sum_of(&fx, row, 1, row, (int)nk),
		    f->activities.by_framework[i], b->total_num);
	}
	lxw_row_t last = nf ? row - 1 : first, totals = row;
	put_text(b, row, 0, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	for (size_t k = 0; k <= nk; k++)
		put_sum(b, row, 1 + (int)k, sum_of(&fx, first, 1 + (int)k,
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

	if (!add_sheet(b, label(b->l, LABEL_SHEET_PARTNERS)))
		return;
	measure_heads(&w, heads, ncols);
	for (size_t i = 0; i < n; i++) {
		measure(&w, 1, c->partners[i].name);
		measure(&w, 2, c->partners[i].short_name);
	}
	worksheet_freeze_panes(b->ws, 2, 0);
	kept(b, worksheet_autofilter(b->ws, 1, 0, n ? 1 + (lxw_row_t)n : 2,
	    (lxw_col_t)(ncols - 1)), "the filter");
	page_setup(b, true, 1);
	apply_widths(b, &w);
	lxw_row_t row = title_row(b, 0, ncols, LABEL_TITLE_PARTNERS);
	row = header_row(b, row, heads, ncols, &w);
	/* No total row: an activity with two partners counts for both, so
	 * the column sums would not be the year's totals. */
	for (size_t i = 0; i < n; i++, row++) {
		const struct partner *p = &c->partners[i];
		const char *texts[3] = { NULL, p->name, p->short_name };
		fit_row(b, row, &w, texts, 3);
		put_num(b, row, 0, (long long)i + 1, b->num);
		put_text(b, row, 1, p->name, b->text);
		put_text(b, row, 2, p->short_name, b->text);
		put_text(b, row, 3, p->country ? p->country : "", b->text);
		put_num(b, row, 4, f->activities.by_partner[i], b->num);
		put_num(b, row, 5, f->agreements.by_partner[i], b->num);
		put_num(b, row, 6, f->projects.by_funder[i *
		    (1 + PROJECT_STATUSES)], b->num);
	}
	if (n == 0)
		put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
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
	row = header_row(b, row, heads, ncols, w);
	lxw_row_t first = row;
	long long k = 0, sum = 0, by_type[2] = { 0, 0 };
	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		if (!pick(a, year))
			continue;
		const char *texts[4] = { NULL, a->title, NULL,
		    partner_names(b, &a->partners, &t) };
		fit_row(b, row, w, texts, 4);
		put_num(b, row, 0, ++k, b->num);
		put_text(b, row, 1, a->title, b->text);
		put_text(b, row, 2, label(b->l, label_agreement_type(a->type)),
		    b->text);
		put_text(b, row, 3, texts[3], b->text);
		if (dates) {
			put_date(b, row, 4, a->signed_on);
			put_date(b, row, 5, a->ends);
		}
		if (months)
			put_num(b, row, 6, agreement_months_left(a, year),
			    b->num);
		put_num(b, row, count_col, a->count, b->num);
		sum += a->count;
		by_type[a->type] += a->count;
		row++;
	}
	if (k == 0)
		put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
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
			put_text(b, row, 1, name, b->total_text);
			buf_reset(&fx);
			buf_printf(&fx, "=SUMIF(%s:%s,\"", a1, a2);
			for (const char *s = name; *s; s++) {
				if (*s == '"')
					buf_putc(&fx, '"');
				buf_putc(&fx, *s);
			}
			buf_printf(&fx, "\",%s:%s)", c1, c2);
			put_sum(b, row, count_col, buf_str(&fx), by_type[ty],
			    b->total_num);
		}
		put_text(b, row, 1, label(b->l, LABEL_ROW_TOTAL), b->total_text);
		put_sum(b, row, count_col, sum_of(&fx, first, count_col, last,
		    count_col), sum, b->total_num);
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

	if (!add_sheet(b, label(b->l, LABEL_SHEET_AGREEMENTS)))
		return;
	/* The heads of the list of expiring agreements, the widest; the
	 * other lists have the count in column 6. */
	measure_heads(&w, heads, 8);
	measure(&w, 6, label(b->l, LABEL_COL_COUNT));
	measure(&w, 1, label(b->l, LABEL_ROW_TOTAL));
	measure(&w, 2, label(b->l, LABEL_TYPE_BILATERAL));
	measure(&w, 2, label(b->l, LABEL_TYPE_MULTILATERAL));
	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		in_force += agreement_in_force(a, year);
		measure(&w, 1, a->title);
		measure(&w, 3, partner_names(b, &a->partners, &t));
		measure_date(b, &w, 4, a->signed_on);
		measure_date(b, &w, 5, a->ends);
	}
	worksheet_freeze_panes(b->ws, 2, 0);
	/* Excel allows one filter a sheet: it goes on the main list. */
	kept(b, worksheet_autofilter(b->ws, 1, 0, 1 + (lxw_row_t)(in_force ?
	    in_force : 1), 6), "the filter");
	page_setup(b, true, 1);
	apply_widths(b, &w);
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

	measure_heads(w, cross, ncross);
	measure_heads(w, list, nlist);
	for (size_t i = 0; i < c->n_partners; i++) {
		if (b->f->projects.by_funder[i * (1 + PROJECT_STATUSES)] == 0)
			continue;
		funders++;
		measure(w, 1, c->partners[i].short_name);
	}
	measure(w, 1, label(b->l, LABEL_ROW_TOTAL));
	for (size_t i = 0; i < y->n_projects; i++) {
		const struct project *p = &y->projects[i];
		measure(w, 1, p->title);
		measure(w, 2, c->partners[p->funder.index].short_name);
		measure(w, 3, label(b->l, label_project_status(p->status)));
		measure_date(b, w, 4, p->start);
		measure_date(b, w, 5, p->end);
		if (p->has_budget) {
			buf_reset(&t);
			buf_printf(&t, "%.2f", p->budget);
			measure(w, 6, buf_str(&t));
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
	row = header_row(b, row, cross, ncross, w);
	lxw_row_t first = row;
	long long k = 0;
	for (size_t i = 0; i < c->n_partners; i++) {
		const long long *r = f->projects.by_funder + i * stride;
		if (r[0] == 0)
			continue;
		put_num(b, row, 0, ++k, b->num);
		put_text(b, row, 1, c->partners[i].short_name, b->text);
		for (int s = 0; s < PROJECT_STATUSES; s++)
			put_num(b, row, 2 + s, r[1 + s], b->num);
		put_sum(b, row, 2 + PROJECT_STATUSES, sum_of(&t, row, 2, row,
		    1 + PROJECT_STATUSES), r[0], b->total_num);
		row++;
	}
	if (funders == 0)
		put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	lxw_row_t last = row - 1, totals = row;
	put_text(b, row, 1, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	for (int s = 0; s <= PROJECT_STATUSES; s++)
		put_sum(b, row, 2 + s, sum_of(&t, first, 2 + s, last, 2 + s),
		    s < PROJECT_STATUSES ? f->projects.by_status[s] :
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
	row = header_row(b, row, list, nlist, w);
	lxw_row_t lfirst = row;
	for (size_t i = 0; i < y->n_projects; i++, row++) {
		const struct project *p = &y->projects[i];
		const char *texts[2] = { NULL, p->title };
		fit_row(b, row, w, texts, 2);
		put_num(b, row, 0, (long long)i + 1, b->num);
		put_text(b, row, 1, p->title, b->text);
		put_text(b, row, 2, c->partners[p->funder.index].short_name,
		    b->text);
		put_text(b, row, 3, label(b->l, label_project_status(p->status)),
		    b->text);
		put_date(b, row, 4, p->start);
		put_date(b, row, 5, p->end);
		if (p->has_budget) {
			put_num(b, row, 6, p->budget,
			    p->budget == floor(p->budget) ? b->money : b->money2);
			put_text(b, row, 7, p->currency, b->text);
		} else {
			put_blank(b, row, 6, b->text);
			put_blank(b, row, 7, b->text);
		}
		put_num(b, row, 8, p->count, b->num);
	}
	if (y->n_projects == 0)
		put_text(b, row++, 0, label(b->l, LABEL_NONE), b->text);
	put_text(b, row, 1, label(b->l, LABEL_ROW_TOTAL), b->total_text);
	put_sum(b, row, 8, sum_of(&t, lfirst, 8, row > lfirst ? row - 1 :
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

	if (!add_sheet(b, label(b->l, LABEL_SHEET_PROJECTS)))
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
	kept(b, worksheet_autofilter(b->ws, list_head, 0, list_last,
	    (lxw_col_t)(nlist - 1)), "the filter");
	page_setup(b, true, 1);
	apply_widths(b, &w);

	projects_by_funder(b, cross, ncross, funders, &w);
	projects_list(b, list_head, list, nlist, &w);
}

static lxw_format *
new_format(struct workbook *b, bool bold, bool border)
{
	lxw_format *f = workbook_add_format(b->wb);

	if (f == NULL)
		xalloc_die();	/* nothing else can fail there */
	format_set_font_name(f, FONT);
	format_set_font_size(f, FONT_SIZE);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	return f;
}

static void
make_formats(struct workbook *b)
{
	b->title = new_format(b, true, false);
	format_set_font_size(b->title, 14);
	format_set_align(b->title, LXW_ALIGN_CENTER);
	b->head = new_format(b, true, true);
	format_set_text_wrap(b->head);
	format_set_align(b->head, LXW_ALIGN_CENTER);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(b->head, 0xE7E6E6);
	/* Text wraps within its column, whose width is capped. */
	b->text = new_format(b, false, true);
	format_set_text_wrap(b->text);
	b->sub_text = new_format(b, false, true);
	format_set_text_wrap(b->sub_text);
	format_set_indent(b->sub_text, 2);
	b->num = new_format(b, false, true);
	format_set_num_format(b->num, "#,##0");
	b->date = new_format(b, false, true);
	format_set_num_format(b->date, label(b->l, LABEL_EXCEL_DATE_FORMAT));
	format_set_align(b->date, LXW_ALIGN_LEFT);
	b->total_text = new_format(b, true, true);
	format_set_text_wrap(b->total_text);
	b->total_num = new_format(b, true, true);
	format_set_num_format(b->total_num, "#,##0");
	b->change = new_format(b, false, true);
	format_set_num_format(b->change, "+#,##0;-#,##0;0");
	b->money = new_format(b, false, true);
	format_set_num_format(b->money, "#,##0");
	b->money2 = new_format(b, false, true);
	format_set_num_format(b->money2, "#,##0.00");
	b->source = new_format(b, false, false);
	format_set_italic(b->source);
	format_set_font_size(b->source, 11);
	b->path = new_format(b, false, true);
	format_set_font_size(b->path, 9);
	format_set_font_color(b->path, 0x595959);
}

bool
xlsx_write_statistics(const struct xlsx_input *in, const char *path,
    const char *tmpdir, struct diag *d)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE,
	    .tmpdir = (char *)tmpdir };
	struct workbook b = { .in = in, .c = in->c, .f = &in->f->cur,
	    .l = in->l };
	struct buf title = BUF_INIT, subject = BUF_INIT;
	const char *shown = in->shown != NULL ? in->shown : path;

	b.wb = workbook_new_opt(path, &opt);
	if (b.wb == NULL) {
		diag_failure(d, shown, "cannot create the workbook");
		return false;
	}
	make_formats(&b);
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
	end_sheet(&b);
	b.sheet = NULL;
	kept(&b, workbook_set_properties(b.wb, &props), "the document "
	    "properties");
	/* Closed even after a failure, to free it; the caller then keeps
	 * the file out of the output. */
	lxw_error e = workbook_close(b.wb);
	bool ok = b.failed.len == 0 && e == LXW_NO_ERROR;
	if (b.failed.len > 0)
		diag_failure(d, shown, "cannot write %s", buf_str(&b.failed));
	else if (e != LXW_NO_ERROR)
		diag_failure(d, shown, "cannot write the workbook: %s",
		    lxw_strerror(e));
	buf_free(&title);
	buf_free(&subject);
	buf_free(&b.scratch);
	buf_free(&b.cut);
	buf_free(&b.failed);
	return ok;
}
