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
	r->lang = LANG_VI;
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
	/* A clerk may well write {{stat}} in a title: said, since it stays
	 * as written there. */
	if (v != NULL && memmem(v->str, v->len, "{{", 2) != NULL)
		diag_warning(r->d, v->pos, "'{{' in '%s' is published as it "
		    "is: placeholders work in Markdown texts (a body, a "
		    "chapter, a lead), not in a field (expected the words or "
		    "the number written out)", key);
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

/*
 * Numbers.
 *
 * number_read splits what is written into a sign, whole digits and
 * fraction digits (struct digits), and names the form when it is not the
 * plain one; the plain form is then written back from the digits alone.
 */
struct digits {
	bool	 neg;
	char	 whole[48], frac[48];	/* "" when none */
	bool	 fits;			/* false: too many digits to show */
};

static void
digits_add(char *to, const char *s, size_t n, bool *fits)
{
	size_t have = strlen(to);

	if (have + n >= 48) {
		*fits = false;
		return;
	}
	memcpy(to + have, s, n);
	to[have + n] = '\0';
}

/* The plain form of d: no leading zeros, no trailing zeros in the
 * fraction; "" when it does not fit. */
static void
digits_plain(const struct digits *d, char out[48])
{
	const char *w = d->whole;
	size_t fl = strlen(d->frac);

	out[0] = '\0';
	if (!d->fits)
		return;
	while (w[0] == '0' && w[1] != '\0')
		w++;
	while (fl > 0 && d->frac[fl - 1] == '0')
		fl--;
	char all[128];
	int len = snprintf(all, sizeof(all), "%s%s%s%.*s", d->neg &&
	    (strcmp(w, "0") != 0 || fl > 0) ? "-" : "", w[0] ? w : "0",
	    fl ? "." : "", (int)fl, d->frac);
	if (len > 0 && len < 48)
		memcpy(out, all, (size_t)len + 1);
}

static size_t
digit_run(const char *s, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	return k - i;
}

/* A mark between groups of three digits at s[i]: its kind ('.', ',',
 * '\'', ' ' or '_') in *kind and its length in bytes, 0 when none. No-break
 * and thin spaces count as spaces, U+2019 as an apostrophe. */
static size_t
group_mark(const char *s, size_t n, size_t i, char *kind)
{
	static const struct {
		const char *bytes;
		char	 kind;
	} marks[] = {
		{ ".", '.' }, { ",", ',' }, { "'", '\'' }, { "_", '_' },
		{ " ", ' ' }, { "\xc2\xa0", ' ' }, { "\xe2\x80\xaf", ' ' },
		{ "\xe2\x80\x89", ' ' }, { "\xe2\x80\x99", '\'' },
	};

	for (size_t m = 0; m < sizeof(marks) / sizeof(marks[0]); m++) {
		size_t len = strlen(marks[m].bytes);
		if (i + len <= n && memcmp(s + i, marks[m].bytes, len) == 0) {
			*kind = marks[m].kind;
			return len;
		}
	}
	return 0;
}

/* Digits grouped by threes from s[i]: "1.500.000", "250 000,50". True
 * (d filled, *kind the mark, *groups their number) only when the whole of
 * s is such a number. */
static bool
grouped(const char *s, size_t n, size_t i, struct digits *d, char *kind,
    int *groups)
{
	size_t lead = digit_run(s, n, i), len;
	char k;

	*groups = 0;
	if (lead < 1 || lead > 3)
		return false;
	digits_add(d->whole, s + i, lead, &d->fits);
	i += lead;
	while ((len = group_mark(s, n, i, &k)) > 0 &&
	    digit_run(s, n, i + len) == 3 && (*groups == 0 || k == *kind)) {
		*kind = k;
		digits_add(d->whole, s + i + len, 3, &d->fits);
		i += len + 3;
		(*groups)++;
	}
	if (*groups == 0)
		return false;
	/* A fraction after the other mark: "1.500,50", "1,500.50". */
	if (i < n && (s[i] == '.' || s[i] == ',') && s[i] != *kind) {
		size_t f = digit_run(s, n, i + 1);
		if (f == 0 || f == 3)	/* three: one group more, or not? */
			return false;
		digits_add(d->frac, s + i + 1, f, &d->fits);
		i += 1 + f;
	}
	return i == n;
}

/* The mantissa m.f times ten to the e, as digits. */
static void
shift_digits(struct digits *d, long e)
{
	char all[96];
	size_t wl = strlen(d->whole);

	if (e > 40 || e < -40) {
		d->fits = false;
		return;
	}
	snprintf(all, sizeof(all), "%s%s", d->whole, d->frac);
	size_t al = strlen(all);
	long point = (long)wl + e;
	d->whole[0] = d->frac[0] = '\0';
	if (point <= 0) {
		digits_add(d->whole, "0", 1, &d->fits);
		for (long z = 0; z < -point; z++)
			digits_add(d->frac, "0", 1, &d->fits);
		digits_add(d->frac, all, al, &d->fits);
	} else if ((size_t)point >= al) {
		digits_add(d->whole, all, al, &d->fits);
		for (size_t z = al; z < (size_t)point; z++)
			digits_add(d->whole, "0", 1, &d->fits);
	} else {
		digits_add(d->whole, all, (size_t)point, &d->fits);
		digits_add(d->frac, all + point, al - (size_t)point, &d->fits);
	}
}

/* YAML's other bases after the sign: "0x1F", "0o17", "0b101". */
static bool
based(const char *s, size_t n, size_t i, struct digits *d, const char **why)
{
	int base;

	if (n - i < 3 || s[i] != '0')
		return false;
	switch (s[i + 1]) {
	case 'x': case 'X': base = 16; *why = "a hexadecimal number"; break;
	case 'o': case 'O': base = 8; *why = "an octal number"; break;
	case 'b': case 'B': base = 2; *why = "a binary number"; break;
	default: return false;
	}
	unsigned long long v = 0;
	for (size_t k = i + 2; k < n; k++) {
		int c = (unsigned char)s[k], dv;
		if (c >= '0' && c <= '9')
			dv = c - '0';
		else if (c >= 'a' && c <= 'f')
			dv = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			dv = c - 'A' + 10;
		else
			return false;
		if (dv >= base)
			return false;
		if (v > (unsigned long long)NUMBER_MAX)
			d->fits = false;
		else
			v = v * (unsigned)base + (unsigned)dv;
	}
	snprintf(d->whole, sizeof(d->whole), "%llu", v);
	return true;
}

static bool
names_special(const char *s, size_t n, size_t i)
{
	static const char *const specials[] = { ".inf", ".Inf", ".INF",
	    ".nan", ".NaN", ".NAN", NULL };

	for (size_t k = 0; specials[k] != NULL; k++)
		if (n - i == 4 && memcmp(s + i, specials[k], 4) == 0)
			return true;
	return false;
}

/* The form of s from i, a sign already read: NULL for the plain form, or
 * why it is not; false when s is no number at all. */
static bool
number_form(const char *s, size_t n, size_t i, enum lang lang,
    struct digits *d, struct number *out)
{
	char kind = 0;
	int groups;

	out->why = NULL;
	if (based(s, n, i, d, &out->why))
		return true;
	/* "0.125" has no thousands: no group of them starts with 0. */
	bool zero = n - i >= 2 && s[i] == '0' && (s[i + 1] == '.' ||
	    s[i + 1] == ',');
	if (!zero && grouped(s, n, i, d, &kind, &groups)) {
		/* One group after a point or a comma reads as three decimals
		 * where that mark is the decimal one: '.' in English (and
		 * in YAML), ',' in Vietnamese. */
		char thousands = lang == LANG_VI ? '.' : ',';
		out->why = "a number with a thousands separator";
		if (groups == 1 && d->frac[0] == '\0' && (kind == '.' ||
		    kind == ',') && kind != thousands) {
			struct digits dec = *d;
			size_t wl = strlen(d->whole);
			dec.whole[wl - 3] = '\0';
			memcpy(dec.frac, d->whole + wl - 3, 4);
			digits_plain(&dec, out->alt);
			out->alt_mark = kind == '.' ? "point" : "comma";
			out->why = kind == '.' ? "a number with a thousands "
			    "separator or a decimal point" : "a number with a "
			    "thousands separator or a decimal comma";
		}
		return true;
	}
	memset(d->whole, 0, sizeof(d->whole));	/* what grouped() left */
	memset(d->frac, 0, sizeof(d->frac));
	d->fits = true;
	size_t start = i, wl = digit_run(s, n, i);
	digits_add(d->whole, s + i, wl, &d->fits);
	i += wl;
	char mark = i < n ? s[i] : 0;
	size_t fl = 0;
	if (mark == '.' || mark == ',') {
		fl = digit_run(s, n, i + 1);
		digits_add(d->frac, s + i + 1, fl, &d->fits);
		i += 1 + fl;
	}
	if (wl == 0 && fl == 0)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E') && mark != ',') {
		size_t k = i + 1;
		bool eneg = k < n && s[k] == '-';
		if (k < n && (s[k] == '-' || s[k] == '+'))
			k++;
		size_t el = digit_run(s, n, k);
		if (el == 0 || k + el != n)
			return false;
		long e = el > 3 ? 999 : strtol(s + k, NULL, 10);
		shift_digits(d, eneg ? -e : e);
		out->why = "a number in exponent form";
		return true;
	}
	if (i != n)
		return false;
	if (mark == ',')
		out->why = "a number with a decimal comma";
	else if (wl == 0)
		out->why = "a number starting with a point";
	else if (mark == '.' && fl == 0)
		out->why = "a number ending with a point";
	else if (wl > 1 && s[start] == '0')
		out->why = "a number with a leading zero";
	return true;
}

void
number_read(const char *s, size_t len, enum lang lang, bool whole,
    struct number *out)
{
	struct digits d = { .fits = true };
	size_t i = 0;
	bool plus = false;

	memset(out, 0, sizeof(*out));
	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		d.neg = s[0] == '-';
		plus = s[0] == '+';
		i = 1;
	}
	if (names_special(s, len, i) || !number_form(s, len, i, lang, &d,
	    out)) {
		out->verdict = NUMBER_NOT;
		return;
	}
	if (plus && out->why == NULL)
		out->why = "a number with a '+' sign";
	digits_plain(&d, out->plain);
	if (whole && strchr(out->plain, '.') != NULL) {
		out->verdict = NUMBER_NOT;	/* not a whole number */
		return;
	}
	if (whole && strchr(out->alt, '.') != NULL)
		out->alt[0] = '\0';
	if (whole && out->why == NULL && d.frac[0] != '\0')
		out->why = "a whole number written with decimals";
	if (out->why != NULL) {
		out->verdict = NUMBER_REFUSED;
		return;
	}
	/* A double holds 15 significant digits exactly, and a spreadsheet
	 * no more: a longer number would be read as another. Zeros at
	 * either end are not significant. */
	const char *first = out->plain, *last = out->plain + strlen(out->plain);
	while (*first == '-' || *first == '0' || *first == '.')
		first++;
	while (last > first && (last[-1] == '0' || last[-1] == '.'))
		last--;
	int sig = 0;
	for (const char *p = first; p < last; p++)
		sig += *p != '.';
	if (sig > 15 && !whole) {
		out->verdict = NUMBER_REFUSED;
		out->why = "a number of more than 15 digits, more than a "
		    "spreadsheet keeps exactly";
		out->plain[0] = '\0';
		out->alt[0] = '\0';
		return;
	}
	out->verdict = NUMBER_PLAIN;
	out->value = strtod(out->plain[0] ? out->plain : "1e300", NULL);
}

/* Read v, the value of key, as a number; a number written otherwise than
 * plainly is reported here, with its plain form. Text, and plain numbers
 * out of range, are left to the caller, whose message says the range. */
static enum number_verdict
field_number(struct record *r, const char *key, const struct ynode *v,
    bool whole, double *out)
{
	struct number n;
	size_t len = v->len;

	/* A block scalar ("count: |") ends with its line break. */
	while (len > 0 && (v->str[len - 1] == '\n' || v->str[len - 1] == ' '))
		len--;
	number_read(v->str, len, r->lang, whole, &n);
	*out = n.value;
	if (n.verdict != NUMBER_REFUSED)
		return n.verdict;
	struct buf b = BUF_INIT;
	if (n.plain[0] == '\0' && !whole)
		buf_puts(&b, "at most 15 digits, such as 250000 or 1500.50");
	else if (n.plain[0] == '\0')
		buf_puts(&b, "a plain whole number");
	else if (n.alt[0] == '\0')
		buf_printf(&b, "a plain number: %s", n.plain);
	else
		buf_printf(&b, "a plain number: %s, or %s if the %s is a "
		    "decimal %s", n.plain, n.alt, n.alt_mark, n.alt_mark);
	struct buf shown = BUF_INIT;
	utf8_show(&shown, v->str, len);
	diag_error(r->d, v->pos, "'%s' is %s, %s (expected %s)", key,
	    buf_str(&shown), n.why, buf_str(&b));
	buf_free(&shown);
	buf_free(&b);
	r->bad = true;
	return n.verdict;
}

/* The value of a number's key: as scalar(), but a key that is there with
 * nothing after it is an error (a number blanked out is not the default). */
static const struct ynode *
number_scalar(struct record *r, const char *key, const char *expected)
{
	const struct ynode *v = ynode_get(r->map, key);

	if (v != NULL && v->kind == YNODE_SCALAR && (ynode_is_null(v) ||
	    v->len == 0)) {
		diag_error(r->d, v->pos, "'%s' is empty (expected %s, or no "
		    "'%s' at all)", key, expected, key);
		r->bad = true;
		return NULL;
	}
	return scalar(r, key, false, expected);
}

long
record_int(struct record *r, const char *key, long min, long max, long dflt)
{
	const struct ynode *v = number_scalar(r, key, "a whole number");
	double x;

	if (v == NULL)
		return dflt;
	switch (field_number(r, key, v, true, &x)) {
	case NUMBER_REFUSED:
		return dflt;
	case NUMBER_PLAIN:
		if (x >= (double)min && x <= (double)max)
			return (long)x;
		/* FALLTHROUGH */
	case NUMBER_NOT:
		break;
	}
	struct buf shown = BUF_INIT;
	utf8_show(&shown, v->str, v->len);
	diag_error(r->d, v->pos, "'%s' must be a whole number from %ld to %ld, "
	    "not '%s'", key, min, max, buf_str(&shown));
	buf_free(&shown);
	r->bad = true;
	return dflt;
}

long
record_count(struct record *r, const char *key)
{
	const struct ynode *v = number_scalar(r, key,
	    "a positive whole number");
	double x;

	if (v == NULL)
		return 1;
	switch (field_number(r, key, v, true, &x)) {
	case NUMBER_REFUSED:
		return 1;
	case NUMBER_PLAIN:
		if (x >= 1 && x <= (double)COUNT_MAX)
			return (long)x;
		/* FALLTHROUGH */
	case NUMBER_NOT:
		break;
	}
	struct buf shown = BUF_INIT;
	utf8_show(&shown, v->str, v->len);
	diag_error(r->d, v->pos, "'%s' must be a positive whole number (1 to "
	    "%ld), not '%s'", key, COUNT_MAX, buf_str(&shown));
	buf_free(&shown);
	r->bad = true;
	return 1;
}

bool
id_equal(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && !((*a == '-' || *a == '_') &&
		    (*b == '-' || *b == '_')))
			return false;
	return *a == *b;
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
		if (id_equal(v->str, names[i]))
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
	const struct ynode *v = number_scalar(r, key, "a number");
	double x;

	if (v == NULL)
		return false;
	switch (field_number(r, key, v, false, &x)) {
	case NUMBER_REFUSED:
		return false;
	case NUMBER_PLAIN:
		if (x >= 0 && x <= NUMBER_MAX) {
			*out = x;
			return true;
		}
		if (x < 0) {
			diag_error(r->d, v->pos, "'%s' is %s, a negative number "
			    "(expected 0 or more)", key, v->str);
			r->bad = true;
			return false;
		}
		/* FALLTHROUGH */
	case NUMBER_NOT:
		break;
	}
	struct buf shown = BUF_INIT;
	utf8_show(&shown, v->str, v->len);
	diag_error(r->d, v->pos, "'%s' must be a number from 0 to "
	    "1000000000000000 such as 250000 or 1500.50 (no spaces, no "
	    "thousands separators), not '%s'", key, buf_str(&shown));
	buf_free(&shown);
	r->bad = true;
	return false;
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
