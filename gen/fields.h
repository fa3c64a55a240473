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
	enum lang lang;		/* the site's: how 1.234 reads (for messages);
				   LANG_VI unless the caller sets it */
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

/* Whether a and b are the same id of a fixed list: '-' and '_' are taken
 * alike, since YAML writes "in-force" and figures.json "in_force". */
bool	 id_equal(const char *a, const char *b);

/* One of names (NULL-terminated), compared by id_equal; its index, or
 * dflt when absent or wrong. */
int	 record_enum(struct record *r, const char *key, const char *const names[],
	    bool required, int dflt);

/* A non-negative decimal number up to NUMBER_MAX; false when absent. */
bool	 record_number(struct record *r, const char *key, double *out);

/*
 * The one reader of numbers written in content. Only the plain form is
 * taken: digits, an optional '-', and for a decimal one '.' between
 * digits. Every other form a person or YAML might write is refused, and
 * when it has a clear value that value is given in plain form for the
 * message, so that a number is never read as a different one:
 * thousands separators of either language ("250.000", "1,500,000",
 * "1 500 000" with a space, U+00A0 or U+202F, "1'500'000", YAML 1.1's
 * "1_000"), a decimal comma ("1,5"), YAML's other forms ("+5", ".5", "5.",
 * "1e6", "0x10", "0o17", "0b101", a leading zero as in "010"), and, for a
 * whole number, decimals ("2.0"). ".inf", ".nan" and text are not numbers.
 * "250.000" and "250,000" are refused in both languages: in one the mark
 * groups thousands, in the other it is a decimal mark.
 */
#define NUMBER_MAX 1e15		/* every whole number below is exact in a
				   double */
enum number_verdict {
	NUMBER_PLAIN,		/* value holds it */
	NUMBER_REFUSED,		/* a number, not written plainly: why, plain */
	NUMBER_NOT,		/* not a number at all */
};

struct number {
	enum number_verdict verdict;
	double	 value;		/* NUMBER_PLAIN */
	const char *why;	/* NUMBER_REFUSED: "a number with a thousands
				   separator" */
	char	 plain[48];	/* the plain form, "" when there is none */
	char	 alt[48];	/* another reading ("250" for "250.000" where
				   '.' may be a decimal point), or "" */
	const char *alt_mark;	/* the mark alt reads as decimal: "point" */
};

/* Read the len bytes of s as written in a site of language lang; whole:
 * the field takes whole numbers only (decimals are then refused, or not a
 * number when they are not all zero). */
void	 number_read(const char *s, size_t len, enum lang lang, bool whole,
	    struct number *out);

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
