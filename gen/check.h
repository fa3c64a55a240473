/*
 * check: what a record means, beyond its types.
 *
 * fields.h makes sure each value has the right type; the functions here
 * make sure it names something that exists (a framework of site.yaml, a
 * partner of partners.yaml), that dates agree with the year folder and with
 * each other. The loader calls them on each record as soon as it is
 * decoded, so that diagnostics come out in file order. Each resolves the
 * record's references (ref.index) or reports why it cannot.
 */
#ifndef COOPGEN_CHECK_H
#define COOPGEN_CHECK_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* A framework or kind id against site.yaml; what is "framework" or "kind". */
bool	 check_term(const struct content *c, const struct vocab *v,
	    const char *what, struct ref *r, struct diag *d);

/* A partner id against partners.yaml; what is "partner" or "funder". */
bool	 check_partner(const struct content *c, const char *what,
	    struct ref *r, struct diag *d);

void	 check_activity(const struct content *c, const struct year *y,
	    struct activity *a, struct diag *d);
void	 check_project(const struct content *c, struct project *p,
	    struct diag *d);
void	 check_agreement(const struct content *c, struct agreement *a,
	    struct diag *d);

/* Whether code is an ISO 3166-1 alpha-2 country code. */
bool	 check_country(const char *code);

#endif
