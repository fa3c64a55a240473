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

/* The invisible characters, sorted, non-overlapping; a range has one name
 * for all of its characters. See utf8.h for the two kinds. */
static const struct hidden {
	uint32_t lo, hi;
	enum utf8_hidden kind;
	const char *name;
} hidden_table[] = {
	{ 0x0000, 0x0008, UTF8_HIDES_TEXT, "CONTROL CHARACTER" },
	{ 0x0009, 0x0009, UTF8_HIDES_WORD, "CHARACTER TABULATION" },
	{ 0x000A, 0x000A, UTF8_HIDES_WORD, "LINE FEED" },
	{ 0x000B, 0x000C, UTF8_HIDES_TEXT, "CONTROL CHARACTER" },
	{ 0x000D, 0x000D, UTF8_HIDES_WORD, "CARRIAGE RETURN" },
	{ 0x000E, 0x001F, UTF8_HIDES_TEXT, "CONTROL CHARACTER" },
	{ 0x007F, 0x007F, UTF8_HIDES_TEXT, "DELETE" },
	{ 0x0080, 0x0084, UTF8_HIDES_TEXT, "CONTROL CHARACTER" },
	{ 0x0085, 0x0085, UTF8_HIDES_TEXT, "NEXT LINE (NEL)" },
	{ 0x0086, 0x009F, UTF8_HIDES_TEXT, "CONTROL CHARACTER" },
	{ 0x00A0, 0x00A0, UTF8_HIDES_WORD, "NO-BREAK SPACE" },
	{ 0x00AD, 0x00AD, UTF8_HIDES_WORD, "SOFT HYPHEN" },
	{ 0x034F, 0x034F, UTF8_HIDES_WORD, "COMBINING GRAPHEME JOINER" },
	{ 0x061C, 0x061C, UTF8_HIDES_TEXT, "ARABIC LETTER MARK" },
	{ 0x115F, 0x115F, UTF8_HIDES_WORD, "HANGUL CHOSEONG FILLER" },
	{ 0x1160, 0x1160, UTF8_HIDES_WORD, "HANGUL JUNGSEONG FILLER" },
	{ 0x1680, 0x1680, UTF8_HIDES_WORD, "OGHAM SPACE MARK" },
	{ 0x17B4, 0x17B5, UTF8_HIDES_WORD, "KHMER VOWEL INHERENT" },
	{ 0x180B, 0x180D, UTF8_HIDES_WORD, "MONGOLIAN FREE VARIATION SELECTOR" },
	{ 0x180E, 0x180E, UTF8_HIDES_WORD, "MONGOLIAN VOWEL SEPARATOR" },
	{ 0x180F, 0x180F, UTF8_HIDES_WORD, "MONGOLIAN FREE VARIATION SELECTOR" },
	{ 0x2000, 0x2000, UTF8_HIDES_WORD, "EN QUAD" },
	{ 0x2001, 0x2001, UTF8_HIDES_WORD, "EM QUAD" },
	{ 0x2002, 0x2002, UTF8_HIDES_WORD, "EN SPACE" },
	{ 0x2003, 0x2003, UTF8_HIDES_WORD, "EM SPACE" },
	{ 0x2004, 0x2004, UTF8_HIDES_WORD, "THREE-PER-EM SPACE" },
	{ 0x2005, 0x2005, UTF8_HIDES_WORD, "FOUR-PER-EM SPACE" },
	{ 0x2006, 0x2006, UTF8_HIDES_WORD, "SIX-PER-EM SPACE" },
	{ 0x2007, 0x2007, UTF8_HIDES_WORD, "FIGURE SPACE" },
	{ 0x2008, 0x2008, UTF8_HIDES_WORD, "PUNCTUATION SPACE" },
	{ 0x2009, 0x2009, UTF8_HIDES_WORD, "THIN SPACE" },
	{ 0x200A, 0x200A, UTF8_HIDES_WORD, "HAIR SPACE" },
	{ 0x200B, 0x200B, UTF8_HIDES_WORD, "ZERO WIDTH SPACE" },
	{ 0x200C, 0x200C, UTF8_HIDES_WORD, "ZERO WIDTH NON-JOINER" },
	{ 0x200D, 0x200D, UTF8_HIDES_WORD, "ZERO WIDTH JOINER" },
	{ 0x200E, 0x200E, UTF8_HIDES_TEXT, "LEFT-TO-RIGHT MARK" },
	{ 0x200F, 0x200F, UTF8_HIDES_TEXT, "RIGHT-TO-LEFT MARK" },
	{ 0x2028, 0x2028, UTF8_HIDES_TEXT, "LINE SEPARATOR" },
	{ 0x2029, 0x2029, UTF8_HIDES_TEXT, "PARAGRAPH SEPARATOR" },
	{ 0x202A, 0x202A, UTF8_HIDES_TEXT, "LEFT-TO-RIGHT EMBEDDING" },
	{ 0x202B, 0x202B, UTF8_HIDES_TEXT, "RIGHT-TO-LEFT EMBEDDING" },
	{ 0x202C, 0x202C, UTF8_HIDES_TEXT, "POP DIRECTIONAL FORMATTING" },
	{ 0x202D, 0x202D, UTF8_HIDES_TEXT, "LEFT-TO-RIGHT OVERRIDE" },
	{ 0x202E, 0x202E, UTF8_HIDES_TEXT, "RIGHT-TO-LEFT OVERRIDE" },
	{ 0x202F, 0x202F, UTF8_HIDES_WORD, "NARROW NO-BREAK SPACE" },
	{ 0x205F, 0x205F, UTF8_HIDES_WORD, "MEDIUM MATHEMATICAL SPACE" },
	{ 0x2060, 0x2060, UTF8_HIDES_WORD, "WORD JOINER" },
	{ 0x2061, 0x2064, UTF8_HIDES_WORD, "INVISIBLE OPERATOR" },
	{ 0x2066, 0x2066, UTF8_HIDES_TEXT, "LEFT-TO-RIGHT ISOLATE" },
	{ 0x2067, 0x2067, UTF8_HIDES_TEXT, "RIGHT-TO-LEFT ISOLATE" },
	{ 0x2068, 0x2068, UTF8_HIDES_TEXT, "FIRST STRONG ISOLATE" },
	{ 0x2069, 0x2069, UTF8_HIDES_TEXT, "POP DIRECTIONAL ISOLATE" },
	{ 0x206A, 0x206F, UTF8_HIDES_TEXT, "DEPRECATED FORMAT CHARACTER" },
	{ 0x3000, 0x3000, UTF8_HIDES_WORD, "IDEOGRAPHIC SPACE" },
	{ 0x3164, 0x3164, UTF8_HIDES_WORD, "HANGUL FILLER" },
	{ 0xFE00, 0xFE0F, UTF8_HIDES_WORD, "VARIATION SELECTOR" },
	{ 0xFEFF, 0xFEFF, UTF8_HIDES_TEXT, "ZERO WIDTH NO-BREAK SPACE" },
	{ 0xFFA0, 0xFFA0, UTF8_HIDES_WORD, "HALFWIDTH HANGUL FILLER" },
	{ 0xFFF9, 0xFFFB, UTF8_HIDES_TEXT, "INTERLINEAR ANNOTATION CHARACTER" },
	{ 0x1BCA0, 0x1BCA3, UTF8_HIDES_WORD, "SHORTHAND FORMAT CONTROL" },
	{ 0x1D173, 0x1D17A, UTF8_HIDES_WORD, "MUSICAL SYMBOL FORMAT CONTROL" },
	{ 0xE0001, 0xE0001, UTF8_HIDES_WORD, "LANGUAGE TAG" },
	{ 0xE0020, 0xE007F, UTF8_HIDES_WORD, "TAG CHARACTER" },
	{ 0xE0100, 0xE01EF, UTF8_HIDES_WORD, "VARIATION SELECTOR" },
};

enum utf8_hidden
utf8_hidden(uint32_t cp, const char **name)
{
	size_t lo = 0, hi = sizeof(hidden_table) / sizeof(hidden_table[0]);

	/* Most text is printable ASCII or ordinary letters: decide those
	 * without a search. */
	if ((cp >= 0x20 && cp < 0x7F) || (cp > 0x00AD && cp < 0x034F))
		return UTF8_SHOWN;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct hidden *h = &hidden_table[mid];
		if (cp < h->lo)
			hi = mid;
		else if (cp > h->hi)
			lo = mid + 1;
		else {
			if (name != NULL)
				*name = h->name;
			return h->kind;
		}
	}
	return UTF8_SHOWN;
}

bool
utf8_find_invisible(const char *s, size_t n, bool word,
    struct utf8_invisible *out)
{
	enum utf8_hidden least = word ? UTF8_HIDES_WORD : UTF8_HIDES_TEXT;
	int col = 1;
	uint32_t cp;

	for (size_t i = 0; i < n; col++) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {		/* not ours to judge: the reader's */
			i++;
			continue;
		}
		const char *name;
		if (utf8_hidden(cp, &name) >= least) {
			*out = (struct utf8_invisible){ cp, name, i, col };
			return true;
		}
		i += len;
	}
	return false;
}

void
utf8_show(struct buf *out, const char *s, size_t n)
{
	uint32_t cp;

	for (size_t i = 0; i < n; ) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			buf_printf(out, "<%02X>", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (utf8_hidden(cp, NULL) != UTF8_SHOWN)
			buf_printf(out, "<U+%04X>", (unsigned)cp);
		else
			buf_append(out, s + i, len);
		i += len;
	}
}
