/*
 * xlsx_form: the form coopgen's workbooks share, statistics.xlsx (xlsx.c)
 * and years.xlsx (xlsx_years.c), so that they read, print and fail alike.
 *
 *  - formats: Times New Roman 13, thin borders, bold shaded headers, bold
 *    totals, numbers "#,##0", a change "+3", an italic source line;
 *  - tables: a numbered title merged across the table ("Bảng 3. ..."), a
 *    header row tall enough for its wrapped heads, column widths measured
 *    from what will be written, totals as live formulas that carry their
 *    computed value, text from the content always written as text (never
 *    a formula) and cut to Excel's limit of 32,767 UTF-16 units;
 *  - print: A4, one page wide, the header row on every page, "Trang X/Y",
 *    the margins of Vietnamese administrative documents;
 *  - charts in the same font;
 *  - failures: the first failed libxlsxwriter call is kept, naming the
 *    sheet and the cell, and fails the workbook (wb_close reports it).
 *
 * Workbooks are written in libxlsxwriter's constant-memory mode: a sheet
 * is written row after row (a row cannot be changed once passed), and its
 * widths, filter and print setup are set before its first row.
 */
#ifndef COOPGEN_XLSX_FORM_H
#define COOPGEN_XLSX_FORM_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "labels.h"
#include "model.h"

#define WB_COLS_MAX	64	/* the columns whose widths are measured */

struct xlsx_input;

/* The workbook being written: everything a sheet writer needs. (Not
 * build.c's workbook_job, the thread that calls the writers.) */
struct workbook {
	lxw_workbook *wb;
	const struct labels *l;
	const struct content *c;
	/* statistics.xlsx's year; NULL in years.xlsx */
	const struct xlsx_input *in;
	const struct figures_year *f;
	int	 table;		/* the number of the last table written */
	lxw_worksheet *ws;	/* the sheet being written */
	const char *sheet;	/* its name (NULL for the workbook) */
	struct buf failed;	/* the first failure, empty while none:
				 * "sheet 'X', cell B3: why" */
	struct buf scratch, cut;
	lxw_format *title, *head, *text, *num, *date, *total_text,
	    *total_num, *source, *sub_text, *change, *path, *money, *money2;
};

/* Create the workbook at path (its temporary files in tmpdir) with the
 * formats; b->l must be set. False (and reported under the name shown)
 * when it cannot be. */
bool	 wb_open(struct workbook *b, const char *path, const char *tmpdir,
	    const char *shown, struct diag *d);

/* Set the document properties, close the workbook (even after a failure,
 * to free it) and report the first failure under the name shown; whether
 * the whole workbook was written. The caller keeps a failed file out of
 * the output. */
bool	 wb_close(struct workbook *b, lxw_doc_properties *props,
	    const char *shown, struct diag *d);

/* The UTF-16 units of the character that starts s (n bytes), in which
 * Excel counts text; *len is its length in bytes. An invalid byte counts
 * as one unit of one byte. */
size_t	 wb_utf16_units(const char *s, size_t n, size_t *len);

/* Whether a libxlsxwriter call went well; its failure is kept. */
bool	 wb_kept(struct workbook *b, lxw_error e, const char *what);
void	 wb_kept_cell(struct workbook *b, lxw_error e, lxw_row_t row, int col);

/* Start the sheet called name, after checking the one before; false (and
 * kept) when it cannot be. */
bool	 wb_add_sheet(struct workbook *b, const char *name);

/*
 * Column widths, measured from what will be written before anything is.
 * A text wider than its column's cap (60 when cap[col] is 0) wraps.
 */
struct widths {
	int	 n;
	double	 w[WB_COLS_MAX];
	double	 cap[WB_COLS_MAX];
};

void	 wb_measure(struct widths *w, int col, const char *s);
/* A header wraps: its column needs the header whole when it is short,
 * else its longest word; heads[i] heads column i. */
void	 wb_measure_heads(struct widths *w, const char *const heads[], int n);
void	 wb_apply_widths(struct workbook *b, const struct widths *w);
/* Make row tall enough for its wrapped texts (texts[i] in column i, NULL
 * for a number): neither Excel nor LibreOffice grows a row on opening. */
void	 wb_fit_row(struct workbook *b, lxw_row_t row, const struct widths *w,
	    const char *const texts[], int n);

/* Cells. Text is always written as text, cut to Excel's limit. */
void	 wb_put_text(struct workbook *b, lxw_row_t row, int col,
	    const char *s, lxw_format *fmt);
void	 wb_put_num(struct workbook *b, lxw_row_t row, int col, double n,
	    lxw_format *fmt);
void	 wb_put_blank(struct workbook *b, lxw_row_t row, int col,
	    lxw_format *fmt);
/* A live formula that also carries its computed value, so that a reader
 * without a calculation engine still sees the number. */
void	 wb_put_sum(struct workbook *b, lxw_row_t row, int col,
	    const char *formula, long long value, lxw_format *fmt);
/* "=SUM(B3:B7)" of a rectangle, into out. */
const char *wb_sum_of(struct buf *out, lxw_row_t r1, int c1, lxw_row_t r2,
	    int c2);

/* "Bảng 3. caption", the next table's number, merged across its ncols
 * columns; the next row. */
lxw_row_t wb_title_row(struct workbook *b, lxw_row_t row, int ncols,
	    const char *caption);
/* The columns, ncols or more, that the next table's title "Bảng N.
 * caption" takes at the widths w (a column beyond them at Excel's
 * default width), so that a table of a few narrow columns shows its title
 * whole: a merged cell neither wraps nor spills. */
int	 wb_title_span(const struct workbook *b, const struct widths *w,
	    int ncols, const char *caption);
/* A header row, tall enough for its wrapped headers; the next row. */
lxw_row_t wb_header_row(struct workbook *b, lxw_row_t row,
	    const char *const heads[], int n, const struct widths *w);
/* The source of the figures under a table; the next free row, after a
 * blank one. */
lxw_row_t wb_source_row(struct workbook *b, lxw_row_t row, const char *text);

/* Print setup of the sheet being written (A4, one page wide, row repeat
 * on every page, the footer, the margins); before its first row. */
void	 wb_page_setup(struct workbook *b, bool landscape, lxw_row_t repeat);

/* A chart of the given libxlsxwriter type, titled, in the workbook's
 * font; its series are the caller's. */
lxw_chart *wb_chart(struct workbook *b, uint8_t type, const char *title);
/* Insert chart at row, column A, scaled. */
void	 wb_insert_chart(struct workbook *b, lxw_chart *chart, lxw_row_t row,
	    double x_scale, double y_scale);

#endif
