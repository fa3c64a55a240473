/*
 * fields: typed fields out of a YAML mapping, with the checks every record
 * shares: the mapping is a mapping, no key is unknown (a misspelt field is
 * never silently ignored), required fields are present and non-empty, and
 * each value has the type its field needs. Each problem is reported at the
 * value (or at the record, for a missing field) and decoding goes on, so
 * that one run shows every problem of a record.
 */
#ifndef COOPGEN_FIELDS_H
#define COOPGEN_FIELDS_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "ynode.h"

#define COUNT_MAX 1000000L	/* keeps every sum far from overflow */

struct record {
	const struct ynode *map;
	const char *what;	/* "an activity", for messages */
	struct arena *a;	/* where decoded strings are copied to */
	struct diag *d;
	bool	 bad;		/* a field of this record was reported */
};

/* Start decoding node n as what. keys lists the allowed keys, ending with
 * NULL. False (and reported) when n is not a mapping. */
bool	 record_open(struct record *r, const struct ynode *n, const char *what,
	    const char *const keys[], struct arena *a, struct diag *d);

/* Text, or NULL when absent (reported when required). *pos, when not NULL,
 * is set to the value's position (the record's when absent). */
const char *record_text(struct record *r, const char *key, bool required,
	    struct pos *pos);

/* An id: text made of lower-case letters, digits, '-' and '_'. */
void	 record_ref(struct record *r, const char *key, bool required,
	    struct ref *out);

/* A list of ids; a single id is taken as a list of one. */
void	 record_refs(struct record *r, const char *key, struct refs *out);

/* A list of texts; a single text is taken as a list of one. */
const char **record_texts(struct record *r, const char *key, size_t *n);

/* A date (YYYY, YYYY-MM or YYYY-MM-DD); year 0 when absent. */
void	 record_date(struct record *r, const char *key, bool required,
	    struct date *out, struct pos *pos);

/* A whole number from min to max; dflt when absent. */
long	 record_int(struct record *r, const char *key, long min, long max,
	    long dflt);

/* A count: a whole number from 1 to COUNT_MAX, 1 when absent. */
long	 record_count(struct record *r, const char *key);

/* One of names (NULL-terminated); its index, or dflt when absent or wrong. */
int	 record_enum(struct record *r, const char *key, const char *const names[],
	    bool required, int dflt);

/* A non-negative decimal number; false when absent. */
bool	 record_number(struct record *r, const char *key, double *out);

/* Markdown text from a scalar, placed for later diagnostics; text NULL when
 * absent. source is the whole file the YAML came from (for block indents). */
void	 record_markdown(struct record *r, const char *key, const char *source,
	    size_t source_len, int first_line, struct markdown *out);

/* Whether s is a well-formed id. */
bool	 id_valid(const char *s);

/* For "did you mean 'x'?": the closest of the n names to s when it is near
 * enough to be a slip of the keyboard, else NULL. */
const char *closest_name(const char *s, const char *const *names, size_t n);

#endif
