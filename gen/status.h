/*
 * status: coopgen's exit statuses, as documented in coopgen(1), for every
 * layer that decides one (diag.c, xalloc.c, build.c, main.c), so that no
 * status is spelled as a bare number.
 *
 * How a failure gets there: a problem in the content is an error
 * diagnostic (diag.h), and the run goes on so that all are reported; a
 * step that cannot go on (I/O, the system) reports a failure and returns
 * false, which the page writers keep in page_writer.ok (page.h);
 * diag_status turns the counts into EXIT_CONTENT or EXIT_SYSTEM. Out of
 * memory exits at once with EXIT_SYSTEM (xalloc.h).
 */
#ifndef COOPGEN_STATUS_H
#define COOPGEN_STATUS_H

enum {
	EXIT_OK = 0,
	EXIT_CONTENT = 1,	/* problems in the content */
	EXIT_USAGE = 2,
	EXIT_SYSTEM = 3,	/* I/O or system failure */
};

#endif
