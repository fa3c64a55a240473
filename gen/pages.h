/*
 * pages: the writers of the pages of a year, which html.c drives; each
 * makes its pages with the machinery of page.h.
 */
#ifndef COOPGEN_PAGES_H
#define COOPGEN_PAGES_H

#include <stdbool.h>

#include "page.h"

/* pages.c: the pages of a year, but the article; without lists, only the
 * activities' own pages (the others were taken from the last build). */
void	 pages_write_year(struct page_writer *w, bool lists);

/* article.c: article.html and article.fragment.html. */
void	 article_write(struct page_writer *w);

#endif
