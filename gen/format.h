/*
 * format: numbers and dates as the site's language writes them.
 *
 * How is a locale: the thousands separator, three date patterns and the
 * month names, read from the label files (labels.h) so that an office can
 * change them without recompiling:
 *
 *	Vietnamese: 1.234   tháng 6/2023   15/6/2023
 *	English:    1,234   June 2023      15 June 2023
 *
 * A pattern holds {d} (day), {m} (month number), {month} (its name) and
 * {y} (year).
 */
#ifndef COOPGEN_FORMAT_H
#define COOPGEN_FORMAT_H

#include "buf.h"
#include "date.h"
#include "model.h"

struct labels;

struct locale {
	const char *group;		/* thousands separator */
	const char *day;		/* a full date */
	const char *month;		/* a date known to the month */
	const char *year;		/* a date known to the year */
	const char *months[12];		/* month names, for {month} */
};

/* The built-in locale of a language: what the shipped label files say,
 * for code that runs without templates. */
const struct locale *locale_builtin(enum lang lang);

/* The locale the label files give. */
void	 locale_from_labels(struct locale *loc, const struct labels *l);

/* Append n with the locale's thousands separator. */
void	 format_number(struct buf *b, const struct locale *loc, long long n);

/* Append a (possibly partial) date; nothing for year 0. */
void	 format_date(struct buf *b, const struct locale *loc, struct date d);

#endif
