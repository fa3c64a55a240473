#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsx.h"
#include "hash.h"
#include "publish.h"
#include "xalloc.h"

/* The first line of the marker's list; a marker without it was written by
 * an older coopgen, which replaced the whole folder with each build. */
static const char marker_header[] = "coopgen output 1\n";
static const char marker_note[] = "# What coopgen wrote into this folder, "
    "one file a line, with its size.\n# A build replaces or deletes these "
    "files and nothing else.\n";
static const char legacy_note[] = "This folder is written by coopgen";
#define STAGING_PREFIX ".coopgen-new-"
/* Files of the staging folder that are not part of the output: the marker
 * that lists both the old and the new files, put in place first, and the
 * old marker, put back when the new output could not be. */
#define MARKER_BOTH ".coopgen-both"
#define MARKER_RESTORE ".coopgen-restore"
#define MARKER_MAX (256u << 20)

/* The one piece of global state beyond the command line: a signal handler
 * can only talk to the program through a flag. */
static volatile sig_atomic_t caught;

static void
on_signal(int sig)
{
	caught = sig;
}

static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

int
publish_interrupted(void)
{
	return caught;
}

void
publish_reraise(void)
{
	int sig = caught;

	if (sig == 0)
		return;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
block_signals(bool block)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(signals) / sizeof(*signals); i++)
		sigaddset(&set, signals[i]);
	sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* Whether rel is a safe relative path: no absolute path, no "." or ".."
 * part, no empty part, no backslash, no control character (the marker
 * lists one path a line). */
static bool
safe_rel(const char *rel)
{
	if (rel[0] == '\0' || rel[0] == '/' || strchr(rel, '\\') != NULL)
		return false;
	for (const char *s = rel; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	for (const char *s = rel; *s; ) {
		size_t n = strcspn(s, "/");
		if (n == 0 || (n == 1 && s[0] == '.') ||
		    (n == 2 && s[0] == '.' && s[1] == '.'))
			return false;
		s += n;
		if (*s == '/' && *++s == '\0')
			return false;
	}
	return true;
}

/* ---- Where the output folder may be ---- */

/* path made absolute, with every part that exists resolved (links, "..");
 * the parts that do not exist yet are appended as they are. */
static char *
resolve(const char *path)
{
	char *whole = realpath(path, NULL);

	if (whole != NULL)
		return whole;
	char *copy = xstrdup(path);
	size_t n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	char *slash = strrchr(copy, '/');
	struct buf b = BUF_INIT;
	if (slash == NULL) {
		char *here = realpath(".", NULL);
		buf_printf(&b, "%s/%s", here != NULL ? here : ".", copy);
		free(here);
	} else {
		*slash = '\0';
		char *parent = resolve(slash == copy ? "/" : copy);
		buf_printf(&b, "%s/%s", strcmp(parent, "/") == 0 ? "" : parent,
		    slash + 1);
		free(parent);
	}
	free(copy);
	return buf_detach(&b);
}

/* Whether the folder a is b or lies inside it. */
static bool
within(const char *a, const char *b)
{
	size_t n = strlen(b);

	if (strcmp(b, "/") == 0)
		return true;
	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/');
}

/* Whether the folder at path a (made absolute) is the folder b or lies
 * inside it, by device and inode: a folder mounted in two places (a bind
 * mount) has one identity and two paths. */
static bool
under(const char *a, const struct stat *b)
{
	char *p = xstrdup(a);
	struct stat st;
	bool found = false;

	for (;;) {
		if (stat(p, &st) == 0 && st.st_dev == b->st_dev &&
		    st.st_ino == b->st_ino) {
			found = true;
			break;
		}
		char *slash = strrchr(p, '/');
		if (slash == NULL || (slash == p && p[1] == '\0'))
			break;
		slash[slash == p] = '\0';
	}
	free(p);
	return found;
}

bool
publish_apart(const char *out, const char *dir, const char *what)
{
	char *o = resolve(out), *c = resolve(dir);
	const char *how = NULL;
	struct stat so, sc;
	bool o_is = stat(o, &so) == 0, c_is = stat(c, &sc) == 0;

	if (strcmp(o, c) == 0 || (o_is && c_is && so.st_dev == sc.st_dev &&
	    so.st_ino == sc.st_ino))
		how = "is the same folder as";
	else if (within(c, o) || (o_is && under(c, &so)))
		how = "holds";
	else if (within(o, c) || (c_is && under(o, &sc)))
		how = "lies inside";
	if (how != NULL)
		fprintf(stderr, "coopgen: the output folder %s (--out) %s %s "
		    "(%s): a build would replace what it reads (expected an "
		    "output folder apart from the content and the templates)\n",
		    out, how, dir, what);
	free(o);
	free(c);
	return how == NULL;
}

/* ---- Entries of a folder, by descriptor, never following a link ---- */

static int
open_dir_at(int dirfd, const char *name)
{
	return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
}

struct entry {
	char	*name;
	unsigned char type;	/* DT_REG, DT_DIR, ... or DT_UNKNOWN */
};

static int
cmp_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
	    ((const struct entry *)b)->name);
}

/* The entries of folder dirfd, sorted by name; false when it cannot be
 * read. */
static bool
list_at(int dirfd, struct entry **v, size_t *n)
{
	int fd = dup(dirfd);
	DIR *dir = fd == -1 ? NULL : fdopendir(fd);
	struct dirent *e;
	size_t cap = 0;

	*v = NULL;
	*n = 0;
	if (dir == NULL) {
		if (fd != -1)
			close(fd);
		return false;
	}
	rewinddir(dir);
	while ((e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		*v = xgrow(*v, &cap, *n, sizeof(**v));
		(*v)[(*n)++] = (struct entry){ xstrdup(e->d_name), e->d_type };
	}
	closedir(dir);
	if (*n > 1)
		qsort(*v, *n, sizeof(**v), cmp_entries);
	return true;
}

static void
entries_free(struct entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static bool
has_entry(const struct entry *v, size_t n, const char *name)
{
	struct entry key = { (char *)name, 0 };

	return n > 0 && bsearch(&key, v, n, sizeof(*v), cmp_entries) != NULL;
}

/* The kind of entry e of dirfd, as S_IF*: from the folder when it says,
 * else from lstat; 0 when it is gone. */
static mode_t
kind_at(int dirfd, const struct entry *e)
{
	struct stat st;

	switch (e->type) {
	case DT_REG:
		return S_IFREG;
	case DT_DIR:
		return S_IFDIR;
	case DT_UNKNOWN:
		break;
	default:
		if (e->type != DT_UNKNOWN)
			return S_IFIFO;	/* a link, a FIFO, a device: other */
	}
	if (fstatat(dirfd, e->name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return 0;
	return st.st_mode & S_IFMT;
}

/* Remove entry name of dirfd (rel: its path, for a message) and all
 * below it, following no link. A folder of the user's own that is read-
 * only is made writable first: what it held was coopgen's. The number of
 * entries that could not be removed; the first one, and why, in *why. */
static unsigned
remove_all(int dirfd, const char *name, const char *rel, struct buf *why)
{
	unsigned left = 0;
	int fd = open_dir_at(dirfd, name);
	struct stat st;

	if (fd != -1) {
		if (fstat(fd, &st) == 0 && st.st_uid == geteuid() &&
		    (st.st_mode & S_IRWXU) != S_IRWXU)
			fchmod(fd, (st.st_mode & 07777) | S_IRWXU);
		struct entry *v;
		size_t n;
		if (list_at(fd, &v, &n)) {
			for (size_t i = 0; i < n; i++) {
				/* Most entries are files (a year's pages):
				 * unlinked at once, not tried as a folder
				 * first. */
				if (v[i].type != DT_DIR && v[i].type !=
				    DT_UNKNOWN && unlinkat(fd, v[i].name,
				    0) == 0)
					continue;
				struct buf r = BUF_INIT;
				buf_printf(&r, "%s/%s", rel, v[i].name);
				left += remove_all(fd, v[i].name, buf_str(&r),
				    why);
				buf_free(&r);
			}
			entries_free(v, n);
		}
		close(fd);
		if (unlinkat(dirfd, name, AT_REMOVEDIR) == -1) {
			if (left == 0 && why->len == 0)
				buf_printf(why, "%s: %s", rel, strerror(errno));
			left++;
		}
	} else if (unlinkat(dirfd, name, 0) == -1 && errno != ENOENT) {
		if (why->len == 0)
			buf_printf(why, "%s: %s", rel, strerror(errno));
		left++;
	}
	return left;
}

/* Remove the staging folder name of the output folder, or say what of it
 * stays, and why. */
static void
remove_staging(struct publish *p, const char *name, const char *what)
{
	struct buf why = BUF_INIT;

	if (remove_all(p->outfd, name, name, &why) > 0)
		diag_warning(p->d, (struct pos){ p->out, 0, 0 }, "cannot "
		    "remove all of %s, %s: %s (the next build removes it)",
		    name, what, buf_str(&why));
	buf_free(&why);
}

/* ---- What coopgen wrote before ---- */

static int
cmp_owned(const void *a, const void *b)
{
	return strcmp(((const struct owned *)a)->rel,
	    ((const struct owned *)b)->rel);
}

/* The entry for rel of the n of v (sorted), or NULL. */
static const struct owned *
find_owned(const struct owned *v, size_t n, const char *rel)
{
	struct owned key = { .rel = (char *)rel };

	return n == 0 ? NULL : bsearch(&key, v, n, sizeof(*v), cmp_owned);
}

/* Whether rel is a file coopgen wrote. A marker of an older coopgen lists
 * nothing: then only a file at a path this build writes is taken for one
 * (what else is there may be anyone's). */
static bool
is_owned(const struct publish *p, const char *rel)
{
	if (p->legacy)
		return find_owned(p->new_v, p->n_new, rel) != NULL;
	return find_owned(p->owned, p->n_owned, rel) != NULL;
}

/* Whether file name of dirfd (rel in the output) is one coopgen wrote, as
 * it left it: of the size the marker says (one changed since, someone
 * else's now, is not swapped away with its folder). */
static bool
as_left(const struct publish *p, int dirfd, const char *name, const char *rel)
{
	struct stat st;

	if (p->legacy)
		return is_owned(p, rel);
	const struct owned *o = find_owned(p->owned, p->n_owned, rel);
	return o != NULL && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) ==
	    0 && S_ISREG(st.st_mode) && st.st_size == o->size;
}

/* Read what fd holds, a regular file, whole (at most max bytes) into
 * *text, NUL-terminated; fd is closed. */
static bool
read_fd(int fd, char **text, size_t *len, size_t max)
{
	struct stat st;
	struct buf b = BUF_INIT;
	char chunk[65536];
	bool ok = fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size <= max;

	while (ok) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			ok = n == 0;
			break;
		}
		buf_append(&b, chunk, (size_t)n);
		ok = b.len <= max;
	}
	if (fd != -1)
		close(fd);
	if (!ok) {
		buf_free(&b);
		return false;
	}
	*len = b.len;
	*text = buf_detach(&b);
	return true;
}

/* Read file name of dirfd, a regular file reached without following a
 * link and without blocking on a FIFO. */
static bool
read_at(int dirfd, const char *name, char **text, size_t *len, size_t max)
{
	return read_fd(openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC), text, len, max);
}

/* The marker of the old output: whether there is one, and what it lists. */
static bool
read_marker(struct publish *p)
{
	char *text;
	size_t len, cap = 0;

	if (!read_at(p->outfd, PUBLISH_MARKER, &text, &len, MARKER_MAX))
		return false;
	/* Kept, to be put back should the new output not be put in place. */
	p->old_marker = xstrndup(text, len);
	p->old_marker_len = len;
	if (strncmp(text, marker_header, sizeof(marker_header) - 1) != 0) {
		/* An older coopgen's note: all it held was coopgen's. Anything
		 * else (an empty file made by hand) lists nothing. */
		p->legacy = strncmp(text, legacy_note, strlen(legacy_note)) == 0;
		free(text);
		return true;
	}
	for (char *s = text + sizeof(marker_header) - 1, *e; *s; s = e) {
		e = s + strcspn(s, "\n");
		if (*e == '\n')
			*e++ = '\0';
		/* "SIZE PATH"; a list edited by hand cannot name anything
		 * outside. */
		struct owned o;
		int at = 0;
		if (*s == '#' || sscanf(s, "%lld %n", &o.size, &at) != 1 ||
		    at == 0 || !safe_rel(s + at))
			continue;
		o.rel = xstrdup(s + at);
		p->owned = xgrow(p->owned, &cap, p->n_owned,
		    sizeof(*p->owned));
		p->owned[p->n_owned++] = o;
	}
	free(text);
	if (p->n_owned > 1)
		qsort(p->owned, p->n_owned, sizeof(*p->owned), cmp_owned);
	return true;
}

/* Remove what an interrupted build left behind (its staging folder). */
static void
remove_leftovers(struct publish *p)
{
	struct entry *v;
	size_t n;

	if (!list_at(p->outfd, &v, &n))
		return;
	for (size_t i = 0; i < n; i++) {
		/* Only a folder named as mkdtemp names ours. */
		const char *x = v[i].name + sizeof(STAGING_PREFIX) - 1;
		if (strncmp(v[i].name, STAGING_PREFIX,
		    sizeof(STAGING_PREFIX) - 1) != 0 || strlen(x) != 6 ||
		    strspn(x, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
		    "wxyz0123456789") != 6 || kind_at(p->outfd, &v[i]) !=
		    S_IFDIR)
			continue;
		remove_staging(p, v[i].name, "left by an earlier build");
	}
	entries_free(v, n);
}

/* Make the output folder and the folders above it that are missing
 * (--out build/site where build/ is not there yet), noting how many it
 * made, so that a build that fails takes them away again. */
static bool
make_folders(struct publish *p)
{
	char *path = xstrdup(p->out);
	bool ok = true;

	for (char *s = path + 1; ok && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(path, 0777) == 0)
			p->made_parents++;
		else if (errno != EEXIST)
			ok = false;
		*s = '/';
	}
	ok = ok && mkdir(path, 0777) == 0;
	free(path);
	return ok;
}

/*
 * Whether a folder that coopgen did not write may take its first build: it
 * is empty, or holds only what a web site's folder holds beside its pages
 * (a git checkout's .git, hidden files such as .htaccess or .nojekyll,
 * CNAME, robots.txt, a README): an office publishing from a GitHub Pages
 * checkout. Anything else may be someone's documents, mistyped as --out.
 */
static bool
only_site_files(const struct entry *v, size_t n)
{
	static const char *const site[] = { "CNAME", "robots.txt",
	    "favicon.ico", "humans.txt", "README", "README.md", "README.txt",
	    "LICENSE", "LICENSE.md", "LICENSE.txt", NULL };

	for (size_t i = 0; i < n; i++) {
		bool known = v[i].name[0] == '.';
		for (size_t k = 0; !known && site[k] != NULL; k++)
			known = strcmp(v[i].name, site[k]) == 0;
		if (!known)
			return false;
	}
	return true;
}

bool
publish_begin(struct publish *p, const char *out, struct diag *d)
{
	struct stat st;

	memset(p, 0, sizeof(*p));
	p->d = d;
	p->outfd = -1;
	p->out = xstrdup(out);
	/* "out/" and "out" are one folder. */
	for (size_t n = strlen(p->out); n > 1 && p->out[n - 1] == '/'; n--)
		p->out[n - 1] = '\0';
	/* The folder named is followed if it is a link: the user named it. */
	if (stat(p->out, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			diag_failure(d, p->out, "cannot build here: it exists "
			    "and is not a folder");
			return false;
		}
	} else if (errno != ENOENT) {
		diag_failure(d, p->out, "cannot use as the output folder: %s",
		    strerror(errno));
		return false;
	} else if (make_folders(p)) {
		p->made_out = true;
	} else {
		diag_failure(d, p->out, "cannot make the output folder: %s",
		    strerror(errno));
		return false;
	}
	p->outfd = open(p->out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (p->outfd == -1) {
		diag_failure(d, p->out, "cannot open the output folder: %s",
		    strerror(errno));
		return false;
	}
	/* One build at a time: a second one would take the first one's
	 * files for its own. */
	if (flock(p->outfd, LOCK_EX | LOCK_NB) == -1) {
		diag_failure(d, p->out, "another coopgen is building into this "
		    "folder now (expected one build at a time: run this one "
		    "again when it has finished)");
		return false;
	}
	p->umask = umask(0);
	umask(p->umask);
	p->had_out = read_marker(p);
	if (!p->had_out && !p->made_out) {
		struct entry *v;
		size_t n;
		bool ready = list_at(p->outfd, &v, &n) && only_site_files(v, n);
		entries_free(v, n);
		if (!ready) {
			diag_failure(d, p->out, "refusing to write into this "
			    "folder: it was not written by coopgen (no %s file "
			    "in it); choose another --out, empty it, or make "
			    "an empty %s file in it to have coopgen write its "
			    "files beside what it holds", PUBLISH_MARKER,
			    PUBLISH_MARKER);
			return false;
		}
	}
	remove_leftovers(p);

	struct buf b = BUF_INIT;
	buf_printf(&b, "%s/" STAGING_PREFIX "XXXXXX", p->out);
	p->tmp = buf_detach(&b);

	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(*signals); i++)
		sigaction(signals[i], &sa, NULL);

	if (mkdtemp(p->tmp) == NULL) {
		diag_failure(d, p->out, "cannot make a staging folder in it: "
		    "%s", strerror(errno));
		free(p->tmp);
		p->tmp = NULL;
		return false;
	}
	/* A file made in the staging folder gets its group (the user's, or
	 * the output folder's when that is set-group-ID). */
	if (stat(p->tmp, &st) == -1) {
		diag_failure(d, p->tmp, "cannot read: %s", strerror(errno));
		return false;
	}
	p->gid = st.st_gid;
	return true;
}

/* ---- Writing into the staging folder ---- */

/* Make the parent folders of rel inside the staging folder. */
static bool
make_parents(struct publish *p, const char *rel)
{
	char *path = xmalloc(strlen(p->tmp) + strlen(rel) + 2);

	sprintf(path, "%s/%s", p->tmp, rel);
	for (char *s = path + strlen(p->tmp) + 1; (s = strchr(s, '/')) != NULL;
	    s++) {
		*s = '\0';
		if (mkdir(path, 0777) == -1 && errno != EEXIST) {
			diag_failure(p->d, p->out, "cannot make folder %s: %s",
			    path + strlen(p->tmp) + 1, strerror(errno));
			free(path);
			return false;
		}
		*s = '/';
	}
	free(path);
	return true;
}

static bool
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* The path on disk of rel, checked; NULL (reported) when it is not a
 * plain relative path. */
static char *
checked_path(struct publish *p, const char *rel)
{
	if (caught)
		return NULL;
	if (!safe_rel(rel)) {
		diag_failure(p->d, p->out, "refusing to write '%s': not a "
		    "plain path inside the output folder", rel);
		return NULL;
	}
	char *path = xmalloc(strlen(p->tmp) + strlen(rel) + 2);
	sprintf(path, "%s/%s", p->tmp, rel);
	return path;
}

char *
publish_path(struct publish *p, const char *rel)
{
	char *path = checked_path(p, rel);

	if (path != NULL && !make_parents(p, rel)) {
		free(path);
		return NULL;
	}
	if (path != NULL)
		p->files++;	/* as good as written: the caller writes it */
	return path;
}

/* Open rel for writing after checking it; -1 (reported) on failure. */
static int
open_out(struct publish *p, const char *rel)
{
	char *path = checked_path(p, rel);

	if (path == NULL)
		return -1;
	/* Most files go into a folder that exists already: make the folders
	 * only when the open says they are missing (a mkdir per part of the
	 * path per file would be most of the system calls of a build). */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd == -1 && errno == ENOENT && make_parents(p, rel))
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd == -1)
		diag_failure(p->d, p->out, "cannot write %s: %s", rel,
		    strerror(errno));
	else
		p->files++;
	free(path);
	return fd;
}

static bool
close_out(struct publish *p, int fd, const char *rel, bool ok)
{
	if (!ok)
		diag_failure(p->d, p->out, "cannot write %s: %s", rel,
		    strerror(errno));
	if (close(fd) == -1 && ok) {
		diag_failure(p->d, p->out, "cannot write %s: %s", rel,
		    strerror(errno));
		ok = false;
	}
	return ok;
}

bool
publish_write(struct publish *p, const char *rel, const void *data,
    size_t len)
{
	int fd = open_out(p, rel);

	if (fd == -1)
		return false;
	return close_out(p, fd, rel, write_all(fd, data, len));
}

/* Copy what is left to read from in to fd. False on a failure, with
 * errno set and *reading saying which side failed. */
static bool
copy_fd(int in, int fd, bool *reading)
{
	char chunk[65536];

	for (;;) {
		ssize_t n = read(in, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		*reading = n == -1;
		if (n <= 0)
			return n == 0;
		if (!write_all(fd, chunk, (size_t)n))
			return false;
	}
}

bool
publish_copy(struct publish *p, const char *rel, const char *src)
{
	/* Checked for its kind before a read could block on it: a file
	 * swapped for a FIFO since the content was read. A link was checked
	 * with the content: it is followed. */
	struct stat st;
	int in = fsx_open_regular(AT_FDCWD, src, true, &st);

	if (in == -1) {
		diag_failure(p->d, src, "cannot read: %s", errno == EINVAL ||
		    errno == EISDIR ? "no longer a regular file" :
		    strerror(errno));
		return false;
	}
	int fd = open_out(p, rel);
	if (fd == -1) {
		close(in);
		return false;
	}
	bool reading, ok = copy_fd(in, fd, &reading);

	if (!ok && reading) {
		diag_failure(p->d, src, "cannot read: %s", strerror(errno));
		close(in);
		close(fd);
		return false;
	}
	close(in);
	return close_out(p, fd, rel, ok);
}

/* ---- Taking files over from the previous output ---- */

#ifndef RESOLVE_BENEATH
#define RESOLVE_NO_SYMLINKS	0x04
#define RESOLVE_BENEATH		0x08
#endif

/* Open file rel of the previous output for reading, following no link
 * and blocking on nothing; -1 when it cannot be. */
static int
open_old(struct publish *p, const char *rel)
{
	if (!p->had_out || !safe_rel(rel))
		return -1;
#ifdef SYS_openat2
	struct {
		uint64_t flags, mode, resolve;
	} how = { O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0,
	    RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH };
	int fd = (int)syscall(SYS_openat2, p->outfd, rel, &how, sizeof(how));
	if (fd != -1 || (errno != ENOSYS && errno != EPERM))
		return fd;
#endif
	/* Without openat2: one folder at a time. */
	int dir = dup(p->outfd), fd2 = -1;
	char *copy = xstrdup(rel), *s = copy;
	for (char *slash; dir != -1 && (slash = strchr(s, '/')) != NULL;
	    s = slash + 1) {
		*slash = '\0';
		int next = open_dir_at(dir, s);
		close(dir);
		dir = next;
	}
	if (dir != -1) {
		fd2 = openat(dir, s, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
		close(dir);
	}
	free(copy);
	return fd2;
}

bool
publish_read_old(struct publish *p, const char *rel, char **text,
    size_t *len, size_t max)
{
	return read_fd(open_old(p, rel), text, len, max);
}

/* Whether a file of the old output has the owner and mode a file written
 * now would get, so that taking it over changes nothing a reader sees. */
static bool
as_if_new(const struct publish *p, const struct stat *st)
{
	return st->st_uid == geteuid() && st->st_gid == p->gid &&
	    (st->st_mode & 07777) == (0666 & ~p->umask);
}

bool
publish_reuse(struct publish *p, const char *rel, struct hash want)
{
	if (caught)
		return false;
	int fd = open_old(p, rel);
	struct stat st, linked;
	bool ok = fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    as_if_new(p, &st);
	struct hasher h;
	hash_init(&h);
	/* Its bytes, as they are now: the file may have been edited, or
	 * replaced by something else, since the build that wrote it. */
	ok = ok && hash_fd(&h, fd) && hash_equal(hash_final(&h), want);
	struct buf from = BUF_INIT, to = BUF_INIT;
	if (ok) {
		/* The very file read, by its descriptor, not by a path that
		 * could lead elsewhere meanwhile. */
		buf_printf(&from, "/proc/self/fd/%d", fd);
		buf_printf(&to, "%s/%s", p->tmp, rel);
		int r = linkat(AT_FDCWD, buf_str(&from), AT_FDCWD, buf_str(&to),
		    AT_SYMLINK_FOLLOW);
		if (r == -1 && errno == ENOENT && make_parents(p, rel))
			r = linkat(AT_FDCWD, buf_str(&from), AT_FDCWD,
			    buf_str(&to), AT_SYMLINK_FOLLOW);
		ok = r == 0 && lstat(buf_str(&to), &linked) == 0;
		if (ok && (linked.st_ino != st.st_ino ||
		    linked.st_dev != st.st_dev)) {
			unlink(buf_str(&to));
			ok = false;
		}
	}
	if (fd != -1)
		close(fd);
	if (ok) {
		p->files++;
		p->reused++;
	}
	buf_free(&from);
	buf_free(&to);
	return ok;
}

void
publish_unreuse(struct publish *p, const char *rel)
{
	struct buf to = BUF_INIT;

	buf_printf(&to, "%s/%s", p->tmp, rel);
	if (unlink(buf_str(&to)) == 0) {
		p->files--;
		p->reused--;
	}
	buf_free(&to);
}

/* ---- Putting the new output in place ---- */

/* The files of the staging folder dirfd (rel inside it), with their
 * sizes, into l. */
static void
list_files(int dirfd, const char *rel, struct owned **l, size_t *n,
    size_t *cap)
{
	struct entry *v;
	size_t k;

	if (!list_at(dirfd, &v, &k))
		return;
	for (size_t i = 0; i < k; i++) {
		struct buf r = BUF_INIT;
		struct stat st;
		buf_printf(&r, "%s%s%s", rel, *rel ? "/" : "", v[i].name);
		if (fstatat(dirfd, v[i].name, &st, AT_SYMLINK_NOFOLLOW) == -1)
			st.st_mode = 0;
		if (S_ISDIR(st.st_mode)) {
			int fd = open_dir_at(dirfd, v[i].name);
			if (fd != -1) {
				list_files(fd, buf_str(&r), l, n, cap);
				close(fd);
			}
		} else if (S_ISREG(st.st_mode)) {
			*l = xgrow(*l, cap, *n, sizeof(**l));
			(*l)[(*n)++] = (struct owned){ buf_detach(&r),
			    (long long)st.st_size };
		}
		buf_free(&r);
	}
	entries_free(v, k);
}

/* What coopgen will have written once the new output is in place: what
 * this build wrote and, with full unset, what the old marker lists outside
 * the top-level entries it wrote. Sorted. */
static void
new_list(struct publish *p, int tmpfd, bool full, struct owned **lp,
    size_t *np)
{
	struct owned *l = NULL;
	size_t n = 0, cap = 0;
	struct entry *top;
	size_t ntop;

	list_files(tmpfd, "", &l, &n, &cap);
	if (!full && list_at(tmpfd, &top, &ntop)) {
		for (size_t i = 0; i < p->n_owned; i++) {
			const struct owned *o = &p->owned[i];
			char *first = xstrndup(o->rel, strcspn(o->rel, "/"));
			if (!has_entry(top, ntop, first)) {
				l = xgrow(l, &cap, n, sizeof(*l));
				l[n] = *o;
				l[n++].rel = xstrdup(o->rel);
			}
			free(first);
		}
		entries_free(top, ntop);
	}
	if (n > 1)
		qsort(l, n, sizeof(*l), cmp_owned);
	*lp = l;
	*np = n;
}

static void
marker_line(struct buf *b, const struct owned *o)
{
	buf_printf(b, "%lld %s\n", o->size, o->rel);
}

/* Write into the staging folder, as name, a marker listing l[0..n) and
 * the m of v that l does not hold. */
static bool
write_marker(struct publish *p, const char *name, const struct owned *l,
    size_t n, const struct owned *v, size_t m)
{
	struct buf text = BUF_INIT;

	buf_puts(&text, marker_header);
	buf_puts(&text, marker_note);
	for (size_t i = 0; i < n; i++)
		marker_line(&text, &l[i]);
	for (size_t i = 0; i < m; i++)
		if (find_owned(l, n, v[i].rel) == NULL)
			marker_line(&text, &v[i]);
	bool ok = publish_write(p, name, text.data, text.len);
	buf_free(&text);
	return ok;
}

/* The old output's marker back in its place (or none, as there was none),
 * after a commit that could not be completed. */
static void
restore_marker(struct publish *p, int tmpfd)
{
	if (p->old_marker == NULL)
		unlinkat(p->outfd, PUBLISH_MARKER, 0);
	else if (publish_write(p, MARKER_RESTORE, p->old_marker,
	    p->old_marker_len))
		renameat(tmpfd, MARKER_RESTORE, p->outfd, PUBLISH_MARKER);
}

/* A step taken in putting the new output in place, undone when a later
 * one fails: entry name moved from folder from to folder to, or the two
 * swapped. */
struct step {
	int	 from, to;
	char	*name;
	bool	 swapped;
};

/* A walk of the new output over the old one: once to find what would be
 * lost (nothing is changed then), once to put it in place. */
struct merge {
	struct publish *p;
	bool	 apply;		/* else: only look */
	unsigned trouble;	/* entries in the way, or failures */
	struct step *steps;
	size_t	 n_steps, cap_steps;
	/* The old folders the look found to hold only coopgen's files, to
	 * be swapped whole (a walk of a big year is not made twice). */
	struct strmap whole;
	char	**whole_v;
	size_t	 n_whole, cap_whole;
};

static void
took(struct merge *m, int from, int to, const char *name, bool swapped)
{
	m->steps = xgrow(m->steps, &m->cap_steps, m->n_steps,
	    sizeof(*m->steps));
	m->steps[m->n_steps++] = (struct step){ dup(from), dup(to),
	    xstrdup(name), swapped };
}

/* Undo the steps taken, last first; with undo unset, only forget them. */
static void
steps_end(struct merge *m, bool undo)
{
	for (size_t i = m->n_steps; i-- > 0; ) {
		struct step *s = &m->steps[i];
		if (undo && s->swapped)
			renameat2(s->to, s->name, s->from, s->name,
			    RENAME_EXCHANGE);
		else if (undo)
			renameat(s->to, s->name, s->from, s->name);
		close(s->from);
		close(s->to);
		free(s->name);
	}
	free(m->steps);
	m->steps = NULL;
	m->n_steps = m->cap_steps = 0;
}

/* Whether the old folder dirfd (rel) holds nothing but what coopgen wrote
 * (and folders of that). */
static bool
only_owned(struct merge *m, int dirfd, const char *rel)
{
	struct entry *v;
	size_t n;
	bool only = true;

	/* coopgen makes a folder only for a file in it: an empty one is
	 * someone else's. */
	if (!list_at(dirfd, &v, &n) || n == 0) {
		entries_free(v, n);
		return false;
	}
	for (size_t i = 0; only && i < n; i++) {
		struct buf r = BUF_INIT;
		buf_printf(&r, "%s/%s", rel, v[i].name);
		mode_t kind = kind_at(dirfd, &v[i]);
		if (kind == S_IFREG)
			only = as_left(m->p, dirfd, v[i].name, buf_str(&r));
		else if (kind == S_IFDIR) {
			int fd = open_dir_at(dirfd, v[i].name);
			only = fd != -1 && only_owned(m, fd, buf_str(&r));
			if (fd != -1)
				close(fd);
		} else
			only = false;
		buf_free(&r);
	}
	entries_free(v, n);
	return only;
}

static const char *
kind_name(mode_t kind)
{
	switch (kind) {
	case S_IFREG:
		return "a file";
	case S_IFDIR:
		return "a folder";
	case S_IFLNK:
		return "a symbolic link";
	case S_IFIFO:
		return "a FIFO";
	case S_IFSOCK:
		return "a socket";
	default:
		return "a device";
	}
}

static void
in_the_way(struct merge *m, const char *rel, mode_t kind)
{
	if (m->apply)
		return;		/* reported by the look before */
	struct buf path = BUF_INIT;

	m->trouble++;
	buf_printf(&path, "%s/%s", m->p->out, rel);
	diag_failure(m->p->d, buf_str(&path), "not replaced: it is %s that "
	    "coopgen did not write, where the new output puts a file or "
	    "folder (expected nothing there, or what an earlier build wrote; "
	    "move it away or delete it)", kind_name(kind));
	buf_free(&path);
}

static void
failed(struct merge *m, const char *rel, const char *what)
{
	struct buf path = BUF_INIT;

	m->trouble++;
	buf_printf(&path, "%s/%s", m->p->out, rel);
	diag_failure(m->p->d, buf_str(&path), "cannot %s: %s", what,
	    strerror(errno));
	buf_free(&path);
}

#define PLACE "put the new output in place"

/* Put entry name of newdir in place of the same of olddir, which holds
 * only what coopgen wrote: swapped in one atomic step, the old one landing
 * in the staging folder, removed at the end. */
static void
swap_in(struct merge *m, int olddir, int newdir, const char *name,
    const char *rel, bool old_is_dir)
{
	if (renameat2(newdir, name, olddir, name, RENAME_EXCHANGE) == 0) {
		took(m, newdir, olddir, name, true);
		return;
	}
	/* A file system without the exchange (FAT, some network ones): the
	 * old entry goes first, and cannot be brought back. */
	if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
		struct buf why = BUF_INIT;
		if (old_is_dir)
			remove_all(olddir, name, rel, &why);
		else
			unlinkat(olddir, name, 0);
		buf_free(&why);
		if (renameat(newdir, name, olddir, name) == 0)
			return;
	}
	failed(m, rel, PLACE);
}

static void merge_dir(struct merge *m, int olddir, int newdir,
    const char *rel);

/* Put entry e of the new folder newdir in place in olddir. */
static void
merge_entry(struct merge *m, int olddir, int newdir, const struct entry *e,
    const char *rel)
{
	struct stat old, new;

	if (fstatat(newdir, e->name, &new, AT_SYMLINK_NOFOLLOW) == -1) {
		failed(m, rel, "read the new output's");
		return;
	}
	if (fstatat(olddir, e->name, &old, AT_SYMLINK_NOFOLLOW) == -1) {
		if (errno != ENOENT)
			failed(m, rel, "look at it");
		else if (m->apply && renameat2(newdir, e->name, olddir,
		    e->name, RENAME_NOREPLACE) == 0)
			took(m, newdir, olddir, e->name, false);
		else if (m->apply)
			failed(m, rel, PLACE);
		return;
	}
	if (S_ISREG(old.st_mode) && is_owned(m->p, rel)) {
		if (m->apply)
			swap_in(m, olddir, newdir, e->name, rel, false);
		return;
	}
	if (!S_ISDIR(old.st_mode)) {
		in_the_way(m, rel, old.st_mode & S_IFMT);
		return;
	}
	int od = open_dir_at(olddir, e->name);
	if (od == -1) {
		failed(m, rel, "open it");
		return;
	}
	bool whole;
	if (m->apply)
		whole = strmap_get(&m->whole, rel, NULL);
	else if ((whole = only_owned(m, od, rel))) {
		m->whole_v = xgrow(m->whole_v, &m->cap_whole, m->n_whole,
		    sizeof(*m->whole_v));
		m->whole_v[m->n_whole] = xstrdup(rel);
		strmap_put(&m->whole, m->whole_v[m->n_whole], m->n_whole,
		    NULL);
		m->n_whole++;
	}
	if (whole) {
		if (m->apply)
			swap_in(m, olddir, newdir, e->name, rel, true);
	} else if (S_ISDIR(new.st_mode)) {
		/* Others' files in it: updated around them. */
		int nd = open_dir_at(newdir, e->name);
		if (nd == -1)
			failed(m, rel, "open the new output's");
		else {
			merge_dir(m, od, nd, rel);
			if (m->apply && fchmod(od, new.st_mode & 07777) == -1 &&
			    errno != EPERM)
				failed(m, rel, "set the mode");
			close(nd);
		}
	} else
		in_the_way(m, rel, S_IFDIR);
	close(od);
}

/* Put the new folder newdir in place in olddir (rel: "" for the top,
 * whose marker is put in place last). */
static void
merge_dir(struct merge *m, int olddir, int newdir, const char *rel)
{
	struct entry *v;
	size_t n;
	bool top = *rel == '\0';

	if (!list_at(newdir, &v, &n)) {
		failed(m, rel, "read the new output's");
		return;
	}
	for (size_t i = 0; i < n && (!m->apply || m->trouble == 0); i++) {
		if (top && (strcmp(v[i].name, PUBLISH_MARKER) == 0 ||
		    strcmp(v[i].name, MARKER_BOTH) == 0))
			continue;
		struct buf r = BUF_INIT;
		buf_printf(&r, "%s%s%s", rel, top ? "" : "/", v[i].name);
		merge_entry(m, olddir, newdir, &v[i], buf_str(&r));
		buf_free(&r);
	}
	entries_free(v, n);
}

/* Delete file o->rel of the output, following no link, when it is still
 * as coopgen left it (a file of its size), and the folders that leaves
 * empty. False when something else stands there now. */
static bool
unlink_beneath(int outfd, const struct owned *o)
{
	const char *rel = o->rel;
	bool kept = false;
	int fds[32];
	size_t depth = 0;
	char *copy = xstrdup(rel), *names[32], *s = copy, *slash;

	fds[0] = outfd;
	while ((slash = strchr(s, '/')) != NULL && depth + 1 < 32) {
		*slash = '\0';
		int fd = open_dir_at(fds[depth], s);
		if (fd == -1)
			break;
		names[depth] = s;
		fds[++depth] = fd;
		s = slash + 1;
	}
	/* A link, a folder, a FIFO, or a file changed since, there now, is
	 * someone else's. */
	struct stat st;
	bool there = slash == NULL && fstatat(fds[depth], s, &st,
	    AT_SYMLINK_NOFOLLOW) == 0;
	kept = there && (!S_ISREG(st.st_mode) || st.st_size != o->size);
	if (there && !kept && unlinkat(fds[depth], s, 0) == 0) {
		/* Fails, as it should, on a folder holding anything else. */
		while (depth > 0 && unlinkat(fds[depth - 1], names[depth - 1],
		    AT_REMOVEDIR) == 0) {
			close(fds[depth]);
			depth--;
		}
	}
	while (depth > 0)
		close(fds[depth--]);
	free(copy);
	return !kept;
}

/* Delete what coopgen wrote before and does not write now; what was
 * changed since is kept, and named. */
static void
prune(struct publish *p)
{
	for (size_t i = 0; i < p->n_owned; i++) {
		const struct owned *o = &p->owned[i];
		if (find_owned(p->new_v, p->n_new, o->rel) == NULL &&
		    !unlink_beneath(p->outfd, o))
			diag_warning(p->d, (struct pos){ p->out, 0, 0 }, "kept "
			    "%s: coopgen wrote it and no longer does, but it "
			    "has changed since (delete it if it is not wanted)",
			    o->rel);
	}
}

bool
publish_commit(struct publish *p, bool full)
{
	if (caught)
		return false;
	const char *name = strrchr(p->tmp, '/') + 1;
	int tmpfd = open_dir_at(p->outfd, name);
	if (tmpfd == -1) {
		diag_failure(p->d, p->out, "cannot open %s: %s", name,
		    strerror(errno));
		return false;
	}
	new_list(p, tmpfd, full, &p->new_v, &p->n_new);
	/* The marker as it will be; and one that lists the old files too,
	 * put in place first: a build cut short by a crash then leaves a
	 * folder whose every file of coopgen's the next build knows. */
	bool ok = write_marker(p, PUBLISH_MARKER, p->new_v, p->n_new, NULL,
	    0) && write_marker(p, MARKER_BOTH, p->new_v, p->n_new, p->owned,
	    p->n_owned);

	/* First everything that would be lost: then nothing is changed. */
	struct merge look = { .p = p };
	if (ok)
		merge_dir(&look, p->outfd, tmpfd, "");
	ok = ok && look.trouble == 0;
	if (ok) {
		/* From here the work must not be cut in half: a signal that
		 * came before stops it, one that comes now waits. */
		block_signals(true);
		struct merge apply = { .p = p, .apply = true,
		    .whole = look.whole };
		if (caught)
			apply.trouble++;
		else if (renameat(tmpfd, MARKER_BOTH, p->outfd,
		    PUBLISH_MARKER) == -1)
			failed(&apply, PUBLISH_MARKER, PLACE);
		else {
			merge_dir(&apply, p->outfd, tmpfd, "");
			if (apply.trouble == 0 && renameat(tmpfd,
			    PUBLISH_MARKER, p->outfd, PUBLISH_MARKER) == -1)
				failed(&apply, PUBLISH_MARKER, PLACE);
			if (apply.trouble > 0)
				restore_marker(p, tmpfd);
		}
		ok = apply.trouble == 0;
		/* All or nothing: a step that failed takes back the others. */
		steps_end(&apply, !ok);
		if (ok) {
			if (!p->legacy)
				prune(p);
			/* The old output's files, swapped into the staging
			 * folder. */
			close(tmpfd);
			tmpfd = -1;
			remove_staging(p, name, "the previous output");
			free(p->tmp);
			p->tmp = NULL;
			p->made_out = false;
			p->committed = true;
		}
		block_signals(false);
	}
	for (size_t i = 0; i < look.n_whole; i++)
		free(look.whole_v[i]);
	free(look.whole_v);
	strmap_free(&look.whole);
	if (tmpfd != -1)
		close(tmpfd);
	return ok;
}

void
publish_end(struct publish *p)
{
	block_signals(true);
	if (p->tmp != NULL && p->outfd != -1)
		remove_staging(p, strrchr(p->tmp, '/') + 1, "this build's");
	if (p->made_out) {
		/* And the folders made above it, the nearest first. */
		char *path = xstrdup(p->out);
		rmdir(path);
		for (unsigned i = 0; i < p->made_parents; i++) {
			char *slash = strrchr(path, '/');
			if (slash == NULL || slash == path)
				break;
			*slash = '\0';
			rmdir(path);
		}
		free(path);
	}
	if (p->outfd != -1)
		close(p->outfd);	/* and the lock with it */
	for (size_t i = 0; i < p->n_owned; i++)
		free(p->owned[i].rel);
	free(p->owned);
	for (size_t i = 0; i < p->n_new; i++)
		free(p->new_v[i].rel);
	free(p->new_v);
	free(p->old_marker);
	p->new_v = NULL;
	p->n_new = 0;
	p->old_marker = NULL;
	free(p->tmp);
	free(p->out);
	p->tmp = p->out = NULL;
	p->owned = NULL;
	p->n_owned = 0;
	p->outfd = -1;
	block_signals(false);
}
