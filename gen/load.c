#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "check.h"
#include "fields.h"
#include "frontmatter.h"
#include "fsx.h"
#include "load.h"
#include "names.h"
#include "reserved.h"
#include "slug.h"
#include "xalloc.h"
#include "ynode.h"

struct loader {
	struct content *c;
	struct fsx fs;
	struct diag *d;
	const struct load_hooks *hooks;
	struct cache *cache;	/* the hooks', when they take every body */
	FILE	*sink;		/* where the messages of a first decode go */
};

/* A file of the content, read and parsed. The YAML tree lives in its own
 * arena and goes when the file's records are decoded into the model. */
struct yfile {
	const char *rel;	/* in the content arena: positions point at it */
	char	*text;
	size_t	 len;
	struct arena tree;
	struct ynode *root;	/* NULL for an empty document or on error */
	bool	 ok;
	/* Of a Markdown file, for reusing its page (see struct activity):
	 * worked out where it is read, off the loader's thread. */
	struct hash source, front;
};

/* Per year: the slugs taken so far, to catch duplicates. */
struct slugs {
	struct strmap map;
	struct pos *where;
	size_t	 n, cap;
};

static const char *const site_keys[] = { "organisation",
    "organisation_short", "lang", "base_url", "utc_offset", "frameworks",
    "kinds", "governing_body", "place", "document_symbol", NULL };
static const char *const term_keys[] = { "id", "name", NULL };
static const char *const partner_keys[] = { "id", "name", "short", "country",
    NULL };
static const char *const agreement_keys[] = { "title", "type", "partners",
    "signed", "ends", "status", "framework", "count", "proposed", "summary",
    NULL };
static const char *const report_keys[] = { "title", "subtitle", "lead",
    "published", "authors", "source", "document", NULL };
static const char *const document_keys[] = { "number", "to",
    "signer_position", "signer_name", "recipients", NULL };
static const char *const section_keys[] = { "title", "order", NULL };
static const char *const article_keys[] = { "title", "lead", "published",
    "source", "author", "image", "image_caption", NULL };
static const char *const activity_keys[] = { "title", "date", "framework",
    "kind", "partners", "count", "place", "summary", "slug", "body", NULL };
static const char *const project_keys[] = { "title", "funder", "status",
    "start", "end", "budget", "currency", "count", "summary", NULL };

static const char *const langs[] = { "vi", "en", NULL };
const char *const agreement_type_ids[AGREEMENT_TYPES + 1] = { "bilateral",
    "multilateral", NULL };
const char *const agreement_status_ids[AGREEMENT_STATUSES + 1] = {
    "in-force", "proposed", NULL };
const char *const project_status_ids[PROJECT_STATUSES + 1] = { "completed",
    "ongoing", "preparing", "proposed", NULL };

static struct pos
file_pos(const char *rel)
{
	struct pos p = { rel, 0, 0 };

	return p;
}

static void
yfile_free(struct yfile *f)
{
	free(f->text);
	arena_free(&f->tree);
	f->text = NULL;
}

/* Read rel as YAML. A missing file is reported only when required; *exists
 * says whether there was one. */
static bool
yfile_read(struct loader *l, const char *rel, bool required, const char *what,
    struct yfile *f)
{
	const char *why;

	memset(f, 0, sizeof(*f));
	f->rel = arena_strdup(&l->c->arena, rel);
	if (fsx_kind(&l->fs, rel, &why) == FSX_NONE) {
		if (required)
			diag_error(l->d, file_pos(f->rel), "missing file "
			    "(expected %s)", what);
		return false;
	}
	if (!fsx_read(&l->fs, f->rel, &f->text, &f->len, l->d))
		return false;
	f->root = ynode_parse(&f->tree, f->text, f->len, f->rel, 1, l->d,
	    &f->ok);
	return f->ok;
}

/* The items of a file that holds a list of records. */
static const struct ynode *
yfile_list(struct loader *l, struct yfile *f, const char *what)
{
	if (f->root == NULL)
		return NULL;
	if (f->root->kind != YNODE_SEQ) {
		diag_error(l->d, f->root->pos, "expected a list of %s, each "
		    "starting with '- ' (found %s)", what,
		    ynode_kind_name(f->root));
		return NULL;
	}
	return f->root;
}

static bool page_name_free(struct diag *d, const char *folder,
    const char *what, const char *name, struct pos at, const char *instead);

/* A vocabulary of site.yaml; folder: where each term has a page, or
 * NULL. */
static void
load_vocab(struct loader *l, struct record *r, const char *key,
    const char *what, const char *folder, struct vocab *v)
{
	const struct ynode *list = ynode_get(r->map, key);

	if (list == NULL || list->kind != YNODE_SEQ || list->n == 0) {
		diag_error(l->d, list ? list->pos : r->map->pos, "'%s' must "
		    "be a non-empty list of {id, name} entries, one per %s",
		    key, what);
		r->bad = true;
		return;
	}
	v->v = arena_alloc(&l->c->arena, list->n * sizeof(*v->v));
	for (size_t i = 0; i < list->n; i++) {
		struct record t;
		struct pos idpos;
		if (!record_open(&t, list->items[i], what, term_keys,
		    &l->c->arena, l->d)) {
			r->bad = true;
			continue;
		}
		const char *id = record_text(&t, "id", true, &idpos);
		const char *name = record_text(&t, "name", true, NULL);
		r->bad |= t.bad;
		if (id == NULL || name == NULL)
			continue;
		if (!id_valid(id)) {
			diag_error(l->d, idpos, "'%s' is not a valid id "
			    "(expected lower-case letters, digits, '-' and '_', "
			    "at most 40)", id);
			r->bad = true;
			continue;
		}
		if (folder != NULL && !page_name_free(l->d, folder,
		    "framework id",
		    id, idpos, "choose another id")) {
			r->bad = true;
			continue;
		}
		size_t prev;
		if (!strmap_put(&v->ids, id, v->n, &prev)) {
			diag_error(l->d, idpos, "duplicate %s id '%s' (first "
			    "declared at line %d)", what, id, v->v[prev].pos.line);
			r->bad = true;
			continue;
		}
		v->v[v->n].id = id;
		v->v[v->n].name = name;
		v->v[v->n].pos = t.map->pos;
		v->n++;
	}
}

/* What report.docx takes from site.yaml, all optional. */
static void
load_site_document(struct loader *l, struct record *r)
{
	struct site *s = &l->c->site;
	struct pos at;

	s->governing_body = record_text(r, "governing_body", false, NULL);
	s->place = record_text(r, "place", false, NULL);
	s->document_symbol = record_text(r, "document_symbol", false, &at);
	const char *sym = s->document_symbol;
	if (sym != NULL && (strlen(sym) > 40 || strpbrk(sym, " \t\n/") != NULL)) {
		diag_error(l->d, at, "document_symbol '%s' is not a symbol "
		    "(expected the agency's letters, such as SHTT: no spaces, "
		    "no '/')", sym);
		r->bad = true;
	}
}

static void
load_site(struct loader *l)
{
	struct content *c = l->c;
	struct yfile f;
	struct record r;
	struct pos urlpos;

	bool read = yfile_read(l, "site.yaml", true, "the organisation, the "
	    "language and the vocabularies", &f);
	if (l->cache != NULL)
		cache_depend(l->cache, "site.yaml", f.text, f.len);
	if (!read) {
		yfile_free(&f);
		return;
	}
	if (f.root == NULL) {
		diag_error(l->d, file_pos(f.rel), "empty file (expected at least "
		    "organisation, frameworks and kinds)");
		yfile_free(&f);
		return;
	}
	if (record_open(&r, f.root, "site.yaml", site_keys, &c->arena, l->d)) {
		c->site.pos = f.root->pos;
		c->site.organisation = record_text(&r, "organisation", true,
		    NULL);
		c->site.organisation_short = record_text(&r,
		    "organisation_short", false, NULL);
		c->site.lang = (enum lang)record_enum(&r, "lang", langs, false,
		    LANG_VI);
		c->site.base_url = record_text(&r, "base_url", false, &urlpos);
		const char *url_why = c->site.base_url == NULL ? NULL :
		    names_base_url_problem(c->site.base_url);
		if (url_why != NULL) {
			diag_error(l->d, urlpos, "base_url '%s' %s",
			    c->site.base_url, url_why);
			r.bad = true;
		}
		struct pos offpos;
		c->site.utc_offset = record_text(&r, "utc_offset", false,
		    &offpos);
		const char *o = c->site.utc_offset;
		if (o == NULL)
			c->site.utc_offset = "+07:00";
		else if (strlen(o) != 6 || (o[0] != '+' && o[0] != '-') ||
		    strspn(o + 1, "0123456789") != 2 || o[3] != ':' ||
		    strspn(o + 4, "0123456789") != 2 || atoi(o + 1) > 14 ||
		    atoi(o + 4) > 59) {
			diag_error(l->d, offpos, "utc_offset '%s' is not an "
			    "offset from UTC (expected +HH:MM or -HH:MM, such as "
			    "+07:00)", o);
			r.bad = true;
		}
		load_site_document(l, &r);
		load_vocab(l, &r, "frameworks", "framework", "frameworks",
		    &c->site.frameworks);
		load_vocab(l, &r, "kinds", "kind", NULL, &c->site.kinds);
		c->site_ok = !r.bad;
	}
	yfile_free(&f);
}

static void
load_partners(struct loader *l)
{
	struct content *c = l->c;
	struct yfile f;

	const char *why;

	/* Without partners.yaml, every partner id is unknown, which the
	 * records naming one will say; the file itself is not required. */
	c->partners_ok = true;
	if (fsx_kind(&l->fs, "partners.yaml", &why) == FSX_NONE) {
		if (l->cache != NULL)
			cache_depend(l->cache, "partners.yaml", NULL, 0);
		return;
	}
	bool read = yfile_read(l, "partners.yaml", false, NULL, &f);
	if (l->cache != NULL)
		cache_depend(l->cache, "partners.yaml", f.text, f.len);
	if (!read) {
		c->partners_ok = false;
		yfile_free(&f);
		return;
	}
	const struct ynode *list = yfile_list(l, &f, "partners");
	if (list == NULL) {
		c->partners_ok = f.root == NULL;
		yfile_free(&f);
		return;
	}
	c->partners = xcalloc(list->n, sizeof(*c->partners));
	struct strmap shorts = STRMAP_INIT;
	for (size_t i = 0; i < list->n; i++) {
		struct record r;
		struct pos idpos, cpos;
		if (!record_open(&r, list->items[i], "a partner", partner_keys,
		    &c->arena, l->d)) {
			c->partners_ok = false;
			continue;
		}
		struct partner *p = &c->partners[c->n_partners];
		p->pos = r.map->pos;
		p->id = record_text(&r, "id", true, &idpos);
		p->name = record_text(&r, "name", true, NULL);
		p->short_name = record_text(&r, "short", false, NULL);
		p->country = record_text(&r, "country", false, &cpos);
		if (p->short_name == NULL)
			p->short_name = p->name;
		if (p->country != NULL && !check_country(p->country)) {
			diag_error(l->d, cpos, "'%s' is not a country code "
			    "(expected ISO 3166 alpha-2 in capitals, such as "
			    "VN, FR or KR; leave it out for an international "
			    "organisation)", p->country);
			r.bad = true;
		}
		size_t prev;
		if (p->id != NULL && !id_valid(p->id)) {
			diag_error(l->d, idpos, "'%s' is not a valid id "
			    "(expected lower-case letters, digits, '-' and '_', "
			    "at most 40)", p->id);
			r.bad = true;
		} else if (p->id != NULL && !page_name_free(l->d, "partners",
		    "partner id", p->id, idpos, "choose another id")) {
			r.bad = true;
		} else if (p->id != NULL &&
		    strmap_get(&c->partner_ids, p->id, &prev)) {
			diag_error(l->d, idpos, "duplicate partner id '%s' "
			    "(first declared at line %d)", p->id,
			    c->partners[prev].pos.line);
			r.bad = true;
		}
		/* Only a partner kept in the registry gets its id mapped: the
		 * figures size their arrays by the registry. */
		if (r.bad || p->name == NULL || p->id == NULL) {
			c->partners_ok = false;
			memset(p, 0, sizeof(*p));
			continue;
		}
		/* The tables, charts and sheets name partners by their short
		 * names: two alike would be two rows no reader tells apart. */
		if (strmap_get(&shorts, p->short_name, &prev))
			diag_warning(l->d, p->pos, "partner '%s' has the short "
			    "name '%s', as partner '%s' (line %d) has: tables "
			    "would show two rows alike (expected a short name of "
			    "its own: short: ...)", p->id, p->short_name,
			    c->partners[prev].id, c->partners[prev].pos.line);
		else
			strmap_put(&shorts, p->short_name, c->n_partners, NULL);
		strmap_put(&c->partner_ids, p->id, c->n_partners, NULL);
		c->n_partners++;
	}
	strmap_free(&shorts);
	yfile_free(&f);
}

static void
load_agreements(struct loader *l)
{
	struct content *c = l->c;
	struct yfile f;

	if (!yfile_read(l, "agreements.yaml", false, NULL, &f)) {
		yfile_free(&f);
		return;
	}
	const struct ynode *list = yfile_list(l, &f, "agreements");
	if (list == NULL) {
		yfile_free(&f);
		return;
	}
	c->agreements = xcalloc(list->n, sizeof(*c->agreements));
	for (size_t i = 0; i < list->n; i++) {
		struct record r;
		if (!record_open(&r, list->items[i], "an agreement",
		    agreement_keys, &c->arena, l->d))
			continue;
		r.lang = c->site.lang;
		struct agreement *a = &c->agreements[c->n_agreements];
		a->pos = r.map->pos;
		a->title = record_text(&r, "title", true, NULL);
		a->type = (enum agreement_type)record_enum(&r, "type",
		    agreement_type_ids, true, AGREEMENT_BILATERAL);
		a->status = (enum agreement_status)record_enum(&r, "status",
		    agreement_status_ids, false, AGREEMENT_IN_FORCE);
		record_refs(&r, "partners", &a->partners);
		record_date(&r, "signed", false, &a->signed_on, &a->signed_pos);
		record_date(&r, "ends", false, &a->ends, &a->ends_pos);
		record_date(&r, "proposed", false, &a->proposed, NULL);
		record_ref(&r, "framework", false, &a->framework);
		a->count = record_count(&r, "count");
		a->summary = record_text(&r, "summary", false, NULL);
		check_agreement(c, a, l->d);
		c->n_agreements++;
	}
	yfile_free(&f);
}

/* Give record number i of a year the slug s, unless another has it; fix
 * says how one of them can get another. */
static void
take_slug(struct loader *l, struct slugs *s, const char *slug, struct pos at,
    const char *fix)
{
	size_t prev;

	if (!strmap_put(&s->map, slug, s->n, &prev)) {
		struct pos p = s->where[prev];
		diag_error(l->d, at, "duplicate slug '%s', already taken by "
		    "%s:%d (each record of a year needs its own; %s)", slug,
		    p.file, p.line, fix);
		return;
	}
	s->where = xgrow(s->where, &s->cap, s->n, sizeof(*s->where));
	s->where[s->n++] = at;
}

/* Whether text makes a slug by itself (into made): it has letters or
 * digits, and none slug_make leaves out. made holds what slug_make made
 * either way. */
static bool
slug_of(const char *text, char made[SLUG_MAX + 1])
{
	size_t len = strlen(text);

	return slug_make(text, len, made) > 0 && !slug_drops_letters(text, len);
}

/* slug_hashed, in the content's arena. */
static const char *
hashed_slug(struct loader *l, const char *lead, const char *text)
{
	char slug[SLUG_MAX + 1];

	slug_hashed(lead, text, slug);
	return arena_strdup(&l->c->arena, slug);
}

/* Report a page name that coopgen's own page, or Windows, has taken. */
static bool
page_name_free(struct diag *d, const char *folder, const char *what,
    const char *name, struct pos at, const char *instead)
{
	switch (reserved_page(folder, name)) {
	case RESERVED_NO:
		return true;
	case RESERVED_PAGE:
		diag_error(d, at, "%s '%s' is the name of coopgen's own page "
		    "%s/%s.html (%s)", what, name, folder, name, instead);
		return false;
	default:
		diag_error(d, at, "%s '%s' is a name Windows cannot give a "
		    "file (%s)", what, name, instead);
		return false;
	}
}

/* The slug of an activity: its 'slug' field when given (checked), else
 * made from its file name (stem; NULL in activities.yaml), else from its
 * title, each when slug_of takes it; else slug_hashed of its title, after
 * what slug_make made of the title or else after its date. */
static const char *
activity_slug(struct loader *l, struct record *r, const struct activity *a,
    const char *stem, struct pos *at)
{
	struct pos spos;
	const char *given = ynode_get(r->map, "slug") ?
	    record_text(r, "slug", false, &spos) : NULL;
	const char *slug = NULL;
	char made[SLUG_MAX + 1];

	*at = a->pos;
	if (given != NULL) {
		*at = spos;
		if (!slug_valid(given)) {
			diag_error(r->d, spos, "slug '%s' is not valid (expected "
			    "lower-case ASCII letters and digits joined by single "
			    "'-', at most %d characters)", given, SLUG_MAX);
			return NULL;
		}
		slug = given;
	} else if (stem != NULL && slug_of(stem, made))
		slug = arena_strdup(&l->c->arena, made);
	else if (a->title == NULL)
		return NULL;
	else if (slug_of(a->title, made))
		slug = arena_strdup(&l->c->arena, made);
	else {
		char iso[11] = "activity";
		if (a->date.year != 0)
			date_iso(a->date, iso);
		slug = hashed_slug(l, made[0] ? made : iso, a->title);
	}
	if (!page_name_free(r->d, "activities", "slug", slug, *at, given ?
	    "set another 'slug:'" : stem ? "rename the file, or set 'slug:'" :
	    "set 'slug:'"))
		return NULL;
	return slug;
}

/* The fields of an activity, as far as they depend on its record alone
 * (and the name of its file, stem: NULL in activities.yaml). Messages go
 * to r->d. */
static void
activity_fields(struct loader *l, struct record *r, struct activity *a,
    const char *fallback_slug)
{
	a->pos = r->map->pos;
	a->title = record_text(r, "title", true, NULL);
	record_date(r, "date", true, &a->date, &a->date_pos);
	record_ref(r, "framework", true, &a->framework);
	record_ref(r, "kind", true, &a->kind);
	record_refs(r, "partners", &a->partners);
	a->count = record_count(r, "count");
	a->place = record_text(r, "place", false, NULL);
	a->summary = record_text(r, "summary", false, NULL);
	a->slug = activity_slug(l, r, a, fallback_slug, &a->slug_pos);
}

/* What an activity's record is among the others of the content: its slug
 * taken (or said to be another's), its ids resolved, its own checks. Done
 * for every record, read or taken from the cache (cache.h). */
static void
activity_settle(struct loader *l, struct year *y, struct activity *a,
    struct slugs *slugs)
{
	if (a->slug != NULL)
		take_slug(l, slugs, a->slug, a->slug_pos, "set 'slug:' on one "
		    "of them");
	check_activity(l->c, y, a, l->d);
}

static void
decode_activity(struct loader *l, struct year *y, struct record *r,
    struct activity *a, const char *fallback_slug, struct slugs *slugs)
{
	activity_fields(l, r, a, fallback_slug);
	activity_settle(l, y, a, slugs);
}

/* Read the Markdown file rel: f->text, or NULL (reported to l->d). id,
 * when not NULL, gets its identity (fsx_read_id). rel must outlive the
 * content (the positions point at it). Safe to call on several threads at
 * once: it touches only f, id, and diag, which locks. */
static bool
md_fetch(struct loader *l, const char *rel, struct yfile *f, struct stat *id)
{
	memset(f, 0, sizeof(*f));
	f->rel = rel;
	if (id != NULL)
		return fsx_read_id(&l->fs, f->rel, &f->text, &f->len, id, l->d);
	return fsx_read(&l->fs, f->rel, &f->text, &f->len, l->d);
}

/* Split the text of f, a Markdown file with front matter, and parse its
 * YAML into f->root (fm: where each part is), reporting to d. As md_fetch,
 * safe on several threads at once. */
static bool
front_parse(struct loader *l, struct yfile *f, struct frontmatter *fm,
    const char *what, struct diag *d)
{
	(void)l;
	f->root = NULL;
	if (f->len == 0 || strspn(f->text, " \t\r\n") == f->len) {
		diag_error(d, file_pos(f->rel), "empty file (expected %s: "
		    "front matter between '---' lines, then Markdown)", what);
		return false;
	}
	switch (frontmatter_split(f->text, f->len, fm)) {
	case FRONTMATTER_MISSING:
		diag_error(d, (struct pos){ f->rel, 1, 1 }, "no front matter "
		    "(expected the file to start with a '---' line, the fields "
		    "of %s, and another '---' line)", what);
		return false;
	case FRONTMATTER_UNCLOSED:
		diag_error(d, (struct pos){ f->rel, 1, 1 }, "front matter "
		    "is not closed (expected a '---' line after the fields)");
		return false;
	case FRONTMATTER_OK:
		break;
	}
	f->root = ynode_parse(&f->tree, f->text + fm->yaml, fm->yaml_len,
	    f->rel, fm->yaml_line, d, &f->ok);
	f->source = hash_bytes(f->text, f->len);
	f->front = hash_bytes(f->text, fm->body);
	if (f->ok && f->root == NULL) {
		diag_error(d, (struct pos){ f->rel, 1, 1 }, "empty front "
		    "matter (expected the fields of %s)", what);
		return false;
	}
	return f->ok;
}

/* Read a Markdown file with front matter, reporting to l->d. */
static bool
md_read(struct loader *l, const char *rel, const char *what, struct yfile *f,
    struct frontmatter *fm)
{
	return md_fetch(l, rel, f, NULL) && front_parse(l, f, fm, what, l->d);
}

static void
md_body(struct loader *l, const struct yfile *f, const struct frontmatter *fm,
    struct markdown *body)
{
	body->text = arena_strndup(&l->c->arena, f->text + fm->body,
	    f->len - fm->body);
	body->len = f->len - fm->body;
	body->pos = (struct pos){ f->rel, fm->body_line, 1 };
	body->indent = 0;
}

/* The file name without ".md". */
static char *
stem(const char *name)
{
	size_t n = strlen(name);

	return xstrndup(name, n > 3 ? n - 3 : n);
}

static bool
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

/* What load_md_folder does with each Markdown file that opened as a
 * record: stem is the file name without ".md". */
typedef void md_record_fn(struct loader *l, struct year *y,
    const struct yfile *f, const struct frontmatter *fm, struct record *r,
    const char *stem, void *arg);

/*
 * Files read and parsed ahead of the loader, on other threads: reading a
 * file and parsing its YAML are most of the time a big year takes to load,
 * and each file's are independent of the others'. The records are still
 * decoded one after the other, in the folder's order, on the loader's
 * thread (slugs, vocabularies and the model are not shared). Files go in
 * batches: the threads read one while the loader decodes the one before.
 */
#define AHEAD_BATCH	256
#define AHEAD_THREADS	8

struct ahead_file {
	const char *path;	/* NULL: not a Markdown file */
	const char *name;	/* in its folder */
	struct yfile f;
	struct frontmatter fm;
	bool	 ok;
	/* Of an activity file: its record in the cache, when unchanged;
	 * else its identity (fsx_read_id), and the messages of a first
	 * decode (counted only: see activity_load). */
	const struct cache_entry *hit;
	struct stat id;
	struct diag said;
	bool	 said_on;	/* said is initialised */
};

struct ahead;

/* What one thread reads: every nshares-th file of the batch from its
 * share on. */
struct ahead_share {
	struct ahead *a;
	size_t	 share;
	pthread_t thread;
	bool	 started;
};

struct activity_files {
	struct slugs *slugs;
	size_t	*cap;
};

struct ahead {
	struct loader *l;
	const char *what;
	struct activity_files *acts;	/* NULL: not a folder of activities */
	int	 dirfd;			/* the folder, for the cache; or -1 */
	struct ahead_file *files;
	size_t	 first, n;		/* the batch being read */
	size_t	 nthreads;		/* 0: the loader reads */
	struct ahead_share shares[AHEAD_THREADS];
};

static void
ahead_read(struct ahead *a, size_t share)
{
	size_t step = a->nthreads > 0 ? a->nthreads : 1;
	struct loader *l = a->l;

	for (size_t i = a->first + share; i < a->first + a->n; i += step) {
		struct ahead_file *af = &a->files[i];
		if (af->path == NULL)
			continue;
		if (a->acts == NULL) {
			af->ok = md_read(l, af->path, a->what, &af->f, &af->fm);
			continue;
		}
		if (af->hit != NULL)
			continue;
		/* Counted, never shown: see activity_load. */
		diag_init(&af->said, l->sink);
		af->said_on = true;
		af->ok = md_fetch(l, af->path, &af->f, &af->id) &&
		    front_parse(l, &af->f, &af->fm, a->what, &af->said);
	}
}

static void *
ahead_thread(void *arg)
{
	struct ahead_share *s = arg;

	ahead_read(s->a, s->share);
	return NULL;
}

/* Start reading the batch [first, first + n). */
static void
ahead_start(struct ahead *a, size_t first, size_t n)
{
	a->first = first;
	a->n = n;
	for (size_t t = 0; t < a->nthreads; t++) {
		a->shares[t] = (struct ahead_share){ .a = a, .share = t };
		if (n > 0)
			a->shares[t].started = pthread_create(
			    &a->shares[t].thread, NULL, ahead_thread,
			    &a->shares[t]) == 0;
	}
}

/* Until the batch is read (by the loader, when there are no threads). */
static void
ahead_wait(struct ahead *a)
{
	if (a->nthreads == 0)
		ahead_read(a, 0);
	for (size_t t = 0; t < a->nthreads; t++) {
		if (a->shares[t].started)
			pthread_join(a->shares[t].thread, NULL);
		else
			ahead_read(a, t);	/* no thread: its share here */
	}
}

static void activity_load(struct loader *l, struct year *y, struct ahead *a,
    struct ahead_file *af);

/* Which of the files [0, n) of a are in the cache, unchanged: every
 * nshares-th from share on. */
static void
look_up_share(struct ahead *a, size_t n, size_t share, size_t nshares)
{
	for (size_t i = share; i < n; i += nshares) {
		struct ahead_file *af = &a->files[i];
		if (af->path != NULL)
			af->hit = cache_find(a->l->cache, a->dirfd, af->name,
			    af->path);
	}
}

struct look_up_job {
	struct ahead *a;
	size_t	 n, share, nshares;
	pthread_t thread;
	bool	 started;
};

static void *
look_up_thread(void *arg)
{
	struct look_up_job *j = arg;

	look_up_share(j->a, j->n, j->share, j->nshares);
	return NULL;
}

/* The same for all of them, on a's threads too when there are many (a
 * look takes a system call, a microsecond or so). */
static void
look_up(struct ahead *a, size_t n)
{
	struct look_up_job jobs[AHEAD_THREADS];
	size_t nshares = n >= 4 * AHEAD_BATCH ? a->nthreads + 1 : 1;

	for (size_t t = 1; t < nshares; t++) {
		jobs[t] = (struct look_up_job){ .a = a, .n = n, .share = t,
		    .nshares = nshares };
		jobs[t].started = pthread_create(&jobs[t].thread, NULL,
		    look_up_thread, &jobs[t]) == 0;
	}
	look_up_share(a, n, 0, nshares);
	for (size_t t = 1; t < nshares; t++) {
		if (jobs[t].started)
			pthread_join(jobs[t].thread, NULL);
		else
			look_up_share(a, n, t, nshares);
	}
}

/* Read every .md file of the folder y/sub as a record of what, keys its
 * allowed keys, each given to fn (with arg); or, with acts, as an activity
 * (activity_load). Anything else in the folder is warned about. */
static void
load_md_folder(struct loader *l, struct year *y, const char *sub,
    const char *what, const char *const keys[], md_record_fn *fn, void *arg,
    struct activity_files *acts)
{
	char rel[256], **names;

	snprintf(rel, sizeof(rel), "%s/%s", y->dir, sub);
	if (!fsx_folder(&l->fs, rel, l->d))
		return;
	size_t n = fsx_list(&l->fs, rel, &names, l->d);
	struct ahead a = { .l = l, .what = what, .acts = acts, .dirfd = -1 };
	a.files = xcalloc(n + 1, sizeof(*a.files));
	for (size_t i = 0; i < n; i++) {
		char *path = arena_printf(&l->c->arena, "%s/%s", rel, names[i]);
		a.files[i].name = names[i];
		if (has_suffix(names[i], ".md"))
			a.files[i].path = path;
		else
			diag_warning(l->d, file_pos(path), "ignored: not a "
			    "Markdown file (the files of %s/ are .md files)",
			    sub);
	}
	int readers = l->hooks != NULL ? l->hooks->readers : 0;
	a.nthreads = readers > AHEAD_THREADS ? AHEAD_THREADS : (size_t)readers;
	/* The files unchanged since the last build, looked at in the folder
	 * as it was listed: their records are taken from the cache, and the
	 * rest read, ahead when they are many. */
	size_t to_read = n;
	if (acts != NULL && l->cache != NULL &&
	    (a.dirfd = fsx_folder_fd(&l->fs, rel)) != -1) {
		look_up(&a, n);
		for (size_t i = 0; i < n; i++)
			to_read -= a.files[i].hit != NULL;
	}
	/* Threads pay off only with files to share. */
	if (to_read < AHEAD_BATCH)
		a.nthreads = 0;

	/* Two batches: the threads read one while the other is decoded. The
	 * threads point at their batch, so the two stay where they are. */
	struct ahead batch[2] = { a, a };
	struct ahead *cur = &batch[0], *next = &batch[1];
	ahead_start(cur, 0, n < AHEAD_BATCH ? n : AHEAD_BATCH);
	while (cur->n > 0) {
		ahead_wait(cur);
		size_t end = cur->first + cur->n;
		ahead_start(next, end, n - end < AHEAD_BATCH ? n - end :
		    AHEAD_BATCH);
		for (size_t i = cur->first; i < end; i++) {
			struct ahead_file *af = &a.files[i];
			struct record r;
			if (af->path != NULL && acts != NULL)
				activity_load(l, y, &a, af);
			else if (af->path != NULL && af->ok && record_open(&r,
			    af->f.root, what, keys, &l->c->arena, l->d)) {
				r.lang = l->c->site.lang;
				char *base = stem(names[i]);
				fn(l, y, &af->f, &af->fm, &r, base, arg);
				free(base);
			}
			if (af->path != NULL)
				yfile_free(&af->f);
			if (af->said_on)
				pthread_mutex_destroy(&af->said.lock);
		}
		struct ahead *t = cur;
		cur = next;
		next = t;
	}
	ahead_wait(cur);	/* the empty batch after the last */
	if (a.dirfd != -1)
		close(a.dirfd);
	free(a.files);
	fsx_list_free(names, n);
}

/* A new activity at the end of y's, with its origin (NULL: none, all
 * zero); the two arrays grow together (*cap is the activities'). */
static struct activity *
activity_new(struct year *y, size_t *cap, const struct origin *from)
{
	size_t old = *cap;

	y->activities = xgrow(y->activities, cap, y->n_activities,
	    sizeof(*y->activities));
	if (*cap != old || y->origins == NULL)
		y->origins = xrealloc(y->origins, *cap * sizeof(*y->origins));
	y->origins[y->n_activities] = from != NULL ? *from :
	    (struct origin){ { 0, 0 }, { 0, 0 } };
	struct activity *a = &y->activities[y->n_activities++];
	memset(a, 0, sizeof(*a));
	return a;
}

/* An activity, decoded, into the year: settled among the others, and its
 * body offered to the hook while it is in the file's buffer (f: NULL when
 * the record came from the cache, which is used only when the hook takes
 * every body); a copy is kept only if the hook does not take it. */
static void
activity_take(struct loader *l, struct year *y, const struct activity *rec,
    const struct origin *from, const struct yfile *f,
    const struct frontmatter *fm, struct activity_files *acts)
{
	struct activity *a = activity_new(y, acts->cap, from);
	*a = *rec;
	activity_settle(l, y, a, acts->slugs);
	if (f != NULL)
		a->body.text = f->text + fm->body;
	if (l->hooks != NULL && l->hooks->body != NULL && y->wanted &&
	    (f == NULL || l->hooks->body(l->hooks->arg, y, a))) {
		a->body.text = NULL;
		a->body.on_disk = true;
	} else if (l->hooks != NULL && !y->wanted) {
		/* Read for its figures only: its prose is never written. */
		a->body.text = NULL;
	} else
		md_body(l, f, fm, &a->body);
}

/* The record of an activity file as read (f, with its YAML parsed when
 * ok), reporting to d. False when it has none. */
static bool
activity_decode(struct loader *l, const struct ahead *a,
    const struct ahead_file *af, struct diag *d, struct activity *rec)
{
	struct record r;

	memset(rec, 0, sizeof(*rec));
	if (!af->ok || !record_open(&r, af->f.root, a->what, activity_keys,
	    &l->c->arena, d))
		return false;
	r.lang = l->c->site.lang;
	const struct ynode *body = ynode_get(af->f.root, "body");
	if (body != NULL)
		diag_error(d, body->pos, "'body' in front matter (the "
		    "Markdown after the closing '---' is the body)");
	char *base = stem(af->name);
	activity_fields(l, &r, rec, base);
	free(base);
	rec->body = (struct markdown){ NULL, af->f.len - af->fm.body,
	    { af->f.rel, af->fm.body_line, 1 }, 0, false };
	return true;
}

/*
 * An activity file of the folder a: its record taken from the cache when
 * the file is unchanged, else decoded from what was read. A record is
 * first decoded with messages of its own (counted, never shown), parsing
 * included: one that said nothing is kept for the next build's cache,
 * which can then take it with nothing to say; one that said something is
 * parsed and decoded again from the same bytes, saying it to the run. The
 * messages are the same, and in the same order, as with one decode.
 */
static void
activity_load(struct loader *l, struct year *y, struct ahead *a,
    struct ahead_file *af)
{
	struct activity rec;
	struct origin from;

	if (af->hit != NULL) {
		cache_restore(af->hit, af->path, &l->c->arena, &rec, &from);
		cache_keep(l->cache, af->hit);
		activity_take(l, y, &rec, &from, NULL, NULL, a->acts);
		return;
	}
	from = (struct origin){ .source = af->f.source, .front = af->f.front };
	if (af->f.text == NULL)
		return;		/* not read: fsx said why */
	bool has = activity_decode(l, a, af, &af->said, &rec);
	const struct diag *said = &af->said;
	if (said->errors + said->warnings + said->notes + said->failures > 0) {
		arena_free(&af->f.tree);
		af->ok = front_parse(l, &af->f, &af->fm, a->what, l->d);
		has = activity_decode(l, a, af, l->d, &rec);
	} else if (has && l->cache != NULL)
		cache_add(l->cache, &rec, &from, &af->id);
	if (has)
		activity_take(l, y, &rec, &from, &af->f, &af->fm, a->acts);
}

static void
load_activity_files(struct loader *l, struct year *y, struct slugs *slugs,
    size_t *cap)
{
	struct activity_files af = { slugs, cap };

	load_md_folder(l, y, "activities", "an activity", activity_keys,
	    NULL, NULL, &af);
}

static void
load_activity_list(struct loader *l, struct year *y, struct slugs *slugs,
    size_t *cap)
{
	char rel[256];
	struct yfile f;

	snprintf(rel, sizeof(rel), "%s/activities.yaml", y->dir);
	if (yfile_read(l, rel, false, NULL, &f)) {
		const struct ynode *list = yfile_list(l, &f, "activities");
		for (size_t i = 0; list != NULL && i < list->n; i++) {
			struct record r;
			if (!record_open(&r, list->items[i], "an activity",
			    activity_keys, &l->c->arena, l->d))
				continue;
			r.lang = l->c->site.lang;
			struct activity *a = activity_new(y, cap, NULL);
			decode_activity(l, y, &r, a, NULL, slugs);
			record_markdown(&r, "body", f.text, f.len, 1, &a->body);
		}
	}
	yfile_free(&f);
}

static void
load_projects(struct loader *l, struct year *y)
{
	char rel[256];
	struct yfile f;

	snprintf(rel, sizeof(rel), "%s/projects.yaml", y->dir);
	if (yfile_read(l, rel, false, NULL, &f)) {
		const struct ynode *list = yfile_list(l, &f, "projects");
		if (list != NULL)
			y->projects = xcalloc(list->n, sizeof(*y->projects));
		for (size_t i = 0; list != NULL && i < list->n; i++) {
			struct record r;
			struct pos curpos;
			if (!record_open(&r, list->items[i], "a project",
			    project_keys, &l->c->arena, l->d))
				continue;
			r.lang = l->c->site.lang;
			struct project *p = &y->projects[y->n_projects++];
			p->pos = r.map->pos;
			p->title = record_text(&r, "title", true, NULL);
			record_ref(&r, "funder", true, &p->funder);
			p->status = (enum project_status)record_enum(&r,
			    "status", project_status_ids, true,
			    PROJECT_ONGOING);
			record_date(&r, "start", false, &p->start, NULL);
			record_date(&r, "end", false, &p->end, NULL);
			p->has_budget = record_number(&r, "budget", &p->budget);
			p->currency = record_text(&r, "currency", false, &curpos);
			p->count = record_count(&r, "count");
			p->summary = record_text(&r, "summary", false, NULL);
			if (p->currency != NULL && (strlen(p->currency) != 3 ||
			    strspn(p->currency, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3))
				diag_error(l->d, curpos, "'%s' is not a currency "
				    "code (expected ISO 4217, such as USD, EUR "
				    "or VND)", p->currency);
			else if (!ynode_is_null(ynode_get(r.map, "budget")) !=
			    (p->currency != NULL))
				diag_error(l->d, p->pos, "a project's 'budget' "
				    "and 'currency' go together (expected both "
				    "or neither)");
			check_project(l->c, p, l->d);
		}
	}
	yfile_free(&f);
}

static int
cmp_sections(const void *a, const void *b)
{
	const struct section *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->pos.file, y->pos.file);
}

struct section_files {
	struct slugs slugs;
	size_t	 cap;
};

static void
section_file(struct loader *l, struct year *y, const struct yfile *f,
    const struct frontmatter *fm, struct record *r, const char *base,
    void *arg)
{
	struct section_files *sf = arg;
	char slug[SLUG_MAX + 1];

	y->sections = xgrow(y->sections, &sf->cap, y->n_sections,
	    sizeof(*y->sections));
	struct section *s = &y->sections[y->n_sections++];
	memset(s, 0, sizeof(*s));
	s->pos = (struct pos){ f->rel, 1, 1 };
	s->title = record_text(r, "title", true, NULL);
	s->order = record_int(r, "order", -100000, 100000, 0);
	/* A chapter's id: from its file name, else its title, else a hash of
	 * its title (or file name). */
	if (slug_of(base, slug) || (s->title != NULL && slug_of(s->title, slug)))
		s->slug = arena_strdup(&l->c->arena, slug);
	else
		s->slug = hashed_slug(l, slug[0] ? slug : "chapter",
		    s->title ? s->title : base);
	switch (reserved_id(s->slug)) {
	case RESERVED_NO:
		take_slug(l, &sf->slugs, s->slug, s->pos, "rename one of the "
		    "files");
		break;
	case RESERVED_PREFIX:
		diag_error(l->d, s->pos, "chapter id '%s' begins like the ids "
		    "coopgen gives the report's own parts (rename the file)",
		    s->slug);
		break;
	default:
		diag_error(l->d, s->pos, "chapter id '%s' is an id the report "
		    "page already has (rename the file)", s->slug);
		break;
	}
	md_body(l, f, fm, &s->body);
}

static void
load_sections(struct loader *l, struct year *y)
{
	struct section_files sf = { { STRMAP_INIT, NULL, 0, 0 }, 0 };

	load_md_folder(l, y, "sections", "a section", section_keys,
	    section_file, &sf, NULL);
	strmap_free(&sf.slugs.map);
	free(sf.slugs.where);
	if (y->n_sections > 1)
		qsort(y->sections, y->n_sections, sizeof(*y->sections),
		    cmp_sections);
}

static void
load_article(struct loader *l, struct year *y)
{
	char rel[256];
	const char *why;
	struct yfile f;
	struct frontmatter fm;
	struct record r;

	snprintf(rel, sizeof(rel), "%s/article.md", y->dir);
	if (fsx_kind(&l->fs, rel, &why) == FSX_NONE)
		return;
	/* Positions point at the path: it lives as long as the content. */
	const char *path = arena_strdup(&l->c->arena, rel);
	if (md_read(l, path, "the article", &f, &fm) &&
	    record_open(&r, f.root, "the article", article_keys, &l->c->arena,
	    l->d)) {
		struct article *a = arena_alloc(&l->c->arena, sizeof(*a));
		a->pos = (struct pos){ f.rel, 1, 1 };
		a->title = record_text(&r, "title", true, NULL);
		if (ynode_get(f.root, "lead") == NULL)
			record_text(&r, "lead", true, NULL);	/* reports it */
		record_markdown(&r, "lead", f.text, f.len, 1, &a->lead);
		record_date(&r, "published", false, &a->published, NULL);
		/* report.yaml is read first, and its date is required. */
		if (a->published.year == 0)
			a->published = y->report.published;
		a->source = record_text(&r, "source", false, NULL);
		a->author = record_text(&r, "author", false, NULL);
		a->image = record_text(&r, "image", false, &a->image_pos);
		a->image_caption = record_text(&r, "image_caption", false, NULL);
		md_body(l, &f, &fm, &a->body);
		y->article = a;
	}
	yfile_free(&f);
}

/* report.yaml's document block (model.h), when there is one. */
static void
load_document(struct loader *l, struct record *parent, struct report *rep)
{
	const struct ynode *n = ynode_get(parent->map, "document");
	struct record r;
	struct pos at;

	if (ynode_is_null(n))
		return;
	if (!record_open(&r, n, "the document block", document_keys,
	    &l->c->arena, l->d)) {
		parent->bad = true;
		return;
	}
	struct document *doc = arena_alloc(&l->c->arena, sizeof(*doc));
	memset(doc, 0, sizeof(*doc));
	doc->pos = n->pos;
	doc->number = record_text(&r, "number", false, &at);
	if (doc->number != NULL && (strlen(doc->number) > 20 ||
	    strpbrk(doc->number, " \t\n/") != NULL)) {
		diag_error(l->d, at, "number '%s' is not a document number "
		    "(expected digits such as 05, or \"\" for a draft)",
		    doc->number);
		r.bad = true;
	}
	doc->to = record_texts(&r, "to", &doc->n_to);
	doc->signer_position = record_text(&r, "signer_position", true, NULL);
	doc->signer_name = record_text(&r, "signer_name", true, NULL);
	doc->recipients = record_texts(&r, "recipients", &doc->n_recipients);
	if (r.bad)
		parent->bad = true;
	rep->document = doc;
}

static void
load_report(struct loader *l, struct year *y)
{
	char rel[256];
	struct yfile f;
	struct record r;

	snprintf(rel, sizeof(rel), "%s/report.yaml", y->dir);
	if (!yfile_read(l, rel, true, "the year's report: title, lead and "
	    "published date", &f)) {
		yfile_free(&f);
		return;
	}
	if (f.root == NULL)
		diag_error(l->d, file_pos(f.rel), "empty file (expected the "
		    "report's title and published date at least)");
	else if (record_open(&r, f.root, "report.yaml", report_keys,
	    &l->c->arena, l->d)) {
		struct report *rep = &y->report;
		struct pos datepos;
		rep->pos = r.map->pos;
		rep->title = record_text(&r, "title", true, NULL);
		rep->subtitle = record_text(&r, "subtitle", false, NULL);
		record_markdown(&r, "lead", f.text, f.len, 1, &rep->lead);
		record_date(&r, "published", true, &rep->published, &datepos);
		rep->authors = record_texts(&r, "authors", &rep->n_authors);
		rep->source = record_text(&r, "source", false, NULL);
		load_document(l, &r, rep);
		if (rep->published.year != 0 && rep->published.year < y->year)
			diag_error(l->d, datepos, "report published before "
			    "the year it reports on (expected %d or later)",
			    y->year);
	}
	yfile_free(&f);
}

/* What a year folder may hold, for the warning about anything else. */
static const char *const year_entries[] = { "report.yaml", "sections",
    "article.md", "activities", "activities.yaml", "projects.yaml", "media",
    NULL };

static void
load_year(struct loader *l, struct year *y)
{
	char **names;
	struct slugs slugs = { STRMAP_INIT, NULL, 0, 0 };
	size_t cap = 0;

	size_t n = fsx_list(&l->fs, y->dir, &names, l->d);
	for (size_t i = 0; i < n; i++) {
		bool known = false;
		for (size_t j = 0; year_entries[j] && !known; j++)
			known = strcmp(names[i], year_entries[j]) == 0;
		if (known)
			continue;
		const char *near = closest_name(names[i], year_entries, 7);
		char *rel = arena_printf(&l->c->arena, "%s/%s", y->dir,
		    names[i]);
		diag_warning(l->d, file_pos(rel), "ignored: not part of a year "
		    "folder%s%s%s", near ? " (did you mean '" : "",
		    near ? near : "", near ? "'?)" : "");
	}
	fsx_list_free(names, n);

	load_report(l, y);
	load_sections(l, y);
	load_article(l, y);
	load_activity_files(l, y, &slugs, &cap);
	load_activity_list(l, y, &slugs, &cap);
	load_projects(l, y);
	check_repeats(l->c, y, l->d);
	strmap_free(&slugs.map);
	free(slugs.where);
}

static bool
is_year_name(const char *s)
{
	return strlen(s) == 4 && strspn(s, "0123456789") == 4 && s[0] != '0';
}

/* Whether year y is to be written when the years named are years[0..n):
 * every year when none is named; else a year named, and every year after
 * one, whose pages read the year named (the year before's figures, the
 * earlier years beside the statistics, {{trend}}, {{stat years...}}:
 * never a later year's, so the years before stay as they are). */
static bool
wanted(int y, const int *years, size_t n)
{
	if (n == 0)
		return true;
	for (size_t i = 0; i < n; i++)
		if (years[i] <= y)
			return true;
	return false;
}

bool
content_load(struct content *c, const char *root, const int *years, size_t n,
    struct diag *d)
{
	return content_load_hooked(c, root, years, n, NULL, d);
}

/* The sink's writes: nothing kept. */
static ssize_t
discard(void *cookie, const char *data, size_t len)
{
	(void)cookie;
	(void)data;
	return (ssize_t)len;
}

bool
content_load_hooked(struct content *c, const char *root, const int *years,
    size_t n, const struct load_hooks *hooks, struct diag *d)
{
	/* A record from the cache has no body in memory: only for a hook
	 * that takes every body. */
	struct loader l = { .c = c, .d = d, .hooks = hooks,
	    .cache = hooks != NULL && hooks->body != NULL ? hooks->cache :
	    NULL };
	char **names;

	memset(c, 0, sizeof(*c));
	c->root = root;
	if (!fsx_open(&l.fs, root, "content", d)) {
		fsx_close(&l.fs);
		return false;
	}
	l.sink = fopencookie(NULL, "w", (cookie_io_functions_t){
	    .write = discard });
	if (l.sink == NULL)
		xalloc_die();
	load_site(&l);
	load_partners(&l);
	if (l.cache != NULL)
		cache_start(l.cache);
	load_agreements(&l);
	check_agreement_repeats(c, d);

	size_t cnt = fsx_list(&l.fs, "", &names, d);
	c->years = xcalloc(cnt, sizeof(*c->years));
	for (size_t i = 0; i < cnt; i++) {
		const char *why;
		if (!is_year_name(names[i]) ||
		    fsx_kind(&l.fs, names[i], &why) != FSX_DIR) {
			if (strcmp(names[i], "site.yaml") != 0 &&
			    strcmp(names[i], "partners.yaml") != 0 &&
			    strcmp(names[i], "agreements.yaml") != 0)
				diag_warning(d, file_pos(arena_strdup(&c->arena,
				    names[i])), "ignored: not part of the "
				    "content (expected site.yaml, partners.yaml, "
				    "agreements.yaml, or a year folder such as "
				    "2023)");
			continue;
		}
		/* Every year is read: the list of years shows them all. A
		 * year named is wanted (checked and written), and so is every
		 * year after it, whose pages read it. */
		int y = atoi(names[i]);
		if (y < YEAR_FIRST) {
			diag_error(d, file_pos(arena_strdup(&c->arena,
			    names[i])), "year folder %s is before %d, where "
			    "spreadsheets' dates start (expected a year from %d "
			    "on)", names[i], YEAR_FIRST, YEAR_FIRST);
			continue;
		}
		bool want = wanted(y, years, n);
		struct year *yr = &c->years[c->n_years++];
		yr->year = y;
		yr->dir = arena_strdup(&c->arena, names[i]);
		yr->wanted = want;
	}
	fsx_list_free(names, cnt);

	if (n == 0 && c->n_years == 0)
		diag_error(d, file_pos(root), "no year folder in the content "
		    "(expected a folder named after its year, such as 2023)");
	for (size_t i = 0; i < n; i++) {
		if (content_year(c, years[i]) == NULL)
			diag_error(d, file_pos(root), "no folder for year %d in "
			    "the content (expected a folder named %d)",
			    years[i], years[i]);
	}
	for (size_t i = 0; i < c->n_years; i++)
		load_year(&l, &c->years[i]);
	if (l.cache != NULL)
		cache_loaded(l.cache);
	fsx_close(&l.fs);
	fclose(l.sink);
	return true;
}

static int
by_date(const void *x, const void *y, void *arg)
{
	const struct activity *v = arg;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const struct date *a = &v[i].date, *b = &v[j].date;
	int am = a->month ? a->month : 13, bm = b->month ? b->month : 13;
	int ad = a->day ? a->day : 32, bd = b->day ? b->day : 32;

	if (am != bm)
		return am < bm ? -1 : 1;
	if (ad != bd)
		return ad < bd ? -1 : 1;
	return i < j ? -1 : i > j;
}

size_t *
year_by_date(const struct year *y)
{
	size_t *order = xcalloc(y->n_activities, sizeof(*order));

	for (size_t i = 0; i < y->n_activities; i++)
		order[i] = i;
	if (y->n_activities > 1)
		qsort_r(order, y->n_activities, sizeof(*order), by_date,
		    y->activities);
	return order;
}

struct year *
content_year(const struct content *c, int y)
{
	for (size_t i = 0; i < c->n_years; i++)
		if (c->years[i].year == y)
			return &c->years[i];
	return NULL;
}

void
content_free(struct content *c)
{
	for (size_t i = 0; i < c->n_years; i++) {
		free(c->years[i].activities);
		free(c->years[i].origins);
		free(c->years[i].projects);
		free(c->years[i].sections);
	}
	free(c->years);
	free(c->partners);
	free(c->agreements);
	strmap_free(&c->site.frameworks.ids);
	strmap_free(&c->site.kinds.ids);
	strmap_free(&c->partner_ids);
	arena_free(&c->arena);
}

bool
content_reread_body(const struct fsx *fs, const struct year *y,
    const struct activity *a, char **text, struct markdown *body,
    struct diag *d)
{
	const struct origin *o = &y->origins[a - y->activities];
	struct frontmatter fm;
	size_t len;

	if (!fsx_reread(fs, a->body.pos.file, text, &len, d))
		return false;
	/* The very bytes the record was read from, or the page would be
	 * made of another version than its figures and its key. */
	if (!hash_equal(hash_bytes(*text, len), o->source) ||
	    frontmatter_split(*text, len, &fm) != FRONTMATTER_OK) {
		diag_failure(d, a->body.pos.file, "changed during the build; "
		    "build again");
		free(*text);
		*text = NULL;
		return false;
	}
	*body = (struct markdown){ *text + fm.body, len - fm.body,
	    { a->body.pos.file, fm.body_line, 1 }, 0, false };
	return true;
}
