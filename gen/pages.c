/* The pages of a year of the report: see html.h for the list. */
#include <stdlib.h>
#include <string.h>

#include "dossiers.h"
#include "hash.h"
#include "load.h"
#include "page.h"
#include "pages.h"
#include "paths.h"
#include "prose.h"
#include "stats.h"
#include "svg.h"
#include "workq.h"
#include "xalloc.h"
#include "years.h"

/* The report's key figures (stats.h), against the year before when there
 * is one, into d. */
static void
report_key_figures(struct page_writer *w, struct tpl_dict *d)
{
	struct stats ks = { .a = ARENA_INIT };
	struct stats_input si = { .c = w->c, .y = w->y, .f = w->in->f,
	    .l = w->l, .loc = w->loc };
	struct buf tab = BUF_INIT;

	stats_key_figures(&ks, &si);
	page_stats_table(w, &ks.v[0], &tab);
	stats_free(&ks);
	tpl_set(d, "KEY_FIGURES", label_of(w, LABEL_KEY_FIGURES));
	tpl_set(d, "TABLE", buf_str(&tab));
	tpl_set(d, "STATISTICS", PATH_STATISTICS);
	tpl_set(d, "MORE_STATISTICS", label_of(w, LABEL_MORE_STATISTICS));
	tpl_set(d, "REPORT", PATH_REPORT_DOCX);
	tpl_set(d, "DOWNLOAD_REPORT", label_of(w, LABEL_DOWNLOAD_REPORT));
	buf_free(&tab);
}

/* The report's chapters into d, and its contents: each chapter, and the
 * third-level headings under it. */
static void
report_chapters(struct page_writer *w, struct tpl_dict *d)
{
	const struct year *y = w->y;
	struct tpl_dict *toc = NULL;
	struct buf html = BUF_INIT, prefix = BUF_INIT;
	struct md_page mp;

	if (y->n_sections > 0) {
		toc = tpl_section(d, "CONTENTS");
		tpl_set(toc, "HEADING", label_of(w, LABEL_CONTENTS));
	}
	for (size_t i = 0; i < y->n_sections; i++) {
		const struct section *s = &y->sections[i];
		buf_reset(&prefix);
		buf_printf(&prefix, "%s-", s->slug);
		page_render(w, &s->body, 0, 3, buf_str(&prefix), &mp,
		    &html);
		struct tpl_dict *ch = tpl_section(d, "CHAPTER");
		tpl_set(ch, "ID", s->slug);
		tpl_set(ch, "TITLE", s->title ? s->title : "");
		tpl_set(ch, "HTML", buf_str(&html));
		struct tpl_dict *e = tpl_section(toc, "ENTRY");
		tpl_set(e, "ID", s->slug);
		tpl_set(e, "TITLE", s->title ? s->title : "");
		struct tpl_dict *sub = NULL;
		for (size_t j = 0; j < mp.n_headings; j++) {
			if (mp.headings[j].level != 3)
				continue;
			if (sub == NULL)
				sub = tpl_section(e, "SUB");
			struct tpl_dict *se = tpl_section(sub, "ENTRY");
			tpl_set(se, "ID", mp.headings[j].id);
			tpl_set(se, "TITLE", mp.headings[j].text);
		}
		md_page_free(&mp);
	}
	buf_free(&html);
	buf_free(&prefix);
}

/* out/<YEAR>/index.html: the report itself. */
static void
page_report(struct page_writer *w)
{
	const struct year *y = w->y;
	const struct report *r = &y->report;
	struct tpl_dict *d = tpl_dict_new();
	struct buf body = BUF_INIT, t = BUF_INIT, html = BUF_INIT, yl = BUF_INIT;
	struct md_page mp;
	char iso[11];

	tpl_set(d, "ORGANISATION", w->c->site.organisation);
	tpl_set(d, "TITLE", r->title ? r->title : "");
	if (r->subtitle)
		tpl_set(tpl_section(d, "SUBTITLE"), "TEXT", r->subtitle);
	tpl_set(d, "PUBLISHED_LABEL", label_of(w, LABEL_PUBLISHED));
	page_date(w, &t, r->published);
	tpl_set(d, "PUBLISHED", buf_str(&t));
	date_iso(r->published, iso);
	tpl_set(d, "PUBLISHED_ISO", iso);
	if (r->n_authors) {
		buf_reset(&t);
		for (size_t i = 0; i < r->n_authors; i++)
			buf_printf(&t, "%s%s", i ? ", " : "", r->authors[i]);
		tpl_set(tpl_section(d, "AUTHORS"), "TEXT", buf_str(&t));
	}
	/* The lead's and the chapters' headings share the page with the
	 * chapters' own ids: a heading "b" of chapter "a" is not chapter
	 * "a-b". */
	struct md_ids ids;
	md_ids_init(&ids);
	for (size_t i = 0; i < y->n_sections; i++)
		md_ids_take(&ids, y->sections[i].slug);
	w->ids = &ids;
	if (r->lead.text != NULL) {
		page_render(w, &r->lead, 0, 3, "lead-", &mp, &html);
		tpl_set(tpl_section(d, "LEAD"), "HTML", buf_str(&html));
		md_page_free(&mp);
	}
	report_key_figures(w, d);
	report_chapters(w, d);
	w->ids = NULL;
	md_ids_free(&ids);
	if (r->source)
		tpl_set(tpl_section(d, "SOURCE"), "TEXT", r->source);

	if (page_expand(w, "report", d, &body)) {
		struct crumb cr[3];
		size_t n = page_crumbs(w, cr, &yl, NULL, NULL, NULL);
		page_write(w, PATH_REPORT, r->title ? r->title : "", NAV_REPORT,
		    cr, n, buf_str(&body));
	}
	tpl_dict_free(d);
	buf_free(&body);
	buf_free(&t);
	buf_free(&html);
	buf_free(&yl);
}

/* out/<YEAR>/statistics.html: every figure as a table and a chart. */
static void
page_statistics(struct page_writer *w)
{
	struct tpl_dict *d = tpl_dict_new();
	struct buf tables = BUF_INIT, body = BUF_INIT, t = BUF_INIT, yl = BUF_INIT;

	/* Every table of figures, as every output shows them (stats.h). */
	struct stats st = { .a = ARENA_INIT };
	struct stats_input si = { .c = w->c, .y = w->y, .f = w->in->f,
	    .l = w->l, .loc = w->loc };
	/* With earlier years beside each table, when the content has any. */
	if (w->in->side != NULL)
		si.n_earlier = years_earlier(w->in->side, w->y->year,
		    si.earlier);
	stats_figure_tables(&st, &si);
	for (size_t i = 0; i < st.n; i++)
		page_stats_table(w, &st.v[i], &tables);
	stats_free(&st);

	tpl_set(d, "TITLE", label_expanded(w, LABEL_STATISTICS_TITLE, &t));
	tpl_set(d, "WORKBOOK", PATH_WORKBOOK);
	tpl_set(d, "WORKBOOK_LABEL", label_of(w, LABEL_DOWNLOAD_WORKBOOK));
	tpl_set(d, "REPORT", PATH_REPORT_DOCX);
	tpl_set(d, "REPORT_LABEL", label_of(w, LABEL_DOWNLOAD_REPORT));
	tpl_set(d, "FIGURES", PATH_FIGURES);
	tpl_set(d, "FIGURES_LABEL", label_of(w, LABEL_DOWNLOAD_FIGURES));
	tpl_set(d, "TABLES", buf_str(&tables));
	tpl_set(d, "SOURCE", label_expanded(w, LABEL_SOURCE_LINE, &yl));
	if (page_expand(w, "statistics", d, &body)) {
		struct crumb cr[3];
		size_t n = page_crumbs(w, cr, &yl, label_of(w,
		    LABEL_NAV_STATISTICS), NULL, NULL);
		page_write(w, PATH_STATISTICS, label_expanded(w,
		    LABEL_STATISTICS_TITLE, &t), NAV_STATISTICS, cr, n,
		    buf_str(&body));
	}
	tpl_dict_free(d);
	buf_free(&tables);
	buf_free(&body);
	buf_free(&t);
	buf_free(&yl);
}

/* An item of an activity list: its title, linked, and meta, the line
 * under it. */
static void
activity_item(struct tpl_dict *group, const struct activity *a,
    const char *meta, const char *dir, struct buf *h)
{
	struct tpl_dict *item = tpl_section(group, "ITEM");

	buf_reset(h);
	buf_puts(h, dir);
	buf_puts(h, a->slug);
	buf_puts(h, ".html");
	tpl_set(item, "HREF", buf_str(h));
	tpl_set(item, "TITLE", a->title);
	tpl_set(tpl_section(item, "META"), "TEXT", meta);
}

/* The activities of each framework, each month and each partner, in date
 * order, put in their buckets in one pass: no list scans every activity
 * (with many partners that would be partners times activities). */
struct bucket {
	size_t	*v;
	size_t	 n, cap;
};

struct groups {
	struct bucket *framework;	/* [frameworks] */
	struct bucket month[13];	/* [0]: dated by year only */
	struct bucket *partner;		/* [partners] */
	/* [activities]: each one's line in a list, made once though it
	 * is in several lists */
	const char **meta;
	struct arena arena;
};

static void
bucket_put(struct bucket *b, size_t i)
{
	b->v = xgrow(b->v, &b->cap, b->n, sizeof(*b->v));
	b->v[b->n++] = i;
}

static void
groups_make(struct groups *g, const struct content *c, const struct year *y,
    const struct locale *loc, const size_t *order)
{
	struct buf t = BUF_INIT;

	memset(g, 0, sizeof(*g));
	g->framework = xcalloc(c->site.frameworks.n, sizeof(*g->framework));
	g->partner = xcalloc(c->n_partners, sizeof(*g->partner));
	g->meta = xcalloc(y->n_activities + 1, sizeof(*g->meta));
	for (size_t i = 0; i < y->n_activities; i++) {
		activity_meta(c, loc, &y->activities[i], &t);
		g->meta[i] = arena_strdup(&g->arena, buf_str(&t));
	}
	buf_free(&t);
	for (size_t k = 0; k < y->n_activities; k++) {
		const struct activity *a = &y->activities[order[k]];
		bucket_put(&g->framework[a->framework.index], order[k]);
		bucket_put(&g->month[a->date.month], order[k]);
		for (size_t j = 0; j < a->partners.n; j++)
			bucket_put(&g->partner[a->partners.v[j].index], order[k]);
	}
}

static void
groups_free(struct groups *g, const struct content *c)
{
	for (size_t i = 0; i < c->site.frameworks.n; i++)
		free(g->framework[i].v);
	for (int m = 0; m < 13; m++)
		free(g->month[m].v);
	for (size_t i = 0; i < c->n_partners; i++)
		free(g->partner[i].v);
	free(g->framework);
	free(g->partner);
	free(g->meta);
	arena_free(&g->arena);
}

/* Append to out a list group, under a heading of the given level (2 or
 * 3), of the activities of bucket b. Each group is expanded on its own: a
 * dictionary of every activity of a big year at once would be most of a
 * build's memory. */
static void
activity_group(struct page_writer *w, struct buf *out, int level,
    const char *id, const char *title, const struct bucket *b, const char *dir)
{
	struct tpl_dict *list = tpl_dict_new();
	struct tpl_dict *g = tpl_section(list, "GROUP");

	tpl_set(g, "ID", id);
	tpl_set(g, "TITLE", title);
	tpl_show(g, level == 3 ? "H3" : "H2");
	struct buf h = BUF_INIT;
	for (size_t i = 0; i < b->n; i++)
		activity_item(g, &w->y->activities[b->v[i]], w->g->meta[b->v[i]],
		    dir, &h);
	buf_free(&h);
	if (b->n == 0)
		tpl_set(tpl_section(g, "EMPTY"), "TEXT", label_of(w,
		    LABEL_NONE));
	page_expand(w, "list", list, out);
	tpl_dict_free(list);
}

/* An activity's body, for its page (prose.h): read again from its file,
 * checked as a build does, rendered. A problem is counted in diag; the
 * other pages go on, so that every problem of the run is reported. */
static void
activity_body(struct page_writer *w, const struct activity *a,
    struct md_page *mp, struct buf *html, bool *warned)
{
	page_md_page(w, 1, 2, "", mp);
	prose_activity(&w->md, a, w->in->check_bodies, mp, html, warned);
}

/* Take the page of a from the last build when its inputs are the same
 * (reuse.h); true when it was. */
static bool
activity_reused(struct page_writer *w, const struct activity *a)
{
	size_t i = (size_t)(a - w->y->activities);
	struct buf rel = BUF_INIT;
	bool taken = false;

	if (w->in->reuse == NULL)
		return false;
	buf_printf(&rel, "%s/" PATH_ACTIVITY_FMT, w->y->dir, a->slug);
	const struct reuse_entry *e = reuse_find(w->in->reuse, buf_str(&rel));
	if (e != NULL && (hash_equal(e->key, w->in->keys[i].alone) ||
	    hash_equal(e->key, w->in->keys[i].with_year)) &&
	    publish_reuse(w->p, buf_str(&rel), e->bytes)) {
		w->in->written[i].key = e->key;
		w->in->written[i].bytes = e->bytes;
		taken = true;
	}
	buf_free(&rel);
	return taken;
}

/* out/<YEAR>/activities/<slug>.html. */
static void
activity_page(struct page_writer *w, const struct activity *a)
{
	const struct site *s = &w->c->site;
	struct buf t = BUF_INIT, yl = BUF_INIT;
	struct tpl_dict *p;
	struct buf html = BUF_INIT, rel = BUF_INIT, page = BUF_INIT;
	struct md_page mp;
	char iso[11];

	if (activity_reused(w, a))
		return;
	p = tpl_dict_new();

	tpl_set(p, "TITLE", a->title);
	tpl_set(p, "DATE_LABEL", label_of(w, LABEL_COL_DATE));
	page_date(w, &t, a->date);
	tpl_set(p, "DATE", buf_str(&t));
	date_iso(a->date, iso);
	tpl_set(p, "DATETIME", iso);
	tpl_set(p, "FRAMEWORK_LABEL", label_of(w, LABEL_COL_FRAMEWORK));
	tpl_set(p, "FRAMEWORK", s->frameworks.v[a->framework.index].name);
	buf_reset(&t);
	buf_printf(&t, "../" PATH_FRAMEWORK_FMT,
	    s->frameworks.v[a->framework.index].id);
	tpl_set(p, "FRAMEWORK_HREF", buf_str(&t));
	tpl_set(p, "KIND_LABEL", label_of(w, LABEL_COL_KIND));
	tpl_set(p, "KIND", s->kinds.v[a->kind.index].name);
	if (a->partners.n) {
		struct tpl_dict *ps = tpl_section(p, "PARTNERS");
		tpl_set(ps, "LABEL", label_of(w, LABEL_COL_PARTNERS));
		for (size_t j = 0; j < a->partners.n; j++) {
			const struct partner *pt =
			    &w->c->partners[a->partners.v[j].index];
			struct tpl_dict *e = tpl_section(ps, "PARTNER");
			buf_reset(&t);
			buf_printf(&t, "../" PATH_PARTNER_FMT, pt->id);
			tpl_set(e, "HREF", buf_str(&t));
			tpl_set(e, "NAME", pt->short_name);
			if (j > 0)
				tpl_show(e, "SEP");
		}
	}
	if (a->place) {
		struct tpl_dict *pl = tpl_section(p, "PLACE");
		tpl_set(pl, "LABEL", label_of(w, LABEL_COL_PLACE));
		tpl_set(pl, "TEXT", a->place);
	}
	if (a->count > 1) {
		struct tpl_dict *co = tpl_section(p, "COUNT");
		tpl_set(co, "LABEL", label_of(w, LABEL_COL_COUNT));
		buf_reset(&t);
		format_number(&t, w->loc, a->count);
		tpl_set(co, "TEXT", buf_str(&t));
	}
	if (a->summary)
		tpl_set(tpl_section(p, "SUMMARY"), "TEXT", a->summary);
	bool warned;
	activity_body(w, a, &mp, &html, &warned);
	bool names_year = mp.names_year;
	md_page_free(&mp);
	tpl_set(p, "BODY", buf_str(&html));
	if (page_expand(w, "activity", p, &page)) {
		struct crumb cr[4];
		size_t n = page_crumbs(w, cr, &yl, label_of(w,
		    LABEL_NAV_ACTIVITIES), PATH_ACTIVITY_INDEX, a->title);
		buf_printf(&rel, PATH_ACTIVITY_FMT, a->slug);
		/* The layout is the same for every activity page but the
		 * title: its dictionary is made once per thread. */
		if (w->frame == NULL) {
			w->frame = xmalloc(sizeof(*w->frame));
			frame_begin(w->frame, w, buf_str(&rel), NAV_ACTIVITIES,
			    cr, n);
		}
		/* Its key, as its body's parse says, and its hash go into
		 * the manifest, for the next build. */
		size_t i = (size_t)(a - w->y->activities);
		w->written = NULL;
		if (w->in->written != NULL) {
			w->written = &w->in->written[i].bytes;
			w->in->written[i].key = names_year ?
			    w->in->keys[i].with_year : w->in->keys[i].alone;
			/* A page whose body warned is made again by the
			 * next build, which says the warning again. */
			if (warned)
				w->in->written[i].key = reuse_warned(
				    w->in->written[i].key);
		}
		frame_write(w->frame, w, buf_str(&rel), a->title,
		    buf_str(&page));
		w->written = NULL;
	}
	tpl_dict_free(p);
	buf_free(&html);
	buf_free(&rel);
	buf_free(&page);
	buf_free(&t);
	buf_free(&yl);
}

/* The activity pages: a page writer per thread, each with the layout's
 * frame of its own. */
struct activity_writers {
	struct page_writer *w;	/* [threads] */
	const struct year *y;
};

static bool
activity_item_page(void *arg, unsigned thread, size_t i)
{
	struct activity_writers *aw = arg;
	struct page_writer *w = &aw->w[thread];

	activity_page(w, &aw->y->activities[i]);
	return w->ok && !publish_interrupted();
}

/* The activity pages, on in->jobs threads (workq.h): each is the same
 * whichever thread writes it. */
static void
activity_pages(struct page_writer *w)
{
	unsigned jobs = w->in->jobs > 1 ? (unsigned)w->in->jobs : 1;
	struct activity_writers aw = { .w = xcalloc(jobs, sizeof(*aw.w)),
	    .y = w->y };

	for (unsigned j = 0; j < jobs; j++) {
		aw.w[j] = *w;
		aw.w[j].group = NULL;	/* activity pages are keyed apart */
	}
	unsigned used = workq_run(w->y->n_activities, jobs, 64,
	    activity_item_page, &aw);
	for (unsigned j = 0; j < used; j++) {
		if (aw.w[j].frame != NULL) {
			frame_end(aw.w[j].frame);
			free(aw.w[j].frame);
		}
		w->ok = w->ok && aw.w[j].ok;
	}
	free(aw.w);
}

/* A year with more activities than this lists them on a page per
 * framework and per month rather than all on its index: one page of fifty
 * thousand entries serves no reader, and is most of a big build's memory. */
#define INDEX_MAX 500

/* The name of month m (0: dated by year only) as it stands alone. */
static void
month_name(struct page_writer *w, int m, struct buf *out)
{
	if (m) {
		page_date(w, out, (struct date){ w->y->year, m, 0 });
	} else {
		buf_reset(out);
		buf_puts(out, label_of(w, LABEL_MONTH_UNKNOWN));
	}
}

/* The index of a big year: tables of the frameworks and the months with
 * their counts, each linked to the page that lists its activities; and
 * those month pages, activities/month-MM.html (month-00: year only). */
static void
index_by_tables(struct page_writer *w, struct buf *by_framework,
    struct buf *by_month)
{
	const struct site *s = &w->c->site;
	size_t nf = s->frameworks.n;
	const char **names = xcalloc(nf + 13, sizeof(*names));
	char **hrefs = xcalloc(nf + 13, sizeof(*hrefs));
	long long values[13];
	struct buf months[13], yl = BUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < nf; i++) {
		struct buf h = BUF_INIT;
		buf_printf(&h, "../" PATH_FRAMEWORK_FMT, s->frameworks.v[i].id);
		names[i] = s->frameworks.v[i].name;
		hrefs[i] = buf_detach(&h);
	}
	figure_table(w, "index-by-framework", LABEL_TITLE_BY_FRAMEWORK,
	    label_of(w, LABEL_COL_FRAMEWORK), names, (const char *const *)hrefs,
	    w->f->activities.by_framework, nf, w->f->activities.total, false,
	    by_framework);
	for (size_t i = 0; i < nf; i++)
		free(hrefs[i]);

	for (int m = 1; m <= 13; m++) {
		int month = m == 13 ? 0 : m;
		if (w->g->month[month].n == 0)
			continue;
		struct buf h = BUF_INIT, list = BUF_INIT, page = BUF_INIT,
		    rel = BUF_INIT;
		memset(&months[n], 0, sizeof(months[n]));
		month_name(w, month, &months[n]);
		buf_printf(&h, PATH_MONTH_FMT, month);
		names[n] = buf_str(&months[n]);
		values[n] = w->f->activities.by_month[month];

		/* The month's own page. */
		struct tpl_dict *d = tpl_dict_new();
		activity_group(w, &list, 2, "activities",
		    label_of(w, LABEL_NAV_ACTIVITIES), &w->g->month[month], "");
		tpl_set(d, "TITLE", names[n]);
		tpl_set(d, "ACTIVITIES", buf_str(&list));
		if (page_expand(w, "month", d, &page)) {
			struct crumb cr[4];
			size_t nc = page_crumbs(w, cr, &yl,
			    label_of(w, LABEL_NAV_ACTIVITIES),
			    PATH_ACTIVITY_INDEX, names[n]);
			buf_printf(&rel, PATH_ACTIVITIES "/%s", buf_str(&h));
			page_write(w, buf_str(&rel), names[n], NAV_ACTIVITIES,
			    cr, nc, buf_str(&page));
		}
		tpl_dict_free(d);
		hrefs[n++] = buf_detach(&h);
		buf_free(&list);
		buf_free(&page);
		buf_free(&rel);
	}
	figure_table(w, "index-by-month", LABEL_TITLE_BY_MONTH,
	    label_of(w, LABEL_COL_DATE), names, (const char *const *)hrefs,
	    values, n, w->f->activities.total, false, by_month);
	for (size_t i = 0; i < n; i++) {
		free(hrefs[i]);
		buf_free(&months[i]);
	}
	free(names);
	free(hrefs);
	buf_free(&yl);
}

/* out/<YEAR>/activities/: the index, and a page per activity. */
static void
page_activities(struct page_writer *w)
{
	const struct site *s = &w->c->site;
	struct tpl_dict *d = tpl_dict_new();
	struct buf body = BUF_INIT, lf = BUF_INIT, lm = BUF_INIT, t = BUF_INIT,
	    yl = BUF_INIT, id = BUF_INIT;

	if (w->y->n_activities > INDEX_MAX) {
		index_by_tables(w, &lf, &lm);
		goto write;
	}
	for (size_t i = 0; i < s->frameworks.n; i++) {
		buf_reset(&id);
		buf_printf(&id, "framework-%s", s->frameworks.v[i].id);
		activity_group(w, &lf, 3, buf_str(&id), s->frameworks.v[i].name,
		    &w->g->framework[i], "");
	}
	for (int m = 1; m <= 13; m++) {
		int month = m == 13 ? 0 : m;
		if (w->g->month[month].n == 0)
			continue;
		buf_reset(&id);
		buf_printf(&id, "month-%02d", month);
		month_name(w, month, &t);
		activity_group(w, &lm, 3, buf_str(&id), buf_str(&t),
		    &w->g->month[month], "");
	}
write:
	tpl_set(d, "TITLE", label_expanded(w, LABEL_TITLE_ACTIVITIES, &t));
	tpl_set(d, "BY_FRAMEWORK", label_of(w, LABEL_BY_FRAMEWORK));
	tpl_set(d, "BY_MONTH", label_of(w, LABEL_BY_MONTH));
	tpl_set(d, "BY_FRAMEWORK_LIST", buf_str(&lf));
	tpl_set(d, "BY_MONTH_LIST", buf_str(&lm));
	if (page_expand(w, "activities", d, &body)) {
		struct crumb cr[3];
		size_t n = page_crumbs(w, cr, &yl, label_of(w,
		    LABEL_NAV_ACTIVITIES), NULL, NULL);
		page_write(w, PATH_ACTIVITY_INDEX,
		    label_expanded(w, LABEL_TITLE_ACTIVITIES, &t),
		    NAV_ACTIVITIES, cr, n, buf_str(&body));
	}
	tpl_dict_free(d);

	buf_free(&body);
	buf_free(&lf);
	buf_free(&lm);
	buf_free(&t);
	buf_free(&yl);
	buf_free(&id);
}

/* A table of agreements: those pick chooses that name partner (any, for
 * -1); totals adds the total row. */
static void
agreement_table(struct page_writer *w, const char *id, enum label caption,
    enum agreement_set set, size_t partner, bool totals, struct buf *out)
{
	bool (*pick)(const struct agreement *, int) = agreement_sets[set].pick;
	/* The expiring ones say how long they have. */
	bool months = set == SET_EXPIRING;
	struct table t;
	struct buf cap = BUF_INIT, date = BUF_INIT, names = BUF_INIT;
	long long by_type[2] = { 0, 0 };
	bool any = false;

	table_begin(&t, w, id, label_expanded(w, caption, &cap));
	table_head(&t, label_of(w, LABEL_COL_TITLE), false);
	table_head(&t, label_of(w, LABEL_COL_TYPE), false);
	table_head(&t, label_of(w, LABEL_COL_PARTNERS), false);
	table_head(&t, label_of(w, LABEL_COL_SIGNED), false);
	table_head(&t, label_of(w, LABEL_COL_ENDS), false);
	if (months)
		table_head(&t, label_of(w, LABEL_COL_MONTHS_LEFT), true);
	table_head(&t, label_of(w, LABEL_COL_COUNT), true);
	for (size_t i = 0; i < w->c->n_agreements; i++) {
		const struct agreement *a = &w->c->agreements[i];
		bool named = partner == (size_t)-1;
		for (size_t j = 0; j < a->partners.n && !named; j++)
			named = a->partners.v[j].index == partner;
		if (!pick(a, w->y->year) || !named)
			continue;
		any = true;
		table_row(&t, a->title, NULL);
		table_text(&t, label_of(w, label_agreement_type(a->type)),
		    NULL);
		buf_reset(&names);
		for (size_t j = 0; j < a->partners.n; j++)
			buf_printf(&names, "%s%s", j ? ", " : "",
			    w->c->partners[a->partners.v[j].index].short_name);
		table_text(&t, buf_str(&names), NULL);
		page_date(w, &date, a->signed_on);
		table_text(&t, buf_str(&date), NULL);
		page_date(w, &date, a->ends);
		table_text(&t, buf_str(&date), NULL);
		if (months)
			table_num(&t, agreement_months_left(a, w->y->year));
		table_num(&t, a->count);
		by_type[a->type] += a->count;
	}
	if (!any) {
		table_row(&t, label_of(w, LABEL_NONE), NULL);
		for (int k = 0; k < 5 + months; k++)
			table_blank(&t);
	}
	if (totals) {
		table_total(&t, label_of(w, LABEL_ROW_TOTAL));
		for (int k = 0; k < 4; k++)
			table_blank(&t);
		table_num(&t, by_type[0] + by_type[1]);
	}
	table_end(w, &t, NULL, out);
	buf_free(&cap);
	buf_free(&date);
	buf_free(&names);
}

/* A table of projects, those of funder (or all, for -1). */
static void
project_table(struct page_writer *w, const char *id, size_t funder, int up,
    struct buf *out)
{
	struct table t;
	struct buf cap = BUF_INIT, date = BUF_INIT, href = BUF_INIT;
	bool any = false;

	table_begin(&t, w, id, label_expanded(w, LABEL_TITLE_PROJECTS, &cap));
	table_head(&t, label_of(w, LABEL_COL_TITLE), false);
	table_head(&t, label_of(w, LABEL_COL_FUNDER), false);
	table_head(&t, label_of(w, LABEL_COL_STATUS), false);
	table_head(&t, label_of(w, LABEL_COL_START), false);
	table_head(&t, label_of(w, LABEL_COL_END), false);
	table_head(&t, label_of(w, LABEL_COL_COUNT), true);
	for (size_t i = 0; i < w->y->n_projects; i++) {
		const struct project *p = &w->y->projects[i];
		if (funder != (size_t)-1 && p->funder.index != funder)
			continue;
		any = true;
		table_row(&t, p->title, NULL);
		buf_reset(&href);
		up_prefix(&href, up);
		buf_printf(&href, PATH_PARTNER_FMT,
		    w->c->partners[p->funder.index].id);
		table_text(&t, w->c->partners[p->funder.index].short_name,
		    buf_str(&href));
		table_text(&t, label_of(w, label_project_status(p->status)),
		    NULL);
		page_date(w, &date, p->start);
		table_text(&t, buf_str(&date), NULL);
		page_date(w, &date, p->end);
		table_text(&t, buf_str(&date), NULL);
		table_num(&t, p->count);
	}
	if (!any) {
		table_row(&t, label_of(w, LABEL_NONE), NULL);
		for (int k = 0; k < 5; k++)
			table_blank(&t);
	}
	table_end(w, &t, NULL, out);
	buf_free(&cap);
	buf_free(&date);
	buf_free(&href);
}

/* out/<YEAR>/partners/: the index, and a page per partner. */
static void
page_partners(struct page_writer *w)
{
	const struct content *c = w->c;
	const struct figures_year *f = w->f;
	struct tpl_dict *d = tpl_dict_new();
	struct table t;
	struct buf tab = BUF_INIT, body = BUF_INIT, s = BUF_INIT, yl = BUF_INIT,
	    h = BUF_INIT;

	table_begin(&t, w, "partners", label_expanded(w, LABEL_TITLE_PARTNERS,
	    &s));
	table_head(&t, label_of(w, LABEL_COL_PARTNER), false);
	table_head(&t, label_of(w, LABEL_COL_SHORT), false);
	table_head(&t, label_of(w, LABEL_COL_COUNTRY), false);
	table_head(&t, label_of(w, LABEL_COL_ACTIVITIES), true);
	table_head(&t, label_of(w, LABEL_COL_AGREEMENTS_IN_FORCE), true);
	table_head(&t, label_of(w, LABEL_COL_PROJECTS), true);
	for (size_t i = 0; i < c->n_partners; i++) {
		buf_reset(&h);
		buf_printf(&h, "%s.html", c->partners[i].id);
		table_row(&t, c->partners[i].name, buf_str(&h));
		table_text(&t, c->partners[i].short_name, NULL);
		table_text(&t, c->partners[i].country, NULL);
		table_num(&t, f->activities.by_partner[i]);
		table_num(&t, f->agreements.by_partner[i]);
		table_num(&t, f->projects.by_funder[i * (1 + PROJECT_STATUSES)]);
	}
	table_end(w, &t, NULL, &tab);
	tpl_set(d, "TITLE", label_expanded(w, LABEL_TITLE_PARTNERS, &s));
	tpl_set(d, "TABLE", buf_str(&tab));
	if (page_expand(w, "partners", d, &body)) {
		struct crumb cr[3];
		size_t n = page_crumbs(w, cr, &yl, label_of(w,
		    LABEL_NAV_PARTNERS), NULL, NULL);
		page_write(w, PATH_PARTNER_INDEX, label_expanded(w,
		    LABEL_TITLE_PARTNERS, &s), NAV_PARTNERS, cr, n,
		    buf_str(&body));
	}
	tpl_dict_free(d);

	for (size_t i = 0; i < c->n_partners && w->ok; i++) {
		const struct partner *p = &c->partners[i];
		struct tpl_dict *pd = tpl_dict_new();
		struct buf acts = BUF_INIT, tables = BUF_INIT, page = BUF_INIT,
		    rel = BUF_INIT;

		tpl_set(pd, "NAME", p->name);
		if (p->short_name != p->name) {
			struct tpl_dict *e = tpl_section(pd, "SHORT");
			tpl_set(e, "LABEL", label_of(w, LABEL_COL_SHORT));
			tpl_set(e, "TEXT", p->short_name);
		}
		if (p->country) {
			struct tpl_dict *e = tpl_section(pd, "COUNTRY");
			tpl_set(e, "LABEL", label_of(w, LABEL_COL_COUNTRY));
			tpl_set(e, "TEXT", p->country);
		}
		/* Its dossier across the years, when it has one: out/ is two
		 * folders up from the year's partner pages. */
		if (w->in->side != NULL && dossiers_names(w->in->side, i,
		    w->y->year)) {
			struct tpl_dict *e = tpl_section(pd, "DOSSIER");
			buf_reset(&h);
			buf_printf(&h, "../../" PATH_DOSSIER_FMT, p->id);
			tpl_set(e, "HREF", buf_str(&h));
			tpl_set(e, "LABEL", label_of(w, LABEL_DOSSIER_LINK));
		}
		activity_group(w, &acts, 2, "activities",
		    label_of(w, LABEL_NAV_ACTIVITIES), &w->g->partner[i],
		    "../" PATH_ACTIVITIES "/");
		agreement_table(w, "agreements", LABEL_TITLE_AGREEMENTS_IN_FORCE,
		    SET_IN_FORCE, i, false, &tables);
		project_table(w, "projects", i, 1, &tables);
		tpl_set(pd, "ACTIVITIES", buf_str(&acts));
		tpl_set(pd, "TABLES", buf_str(&tables));
		if (page_expand(w, "partner", pd, &page)) {
			struct crumb cr[4];
			size_t n = page_crumbs(w, cr, &yl, label_of(w,
			    LABEL_NAV_PARTNERS), PATH_PARTNER_INDEX,
			    p->short_name);
			buf_printf(&rel, PATH_PARTNER_FMT, p->id);
			page_write(w, buf_str(&rel), p->name, NAV_PARTNERS, cr, n,
			    buf_str(&page));
		}
		tpl_dict_free(pd);
		buf_free(&acts);
		buf_free(&tables);
		buf_free(&page);
		buf_free(&rel);
	}
	buf_free(&tab);
	buf_free(&body);
	buf_free(&s);
	buf_free(&yl);
	buf_free(&h);
}

/* out/<YEAR>/frameworks/<id>.html. */
static void
page_frameworks(struct page_writer *w)
{
	const struct site *s = &w->c->site;
	size_t nk = s->kinds.n;
	const char **names = xcalloc(nk + 1, sizeof(*names));
	struct buf yl = BUF_INIT;

	for (size_t k = 0; k < nk; k++)
		names[k] = s->kinds.v[k].name;
	for (size_t i = 0; i < s->frameworks.n && w->ok; i++) {
		const struct term *fw = &s->frameworks.v[i];
		struct tpl_dict *d = tpl_dict_new();
		struct buf tab = BUF_INIT, acts = BUF_INIT, page = BUF_INIT,
		    rel = BUF_INIT, id = BUF_INIT;

		buf_printf(&id, "kinds-%s", fw->id);
		figure_table(w, buf_str(&id), LABEL_TITLE_BY_KIND,
		    label_of(w, LABEL_COL_KIND), names, NULL,
		    w->f->activities.by_framework_kind + i * nk, nk,
		    w->f->activities.by_framework[i], true, &tab);
		activity_group(w, &acts, 2, "activities",
		    label_of(w, LABEL_NAV_ACTIVITIES), &w->g->framework[i],
		    "../" PATH_ACTIVITIES "/");
		tpl_set(d, "TITLE", fw->name);
		tpl_set(d, "TABLE", buf_str(&tab));
		tpl_set(d, "ACTIVITIES", buf_str(&acts));
		if (page_expand(w, "framework", d, &page)) {
			struct crumb cr[4];
			size_t n = page_crumbs(w, cr, &yl,
			    label_of(w, LABEL_NAV_STATISTICS),
			    PATH_STATISTICS, fw->name);
			buf_printf(&rel, PATH_FRAMEWORK_FMT, fw->id);
			page_write(w, buf_str(&rel), fw->name, NAV_STATISTICS, cr,
			    n, buf_str(&page));
		}
		tpl_dict_free(d);
		buf_free(&tab);
		buf_free(&acts);
		buf_free(&page);
		buf_free(&rel);
		buf_free(&id);
	}
	free(names);
	buf_free(&yl);
}

/* out/<YEAR>/agreements.html and projects.html. */
static void
page_agreements_projects(struct page_writer *w)
{
	struct tpl_dict *d = tpl_dict_new();
	struct buf tables = BUF_INIT, body = BUF_INIT, t = BUF_INIT, yl = BUF_INIT,
	    src = BUF_INIT;
	struct crumb cr[3];
	size_t n;

	agreement_table(w, "in-force", LABEL_TITLE_AGREEMENTS_IN_FORCE,
	    SET_IN_FORCE, (size_t)-1, true, &tables);
	agreement_table(w, "signed", LABEL_TITLE_AGREEMENTS_SIGNED,
	    SET_SIGNED, (size_t)-1, false, &tables);
	agreement_table(w, "proposed", LABEL_TITLE_AGREEMENTS_PROPOSED,
	    SET_PROPOSED, (size_t)-1, false, &tables);
	agreement_table(w, "expiring", LABEL_TITLE_AGREEMENTS_EXPIRING,
	    SET_EXPIRING, (size_t)-1, false, &tables);
	agreement_table(w, "ended", LABEL_TITLE_AGREEMENTS_ENDED,
	    SET_ENDED, (size_t)-1, false, &tables);
	tpl_set(d, "TITLE", label_of(w, LABEL_NAV_AGREEMENTS));
	tpl_set(d, "TABLES", buf_str(&tables));
	tpl_set(d, "SOURCE", label_expanded(w, LABEL_SOURCE_LINE, &src));
	if (page_expand(w, "agreements", d, &body)) {
		n = page_crumbs(w, cr, &yl, label_of(w, LABEL_NAV_AGREEMENTS),
		    NULL, NULL);
		page_write(w, PATH_AGREEMENTS, label_of(w,
		    LABEL_NAV_AGREEMENTS), NAV_AGREEMENTS, cr, n,
		    buf_str(&body));
	}
	tpl_dict_free(d);

	d = tpl_dict_new();
	buf_reset(&tables);
	buf_reset(&body);
	project_table(w, "projects", (size_t)-1, 0, &tables);
	tpl_set(d, "TITLE", label_of(w, LABEL_NAV_PROJECTS));
	tpl_set(d, "TABLES", buf_str(&tables));
	tpl_set(d, "SOURCE", label_expanded(w, LABEL_SOURCE_LINE, &src));
	if (page_expand(w, "projects", d, &body)) {
		n = page_crumbs(w, cr, &yl, label_of(w, LABEL_NAV_PROJECTS),
		    NULL, NULL);
		page_write(w, PATH_PROJECTS, label_of(w, LABEL_NAV_PROJECTS),
		    NAV_PROJECTS, cr, n, buf_str(&body));
	}
	tpl_dict_free(d);
	buf_free(&tables);
	buf_free(&body);
	buf_free(&t);
	buf_free(&yl);
	buf_free(&src);
}


void
pages_write_year(struct page_writer *w, bool lists)
{
	size_t *order = year_by_date(w->y);
	struct groups groups;

	if (lists) {
		groups_make(&groups, w->c, w->y, w->loc, order);
		w->g = &groups;
		page_report(w);
		if (w->ok)
			page_statistics(w);
		if (w->ok)
			page_activities(w);
		if (w->ok)
			page_partners(w);
		if (w->ok)
			page_frameworks(w);
		if (w->ok)
			page_agreements_projects(w);
		groups_free(&groups, w->c);
		w->g = NULL;
	}
	/* A page for each activity, on every core: they are most of the
	 * pages, and each depends on the model alone. */
	if (w->ok)
		activity_pages(w);
	free(order);
}
