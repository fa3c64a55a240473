/*
 * watch: the folders a preview rebuilds from, watched with inotify.
 *
 * Folders are watched, not files: an editor that saves by writing a new
 * file and renaming it over the old one is seen like one that writes in
 * place. Every subfolder is watched, those made later too (a new year, a
 * folder moved in, a git checkout). When inotify's queue overflows, events
 * were lost: the caller rebuilds everything, and the folders are walked
 * again for watches that may be missing.
 */
#ifndef COOPGEN_WATCH_H
#define COOPGEN_WATCH_H

#include <stdbool.h>
#include <stddef.h>


struct watch {
	int	 fd;		/* inotify's, non-blocking; poll it */
	struct watched {
		int	 wd;
		char	*path;	/* the folder, as given or below it */
	} *v;
	size_t	 n, cap;
	const char *roots[2];
	size_t	 n_roots;
	bool	 lost;		/* a root went: watch_recover it */
	char	**open;		/* files made or changed, not closed yet */
	size_t	 n_open, cap_open;
};

/* Start watching nothing. False (reported on stderr) when inotify is not
 * available. */
bool	 watch_open(struct watch *w);

/* Watch root and every folder under it. False (reported) when root
 * cannot be watched. */
bool	 watch_tree(struct watch *w, const char *root);

/* The files changed since the last rebuild, each once, the last one
 * changed at the end. */
struct changes {
	char	**v;
	size_t	 n, cap;
};

/*
 * Read what is pending into ch; *overflow is set when events were lost.
 * A file made and renamed away in one go (an editor's or sed's temporary
 * file, saved over the real one) is no change of its own. Names starting
 * with '.' or ending with '~' (hidden files, backups) do not count. True
 * when something counted came (a change, an overflow, a root gone): the
 * quiet a rebuild waits for starts again.
 */
bool	 watch_read(struct watch *w, struct changes *ch, bool *overflow);

/* Watch again each root that went (moved away or deleted) once its path
 * holds a folder again, noting it in ch as changed; true when every root
 * is watched. */
bool	 watch_recover(struct watch *w, struct changes *ch);

/* Whether a file made or changed has not been closed since: a program
 * is still writing it, and a rebuild now would read half of it. */
bool	 watch_busy(const struct watch *w);

/* Forget the files open for writing (a rebuild waited long enough). */
void	 watch_settled(struct watch *w);

/* Forget the changes, after a rebuild. */
void	 changes_clear(struct changes *ch);

/* Add the changes of from to into, as if they came after those of into
 * (a path in both moves to the end), and clear from. */
void	 changes_take(struct changes *into, struct changes *from);

void	 watch_close(struct watch *w);

#endif
