/*
 * fsx: reading the content tree, and nothing outside it.
 *
 * Paths given to these functions are relative to the content folder and are
 * the paths diagnostics show. A symbolic link is followed only when it
 * leads to a place inside the content folder; FIFOs, devices and sockets
 * are refused, so that a stray entry can neither hang a build nor pull in a
 * file from elsewhere.
 */
#ifndef COOPGEN_FSX_H
#define COOPGEN_FSX_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define FSX_FILE_MAX	(32L * 1024 * 1024)	/* bytes per content file */

enum fsx_kind {
	FSX_NONE,	/* does not exist */
	FSX_FILE,
	FSX_DIR,
	FSX_OTHER,	/* a FIFO, device, socket, or a link leaving the tree */
};

struct fsx {
	const char *root;	/* as given */
	char	*real;		/* its resolved path */
};

/* Resolve root, the folder of what ("content", "templates"); false (and
 * reported) when it is not a readable folder. */
bool	 fsx_open(struct fsx *fs, const char *root, const char *what,
	    struct diag *d);
void	 fsx_close(struct fsx *fs);

/* What rel is; why, in *why, when it is FSX_OTHER. */
enum fsx_kind fsx_kind(const struct fsx *fs, const char *rel, const char **why);

/*
 * Read the file rel whole, as UTF-8 text. A byte-order mark is dropped;
 * *text is NUL-terminated. False (and reported) when the file cannot be
 * read, is not a regular file inside the tree, is too large, or is not
 * valid UTF-8 (reported at the line and column of the first bad byte).
 */
bool	 fsx_read(const struct fsx *fs, const char *rel, char **text,
	    size_t *len, struct diag *d);

/* Read again a file fsx_read took earlier in the run: its kind and its
 * text are not checked again (half the reading time of a big year's
 * pages). Bytes that changed meanwhile reach only cmark, which replaces
 * what is not UTF-8. */
bool	 fsx_reread(const struct fsx *fs, const char *rel, char **text,
	    size_t *len, struct diag *d);

/* The names in folder rel, sorted bytewise, hidden names (".x") left out.
 * Returns the count; *names is a heap array of heap strings. */
size_t	 fsx_list(const struct fsx *fs, const char *rel, char ***names,
	    struct diag *d);
void	 fsx_list_free(char **names, size_t n);

/* The full path of rel under the root, in a heap string. */
char	*fsx_path(const struct fsx *fs, const char *rel);

#endif
