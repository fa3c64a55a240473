#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsx.h"
#include "utf8.h"
#include "xalloc.h"

bool
fsx_open(struct fsx *fs, const char *root, const char *what,
    struct diag *d)
{
	struct stat st;

	fs->root = root;
	fs->real = NULL;
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
	fs->real = realpath(root, NULL);
	if (fs->real == NULL) {
		diag_failure(d, root, "cannot resolve the %s folder: %s", what,
		    strerror(errno));
		return false;
	}
	return true;
}

void
fsx_close(struct fsx *fs)
{
	free(fs->real);
	fs->real = NULL;
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

/* Whether the resolved path p lies inside the content folder. */
static bool
inside(const struct fsx *fs, const char *p)
{
	size_t n = strlen(fs->real);

	return strncmp(p, fs->real, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

enum fsx_kind
fsx_kind(const struct fsx *fs, const char *rel, const char **why)
{
	char *path = fsx_path(fs, rel);
	struct stat st;
	enum fsx_kind k = FSX_OTHER;

	*why = NULL;
	if (lstat(path, &st) == -1) {
		free(path);
		return FSX_NONE;
	}
	if (S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);
		if (real == NULL) {
			*why = "a symbolic link to nothing";
		} else if (!inside(fs, real)) {
			*why = "a symbolic link that leads outside the content folder";
		} else if (stat(real, &st) == -1) {
			*why = "a symbolic link that cannot be followed";
		}
		free(real);
		if (*why != NULL) {
			free(path);
			return FSX_OTHER;
		}
	}
	if (S_ISREG(st.st_mode))
		k = FSX_FILE;
	else if (S_ISDIR(st.st_mode))
		k = FSX_DIR;
	else
		*why = "not a regular file (a FIFO, device or socket)";
	free(path);
	return k;
}

/* Read rel whole; as text (checked as fsx_read says) unless it was so
 * read before, by this build. */
static bool
read_file(const struct fsx *fs, const char *rel, char **text, size_t *len,
    bool again, struct diag *d)
{
	const char *why;
	enum fsx_kind k = again ? FSX_FILE : fsx_kind(fs, rel, &why);
	struct pos at = { rel, 0, 0 };

	*text = NULL;
	*len = 0;
	if (k == FSX_NONE) {
		diag_error(d, at, "cannot read: no such file");
		return false;
	}
	if (k != FSX_FILE) {
		diag_error(d, at, "refused: %s", k == FSX_DIR ?
		    "a folder where a file was expected" : why);
		return false;
	}
	char *path = fsx_path(fs, rel);
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	free(path);
	struct stat st;
	if (fd == -1 || fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		/* Gone or replaced since it was listed. */
		diag_failure(d, rel, "cannot read: %s", fd == -1 ?
		    strerror(errno) : "no longer a regular file");
		if (fd != -1)
			close(fd);
		return false;
	}
	if (st.st_size > FSX_FILE_MAX) {
		diag_error(d, at, "file too large: %lld bytes (at most %ld MiB "
		    "per content file)", (long long)st.st_size,
		    FSX_FILE_MAX / 1024 / 1024);
		close(fd);
		return false;
	}
	size_t cap = (size_t)st.st_size, n = 0;
	char *data = xmalloc(cap + 1);
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
			diag_failure(d, rel, "cannot read: %s", strerror(errno));
			close(fd);
			free(data);
			return false;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	data[n] = '\0';

	/* A byte-order mark says nothing in UTF-8; editors on Windows add it. */
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(data, data + 3, n - 3 + 1);
		n -= 3;
	}
	size_t bad = again ? n : utf8_invalid(data, n);
	if (bad != n) {
		struct pos p = { rel, 0, 0 };
		utf8_linecol(data, bad, &p.line, &p.col);
		if (data[bad] == '\0')
			diag_error(d, p, "NUL byte in text (the file is binary "
			    "or damaged; expected UTF-8 text)");
		else
			diag_error(d, p, "invalid UTF-8 (byte 0x%02X; save "
			    "the file as UTF-8)", (unsigned char)data[bad]);
		free(data);
		return false;
	}
	*text = data;
	*len = n;
	return true;
}

bool
fsx_read(const struct fsx *fs, const char *rel, char **text, size_t *len,
    struct diag *d)
{
	return read_file(fs, rel, text, len, false, d);
}

bool
fsx_reread(const struct fsx *fs, const char *rel, char **text, size_t *len,
    struct diag *d)
{
	return read_file(fs, rel, text, len, true, d);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
fsx_list(const struct fsx *fs, const char *rel, char ***names, struct diag *d)
{
	char *path = fsx_path(fs, rel);
	DIR *dir = opendir(path);
	size_t n = 0, cap = 0;
	char **v = NULL;

	free(path);
	*names = NULL;
	if (dir == NULL) {
		diag_failure(d, *rel ? rel : fs->root, "cannot list folder: %s",
		    strerror(errno));
		return 0;
	}
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		v = xgrow(v, &cap, n, sizeof(*v));
		v[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
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
