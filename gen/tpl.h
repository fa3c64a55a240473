/*
 * tpl: ctemplate behind a small C API; the only C++ in coopgen (tpl.cc).
 *
 * A set of templates is parsed once, from text the caller has read and
 * checked, into a cache of its own; pages are then expanded from
 * dictionaries. A template that does not parse is refused when it is
 * added, with ctemplate's message, so that no page is built from it.
 *
 * Dictionaries are trees: tpl_section adds a repetition of a {{#SECTION}}
 * and returns its dictionary, owned by the parent. An included template
 * would not see its parent's values, so coopgen composes pages instead:
 * a page's body is expanded first and handed to the layout as a value.
 */
#ifndef COOPGEN_TPL_H
#define COOPGEN_TPL_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tpl;
struct tpl_dict;

struct tpl *tpl_new(void);
void	 tpl_free(struct tpl *t);

/* Parse text as the template called name. False when it does not parse;
 * *error is then ctemplate's message (malloc'd, the caller frees). */
bool	 tpl_add(struct tpl *t, const char *name, const char *text, size_t len,
	    char **error);

/* No template is added after this: a name not in the cache then fails to
 * expand, where ctemplate would otherwise look for a file of that name in
 * the current folder. */
void	 tpl_freeze(struct tpl *t);

/* What tpl_check found: the byte offset of the marker in the text, and
 * what is wrong with it, in a sentence. */
typedef void tpl_report(void *arg, size_t offset, const char *what);

/* Read the markers of text as ctemplate does (its {{=<% %>=}} delimiter
 * changes included) and report, through report, every one that would
 * let a value out unescaped: a variable not named in raw_ok (NULL-ended)
 * with a modifier that stands in for ctemplate's own escaping but lets
 * markup or quotes through (none, H=snippet, json_escape, however
 * spelt), a variable with no name (ctemplate never escapes it), and an
 * included template {{>NAME}} (coopgen fills none). Call it on a text
 * that tpl_add has taken. True when there is nothing to report. */
bool	 tpl_check(const char *text, size_t len, const char *const *raw_ok,
	    bool html, tpl_report *report, void *arg);

/* Whether text holds a pragma ({{%...}}) other than at its very start,
 * and where. ctemplate refuses one, but leaks memory doing so: coopgen
 * refuses it first. */
bool	 tpl_pragma_below(const char *text, size_t len, size_t *offset);

/* Where in text, which tpl_add refused, the mistake lies (ctemplate never
 * says): the start of the first marker after which the text cannot parse
 * (a marker that never ends, a section closed by the wrong name, ...), or
 * the innermost section left open. False when no place can be named. */
bool	 tpl_error_at(const char *text, size_t len, size_t *offset);

/* Expand template name with dictionary d; the result is malloc'd, its
 * length in *len. NULL when name is not a template of t. */
char	*tpl_expand(struct tpl *t, const char *name, const struct tpl_dict *d,
	    size_t *len);

struct tpl_dict *tpl_dict_new(void);
void	 tpl_dict_free(struct tpl_dict *d);

/* Set {{KEY}}; the template escapes it where it lands. */
void	 tpl_set(struct tpl_dict *d, const char *key, const char *value);

/* The same without a copy of value, which must then last until d is
 * expanded, freed, or given another value for key: for a dictionary
 * filled again for each of many pages. */
void	 tpl_set_nocopy(struct tpl_dict *d, const char *key,
	    const char *value);

/* Add one repetition of {{#NAME}}...{{/NAME}}, and return its dictionary. */
struct tpl_dict *tpl_section(struct tpl_dict *d, const char *name);

/* Show {{#NAME}}...{{/NAME}} once, with the values of d. */
void	 tpl_show(struct tpl_dict *d, const char *name);

#ifdef __cplusplus
}
#endif

#endif
