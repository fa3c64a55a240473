/* The reserved names and the hashed slugs of non-Latin titles. */
#include <criterion/criterion.h>
#include <string.h>

#include "reserved.h"
#include "slug.h"

Test(reserved, pages)
{
	cr_expect_eq(reserved_page("activities", "index"), RESERVED_PAGE);
	cr_expect_eq(reserved_page("activities", "month-00"), RESERVED_PAGE);
	cr_expect_eq(reserved_page("activities", "month-12"), RESERVED_PAGE);
	cr_expect_eq(reserved_page("activities", "month-13"), RESERVED_NO);
	cr_expect_eq(reserved_page("partners", "index"), RESERVED_PAGE);
	cr_expect_eq(reserved_page("partners", "month-06"), RESERVED_NO);
	cr_expect_eq(reserved_page("partners", "com1"), RESERVED_DEVICE);
	cr_expect_eq(reserved_page("activities", "con"), RESERVED_DEVICE);
	cr_expect_eq(reserved_page("activities", "console"), RESERVED_NO);
	cr_expect_eq(reserved_page("activities", "wipo"), RESERVED_NO);
}

Test(reserved, report_ids)
{
	cr_expect_eq(reserved_id("main"), RESERVED_ID);
	cr_expect_eq(reserved_id("contents"), RESERVED_ID);
	cr_expect_eq(reserved_id("key-figures-table"), RESERVED_ID);
	cr_expect_eq(reserved_id("lead-in"), RESERVED_PREFIX);
	cr_expect_eq(reserved_id("leader"), RESERVED_NO);
	cr_expect_eq(reserved_id("01-overview"), RESERVED_NO);
	cr_expect_eq(reserved_id("agreements"), RESERVED_NO);
}

/* Values worked out apart (FNV-1a, 32 bits, in Python). */
Test(reserved, hashed_slugs)
{
	char out[SLUG_MAX + 1];

	slug_hashed("2023-03-15", "회의", out);
	cr_expect_str_eq(out, "2023-03-15-89febf2b");
	slug_hashed("2023-05", "서울 방문", out);
	cr_expect_str_eq(out, "2023-05-b9c4a4ce");
	slug_hashed("chapter", "협력", out);
	cr_expect_str_eq(out, "chapter-ff06f5b7");
	slug_hashed("x", "", out);
	cr_expect_str_eq(out, "x-811c9dc5");
	cr_expect(slug_valid("2023-03-15-89febf2b"));
}

static bool
drops(const char *s)
{
	return slug_drops_letters(s, strlen(s));
}

Test(reserved, letters_a_slug_leaves_out)
{
	cr_expect(drops("KIPO 회의"));
	cr_expect(drops("Встреча"));
	cr_expect(drops("การประชุม"));
	cr_expect(drops("اجتماع"));
	cr_expect_not(drops("Hội thảo quốc tế về SHTT – 2023…"));
	cr_expect_not(drops("Đại hội đồng “WIPO” ★ 🎉"));
	cr_expect_not(drops("Straße, Łódź, ḍ"));	/* Latin: as before */
}

Test(reserved, hashed_slug_cut_before_a_hyphen)
{
	char out[SLUG_MAX + 1], lead[80];

	/* 59 letters and a hyphen: cut at 60, the hyphen goes. */
	memset(lead, 'a', 59);
	lead[59] = '-';
	memcpy(lead + 60, "bbbb", 5);
	slug_hashed(lead, "", out);
	cr_expect_eq(strlen(out), 59 + 9);
	cr_expect(slug_valid(out));
}
