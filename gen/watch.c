#include <sys/inotify.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "watch.h"
#include "xalloc.h"

/* IN_MODIFY too: a file written slowly (a big copy, a program writing in
 * parts) keeps the settling time from ending before it is whole. */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | \
	IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | \
	IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR | IN_DONT_FOLLOW)

/* How deep folders are followed: a bound, not a limit anyone meets. */
#define WATCH_DEPTH 16

bool
watch_open(struct watch *w)
{
	memset(w, 0, sizeof(*w));
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0) {
		fprintf(stderr, "coopgen: cannot watch files (inotify): %s\n",
		    strerror(errno));
		return false;
	}
	return true;
}

static struct watched *
find(struct watch *w, int wd)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].wd == wd)
			return &w->v[i];
	return NULL;
}

static bool
add(struct watch *w, const char *path, int depth)
{
	int wd = inotify_add_watch(w->fd, path, WATCH_MASK);

	if (wd < 0)
		return false;
	struct watched *e = find(w, wd);
	if (e == NULL) {
		w->v = xgrow(w->v, &w->cap, w->n, sizeof(*w->v));
		e = &w->v[w->n++];
		e->wd = wd;
		e->path = NULL;
	}
	free(e->path);
	e->path = xstrdup(path);
	if (depth >= WATCH_DEPTH)
		return true;
	DIR *d = opendir(path);
	if (d == NULL)
		return true;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		/* Hidden folders (.git) are not content. */
		if (de->d_name[0] == '.' || (de->d_type != DT_DIR &&
		    de->d_type != DT_UNKNOWN))
			continue;
		char *sub = xmalloc(strlen(path) + strlen(de->d_name) + 2);
		sprintf(sub, "%s/%s", path, de->d_name);
		add(w, sub, depth + 1);	/* not a folder: refused, fine */
		free(sub);
	}
	closedir(d);
	return true;
}

bool
watch_tree(struct watch *w, const char *root)
{
	if (!add(w, root, 0)) {
		fprintf(stderr, "coopgen: %s: cannot watch the folder: %s\n",
		    root, strerror(errno));
		return false;
	}
	if (w->n_roots < sizeof(w->roots) / sizeof(*w->roots))
		w->roots[w->n_roots++] = root;
	return true;
}

static void
forget(struct watch *w, int wd)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].wd == wd) {
			free(w->v[i].path);
			w->v[i] = w->v[--w->n];
			return;
		}
}

/* Note path as open for writing, or no longer. */
static void
writing(struct watch *w, const char *path, bool open)
{
	for (size_t i = 0; i < w->n_open; i++)
		if (strcmp(w->open[i], path) == 0) {
			if (!open) {
				free(w->open[i]);
				w->open[i] = w->open[--w->n_open];
			}
			return;
		}
	if (open) {
		w->open = xgrow(w->open, &w->cap_open, w->n_open,
		    sizeof(*w->open));
		w->open[w->n_open++] = xstrdup(path);
	}
}

bool
watch_busy(const struct watch *w)
{
	return w->n_open > 0;
}

void
watch_settled(struct watch *w)
{
	for (size_t i = 0; i < w->n_open; i++)
		free(w->open[i]);
	w->n_open = 0;
}

static bool
is_root(const struct watch *w, const char *path)
{
	for (size_t i = 0; i < w->n_roots; i++)
		if (strcmp(w->roots[i], path) == 0)
			return true;
	return false;
}

/* Stop watching root and every folder under it. */
static void
drop_root(struct watch *w, const char *root)
{
	size_t n = strlen(root);
	char *copy = xstrdup(root);

	for (size_t i = w->n; i-- > 0; )
		if (strncmp(w->v[i].path, copy, n) == 0 &&
		    (w->v[i].path[n] == '\0' || w->v[i].path[n] == '/')) {
			inotify_rm_watch(w->fd, w->v[i].wd);
			free(w->v[i].path);
			w->v[i] = w->v[--w->n];
		}
	free(copy);
}

/* Note path as changed, last; or, moved away, as no change when it was
 * made since the last rebuild. */
static void
note(struct changes *ch, const char *path, bool moved_away)
{
	for (size_t i = 0; i < ch->n; i++)
		if (strcmp(ch->v[i], path) == 0) {
			char *p = ch->v[i];
			memmove(&ch->v[i], &ch->v[i + 1], (ch->n - i - 1) *
			    sizeof(*ch->v));
			ch->n--;
			if (moved_away) {
				free(p);
				return;
			}
			ch->v[ch->n++] = p;
			return;
		}
	ch->v = xgrow(ch->v, &ch->cap, ch->n, sizeof(*ch->v));
	ch->v[ch->n++] = xstrdup(path);
}

bool
watch_recover(struct watch *w, struct changes *ch)
{
	bool back = true;

	for (size_t i = 0; i < w->n_roots; i++) {
		bool watched = false;
		for (size_t j = 0; j < w->n && !watched; j++)
			watched = strcmp(w->v[j].path, w->roots[i]) == 0;
		if (watched)
			continue;
		if (add(w, w->roots[i], 0))
			note(ch, w->roots[i], false);
		else
			back = false;
	}
	if (back)
		w->lost = false;
	return back;
}

static bool
ignored(const char *name)
{
	size_t len = strlen(name);

	return name[0] == '.' || (len > 0 && name[len - 1] == '~');
}

void
changes_clear(struct changes *ch)
{
	for (size_t i = 0; i < ch->n; i++)
		free(ch->v[i]);
	free(ch->v);
	memset(ch, 0, sizeof(*ch));
}

bool
watch_read(struct watch *w, struct changes *ch, bool *overflow)
{
	bool counted = false;

	/* Aligned as inotify(7) asks. */
	char ev[8192] __attribute__((aligned(__alignof__(struct inotify_event))));

	for (;;) {
		ssize_t len = read(w->fd, ev, sizeof(ev));
		if (len < 0 && errno == EINTR)
			continue;
		if (len <= 0)
			break;
		for (char *p = ev; p < ev + len; ) {
			const struct inotify_event *e = (const void *)p;
			p += sizeof(*e) + e->len;
			if (e->mask & IN_Q_OVERFLOW) {
				*overflow = counted = true;
				continue;
			}
			if (e->mask & IN_IGNORED) {
				forget(w, e->wd);
				continue;
			}
			struct watched *dir = find(w, e->wd);
			if (dir == NULL)
				continue;
			/* A root moved away or deleted (a folder replaced by
			 * a copy, a checkout): its watches follow the old
			 * folder, so they go, and the root is watched again
			 * once its path holds a folder (watch_recover). */
			if ((e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) &&
			    is_root(w, dir->path)) {
				note(ch, dir->path, false);
				drop_root(w, dir->path);
				w->lost = counted = true;
				continue;
			}
			const char *name = e->len > 0 ? e->name : "";
			if (e->len > 0 && ignored(name))
				continue;
			char *path = xmalloc(strlen(dir->path) + strlen(name)
			    + 2);
			if (e->len > 0)
				sprintf(path, "%s/%s", dir->path, name);
			else
				strcpy(path, dir->path);
			/* A folder made or moved in: watch it and what it
			 * holds already (a copy lands before its watch). */
			if ((e->mask & IN_ISDIR) &&
			    (e->mask & (IN_CREATE | IN_MOVED_TO)))
				add(w, path, 1);
			/* A folder's own attributes say nothing. */
			if (!((e->mask & IN_ISDIR) && (e->mask & IN_ATTRIB))) {
				note(ch, path, (e->mask & IN_MOVED_FROM) != 0);
				counted = true;
			}
			/* A file made or changed stays half-written until it
			 * is closed: a rebuild waits for it (watch_busy). */
			if (!(e->mask & IN_ISDIR) && (e->mask & (IN_CREATE |
			    IN_MODIFY)))
				writing(w, path, true);
			else if (!(e->mask & IN_ISDIR) && (e->mask &
			    (IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM)))
				writing(w, path, false);
			free(path);
		}
	}
	/* Lost events may hide folders made meanwhile. */
	if (*overflow)
		for (size_t i = 0; i < w->n_roots; i++)
			add(w, w->roots[i], 0);
	return counted;
}

void
changes_take(struct changes *into, struct changes *from)
{
	for (size_t i = 0; i < from->n; i++)
		note(into, from->v[i], false);
	changes_clear(from);
}

void
watch_close(struct watch *w)
{
	watch_settled(w);
	free(w->open);
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].path);
	free(w->v);
	if (w->fd >= 0)
		close(w->fd);
	memset(w, 0, sizeof(*w));
	w->fd = -1;
}
