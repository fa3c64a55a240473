#include <sys/stat.h>

#include <dirent.h>
#include <link.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "origin.h"
#include "fsx.h"
#include "model.h"
#include "publish.h"
#include "reuse.h"
#include "xalloc.h"

/* The first line of a manifest; another version's is not read. */
static const char header[] = "coopgen pages 2\n";

void
reuse_load(struct reuse *r, struct publish *p)
{
	char *text, *line, *next;
	size_t len, room = 0;

	memset(r, 0, sizeof(*r));
	if (!publish_read_old(p, REUSE_MANIFEST, &text, &len, REUSE_MAX))
		return;
	if (strncmp(text, header, sizeof(header) - 1) != 0) {
		free(text);
		return;
	}
	/* "KEY BYTES REL": two hashes of 32 hex digits, then a path. */
	for (line = text + sizeof(header) - 1; *line; line = next) {
		struct reuse_entry e;
		size_t n = strcspn(line, "\n");
		next = line + n + (line[n] == '\n');
		line[n] = '\0';
		if (n < 67 || line[32] != ' ' || line[65] != ' ' ||
		    !hash_parse(line, &e.key) ||
		    !hash_parse(line + 33, &e.bytes))
			continue;
		e.rel = xstrdup(line + 66);
		r->v = xgrow(r->v, &room, r->n, sizeof(*r->v));
		r->v[r->n++] = e;
	}
	free(text);
	/* Indexed once all are read: the keys are the entries' strings. */
	for (size_t i = 0; i < r->n; i++)
		strmap_put(&r->by_rel, r->v[i].rel, i, NULL);
}

void
reuse_free(struct reuse *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].rel);
	free(r->v);
	strmap_free(&r->by_rel);
	memset(r, 0, sizeof(*r));
}

const struct reuse_entry *
reuse_find(const struct reuse *r, const char *rel)
{
	size_t i;

	return strmap_get(&r->by_rel, rel, &i) ? &r->v[i] : NULL;
}

void
reuse_list_add(struct reuse_list *l, const char *rel, struct hash key,
    struct hash bytes)
{
	l->v = xgrow(l->v, &l->cap, l->n, sizeof(*l->v));
	l->v[l->n++] = (struct reuse_entry){ xstrdup(rel), key, bytes };
}

void
reuse_list_free(struct reuse_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].rel);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

struct hash
reuse_seal(const struct reuse_entry *v, size_t n)
{
	uint64_t sum[2] = { 0, 0 };
	struct hasher h;

	/* Summed, so that the order of the files does not matter. */
	for (size_t i = 0; i < n; i++) {
		hash_init(&h);
		hash_string(&h, v[i].rel);
		hash_value(&h, v[i].bytes);
		struct hash one = hash_final(&h);
		sum[0] += one.a;
		sum[1] += one.b;
	}
	hash_init(&h);
	hash_update(&h, &n, sizeof(n));
	hash_update(&h, sum, sizeof(sum));
	return hash_final(&h);
}

bool
reuse_group(const struct reuse *r, struct publish *p, struct hash key,
    struct reuse_list *taken)
{
	size_t first = taken->n;
	struct reuse_list members = { NULL, 0, 0 };
	const struct reuse_entry *seal = NULL;

	for (size_t i = 0; i < r->n; i++) {
		const struct reuse_entry *e = &r->v[i];
		if (!hash_equal(e->key, key))
			continue;
		if (e->rel[0] == '#')
			seal = e;
		else
			reuse_list_add(&members, e->rel, e->key, e->bytes);
	}
	bool sealed = seal != NULL && members.n > 0 &&
	    hash_equal(seal->bytes, reuse_seal(members.v, members.n));
	reuse_list_free(&members);
	if (!sealed)
		return false;
	for (size_t i = 0; i < r->n; i++) {
		const struct reuse_entry *e = &r->v[i];
		if (!hash_equal(e->key, key) || e->rel[0] == '#')
			continue;
		if (!publish_reuse(p, e->rel, e->bytes)) {
			/* All or none: the caller writes the whole group. */
			while (taken->n > first) {
				publish_unreuse(p, taken->v[taken->n - 1].rel);
				free(taken->v[--taken->n].rel);
			}
			return false;
		}
		reuse_list_add(taken, e->rel, e->key, e->bytes);
	}
	return taken->n > first;
}

static int
by_rel(const void *a, const void *b)
{
	return strcmp(((const struct reuse_entry *)a)->rel,
	    ((const struct reuse_entry *)b)->rel);
}

void
reuse_format(struct reuse_entry *v, size_t n, struct buf *out)
{
	char key[33], bytes[33];

	qsort(v, n, sizeof(*v), by_rel);
	buf_puts(out, header);
	/* "KEY BYTES REL", put together without printf: a big year has
	 * tens of thousands of lines. */
	for (size_t i = 0; i < n; i++) {
		hash_hex(v[i].key, key);
		hash_hex(v[i].bytes, bytes);
		key[32] = bytes[32] = ' ';
		buf_append(out, key, 33);
		buf_append(out, bytes, 33);
		buf_puts(out, v[i].rel);
		buf_putc(out, '\n');
	}
}

/* Add the file path of dirfd (or AT_FDCWD) to h; a symbolic link is
 * followed only when asked. Anything but a regular file is added as such,
 * never waited on; of a file larger than the reader takes (FSX_FILE_MAX),
 * which a build refuses, only its size and first bytes: a walk is bounded
 * by what the reader would read. */
static void
add_file_at(struct hasher *h, int dirfd, const char *path, bool follow)
{
	struct stat st;
	int fd = fsx_open_regular(dirfd, path, follow, &st);
	char chunk[16384];
	off_t left = FSX_FILE_MAX + 1;
	ssize_t n;

	if (fd == -1) {
		hash_string(h, strerror(errno));
		return;
	}
	hash_update(h, &st.st_size, sizeof(st.st_size));
	while (left > 0 && (n = read(fd, chunk, (size_t)(left < (off_t)
	    sizeof(chunk) ? left : (off_t)sizeof(chunk)))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			hash_string(h, strerror(errno));
			break;
		}
		hash_update(h, chunk, (size_t)n);
		left -= n;
	}
	close(fd);
}

bool
reuse_hash_file(const char *path, struct hash *out)
{
	struct hasher h;
	struct stat st;
	int fd = fsx_open_regular(AT_FDCWD, path, false, &st);
	bool ok = fd != -1;

	hash_init(&h);
	ok = ok && hash_fd(&h, fd);
	if (fd != -1)
		close(fd);
	if (ok)
		*out = hash_final(&h);
	return ok;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* What of a file of the content folder, at depth 0 for the top, goes in:
 * all of it, its name and size, or nothing. */
enum part { ALL, NAME, NOTHING };

static enum part
content_part(const char *const *parts, int depth, const char *name)
{
	size_t n = strlen(name);

	if (depth == 2 && strcmp(parts[1], "activities") == 0 && n > 3 &&
	    strcmp(name + n - 3, ".md") == 0)
		return NOTHING;
	if (depth >= 2 && strcmp(parts[1], "media") == 0)
		return NAME;
	return ALL;
}

/* A walk of the trees for their stamp (their files' identity and times,
 * read without opening them) and, when print is not NULL, in the same
 * walk, their fingerprint (the bytes of their files). */
struct walk {
	struct hasher *stamp, *print;
	bool	 content;	/* the content folder: content_part applies */
	const char *root;	/* the folder walked, as given */
	char	*real;		/* and as the file system names it */
	const char *parts[17];	/* the names on the way down */
	/* The folders on the way down, by device and inode: a symbolic
	 * link back to one of them is a loop, added as such, not followed. */
	dev_t	 dev[17];
	ino_t	 ino[17];
};

/* s into both hashes: what the walk found, the same for either. */
static void
add_both(struct walk *w, const char *s)
{
	hash_string(w->stamp, s);
	if (w->print != NULL)
		hash_string(w->print, s);
}

/* Whether the link rel (inside the folder walked) leads to a file inside
 * it, all links along the way followed: its target's real path starts
 * with the folder's. A link to nothing or a loop leads nowhere. */
static bool
link_inside(const struct walk *w, const char *rel)
{
	if (w->real == NULL)
		return false;
	char *full = xmalloc(strlen(w->root) + strlen(rel) + 2);
	sprintf(full, "%s/%s", w->root, rel);
	char *to = realpath(full, NULL);
	size_t n = strlen(w->real);
	bool inside = to != NULL && strncmp(to, w->real, n) == 0 &&
	    (to[n] == '/' || (n == 1 && w->real[0] == '/'));
	free(to);
	free(full);
	return inside;
}

/* Add the tree of folder dirfd (rel inside its root) to the walk: every
 * name, sorted, with its kind; a file's size and, as content_part says,
 * its bytes (into print) and its inode and times (into stamp). A symbolic
 * link is followed as the reader follows it (fsx.h), to a file inside the
 * folder only: its target's kind and bytes go in under the link's name,
 * whatever the target is called; a link to a folder, or out of the folder
 * walked, is added as such and never followed (the reader refuses it, and
 * a link to / would otherwise be a walk of the whole machine).
 * Every look is relative to the folder's descriptor: a path is not
 * resolved again from the top for each of its files. */
static void
add_tree(struct walk *w, int dirfd, const char *rel, int depth)
{
	int fd = dup(dirfd);
	DIR *dir = fd == -1 ? NULL : fdopendir(fd);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;

	if (dir == NULL) {
		add_both(w, strerror(errno));
		if (fd != -1)
			close(fd);
		return;
	}
	/* Hidden names are left out, as coopgen reads none (and an editor's
	 * swap file would otherwise change every key while a file is open);
	 * so are the names content_part leaves out, before they are copied
	 * and sorted (a big year's activities). */
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' || (w->content && content_part(
		    w->parts, depth, e->d_name) == NOTHING))
			continue;
		names = xgrow(names, &cap, n, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		enum part part = w->content ? content_part(w->parts, depth,
		    names[i]) : ALL;
		struct buf r = BUF_INIT;
		struct stat st;
		buf_printf(&r, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		add_both(w, buf_str(&r));
		if (fstatat(dirfd, names[i], &st, AT_SYMLINK_NOFOLLOW) == -1)
			st.st_mode = 0;
		else if (S_ISLNK(st.st_mode)) {
			char to[4096];
			ssize_t k = readlinkat(dirfd, names[i], to,
			    sizeof(to) - 1);
			to[k < 0 ? 0 : k] = '\0';
			add_both(w, "link");
			add_both(w, to);
			if (!link_inside(w, buf_str(&r))) {
				add_both(w, "outside");
				st.st_mode = S_IFLNK;
			} else if (fstatat(dirfd, names[i], &st, 0) == -1)
				st.st_mode = 0;
			else if (S_ISDIR(st.st_mode)) {
				add_both(w, "a folder");
				st.st_mode = S_IFLNK;
			}
		}
		bool loop = false;
		for (int d = 0; S_ISDIR(st.st_mode) && d < depth; d++)
			loop = loop || (w->dev[d] == st.st_dev &&
			    w->ino[d] == st.st_ino);
		if (st.st_mode == 0) {
			add_both(w, strerror(errno));
		} else if (loop) {
			add_both(w, "loop");
		} else if (S_ISDIR(st.st_mode) && depth < 16) {
			add_both(w, "dir");
			w->parts[depth] = names[i];
			w->dev[depth] = st.st_dev;
			w->ino[depth] = st.st_ino;
			/* Followed if a link, as the reader would. */
			int sub = openat(dirfd, names[i], O_RDONLY |
			    O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
			if (sub == -1)
				add_both(w, strerror(errno));
			else {
				add_tree(w, sub, buf_str(&r), depth + 1);
				close(sub);
			}
		} else if (S_ISREG(st.st_mode)) {
			char size[32];
			snprintf(size, sizeof(size), "file %lld",
			    (long long)st.st_size);
			add_both(w, size);
			/* The kernel sets ctime on every change and no one
			 * can set it back. */
			hash_update(w->stamp, &st.st_ino, sizeof(st.st_ino));
			hash_update(w->stamp, &st.st_mtim, sizeof(st.st_mtim));
			hash_update(w->stamp, &st.st_ctim, sizeof(st.st_ctim));
			if (w->print != NULL && part == ALL)
				add_file_at(w->print, dirfd, names[i], true);
		} else
			add_both(w, "other");
		buf_free(&r);
		free(names[i]);
	}
	free(names);
}

/* Add the tree at path to the walk (a folder that cannot be opened, as
 * the reason why). */
static void
add_root(struct walk *w, const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);

	w->root = path;
	free(w->real);
	w->real = realpath(path, NULL);

	if (fd == -1) {
		add_both(w, strerror(errno));
		return;
	}
	add_tree(w, fd, "", 0);
	close(fd);
}

/* The program's fingerprint, as it is taken: the path of each of its
 * files, and the fingerprint of its bytes. */
struct objects {
	struct hasher *h;
	struct cache *c;	/* the last build's fingerprints, or NULL */
	bool	 ok;
};

/* Add the program's file at path (followed: /proc/self/exe is a link to
 * the program's file), by its path and the fingerprint of its bytes: the
 * one the last build took when the file is the same (cache.h), else taken
 * now. */
static void
add_object_file(struct objects *o, const char *path)
{
	struct stat st;
	struct hash bytes;
	struct hasher b;
	int fd = fsx_open_regular(AT_FDCWD, path, true, &st);

	hash_string(o->h, path);
	if (fd == -1) {
		hash_string(o->h, strerror(errno));
		o->ok = false;
		return;
	}
	if (o->c == NULL || !cache_object(o->c, path, &st, &bytes)) {
		hash_init(&b);
		if (!hash_fd(&b, fd)) {
			hash_string(o->h, strerror(errno));
			close(fd);
			return;
		}
		bytes = hash_final(&b);
	}
	close(fd);
	if (o->c != NULL)
		cache_add_object(o->c, path, &st, bytes);
	hash_value(o->h, bytes);
}

/* Add each shared object the program runs with (ctemplate, cmark,
 * libxlsxwriter, the C library...): a new version of one may write other
 * bytes as surely as a new build of the program. */
static int
add_object(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct objects *o = arg;

	(void)size;
	/* The program itself ("") and the kernel's vDSO have no file. */
	if (info->dlpi_name == NULL || info->dlpi_name[0] != '/')
		return 0;
	bool ok = o->ok;
	add_object_file(o, info->dlpi_name);
	o->ok = ok;	/* a library gone since is a change like another */
	return 0;
}

bool
reuse_program(struct hash *out, struct cache *c)
{
	struct hasher h;
	struct objects o = { .h = &h, .c = c, .ok = true };

	/* The program: another build of it may write other bytes. Where it
	 * cannot be read, nothing can be known to be unchanged. */
	hash_init(&h);
	add_object_file(&o, "/proc/self/exe");
	if (!o.ok)
		return false;
	dl_iterate_phdr(add_object, &o);
	*out = hash_final(&h);
	return true;
}

void
reuse_fingerprint(struct hasher *h, struct hash program, struct hash trees)
{
	hash_string(h, header);
	hash_value(h, program);
	hash_value(h, trees);
}

struct hash
reuse_stamp(const char *content, const char *templates, struct hash *trees)
{
	struct hasher stamp, print;
	struct walk w = { .stamp = &stamp, .print = trees ? &print : NULL };

	hash_init(&stamp);
	hash_init(&print);
	add_both(&w, "templates");
	add_root(&w, templates);
	add_both(&w, "content");
	w.content = true;
	add_root(&w, content);
	free(w.real);
	if (trees != NULL)
		*trees = hash_final(&print);
	return hash_final(&stamp);
}

/* The front matter of every activity of year y, for what lists them. */
static void
hash_fronts(struct hasher *h, const struct year *y)
{
	hash_string(h, y->dir);
	for (size_t j = 0; j < y->n_activities; j++) {
		hash_string(h, y->activities[j].pos.file);
		hash_value(h, y->origins[j].front);
	}
}

struct hash
reuse_warned(struct hash key)
{
	struct hasher h;

	hash_init(&h);
	hash_value(&h, key);
	hash_string(&h, "warned");
	return hash_final(&h);
}

struct hash
reuse_site_key(struct hash base, const struct content *c)
{
	struct hasher h;

	hash_init(&h);
	hash_value(&h, base);
	hash_string(&h, "site");
	for (size_t i = 0; i < c->n_years; i++)
		hash_fronts(&h, &c->years[i]);
	return hash_final(&h);
}

void
reuse_year_keys(struct hash base, const struct year *y,
    const struct year *prev, struct hash across, struct reuse_keys *k)
{
	struct hasher hy, hg, ha;

	hash_init(&hy);
	hash_value(&hy, base);
	hash_string(&hy, y->dir);
	struct hash alone = hash_final(&hy);
	hash_fronts(&hy, y);
	struct hash with_year = hash_final(&hy);

	hash_init(&hg);
	hash_value(&hg, with_year);
	if (prev != NULL)
		hash_fronts(&hg, prev);
	hash_value(&hg, across);
	/* What a body that names its year's records reads: those and the
	 * year before's ({{stat previous...}}), as the lists do, and every
	 * year's figures ({{stat years...}}, {{trend}}, the earlier years
	 * beside the statistics tables). */
	struct hash around = hash_final(&hg);
	hash_string(&hg, "pages");
	k->group = hash_final(&hg);
	hash_string(&hg, "statistics.xlsx");
	k->book = hash_final(&hg);

	k->pages = xcalloc(y->n_activities + 1, sizeof(*k->pages));
	for (size_t j = 0; j < y->n_activities; j++) {
		const struct activity *a = &y->activities[j];
		hash_init(&ha);
		hash_value(&ha, alone);
		hash_string(&ha, a->slug);
		hash_value(&ha, y->origins[j].source);
		k->pages[j].alone = hash_final(&ha);
		hash_init(&ha);
		hash_value(&ha, around);
		hash_string(&ha, a->slug);
		hash_value(&ha, y->origins[j].source);
		k->pages[j].with_year = hash_final(&ha);
	}
}

void
reuse_keys_free(struct reuse_keys *k)
{
	free(k->pages);
	k->pages = NULL;
}
