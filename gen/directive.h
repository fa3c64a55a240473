/*
 * directive: lists of records in prose.
 *
 *	{{activities framework=asean}}
 *	{{activities kind=workshop partner=wipo}}
 *	{{agreements signed}}
 *	{{agreements in_force type=multilateral}}
 *	{{projects funder=jica}}
 *	{{projects status=ongoing}}
 *
 * Each becomes a Markdown list of the year's matching records, so that the
 * article and the chapters can narrate the year without copying records
 * by hand. Filters:
 *
 *	activities   framework=ID kind=ID partner=ID month=1..12
 *	agreements   in_force (the default) | signed | proposed,
 *	             type=bilateral|multilateral partner=ID framework=ID
 *	projects     funder=ID status=completed|ongoing|preparing|proposed
 *
 * A directive stands alone on its line. Text from the records is escaped
 * for Markdown, so a title keeps its '*' and '[' as they are.
 */
#ifndef COOPGEN_DIRECTIVE_H
#define COOPGEN_DIRECTIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct md_context;

/* Whether word (n bytes) names a list directive. */
bool	 directive_is_list(const char *word, size_t n);

/*
 * Check the list directive word with its arguments args (n bytes), at
 * position at; when out is not NULL, append the list as Markdown (a line
 * per record, "(none)" when nothing matches), its items marked with bullet
 * ('-', '*' or '+': two lists in a row with different bullets stay two
 * tight lists). A filter may take several values, any of which matches
 * (kind=workshop,award). With group, the list is one of several that
 * make one list (directives on consecutive lines): nothing is said when
 * nothing matches, and *group is added what was found, for
 * directive_none. False (and reported) when a filter or a value is
 * unknown.
 */
bool	 directive_list(const struct md_context *ctx, const char *word,
	    const char *args, size_t n, struct pos at, struct buf *out,
	    char bullet, size_t *group);

/* The "(none)" item of a list, or of a group of them that found nothing. */
void	 directive_none(const struct md_context *ctx, struct buf *out,
	    char bullet);

/* Append s with every ASCII punctuation character backslash-escaped, and
 * line breaks made spaces: text that Markdown shows as written. */
void	 md_escape(struct buf *out, const char *s);

#endif
