#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsx.h"
#include "utf8.h"
#include "xalloc.h"

struct fsx_root {
	char	*real;		/* the root's resolved path */
	dev_t	 dev;
	ino_t	 ino;
	const char *what;	/* "content", "templates" */
	bool	 shown_under;	/* messages show root/rel, not rel */
};

/* Why a path was refused, when the reason names a path: one per thread,
 * as fsx_kind may be called on several. */
static _Thread_local char why_text[PATH_MAX + 256];

bool
fsx_open(struct fsx *fs, const char *root, const char *what,
    struct diag *d)
{
	struct stat st;

	fs->root = root;
	fs->at = NULL;
	if (stat(root, &st) == -1) {
		diag_failure(d, root, "cannot open the %s folder: %s", what,
		    strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_failure(d, root, "cannot open the %s folder: not a folder",
		    what);
		return false;
	}
	char *real = realpath(root, NULL);
	if (real == NULL) {
		diag_failure(d, root, "cannot resolve the %s folder: %s", what,
		    strerror(errno));
		return false;
	}
	fs->at = xcalloc(1, sizeof(*fs->at));
	fs->at->real = real;
	fs->at->dev = st.st_dev;
	fs->at->ino = st.st_ino;
	fs->at->what = what;
	/* The content's paths are those of its records; any other folder's
	 * are shown where it is. */
	fs->at->shown_under = strcmp(what, "content") != 0;
	return true;
}

void
fsx_close(struct fsx *fs)
{
	if (fs->at != NULL)
		free(fs->at->real);
	free(fs->at);
	fs->at = NULL;
}

char *
fsx_path(const struct fsx *fs, const char *rel)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, fs->root);
	if (*rel != '\0') {
		buf_putc(&b, '/');
		buf_puts(&b, rel);
	}
	return buf_detach(&b);
}

/* rel as messages show it, in a heap string. */
static char *
shown(const struct fsx *fs, const char *rel)
{
	return fs->at->shown_under ? fsx_path(fs, rel) : xstrdup(*rel ?
	    rel : fs->root);
}

const char *
fsx_what(mode_t mode)
{
	if (S_ISREG(mode))
		return "a regular file";
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISLNK(mode))
		return "a symbolic link";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "not a file";
}

/* Open path as a file of the type want (S_IFREG, S_IFDIR), never
 * blocking, and check its type on the descriptor; a regular file's
 * O_NONBLOCK is cleared when blocking (for whoever reads it with stdio or
 * a library). */
static int
open_typed(int dirfd, const char *path, bool follow, mode_t want,
    bool blocking, struct stat *st)
{
	int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC |
	    (follow ? 0 : O_NOFOLLOW) | (want == S_IFDIR ? O_DIRECTORY : 0);
	int fd = openat(dirfd, path, flags);

	if (fd == -1)
		return -1;
	if (fstat(fd, st) == -1) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if ((st->st_mode & S_IFMT) != want) {
		close(fd);
		errno = S_ISDIR(st->st_mode) ? EISDIR : want == S_IFDIR ?
		    ENOTDIR : EINVAL;
		return -1;
	}
	/* A regular file never blocks: O_NONBLOCK changes nothing for it
	 * here, but whoever is handed the descriptor may not know that. */
	int fl = blocking ? fcntl(fd, F_GETFL) : 0;
	if (fl == -1 || (blocking &&
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1)) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int
fsx_open_regular(int dirfd, const char *path, bool follow, struct stat *st)
{
	/* A device is not even opened: opening some has effects (a tape
	 * rewinds, a modem line rises). The look by path decides nothing
	 * alone: the descriptor is checked again. */
	if (fstatat(dirfd, path, st, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISREG(st->st_mode)) {
		errno = S_ISDIR(st->st_mode) ? EISDIR : S_ISLNK(st->st_mode) ?
		    ELOOP : EINVAL;
		return -1;
	}
	return open_typed(dirfd, path, follow, S_IFREG, true, st);
}

DIR *
fsx_open_folder(int dirfd, const char *path, bool follow, struct stat *st)
{
	struct stat own;
	int fd = open_typed(dirfd, path, follow, S_IFDIR, false,
	    st ? st : &own);
	DIR *dir = fd == -1 ? NULL : fdopendir(fd);

	if (fd != -1 && dir == NULL) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return dir;
}

/* Whether the resolved path p lies inside the root. */
static bool
inside(const struct fsx *fs, const char *p)
{
	size_t n = strlen(fs->at->real);

	return strncmp(p, fs->at->real, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

/* Where a path of the tree leads. */
struct place {
	enum fsx_kind kind;
	const char *why;	/* when FSX_OTHER */
	bool	 looped;	/* a loop or a second path to a folder */
	bool	 linked;	/* a symbolic link was followed on the way */
	char	*real;		/* FSX_FILE, FSX_DIR: the resolved path */
	struct stat st;		/* FSX_FILE, FSX_DIR: what it is */
};

/* A folder on the way from the root, by device and inode (a folder met
 * twice on one path is a loop, whatever its names), and how much of the
 * path and of the resolved path reach it. */
struct step {
	dev_t	 dev;
	ino_t	 ino;
	size_t	 rel_len;
	size_t	 real_len;
};

struct way {
	struct step *steps;
	size_t	 n, cap;
};

static void
way_push(struct way *w, const struct stat *st, size_t rel_len,
    size_t real_len)
{
	w->steps = xgrow(w->steps, &w->cap, w->n, sizeof(*w->steps));
	w->steps[w->n++] = (struct step){ st->st_dev, st->st_ino, rel_len,
	    real_len };
}

/* The step of the way that is st's folder, or NULL. */
static const struct step *
way_find(const struct way *w, const struct stat *st)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->steps[i].dev == st->st_dev &&
		    w->steps[i].ino == st->st_ino)
			return &w->steps[i];
	return NULL;
}

/* Refused, for why (a static text, or why_text). */
static void
refuse(struct place *p, const char *why, bool looped)
{
	p->kind = FSX_OTHER;
	p->why = why;
	p->looped = looped;
}

/* The first n bytes of rel as messages show them, into why_text after
 * what is there already, in quotes. */
static void
why_name(const struct fsx *fs, const char *rel, size_t n)
{
	size_t used = strlen(why_text);
	char *name = xstrndup(rel, n);
	char *text = shown(fs, name);

	if (n == 0 && !fs->at->shown_under)
		snprintf(why_text + used, sizeof(why_text) - used, "the %s "
		    "folder", fs->at->what);
	else
		snprintf(why_text + used, sizeof(why_text) - used, "'%s'",
		    text);
	free(text);
	free(name);
}

/* Why the link at path cannot be resolved (ELOOP): its chain comes back
 * to a link it passed, or is longer than the system follows. */
static const char *
chain_why(const char *path)
{
	struct buf cur = BUF_INIT, next = BUF_INIT;
	struct stat seen[FSX_LINKS_MAX + 1], st;
	const char *why = "a symbolic link loop (the links lead to one "
	    "another, never to a file or folder)";

	buf_puts(&cur, path);
	for (size_t hops = 0; ; hops++) {
		if (lstat(buf_str(&cur), &st) == -1)
			break;	/* a loop on the way to the link itself */
		bool again = false;
		for (size_t i = 0; i < hops && !again; i++)
			again = seen[i].st_dev == st.st_dev &&
			    seen[i].st_ino == st.st_ino;
		if (again)
			break;
		if (!S_ISLNK(st.st_mode) || hops == FSX_LINKS_MAX) {
			why = "a chain of more than 40 symbolic links "
			    "(expected a link to the file itself)";
			break;
		}
		seen[hops] = st;
		char to[PATH_MAX];
		ssize_t k = readlink(buf_str(&cur), to, sizeof(to) - 1);
		if (k == -1)
			break;
		to[k] = '\0';
		buf_reset(&next);
		if (to[0] != '/') {
			const char *slash = strrchr(buf_str(&cur), '/');
			if (slash != NULL)
				buf_append(&next, buf_str(&cur),
				    (size_t)(slash - buf_str(&cur) + 1));
		}
		buf_puts(&next, to);
		struct buf t = cur;
		cur = next;
		next = t;
	}
	buf_free(&cur);
	buf_free(&next);
	return why;
}

/* Follow the link at the resolved path real (a part of rel): false, and p refused, unless it leads to a file inside the root, whose
 * resolved path then replaces real, and *st says what it is. */
static bool
follow_link(const struct fsx *fs, struct buf *real, const char *rel,
    const struct way *w, struct place *p, struct stat *st)
{
	char *target = realpath(buf_str(real), NULL);

	if (target == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			refuse(p, "a symbolic link to nothing", false);
		else if (errno == ELOOP)
			refuse(p, chain_why(buf_str(real)), true);
		else {
			snprintf(why_text, sizeof(why_text), "a symbolic link "
			    "that cannot be followed (%s)", strerror(errno));
			refuse(p, why_text, false);
		}
		return false;
	}
	bool ok = false;
	if (!inside(fs, target)) {
		snprintf(why_text, sizeof(why_text), "a symbolic link that "
		    "leads outside the %s folder", fs->at->what);
		refuse(p, why_text, false);
	} else if (stat(target, st) == -1) {
		snprintf(why_text, sizeof(why_text), "a symbolic link that "
		    "cannot be followed (%s)", strerror(errno));
		refuse(p, why_text, false);
	} else if (S_ISDIR(st->st_mode)) {
		/* Followed, a link to a folder is a second path to it: the
		 * folder would be read twice, or, if it holds the link, for
		 * ever; two such links in a folder make a walk exponential. */
		const struct step *back = way_find(w, st);
		if (back != NULL) {
			snprintf(why_text, sizeof(why_text), "a symbolic link "
			    "loop (it leads back to ");
			why_name(fs, rel, back->rel_len);
			strncat(why_text, ", a folder it is in)",
			    sizeof(why_text) - strlen(why_text) - 1);
		} else {
			size_t n = strlen(fs->at->real);
			snprintf(why_text, sizeof(why_text), "a symbolic link "
			    "to a folder, a second path to ");
			why_name(fs, target + n + 1, strlen(target + n + 1));
			strncat(why_text, " (expected the folder itself, or "
			    "links to its files)",
			    sizeof(why_text) - strlen(why_text) - 1);
		}
		refuse(p, why_text, true);
	} else {
		buf_reset(real);
		buf_puts(real, target);
		p->linked = true;
		ok = true;
	}
	free(target);
	return ok;
}

/* Resolve rel one part at a time from the root, as fsx.h says. The caller
 * frees p->real. */
static void
resolve(const struct fsx *fs, const char *rel, struct place *p)
{
	struct buf real = BUF_INIT;
	struct way w = { NULL, 0, 0 };
	struct stat st;
	const char *s = rel;

	memset(p, 0, sizeof(*p));
	p->kind = FSX_DIR;
	buf_puts(&real, fs->at->real);
	st = (struct stat){ .st_dev = fs->at->dev, .st_ino = fs->at->ino,
	    .st_mode = S_IFDIR };
	way_push(&w, &st, 0, real.len);
	while (p->kind == FSX_DIR) {
		while (*s == '/')
			s++;
		if (*s == '\0')
			break;
		size_t n = strcspn(s, "/");
		const char *part = s;
		s += n;
		if (n == 1 && part[0] == '.')
			continue;
		if (n == 2 && part[0] == '.' && part[1] == '.') {
			if (w.n == 1) {
				snprintf(why_text, sizeof(why_text), "a path "
				    "that leads outside the %s folder",
				    fs->at->what);
				refuse(p, why_text, false);
				break;
			}
			const struct step *up = &w.steps[--w.n - 1];
			real.len = up->real_len;
			real.data[real.len] = '\0';
			st = (struct stat){ .st_dev = up->dev,
			    .st_ino = up->ino, .st_mode = S_IFDIR };
			continue;
		}
		buf_putc(&real, '/');
		buf_append(&real, part, n);
		if (lstat(buf_str(&real), &st) == -1) {
			if (errno == ENOENT || errno == ENOTDIR) {
				p->kind = FSX_NONE;
			} else {
				snprintf(why_text, sizeof(why_text), "cannot "
				    "be looked at (%s)", strerror(errno));
				refuse(p, why_text, false);
			}
			break;
		}
		if (S_ISLNK(st.st_mode) && !follow_link(fs, &real, rel, &w, p,
		    &st))
			break;
		if (S_ISDIR(st.st_mode)) {
			const struct step *back = way_find(&w, &st);
			if (back != NULL) {
				/* No link on the way: a bind mount, or a
				 * file system that links folders. */
				snprintf(why_text, sizeof(why_text), "a folder "
				    "that is also ");
				why_name(fs, rel, back->rel_len);
				strncat(why_text, ", a folder it is in (a loop; "
				    "expected a plain folder)",
				    sizeof(why_text) - strlen(why_text) - 1);
				refuse(p, why_text, true);
				break;
			}
			way_push(&w, &st, (size_t)(s - rel), real.len);
			continue;
		}
		/* A file: the end of the path, or a folder that is not. */
		while (*s == '/')
			s++;
		if (*s != '\0')
			p->kind = FSX_NONE;
		else if (S_ISREG(st.st_mode))
			p->kind = FSX_FILE;
		else
			refuse(p, "not a regular file (a FIFO, device or "
			    "socket)", false);
	}
	if (p->kind == FSX_FILE || p->kind == FSX_DIR) {
		p->real = buf_detach(&real);
		p->st = st;
	}
	buf_free(&real);
	free(w.steps);
}

enum fsx_kind
fsx_kind(const struct fsx *fs, const char *rel, const char **why)
{
	struct place p;

	resolve(fs, rel, &p);
	free(p.real);
	*why = p.why;
	return p.kind;
}

bool
fsx_folder(const struct fsx *fs, const char *rel, struct diag *d)
{
	struct place p;

	resolve(fs, rel, &p);
	free(p.real);
	if (p.kind == FSX_FILE || (p.kind == FSX_OTHER && !p.looped)) {
		char *name = shown(fs, rel);
		diag_error(d, (struct pos){ name, 0, 0 }, "refused: %s",
		    p.kind == FSX_FILE ? "a file where a folder was expected" :
		    p.why);
		free(name);
	}
	return p.kind == FSX_DIR;
}

/* Read rel whole; as text (checked as fsx_read says) unless it was so
 * read before, by this build. */
static bool
read_file(const struct fsx *fs, const char *rel, char **text, size_t *len,
    bool again, struct stat *id, struct diag *d)
{
	struct place p;
	char *name = shown(fs, rel);
	struct pos at = { name, 0, 0 };
	bool ok = false;
	char *data = NULL;
	int fd = -1;

	*text = NULL;
	*len = 0;
	if (id != NULL)
		id->st_mode = 0;
	if (again) {
		p = (struct place){ .kind = FSX_FILE };
		p.real = fsx_path(fs, rel);
	} else {
		resolve(fs, rel, &p);
	}
	if (p.kind == FSX_NONE) {
		diag_error(d, at, "cannot read: no such file");
		goto out;
	}
	if (p.kind != FSX_FILE) {
		diag_error(d, at, "refused: %s", p.kind == FSX_DIR ?
		    "a folder where a file was expected" : p.why);
		goto out;
	}
	/* Resolved, the path has no link left but one that was put there
	 * since: refused, as is a file swapped for another. A reread follows
	 * the path as it was checked. */
	struct stat st;
	fd = open_typed(AT_FDCWD, p.real, again, S_IFREG, false, &st);
	if (fd == -1 || (!again && (st.st_dev != p.st.st_dev ||
	    st.st_ino != p.st.st_ino))) {
		diag_failure(d, name, "cannot read: %s", fd == -1 &&
		    errno != EISDIR && errno != EINVAL && errno != ELOOP ?
		    strerror(errno) : "no longer the regular file it was");
		goto out;
	}
	if (st.st_size > FSX_FILE_MAX) {
		diag_error(d, at, "file too large: %lld bytes (at most %ld MiB "
		    "per content file)", (long long)st.st_size,
		    FSX_FILE_MAX / 1024 / 1024);
		goto out;
	}
	size_t cap = (size_t)st.st_size, n = 0;
	data = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			/* The file grew while being read; read what it has,
			 * within the limit. */
			if (cap >= (size_t)FSX_FILE_MAX)
				break;
			cap = cap * 2 + 4096;
			data = xrealloc(data, cap + 1);
		}
		ssize_t r = read(fd, data + n, cap - n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			diag_failure(d, name, "cannot read: %s",
			    strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	data[n] = '\0';

	/* A byte-order mark says nothing in UTF-8; editors on Windows add it. */
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(data, data + 3, n - 3 + 1);
		n -= 3;
	}
	size_t bad = again ? n : utf8_invalid(data, n);
	if (bad != n) {
		struct pos b = at;
		utf8_linecol(data, bad, &b.line, &b.col);
		if (data[bad] == '\0')
			diag_error(d, b, "NUL byte in text (the file is binary "
			    "or damaged; expected UTF-8 text)");
		else
			diag_error(d, b, "invalid UTF-8 (byte 0x%02X; save "
			    "the file as UTF-8)", (unsigned char)data[bad]);
		goto out;
	}
	*text = data;
	*len = n;
	data = NULL;
	ok = true;
	/* What was read, by the descriptor it was read from: the file
	 * itself, not a link's target, which another path could change. */
	if (id != NULL && !again && !p.linked)
		*id = st;
out:
	if (fd != -1)
		close(fd);
	free(data);
	free(p.real);
	free(name);
	return ok;
}

bool
fsx_read(const struct fsx *fs, const char *rel, char **text, size_t *len,
    struct diag *d)
{
	return read_file(fs, rel, text, len, false, NULL, d);
}

bool
fsx_read_id(const struct fsx *fs, const char *rel, char **text, size_t *len,
    struct stat *id, struct diag *d)
{
	return read_file(fs, rel, text, len, false, id, d);
}

bool
fsx_reread(const struct fsx *fs, const char *rel, char **text, size_t *len,
    struct diag *d)
{
	return read_file(fs, rel, text, len, true, NULL, d);
}

int
fsx_folder_fd(const struct fsx *fs, const char *rel)
{
	struct place p;
	struct stat st;
	int fd = -1;

	resolve(fs, rel, &p);
	if (p.kind == FSX_DIR && !p.linked) {
		fd = open_typed(AT_FDCWD, p.real, false, S_IFDIR, false, &st);
		/* The folder resolved, not one put in its place since. */
		if (fd != -1 && (st.st_dev != p.st.st_dev ||
		    st.st_ino != p.st.st_ino)) {
			close(fd);
			fd = -1;
		}
	}
	free(p.real);
	return fd;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the entry e of folder rel is a loop or a second path to a
 * folder: reported, so that no walk goes in. */
static bool
looped(const struct fsx *fs, const char *rel, const struct dirent *e,
    struct diag *d)
{
	/* Only a link or a folder can be one; most entries are files, and
	 * the file system says so without a look. */
	if (e->d_type != DT_LNK && e->d_type != DT_DIR &&
	    e->d_type != DT_UNKNOWN)
		return false;
	struct buf child = BUF_INIT;
	struct place p;
	if (*rel != '\0')
		buf_printf(&child, "%s/", rel);
	buf_puts(&child, e->d_name);
	resolve(fs, buf_str(&child), &p);
	if (p.looped) {
		char *name = shown(fs, buf_str(&child));
		diag_error(d, (struct pos){ name, 0, 0 }, "refused: %s", p.why);
		free(name);
	}
	free(p.real);
	buf_free(&child);
	return p.looped;
}

size_t
fsx_list(const struct fsx *fs, const char *rel, char ***names, struct diag *d)
{
	struct place p;
	struct stat st;
	size_t n = 0, cap = 0;
	char **v = NULL;
	DIR *dir = NULL;
	char *name = shown(fs, rel);

	*names = NULL;
	resolve(fs, rel, &p);
	if (p.kind == FSX_OTHER)
		diag_error(d, (struct pos){ name, 0, 0 }, "refused: %s", p.why);
	else if (p.kind != FSX_DIR)
		diag_failure(d, name, "cannot list folder: %s", p.kind ==
		    FSX_NONE ? "no such folder" : "not a folder");
	else if ((dir = fsx_open_folder(AT_FDCWD, p.real, false, &st)) ==
	    NULL || st.st_dev != p.st.st_dev || st.st_ino != p.st.st_ino)
		diag_failure(d, name, "cannot list folder: %s", dir == NULL ?
		    strerror(errno) : "replaced while being read");
	else {
		struct dirent *e;
		while ((e = readdir(dir)) != NULL) {
			if (e->d_name[0] == '.' || looped(fs, rel, e, d))
				continue;
			v = xgrow(v, &cap, n, sizeof(*v));
			v[n++] = xstrdup(e->d_name);
		}
	}
	if (dir != NULL)
		closedir(dir);
	free(p.real);
	free(name);
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_names);
	*names = v;
	return n;
}

void
fsx_list_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
