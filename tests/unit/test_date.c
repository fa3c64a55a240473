#include <criterion/criterion.h>

#include "date.h"

Test(date, parses_the_three_precisions)
{
	struct date d;

	cr_assert_eq(date_parse("2023", &d), DATE_OK);
	cr_expect(d.year == 2023 && d.month == 0 && d.day == 0);
	cr_assert_eq(date_parse("2023-06", &d), DATE_OK);
	cr_expect(d.year == 2023 && d.month == 6 && d.day == 0);
	cr_assert_eq(date_parse("2023-06-15", &d), DATE_OK);
	cr_expect(d.year == 2023 && d.month == 6 && d.day == 15);
}

Test(date, refuses_malformed)
{
	struct date d;
	const char *bad[] = { "", "23", "20231", "2023-6", "2023-06-5",
	    "2023/06/15", "15/06/2023", "0999", "2023-06-15T00:00",
	    "２０２３", "2023-0a", " 2023", "2023 " };

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		cr_expect_eq(date_parse(bad[i], &d), DATE_MALFORMED, "%s", bad[i]);
}

Test(date, refuses_impossible)
{
	struct date d;

	cr_expect_eq(date_parse("2024-13", &d), DATE_BAD_MONTH);
	cr_expect_eq(date_parse("2024-00", &d), DATE_BAD_MONTH);
	cr_expect_eq(date_parse("2023-02-29", &d), DATE_BAD_DAY);
	cr_expect_eq(date_parse("2023-02-30", &d), DATE_BAD_DAY);
	cr_expect_eq(date_parse("2023-04-31", &d), DATE_BAD_DAY);
	cr_expect_eq(date_parse("2023-01-00", &d), DATE_BAD_DAY);
	cr_expect_eq(date_parse("2024-02-29", &d), DATE_OK);
	cr_expect_eq(date_parse("2000-02-29", &d), DATE_OK);
	cr_expect_eq(date_parse("1900-02-29", &d), DATE_BAD_DAY);
}

Test(date, spans_of_partial_dates)
{
	struct date d;
	char iso[11];

	date_parse("2024-02", &d);
	date_iso(date_last_day(d), iso);
	cr_expect_str_eq(iso, "2024-02-29");
	date_iso(date_first_day(d), iso);
	cr_expect_str_eq(iso, "2024-02-01");
	date_parse("2023", &d);
	date_iso(date_last_day(d), iso);
	cr_expect_str_eq(iso, "2023-12-31");
	date_iso(d, iso);
	cr_expect_str_eq(iso, "2023");
}

Test(date, compares)
{
	struct date a = { 2023, 6, 15 }, b = { 2023, 6, 16 }, c = { 2022, 12, 31 };

	cr_expect_lt(date_cmp(a, b), 0);
	cr_expect_gt(date_cmp(a, c), 0);
	cr_expect_eq(date_cmp(a, a), 0);
}
