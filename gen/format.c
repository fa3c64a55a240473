#include <stdio.h>
#include <string.h>

#include "format.h"
#include "labels.h"

static const struct locale vi = { ".", "{d}/{m}/{y}", "tháng {m}/{y}",
    "năm {y}", { "tháng 1", "tháng 2", "tháng 3", "tháng 4", "tháng 5",
    "tháng 6", "tháng 7", "tháng 8", "tháng 9", "tháng 10", "tháng 11",
    "tháng 12" } };
static const struct locale en = { ",", "{d} {month} {y}", "{month} {y}",
    "{y}", { "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December" } };

const struct locale *
locale_builtin(enum lang lang)
{
	return lang == LANG_EN ? &en : &vi;
}

void
locale_from_labels(struct locale *loc, const struct labels *l)
{
	loc->group = label(l, LABEL_NUMBER_GROUP);
	loc->day = label(l, LABEL_DATE_DAY);
	loc->month = label(l, LABEL_DATE_MONTH);
	loc->year = label(l, LABEL_DATE_YEAR);
	for (int m = 0; m < 12; m++)
		loc->months[m] = label(l, (enum label)(LABEL_MONTH_1 + m));
}

void
format_number(struct buf *b, const struct locale *loc, long long n)
{
	char digits[32];
	int len = snprintf(digits, sizeof(digits), "%lld", n < 0 ? -n : n);

	if (n < 0)
		buf_putc(b, '-');
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_puts(b, loc->group);
		buf_putc(b, digits[i]);
	}
}

void
format_date(struct buf *b, const struct locale *loc, struct date d)
{
	const char *p = d.month == 0 ? loc->year : d.day == 0 ? loc->month :
	    loc->day;

	if (d.year == 0)
		return;
	while (*p) {
		if (strncmp(p, "{d}", 3) == 0) {
			buf_printf(b, "%d", d.day);
			p += 3;
		} else if (strncmp(p, "{m}", 3) == 0) {
			buf_printf(b, "%d", d.month);
			p += 3;
		} else if (strncmp(p, "{y}", 3) == 0) {
			buf_printf(b, "%d", d.year);
			p += 3;
		} else if (strncmp(p, "{month}", 7) == 0) {
			if (d.month >= 1 && d.month <= 12)
				buf_puts(b, loc->months[d.month - 1]);
			p += 7;
		} else
			buf_putc(b, *p++);
	}
}
