/* The form coopgen's workbooks share; see xlsx_form.h. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"
#include "xlsx_form.h"

#define FONT		"Times New Roman"
#define FONT_SIZE	13
#define TEXT_MAX	32767	/* UTF-16 units in a cell, Excel's limit */
#define ROW_MAX		409.0	/* points: Excel's tallest row */
#define WIDTH_MAX	60.0	/* no column is wider; its text wraps */
#define HEAD_WRAP	14.0	/* a longer header wraps */
#define LINE_HEIGHT	17.0	/* points, for a line of 13-point text */
#define MM		(1 / 25.4)
#define TITLE_WIDER	1.1	/* a character of a title (14 pt, bold)
				 * against one of a cell */

/* The UTF-16 units of the character that starts s (n bytes), in which
 * Excel counts text; *len is its length in bytes. An invalid byte counts
 * as one unit of one byte. */
size_t
wb_utf16_units(const char *s, size_t n, size_t *len)
{
	uint32_t cp;

	*len = utf8_decode(s, n, &cp);
	if (*len == 0) {
		*len = 1;
		return 1;
	}
	return cp > 0xFFFF ? 2 : 1;
}

/* Keep the first failure of the workbook, with what was being written
 * and why: a workbook that lacks a cell is never written without a word. */
static void
wb_failed(struct workbook *b, const char *what, const char *why)
{
	if (b->failed.len > 0)
		return;
	if (b->sheet != NULL)
		buf_printf(&b->failed, "sheet '%s', ", b->sheet);
	buf_printf(&b->failed, "%s: %s", what, why);
}

/* Whether a libxlsxwriter call went well; its failure is kept. */
bool
wb_kept(struct workbook *b, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR)
		return true;
	wb_failed(b, what, lxw_strerror(e));
	return false;
}

void
wb_kept_cell(struct workbook *b, lxw_error e, lxw_row_t row, int col)
{
	char cell[16], what[32];

	if (e == LXW_NO_ERROR)
		return;
	lxw_rowcol_to_cell(cell, row, (lxw_col_t)col);
	snprintf(what, sizeof(what), "cell %s", cell);
	wb_kept(b, e, what);
}

static void
kept_row(struct workbook *b, lxw_error e, lxw_row_t row)
{
	char what[32];

	if (e == LXW_NO_ERROR)
		return;
	snprintf(what, sizeof(what), "row %lu", (unsigned long)row + 1);
	wb_kept(b, e, what);
}

/* In constant-memory mode libxlsxwriter writes a sheet's rows to a
 * temporary file and never checks those writes (a full disk would lose
 * rows without a word): check them once the sheet is done. */
static void
wb_end_sheet(struct workbook *b)
{
	FILE *f = b->ws != NULL ? b->ws->optimize_tmpfile : NULL;

	if (f == NULL)
		return;
	errno = 0;
	if (fflush(f) != 0 || ferror(f))
		wb_failed(b, "its rows", errno ? strerror(errno) :
		    "a write to its temporary file failed");
}

/* Start the sheet called name, after checking the one before; false (and
 * kept) when it cannot be. The labels were checked against Excel's rules
 * (xlsx_sheet_name_problem), so this is a last guard. */
bool
wb_add_sheet(struct workbook *b, const char *name)
{
	wb_end_sheet(b);
	b->sheet = name;
	b->ws = NULL;
	if (!wb_kept(b, workbook_validate_sheet_name(b->wb, name), "its name"))
		return false;
	b->ws = workbook_add_worksheet(b->wb, name);
	if (b->ws == NULL)
		xalloc_die();	/* a valid name: only memory can be short */
	return true;
}

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
	if (col >= WB_COLS_MAX)
		return;
	double cap = w->cap[col] > 0 ? w->cap[col] : WIDTH_MAX;
	if (width > cap)
		width = cap;
	if (width > w->w[col])
		w->w[col] = width;
}

void
wb_measure(struct widths *w, int col, const char *s)
{
	widen(w, col, width_of(utf8_chars(s, strlen(s))));
}

/* A header wraps: its column needs the header whole when it is short,
 * else its longest word, or HEAD_WRAP. */
void
wb_measure_heads(struct widths *w, const char *const heads[], int n)
{
	for (int i = 0; i < n && i < WB_COLS_MAX; i++) {
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
		w->n = n < WB_COLS_MAX ? n : WB_COLS_MAX;
}

static double
col_width(const struct widths *w, int col)
{
	if (col >= WB_COLS_MAX)		/* not measured */
		return LXW_DEF_COL_WIDTH;
	return w->w[col] < 6 ? 6 : w->w[col];
}

void
wb_apply_widths(struct workbook *b, const struct widths *w)
{
	for (int i = 0; i < w->n; i++)
		wb_kept(b, worksheet_set_column(b->ws, (lxw_col_t)i,
		    (lxw_col_t)i, col_width(w, i), NULL), "the column widths");
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
void
wb_fit_row(struct workbook *b, lxw_row_t row, const struct widths *w,
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
		size_t len, u = wb_utf16_units(s + i, n - i, &len);
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
void
wb_put_text(struct workbook *b, lxw_row_t row, int col, const char *s,
    lxw_format *fmt)
{
	wb_kept_cell(b, worksheet_write_string(b->ws, row, (lxw_col_t)col,
	    cell_text(b, s), fmt), row, col);
}

void
wb_put_num(struct workbook *b, lxw_row_t row, int col, double n,
    lxw_format *fmt)
{
	wb_kept_cell(b, worksheet_write_number(b->ws, row, (lxw_col_t)col, n,
	    fmt), row, col);
}

void
wb_put_blank(struct workbook *b, lxw_row_t row, int col, lxw_format *fmt)
{
	wb_kept_cell(b, worksheet_write_blank(b->ws, row, (lxw_col_t)col, fmt),
	    row, col);
}

/* A total as a live formula that also carries its computed value, so that
 * a reader without a calculation engine still sees the number. */
void
wb_put_sum(struct workbook *b, lxw_row_t row, int col,
    const char *formula, long long value, lxw_format *fmt)
{
	wb_kept_cell(b, worksheet_write_formula_num(b->ws, row, (lxw_col_t)col,
	    formula, fmt, (double)value), row, col);
}

/* "=SUM(B3:B7)" of a rectangle, into out. */
const char *
wb_sum_of(struct buf *out, lxw_row_t r1, int c1, lxw_row_t r2, int c2)
{
	char a[16], z[16];

	lxw_rowcol_to_cell(a, r1, (lxw_col_t)c1);
	lxw_rowcol_to_cell(z, r2, (lxw_col_t)c2);
	buf_reset(out);
	buf_printf(out, "=SUM(%s:%s)", a, z);
	return buf_str(out);
}

/* The title of table number n: "Bảng 3. Title of the table". */
static void
title_text(const struct workbook *b, int n, const char *caption,
    struct buf *out)
{
	buf_printf(out, "%s %d. %s", label(b->l, LABEL_TABLE), n, caption);
}

/* "Bảng 3. Title of the table", merged across the table's columns. */
lxw_row_t
wb_title_row(struct workbook *b, lxw_row_t row, int ncols,
    const char *caption)
{
	struct buf t = BUF_INIT;

	title_text(b, ++b->table, caption, &t);
	if (ncols > 1)
		wb_kept_cell(b, worksheet_merge_range(b->ws, row, 0, row,
		    (lxw_col_t)(ncols - 1), cell_text(b, buf_str(&t)),
		    b->title), row, 0);
	else
		wb_put_text(b, row, 0, buf_str(&t), b->title);
	buf_free(&t);
	return row + 1;
}

int
wb_title_span(const struct workbook *b, const struct widths *w, int ncols,
    const char *caption)
{
	/* The label is the office's (labels.*.yaml): of any length. */
	struct buf t = BUF_INIT;
	title_text(b, b->table + 1, caption, &t);
	double need = width_of(utf8_chars(buf_str(&t), t.len)) * TITLE_WIDER,
	    have = 0;
	int span = 0;

	buf_free(&t);

	while (span < WB_COLS_MAX && (span < ncols || have < need)) {
		have += span < w->n ? col_width(w, span) : LXW_DEF_COL_WIDTH;
		span++;
	}
	return span;
}

/* A header row, tall enough for its wrapped headers. */
lxw_row_t
wb_header_row(struct workbook *b, lxw_row_t row, const char *const heads[],
    int n, const struct widths *w)
{
	int lines = 1;

	for (int i = 0; i < n; i++) {
		int l = lines_in(heads[i], col_width(w, i));
		lines = l > lines ? l : lines;
	}
	set_lines(b, row, lines);
	for (int i = 0; i < n; i++)
		wb_put_text(b, row, i, heads[i], b->head);
	return row + 1;
}

/* The source of the figures, under a table; returns the next free row. */
lxw_row_t
wb_source_row(struct workbook *b, lxw_row_t row, const char *text)
{
	wb_put_text(b, row, 0, text, b->source);
	return row + 2;
}

/* A4, one page wide, the header row on every page, page numbers, and the
 * margins of Vietnamese administrative documents (20 mm top and bottom,
 * 30 mm left, 15 mm right). */
void
wb_page_setup(struct workbook *b, bool landscape, lxw_row_t repeat)
{
	lxw_worksheet *ws = b->ws;

	worksheet_set_paper(ws, 9);
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
	wb_kept(b, worksheet_repeat_rows(ws, repeat, repeat), "the rows "
	    "repeated on each page");
	buf_reset(&b->scratch);
	buf_printf(&b->scratch, "&C&\"%s\"&11%s", FONT,
	    label(b->l, LABEL_PAGE_FOOTER));
	wb_kept(b, worksheet_set_footer(ws, buf_str(&b->scratch)), "the page "
	    "footer");
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

lxw_chart *
wb_chart(struct workbook *b, uint8_t type, const char *title)
{
	lxw_chart_font font = { .name = FONT, .size = 11 };
	lxw_chart *chart = workbook_add_chart(b->wb, type);

	if (chart == NULL)
		xalloc_die();	/* nothing else can fail there */
	chart_title_set_name(chart, title);
	chart_title_set_name_font(chart, &font);
	chart_axis_set_num_font(chart->x_axis, &font);
	chart_axis_set_num_font(chart->y_axis, &font);
	return chart;
}

void
wb_insert_chart(struct workbook *b, lxw_chart *chart, lxw_row_t row,
    double x_scale, double y_scale)
{
	lxw_chart_options opt = { .x_scale = x_scale, .y_scale = y_scale };

	wb_kept_cell(b, worksheet_insert_chart_opt(b->ws, row, 0, chart, &opt),
	    row, 0);
}

bool
wb_open(struct workbook *b, const char *path, const char *tmpdir,
    const char *shown, struct diag *d)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE,
	    .tmpdir = (char *)tmpdir };

	b->wb = workbook_new_opt(path, &opt);
	if (b->wb == NULL) {
		diag_failure(d, shown, "cannot create the workbook");
		return false;
	}
	make_formats(b);
	return true;
}

bool
wb_close(struct workbook *b, lxw_doc_properties *props, const char *shown,
    struct diag *d)
{
	wb_end_sheet(b);
	b->sheet = NULL;
	wb_kept(b, workbook_set_properties(b->wb, props), "the document "
	    "properties");
	/* Closed even after a failure, to free it; the caller then keeps
	 * the file out of the output. */
	lxw_error e = workbook_close(b->wb);
	bool ok = b->failed.len == 0 && e == LXW_NO_ERROR;
	if (b->failed.len > 0)
		diag_failure(d, shown, "cannot write %s", buf_str(&b->failed));
	else if (e != LXW_NO_ERROR)
		diag_failure(d, shown, "cannot write the workbook: %s",
		    lxw_strerror(e));
	buf_free(&b->scratch);
	buf_free(&b->cut);
	buf_free(&b->failed);
	return ok;
}
