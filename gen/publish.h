/*
 * publish: the only code that writes files.
 *
 * A build writes into a staging folder inside the output folder
 * (OUT/.coopgen-new-XXXXXX) and, only when everything succeeded, puts each
 * of its entries in place: a folder of the old output that holds nothing
 * but what coopgen wrote is swapped for the new one in one atomic rename
 * (RENAME_EXCHANGE); a folder that also holds files of someone else's
 * (a .git, a CNAME, a .htaccess, notes) is updated file by file around
 * them. Until then the previous output stays byte for byte as it was; on
 * an error, or on SIGINT, SIGTERM or SIGHUP, the staging folder is removed
 * and nothing else is touched.
 *
 * What coopgen wrote is listed in the marker, OUT/.coopgen, one path a
 * line. A build replaces or deletes those files and nothing else: every
 * other entry of the output folder is kept as it is, and one that stands
 * where the new output puts a file is a failure (named), not a loss.
 * Nothing in the output folder is followed or opened in a way that could
 * block: symbolic links, FIFOs and devices are entries like any other.
 * A folder without the marker is used only when it is empty or new, so
 * that a mistyped --out cannot litter someone's documents.
 *
 * Every path given here is relative to the output folder and is checked
 * (no absolute path, no "..", no empty part, no control character), so no
 * value can make a write land outside it. One build at a time writes into
 * an output folder: it is locked (flock) from publish_begin to publish_end.
 *
 * Errors: functions returning bool report what failed to the diag given
 * to publish_begin (diag_failure: exit status 3) and return false.
 */
#ifndef COOPGEN_PUBLISH_H
#define COOPGEN_PUBLISH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "diag.h"
#include "hash.h"
#include "strmap.h"

#define PUBLISH_MARKER ".coopgen"

struct publish {
	char	*out;		/* the output folder */
	char	*tmp;		/* the staging folder, inside out */
	int	 outfd;		/* out, open and locked; -1 */
	bool	 had_out;	/* out held an output of coopgen's */
	bool	 made_out;	/* this build made out */
	unsigned made_parents;	/* and this many folders above it */
	bool	 legacy;	/* its marker lists nothing (an older coopgen) */
	mode_t	 umask;		/* the process's, read once */
	gid_t	 gid;		/* the group of a file made now */
	struct owned {		/* a file coopgen wrote, and its size */
		char	*rel;
		long long size;
	} *owned;		/* what the marker lists, sorted by rel */
	size_t	 n_owned;
	struct owned *new_v;	/* at the commit: what coopgen will have
				 * written, sorted */
	size_t	 n_new;
	char	*old_marker;	/* the old marker's text, to put it back */
	size_t	 old_marker_len;
	bool	 committed;	/* the new output is in place */
	_Atomic size_t files;	/* written so far (by every thread) */
	_Atomic size_t reused;	/* of which taken by publish_reuse */
	struct diag *d;
};

/* Refuse (a usage error, reported on stderr: exit status 2) an output
 * folder that is, holds or lies inside dir, the folder named by option
 * what ("--content", "--templates"). True when they stay apart. Called
 * before anything is read or written. */
bool	 publish_apart(const char *out, const char *dir, const char *what);

/* Start a build of folder out. False (and reported as a failure) when the
 * staging folder cannot be made, out may not be written, or another build
 * is writing into it now. */
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
 * Read file rel of the previous output, at most max bytes, into *text
 * (NUL-terminated; the caller frees it). False, with nothing reported,
 * when there is none or it is not a regular file reached without
 * following a link.
 */
bool	 publish_read_old(struct publish *p, const char *rel, char **text,
	    size_t *len, size_t max);

/*
 * Take file rel of the previous output into the new one as it is, by a
 * hard link (old output files are only ever replaced, never written to),
 * if it is still a regular file whose bytes hash to want, reached without
 * following a link, and with the owner and mode a new file would get.
 * False, with nothing reported and nothing written, when it is not, or
 * cannot be linked: the caller then writes rel itself.
 */
bool	 publish_reuse(struct publish *p, const char *rel, struct hash want);

/* Take back a file publish_reuse put in, to write it anew after all. */
void	 publish_unreuse(struct publish *p, const char *rel);

/*
 * Put the new output in place. With full, whatever coopgen wrote before
 * and did not write now is deleted (a year gone from the content); else
 * (years named with --year) the top-level entries this build did not
 * write stay as they are, and on the list of what coopgen wrote.
 */
bool	 publish_commit(struct publish *p, bool full);

/* Release p. When the build was not committed, the staging folder is
 * removed and the output folder stays as it was (removed if this build
 * made it). */
void	 publish_end(struct publish *p);

/* The signal that interrupted the build, or 0. Writers call this between
 * files and give up when it is set. */
int	 publish_interrupted(void);

/* After publish_end: end the process by the signal that interrupted it,
 * so that the parent (a shell, make) sees the interruption. */
void	 publish_reraise(void);

#endif
