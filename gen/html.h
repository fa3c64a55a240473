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
#include <stddef.h>

#include "diag.h"
#include "page.h"	/* struct html_year: what a year's pages are made of */
#include "publish.h"

struct html;

/* Read and parse every template of the folder dir, and the stylesheet.
 * False (each problem reported at its file) when one is missing or does
 * not parse, so that no page is built from a broken template. */
bool	 html_load(struct html **h, const char *dir, struct diag *d);
void	 html_free(struct html *h);

/* Write the pages of one year into out/<YEAR>/. */
bool	 html_write_year(struct html *h, const struct html_year *in,
	    struct publish *p);

/* Write out/index.html, listing the n years given (newest first), the
 * partners' dossiers and out/style.css, each noted in group (when not
 * NULL) under key (reuse.h). */
bool	 html_write_site(struct html *h, const struct html_year *years,
	    size_t n, struct publish *p, struct reuse_list *group,
	    struct hash key);

#endif
