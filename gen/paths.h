/*
 * paths: the name of every file coopgen writes, in one place. The writers,
 * the links between pages, the rebuild's manifest and the list of names
 * records may not take (reserved.h) all spell them from here, so that a
 * page renamed is renamed everywhere at once.
 *
 *	out/index.html, out/style.css          the list of years
 *	out/years.json, out/years.xlsx         the years side by side
 *	out/partners/                          a dossier per partner
 *	out/<YEAR>/<PATH_...>                  each year's files, below
 *
 * Every name is a string literal, so that it joins a format or another
 * literal where it is used: "%s/" PATH_WORKBOOK, "../" PATH_ACTIVITY_FMT.
 * The folders of the pages of records have the names of the content's
 * folders of those records (load.c), which is why a record's page name is
 * checked against reserved.h.
 */
#ifndef COOPGEN_PATHS_H
#define COOPGEN_PATHS_H

/* The stem of the index page of a folder: <folder>/index.html. */
#define PATH_INDEX_STEM		"index"

/* out/: the list of years and the one stylesheet. */
#define PATH_SITE_INDEX		PATH_INDEX_STEM ".html"
#define PATH_STYLE		"style.css"

/* out/: the years side by side (years.h), and the partners' dossiers
 * across the years (the same folder name as a year's partner pages, one
 * level up: PATH_DOSSIER_FMT is PATH_PARTNER_FMT, relative to out/). */
#define PATH_YEARS_JSON		"years.json"
#define PATH_YEARS_WORKBOOK	"years.xlsx"
#define PATH_DOSSIER_INDEX	PATH_PARTNERS "/" PATH_INDEX_STEM ".html"
#define PATH_DOSSIER_FMT	PATH_PARTNERS "/%s.html"

/* The folders of a year that hold a page per record. */
#define PATH_ACTIVITIES		"activities"
#define PATH_PARTNERS		"partners"
#define PATH_FRAMEWORKS		"frameworks"

/* The pages of a year, relative to its folder. */
#define PATH_REPORT		PATH_INDEX_STEM ".html"
#define PATH_STATISTICS		"statistics.html"
#define PATH_ACTIVITY_INDEX	PATH_ACTIVITIES "/" PATH_INDEX_STEM ".html"
#define PATH_PARTNER_INDEX	PATH_PARTNERS "/" PATH_INDEX_STEM ".html"
#define PATH_AGREEMENTS		"agreements.html"
#define PATH_PROJECTS		"projects.html"
#define PATH_ARTICLE		"article.html"
#define PATH_ARTICLE_FRAGMENT	"article.fragment.html"

/* The other files of a year. */
#define PATH_WORKBOOK		"statistics.xlsx"
#define PATH_REPORT_DOCX	"report.docx"
#define PATH_FIGURES		"figures.json"

/* printf formats of the page of a record, given its slug or id. */
#define PATH_ACTIVITY_FMT	PATH_ACTIVITIES "/%s.html"
#define PATH_PARTNER_FMT	PATH_PARTNERS "/%s.html"
#define PATH_FRAMEWORK_FMT	PATH_FRAMEWORKS "/%s.html"

/*
 * The page of the activities of a month, in PATH_ACTIVITIES, for a big
 * year (pages.c): month-01.html to month-12.html, month-00.html for those
 * dated by year only. PATH_MONTH_FMT takes the month as an int;
 * PATH_MONTH_STEM(07) spells a stem as a literal (reserved.h).
 */
#define PATH_MONTH_FMT		"month-%02d.html"
#define PATH_MONTH_STEM(mm)	"month-" #mm

#endif
