/*
 * diag: the diagnostics of a run.
 *
 * Every problem found in the content is reported as it is found, in the form
 * compilers use so that editors can jump to it:
 *
 *	2023/activities/wipo.md:4:9: error: unknown kind 'workshp' (expected one of: ...)
 *
 * Paths are relative to the content folder. Nothing stops at the first
 * error: loading and checking go on so that one run reports them all, and
 * the caller decides at the end whether anything may be written.
 */
#ifndef COOPGEN_DIAG_H
#define COOPGEN_DIAG_H

#include <stdbool.h>
#include <stdio.h>

/* A place in the content: file relative to the content folder, and a 1-based
 * line and column (counted in characters). line 0 means the file as a whole. */
struct pos {
	const char *file;
	int	 line;
	int	 col;
};

struct diag {
	FILE	*out;		/* where messages go (stderr in the program) */
	bool	 no_warnings;	/* -q: keep only errors */
	unsigned errors;	/* problems in the content: exit status 1 */
	unsigned warnings;
	unsigned failures;	/* I/O or system failures: exit status 3 */
};

void	 diag_init(struct diag *d, FILE *out);

/* A problem in the content at p. */
void	 diag_error(struct diag *d, struct pos p, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Worth a look, but the build goes on. */
void	 diag_warning(struct diag *d, struct pos p, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* The system failed us (a read, a write, a rename). what names the file. */
void	 diag_failure(struct diag *d, const char *what, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* The exit status the run deserves: 3 on a failure, else 1 on an error, else 0. */
int	 diag_status(const struct diag *d);

#endif
