#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "fields.h"
#include "figures.h"
#include "hash.h"
#include "utf8.h"
#include "xalloc.h"

/* How many ids an "expected one of" lists before it stops. */
#define LIST_MAX 12

static void
unknown_id(struct diag *d, const struct ref *r, const char *what,
    const char *where, const char *const *ids, size_t n)
{
	struct buf b = BUF_INIT;
	const char *near = closest_name(r->id, ids, n);

	if (near != NULL)
		buf_printf(&b, "did you mean '%s'? ", near);
	if (n == 0) {
		buf_printf(&b, "%s declares none", where);
	} else {
		buf_printf(&b, "expected one of %s: ", where);
		for (size_t i = 0; i < n && i < LIST_MAX; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", ids[i]);
		if (n > LIST_MAX)
			buf_printf(&b, " and %zu more", n - LIST_MAX);
	}
	diag_error(d, r->pos, "unknown %s '%s' (%s)", what, r->id, buf_str(&b));
	buf_free(&b);
}

bool
check_term(const struct content *c, const struct vocab *v, const char *what,
    struct ref *r, struct diag *d)
{
	if (r->id == NULL)
		return false;
	if (strmap_get(&v->ids, r->id, &r->index))
		return true;
	if (!c->site_ok)
		return false;	/* site.yaml's own error says it all */
	const char **ids = xcalloc(v->n, sizeof(*ids));
	for (size_t i = 0; i < v->n; i++)
		ids[i] = v->v[i].id;
	char where[64];
	snprintf(where, sizeof(where), "the %ss of site.yaml", what);
	unknown_id(d, r, what, where, ids, v->n);
	free(ids);
	return false;
}

bool
check_partner(const struct content *c, const char *what, struct ref *r,
    struct diag *d)
{
	if (r->id == NULL)
		return false;
	if (strmap_get(&c->partner_ids, r->id, &r->index))
		return true;
	if (!c->partners_ok)
		return false;
	const char **ids = xcalloc(c->n_partners, sizeof(*ids));
	for (size_t i = 0; i < c->n_partners; i++)
		ids[i] = c->partners[i].id;
	unknown_id(d, r, what, c->n_partners ? "partners.yaml" :
	    "partners.yaml (missing or empty)", ids, c->n_partners);
	free(ids);
	return false;
}

/* Each partner once: a second mention would count the record twice in
 * the partner's figures. */
static void
check_partners(const struct content *c, struct refs *r, struct diag *d)
{
	struct strmap seen = STRMAP_INIT;

	for (size_t i = 0; i < r->n; i++) {
		check_partner(c, "partner", &r->v[i], d);
		if (r->n > 1 && !strmap_put(&seen, r->v[i].id, i, NULL))
			diag_error(d, r->v[i].pos, "partner '%s' named twice "
			    "(expected each partner once)", r->v[i].id);
	}
	strmap_free(&seen);
}

void
check_activity(const struct content *c, const struct year *y,
    struct activity *a, struct diag *d)
{
	check_term(c, &c->site.frameworks, "framework", &a->framework, d);
	check_term(c, &c->site.kinds, "kind", &a->kind, d);
	check_partners(c, &a->partners, d);
	if (a->date.year != 0 && a->date.year != y->year) {
		char iso[11];
		date_iso(a->date, iso);
		diag_error(d, a->date_pos, "activity dated %s, outside its folder's "
		    "year (expected a date in %d)", iso, y->year);
	}
	if (a->partners.n == 0 && a->title != NULL)
		diag_warning(d, a->pos, "activity '%s' names no partner",
		    a->title);
}

void
check_project(const struct content *c, struct project *p, struct diag *d)
{
	check_partner(c, "funder", &p->funder, d);
	if (p->start.year && p->end.year &&
	    date_cmp(date_last_day(p->end), date_first_day(p->start)) < 0)
		diag_error(d, p->pos, "project ends before it starts "
		    "(expected 'end' on or after 'start')");
}

void
check_agreement(const struct content *c, struct agreement *a, struct diag *d)
{
	check_partners(c, &a->partners, d);
	if (a->framework.id != NULL)
		check_term(c, &c->site.frameworks, "framework", &a->framework, d);
	if (a->signed_on.year && a->ends.year &&
	    date_cmp(date_last_day(a->ends), date_first_day(a->signed_on)) < 0)
		diag_error(d, a->ends_pos, "agreement ends before it was signed "
		    "(expected 'ends' on or after 'signed')");
	if (a->status == AGREEMENT_PROPOSED && a->signed_on.year)
		diag_error(d, a->signed_pos, "a proposed agreement has no "
		    "'signed' date (remove it, or make the status in-force)");
	if (a->type == AGREEMENT_BILATERAL && a->partners.n > 1 && a->count == 1)
		diag_warning(d, a->pos, "bilateral agreement '%s' names %zu "
		    "partners", a->title ? a->title : "", a->partners.n);
}

/* ISO 3166-1 alpha-2, officially assigned codes. */
static const char countries[] =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI "
    "BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
    "CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
    "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
    "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
    "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
    "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW";

bool
check_country(const char *code)
{
	if (strlen(code) != 2 || code[0] < 'A' || code[0] > 'Z' ||
	    code[1] < 'A' || code[1] > 'Z')
		return false;
	/* Codes are two letters and a space; the last has no space after
	 * it, so step by index, not to the terminating NUL. */
	for (size_t i = 0; i + 2 <= sizeof(countries) - 1; i += 3)
		if (countries[i] == code[0] && countries[i + 1] == code[1])
			return true;
	return false;
}

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 ||
	    cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000;
}

void
title_key(struct buf *b, const char *s)
{
	/* Form C, case folded, "default ignorable" characters (zero-width
	 * spaces and joiners, soft hyphens, bidi controls) left out. */
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len = s == NULL ? 0 : utf8proc_map(
	    (const utf8proc_uint8_t *)s, 0, &folded, UTF8PROC_NULLTERM |
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
	    UTF8PROC_IGNORE);
	const char *t = len > 0 ? (const char *)folded : s ? s : "";
	size_t n = len > 0 ? (size_t)len : strlen(t), i = 0;
	bool space = false, any = false;

	/* Then every run of white space one space, none at the ends. */
	while (i < n) {
		uint32_t cp;
		size_t step = utf8_decode(t + i, n - i, &cp);
		if (step == 0) {
			cp = (unsigned char)t[i];
			step = 1;
		}
		if (is_space(cp)) {
			space = any;
		} else {
			if (space)
				buf_puts(b, " ");
			space = false;
			any = true;
			buf_append(b, t + i, step);
		}
		i += step;
	}
	free(folded);
}

/* "x (1)", "x (conflicted copy …)", "x (An's conflicted copy …)": the
 * stem before a final parenthesis that names a copy. */
static bool
copy_parenthesis(const char *open)
{
	const char *p = open + 1;

	/* Dropbox and Nextcloud, in English and Vietnamese ("xung đột", its
	 * ộ precomposed or as a Mac writes it). */
	if (strstr(p, "onflict") != NULL || strstr(p, "xung đột") != NULL ||
	    strstr(p, "xung \xc4\x91o\xcc\xa3\xcc\x82t") != NULL)
		return true;
	size_t d = strspn(p, "0123456789");
	return d > 0 && d <= 3 && strcmp(p + d, ")") == 0;
}

char *
copy_of(const char *stem)
{
	/* Windows Explorer, Google Drive, macOS Finder, in English and in
	 * Vietnamese; "Bản sao" also as a Mac writes names (decomposed). */
	static const char *const prefixes[] = { "Copy of ", "Bản sao của ",
	    "Ba\xcc\x89n sao cu\xcc\x89" "a ", NULL };
	static const char *const suffixes[] = { " - Copy", " - copy",
	    " - Bản sao", " - bản sao", " - Ba\xcc\x89n sao",
	    " - ba\xcc\x89n sao", " copy", " bản sao", " ba\xcc\x89n sao",
	    NULL };
	size_t n = strlen(stem);
	const char *p;

	for (size_t i = 0; prefixes[i] != NULL; i++)
		if (strncmp(stem, prefixes[i], strlen(prefixes[i])) == 0)
			return xstrdup(stem + strlen(prefixes[i]));
	/* Copy (2) of x */
	if (strncmp(stem, "Copy (", 6) == 0 && (p = strstr(stem, ") of ")))
		return xstrdup(p + 5);
	/* x.sync-conflict-20250110-123456-ABCDEFG (Syncthing), x_conflict-…
	 * (ownCloud) */
	if ((p = strstr(stem, ".sync-conflict-")) != NULL ||
	    (p = strstr(stem, "_conflict-")) != NULL)
		return xstrndup(stem, (size_t)(p - stem));
	/* x-DESKTOP-AB12CD (OneDrive: the computer's name, which Windows
	 * makes DESKTOP- or LAPTOP- and letters). */
	if ((p = strstr(stem, "-DESKTOP-")) != NULL ||
	    (p = strstr(stem, "-LAPTOP-")) != NULL)
		return xstrndup(stem, (size_t)(p - stem));
	/* A final " (…)" that names a copy (Windows, Dropbox, Nextcloud,
	 * Google Drive) or " 2" (macOS); then the words it may follow. */
	size_t end = n;
	if (n > 2 && stem[n - 1] == ')' && (p = strrchr(stem, '(')) != NULL &&
	    p > stem && p[-1] == ' ' && copy_parenthesis(p))
		end = (size_t)(p - stem) - 1;
	else {
		size_t d = 0;
		while (d < n && d < 3 && stem[n - 1 - d] >= '0' &&
		    stem[n - 1 - d] <= '9')
			d++;
		if (d > 0 && d <= 2 && n > d + 1 && stem[n - d - 1] == ' ')
			end = n - d - 1;
	}
	for (size_t i = 0; suffixes[i] != NULL; i++) {
		size_t m = strlen(suffixes[i]);
		if (end > m && strncmp(stem + end - m, suffixes[i], m) == 0)
			return xstrndup(stem, end - m);
	}
	return end < n ? xstrndup(stem, end) : NULL;
}

/* The file name of p without its folder and extension. */
static char *
stem_of(const char *file)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	const char *dot = strrchr(base, '.');
	return xstrndup(base, dot && dot != base ? (size_t)(dot - base) :
	    strlen(base));
}

/* Whether the record at p is in a file named like a copy of another. */
static bool
named_like_copy(struct pos p)
{
	char *stem = stem_of(p.file);
	char *base = copy_of(stem);
	bool yes = base != NULL;

	free(base);
	free(stem);
	return yes;
}

/* The records of one kind, each with its key, to find those that repeat
 * another. Of a set of equal records the original is the first whose file
 * is not named like a copy (else the first); every other is reported. */
struct repeats {
	const char *what;	/* "activity" */
	const char *same;	/* "title, date, framework and partners" */
	const char *advice;	/* "delete one; a record that stands for
				   several events says count: N" */
	struct strmap groups;	/* key to its set's number */
	struct strmap stems;	/* "set/file stem" to a record */
	struct arena keys;
	struct repeat {
		struct pos at;
		size_t	 group;	/* its set; (size_t)-1: no key */
		size_t	 orig;	/* of set number i (there are fewer sets
				   than records): its original */
	} *v;
	size_t	 n, cap;
};

static void
repeats_add(struct repeats *r, const struct buf *b, struct pos at, bool keyed)
{
	size_t i = r->n++, g = (size_t)-1;

	r->v = xgrow(r->v, &r->cap, i, sizeof(*r->v));
	r->v[i].at = at;
	if (keyed) {
		const char *key = arena_strndup(&r->keys, b->data ? b->data : "",
		    b->len);
		g = r->groups.n;
		if (strmap_put(&r->groups, key, g, &g))
			r->v[g].orig = i;
		else if (named_like_copy(r->v[r->v[g].orig].at) &&
		    !named_like_copy(at))
			r->v[g].orig = i;
		char *stem = stem_of(at.file);
		strmap_put(&r->stems, arena_printf(&r->keys, "%zu/%s", g, stem),
		    i, NULL);
		free(stem);
	}
	r->v[i].group = g;
}

/* The record of set g that record i's file name says it copies, else the
 * set's original. */
static size_t
repeats_orig(struct repeats *r, size_t i, size_t g)
{
	char *stem = stem_of(r->v[i].at.file);
	char *base = copy_of(stem);
	size_t j = r->v[g].orig;

	if (base != NULL) {
		char *key = arena_printf(&r->keys, "%zu/%s", g, base);
		size_t k;
		if (strmap_get(&r->stems, key, &k) && k != i)
			j = k;
	}
	free(base);
	free(stem);
	return j;
}

/* Report every record that repeats its set's original, in record order. */
static void
repeats_report(struct repeats *r, struct diag *d)
{
	for (size_t i = 0; i < r->n; i++) {
		size_t g = r->v[i].group;
		if (g == (size_t)-1 || r->v[g].orig == i)
			continue;
		struct pos o = r->v[repeats_orig(r, i, g)].at;
		diag_error(d, r->v[i].at, "this %s repeats %s:%d:%d (same %s): "
		    "a copy? (%s)", r->what, o.file, o.line, o.col, r->same,
		    r->advice);
	}
	strmap_free(&r->groups);
	strmap_free(&r->stems);
	arena_free(&r->keys);
	free(r->v);
}

static void
key_date(struct buf *b, struct date dt)
{
	char iso[11] = "";

	if (dt.year != 0)
		date_iso(dt, iso);
	buf_printf(b, "\x1f%s", iso);
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The partners in id order: the same partners in another order are the
 * same. */
static void
key_partners(struct buf *b, const struct refs *r)
{
	const char **ids = xcalloc(r->n + 1, sizeof(*ids));

	for (size_t i = 0; i < r->n; i++)
		ids[i] = r->v[i].id ? r->v[i].id : "";
	if (r->n > 1)
		qsort(ids, r->n, sizeof(*ids), cmp_str);
	buf_puts(b, "\x1f");
	for (size_t i = 0; i < r->n; i++)
		buf_printf(b, "%s,", ids[i]);
	free(ids);
}

void
check_repeats(const struct content *c, const struct year *y, struct diag *d)
{
	struct repeats r = { .what = "activity",
	    .same = "title, date, framework and partners",
	    .advice = "delete one; a record that stands for several events "
	    "says count: N", .groups = STRMAP_INIT, .stems = STRMAP_INIT,
	    .keys = ARENA_INIT };
	struct buf b = BUF_INIT;

	(void)c;
	/* Two records can be the same only when their dates, frameworks and
	 * partners are: the key of a title (normalised and case folded, most
	 * of the work) is made only for records that share those. */
	struct strmap rest = STRMAP_INIT;
	struct arena rest_keys = ARENA_INIT;
	size_t *shared = xcalloc(y->n_activities + 1, sizeof(*shared));
	size_t *set = xcalloc(y->n_activities + 1, sizeof(*set));
	for (size_t i = 0; i < y->n_activities; i++) {
		const struct activity *a = &y->activities[i];
		buf_reset(&b);
		key_date(&b, a->date);
		buf_printf(&b, "\x1f%s", a->framework.id ? a->framework.id : "");
		key_partners(&b, &a->partners);
		set[i] = rest.n;
		strmap_put(&rest, arena_strndup(&rest_keys, buf_str(&b), b.len),
		    set[i], &set[i]);
		shared[set[i]]++;
	}
	for (size_t i = 0; i < y->n_activities; i++) {
		const struct activity *a = &y->activities[i];
		buf_reset(&b);
		if (shared[set[i]] > 1) {
			title_key(&b, a->title);
			key_date(&b, a->date);
			buf_printf(&b, "\x1f%s", a->framework.id ?
			    a->framework.id : "");
			key_partners(&b, &a->partners);
		}
		repeats_add(&r, &b, a->pos, a->title != NULL &&
		    shared[set[i]] > 1);
	}
	repeats_report(&r, d);
	strmap_free(&rest);
	arena_free(&rest_keys);
	free(shared);
	free(set);

	struct repeats rp = { .what = "project",
	    .same = "title, funder, start and end",
	    .advice = "delete one; a record that stands for several projects "
	    "says count: N", .groups = STRMAP_INIT, .stems = STRMAP_INIT,
	    .keys = ARENA_INIT };
	for (size_t i = 0; i < y->n_projects; i++) {
		const struct project *p = &y->projects[i];
		buf_reset(&b);
		title_key(&b, p->title);
		buf_printf(&b, "\x1f%s", p->funder.id ? p->funder.id : "");
		key_date(&b, p->start);
		key_date(&b, p->end);
		repeats_add(&rp, &b, p->pos, p->title != NULL);
	}
	repeats_report(&rp, d);

	/* A chapter twice would be printed twice. */
	struct repeats rs = { .what = "chapter", .same = "title and text",
	    .advice = "delete one", .groups = STRMAP_INIT,
	    .stems = STRMAP_INIT, .keys = ARENA_INIT };
	for (size_t i = 0; i < y->n_sections; i++) {
		const struct section *s = &y->sections[i];
		char hex[33];
		buf_reset(&b);
		title_key(&b, s->title);
		/* The words, not the line endings or blank lines a copy
		 * made on another system may add. */
		struct hasher h;
		hash_init(&h);
		bool gap = false, any = false;
		for (size_t k = 0; k < s->body.len; k++) {
			char ch = s->body.text[k];
			if (strchr(" \t\r\n\f\v", ch) != NULL && ch != '\0') {
				gap = true;
				continue;
			}
			if (gap && any)
				hash_update(&h, " ", 1);
			gap = false;
			any = true;
			hash_update(&h, &ch, 1);
		}
		hash_hex(hash_final(&h), hex);
		buf_printf(&b, "\x1f%s", hex);
		repeats_add(&rs, &b, s->pos, s->title != NULL);
	}
	repeats_report(&rs, d);
	buf_free(&b);
}

void
check_agreement_repeats(const struct content *c, struct diag *d)
{
	struct repeats r = { .what = "agreement",
	    .same = "title, type, signing date and partners",
	    .advice = "delete one; a record that stands for several "
	    "agreements says count: N", .groups = STRMAP_INIT,
	    .stems = STRMAP_INIT, .keys = ARENA_INIT };
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		buf_reset(&b);
		title_key(&b, a->title);
		buf_printf(&b, "\x1f%d", (int)a->type);
		key_date(&b, a->signed_on);
		key_partners(&b, &a->partners);
		repeats_add(&r, &b, a->pos, a->title != NULL);
	}
	repeats_report(&r, d);
	buf_free(&b);
}

void
check_renewals(const struct content *c, int year, struct diag *d)
{
	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		if (!agreement_expiring(a, year))
			continue;
		char ends[11];
		int left = agreement_months_left(a, year);
		date_iso(a->ends, ends);
		diag_note(d, a->pos, "agreement '%s' expires %s, within %d month%s "
		    "of the end of %d (start its renewal, or let it lapse)",
		    a->title ? a->title : "", ends, left, left == 1 ? "" : "s",
		    year);
	}
}
