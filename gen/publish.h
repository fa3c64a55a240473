/*
 * publish: the only code that writes files.
 *
 * A build writes into a new temporary folder beside the output folder
 * (".NAME.coopgen-XXXXXX") and, only when everything succeeded, swaps it
 * into place in one atomic rename. Until then the previous output stays
 * byte for byte as it was; on an error, or on SIGINT, SIGTERM or SIGHUP,
 * the temporary folder is removed and nothing else is touched.
 *
 * Every path given here is relative to the output folder and is checked
 * (no absolute path, no "..", no empty part), so no value can make a write
 * land outside it. An output folder holds a ".coopgen" marker; an existing
 * folder without one is never replaced, so that a mistyped --out cannot
 * wipe out someone's documents.
 */
#ifndef COOPGEN_PUBLISH_H
#define COOPGEN_PUBLISH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "hash.h"

#define PUBLISH_MARKER ".coopgen"

struct publish {
	char	*out;		/* the output folder */
	char	*tmp;		/* the folder being built */
	bool	 had_out;	/* the output folder existed */
	_Atomic size_t files;	/* written so far (by every thread) */
	_Atomic size_t reused;	/* of which taken by publish_reuse */
	struct diag *d;
};

/* Start a build of folder out. False (and reported as a failure) when the
 * temporary folder cannot be made or out may not be replaced. */
bool	 publish_begin(struct publish *p, const char *out, struct diag *d);

/* Write len bytes as file rel (parent folders are made as needed). */
bool	 publish_write(struct publish *p, const char *rel, const void *data,
	    size_t len);

/* The path on disk where file rel is to be written, for a library that
 * writes its own files; its parent folders are made. NULL (and reported)
 * when rel is not a plain relative path. The caller frees it. */
char	*publish_path(struct publish *p, const char *rel);

/* Copy the file at src (a path on disk) to rel. */
bool	 publish_copy(struct publish *p, const char *rel, const char *src);

/*
 * Take file rel of the previous output into the new one as it is, by a
 * hard link (old output files are only ever replaced, never written to),
 * if it is still a regular file whose bytes hash to want. False, with
 * nothing reported and nothing written, when it is not, or cannot be
 * linked: the caller then writes rel itself.
 */
bool	 publish_reuse(struct publish *p, const char *rel, struct hash want);

/* Take back a file publish_reuse put in, to write it anew after all. */
void	 publish_unreuse(struct publish *p, const char *rel);

/*
 * Put the new folder in place of the old. With keep_rest, whatever the old
 * folder holds at its top level that the new one lacks (the years not
 * rebuilt this time) is carried over, hard-linked where possible.
 */
bool	 publish_commit(struct publish *p, bool keep_rest);

/* Release p. When the build was not committed, the temporary folder is
 * removed and the output folder stays as it was. */
void	 publish_end(struct publish *p);

/* The signal that interrupted the build, or 0. Writers call this between
 * files and give up when it is set. */
int	 publish_interrupted(void);

/* After publish_end: end the process by the signal that interrupted it,
 * so that the parent (a shell, make) sees the interruption. */
void	 publish_reraise(void);

#endif
