/*
 * svg: bar charts drawn by the program, inline in the page.
 *
 * A horizontal bar per value, its label on the left and its number at the
 * end of the bar, sized by the largest value; or a column per value, for
 * a figure across the years. No script, no external file.
 * The chart is an image with a title and a description for screen
 * readers; the same figures stand in the table it illustrates.
 */
#ifndef COOPGEN_SVG_H
#define COOPGEN_SVG_H

#include <stddef.h>

#include "buf.h"
#include "format.h"

/* Append the chart to out. id makes the chart's element ids unique on the
 * page; every text is escaped. */
void	 svg_bar_chart(struct buf *out, const char *id, const char *title,
	    const char *desc, const char *const labels[],
	    const long long values[], size_t n, const struct locale *loc);

/* The same figures as columns side by side, left to right in the order
 * given (the years of a figure, oldest first): each labelled below, its
 * number above. */
void	 svg_column_chart(struct buf *out, const char *id, const char *title,
	    const char *desc, const char *const labels[],
	    const long long values[], size_t n, const struct locale *loc);

/* Append s with &, <, >, " and ' escaped for XML and HTML. */
void	 svg_escape(struct buf *out, const char *s);

#endif
