/*
 * years: the years of the content side by side.
 *
 * Every output that looks across years (the list of years on the home
 * page, years.json, years.xlsx, the partners' dossiers, the statistics
 * page's earlier years, {{stat years...}} and {{trend}}) reads the years
 * from here, each with the figures figures_compute gave it, so that they
 * all agree with each year's own figures.json.
 *
 *	years.json    { "2021": <figures.json of 2021>, "2022": ... }
 *
 * Each year's entry is that year's figures.json tree without "year" and
 * "previous" (which the keys and the entries beside it already say): the
 * path P of a year's figures.json is the path "<YEAR>.P" of years.json,
 * and "years.<YEAR>.P" for {{stat}} in the prose of that year and of the
 * years after it.
 */
#ifndef COOPGEN_YEARS_H
#define COOPGEN_YEARS_H

#include <stddef.h>
#include <jansson.h>

#include "figures.h"
#include "model.h"

/* The years of the content, ascending, each with its figures. */
struct years {
	const struct content *c;
	const struct year *const *y;		/* [n] */
	const struct figures_year *const *f;	/* [n] */
	size_t	 n;
};

/* How many earlier years a year's statistics tables show beside its own
 * figures, at most. */
#define YEARS_EARLIER	4

/* The figures of the years before year number `year` that the content
 * has, at most YEARS_EARLIER of them, the closest ones, oldest first, into
 * out; their number. A gap in the years is no stop: 2019 and 2021 are the
 * earlier years of 2022 when 2020 is missing. */
size_t	 years_earlier(const struct years *ys, int year,
	    const struct figures_year *out[YEARS_EARLIER]);

/* years.json as a tree (a new reference), from each year's figures_json
 * tree, trees[i] being that of ys->y[i]. */
json_t	*years_json(const struct years *ys, json_t *const trees[]);

/*
 * The tree {{stat}} and {{trend}} read in the prose of year `year`: its
 * figures.json tree with "years" added, years.json's entries of that year
 * and the years before it (a new reference; the trees are shared, not
 * copied). Never a later year's: a report published does not change when
 * the next year is written, and `build --year` need write only the years
 * from the one named on (load.h).
 */
json_t	*years_lookup_root(json_t *tree, json_t *years, int year);

#endif
