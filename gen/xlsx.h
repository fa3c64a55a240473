/*
 * xlsx: out/<YEAR>/statistics.xlsx, the workbook for ministry briefings.
 *
 * Six sheets, each a set of numbered tables ("Bảng 1. ..."): the key
 * figures with the year before and the change, every activity, the
 * framework x kind cross table, the partners, the agreements (in force,
 * signed, proposed) and the projects (by funder and status, then listed).
 * Every number comes from figures.h, so the workbook agrees with
 * figures.json and the report; totals are live SUM formulas that carry
 * their computed value. Text from the content is always written as text,
 * never as a formula. Printing is set up for A4, one page wide, Times New
 * Roman 13 and the margins of Vietnamese administrative documents.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode, row by
 * row, so that a year of 100,000 activities needs no more memory than a
 * year of ten.
 */
#ifndef COOPGEN_XLSX_H
#define COOPGEN_XLSX_H

#include <stdbool.h>
#include <time.h>

#include "diag.h"
#include "figures.h"
#include "labels.h"
#include "model.h"

/* Excel's dates start on 1 January 1900: a day before it is written as
 * text (a year folder before it is refused by the loader: YEAR_FIRST). */
#define XLSX_FIRST_YEAR	YEAR_FIRST

struct xlsx_input {
	const struct content *c;
	const struct year *y;
	const struct figures *f;
	const struct labels *l;
	const struct locale *loc;
	time_t	 created;	/* the document's creation time */
	const char *shown;	/* its name in messages: where it will be once
				 * published; NULL: the path written */
};

/* Why s cannot name a sheet, in the words of a message's "(expected
 * ...)", or NULL when it can. Excel's rules: at most 31 characters as
 * Excel counts them (in UTF-16 units: a character beyond U+FFFF, such as
 * an emoji, is two), none of [ ] : * ? / \, no apostrophe at either end,
 * not History (Excel keeps it for itself). */
const char *xlsx_sheet_name_problem(const char *s);

/* Whether Excel takes a and b for the same sheet name: it ignores letter
 * case, in every script ('Đối tác' is 'ĐỐI TÁC'). */
bool	 xlsx_sheet_names_clash(const char *a, const char *b);

/* Write the workbook to path, with libxlsxwriter's temporary files in
 * tmpdir. False (and reported) on failure. */
bool	 xlsx_write_statistics(const struct xlsx_input *in, const char *path,
	    const char *tmpdir, struct diag *d);

/*
 * out/years.xlsx: the years side by side (years.h), for a briefing: the
 * headline figures and the counts by framework, kind and partner, years
 * as columns, with native charts; the same form as statistics.xlsx.
 */
struct years;
struct xlsx_years_input {
	const struct years *ys;
	const struct labels *l;
	const struct locale *loc;
	time_t	 created;
	const char *shown;	/* as in struct xlsx_input */
};

bool	 xlsx_write_years(const struct xlsx_years_input *in, const char *path,
	    const char *tmpdir, struct diag *d);

#endif
