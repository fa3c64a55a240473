/*
 * utf8: strict UTF-8 (no overlong forms, no surrogates, nothing past
 * U+10FFFF) and the line/column arithmetic that diagnostics need.
 */
#ifndef COOPGEN_UTF8_H
#define COOPGEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

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

/*
 * Characters that cannot be seen, or that change how the text around them
 * is shown, where they do harm. Two kinds:
 *
 * UTF8_HIDES_TEXT: harmful in any text, free text included. Controls
 * (C0 but tab, line feed and carriage return; DEL; C1 with NEL), the line
 * and paragraph separators (YAML counts them as line breaks, editors and
 * our messages do not; JavaScript ends a string at them), bidirectional
 * controls (they reorder what a reader sees: "Trojan source"), U+FEFF in
 * the middle of a text and the interlinear annotation characters.
 *
 * UTF8_HIDES_WORD: harmless in prose, where they have a use (a no-break
 * space before a unit, a zero-width space between Khmer or Thai words, a
 * joiner in an emoji or a Persian word), but never meant in a name, an id,
 * a key, a date, a number or a word of a vocabulary: there they make two
 * spellings that look the same and are not. Tab, line feed and carriage
 * return are words' too.
 */
enum utf8_hidden {
	UTF8_SHOWN,		/* an ordinary character */
	UTF8_HIDES_WORD,
	UTF8_HIDES_TEXT,
};

/* What kind code point cp is; its Unicode name (or what it is, for a
 * control) in *name, when not NULL, unless UTF8_SHOWN. */
enum utf8_hidden utf8_hidden(uint32_t cp, const char **name);

/* An invisible character found in a text. */
struct utf8_invisible {
	uint32_t cp;
	const char *name;	/* "ZERO WIDTH SPACE" */
	size_t	 off;		/* its byte offset */
	int	 col;		/* its 1-based character column in the text */
};

/*
 * Find the first character of s[0..n) that is harmful in a word (word:
 * UTF8_HIDES_WORD and UTF8_HIDES_TEXT) or in any text (!word:
 * UTF8_HIDES_TEXT only); fill *out and return true, or return false. The
 * column counts characters from the start of s (for one-line values).
 */
bool	 utf8_find_invisible(const char *s, size_t n, bool word,
	    struct utf8_invisible *out);

/* Append s[0..n) to out with every invisible character (of either kind)
 * and every invalid byte written as <U+XXXX> or <XX>, so that a message
 * shows what the eye would miss. */
void	 utf8_show(struct buf *out, const char *s, size_t n);

#endif
