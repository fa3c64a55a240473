/*
 * page: the machinery every page of the report shares (page.c): templates
 * expanded, the layout, crumbs, tables, Markdown rendered for a page, the
 * files published. Its callers are the writers of the pages, pages.c (the
 * pages of a year) and article.c (the news article), which html.c drives;
 * it calls nothing of theirs. The arrows run one way:
 *
 *	build.c -> html.c -> pages.c, article.c -> page.c -> tpl.cc
 */
#ifndef COOPGEN_PAGE_H
#define COOPGEN_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "format.h"
#include "fsx.h"
#include "hash.h"
#include "labels.h"
#include "markdown.h"
#include "model.h"
#include "publish.h"
#include "reuse.h"
#include "tpl.h"

struct groups;
struct years;

/* What the pages of one year are made from. */
struct html_year {
	const struct content *c;
	const struct labels *l;
	const struct year *y;
	const struct figures *f;
	const json_t *json;	/* figures_json, for {{stat}} */
	const struct fsx *fs;	/* the content folder */
	struct diag *d;
	const struct locale *loc;
	int	 jobs;		/* threads writing pages */
	const struct years *side;	/* every year of the content */
	/* Whether each activity's body is checked where its page is
	 * rendered (prose.h), in the same parse; problems are counted in d,
	 * and the caller publishes nothing then. */
	bool	 check_bodies;
	/* Activity pages of the last build (reuse.h): its manifest, each
	 * activity's keys, and where the key and the hash of each page
	 * written or taken go (left zero for a page not written). NULL: every
	 * page is rendered. */
	const struct reuse *reuse;
	const struct reuse_page_key *keys;
	struct reuse_entry *written;	/* .key and .bytes only */
	/* The other pages of the year, as one group: their key, and where
	 * the files written or taken are noted. */
	struct hash group_key;
	struct reuse_list *group;
};

/* Everything the pages of a year share while they are written. */
struct page_writer {
	struct tpl *tpl;	/* the templates, loaded by html_load */
	const struct html_year *in;
	const struct content *c;
	const struct labels *l;
	const struct year *y;
	const struct figures_year *f;
	struct publish *p;
	struct md_context md;
	enum lang lang;
	const struct locale *loc;
	const struct groups *g;	/* the activities of each list */
	bool	 ok;		/* false once a page could not be made or
				   written (reported in in->d): the writers
				   stop, and html_write_year returns it */
	struct hash *written;	/* not NULL: page_write puts the hash of the
				   bytes it writes here */
	struct reuse_list *group;	/* not NULL: what is written is noted
				   here, under group_key (reuse.h) */
	struct hash group_key;
	struct frame *frame;	/* of the activity pages, on this thread */
	struct md_ids *ids;	/* not NULL: the ids of the page being made,
				   which rendered headings keep apart from */
};

enum nav {
	NAV_NONE = -1,
	NAV_REPORT,
	NAV_STATISTICS,
	NAV_ACTIVITIES,
	NAV_PARTNERS,
	NAV_AGREEMENTS,
	NAV_PROJECTS,
	NAV_ARTICLE,
};

/* A step of the breadcrumbs: href relative to the year folder, NULL for
 * the page itself. */
struct crumb {
	const char *label;
	const char *href;
};

/* What the head of an article page says to news sites and networks. */
struct head {
	const char *description;
	const char *canonical;	/* NULL without base_url */
	const char *image;	/* NULL without an image */
	const char *image_alt;
	const char *published;	/* with the time and the UTC offset */
	const char *jsonld;	/* the NewsArticle, safe inside <script> */
};

/* A table made from table.tpl: begin, head cells, rows of cells, a total
 * row, a chart, then end to expand it. */
struct table {
	struct tpl_dict *d;
	struct tpl_dict *row;
	const struct locale *loc;
	struct buf num;
};

static inline const char *
label_of(const struct page_writer *w, enum label id)
{
	return label(w->l, id);
}

/* A label with {year} and {organisation}, in a string of the arena-less
 * kind: the caller's buf. */
static inline const char *
label_expanded(const struct page_writer *w, enum label id, struct buf *out)
{
	buf_reset(out);
	label_expand(out, w->l, id, w->y ? w->y->year : 0,
	    w->c->site.organisation);
	return buf_str(out);
}

static inline void
up_prefix(struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_puts(b, "../");
}


/* Expand template name with d, appended to out. */
bool	 page_expand(struct page_writer *w, const char *name,
	    const struct tpl_dict *d, struct buf *out);

/* Put body in the layout and publish it as rel (relative to the year
 * folder, or to out/ without a year); head fills an article's meta data. */
void	 page_write_head(struct page_writer *w, const char *rel,
	    const char *title, enum nav current, const struct crumb *crumbs,
	    size_t ncrumbs, const char *body, const struct head *head);
void	 page_write(struct page_writer *w, const char *rel, const char *title,
	    enum nav current, const struct crumb *crumbs, size_t ncrumbs,
	    const char *body);

/*
 * The layout of many pages of one folder that differ only in their title,
 * which is also the last step of their crumbs, and their body (a year's
 * activity pages): its dictionary is made once, with the crumbs given
 * (the last, the page itself, with any label), then filled and expanded
 * page by page. Each page comes out as page_write would write it.
 */
struct frame {
	struct tpl_dict *d, *here;
	int	 up;
};

void	 frame_begin(struct frame *f, struct page_writer *w, const char *rel,
	    enum nav current, const struct crumb *crumbs, size_t ncrumbs);
/* Write rel, a page of the folder of the rel given to frame_begin. */
void	 frame_write(struct frame *f, struct page_writer *w, const char *rel,
	    const char *title, const char *body);
void	 frame_end(struct frame *f);

/* The crumbs of a page below the year: the year, then section (linked to
 * section_href when here follows), then here. Returns their number. */
size_t	 page_crumbs(struct page_writer *w, struct crumb *c,
	    struct buf *year_label, const char *section,
	    const char *section_href, const char *here);

/* A table from table.tpl: begin, head cells, rows of cells, a total row,
 * then end with an optional chart to expand it onto out. */
void	 table_begin(struct table *t, const struct page_writer *w,
	    const char *id, const char *caption);
void	 table_head(struct table *t, const char *label, bool numeric);
void	 table_row(struct table *t, const char *name, const char *href);
void	 table_sub_row(struct table *t, const char *name);
void	 table_total(struct table *t, const char *name);
void	 table_text(struct table *t, const char *text, const char *href);
void	 table_blank(struct table *t);
void	 table_num(struct table *t, long long n);
void	 table_end(struct page_writer *w, struct table *t, const char *chart,
	    struct buf *out);

/* A table of stats.h as table.tpl lays it out, with its chart when it has
 * one; page_prose_table is the same, as md_context's table writer (w is
 * the page_writer) for {{table PATH}}. */
struct stats_table;
void	 page_stats_table(struct page_writer *w, const struct stats_table *st,
	    struct buf *out);
void	 page_prose_table(void *w, const struct stats_table *t,
	    struct buf *out);

/* A table of one figure per row (total < 0: no total row), with a bar
 * chart when chart is set. */
void	 figure_table(struct page_writer *w, const char *id, enum label caption,
	    const char *head, const char *const names[],
	    const char *const hrefs[], const long long values[], size_t n,
	    long long total, bool chart, struct buf *out);

/* The line under an activity in a list, as every list shows it: its
 * date and kind, and its count when it stands for several. */
void	 activity_meta(const struct content *c, const struct locale *loc,
	    const struct activity *a, struct buf *out);

/* A date standing alone, as at the start of a cell: "Tháng 6/2023". */
void	 page_date(const struct page_writer *w, struct buf *out, struct date d);

/* Where Markdown lands on a page being made by w: md_page says what up,
 * base and prefix are. */
void	 page_md_page(struct page_writer *w, int up, int base,
	    const char *prefix, struct md_page *page);

/* Render Markdown checked before (prose.h) for a page, as page_md_page
 * places it. */
void	 page_render(struct page_writer *w, const struct markdown *md,
	    int up, int base, const char *prefix, struct md_page *page,
	    struct buf *out);

/* Write file rel (relative to the output folder) for the pages, noting
 * it where w says (written, group); false (w->ok too) when it could not
 * be written. */
bool	 page_publish(struct page_writer *w, const char *rel, const void *data,
	    size_t len);

#endif
