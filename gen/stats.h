/*
 * stats: the tables of figures and lists every output of a year shows, in
 * one place: which tables, in what order, with what captions, heads and
 * rows. A writer (report.docx; the site's statistics page and the workbook
 * can take them from here too) only lays them out.
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

/* The key figures, with the year before and the change when the content
 * has that year: one table. */
void	 stats_key_figures(struct stats *s, const struct stats_input *in);

/* The statistics tables, in the order of the statistics page: by
 * framework, kind, month and partner; framework x kind with totals;
 * agreements in force by type and by partner; projects by funder and
 * status. */
void	 stats_figure_tables(struct stats *s, const struct stats_input *in);

/* The lists: agreements in force at year end (with their total), signed
 * in the year, proposed; the year's projects. */
void	 stats_lists(struct stats *s, const struct stats_input *in);

void	 stats_free(struct stats *s);

#endif
