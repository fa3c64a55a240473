/* number_read, the one reader of numbers in content, against values
 * worked out by hand: each form a person or YAML might write, and the
 * plain form the message offers instead. */
#include <criterion/criterion.h>
#include <string.h>

#include "fields.h"

static struct number
rd(const char *s, enum lang lang, bool whole)
{
	struct number n;

	number_read(s, strlen(s), lang, whole, &n);
	return n;
}

/* s is refused, and its plain form is plain (and alt its other reading). */
static void
refused(const char *s, enum lang lang, bool whole, const char *plain,
    const char *alt)
{
	struct number n = rd(s, lang, whole);

	cr_expect_eq(n.verdict, NUMBER_REFUSED, "'%s' not refused", s);
	cr_expect_str_eq(n.plain, plain, "'%s' plain '%s', not '%s'", s,
	    n.plain, plain);
	cr_expect_str_eq(n.alt, alt, "'%s' alt '%s', not '%s'", s, n.alt, alt);
}

static void
plain(const char *s, bool whole, double value)
{
	struct number v = rd(s, LANG_VI, whole), e = rd(s, LANG_EN, whole);

	cr_expect_eq(v.verdict, NUMBER_PLAIN, "'%s' not plain", s);
	cr_expect_eq(v.value, value, "'%s' is %f", s, v.value);
	cr_expect_eq(e.verdict, NUMBER_PLAIN, "'%s' not plain in en", s);
	cr_expect_eq(e.value, value);
}

static void
not_number(const char *s, bool whole)
{
	cr_expect_eq(rd(s, LANG_VI, whole).verdict, NUMBER_NOT, "'%s'", s);
	cr_expect_eq(rd(s, LANG_EN, whole).verdict, NUMBER_NOT, "'%s'", s);
}

Test(number, plain_forms)
{
	plain("0", true, 0);
	plain("7", true, 7);
	plain("250000", true, 250000);
	plain("-12", true, -12);
	plain("1500.50", false, 1500.5);
	plain("0.25", false, 0.25);
	plain("1.5", false, 1.5);
	plain("1500.500", false, 1500.5);	/* four digits: no grouping */
	plain("1000000000000000", false, 1e15);
}

Test(number, thousands_separators_of_either_language)
{
	/* '.' groups thousands in Vietnamese: one reading there. */
	refused("250.000", LANG_VI, false, "250000", "");
	refused("1.500.000", LANG_VI, false, "1500000", "");
	refused("1.500.000", LANG_EN, false, "1500000", "");
	refused("250,000", LANG_EN, false, "250000", "");
	refused("1,500,000", LANG_VI, false, "1500000", "");
	/* One group after the site's decimal mark: two readings. */
	refused("250.000", LANG_EN, false, "250000", "250");
	refused("250,000", LANG_VI, false, "250000", "250");
	refused("1,250", LANG_VI, false, "1250", "1.25");
	refused("1 500 000", LANG_VI, false, "1500000", "");
	refused("1\xc2\xa0" "500\xc2\xa0" "000", LANG_VI, false, "1500000", "");
	refused("1\xe2\x80\xaf" "500", LANG_EN, false, "1500", "");
	refused("1'500'000", LANG_EN, false, "1500000", "");
	refused("1_000", LANG_EN, true, "1000", "");
	refused("1.500,50", LANG_VI, false, "1500.5", "");
	refused("1,500.75", LANG_EN, false, "1500.75", "");
	refused("-1.000.000", LANG_VI, false, "-1000000", "");
	/* A whole field keeps only whole readings. */
	refused("1.000", LANG_EN, true, "1000", "1");
	refused("1,500", LANG_VI, true, "1500", "");
}

Test(number, yaml_forms)
{
	refused("1e6", LANG_VI, true, "1000000", "");
	refused("1.5E3", LANG_EN, false, "1500", "");
	refused("25e-2", LANG_EN, false, "0.25", "");
	refused("0x10", LANG_VI, true, "16", "");
	refused("0o17", LANG_VI, true, "15", "");
	refused("0b101", LANG_VI, true, "5", "");
	refused("+5", LANG_VI, true, "5", "");
	refused(".5", LANG_VI, false, "0.5", "");
	refused("5.", LANG_VI, false, "5", "");
	refused("010", LANG_VI, true, "10", "");
	refused("1,5", LANG_VI, false, "1.5", "");
	refused("2.0", LANG_VI, true, "2", "");
	refused("2.00", LANG_EN, true, "2", "");
}

Test(number, not_numbers)
{
	not_number(".inf", false);
	not_number("-.Inf", false);
	not_number(".nan", false);
	not_number("two", true);
	not_number("1.5", true);	/* not whole */
	not_number("1,5", true);
	not_number("1e-3", true);
	not_number("1:30", true);	/* YAML 1.1's base 60 */
	not_number("1.500.00", false);
	not_number("1.5000.000", false);
	not_number("1 500,000", false);	/* two different marks */
	not_number("12 34", false);
	not_number("-", true);
	not_number(".", false);
	not_number("0x", true);
	not_number("0x1G", true);
	not_number(" 5", true);
	not_number("5 ", true);
	not_number("1e", false);
}

Test(number, overflow_is_out_of_range_not_wrapped)
{
	struct number n = rd("99999999999999999999", LANG_VI, true);

	cr_expect_eq(n.verdict, NUMBER_PLAIN);
	cr_expect_gt(n.value, 1e19);
	n = rd("1" "00000000000000000000000000000000000000000000000000", LANG_VI,
	    false);
	cr_expect(n.verdict == NUMBER_PLAIN && n.value > 1e40);
	n = rd("0xFFFFFFFFFFFFFFFFFFFF", LANG_VI, true);
	cr_expect_eq(n.verdict, NUMBER_REFUSED);
	cr_expect_str_eq(n.plain, "");
}

/* A leading zero is never a group of thousands; a number a spreadsheet
 * cannot hold exactly is refused, not rounded. */
Test(number, decimals_and_precision)
{
	plain("0.125", false, 0.125);
	plain("0.999", false, 0.999);
	plain("123456789012345", false, 123456789012345.0);
	plain("1234567890123.45", false, 1234567890123.45);
	refused("0,125", LANG_VI, false, "0.125", "");
	refused("999999999999999.99", LANG_EN, false, "", "");
	refused("1.0000000000000000001", LANG_VI, false, "", "");
	refused("1234567890123456", LANG_EN, false, "", "");
}
