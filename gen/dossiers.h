/*
 * dossiers: out/partners/, what a division has done with each partner
 * across every year of the content, for the brief before a delegation
 * arrives.
 *
 *	out/partners/index.html   every partner any year or agreement names,
 *	                          with its totals across the years
 *	out/partners/<id>.html    one partner: who it is, its agreements over
 *	                          time, its activities and projects year by
 *	                          year, a chart of its activities per year
 *
 * A writer of the site (html.c drives it), on page.h's machinery.
 */
#ifndef COOPGEN_DOSSIERS_H
#define COOPGEN_DOSSIERS_H

#include <stdbool.h>

#include "page.h"
#include "years.h"

/* Write the dossiers of the partners of ys (w's year is NULL: the pages
 * lie outside any year). False (w->ok too) when one could not be made. */
bool	 dossiers_write(struct page_writer *w, const struct years *ys);

#endif
