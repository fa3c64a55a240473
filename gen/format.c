#include <stdio.h>

#include "format.h"

void
format_number(struct buf *b, enum lang lang, long long n)
{
	char digits[32];
	char sep = lang == LANG_VI ? '.' : ',';
	int len = snprintf(digits, sizeof(digits), "%lld", n < 0 ? -n : n);

	if (n < 0)
		buf_putc(b, '-');
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_putc(b, sep);
		buf_putc(b, digits[i]);
	}
}

void
format_date(struct buf *b, enum lang lang, struct date d)
{
	static const char *const months[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };

	if (d.year == 0)
		return;
	if (lang == LANG_VI) {
		if (d.month == 0)
			buf_printf(b, "năm %d", d.year);
		else if (d.day == 0)
			buf_printf(b, "tháng %d/%d", d.month, d.year);
		else
			buf_printf(b, "%d/%d/%d", d.day, d.month, d.year);
	} else {
		if (d.month == 0)
			buf_printf(b, "%d", d.year);
		else if (d.day == 0)
			buf_printf(b, "%s %d", months[d.month - 1], d.year);
		else
			buf_printf(b, "%d %s %d", d.day, months[d.month - 1],
			    d.year);
	}
}
