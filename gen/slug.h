/*
 * slug: the file-name part of a record's pages.
 *
 * A slug is lower-case ASCII letters and digits in runs joined by single
 * hyphens, at most SLUG_MAX characters: "Hội thảo quốc tế về SHTT" becomes
 * "hoi-thao-quoc-te-ve-shtt". Because no other character can appear, a slug
 * can never name a path outside the output folder, nor two records differ
 * only by letter case.
 */
#ifndef COOPGEN_SLUG_H
#define COOPGEN_SLUG_H

#include <stdbool.h>
#include <stddef.h>

#define SLUG_MAX 80

/* Write the slug of the UTF-8 text s (len bytes) to out, which has room for
 * SLUG_MAX + 1 bytes. Letters with diacritics are folded (đ to d, ệ to e),
 * every other run of non-alphanumerics becomes one '-'. Returns the slug's
 * length, 0 when s holds no letter or digit at all. */
size_t	 slug_make(const char *s, size_t len, char out[SLUG_MAX + 1]);

/* Whether slug_make leaves out letters of s: letters of a script it does
 * not fold (Korean, Thai, Chinese, Arabic, Cyrillic...), so that two
 * titles differing only in them ("KIPO 회의", "KIPO 세미나") would get
 * the same slug. Such a text gets slug_hashed. */
bool	 slug_drops_letters(const char *s, size_t len);

/* The slug of a text slug_make leaves empty (a title in Korean, Thai,
 * Arabic...) or drops letters of: lead (what slug_make made of it, else
 * a date such as "2023-03-15", or "chapter"; cut to 60 characters), '-', and
 * the 32-bit FNV-1a hash of the text's UTF-8 bytes in eight lower-case
 * hex digits: "2023-03-15-0e324f6a". The same text always gives the same
 * slug, on any machine, whatever else the content holds. */
void	 slug_hashed(const char *lead, const char *text, char out[SLUG_MAX + 1]);

/* Whether s is already a well-formed slug. */
bool	 slug_valid(const char *s);

#endif
