/*
 * reserved: the names coopgen gives its own pages in the folders where
 * records name pages too, and the fixed ids of its pages. A record whose
 * page name or id is one of these would overwrite coopgen's page, or give
 * a page the same id twice, so the loader refuses it (at the record, exit
 * status 1) and check and build agree.
 *
 * This is the one list of them. The names of pages are spelled once, in
 * paths.h, which the page writers (gen/pages.c, gen/page.c,
 * gen/article.c) spell them from too. tests/run-reserved builds a year
 * with every kind of page and fails when a page or an id the writers
 * produce is not listed here, so the list cannot fall behind.
 * Each X-macro calls X once per entry.
 */
#ifndef COOPGEN_RESERVED_H
#define COOPGEN_RESERVED_H

#include <stdbool.h>

#include "paths.h"

/* X(folder, name): out/<YEAR>/<folder>/<name>.html is coopgen's own page
 * (the month pages are written above 500 activities, but the names are
 * kept whatever the count, so that a year growing past it still builds). */
#define RESERVED_PAGES(X) \
	X(PATH_ACTIVITIES, PATH_INDEX_STEM) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(00)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(01)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(02)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(03)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(04)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(05)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(06)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(07)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(08)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(09)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(10)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(11)) \
	X(PATH_ACTIVITIES, PATH_MONTH_STEM(12)) \
	X(PATH_PARTNERS, PATH_INDEX_STEM)

/* X(id): the ids of the report page (index.html) whatever the content:
 * the layout's and the report's own. Its chapters are ids there too. */
#define RESERVED_REPORT_IDS(X) \
	X("main") X("key-figures") X("key-figures-table") X("contents")

/* X(prefix): ids of the report page made from content: its lead's
 * headings. A chapter's id may not begin so. (A chapter's own headings
 * are "CHAPTER-heading".) */
#define RESERVED_REPORT_PREFIXES(X) \
	X("lead-")

/* X(id): the fixed ids of the other pages: the activity index's, the
 * statistics page's tables and their charts (each table id also gives
 * ID-chart, ID-chart-t and ID-chart-d; projects-by-status is a chart
 * alone), the agreements', projects' and
 * partners' pages, the article's. Made from content there: "framework-ID"
 * and "month-MM" on the activity index, "kinds-ID" on a framework's page,
 * "article-" and "lead-" before the article's headings. */
#define RESERVED_PAGE_IDS(X) \
	X("by-framework") X("by-month") X("index-by-framework") \
	X("index-by-month") \
	X("month-00") X("month-01") X("month-02") X("month-03") X("month-04") \
	X("month-05") X("month-06") X("month-07") X("month-08") X("month-09") \
	X("month-10") X("month-11") X("month-12") \
	X("by-kind") X("by-partner") X("framework-kind") \
	X("agreements-by-type") X("agreements-by-partner") \
	X("projects-by-funder") X("projects-by-status") \
	X("in-force") X("signed") X("proposed") X("expiring") X("ended") \
	X("projects") X("partners") \
	X("activities") X("agreements") \
	X("article-top")

/* Names that Windows cannot give a file, whatever the extension
 * ("con.html" included): a page named so could not be copied to a
 * Windows share or a USB stick. Kept free in every folder. */
#define RESERVED_DEVICE_NAMES(X) \
	X("con") X("prn") X("aux") X("nul") \
	X("com0") X("com1") X("com2") X("com3") X("com4") X("com5") \
	X("com6") X("com7") X("com8") X("com9") \
	X("lpt0") X("lpt1") X("lpt2") X("lpt3") X("lpt4") X("lpt5") \
	X("lpt6") X("lpt7") X("lpt8") X("lpt9")

enum reserved {
	RESERVED_NO,
	RESERVED_PAGE,		/* coopgen writes a page of that name */
	RESERVED_DEVICE,	/* Windows cannot name a file so */
	RESERVED_ID,		/* an id coopgen's page carries */
	RESERVED_PREFIX,	/* begins like ids coopgen makes */
};

/* Whether name may be the page name of a record in folder ("activities",
 * "partners", "frameworks"). */
enum reserved reserved_page(const char *folder, const char *name);

/* Whether id may be a chapter's id (its slug) on the report page. */
enum reserved reserved_id(const char *id);

#endif
