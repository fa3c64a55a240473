/*
 * fsx: reading the content tree, and nothing outside it.
 *
 * Paths given to these functions are relative to the folder opened (the
 * content, or the templates); diagnostics show a content path as it is and
 * a templates path after the templates folder as given. Each path is
 * resolved one part at a time: a symbolic link is followed only to a file
 * inside the folder; a link to a folder is refused (it would be a second
 * path to that folder: read twice, or, leading back to a folder it is in,
 * a loop without end), as is a chain of more than FSX_LINKS_MAX links; a
 * folder met again on its own path (a bind mount) is a loop too. FIFOs,
 * devices and sockets are refused, and every file is opened without
 * blocking and checked on its descriptor, so that a stray entry, or one
 * swapped while coopgen runs, can neither hang a build nor pull in a file
 * from elsewhere. Every walk of the tree is therefore a walk of a plain
 * tree: bounded by its size.
 */
#ifndef COOPGEN_FSX_H
#define COOPGEN_FSX_H

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define FSX_FILE_MAX	(32L * 1024 * 1024)	/* bytes per content file */
#define FSX_LINKS_MAX	40	/* links in a chain: Linux's own limit */

enum fsx_kind {
	FSX_NONE,	/* does not exist */
	FSX_FILE,
	FSX_DIR,
	FSX_OTHER,	/* a FIFO, device, socket, or a link refused */
};

struct fsx_root;

struct fsx {
	const char *root;	/* as given */
	struct fsx_root *at;	/* its resolved path, device and inode */
};

/* Resolve root, the folder of what ("content", "templates"); false (and
 * reported) when it is not a readable folder. */
bool	 fsx_open(struct fsx *fs, const char *root, const char *what,
	    struct diag *d);
void	 fsx_close(struct fsx *fs);

/* What rel is; why, in *why, when it is FSX_OTHER (valid until this
 * thread's next call of an fsx function). */
enum fsx_kind fsx_kind(const struct fsx *fs, const char *rel, const char **why);

/* Whether rel is a folder to read. Nothing there is false, in silence (a
 * folder of the content may be left out); anything else is false and an
 * error: a file where a folder was expected, a FIFO, a link to nothing or
 * outside, but for a loop or a link to a folder, which the listing of the
 * folder that holds it reports (fsx_list). */
bool	 fsx_folder(const struct fsx *fs, const char *rel, struct diag *d);

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

/*
 * fsx_read, and *id what was read: the fstat of the descriptor the text
 * came from, when rel was reached without following a symbolic link; else
 * (or on failure) id->st_mode is 0. For a cache of what a file says,
 * keyed by its identity (cache.h): a link's target can change without
 * the link's own identity changing, so a file read through one has none.
 */
bool	 fsx_read_id(const struct fsx *fs, const char *rel, char **text,
	    size_t *len, struct stat *id, struct diag *d);

/* Folder rel of the tree, open (O_DIRECTORY, close-on-exec) for looking
 * at its entries with fstatat, when rel is a folder reached without a
 * link; else -1, with nothing reported (fsx_folder reports). The caller
 * closes it. */
int	 fsx_folder_fd(const struct fsx *fs, const char *rel);

/* The names in folder rel, sorted bytewise, hidden names (".x") left out.
 * A symbolic link loop, a link to a folder or a folder that contains
 * itself is reported here, as an error at its path, and left out: whoever
 * lists a folder, and whatever it does with the names, such an entry is
 * never walked into and never passed over in silence.
 * Returns the count; *names is a heap array of heap strings. */
size_t	 fsx_list(const struct fsx *fs, const char *rel, char ***names,
	    struct diag *d);
void	 fsx_list_free(char **names, size_t n);

/* The full path of rel under the root, in a heap string. */
char	*fsx_path(const struct fsx *fs, const char *rel);

/*
 * Opening without blocking, for any file coopgen reads or replaces (the
 * content, the templates, the output folder). Each opens path (relative to
 * dirfd, or AT_FDCWD) with O_NONBLOCK | O_CLOEXEC, and O_NOFOLLOW unless
 * follow, then fstats the descriptor and refuses anything else than what
 * was asked: opening a FIFO or a device this way never waits, and a file
 * swapped between a look by path and the open is caught on the descriptor.
 */

/* A regular file, for reading: its descriptor, O_NONBLOCK cleared, and
 * *st; or -1 with errno: ELOOP for a symbolic link (when !follow), EISDIR
 * for a folder, EINVAL for anything else (*st then says what: see
 * fsx_what), or open's own. */
int	 fsx_open_regular(int dirfd, const char *path, bool follow,
	    struct stat *st);
/* A folder, to list: the stream, and *st when st is not NULL; or NULL
 * with errno (ENOTDIR for anything not a folder, ELOOP for a link). */
DIR	*fsx_open_folder(int dirfd, const char *path, bool follow,
	    struct stat *st);
/* What a file of this mode is, for a message: "a folder", "a FIFO"... */
const char *fsx_what(mode_t mode);

#endif
