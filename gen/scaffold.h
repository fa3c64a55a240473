/*
 * scaffold: coopgen new, the files a writer starts from.
 *
 *	coopgen new site DIR [--lang vi|en]
 *	coopgen new activity "Title" [--content DIR] [--year YYYY] [--date D]
 *	    [--framework ID] [--kind ID] [--partner ID]...
 *	coopgen new agreement "Title" [--type T] [--status S] [--date SIGNED]
 *	    [--framework ID] [--partner ID]...
 *	coopgen new project "Title" [--funder ID] [--status S] [--date START]
 *
 * Nothing is ever overwritten: a site goes only into a new or empty
 * folder, an activity only into a file that does not exist yet (made with
 * O_EXCL). A new activity is checked with the rest of its year exactly as
 * coopgen check would; when check finds a problem in it, the file is
 * removed again and the problem printed with check's own words.
 */
#ifndef COOPGEN_SCAFFOLD_H
#define COOPGEN_SCAFFOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define SCAFFOLD_PARTNERS_MAX 32

struct scaffold {
	const char *content;	/* the content folder (new activity) */
	const char *lang;	/* "vi" or "en" (new site) */
	int	 year;		/* 0: the current year */
	const char *date;	/* NULL: today, when in the year */
	const char *framework;	/* NULL: the first of site.yaml's */
	const char *kind;	/* NULL: the first of site.yaml's */
	const char *type;	/* new agreement: NULL: bilateral */
	const char *status;	/* new agreement, new project */
	const char *funder;	/* new project: NULL: the first --partner */
	const char *partners[SCAFFOLD_PARTNERS_MAX];
	size_t	 n_partners;
	time_t	 now;		/* SOURCE_DATE_EPOCH, else the clock */
};

/* coopgen new site DIR. An exit status of coopgen(1). */
int	 scaffold_site(const struct scaffold *s, const char *dir);

/* coopgen new activity TITLE. An exit status of coopgen(1). */
int	 scaffold_activity(const struct scaffold *s, const char *title);

/*
 * coopgen new agreement TITLE, coopgen new project TITLE: a record added
 * at the end of agreements.yaml, or of the year's projects.yaml (made when
 * there is none), every byte before it kept (comments, order). Checked as
 * an activity is; on a problem in it the file is put back as it was.
 */
int	 scaffold_agreement(const struct scaffold *s, const char *title);
int	 scaffold_project(const struct scaffold *s, const char *title);

#endif
