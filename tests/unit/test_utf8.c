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
