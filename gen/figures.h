/*
 * figures: every number of a year, computed once from the records.
 *
 * The report, the article, the workbook and figures.json all read their
 * numbers from here, so they cannot disagree. figures_json gives the
 * numbers the shape of figures.json, which is also the namespace of the
 * {{stat PATH}} placeholders: a placeholder names a path in that tree.
 */
#ifndef COOPGEN_FIGURES_H
#define COOPGEN_FIGURES_H

#include <stdbool.h>
#include <jansson.h>

#include "model.h"

/* The figures of one year. Arrays follow the order of their vocabulary
 * (site.yaml) or of partners.yaml. */
struct figures_year {
	int	 year;
	struct {
		long long total;		/* sum of counts */
		long long records;
		long long *by_framework;	/* [frameworks] */
		long long *by_kind;		/* [kinds] */
		long long *by_framework_kind;	/* [framework * kinds + kind] */
		long long by_month[13];		/* [0]: dated by year only */
		long long *by_partner;		/* [partners] */
	} activities;
	struct {
		long long in_force;
		long long bilateral;		/* in force */
		long long multilateral;		/* in force */
		long long signed_in_year;
		long long proposed;
		long long expiring;		/* in force, end within a year */
		long long ended;		/* in force on 1 Jan, ended in it */
		long long *by_partner;		/* in force, [partners] */
	} agreements;
	struct {
		long long total;
		long long by_status[PROJECT_STATUSES];
		/* [partner * (1 + PROJECT_STATUSES)]: total, then statuses */
		long long *by_funder;
	} projects;
};

struct figures {
	struct figures_year cur;
	bool	 has_previous;	/* the content has the year before */
	struct figures_year previous;
};

/* Compute the figures of year y of c (and of the year before, when c has
 * it). Records whose references did not resolve are left out; a build
 * never gets that far with such records. */
void	 figures_compute(const struct content *c, const struct year *y,
	    struct figures *f);
void	 figures_free(struct figures *f);

/* Whether agreement a is in force at the end of year, signed in it, or
 * proposed in it. */
bool	 agreement_in_force(const struct agreement *a, int year);
bool	 agreement_signed_in(const struct agreement *a, int year);
bool	 agreement_proposed_in(const struct agreement *a, int year);

/*
 * Agreements about to lapse. An agreement is expiring in year Y when it is
 * in force at the end of Y and its end falls within the next twelve
 * months: after 31 December Y, on or before 31 December Y+1. It ended in
 * Y when it was in force on 1 January Y (signed before Y, or undated) and
 * its end falls inside Y, 31 December Y included (such an agreement is
 * also in force at the end of Y, as agreement_in_force counts its last
 * day). A partial end date stands for its last day: "2024-06" is 30 June
 * 2024. An agreement without an end date does neither.
 */
bool	 agreement_expiring(const struct agreement *a, int year);
bool	 agreement_ended_in(const struct agreement *a, int year);
/* The months left to an expiring agreement at the end of year: the month
 * of Y+1 its end falls in, 1 (January) to 12 (December). */
int	 agreement_months_left(const struct agreement *a, int year);

/* The sets of agreements of a year, as figures.json and the {{agreements}}
 * directive name them, in this order. */
enum agreement_set {
	SET_IN_FORCE,
	SET_SIGNED,
	SET_PROPOSED,
	SET_EXPIRING,
	SET_ENDED,
};
#define AGREEMENT_SETS 5
struct agreement_set_def {
	const char *id;		/* "in_force" */
	bool	(*pick)(const struct agreement *, int);
};
extern const struct agreement_set_def agreement_sets[AGREEMENT_SETS];

/* The figures as the JSON tree of figures.json (a new reference). */
json_t	*figures_json(const struct content *c, const struct figures *f);

enum figures_lookup {
	FIGURES_FOUND,
	FIGURES_NO_SUCH_PATH,	/* a part of the path names nothing */
	FIGURES_NOT_A_NUMBER,	/* the path names a group of figures */
};

/*
 * Look up a dotted path ("agreements.in_force.total") in a figures tree.
 * On FIGURES_FOUND, *value is the number. Otherwise *failed_at is the
 * length of the path that did resolve, and *node the JSON object at that
 * point (for listing what was expected).
 */
enum figures_lookup figures_lookup(const json_t *root, const char *path,
	    long long *value, size_t *failed_at, const json_t **node);

#endif
