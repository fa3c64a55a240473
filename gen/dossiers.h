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

/*
 * Whether partner (an index into ys->c->partners) has a dossier: whether
 * a record names it, an activity or a project (as its funder) of any
 * year, or an agreement. A year's partner page asks, to link to the
 * dossier only when there is one. Told from the years' figures (every
 * count is at least 1: a partner an activity names has by_partner above
 * 0) and the agreements, which the key of a year's pages holds (reuse.h):
 * a page taken over from the last build has the link it should have.
 */
bool	 dossiers_names(const struct years *ys, size_t partner);

/* Write the dossiers of the partners of ys (w's year is NULL: the pages
 * lie outside any year), every build: none is taken over from the last.
 * False (w->ok too) when one could not be made. */
bool	 dossiers_write(struct page_writer *w, const struct years *ys);

#endif
