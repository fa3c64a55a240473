#include <sys/stat.h>

#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cache.h"
#include "fields.h"
#include "fsx.h"
#include "publish.h"
#include "reserved.h"
#include "slug.h"
#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * The file, every number little-endian:
 *
 *	"coopgen cache 1\n"	16 bytes
 *	objects			u32: how many; each: its path (a string),
 *				its identity as an entry's, its fingerprint
 *	key			16 bytes: of the program, site.yaml and
 *				partners.yaml (cache_start)
 *	count			u32: the entries
 *	entries			each: u32 its length, then its bytes
 *	checksum		16 bytes: the hash of all the bytes before
 *
 * The objects are the files of the program (the program itself and the
 * shared objects it runs with) and the fingerprint of each one's bytes,
 * so that the next build need not read them again to know the program:
 * reuse_program.
 *
 * An entry: the file's path (a string), its identity (device, inode, size,
 * modification and change times: seconds and nanoseconds; u64 each), the
 * hashes of the file and of its front matter (its origin, origin.h), then
 * the record as write_record lays it out. A string is a u32
 * length (0xffffffff: none), its bytes and a NUL.
 */
static const char magic[16] = "coopgen cache 1\n";

#define NO_STRING	0xffffffffu
#define REL_MAX		4096	/* bytes of a path, as PATH_MAX */

/* What tells a file from any other, and from itself changed. */
struct ident {
	dev_t	 dev;
	ino_t	 ino;
	off_t	 size;
	struct timespec mtime, ctime;
};

struct cache_entry {
	const char *rel;	/* in the cache's text, NUL-terminated */
	struct ident id;
	const char *raw;	/* the entry, its length first: for cache_keep */
	size_t	 raw_len;
	const char *rec;	/* its record's bytes (validated) */
	size_t	 rec_len;
	struct hash source, front;
	bool	 racy;		/* changed too close to the last build */
};

/* A file of the program and the fingerprint of its bytes. */
struct object {
	const char *path;	/* in the last cache's text, or a heap copy */
	struct ident id;
	struct hash bytes;
	bool	 racy;
};

/* A run of the next cache's entries: of the last cache's text (taken
 * records, mostly one run), or of the next one's (new records). */
struct piece {
	bool	 own;		/* in next, else in text */
	size_t	 off, len;
};

struct cache {
	struct hash program;
	struct timespec began;	/* this build */
	struct object *objects;	/* the last build's, */
	size_t	 n_objects;
	struct object *next_objects;	/* and the next one's */
	size_t	 n_next_objects, cap_next_objects;
	struct hasher deps;	/* what the records depend on */
	struct hash key;	/* this build's, from cache_start on */
	/* The last build's cache. */
	char	*text;
	size_t	 len;
	struct hash old_key;
	struct cache_entry *v;
	size_t	 n;
	struct strmap by_rel;
	bool	 hits;		/* its records may be taken */
	size_t	 taken;
	/* The next one's entries: the new records' bytes, and the runs of
	 * entries in order. */
	struct buf next;
	struct piece *pieces;
	size_t	 n_pieces, cap_pieces;
	size_t	 n_next;
};

/* ---- Writing ---- */

static void
put_u32(struct buf *b, uint32_t v)
{
	char x[4];

	for (int i = 0; i < 4; i++)
		x[i] = (char)(v >> (8 * i));
	buf_append(b, x, 4);
}

static void
put_u64(struct buf *b, uint64_t v)
{
	char x[8];

	for (int i = 0; i < 8; i++)
		x[i] = (char)(v >> (8 * i));
	buf_append(b, x, 8);
}

static void
put_i64(struct buf *b, int64_t v)
{
	put_u64(b, (uint64_t)v);
}

static void
put_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		put_u32(b, NO_STRING);
		return;
	}
	size_t n = strlen(s);
	put_u32(b, (uint32_t)n);
	buf_append(b, s, n + 1);
}

static void
put_hash(struct buf *b, struct hash h)
{
	put_u64(b, h.a);
	put_u64(b, h.b);
}

static void
put_pos(struct buf *b, struct pos p)
{
	put_u32(b, (uint32_t)p.line);
	put_u32(b, (uint32_t)p.col);
}

static void
put_ref(struct buf *b, const struct ref *r)
{
	put_str(b, r->id);
	put_pos(b, r->pos);
}

static void
put_time(struct buf *b, struct timespec t)
{
	put_i64(b, (int64_t)t.tv_sec);
	put_i64(b, (int64_t)t.tv_nsec);
}

static void
put_ident(struct buf *b, const struct stat *st)
{
	put_u64(b, (uint64_t)st->st_dev);
	put_u64(b, (uint64_t)st->st_ino);
	put_i64(b, (int64_t)st->st_size);
	put_time(b, st->st_mtim);
	put_time(b, st->st_ctim);
}

/* The record: every field of struct activity the loader sets from the
 * file, in the order of the struct; read_record reads them back. */
static void
write_record(struct buf *b, const struct activity *a)
{
	put_pos(b, a->pos);
	put_str(b, a->title);
	put_u32(b, (uint32_t)a->date.year);
	put_u32(b, (uint32_t)a->date.month);
	put_u32(b, (uint32_t)a->date.day);
	put_pos(b, a->date_pos);
	put_ref(b, &a->framework);
	put_ref(b, &a->kind);
	put_u32(b, (uint32_t)a->partners.n);
	for (size_t i = 0; i < a->partners.n; i++)
		put_ref(b, &a->partners.v[i]);
	put_i64(b, a->count);
	put_str(b, a->place);
	put_str(b, a->summary);
	put_str(b, a->slug);
	put_pos(b, a->slug_pos);
	put_u64(b, a->body.len);
	put_pos(b, a->body.pos);
	put_u32(b, (uint32_t)a->body.indent);
}

/* ---- Reading, every value checked ---- */

struct reader {
	const char *p, *end;
	bool	 ok;
	bool	 trusted;	/* checked before: the text's checks are not
				   made again */
};

static uint64_t
get_n(struct reader *r, int bytes)
{
	if (!r->ok || r->end - r->p < bytes) {
		r->ok = false;
		return 0;
	}
	uint64_t v;
	if (bytes == 8) {
		memcpy(&v, r->p, 8);
		v = le64toh(v);
	} else {
		uint32_t w;
		memcpy(&w, r->p, 4);
		v = le32toh(w);
	}
	r->p += bytes;
	return v;
}

static uint32_t
get_u32(struct reader *r)
{
	return (uint32_t)get_n(r, 4);
}

static uint64_t
get_u64(struct reader *r)
{
	return get_n(r, 8);
}

/* A number from lo to hi, else the reader fails. */
static int64_t
get_range(struct reader *r, int bytes, int64_t lo, int64_t hi)
{
	uint64_t v = get_n(r, bytes);
	int64_t x = bytes == 4 ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;

	if (x < lo || x > hi)
		r->ok = false;
	return r->ok ? x : lo;
}

/* A string (NULL: none, which only optional allows): UTF-8 text without
 * NUL, of at most max bytes, pointing into the cache's text. With bytes,
 * any bytes but NUL (a path of the system's). */
static const char *
get_string(struct reader *r, bool optional, size_t max, bool bytes)
{
	uint32_t n = get_u32(r);

	if (!r->ok)
		return NULL;
	if (n == NO_STRING) {
		r->ok = optional;
		return NULL;
	}
	if (n > max || (size_t)(r->end - r->p) < (size_t)n + 1 ||
	    r->p[n] != '\0' || (!r->trusted && (bytes ?
	    memchr(r->p, '\0', n) != NULL : utf8_invalid(r->p, n) != n))) {
		r->ok = false;
		return NULL;
	}
	const char *s = r->p;
	r->p += n + 1;
	return s;
}

static const char *
get_str(struct reader *r, bool optional, size_t max)
{
	return get_string(r, optional, max, false);
}

static struct hash
get_hash(struct reader *r)
{
	struct hash h;

	h.a = get_u64(r);
	h.b = get_u64(r);
	return h;
}

static struct pos
get_pos(struct reader *r, const char *file)
{
	struct pos p = { file, 0, 0 };

	p.line = (int)get_range(r, 4, 0, INT32_MAX);
	p.col = (int)get_range(r, 4, 0, INT32_MAX);
	return p;
}

/* A string into arena (when copying), else as it is in the text. */
static const char *
keep_str(struct arena *arena, const char *s)
{
	return arena != NULL && s != NULL ? arena_strdup(arena, s) : s;
}

/* An id (framework, kind, partner): one the loader would take. */
static void
get_ref(struct reader *r, bool optional, const char *file,
    struct arena *arena, struct ref *out)
{
	const char *id = get_str(r, optional, 40);

	if (id != NULL && !r->trusted && !id_valid(id))
		r->ok = false;
	out->id = keep_str(arena, id);
	out->pos = get_pos(r, file);
	out->index = 0;
}

static bool
date_sane(struct date d)
{
	if (d.year == 0)
		return d.month == 0 && d.day == 0;
	if (d.year < 1000 || d.year > 9999 || d.month < 0 || d.month > 12 ||
	    d.day < 0)
		return false;
	if (d.month == 0)
		return d.day == 0;
	return d.day <= date_days_in_month(d.year, d.month);
}

/*
 * Read a record as write_record wrote it into *a, checking each value
 * against what the loader could have made; false when one is not. With
 * arena NULL, a's strings point into the cache's text and its partners are
 * read but not kept (a check); else they are copied there, positions at
 * file. size: the file's, which holds the body.
 */
static bool
read_record(struct reader *r, struct activity *a, struct arena *arena,
    const char *file, int64_t size)
{
	memset(a, 0, sizeof(*a));
	a->pos = get_pos(r, file);
	a->title = keep_str(arena, get_str(r, true, FSX_FILE_MAX));
	a->date.year = (int)get_range(r, 4, 0, 9999);
	a->date.month = (int)get_range(r, 4, 0, 12);
	a->date.day = (int)get_range(r, 4, 0, 31);
	if (!date_sane(a->date))
		r->ok = false;
	a->date_pos = get_pos(r, file);
	get_ref(r, true, file, arena, &a->framework);
	get_ref(r, true, file, arena, &a->kind);
	/* Each partner takes 13 bytes at least: no count beyond the text. */
	uint32_t n = get_u32(r);
	if (n > (size_t)(r->end - r->p) / 13)
		r->ok = false;
	if (r->ok && arena != NULL && n > 0)
		a->partners.v = arena_alloc(arena, n * sizeof(*a->partners.v));
	for (uint32_t i = 0; r->ok && i < n; i++) {
		struct ref one;
		get_ref(r, false, file, arena, &one);
		if (a->partners.v != NULL)
			a->partners.v[a->partners.n++] = one;
	}
	a->count = (long)get_range(r, 8, 1, COUNT_MAX);
	a->place = keep_str(arena, get_str(r, true, FSX_FILE_MAX));
	a->summary = keep_str(arena, get_str(r, true, FSX_FILE_MAX));
	const char *slug = get_str(r, true, SLUG_MAX);
	/* A slug the loader would have refused: no record. */
	if (slug != NULL && !r->trusted && (!slug_valid(slug) ||
	    reserved_page("activities", slug) != RESERVED_NO))
		r->ok = false;
	a->slug = keep_str(arena, slug);
	a->slug_pos = get_pos(r, file);
	a->body.len = (size_t)get_range(r, 8, 0, size);
	a->body.pos = get_pos(r, file);
	/* An activity file's body is its own text after the front matter. */
	a->body.indent = (int)get_range(r, 4, 0, 0);
	if (a->body.pos.line < 1 || a->body.pos.col != 1)
		r->ok = false;
	return r->ok;
}

/* An identity, of a file of at most max bytes. */
static struct ident
get_ident(struct reader *r, int64_t max)
{
	struct ident id;

	id.dev = (dev_t)get_u64(r);
	id.ino = (ino_t)get_u64(r);
	id.size = (off_t)get_range(r, 8, 0, max);
	id.mtime.tv_sec = (time_t)get_u64(r);
	id.mtime.tv_nsec = (long)get_range(r, 8, 0, 999999999);
	id.ctime.tv_sec = (time_t)get_u64(r);
	id.ctime.tv_nsec = (long)get_range(r, 8, 0, 999999999);
	return id;
}

/* Read an entry of the cache (r at its length), checked, into *e. */
static bool
read_entry(struct reader *r, struct cache_entry *e)
{
	const char *start = r->p;
	uint32_t len = get_u32(r);

	if (!r->ok || len > (size_t)(r->end - r->p))
		return false;
	struct reader in = { r->p, r->p + len, true, false };
	r->p += len;
	e->raw = start;
	e->raw_len = (size_t)(r->p - start);
	e->rel = get_str(&in, false, REL_MAX);
	e->id = get_ident(&in, FSX_FILE_MAX);
	e->source = get_hash(&in);
	e->front = get_hash(&in);
	e->rec = in.p;
	e->rec_len = (size_t)(in.end - in.p);
	struct activity a;
	/* The whole entry is the record: nothing before or after it. */
	return in.ok && e->rel[0] != '\0' && read_record(&in, &a, NULL, e->rel,
	    (int64_t)e->id.size) && in.p == in.end;
}

static bool
time_before(struct timespec t, struct timespec limit)
{
	return t.tv_sec < limit.tv_sec || (t.tv_sec == limit.tv_sec &&
	    t.tv_nsec < limit.tv_nsec);
}

/* Read the last build's cache, text (len bytes, the file modified at
 * began), whole; false, with nothing kept, at the first thing that is not
 * as this program writes it. */
static bool
read_cache(struct cache *c, struct timespec began)
{
	const char *t = c->text;
	size_t len = c->len;

	if (len < sizeof(magic) + 16 + 4 + 16 ||
	    memcmp(t, magic, sizeof(magic)) != 0)
		return false;
	struct reader sum = { t + len - 16, t + len, true, false };
	if (!hash_equal(get_hash(&sum), hash_bytes(t, len - 16)))
		return false;
	struct reader r = { t + sizeof(magic), t + len - 16, true, false };
	/* A file changed this close to the build that read it may have
	 * changed again since without its times showing it. */
	struct timespec limit = began;
	limit.tv_sec -= CACHE_MARGIN;
	uint32_t n = get_u32(&r);
	/* An object takes more than 64 bytes: no count beyond the text. */
	if (n > len / 64)
		return false;
	c->objects = xcalloc(n + 1, sizeof(*c->objects));
	for (c->n_objects = 0; c->n_objects < n && r.ok; c->n_objects++) {
		struct object *o = &c->objects[c->n_objects];
		o->path = get_string(&r, false, REL_MAX, true);
		o->id = get_ident(&r, INT64_MAX);
		o->bytes = get_hash(&r);
		o->racy = !time_before(o->id.mtime, limit) ||
		    !time_before(o->id.ctime, limit);
	}
	c->old_key = get_hash(&r);
	n = get_u32(&r);
	/* An entry takes far more than 64 bytes: no count beyond the text. */
	if (!r.ok || n > len / 64)
		return false;
	c->v = xcalloc(n + 1, sizeof(*c->v));
	for (c->n = 0; c->n < n; c->n++) {
		struct cache_entry *e = &c->v[c->n];
		if (!read_entry(&r, e) ||
		    !strmap_put(&c->by_rel, e->rel, c->n, NULL))
			return false;
		e->racy = !time_before(e->id.mtime, limit) ||
		    !time_before(e->id.ctime, limit);
	}
	return r.ok && r.p == r.end;
}

struct cache *
cache_open(const char *out)
{
	struct cache *c = xcalloc(1, sizeof(*c));
	struct stat st;

	clock_gettime(CLOCK_REALTIME, &c->began);
	hash_init(&c->deps);
	/* Only in a folder that holds coopgen's output, as the manifest
	 * (reuse.h); nothing in it is followed. */
	int dir = open(out, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
	int fd = dir == -1 || fstatat(dir, PUBLISH_MARKER, &st,
	    AT_SYMLINK_NOFOLLOW) == -1 || !S_ISREG(st.st_mode) ? -1 :
	    fsx_open_regular(dir, CACHE_FILE, false, &st);
	if (dir != -1)
		close(dir);
	if (fd == -1 || st.st_size > (off_t)CACHE_MAX) {
		if (fd != -1)
			close(fd);
		return c;
	}
	struct timespec began = st.st_mtim;
	size_t want = (size_t)st.st_size, got = 0;
	c->text = xmalloc(want + 1);
	while (got < want) {
		ssize_t k = read(fd, c->text + got, want - got);
		if (k == -1 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	c->len = got;
	if (got != want || !read_cache(c, began)) {
		strmap_free(&c->by_rel);
		free(c->v);
		free(c->objects);
		free(c->text);
		c->v = NULL;
		c->objects = NULL;
		c->text = NULL;
		c->n = c->n_objects = c->len = 0;
	}
	return c;
}

void
cache_free(struct cache *c)
{
	if (c == NULL)
		return;
	strmap_free(&c->by_rel);
	free(c->v);
	free(c->objects);
	free(c->text);
	buf_free(&c->next);
	free(c->pieces);
	for (size_t i = 0; i < c->n_next_objects; i++)
		free((char *)c->next_objects[i].path);
	free(c->next_objects);
	free(c);
}

static bool
same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* Whether st is the file of identity id, unchanged. */
static bool
same_file(const struct stat *st, const struct ident *id)
{
	return S_ISREG(st->st_mode) && st->st_dev == id->dev &&
	    st->st_ino == id->ino && st->st_size == id->size &&
	    same_time(st->st_mtim, id->mtime) &&
	    same_time(st->st_ctim, id->ctime);
}

bool
cache_object(const struct cache *c, const char *path, const struct stat *st,
    struct hash *bytes)
{
	for (size_t i = 0; i < c->n_objects; i++) {
		const struct object *o = &c->objects[i];
		if (strcmp(o->path, path) == 0) {
			if (o->racy || !same_file(st, &o->id))
				return false;
			*bytes = o->bytes;
			return true;
		}
	}
	return false;
}

void
cache_add_object(struct cache *c, const char *path, const struct stat *st,
    struct hash bytes)
{
	c->next_objects = xgrow(c->next_objects, &c->cap_next_objects,
	    c->n_next_objects, sizeof(*c->next_objects));
	c->next_objects[c->n_next_objects++] = (struct object){
	    .path = xstrdup(path), .id = { st->st_dev, st->st_ino,
	    st->st_size, st->st_mtim, st->st_ctim }, .bytes = bytes };
}

void
cache_program(struct cache *c, struct hash program)
{
	c->program = program;
}

void
cache_depend(struct cache *c, const char *rel, const char *text, size_t len)
{
	hash_string(&c->deps, rel);
	hash_string(&c->deps, text != NULL ? "text" : "none");
	if (text != NULL)
		hash_update(&c->deps, text, len);
}

void
cache_start(struct cache *c)
{
	struct hasher h;

	hash_init(&h);
	hash_update(&h, magic, sizeof(magic));
	hash_value(&h, c->program);
	hash_value(&h, hash_final(&c->deps));
	c->key = hash_final(&h);
	c->hits = c->n > 0 && hash_equal(c->key, c->old_key);
}

const struct cache_entry *
cache_find(const struct cache *c, int dirfd, const char *name,
    const char *rel)
{
	struct stat st;
	size_t i;

	if (!c->hits || dirfd == -1 || !strmap_get(&c->by_rel, rel, &i))
		return NULL;
	const struct cache_entry *e = &c->v[i];
	if (e->racy || fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !same_file(&st, &e->id))
		return NULL;
	return e;
}

void
cache_restore(const struct cache_entry *e, const char *file,
    struct arena *arena, struct activity *a, struct origin *from)
{
	struct reader r = { e->rec, e->rec + e->rec_len, true, true };

	/* Checked when the cache was read: it cannot fail now. */
	read_record(&r, a, arena, file, (int64_t)e->id.size);
	*from = (struct origin){ .source = e->source, .front = e->front };
}

/* Add len bytes at off (of next when own, else of the last cache's text)
 * to the next cache, in a run with the last when they follow it. */
static void
add_piece(struct cache *c, bool own, size_t off, size_t len)
{
	struct piece *last = c->n_pieces ? &c->pieces[c->n_pieces - 1] : NULL;

	if (last != NULL && last->own == own && last->off + last->len == off) {
		last->len += len;
		return;
	}
	c->pieces = xgrow(c->pieces, &c->cap_pieces, c->n_pieces,
	    sizeof(*c->pieces));
	c->pieces[c->n_pieces++] = (struct piece){ own, off, len };
}

void
cache_keep(struct cache *c, const struct cache_entry *e)
{
	add_piece(c, false, (size_t)(e->raw - c->text), e->raw_len);
	c->n_next++;
	c->taken++;
}

/* Whether p is in the file named file. */
static bool
in_file(struct pos p, const char *file)
{
	return p.file != NULL && strcmp(p.file, file) == 0 && p.line >= 0 &&
	    p.col >= 0;
}

void
cache_add(struct cache *c, const struct activity *a,
    const struct origin *from, const struct stat *id)
{
	const char *file = a->pos.file;

	if (id->st_mode == 0 || file == NULL || strlen(file) > REL_MAX ||
	    !in_file(a->date_pos, file) || !in_file(a->framework.pos, file) ||
	    !in_file(a->kind.pos, file) || !in_file(a->slug_pos, file) ||
	    !in_file(a->body.pos, file))
		return;
	for (size_t i = 0; i < a->partners.n; i++)
		if (!in_file(a->partners.v[i].pos, file))
			return;
	size_t at = c->next.len;
	put_u32(&c->next, 0);	/* the length, once known */
	put_str(&c->next, file);
	put_ident(&c->next, id);
	put_hash(&c->next, from->source);
	put_hash(&c->next, from->front);
	write_record(&c->next, a);
	uint32_t len = (uint32_t)(c->next.len - at - 4);
	for (int i = 0; i < 4; i++)
		c->next.data[at + i] = (char)(len >> (8 * i));
	/* An entry the next build's reader would refuse would make it refuse
	 * the whole cache: one is kept only as that reader takes it. */
	struct reader r = { c->next.data + at, c->next.data + c->next.len,
	    true, false };
	struct cache_entry check;
	if (!read_entry(&r, &check)) {
		c->next.len = at;
		return;
	}
	add_piece(c, true, at, c->next.len - at);
	c->n_next++;
}

void
cache_loaded(struct cache *c)
{
	c->hits = false;
	strmap_free(&c->by_rel);
	free(c->v);
	free(c->objects);
	c->v = NULL;
	c->objects = NULL;
	c->n = c->n_objects = 0;
}

size_t
cache_taken(const struct cache *c)
{
	return c != NULL ? c->taken : 0;
}

/* Write len bytes at data to fd, and into h; false (errno set) when the
 * write fails. */
static bool
write_hashed(int fd, struct hasher *h, const char *data, size_t len)
{
	hash_update(h, data, len);
	while (len > 0) {
		ssize_t k = write(fd, data, len);
		if (k == -1 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;
			return false;
		}
		data += k;
		len -= (size_t)k;
	}
	return true;
}

bool
cache_write(struct cache *c, struct publish *p, bool sound)
{
	struct buf head = BUF_INIT, sum = BUF_INIT;
	struct hasher h;

	char *path = publish_path(p, CACHE_FILE);
	int fd = path == NULL ? -1 : open(path, O_WRONLY | O_CREAT | O_EXCL |
	    O_CLOEXEC, 0666);
	bool ok = fd != -1;
	/* Written as it is made, from the runs of entries where they are:
	 * a big year's cache is not copied whole once more. */
	hash_init(&h);
	if (ok && sound) {
		buf_append(&head, magic, sizeof(magic));
		put_u32(&head, (uint32_t)c->n_next_objects);
		for (size_t i = 0; i < c->n_next_objects; i++) {
			const struct object *o = &c->next_objects[i];
			struct stat st = { .st_dev = o->id.dev,
			    .st_ino = o->id.ino, .st_size = o->id.size,
			    .st_mtim = o->id.mtime, .st_ctim = o->id.ctime };
			put_str(&head, o->path);
			put_ident(&head, &st);
			put_hash(&head, o->bytes);
		}
		put_hash(&head, c->key);
		put_u32(&head, (uint32_t)c->n_next);
		ok = write_hashed(fd, &h, head.data, head.len);
		for (size_t i = 0; ok && i < c->n_pieces; i++) {
			const struct piece *k = &c->pieces[i];
			ok = write_hashed(fd, &h, (k->own ? c->next.data :
			    c->text) + k->off, k->len);
		}
		put_hash(&sum, hash_final(&h));
		ok = ok && write_hashed(fd, &h, sum.data, sum.len);
	}
	/* Its modification time is when this build began (cache.h). Where
	 * that cannot be set, the cache would pass for later than it is:
	 * it is left empty. */
	struct timespec times[2] = { { .tv_nsec = UTIME_OMIT }, c->began };
	if (ok && sound && futimens(fd, times) == -1)
		ok = ftruncate(fd, 0) == 0;
	if (fd != -1 && close(fd) == -1)
		ok = false;
	if (!ok && path != NULL)
		diag_failure(p->d, p->out, "cannot write %s: %s", CACHE_FILE,
		    strerror(errno));
	free(path);
	buf_free(&head);
	buf_free(&sum);
	return ok;
}
