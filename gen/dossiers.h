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
 * Whether a record names partner (an index into ys->c->partners): an
 * activity or a project (as its funder) of a year up to upto, or an
 * agreement. The partners so named up to the last year have a dossier.
 * A year's partner page asks with its own year, and links to the dossier
 * when a record of that year or an earlier one names the partner (so it
 * has a dossier, whatever later years hold): a year's pages read no later
 * year, which `build --year` relies on (load.h). Told from the years'
 * figures (a partner an activity names has by_partner above 0) and the
 * agreements, which the keys of a year's pages hold (reuse.h).
 */
bool	 dossiers_names(const struct years *ys, size_t partner, int upto);

/* Write the dossiers of the partners of ys (w's year is NULL: the pages
 * lie outside any year), every build: none is taken over from the last.
 * False (w->ok too) when one could not be made. */
bool	 dossiers_write(struct page_writer *w, const struct years *ys);

#endif
