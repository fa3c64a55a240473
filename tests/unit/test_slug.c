#include <criterion/criterion.h>
#include <string.h>

#include "slug.h"

static const char *
slug(const char *s)
{
	static char out[SLUG_MAX + 1];

	slug_make(s, strlen(s), out);
	return out;
}

Test(slug, folds_vietnamese)
{
	cr_expect_str_eq(slug("Hội thảo quốc tế về SHTT"), "hoi-thao-quoc-te-ve-shtt");
	cr_expect_str_eq(slug("Đại hội đồng WIPO lần thứ 64"), "dai-hoi-dong-wipo-lan-thu-64");
	cr_expect_str_eq(slug("Thỏa thuận hợp tác với EUIPO"), "thoa-thuan-hop-tac-voi-euipo");
	cr_expect_str_eq(slug("Ưu tiên, ứng dụng, ữ ự ỳ ỵ ỷ ỹ"), "uu-tien-ung-dung-u-u-y-y-y-y");
}

Test(slug, folds_decomposed_marks_like_precomposed)
{
	/* "Việt" with the marks as separate code points (NFD). */
	cr_expect_str_eq(slug("Vie\xcc\xa3\xcc\x82t Nam"), "viet-nam");
}

Test(slug, joins_runs_of_other_characters)
{
	cr_expect_str_eq(slug("  --APEC / IPEG: 2023–2024!! "), "apec-ipeg-2023-2024");
	cr_expect_str_eq(slug("../../etc/passwd"), "etc-passwd");
	cr_expect_str_eq(slug("a\tb\nc"), "a-b-c");
}

Test(slug, empty_when_nothing_is_left)
{
	char out[SLUG_MAX + 1];

	cr_expect_eq(slug_make("—…!?", strlen("—…!?"), out), 0);
	cr_expect_str_eq(out, "");
	cr_expect_eq(slug_make("日本", strlen("日本"), out), 0);
}

Test(slug, cut_at_a_word_within_the_limit)
{
	char long_title[400] = "";

	for (int i = 0; i < 30; i++)
		strcat(long_title, "hợp tác ");
	const char *s = slug(long_title);
	cr_expect_leq(strlen(s), SLUG_MAX);
	cr_expect_str_eq(s + strlen(s) - 3, "tac");
	cr_expect(slug_valid(s));
}

Test(slug, invalid_bytes_are_separators)
{
	cr_expect_str_eq(slug("abc\xff\xfe" "def"), "abc-def");
}

Test(slug, validity)
{
	cr_expect(slug_valid("wipo-ga-64"));
	cr_expect(slug_valid("2023"));
	cr_expect_not(slug_valid(""));
	cr_expect_not(slug_valid("-a"));
	cr_expect_not(slug_valid("a-"));
	cr_expect_not(slug_valid("a--b"));
	cr_expect_not(slug_valid("A"));
	cr_expect_not(slug_valid("a/b"));
	cr_expect_not(slug_valid(".."));
	cr_expect_not(slug_valid("hội"));
}

Test(slug, cut_inside_a_word_drops_the_part)
{
	char title[200] = "";

	/* 70 letters, a space, then a word that would end past 80. */
	for (int i = 0; i < 7; i++)
		strcat(title, "abcdefghij");
	strcat(title, " klmnopqrstuv");
	cr_expect_eq(strlen(slug(title)), 70);
	/* One word longer than the limit has no word before it: cut there. */
	memset(title, 'a', 100);
	title[100] = '\0';
	cr_expect_eq(strlen(slug(title)), 80);
}
