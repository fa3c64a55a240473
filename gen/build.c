#include <sys/resource.h>
#include <sys/stat.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "build.h"
#include "cache.h"
#include "check.h"
#include "diag.h"
#include "docx.h"
#include "figures.h"
#include "fsx.h"
#include "hash.h"
#include "html.h"
#include "json.h"
#include "labels.h"
#include "load.h"
#include "markdown.h"
#include "model.h"
#include "names.h"
#include "paths.h"
#include "prose.h"
#include "publish.h"
#include "reuse.h"
#include "strmap.h"
#include "xalloc.h"
#include "xlsx.h"
#include "years.h"

/* The stages of a run, for --timings. */
enum stage {
	STAGE_STAMP,
	STAGE_LOAD,
	STAGE_TEMPLATES,
	STAGE_FIGURES,
	STAGE_PROSE,
	STAGE_PAGES,
	STAGE_SITE,
	STAGE_WORKBOOK,
	STAGE_DATA,
	STAGE_PUBLISH,
	STAGE_COUNT,
};

static const char *const stage_names[STAGE_COUNT] = {
	[STAGE_STAMP] = "files' identities, keys",
	[STAGE_LOAD] = "read and check content",
	[STAGE_TEMPLATES] = "templates and labels",
	[STAGE_FIGURES] = "figures",
	[STAGE_PROSE] = "check other prose",
	[STAGE_PAGES] = "pages",
	[STAGE_SITE] = "years, dossiers",
	[STAGE_WORKBOOK] = "workbook",
	[STAGE_DATA] = "figures.json and media",
	[STAGE_PUBLISH] = "publish",
};

/* What the checks found out about a year that the writers need. */
struct year_run {
	struct year *y;
	struct figures figures;
	json_t	*json;		/* figures.json */
	json_t	*lookup;	/* what its prose reads: years.h */
	char	**media;	/* paths relative to the year folder */
	size_t	 n_media, cap_media;
	struct reuse_keys keys;	/* of its outputs (reuse.h) */
	struct reuse_entry *written;	/* each activity page's key, bytes */
	struct reuse_list group;	/* the other pages, written or taken */
	struct hash book_bytes;	/* statistics.xlsx's hash, once written */
};

struct run {
	const struct options *o;
	struct diag d;
	struct content c;
	struct fsx fs;
	struct year_run *years;	/* every year read, */
	size_t	 n_years;
	size_t	 n_wanted;	/* of which these are checked and written */
	/* Every year side by side (years.h), once all are computed. */
	struct years side;
	json_t	*years_json;
	struct labels labels;
	bool	 has_labels;
	struct locale locale;	/* from the labels, else built in */
	struct html *html;	/* the templates, loaded and checked */
	struct docx *docx;	/* report.docx's templates */
	double	 ms[STAGE_COUNT];	/* for --timings */
	size_t	 records;	/* activities read */
	size_t	 prose;		/* bytes of Markdown checked */
	/* A build: activity bodies are checked where their pages are
	 * rendered, in the same cmark parse (prose.h). */
	bool	 build;
	struct reuse old;	/* the last build's pages */
	bool	 reusing;	/* pages are keyed: see reuse.h */
	struct cache *cache;	/* the last build's records: see cache.h */
	/* The outputs of the whole site, as one group (reuse.h). */
	struct hash site_key;
	struct reuse_list site;
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Collect the files under rel (a folder of the year) into yr->media,
 * refusing what may not be published (names.h): a name one file system
 * cannot hold, or two names that one would take for one. */
static void
collect_media(struct run *r, struct year_run *yr, const char *rel)
{
	char **names;
	size_t n = fsx_list(&r->fs, rel, &names, &r->d);
	bool *publishable = xcalloc(n ? n : 1, sizeof(*publishable));

	names_check_folder(rel, names, n, publishable, &r->d);
	for (size_t i = 0; i < n; i++) {
		if (!publishable[i])
			continue;
		char *path = xmalloc(strlen(rel) + strlen(names[i]) + 2);
		const char *why;
		sprintf(path, "%s/%s", rel, names[i]);
		switch (fsx_kind(&r->fs, path, &why)) {
		case FSX_DIR:
			collect_media(r, yr, path);
			break;
		case FSX_FILE:
			yr->media = xgrow(yr->media, &yr->cap_media,
			    yr->n_media, sizeof(*yr->media));
			yr->media[yr->n_media++] = xstrdup(path +
			    strlen(yr->y->dir) + 1);
			break;
		case FSX_OTHER:
			diag_error(&r->d, (struct pos){ path, 0, 0 },
			    "refused: %s", why);
			break;
		case FSX_NONE:
			break;
		}
		free(path);
	}
	free(publishable);
	fsx_list_free(names, n);
}

/* What a year's prose is checked with: its figures (and every year's). */
static struct md_context
prose_context(struct run *r, const struct year_run *yr)
{
	return (struct md_context){ .c = &r->c, .y = yr->y,
	    .figures = yr->lookup, .fs = &r->fs, .d = &r->d,
	    .loc = &r->locale, .l = r->has_labels ? &r->labels : NULL };
}

/* The prose of a year: its texts; with bodies, its activities' too (a
 * build checks those with their pages). */
static void
check_prose(struct run *r, struct year_run *yr, bool bodies)
{
	const struct year *y = yr->y;
	struct md_context ctx = prose_context(r, yr);

	r->prose += y->report.lead.len;
	for (size_t i = 0; i < y->n_sections; i++)
		r->prose += y->sections[i].body.len;
	for (size_t i = 0; i < y->n_activities; i++)
		r->prose += y->activities[i].body.len;
	if (y->article != NULL)
		r->prose += y->article->body.len + y->article->lead.len;
	prose_check_texts(&ctx);
	if (bodies)
		prose_check_bodies(&ctx, r->o->jobs);
}

static int check_all(struct run *r, const struct options *o);
static void check_bodies_left(struct run *r);
static void print_timings(const struct run *r, size_t files, size_t reused,
    double total);

/* Load, check and compute: everything both commands do. A build leaves
 * activity bodies to their pages, unless it stops before them. Messages
 * stay held for the caller to release. */
static int
prepare(struct run *r, const struct options *o, bool build,
    struct cache *cache)
{
	memset(r, 0, sizeof(*r));
	r->o = o;
	r->build = build;
	r->cache = cache;
	diag_init(&r->d, stderr);
	r->d.no_warnings = o->quiet;
	diag_hold(&r->d);
	int status = check_all(r, o);
	if (status != EXIT_OK && build)
		check_bodies_left(r);
	return diag_status(&r->d);
}

/* The figures of every year, then the years side by side. */
static void
years_compute(struct run *r)
{
	double t0 = now_ms();
	size_t n = r->c.n_years;
	const struct year **ys = xcalloc(n + 1, sizeof(*ys));
	const struct figures_year **fs = xcalloc(n + 1, sizeof(*fs));
	json_t **trees = xcalloc(n + 1, sizeof(*trees));

	r->years = xcalloc(n + 1, sizeof(*r->years));
	for (size_t i = 0; i < n; i++) {
		struct year_run *yr = &r->years[r->n_years++];
		yr->y = &r->c.years[i];
		figures_compute(&r->c, yr->y, &yr->figures);
		yr->json = figures_json(&r->c, &yr->figures);
		ys[i] = yr->y;
		fs[i] = &yr->figures.cur;
		trees[i] = yr->json;
	}
	r->side = (struct years){ .c = &r->c, .y = ys, .f = fs, .n = n };
	r->years_json = years_json(&r->side, trees);
	for (size_t i = 0; i < n; i++)
		r->years[i].lookup = years_lookup_root(r->years[i].json,
		    r->years_json, r->years[i].y->year);
	free(trees);
	r->ms[STAGE_FIGURES] += now_ms() - t0;
}

/* The loader's hook: every body of a year to be written stays in its file
 * (the model keeps records; prose.h reads a body again where it checks or
 * renders it), so that bodies do not pile up in memory. */
static bool
leave_on_disk(void *arg, const struct year *y, const struct activity *a)
{
	(void)arg;
	(void)y;
	(void)a;
	return true;
}

static int
check_all(struct run *r, const struct options *o)
{
	/* With a core to spare, files are read ahead of the loader. */
	struct load_hooks hooks = { .body = leave_on_disk,
	    .readers = o->jobs > 1 ? o->jobs : 0, .cache = r->cache };
	double start = now_ms();

	if (!fsx_open(&r->fs, o->content, "content", &r->d))
		return diag_status(&r->d);
	bool loaded = content_load_hooked(&r->c, o->content, o->years,
	    o->n_years, &hooks, &r->d);
	r->ms[STAGE_LOAD] = now_ms() - start;
	if (!loaded)
		return diag_status(&r->d);
	/* Renewals due within a year of the last year read. */
	if (r->c.n_years > 0)
		check_renewals(&r->c, r->c.years[r->c.n_years - 1].year,
		    &r->d);
	double t0 = now_ms();
	/* The templates folder is looked at once: a missing one is one
	 * problem, not one per thing read from it. */
	struct fsx templates;
	bool have_templates = fsx_open(&templates, o->templates, "templates",
	    &r->d);
	fsx_close(&templates);
	/* The labels are in the site's language: without site.yaml there is
	 * none to choose, and its error is reported already. */
	if (have_templates && r->c.site_ok)
		r->has_labels = labels_load(&r->labels, o->templates,
		    r->c.site.lang, &r->d);
	if (r->has_labels)
		locale_from_labels(&r->locale, &r->labels);
	else
		r->locale = *locale_builtin(r->c.site.lang);
	/* Every template is parsed before any page is built, so that a
	 * broken one is reported by check, and a build stops at once. */
	if (have_templates) {
		html_load(&r->html, o->templates, &r->d);
		docx_load(&r->docx, o->templates, &r->d);
	}
	r->ms[STAGE_TEMPLATES] += now_ms() - t0;

	/* Every year read gets its figures (the list of years and the
	 * years side by side show them); only the years wanted are checked
	 * further and written. */
	years_compute(r);
	for (size_t i = 0; i < r->n_years; i++) {
		struct year_run *yr = &r->years[i];
		struct year *y = yr->y;
		if (!y->wanted)
			continue;
		r->n_wanted++;
		t0 = now_ms();
		/* Without site.yaml there are no vocabularies to check prose
		 * against: its error is reported, and would be one per
		 * figure. */
		if (r->c.site_ok)
			check_prose(r, yr, !r->build);
		r->ms[STAGE_PROSE] += now_ms() - t0;
		r->records += y->n_activities;
		char media[64];
		snprintf(media, sizeof(media), "%s/media", y->dir);
		if (fsx_folder(&r->fs, media, &r->d))
			collect_media(r, yr, media);
	}
	return diag_status(&r->d);
}

/* The bodies a build left to its pages, when it stops before them: checked
 * here, so that one run still reports every problem. */
static void
check_bodies_left(struct run *r)
{
	for (size_t i = 0; r->c.site_ok && i < r->n_years; i++) {
		struct year_run *yr = &r->years[i];
		if (!yr->y->wanted)
			continue;
		struct md_context ctx = prose_context(r, yr);
		prose_check_bodies(&ctx, r->o->jobs);
	}
}

static void
finish(struct run *r)
{
	for (size_t i = 0; i < r->n_years; i++) {
		struct year_run *yr = &r->years[i];
		figures_free(&yr->figures);
		json_decref(yr->json);
		json_decref(yr->lookup);
		for (size_t j = 0; j < yr->n_media; j++)
			free(yr->media[j]);
		free(yr->media);
		reuse_keys_free(&yr->keys);
		free(yr->written);
		reuse_list_free(&yr->group);
	}
	reuse_list_free(&r->site);
	reuse_free(&r->old);
	free(r->years);
	free((void *)r->side.y);
	free((void *)r->side.f);
	json_decref(r->years_json);
	labels_free(&r->labels);
	html_free(r->html);
	docx_free(r->docx);
	fsx_close(&r->fs);
	content_free(&r->c);
	cache_free(r->cache);
}

/* The closing line of a run that found problems. */
static void
summarise(const struct run *r, const char *outcome)
{
	const struct diag *d = &r->d;

	if (d->errors == 0 && d->failures == 0)
		return;
	fprintf(stderr, "coopgen: %u error%s", d->errors + d->failures,
	    d->errors + d->failures == 1 ? "" : "s");
	if (d->warnings && !d->no_warnings)
		fprintf(stderr, ", %u warning%s", d->warnings,
		    d->warnings == 1 ? "" : "s");
	fprintf(stderr, "; %s\n", outcome);
}

int
coopgen_check(const struct options *o)
{
	struct run r;
	double start = now_ms();
	int status = prepare(&r, o, false, NULL);

	diag_release(&r.d);
	if (status == EXIT_OK && o->timings)
		print_timings(&r, 0, 0, now_ms() - start);
	if (status == EXIT_OK && !o->quiet)
		printf("%s: %zu year%s checked, no errors\n", o->content,
		    r.n_wanted, r.n_wanted == 1 ? "" : "s");
	summarise(&r, "see above");
	finish(&r);
	return status;
}

/* When the outputs of year y were made, as far as they say: the
 * SOURCE_DATE_EPOCH when set, else midnight (UTC) of the report's
 * published date. Never the clock, so that a build can be repeated. */
static time_t
created(const struct options *o, const struct year *y)
{
	if (o->has_epoch)
		return o->epoch;
	struct date d = date_first_day(y->report.published);
	struct tm tm = { .tm_year = d.year - 1900, .tm_mon = d.month - 1,
	    .tm_mday = d.day };
	return timegm(&tm);
}

/* What the pages of a checked year are made from. */
static struct html_year
html_input(struct run *r, struct year_run *yr)
{
	struct html_year in = { .c = &r->c, .l = &r->labels, .y = yr->y,
	    .f = &yr->figures, .json = yr->lookup, .fs = &r->fs, .d = &r->d,
	    .loc = &r->locale, .jobs = r->o->jobs, .side = &r->side,
	    .check_bodies = r->build,
	    .reuse = r->reusing ? &r->old : NULL, .keys = yr->keys.pages,
	    .written = yr->written, .group_key = yr->keys.group,
	    .group = r->reusing ? &yr->group : NULL };

	return in;
}

/* The workbook of a year, written on a thread of its own beside the
 * pages when there are cores for both: it depends on nothing they write. */
struct workbook_job {
	struct run *r;
	struct publish *p;
	struct year_run *yr;
	bool	 ok;
	double	 ms;
	pthread_t thread;
	bool	 started;
};

static void *
write_book(void *arg)
{
	struct workbook_job *k = arg;
	const struct year *y = k->yr->y;
	double t0 = now_ms();
	struct buf rel = BUF_INIT;

	buf_printf(&rel, "%s/" PATH_WORKBOOK, y->dir);
	const struct reuse_entry *e = k->r->reusing ?
	    reuse_find(&k->r->old, buf_str(&rel)) : NULL;
	if (e != NULL && hash_equal(e->key, k->yr->keys.book) &&
	    publish_reuse(k->p, buf_str(&rel), e->bytes)) {
		k->yr->book_bytes = e->bytes;
		k->ok = true;
		buf_free(&rel);
		k->ms = now_ms() - t0;
		return NULL;
	}
	char *path = publish_path(k->p, buf_str(&rel));
	if (path != NULL) {
		struct buf shown = BUF_INIT;
		buf_printf(&shown, "%s/%s", k->r->o->out, buf_str(&rel));
		struct xlsx_input in = { .c = &k->r->c, .y = y,
		    .f = &k->yr->figures, .l = &k->r->labels,
		    .loc = &k->r->locale, .created = created(k->r->o, y),
		    .shown = buf_str(&shown) };
		k->ok = xlsx_write_statistics(&in, path, k->p->tmp, &k->r->d);
		/* Not in the manifest when it cannot be hashed: the next
		 * build writes it again. */
		if (k->ok && k->r->reusing)
			reuse_hash_file(path, &k->yr->book_bytes);
		buf_free(&shown);
		free(path);
	} else
		k->ok = false;
	buf_free(&rel);
	k->ms = now_ms() - t0;
	return NULL;
}

static bool
write_year(struct run *r, struct publish *p, struct year_run *yr)
{
	const struct year *y = yr->y;
	struct buf b = BUF_INIT, rel = BUF_INIT;
	struct html_year pages = html_input(r, yr);
	struct workbook_job book = { .r = r, .p = p, .yr = yr };

	/* With one job, one thing after another: the order of the writes is
	 * then fixed, which the fault tests rely on. */
	if (r->o->jobs > 1)
		book.started = pthread_create(&book.thread, NULL, write_book,
		    &book) == 0;
	double t0 = now_ms();
	bool ok = html_write_year(r->html, &pages, p);
	r->ms[STAGE_PAGES] += now_ms() - t0;
	if (book.started)
		pthread_join(book.thread, NULL);
	else if (ok)
		write_book(&book);
	r->ms[STAGE_WORKBOOK] += book.ms;
	ok = ok && book.ok;

	/* report.docx: written by every build (it takes a few milliseconds),
	 * byte for byte the same for the same content. */
	t0 = now_ms();
	buf_printf(&rel, "%s/" PATH_REPORT_DOCX, y->dir);
	char *path = ok ? publish_path(p, buf_str(&rel)) : NULL;
	if (path != NULL) {
		struct docx_input din = { .c = &r->c, .y = y,
		    .f = &yr->figures, .json = yr->lookup, .fs = &r->fs,
		    .l = &r->labels, .loc = &r->locale,
		    .created = created(r->o, y) };
		ok = docx_write(r->docx, &din, path, &r->d);
		free(path);
	} else
		ok = false;
	buf_reset(&rel);
	r->ms[STAGE_WORKBOOK] += now_ms() - t0;

	t0 = now_ms();
	json_write_figures(yr->json, &b);
	buf_printf(&rel, "%s/" PATH_FIGURES, y->dir);
	ok = ok && publish_write(p, buf_str(&rel), b.data, b.len);
	for (size_t i = 0; ok && i < yr->n_media; i++) {
		char *src = xmalloc(strlen(r->o->content) + strlen(y->dir) +
		    strlen(yr->media[i]) + 3);
		sprintf(src, "%s/%s/%s", r->o->content, y->dir, yr->media[i]);
		buf_reset(&rel);
		buf_printf(&rel, "%s/%s", y->dir, yr->media[i]);
		ok = publish_copy(p, buf_str(&rel), src);
		free(src);
	}
	r->ms[STAGE_DATA] += now_ms() - t0;
	buf_free(&b);
	buf_free(&rel);
	return ok;
}

/* out/years.json and out/years.xlsx: every year side by side. */
static bool
write_years(struct run *r, struct publish *p)
{
	struct buf b = BUF_INIT;
	double t0 = now_ms();

	json_write_figures(r->years_json, &b);
	bool ok = publish_write(p, PATH_YEARS_JSON, b.data, b.len);
	if (ok && r->reusing)
		reuse_list_add(&r->site, PATH_YEARS_JSON, r->site_key,
		    hash_bytes(b.data, b.len));
	buf_free(&b);
	r->ms[STAGE_DATA] += now_ms() - t0;
	t0 = now_ms();
	char *path = ok ? publish_path(p, PATH_YEARS_WORKBOOK) : NULL;
	if (path != NULL) {
		struct buf shown = BUF_INIT;
		buf_printf(&shown, "%s/" PATH_YEARS_WORKBOOK, r->o->out);
		/* Made when the last year was: its date, not the clock's. */
		struct xlsx_years_input in = { .ys = &r->side,
		    .l = &r->labels, .loc = &r->locale,
		    .created = r->n_years ? created(r->o,
		    r->years[r->n_years - 1].y) : r->o->epoch,
		    .shown = buf_str(&shown) };
		ok = xlsx_write_years(&in, path, p->tmp, &r->d);
		/* Not in the group when it cannot be hashed: the next build
		 * writes the site again. */
		struct hash bytes;
		if (ok && r->reusing && !reuse_hash_file(path, &bytes))
			reuse_list_free(&r->site);
		else if (ok && r->reusing)
			reuse_list_add(&r->site, PATH_YEARS_WORKBOOK,
			    r->site_key, bytes);
		buf_free(&shown);
		free(path);
	} else
		ok = false;
	r->ms[STAGE_WORKBOOK] += now_ms() - t0;
	return ok;
}

/* --timings: what each stage took, on standard error. */
static void
print_timings(const struct run *r, size_t files, size_t reused,
    double total)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "coopgen: timings\n");
	for (int s = 0; s < STAGE_COUNT; s++) {
		double ms = r->ms[s];
		fprintf(stderr, "  %-24s %8.0f ms", stage_names[s], ms);
		if (s == STAGE_LOAD && ms > 0)
			fprintf(stderr, "   %zu activities, %.0f/s", r->records,
			    (double)r->records / ms * 1e3);
		if (s == STAGE_LOAD && cache_taken(r->cache) > 0)
			fprintf(stderr, "; %zu unchanged, not read",
			    cache_taken(r->cache));
		/* A check checks activity bodies as they are read; a build,
		 * as it renders them. */
		if (s == STAGE_PROSE && r->build)
			fprintf(stderr, "   %.1f MB of Markdown, activity "
			    "bodies checked with their pages",
			    (double)r->prose / 1e6);
		else if (s == STAGE_PROSE && ms + r->ms[STAGE_LOAD] > 0)
			fprintf(stderr, "   %.1f MB of Markdown checked, %.1f "
			    "MB/s with reading", (double)r->prose / 1e6,
			    (double)r->prose / 1e3 / (ms + r->ms[STAGE_LOAD]));
		if (s == STAGE_PAGES && ms > 0)
			fprintf(stderr, "   %zu files written, %.0f/s; %.1f MB/s "
			    "of Markdown", files, (double)files / (ms +
			    r->ms[STAGE_DATA] + r->ms[STAGE_WORKBOOK]) * 1e3,
			    (double)r->prose / 1e3 / ms);
		if (s == STAGE_PAGES && reused > 0)
			fprintf(stderr, "; %zu taken over from the last build",
			    reused);
		fputc('\n', stderr);
	}
	fprintf(stderr, "  %-24s %8.0f ms   peak memory %.0f MiB\n", "total",
	    total, (double)ru.ru_maxrss / 1024);
}

/*
 * A year --year leaves as the output folder has it: said when that is not
 * what a build of it would write now (its pages missing, or made from
 * other content), since the list of years and the dossiers, written anew,
 * link to its pages. The group of its pages is keyed by all it is made
 * from (reuse.h): an unchanged key is an unchanged year.
 */
/* Whether the activity pages of a kept year are those the last build made
 * from the activities as they are now: each page's entry in its manifest
 * under one of the keys its page has now (reuse.h). */
static bool
kept_pages_current(const struct run *r, const struct year_run *yr)
{
	const struct year *y = yr->y;
	struct buf rel = BUF_INIT;
	bool current = true;

	for (size_t j = 0; current && j < y->n_activities; j++) {
		const struct reuse_page_key *k = &yr->keys.pages[j];
		buf_reset(&rel);
		buf_printf(&rel, "%s/" PATH_ACTIVITY_FMT, y->dir,
		    y->activities[j].slug);
		const struct reuse_entry *e = reuse_find(&r->old, buf_str(&rel));
		current = e != NULL && (hash_equal(e->key, k->alone) ||
		    hash_equal(e->key, k->with_year) ||
		    hash_equal(e->key, reuse_warned(k->alone)) ||
		    hash_equal(e->key, reuse_warned(k->with_year)));
	}
	buf_free(&rel);
	return current;
}

static void
kept_year_check(struct run *r, const struct year_run *yr)
{
	struct buf rel = BUF_INIT;
	struct pos at = { yr->y->dir, 0, 0 };
	struct stat st;

	buf_printf(&rel, "#%s", yr->y->dir);
	const struct reuse_entry *e = reuse_find(&r->old, buf_str(&rel));
	/* The manifest says what the last build made; the folder, whether it
	 * is still there. */
	buf_reset(&rel);
	buf_printf(&rel, "%s/%s/" PATH_REPORT, r->o->out, yr->y->dir);
	if (e != NULL && lstat(buf_str(&rel), &st) != 0)
		e = NULL;
	if (e == NULL)
		diag_warning(&r->d, at, "not in the output folder, which --year "
		    "leaves as it is for this year: the list of years and the "
		    "partners' dossiers link to its pages (expected --year %d "
		    "too, or a build of every year)", yr->y->year);
	else if (!hash_equal(e->key, yr->keys.group) ||
	    !kept_pages_current(r, yr))
		diag_warning(&r->d, at, "changed since the output folder's "
		    "pages of it were made, which --year leaves as they are: "
		    "they, and the links of the dossiers to them, are out of "
		    "date (expected --year %d too, or a build of every year)",
		    yr->y->year);
	buf_free(&rel);
}

/* The keys of a build's outputs (reuse.h): what all of them share, then
 * each year's. */
static void
page_keys(struct run *r, const struct hash *program, struct hash trees)
{
	const struct options *o = r->o;
	struct hasher h;

	if (program == NULL)
		return;		/* the program cannot be read */
	hash_init(&h);
	hash_string(&h, COOPGEN_VERSION);
	hash_string(&h, o->has_epoch ? "epoch" : "no epoch");
	hash_update(&h, &o->epoch, sizeof(o->epoch));
	reuse_fingerprint(&h, *program, trees);
	struct hash base = hash_final(&h);
	r->site_key = reuse_site_key(base, &r->c);
	for (size_t i = 0; i < r->n_years; i++) {
		struct year_run *yr = &r->years[i];
		/* The figures of this year and the years before, as its prose
		 * reads them (years.h): never a later year's. */
		struct buf text = BUF_INIT;
		json_write_figures(json_object_get(yr->lookup, "years"), &text);
		hash_init(&h);
		hash_update(&h, text.data, text.len);
		struct hash across = hash_final(&h);
		buf_free(&text);
		reuse_year_keys(base, yr->y, content_year(&r->c,
		    yr->y->year - 1), across, &yr->keys);
		if (yr->y->wanted)
			yr->written = xcalloc(yr->y->n_activities + 1,
			    sizeof(*yr->written));
		else
			kept_year_check(r, yr);
	}
	r->reusing = true;
}

/* .coopgen-pages: the pages written, for the next build; with years named,
 * also the last build's entries for the years carried over. */
static bool
write_manifest(struct run *r, struct publish *p)
{
	struct reuse_list l = { NULL, 0, 0 };
	struct buf text = BUF_INIT, rel = BUF_INIT;
	struct strmap built = STRMAP_INIT;
	const struct hash zero = { 0, 0 };

	if (!r->reusing)
		return true;
	for (size_t i = 0; i < r->n_years; i++) {
		const struct year_run *yr = &r->years[i];
		const struct year *y = yr->y;
		if (!y->wanted)
			continue;
		strmap_put(&built, y->dir, i, NULL);
		for (size_t j = 0; j < y->n_activities; j++) {
			if (hash_equal(yr->written[j].bytes, zero))
				continue;
			buf_reset(&rel);
			buf_printf(&rel, "%s/" PATH_ACTIVITY_FMT, y->dir,
			    y->activities[j].slug);
			reuse_list_add(&l, buf_str(&rel), yr->written[j].key,
			    yr->written[j].bytes);
		}
		for (size_t j = 0; j < yr->group.n; j++)
			reuse_list_add(&l, yr->group.v[j].rel,
			    yr->group.v[j].key, yr->group.v[j].bytes);
		if (yr->group.n > 0) {
			buf_reset(&rel);
			buf_printf(&rel, "#%s", y->dir);
			reuse_list_add(&l, buf_str(&rel), yr->keys.group,
			    reuse_seal(yr->group.v, yr->group.n));
		}
		if (!hash_equal(yr->book_bytes, zero)) {
			buf_reset(&rel);
			buf_printf(&rel, "%s/" PATH_WORKBOOK, y->dir);
			reuse_list_add(&l, buf_str(&rel), yr->keys.book,
			    yr->book_bytes);
		}
	}
	/* The site's outputs, sealed as a group named "#". */
	for (size_t j = 0; j < r->site.n; j++)
		reuse_list_add(&l, r->site.v[j].rel, r->site.v[j].key,
		    r->site.v[j].bytes);
	if (r->site.n > 0)
		reuse_list_add(&l, "#", r->site_key,
		    reuse_seal(r->site.v, r->site.n));
	/* With years named, the last build's entries of the years kept. */
	for (size_t i = 0; r->o->n_years > 0 && i < r->old.n; i++) {
		const struct reuse_entry *e = &r->old.v[i];
		/* A group's seal goes with its year. */
		const char *name = e->rel[0] == '#' ? e->rel + 1 : e->rel;
		buf_reset(&rel);
		buf_append(&rel, name, strcspn(name, "/"));
		const struct year *y = rel.len == 4 ?
		    content_year(&r->c, atoi(buf_str(&rel))) : NULL;
		if (y != NULL && strcmp(y->dir, buf_str(&rel)) == 0 &&
		    !strmap_get(&built, buf_str(&rel), NULL))
			reuse_list_add(&l, e->rel, e->key, e->bytes);
	}
	reuse_format(l.v, l.n, &text);
	bool ok = publish_write(p, REUSE_MANIFEST, text.data, text.len);
	reuse_list_free(&l);
	buf_free(&text);
	buf_free(&rel);
	strmap_free(&built);
	return ok;
}

int
coopgen_build(const struct options *o)
{
	struct run r;
	struct publish p;
	double start = now_ms();
	/* Messages stay held through the pages, which check the activity
	 * bodies on several threads: they come out sorted all the same. */
	/* Before anything is read: a build must not replace its input. */
	if (!publish_apart(o->out, o->content, "--content") ||
	    !publish_apart(o->out, o->templates, "--templates"))
		return EXIT_USAGE;
	/* What the files are before anything is read, to tell at the end
	 * whether one changed meanwhile; and, in the same walk, what their
	 * bytes are, for the keys of the outputs. */
	struct hash trees;
	double t_stamp = now_ms();
	struct hash stamp = reuse_stamp(o->content, o->templates, &trees);
	/* The records of the last build (cache.h), read before anything of
	 * the content; and the program's fingerprint, which keys them and
	 * every output. */
	struct cache *cache = cache_open(o->out);
	struct hash program;
	bool known = reuse_program(&program, cache);
	if (known)
		cache_program(cache, program);
	else {
		cache_free(cache);
		cache = NULL;
	}
	t_stamp = now_ms() - t_stamp;
	int status = prepare(&r, o, true, cache);
	r.ms[STAGE_STAMP] += t_stamp;

	if (status != EXIT_OK) {
		diag_release(&r.d);
		summarise(&r, "nothing was written");
		finish(&r);
		return status;
	}
	if (!publish_begin(&p, o->out, &r.d)) {
		publish_end(&p);
		diag_release(&r.d);
		summarise(&r, "nothing was written");
		finish(&r);
		return diag_status(&r.d);
	}
	double t_keys = now_ms();
	reuse_load(&r.old, &p);
	page_keys(&r, known ? &program : NULL, trees);
	r.ms[STAGE_STAMP] += now_ms() - t_keys;
	bool ok = true;
	/* What each year's line says is true only once it is in place. */
	struct buf done = BUF_INIT;
	for (size_t i = 0; ok && i < r.n_years; i++) {
		struct year_run *yr = &r.years[i];
		double t0 = now_ms();
		unsigned errors = r.d.errors;
		if (!yr->y->wanted)
			continue;
		ok = write_year(&r, &p, yr) && !publish_interrupted();
		/* After a year whose bodies were found wrong, the next
		 * years are still written, for their own problems. */
		if (ok && !o->quiet && r.d.errors == errors)
			/* Count words agree with their numbers: "1 project". */
			buf_printf(&done, "%d: read %zu activit%s, %zu "
			    "project%s, %zu section%s, %s; wrote the report "
			    "site, statistics.xlsx, report.docx, figures.json "
			    "and %zu media file%s into %s/%s in %.0f ms\n",
			    yr->y->year, yr->y->n_activities,
			    yr->y->n_activities == 1 ? "y" : "ies",
			    yr->y->n_projects, yr->y->n_projects == 1 ? "" : "s",
			    yr->y->n_sections, yr->y->n_sections == 1 ? "" : "s",
			    yr->y->article ? "an article" : "no article",
			    yr->n_media, yr->n_media == 1 ? "" : "s", o->out,
			    yr->y->dir, now_ms() - t0);
	}
	/* The list of all years, from every year of the content (a build
	 * of named years reads them all for it). */
	double t0 = now_ms();
	/* The site's outputs, taken whole from the last build when made
	 * from the same inputs, else all written again. */
	bool site_taken = ok && r.reusing && reuse_group(&r.old, &p,
	    r.site_key, &r.site);
	if (ok && !site_taken) {
		struct html_year *all = xcalloc(r.n_years, sizeof(*all));
		for (size_t i = 0; i < r.n_years; i++)
			all[i] = html_input(&r, &r.years[i]);
		ok = html_write_site(r.html, all, r.n_years, &p,
		    r.reusing ? &r.site : NULL, r.site_key);
		free(all);
		if (ok)
			ok = write_years(&r, &p);
	}
	r.ms[STAGE_SITE] += now_ms() - t0;
	/* With years named, the other years of the old output stay. */
	t0 = now_ms();
	size_t files = atomic_load(&p.files), reused = atomic_load(&p.reused);
	/* A body the pages found wrong, or could not read again. */
	ok = ok && r.d.errors == 0 && r.d.failures == 0;
	if (ok && r.reusing && !hash_equal(stamp, reuse_stamp(o->content,
	    o->templates, NULL))) {
		/* Keys of one version, pages of another: none is kept. */
		diag_warning(&r.d, (struct pos){ o->content, 0, 0 }, "a file "
		    "changed while coopgen was building; the pages are as "
		    "the files were when read, and the next build makes "
		    "every page again");
		r.reusing = false;
		ok = publish_write(&p, REUSE_MANIFEST, "", 0);
	}
	if (ok)
		ok = write_manifest(&r, &p);
	if (ok && r.cache != NULL)
		ok = cache_write(r.cache, &p, r.reusing);
	if (ok)
		ok = publish_commit(&p, o->n_years == 0);
	publish_end(&p);
	if (ok)
		fputs(buf_str(&done), stdout);
	buf_free(&done);
	diag_release(&r.d);
	r.ms[STAGE_PUBLISH] = now_ms() - t0;
	if (ok && o->timings)
		print_timings(&r, files, reused, now_ms() - start);
	/* A signal that came once the new output was in place changes
	 * nothing: the build is done. */
	if (publish_interrupted() && !p.committed) {
		fprintf(stderr, "coopgen: interrupted; %s was left as it "
		    "was\n", o->out);
		finish(&r);
		publish_reraise();
		return EXIT_SYSTEM;
	}
	summarise(&r, "the output folder was left as it was");
	finish(&r);
	return ok ? EXIT_OK : diag_status(&r.d);
}
