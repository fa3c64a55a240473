#include <stdio.h>
#include <string.h>

#include "date.h"

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return days[month - 1];
}

enum date_error
date_parse(const char *s, struct date *d)
{
	size_t n = strlen(s);

	memset(d, 0, sizeof(*d));
	if (n != 4 && n != 7 && n != 10)
		return DATE_MALFORMED;
	int y = digits(s, 4);
	if (y < 1000)
		return DATE_MALFORMED;
	int m = 0, day = 0;
	if (n >= 7) {
		if (s[4] != '-' || (m = digits(s + 5, 2)) < 0)
			return DATE_MALFORMED;
		if (m < 1 || m > 12)
			return DATE_BAD_MONTH;
	}
	if (n == 10) {
		if (s[7] != '-' || (day = digits(s + 8, 2)) < 0)
			return DATE_MALFORMED;
		if (day < 1 || day > date_days_in_month(y, m))
			return DATE_BAD_DAY;
	}
	d->year = y;
	d->month = m;
	d->day = day;
	return DATE_OK;
}

const char *
date_strerror(enum date_error e)
{
	switch (e) {
	case DATE_OK:
		return "valid date";
	case DATE_MALFORMED:
		return "malformed date";
	case DATE_BAD_MONTH:
	case DATE_BAD_DAY:
		return "impossible date";
	}
	return "?";
}

struct date
date_first_day(struct date d)
{
	if (d.month == 0)
		d.month = 1;
	if (d.day == 0)
		d.day = 1;
	return d;
}

struct date
date_last_day(struct date d)
{
	if (d.month == 0)
		d.month = 12;
	if (d.day == 0)
		d.day = date_days_in_month(d.year, d.month);
	return d;
}

int
date_cmp(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

void
date_iso(struct date d, char out[11])
{
	if (d.month == 0)
		snprintf(out, 11, "%04d", d.year);
	else if (d.day == 0)
		snprintf(out, 11, "%04d-%02d", d.year, d.month);
	else
		snprintf(out, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}
