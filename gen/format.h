/*
 * format: numbers and dates as the site's language writes them.
 *
 *	Vietnamese: 1.234   tháng 6/2023   15/6/2023
 *	English:    1,234   June 2023      15 June 2023
 */
#ifndef COOPGEN_FORMAT_H
#define COOPGEN_FORMAT_H

#include "buf.h"
#include "date.h"
#include "model.h"

/* Append n with the language's thousands separator. */
void	 format_number(struct buf *b, enum lang lang, long long n);

/* Append a (possibly partial) date in the language's long form. */
void	 format_date(struct buf *b, enum lang lang, struct date d);

#endif
