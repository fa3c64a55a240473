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

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "strmap.h"

/* A place in the content: file relative to the content folder, and a 1-based
 * line and column (counted in characters). line 0 means the file as a whole. */
struct pos {
	const char *file;
	int	 line;
	int	 col;
};

struct diag_held;

struct diag {
	FILE	*out;		/* where messages go (stderr in the program) */
	pthread_mutex_t lock;	/* pages are written on several threads */
	struct diag_held *held;	/* messages kept back by diag_hold */
	size_t	 n_held, cap_held;
	struct strmap said;	/* their texts, each held once */
	bool	 holding;
	bool	 no_warnings;	/* -q: keep only errors */
	unsigned errors;	/* problems in the content: exit status 1 */
	unsigned warnings;
	unsigned notes;
	unsigned failures;	/* I/O or system failures: exit status 3 */
};

void	 diag_init(struct diag *d, FILE *out);

/* A problem in the content at p. */
void	 diag_error(struct diag *d, struct pos p, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Worth a look, but the build goes on. */
void	 diag_warning(struct diag *d, struct pos p, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* For the reader's information, not a problem (an agreement to renew):
 * "note:", kept back by -q as warnings are. */
void	 diag_note(struct diag *d, struct pos p, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* The system failed us (a read, a write, a rename). what names the file. */
void	 diag_failure(struct diag *d, const char *what, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* Keep messages back until diag_release, which prints them sorted: the
 * files at the top of the content first, then the others by path, each by
 * line and column. A record is decoded, cross-checked, and its prose
 * checked last, in separate passes; its messages should still read from
 * top to bottom, and the same content always gives the same order. */
void	 diag_hold(struct diag *d);
void	 diag_release(struct diag *d);

/* The exit status the run deserves (status.h): EXIT_SYSTEM on a failure,
 * else EXIT_CONTENT on an error, else EXIT_OK. */
int	 diag_status(const struct diag *d);

#endif
