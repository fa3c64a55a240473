#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "publish.h"
#include "xalloc.h"

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
 * part, no empty part, no backslash. */
static bool
safe_rel(const char *rel)
{
	if (rel[0] == '\0' || rel[0] == '/' || strchr(rel, '\\') != NULL)
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

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	remove(path);
	return 0;
}

static void
rm_tree(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static bool
is_empty_dir(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	bool empty = true;

	if (dir == NULL)
		return false;
	while (empty && (e = readdir(dir)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(dir);
	return empty;
}

bool
publish_begin(struct publish *p, const char *out, struct diag *d)
{
	struct stat st;

	memset(p, 0, sizeof(*p));
	p->d = d;
	p->out = xstrdup(out);
	/* Trailing slashes would make the temporary folder a child of out. */
	for (size_t n = strlen(p->out); n > 1 && p->out[n - 1] == '/'; n--)
		p->out[n - 1] = '\0';
	if (lstat(p->out, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			diag_failure(d, p->out, "cannot build here: it exists "
			    "and is not a folder");
			return false;
		}
		char *marker = xmalloc(strlen(p->out) + sizeof(PUBLISH_MARKER) + 1);
		sprintf(marker, "%s/%s", p->out, PUBLISH_MARKER);
		bool ours = access(marker, F_OK) == 0;
		free(marker);
		if (!ours && !is_empty_dir(p->out)) {
			diag_failure(d, p->out, "refusing to replace this folder: "
			    "it was not written by coopgen (no %s file in it); "
			    "choose another --out, or empty it", PUBLISH_MARKER);
			return false;
		}
		p->had_out = true;
	} else if (errno != ENOENT) {
		diag_failure(d, p->out, "cannot use as the output folder: %s",
		    strerror(errno));
		return false;
	}

	/* Beside out, so that the final rename stays on one file system. */
	const char *slash = strrchr(p->out, '/');
	struct buf b = BUF_INIT;
	if (slash != NULL)
		buf_printf(&b, "%.*s/.%s.coopgen-XXXXXX",
		    (int)(slash - p->out), p->out, slash + 1);
	else
		buf_printf(&b, ".%s.coopgen-XXXXXX", p->out);
	p->tmp = buf_detach(&b);

	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(*signals); i++)
		sigaction(signals[i], &sa, NULL);

	if (mkdtemp(p->tmp) == NULL) {
		diag_failure(d, p->out, "cannot make a temporary folder beside "
		    "it: %s", strerror(errno));
		free(p->tmp);
		p->tmp = NULL;
		return false;
	}
	static const char note[] = "This folder is written by coopgen and "
	    "replaced whole by each build.\n";
	return publish_write(p, PUBLISH_MARKER, note, sizeof(note) - 1);
}

/* Make the parent folders of rel inside the temporary folder. */
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
	int in = open(src, O_RDONLY | O_CLOEXEC);

	if (in == -1) {
		diag_failure(p->d, src, "cannot read: %s", strerror(errno));
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

bool
publish_reuse(struct publish *p, const char *rel, struct hash want)
{
	if (caught || !p->had_out || !safe_rel(rel))
		return false;
	struct buf from = BUF_INIT, to = BUF_INIT;
	buf_printf(&from, "%s/%s", p->out, rel);
	buf_printf(&to, "%s/%s", p->tmp, rel);

	/* Its bytes, as they are now: the file may have been edited, or
	 * replaced by something else, since the build that wrote it. */
	int fd = open(buf_str(&from), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st, linked;
	bool ok = fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	struct hasher h;
	hash_init(&h);
	ok = ok && hash_fd(&h, fd) && hash_equal(hash_final(&h), want);
	if (ok) {
		int r = linkat(AT_FDCWD, buf_str(&from), AT_FDCWD, buf_str(&to),
		    0);
		if (r == -1 && errno == ENOENT && make_parents(p, rel))
			r = linkat(AT_FDCWD, buf_str(&from), AT_FDCWD,
			    buf_str(&to), 0);
		ok = r == 0;
		/* What was linked must be what was read, not a file put in
		 * its place meanwhile. */
		if (ok && (lstat(buf_str(&to), &linked) == -1 ||
		    linked.st_ino != st.st_ino || linked.st_dev != st.st_dev)) {
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

/* Copy the file from to the new path to; both are paths on disk. */
static bool
copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	int fd = in == -1 ? -1 : open(to, O_WRONLY | O_CREAT | O_EXCL |
	    O_CLOEXEC, 0666);
	bool reading, ok = fd != -1 && copy_fd(in, fd, &reading);

	if (fd != -1 && close(fd) == -1)
		ok = false;
	if (in != -1)
		close(in);
	return ok;
}

/* Recreate the tree at from as to: folders made, files hard-linked (they
 * cost no space or time, and old output files are only ever replaced,
 * never written to), copied where links are not possible. */
static bool
link_tree(const char *from, const char *to)
{
	struct stat st;

	if (lstat(from, &st) == -1)
		return false;
	if (S_ISREG(st.st_mode))
		return link(from, to) == 0 || copy_file(from, to);
	if (!S_ISDIR(st.st_mode))
		return true;	/* coopgen writes nothing else */
	if (mkdir(to, 0777) == -1)
		return false;
	DIR *dir = opendir(from);
	struct dirent *e;
	bool ok = dir != NULL;
	while (ok && (e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		struct buf f = BUF_INIT, t = BUF_INIT;
		buf_printf(&f, "%s/%s", from, e->d_name);
		buf_printf(&t, "%s/%s", to, e->d_name);
		ok = link_tree(buf_str(&f), buf_str(&t));
		buf_free(&f);
		buf_free(&t);
	}
	if (dir != NULL)
		closedir(dir);
	return ok;
}

/* Carry over, from the old output, what the new one lacks at its top. */
static bool
keep_rest(struct publish *p)
{
	DIR *dir = opendir(p->out);
	struct dirent *e;
	bool ok = true;

	if (dir == NULL)
		return true;
	while (ok && (e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		struct buf from = BUF_INIT, to = BUF_INIT;
		struct stat st;
		buf_printf(&from, "%s/%s", p->out, e->d_name);
		buf_printf(&to, "%s/%s", p->tmp, e->d_name);
		if (lstat(buf_str(&to), &st) == -1 &&
		    !link_tree(buf_str(&from), buf_str(&to))) {
			diag_failure(p->d, p->out, "cannot carry %s over into "
			    "the new output: %s", e->d_name, strerror(errno));
			ok = false;
		}
		buf_free(&from);
		buf_free(&to);
	}
	closedir(dir);
	return ok;
}

bool
publish_commit(struct publish *p, bool keep)
{
	mode_t mask = umask(0);

	umask(mask);
	if (caught)
		return false;
	if (keep && p->had_out && !keep_rest(p))
		return false;
	if (chmod(p->tmp, 0777 & ~mask) == -1) {
		diag_failure(p->d, p->out, "cannot set permissions: %s",
		    strerror(errno));
		return false;
	}
	/* From here the swap must not be cut in half. */
	block_signals(true);
	bool ok;
	if (p->had_out) {
		ok = renameat2(AT_FDCWD, p->tmp, AT_FDCWD, p->out,
		    RENAME_EXCHANGE) == 0;
		if (ok) {
			/* The old output now sits at the temporary name. */
			rm_tree(p->tmp);
		}
	} else
		ok = rename(p->tmp, p->out) == 0;
	if (!ok)
		diag_failure(p->d, p->out, "cannot put the new output in "
		    "place: %s", strerror(errno));
	else {
		free(p->tmp);
		p->tmp = NULL;
	}
	block_signals(false);
	return ok;
}

void
publish_end(struct publish *p)
{
	block_signals(true);
	if (p->tmp != NULL)
		rm_tree(p->tmp);
	free(p->tmp);
	free(p->out);
	p->tmp = p->out = NULL;
	block_signals(false);
}
