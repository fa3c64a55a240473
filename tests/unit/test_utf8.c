#include <criterion/criterion.h>
#include <string.h>

#include "utf8.h"

static size_t
invalid(const char *s, size_t n)
{
	return utf8_invalid(s, n);
}

Test(utf8, accepts_vietnamese_and_four_byte)
{
	const char *s = "Sở hữu trí tuệ 😀";

	cr_expect_eq(invalid(s, strlen(s)), strlen(s));
	cr_expect_eq(utf8_chars(s, strlen(s)), 16);
}

Test(utf8, refuses_overlong_surrogates_and_nul)
{
	cr_expect_eq(invalid("a\xc0\xaf", 3), 1);		/* overlong '/' */
	cr_expect_eq(invalid("a\xe0\x80\xaf", 4), 1);		/* overlong */
	cr_expect_eq(invalid("ab\xed\xa0\x80", 5), 2);		/* surrogate */
	cr_expect_eq(invalid("\xf4\x90\x80\x80", 4), 0);	/* > U+10FFFF */
	cr_expect_eq(invalid("abc\xe1\xba", 5), 3);		/* truncated */
	cr_expect_eq(invalid("ab\0c", 4), 2);
	cr_expect_eq(invalid("\x80", 1), 0);
}

Test(utf8, line_and_character_column)
{
	const char *s = "một\r\nhai ba\rbốn\nnăm";
	int line, col;

	utf8_linecol(s, strstr(s, "ba") - s, &line, &col);
	cr_expect(line == 2 && col == 5, "line %d col %d", line, col);
	utf8_linecol(s, strstr(s, "bốn") - s, &line, &col);
	cr_expect(line == 3 && col == 1, "line %d col %d", line, col);
	utf8_linecol(s, strstr(s, "ăm") - s, &line, &col);
	cr_expect(line == 4 && col == 2, "line %d col %d", line, col);
	cr_expect_eq(utf8_line_start(s, strlen(s), 3), (size_t)(strstr(s, "bốn") - s));
}

/* utf8_invalid checks eight bytes at a time; here it must agree with the
 * decoder, sequence by sequence, on every one- and two-byte string and on
 * three- and four-byte ones around each boundary, placed by runs of ASCII
 * at each place in a word and across two. */
static size_t
one_by_one(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		if (s[i] == '\0')
			return i;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return i;
		i += len;
	}
	return n;
}

static void
agree(const unsigned char *seq, size_t len)
{
	static const size_t pads[] = { 0, 1, 5, 7, 8, 13 };
	char s[48];

	for (size_t k = 0; k < sizeof(pads) / sizeof(*pads); k++) {
		size_t pad = pads[k];
		memset(s, 'a', pad);
		memcpy(s + pad, seq, len);
		/* After it, Vietnamese: the word check must resume. */
		memcpy(s + pad + len, "\xe1\xbb\x87 \xc6\xb0 ab", 9);
		size_t n = pad + len + 9;
		cr_assert_eq(utf8_invalid(s, n), one_by_one(s, n),
		    "%02x %02x %02x %02x (%zu bytes) after %zu", seq[0],
		    len > 1 ? seq[1] : 0, len > 2 ? seq[2] : 0,
		    len > 3 ? seq[3] : 0, len, pad);
	}
}

Test(utf8, words_agree_with_decoder)
{
	static const unsigned char edges[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f,
	    0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe1, 0xff };
	unsigned char seq[4];

	for (unsigned a = 0; a < 256; a++) {
		seq[0] = (unsigned char)a;
		agree(seq, 1);
		for (unsigned b = 0; b < 256; b++) {
			seq[1] = (unsigned char)b;
			agree(seq, 2);
			if (a < 0xc0)
				continue;	/* no longer sequence starts so */
			for (size_t c = 0; c < sizeof(edges); c++) {
				seq[2] = edges[c];
				agree(seq, 3);
				for (size_t d = 0; a >= 0xf0 &&
				    d < sizeof(edges); d++) {
					seq[3] = edges[d];
					agree(seq, 4);
				}
			}
		}
	}
}

/* Long texts of random valid and broken sequences, seeded. */
Test(utf8, words_agree_on_random_text)
{
	static const char *const pieces[] = { "a", " ", "\n", "\xc4\x91",
	    "\xc6\xb0", "\xe1\xbb\x87", "\xe1\xba\xa5", "\xf0\x9f\x98\x80",
	    "\xed\x9f\xbf", "\xe0\xa4\x85", "\xf4\x8f\xbf\xbf", "\xc2\x80",
	    "\x80", "\xc3", "\xe1\xbb", "\xed\xa0\x80", "\xc0\xaf",
	    "\xf5\x80\x80\x80", "\0" };
	unsigned seed = 7;
	char s[600];

	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		/* Mostly valid pieces; a broken one now and then. */
		while (n < sizeof(s) - 8) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 1000;
			size_t k = r < 995 ? r % 12 : 12 + r % 7;
			size_t len = k == 18 ? 1 : strlen(pieces[k]);
			memcpy(s + n, pieces[k], len);
			n += len;
		}
		cr_assert_eq(utf8_invalid(s, n), one_by_one(s, n),
		    "round %d", round);
	}
}
