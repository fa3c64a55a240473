#include <string.h>

#include "utf8.h"

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		c = s[0] & 0x1F; len = 2; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		c = s[0] & 0x0F; len = 3; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		c = s[0] & 0x07; len = 4; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Check sequences from i, a sequence boundary, one by one, until a
 * boundary at or after stop; that boundary, or with *bad the start of the
 * first invalid sequence (or NUL byte). */
static size_t
check_from(const unsigned char *s, size_t n, size_t i, size_t stop, bool *bad)
{
	uint32_t cp;

	*bad = false;
	while (i < n && i < stop) {
		if (s[i] < 0x80) {
			if (s[i] == 0) {
				*bad = true;
				return i;
			}
			i++;
			continue;
		}
		size_t len = utf8_decode((const char *)s + i, n - i, &cp);
		if (len == 0) {
			*bad = true;
			return i;
		}
		i += len;
	}
	return i;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define HIGH	0x8080808080808080u
#define LOW	0x0101010101010101u

/* Whether any byte of w is zero. */
static uint64_t
has_zero(uint64_t w)
{
	return (w - LOW) & ~w & HIGH;
}

/*
 * Every file coopgen reads passes here, and Vietnamese prose is more than a
 * third multi-byte: deciding sequence by sequence mispredicts a branch at
 * nearly every letter. So eight bytes are checked at a time: each lead
 * byte (11xxxxxx) calls for one, two or three continuation bytes
 * (10xxxxxx) after it, and the continuation bytes of the word must be
 * exactly those called for, by its own leads or the last word's. A word
 * with a byte that never starts a sequence (C0, C1, F5 and above), whose
 * next byte has a narrower range (E0, ED, F0, F4), or a NUL, is left to
 * check_from, from the last word that began a sequence, as is the tail.
 */
size_t
utf8_invalid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, safe = 0;	/* safe: where the last sequence began */
	uint64_t carry = 0;	/* continuations due in this word's first bytes */
	bool bad;

	while (n - i >= 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if ((w & HIGH) == 0 && carry == 0 && !has_zero(w)) {
			i += 8;
			safe = i;
			continue;
		}
		uint64_t cont = w & ~(w << 1) & HIGH;
		uint64_t lead = w & (w << 1) & HIGH;
		uint64_t lead3 = lead & (w << 2);
		uint64_t lead4 = lead3 & (w << 3);
		uint64_t due = (lead << 8) | (lead3 << 16) | carry;
		if (lead4 != 0 || has_zero(w) ||
		    has_zero((w & ~LOW) ^ (0xC0 * LOW)) ||
		    has_zero(w ^ (0xE0 * LOW)) || has_zero(w ^ (0xED * LOW)) ||
		    cont != due) {
			size_t at = check_from(s, n, safe, i + 8, &bad);
			if (bad)
				return at;
			i = safe = at;
			carry = 0;
			continue;
		}
		carry = (lead >> 56) | (lead3 >> 48);
		i += 8;
		if (carry == 0)
			safe = i;
	}
	size_t at = check_from(s, n, safe, n, &bad);
	return bad ? at : n;
}
#else
size_t
utf8_invalid(const char *str, size_t n)
{
	bool bad;
	size_t at = check_from((const unsigned char *)str, n, 0, n, &bad);

	return bad ? at : n;
}
#endif

size_t
utf8_chars(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

void
utf8_linecol(const char *text, size_t off, int *line, int *col)
{
	size_t start = 0;
	int l = 1;

	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = (int)utf8_chars(text + start, off - start) + 1;
}

size_t
utf8_line_start(const char *text, size_t len, int line)
{
	size_t i = 0;

	for (int l = 1; l < line && i < len; i++)
		if (text[i] == '\n' || (text[i] == '\r' &&
		    (i + 1 == len || text[i + 1] != '\n')))
			l++;
	return i;
}
