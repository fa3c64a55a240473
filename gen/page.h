/*
 * page: what the writers of the report's pages share, inside coopgen:
 * html.c (templates, the layout, tables and lists, the list of years),
 * pages.c (the pages of a year) and article.c (the news article).
 */
#ifndef COOPGEN_PAGE_H
#define COOPGEN_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "format.h"
#include "html.h"
#include "labels.h"
#include "markdown.h"
#include "publish.h"
#include "tpl.h"

struct groups;

/* Everything the pages of a year share while they are written. */
struct w {
	struct html *h;
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
	bool	 ok;
	struct hash *written;	/* not NULL: page_write puts the hash of the
				   bytes it writes here */
	struct reuse_list *group;	/* not NULL: what is written is noted
				   here, under in->group_key (reuse.h) */
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
L(const struct w *w, enum label id)
{
	return label(w->l, id);
}

/* A label with {year} and {organisation}, in a string of the arena-less
 * kind: the caller's buf. */
static inline const char *
Lx(const struct w *w, enum label id, struct buf *out)
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
bool	 page_expand(struct w *w, const char *name, const struct tpl_dict *d,
	    struct buf *out);

/* Put body in the layout and publish it as rel (relative to the year
 * folder, or to out/ without a year); head fills an article's meta data. */
void	 page_write_head(struct w *w, const char *rel, const char *title,
	    enum nav current, const struct crumb *crumbs, size_t ncrumbs,
	    const char *body, const struct head *head);
void	 page_write(struct w *w, const char *rel, const char *title,
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

void	 frame_begin(struct frame *f, struct w *w, const char *rel,
	    enum nav current, const struct crumb *crumbs, size_t ncrumbs);
/* Write rel, a page of the folder of the rel given to frame_begin. */
void	 frame_write(struct frame *f, struct w *w, const char *rel,
	    const char *title, const char *body);
void	 frame_end(struct frame *f);

/* The crumbs of a page below the year: the year, then section (linked to
 * section_href when here follows), then here. Returns their number. */
size_t	 page_crumbs(struct w *w, struct crumb *c, struct buf *year_label,
	    const char *section, const char *section_href, const char *here);

/* A table from table.tpl: begin, head cells, rows of cells, a total row,
 * then end with an optional chart to expand it onto out. */
void	 table_begin(struct table *t, const struct w *w, const char *id,
	    const char *caption);
void	 table_head(struct table *t, const char *label, bool numeric);
void	 table_row(struct table *t, const char *name, const char *href);
void	 table_total(struct table *t, const char *name);
void	 table_text(struct table *t, const char *text, const char *href);
void	 table_blank(struct table *t);
void	 table_num(struct table *t, long long n);
void	 table_end(struct w *w, struct table *t, const char *chart,
	    struct buf *out);

/* A table of one figure per row (total < 0: no total row), with a bar
 * chart when chart is set. */
void	 figure_table(struct w *w, const char *id, enum label caption,
	    const char *head, const char *const names[],
	    const char *const hrefs[], const long long values[], size_t n,
	    long long total, bool chart, struct buf *out);

/* A date standing alone, as at the start of a cell: "Tháng 6/2023". */
void	 page_date(const struct w *w, struct buf *out, struct date d);

/* Render Markdown for a page (md_page says what up, base and prefix
 * are). With check, a text not checked before is checked as it is
 * rendered (problems are counted in diag); without, the checks have
 * reported its problems already. */
void	 page_render(struct w *w, const struct markdown *md, int up, int base,
	    const char *prefix, const struct md_context *check,
	    struct md_page *page, struct buf *out);

/* pages.c: the pages of a year, but the article; without lists, only the
 * activities' own pages (the others were taken from the last build). */
void	 pages_write_year(struct w *w, bool lists);

/* Write file rel (relative to the output folder) for the pages, noting
 * it where w says; false (w->ok too) when it could not be written. */
bool	 page_publish(struct w *w, const char *rel, const void *data,
	    size_t len);

/* article.c: article.html and article.fragment.html. */
void	 article_write(struct w *w);

#endif
