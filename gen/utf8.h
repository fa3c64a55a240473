/*
 * utf8: strict UTF-8 (no overlong forms, no surrogates, nothing past
 * U+10FFFF) and the line/column arithmetic that diagnostics need.
 */
#ifndef COOPGEN_UTF8_H
#define COOPGEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s (n bytes available). Returns its length in
 * bytes and sets *cp, or returns 0 for an invalid sequence. */
size_t	 utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Offset of the first invalid sequence or NUL byte in s, or n when the whole
 * text is valid UTF-8 without NUL. */
size_t	 utf8_invalid(const char *s, size_t n);

/* Number of code points in s[0..n); an invalid byte counts as one. */
size_t	 utf8_chars(const char *s, size_t n);

/* The 1-based line and character column of byte offset off in text. A CR
 * LF pair, a lone LF or a lone CR each end a line. */
void	 utf8_linecol(const char *text, size_t off, int *line, int *col);

/* The byte offset where 1-based line starts, or the length when the text has
 * fewer lines. */
size_t	 utf8_line_start(const char *text, size_t len, int line);

#endif
