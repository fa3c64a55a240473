/*
 * html: the yearly report as a static site, from the templates.
 *
 *	out/index.html                  every year, newest first
 *	out/style.css                   the one stylesheet
 *	out/<YEAR>/index.html           cover, key figures, contents, chapters
 *	out/<YEAR>/statistics.html      every figure as a table and a chart
 *	out/<YEAR>/activities/          an index, and a page per activity
 *	                                (above 500: a page per month too)
 *	out/<YEAR>/partners/            an index, and a page per partner
 *	out/<YEAR>/frameworks/<id>.html a page per framework
 *	out/<YEAR>/agreements.html      in force, signed, proposed
 *	out/<YEAR>/projects.html        by funder and status, and listed
 *	out/<YEAR>/article.html         the news article, and
 *	out/<YEAR>/article.fragment.html  the same <article> for a CMS
 *
 * All HTML comes from ctemplate templates (tpl.h) that escape every value
 * where it lands; the only values inserted as they are hold HTML this
 * program made (rendered Markdown, charts, the tables made from the table
 * template). Links are relative, so the site works from a file system, a
 * sub-path or a USB stick.
 */
#ifndef COOPGEN_HTML_H
#define COOPGEN_HTML_H

#include <stdbool.h>
#include <jansson.h>

#include "diag.h"
#include "figures.h"
#include "format.h"
#include "fsx.h"
#include "labels.h"
#include "model.h"
#include "publish.h"
#include "reuse.h"

struct html;

/* Read and parse every template of the folder dir, and the stylesheet.
 * False (each problem reported at its file) when one is missing or does
 * not parse, so that no page is built from a broken template. */
bool	 html_load(struct html **h, const char *dir, struct diag *d);
void	 html_free(struct html *h);

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
	/* NULL when the activity bodies were checked as they were read;
	 * else they are checked where their pages are written, {{stat}}
	 * against this shape of the figures (see build.c), and problems
	 * are counted in d: the caller publishes nothing then. */
	const json_t *shape;
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

/* Write the pages of one year into out/<YEAR>/. */
bool	 html_write_year(struct html *h, const struct html_year *in,
	    struct publish *p);

/* Write out/index.html, listing the n years given (newest first), and
 * out/style.css. */
bool	 html_write_site(struct html *h, const struct html_year *years,
	    size_t n, struct publish *p);

#endif
