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

/*
 * Records that repeat another: two activities of a year with the same
 * title, date, framework and partners (in any files: a copy made by a
 * file-sync tool or by hand would otherwise be counted twice), two
 * projects of a year with the same title, funder, start and end, two
 * chapters of a year with the same title and text, two agreements with
 * the same title, type, signing date and partners. Titles
 * are compared as title_key writes them. Each repeat is an error at the
 * copy (the record whose file name looks like a copy of the other's, else
 * the later one), naming the other.
 */
void	 check_repeats(const struct content *c, const struct year *y,
	    struct diag *d);
void	 check_agreement_repeats(const struct content *c, struct diag *d);

/* A note at each agreement that expires (figures.h) in year, the last
 * year of the content: its renewal is due within twelve months. */
void	 check_renewals(const struct content *c, int year, struct diag *d);

/* Append to b the title s as compared for repeats: normalised (NFC),
 * case folded across Unicode, invisible characters (zero-width, soft
 * hyphen, bidi controls) left out, white space of any kind collapsed to
 * one space and trimmed. */
struct buf;
void	 title_key(struct buf *b, const char *s);

/* When the file-name stem looks like a copy of another ("x - Copy",
 * "x (1)", "Copy of x", "x (conflicted copy 2025-01-10)",
 * "x.sync-conflict-20250110-123456-ABCDEFG", "x 2", "x - Bản sao"): that
 * other stem, as a heap string; else NULL. */
char	*copy_of(const char *stem);

/* Whether code is an ISO 3166-1 alpha-2 country code. */
bool	 check_country(const char *code);

#endif
