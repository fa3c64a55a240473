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
};

/*
 * The headline figures of a year, in the one order every output shows
 * them: the workbook's summary sheet has them all, the report's key
 * figures (the site's and report.docx's) those marked HEADLINE_REPORT,
 * the list of years those marked HEADLINE_YEARS.
 */
enum headline_use {
	HEADLINE_REPORT = 1 << 0,
	HEADLINE_YEARS = 1 << 1,
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

/* The value of headline h in the figures f. */
long long headline_value(const struct headline *h,
	    const struct figures_year *f);

/* The key figures, with the year before and the change when the content
 * has that year: one table. */
void	 stats_key_figures(struct stats *s, const struct stats_input *in);

/* The statistics tables, in the order of the statistics page: by
 * framework, kind, month and partner; framework x kind with totals;
 * agreements in force by type and by partner; projects by funder and
 * status. */
void	 stats_figure_tables(struct stats *s, const struct stats_input *in);

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
