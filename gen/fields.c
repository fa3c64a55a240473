#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "fields.h"
#include "xalloc.h"

static struct pos
record_pos(const struct record *r)
{
	return r->map->pos;
}

static void
list_names(struct buf *b, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(b, ", ");
		buf_puts(b, names[i]);
	}
}

/* Edit distance counting a swap of neighbours as one edit, the commonest
 * slip ("wpio"); for "did you mean", so short strings only. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t d[33][33];

	if (la > 32 || lb > 32)
		return 99;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *
closest_name(const char *s, const char *const *names, size_t n)
{
	const char *best = NULL;
	/* One slip in a short word, two in a longer one. */
	size_t bestd = strlen(s) <= 4 ? 2 : 3;

	for (size_t i = 0; i < n; i++) {
		size_t d = distance(s, names[i]);
		if (d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	return best;
}

bool
record_open(struct record *r, const struct ynode *n, const char *what,
    const char *const keys[], struct arena *a, struct diag *d)
{
	size_t nkeys = 0;

	r->map = n;
	r->what = what;
	r->a = a;
	r->d = d;
	r->bad = false;
	if (n->kind != YNODE_MAP) {
		diag_error(d, n->pos, "expected %s as a mapping of 'key: value' "
		    "lines, found %s", what, ynode_kind_name(n));
		r->bad = true;
		return false;
	}
	while (keys[nkeys] != NULL)
		nkeys++;
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->items[2 * i];
		bool known = false;
		for (size_t j = 0; j < nkeys && !known; j++)
			known = strcmp(k->str, keys[j]) == 0;
		if (known)
			continue;
		struct buf b = BUF_INIT;
		const char *near = closest_name(k->str, keys, nkeys);
		if (near != NULL)
			buf_printf(&b, "did you mean '%s'? ", near);
		/* A long list helps nobody: past a dozen, only the nearest. */
		if (nkeys <= 12) {
			buf_puts(&b, "expected one of: ");
			list_names(&b, keys, nkeys);
		} else
			buf_printf(&b, "expected one of its %zu keys", nkeys);
		diag_error(d, k->pos, "unknown key '%s' in %s (%s)", k->str,
		    what, buf_str(&b));
		buf_free(&b);
		r->bad = true;
	}
	return true;
}

/* The scalar value of key, or NULL when absent or null; reports a missing
 * required field and a value that is not a scalar. */
static const struct ynode *
scalar(struct record *r, const char *key, bool required, const char *expected)
{
	const struct ynode *v = ynode_get(r->map, key);

	if (v != NULL && v->kind != YNODE_SCALAR) {
		diag_error(r->d, v->pos, "'%s' must be %s, not %s", key,
		    expected, ynode_kind_name(v));
		r->bad = true;
		return NULL;
	}
	if (ynode_is_null(v) || (v->len == 0)) {
		if (required) {
			if (v == NULL)
				diag_error(r->d, record_pos(r), "%s without "
				    "'%s' (a required field: %s)", r->what, key,
				    expected);
			else
				diag_error(r->d, v->pos, "'%s' is empty "
				    "(expected %s)", key, expected);
			r->bad = true;
		}
		return NULL;
	}
	return v;
}

const char *
record_text(struct record *r, const char *key, bool required, struct pos *pos)
{
	const struct ynode *v = scalar(r, key, required, "text");

	if (pos != NULL)
		*pos = v ? v->pos : record_pos(r);
	return v ? arena_strndup(r->a, v->str, v->len) : NULL;
}

bool
id_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 40)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '-' || c == '_'));
		if (!ok)
			return false;
	}
	return true;
}

static bool
ref_from(struct record *r, const char *key, const struct ynode *v,
    struct ref *out)
{
	out->id = NULL;
	out->pos = v->pos;
	out->index = (size_t)-1;
	if (v->kind != YNODE_SCALAR) {
		diag_error(r->d, v->pos, "'%s' must list ids, not hold %s",
		    key, ynode_kind_name(v));
		r->bad = true;
		return false;
	}
	if (!id_valid(v->str)) {
		diag_error(r->d, v->pos, "'%s' is not an id (expected "
		    "lower-case letters, digits, '-' and '_', as declared)",
		    v->str);
		r->bad = true;
		return false;
	}
	out->id = arena_strndup(r->a, v->str, v->len);
	return true;
}

void
record_ref(struct record *r, const char *key, bool required, struct ref *out)
{
	const struct ynode *v = scalar(r, key, required, "an id");

	out->id = NULL;
	out->pos = record_pos(r);
	out->index = (size_t)-1;
	if (v != NULL)
		ref_from(r, key, v, out);
}

void
record_refs(struct record *r, const char *key, struct refs *out)
{
	const struct ynode *v = ynode_get(r->map, key);

	out->v = NULL;
	out->n = 0;
	if (ynode_is_null(v))
		return;
	if (v->kind == YNODE_MAP) {
		diag_error(r->d, v->pos, "'%s' must be a list of ids, not "
		    "a mapping", key);
		r->bad = true;
		return;
	}
	size_t n = v->kind == YNODE_SEQ ? v->n : 1;
	out->v = arena_alloc(r->a, n * sizeof(*out->v));
	for (size_t i = 0; i < n; i++) {
		const struct ynode *item = v->kind == YNODE_SEQ ? v->items[i] : v;
		if (ref_from(r, key, item, &out->v[out->n]))
			out->n++;
	}
}

const char **
record_texts(struct record *r, const char *key, size_t *n)
{
	const struct ynode *v = ynode_get(r->map, key);

	*n = 0;
	if (ynode_is_null(v))
		return NULL;
	if (v->kind == YNODE_MAP) {
		diag_error(r->d, v->pos, "'%s' must be a list of texts, not "
		    "a mapping", key);
		r->bad = true;
		return NULL;
	}
	size_t cnt = v->kind == YNODE_SEQ ? v->n : 1;
	const char **out = arena_alloc(r->a, cnt * sizeof(*out));
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *item = v->kind == YNODE_SEQ ? v->items[i] : v;
		if (item->kind != YNODE_SCALAR || item->len == 0) {
			diag_error(r->d, item->pos, "each item of '%s' must "
			    "be text, not %s", key, item->kind == YNODE_SCALAR ?
			    "empty" : ynode_kind_name(item));
			r->bad = true;
			continue;
		}
		out[(*n)++] = arena_strndup(r->a, item->str, item->len);
	}
	return out;
}

void
record_date(struct record *r, const char *key, bool required,
    struct date *out, struct pos *pos)
{
	const struct ynode *v = scalar(r, key, required,
	    "a date, YYYY, YYYY-MM or YYYY-MM-DD");

	memset(out, 0, sizeof(*out));
	if (pos != NULL)
		*pos = v ? v->pos : record_pos(r);
	if (v == NULL)
		return;
	enum date_error e = date_parse(v->str, out);
	if (e == DATE_OK)
		return;
	char why[64];
	if (e == DATE_BAD_MONTH)
		snprintf(why, sizeof(why), "expected a month from 01 to 12");
	else if (e == DATE_BAD_DAY)
		snprintf(why, sizeof(why), "%.7s has %d days", v->str,
		    date_days_in_month(atoi(v->str), atoi(v->str + 5)));
	else
		snprintf(why, sizeof(why), "expected YYYY, YYYY-MM or "
		    "YYYY-MM-DD");
	diag_error(r->d, v->pos, "%s '%s' in '%s' (%s)", date_strerror(e),
	    v->str, key, why);
	r->bad = true;
}

long
record_int(struct record *r, const char *key, long min, long max, long dflt)
{
	const struct ynode *v = scalar(r, key, false, "a whole number");

	if (v == NULL)
		return dflt;
	char *end;
	errno = 0;
	long n = strtol(v->str, &end, 10);
	bool digits = v->str[0] != '\0' && strspn(v->str, "-0123456789") == v->len;
	if (!digits || *end != '\0' || errno != 0 || n < min || n > max) {
		diag_error(r->d, v->pos, "'%s' must be a whole number from "
		    "%ld to %ld, not '%s'", key, min, max, v->str);
		r->bad = true;
		return dflt;
	}
	return n;
}

long
record_count(struct record *r, const char *key)
{
	const struct ynode *v = scalar(r, key, false, "a positive whole number");

	if (v == NULL)
		return 1;
	char *end;
	errno = 0;
	long n = strtol(v->str, &end, 10);
	bool digits = strspn(v->str, "0123456789") == v->len;
	if (!digits || *end != '\0' || errno != 0 || n < 1 || n > COUNT_MAX) {
		diag_error(r->d, v->pos, "'%s' must be a positive whole number "
		    "(1 to %ld), not '%s'", key, COUNT_MAX, v->str);
		r->bad = true;
		return 1;
	}
	return n;
}

int
record_enum(struct record *r, const char *key, const char *const names[],
    bool required, int dflt)
{
	const struct ynode *v = scalar(r, key, required, "one of a fixed list");
	size_t n = 0;

	if (v == NULL)
		return dflt;
	while (names[n] != NULL)
		n++;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v->str, names[i]) == 0)
			return (int)i;
	struct buf b = BUF_INIT;
	list_names(&b, names, n);
	diag_error(r->d, v->pos, "unknown %s '%s' (expected one of: %s)", key,
	    v->str, buf_str(&b));
	buf_free(&b);
	r->bad = true;
	return dflt;
}

bool
record_number(struct record *r, const char *key, double *out)
{
	const struct ynode *v = scalar(r, key, false, "a number");

	if (v == NULL)
		return false;
	char *end;
	bool digits = strspn(v->str, "0123456789.") == v->len &&
	    v->str[0] != '.';
	double x = strtod(v->str, &end);
	if (!digits || *end != '\0' || !(x >= 0) || x > 1e15) {
		diag_error(r->d, v->pos, "'%s' must be a number such as "
		    "250000 or 1500.50 (no spaces, no thousands separators), "
		    "not '%s'", key, v->str);
		r->bad = true;
		return false;
	}
	*out = x;
	return true;
}

void
record_markdown(struct record *r, const char *key, const char *source,
    size_t source_len, int first_line, struct markdown *out)
{
	const struct ynode *v = scalar(r, key, false, "Markdown text");

	memset(out, 0, sizeof(*out));
	if (v == NULL)
		return;
	out->text = arena_strndup(r->a, v->str, v->len);
	out->len = v->len;
	out->pos = v->pos;
	if (v->block) {
		/* The text of a block starts on the line below its | or >,
		 * indented; find that indentation in the file itself. */
		out->pos.line++;
		size_t at = utf8_line_start(source, source_len,
		    out->pos.line - first_line + 1);
		int indent = 0;
		while (at + (size_t)indent < source_len &&
		    source[at + (size_t)indent] == ' ')
			indent++;
		out->pos.col = indent + 1;
		out->indent = indent;
	} else {
		/* Quoted text starts after its quote. */
		if (!v->plain)
			out->pos.col++;
		out->indent = 0;
	}
}
