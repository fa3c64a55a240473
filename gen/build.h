/*
 * build: the two commands, from the content folder to the output folder.
 *
 *	load and check -> figures -> prose checks -> (build only) write, publish
 *
 * Nothing is written unless the whole content is free of errors.
 */
#ifndef COOPGEN_BUILD_H
#define COOPGEN_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "status.h"

struct options {
	const char *content;	/* the content folder */
	const char *templates;	/* the templates folder */
	const char *out;	/* the output folder */
	const int *years;	/* the years to build; all when n_years is 0 */
	size_t	 n_years;
	bool	 quiet;		/* no progress lines, no warnings */
	bool	 timings;	/* print what each stage took */
	int	 jobs;		/* threads writing pages */
	bool	 has_epoch;	/* SOURCE_DATE_EPOCH was set */
	time_t	 epoch;		/* its value */
};

/* The exit statuses (EXIT_OK and the others) are status.h's. */

/* coopgen check: load, validate and compute everything; write nothing. */
int	 coopgen_check(const struct options *o);

/* coopgen build: the same, then write every output of every year. */
int	 coopgen_build(const struct options *o);

#endif
