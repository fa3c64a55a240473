/*
 * markdown: what the prose of a year says, checked against the records.
 *
 * Prose never repeats a number by hand: {{stat PATH}} in any Markdown
 * (sections, the article, activity bodies, the report's lead) becomes the
 * figure at PATH of figures.json, formatted for the site's language, and
 * {{table PATH caption="..."}}, alone on its line, the table of the
 * figures at PATH (one of stats.h's stats_table_paths) as the statistics
 * page shows it; {{trend PATH caption="..."}}, the same, the figure at
 * PATH (one number) in every year of the content up to the text's own,
 * with its change from the year before. {{stat years.2021.PATH}} is the
 * figure at PATH of 2021 (years.h). Write \{{ to keep the braces as they
 * are. cmark has no
 * pipe tables: a paragraph that looks like one gets a warning.
 *
 * Links and images are written relative to the year folder
 * (media/photo.jpg); one that names a file missing under the year, leaves
 * the year folder, or uses an address scheme other than http, https,
 * mailto or tel is an error.
 */
#ifndef COOPGEN_MARKDOWN_H
#define COOPGEN_MARKDOWN_H

#include <stdbool.h>
#include <cmark.h>
#include <jansson.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "format.h"
#include "fsx.h"
#include "model.h"
#include "strmap.h"

struct figures;
struct stats_table;

/* What Markdown needs to know about where it is. */
struct md_context {
	const struct content *c;
	const struct year *y;
	const json_t *figures;		/* figures_json of the year */
	const struct fsx *fs;		/* to check linked files */
	struct diag *d;
	const struct locale *loc;	/* number formats; NULL: built in */
	const struct labels *l;		/* words of lists; NULL: the ids */
	/* {{table PATH}}: the year's figures, and the writer that lays a
	 * table of stats.h out for md_render (the site's table template).
	 * Without them (checks, plain text), a table becomes nothing. */
	const struct figures *f;
	void	(*table)(void *arg, const struct stats_table *t,
		    struct buf *out);
	void	*table_arg;
};

/* Expand the placeholders and list directives of md into out. Problems
 * are reported at their place in the file; false when there was any. A
 * {{table}} becomes nothing. */
bool	 md_expand(const struct md_context *ctx, const struct markdown *md,
	    struct buf *out);

/* The {{table}}s of an expanded text, in order: what each asks for. */
struct md_tables {
	char	**path;
	char	**caption;	/* NULL when not given */
	bool	*trend;		/* a {{trend}}: one figure across the years */
	size_t	 n, cap, cap_c, cap_t;
};
void	 md_tables_free(struct md_tables *t);

/* md_expand, but each {{table}} is recorded in tables and leaves a mark,
 * an HTML comment that cmark parses as a block of its own, for
 * md_table_of_mark. */
bool	 md_expand_tables(const struct md_context *ctx,
	    const struct markdown *md, struct buf *out,
	    struct md_tables *tables);

struct md_ids;
/* When node (of a text md_expand_tables expanded into tables) is the mark
 * of a {{table}}: its table (stats.h) onto out, through ctx->table (when
 * there is one), with an id made of id_prefix and kept apart from ids,
 * and each link of its rows after links (NULL: no links); true. Else
 * false. */
bool	 md_table_of_mark(const struct md_context *ctx,
	    const struct md_tables *tables, cmark_node *node,
	    const char *id_prefix, const char *links, struct md_ids *ids,
	    struct buf *out);

/*
 * Limits on a Markdown text, so that every build ends in bounded time:
 * Debian's cmark 0.30.2 takes quadratic time on runs of "![[]()"
 * (CVE-2023-22486; 40,000 of them take seconds), and each link or image
 * opens with '['. Ordinary prose stays far below both.
 */
#define MD_TEXT_MAX	(1024 * 1024)	/* bytes in one Markdown text */
#define MD_BRACKETS_MAX	10000		/* '[' in one Markdown text */

/* Expand md and check its links and images; false on any problem. */
bool	 md_check(const struct md_context *ctx, const struct markdown *md);

/* Check one path relative to the year folder (a link, an image, the
 * article's lead image), reported at p. */
bool	 md_check_path(const struct md_context *ctx, const char *path,
	    struct pos p, const char *what);

/* A heading of rendered Markdown, for a table of contents. */
struct md_heading {
	int	 level;		/* as rendered: 1 to 6 */
	char	*id;
	char	*text;
};

/* The ids one page has, when several texts are rendered onto it (the
 * report's lead and chapters): each heading's id is kept apart from all
 * of them. Its names live in its arena. */
struct md_ids {
	struct strmap taken;
	struct arena names;
};

/* Start ids with those coopgen's pages have of their own; add one more;
 * free them. */
void	 md_ids_init(struct md_ids *ids);
void	 md_ids_take(struct md_ids *ids, const char *id);
void	 md_ids_free(struct md_ids *ids);

/* Where rendered Markdown lands, and what it tells back. */
struct md_page {
	int	 up;		/* folders between the page and the year's */
	const char *base;	/* else: the year's absolute address + "/" */
	int	 heading_base;	/* the level its first-level headings get */
	const char *id_prefix;	/* for heading ids, unique on the page */
	struct md_ids *ids;	/* the page's ids so far; NULL: this text's
				 * headings and coopgen's own ids only */
	struct md_heading *headings;	/* out: in order */
	size_t	 n_headings, cap_headings;
	/* out: whether the text, as parsed, names anything of its year
	 * beyond itself (a figure, a list, a link or image to a file of the
	 * year), so that its rendering depends on more than its own bytes. */
	bool	 names_year;
};

/*
 * Render md as HTML for the page: placeholders expanded, raw HTML left
 * out and unsafe links emptied (cmark's safe mode), headings moved under
 * the page's own (the highest becomes heading_base, the others keep
 * their order below it) with stable ids, an image alone in its paragraph
 * with a title made a <figure> with that title as <figcaption>, and links
 * written relative to the year folder rewritten for the page: media/ as
 * it is, a page's .md file as that page. False on a problem in the text
 * (reported); a text too large to check is not rendered.
 */
bool	 md_render(const struct md_context *ctx, const struct markdown *md,
	    struct md_page *page, struct buf *out);

/*
 * The three steps of md_render and md_check, for a text that is both
 * checked and rendered (an activity's body, by prose.h) in one parse:
 *
 *	md_parse         placeholders expanded for the page, cmark's tree;
 *	                 NULL for no text, or one too large to parse
 *	                 (reported: MD_TEXT_MAX, MD_BRACKETS_MAX)
 *	md_check_parsed  what md_check reports, on the same tree when the
 *	                 text has no placeholder (else on a parse of its
 *	                 own, whose lines are the file's); *warned tells
 *	                 whether that was a warning (an output whose text
 *	                 warns must not be taken over by a rebuild, which
 *	                 would not say it again)
 *	md_render_parsed what md_render writes; the tree is changed, so it
 *	                 comes last, once
 */
struct md_doc;
struct md_doc *md_parse(const struct md_context *ctx,
	    const struct markdown *md);
bool	 md_check_parsed(const struct md_context *ctx,
	    const struct md_doc *doc, bool *warned);
bool	 md_render_parsed(const struct md_context *ctx, struct md_doc *doc,
	    struct md_page *page, struct buf *out);
void	 md_doc_free(struct md_doc *doc);
void	 md_page_free(struct md_page *page);

/* md as plain text on one line (a meta description): placeholders
 * expanded, Markdown taken away, white space folded. */
void	 md_plain(const struct md_context *ctx, const struct markdown *md,
	    struct buf *out);

/* The path, relative to the year folder, of the page that Markdown file
 * path (relative to the year folder: "activities/x.md") became; NULL for
 * a file that is not a page. */
const char *md_page_of(const struct md_context *ctx, const char *path,
	    struct buf *out);

/* The text of a node's inlines, for ids, captions and the contents:
 * text and code as they are, line breaks as spaces. */
void	 md_node_text(cmark_node *node, struct buf *out);

/* The position in the file of byte offset off of md's text. */
struct pos md_pos(const struct markdown *md, size_t off);

#endif
