/*
 * stats: the tables of figures and lists every output of a year shows, in
 * one place: which tables, in what order, with what captions, heads and
 * rows. A writer (the site's pages, report.docx) only lays them out. The
 * workbook takes the headline figures from here; its other sheets are
 * its own (live formulas over every record), see xlsx.c.
 *
 * The numbers come from figures.h; texts are the content's and the labels'.
 * Everything lives in the arena of struct stats.
 */
#ifndef COOPGEN_STATS_H
#define COOPGEN_STATS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "figures.h"
#include "format.h"
#include "labels.h"
#include "model.h"
#include "years.h"

struct stats_cell {
	const char *text;	/* NULL: the number */
	long long num;
	bool	 sign;		/* a change: "+3" */
};

struct stats_row {
	const char *name;	/* the first cell */
	const char *href;	/* of the name, relative to the year folder, or
				   NULL */
	struct stats_cell *cells;	/* [ncols - 1] */
	bool	 total;		/* a total row */
	bool	 sub;		/* about the row above it (its change) */
};

struct stats_table {
	const char *id;		/* as on the site's pages: "by-framework" */
	const char *path;	/* of its figures in figures.json, for the
				   tables {{table PATH}} shows; else NULL */
	const char *caption;	/* the title after "Bảng N." */
	size_t	 ncols;
	const char **heads;	/* [ncols] */
	bool	*numeric;	/* [ncols] */
	struct stats_row *rows;
	size_t	 nrows, cap;
	/* The bar chart the site draws under it, when chart_n > 0. */
	const char *chart_id, *chart_title;
	const char **chart_names;
	long long *chart_values;
	size_t	 chart_n;
};

struct stats {
	struct arena a;
	struct stats_table *v;
	size_t	 n, cap;
};

struct stats_input {
	const struct content *c;
	const struct year *y;
	const struct figures *f;
	const struct labels *l;
	const struct locale *loc;
	/* The earlier years stats_figure_tables shows beside the year's
	 * figures (years_earlier), oldest first; none when n_earlier is 0. */
	const struct figures_year *earlier[YEARS_EARLIER];
	size_t	 n_earlier;
};

/*
 * The headline figures of a year, in the one order every output shows
 * them: the workbook's summary sheet has them all, the report's key
 * figures (the site's and report.docx's) those marked HEADLINE_REPORT,
 * the list of years those marked HEADLINE_YEARS, the table and charts of
 * the years side by side (home page, years.xlsx) those marked
 * HEADLINE_ACROSS.
 */
enum headline_use {
	HEADLINE_REPORT = 1 << 0,
	HEADLINE_YEARS = 1 << 1,
	HEADLINE_ACROSS = 1 << 2,	/* the years side by side */
};

/* The rows the workbook's summary adds under a headline figure. */
enum headline_detail {
	HEADLINE_NO_DETAIL,
	HEADLINE_BY_FRAMEWORK,	/* activities.by_framework.<id> */
	HEADLINE_BY_STATUS,	/* projects.by_status.<id> */
};

struct headline {
	enum label label;
	const char *path;	/* in figures.json */
	size_t	 offset;	/* of its long long in struct figures_year */
	unsigned use;		/* enum headline_use */
	bool	 part;		/* a part of the figure above it */
	enum headline_detail detail;
};

extern const struct headline headlines[];
extern const size_t n_headlines;

/* The group of figures in figures.json a detail's rows are the entries
 * of, "<path>.<id>" each (NULL for HEADLINE_NO_DETAIL). */
extern const char *const headline_detail_paths[];

/* The value of headline h in the figures f. */
long long headline_value(const struct headline *h,
	    const struct figures_year *f);

/* The key figures, with the year before and the change when the content
 * has that year: one table. */
void	 stats_key_figures(struct stats *s, const struct stats_input *in);

/* The statistics tables, in the order of the statistics page: by
 * framework, kind, month and partner; framework x kind with totals;
 * agreements in force by type and by partner; projects by funder and
 * status. A table of one figure per row shows the earlier years of in
 * beside the year's column, projects by funder each year's total; the
 * framework x kind table is the year's alone (its totals are the tables
 * by framework and by kind, which show them). */
void	 stats_figure_tables(struct stats *s, const struct stats_input *in);

/* The years side by side: a column per year of ys, oldest first; a row
 * per headline figure marked HEADLINE_ACROSS, each followed by a row (sub)
 * of its change from the year before (blank when the content does not
 * have that year). Labels from in, whose year is not used. */
void	 stats_years_table(struct stats *s, const struct stats_input *in,
	    const struct years *ys);

/* {{trend PATH}}: the figure at path (of a year's figures.json) in each
 * year of years (years.json: years.h) up to in's year, a row per year
 * with its change from the year before; caption NULL: the figure's name
 * (a headline's label, or the vocabulary's name for its last part) and
 * "across the years". A year without the figure has blank cells. */
struct stats_table *stats_trend(struct stats *s, const struct stats_input *in,
	    const json_t *years, const char *path, const char *caption);

/* The lists: agreements in force at year end (with their total), signed
 * in the year, proposed, expiring (with the months left) and ended
 * (figures.h); the year's projects. */
void	 stats_lists(struct stats *s, const struct stats_input *in);

/* The paths of figures.json that {{table PATH}} shows, each the path of
 * a table of stats_figure_tables; NULL after the last. */
extern const char *const stats_table_paths[];

/* The table of stats_figure_tables whose figures are at path, built into
 * s; NULL when path is not one of stats_table_paths. */
struct stats_table *stats_table_of(struct stats *s,
	    const struct stats_input *in, const char *path);

void	 stats_free(struct stats *s);

#endif
