/*
 * date: calendar dates that may be known only to the year or the month.
 *
 * Records say "2023", "2023-06" or "2023-06-15" depending on what staff know;
 * all three are dates, and comparisons treat a partial date as the whole
 * span it names.
 */
#ifndef COOPGEN_DATE_H
#define COOPGEN_DATE_H

#include <stdbool.h>

struct date {
	int	 year;	/* 0 when there is no date */
	int	 month;	/* 1..12, or 0 when only the year is known */
	int	 day;	/* 1..31, or 0 when only the month is known */
};

enum date_error {
	DATE_OK,
	DATE_MALFORMED,	/* not YYYY, YYYY-MM or YYYY-MM-DD */
	DATE_BAD_MONTH,	/* 2024-13 */
	DATE_BAD_DAY,	/* 2023-02-30 */
};

/* Parse s into *d. The year must have four digits (1000..9999). */
enum date_error date_parse(const char *s, struct date *d);

/* "malformed date" or "impossible date", for diagnostics. */
const char *date_strerror(enum date_error e);

int	 date_days_in_month(int year, int month);

/* The first and the last day of the span a partial date names. */
struct date date_first_day(struct date d);
struct date date_last_day(struct date d);

/* Compare two full dates: <0, 0, >0. */
int	 date_cmp(struct date a, struct date b);

/* Write d as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (11 bytes suffice). */
void	 date_iso(struct date d, char out[11]);

#endif
