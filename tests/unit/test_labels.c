/* Label files: every key required, none unknown, sheet names Excel takes. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "labels.h"

static char dir[] = "/tmp/coopgen-labels.XXXXXX";

/* Write templates/labels.en.yaml to dir with each line starting with
 * from[i] replaced by to[i]. */
static void
write_variant(const char *const from[], const char *const to[], size_t n)
{
	FILE *in = fopen("templates/labels.en.yaml", "r");
	char path[128], line[512];

	cr_assert_not_null(in);
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/labels.en.yaml", dir);
	FILE *out = fopen(path, "w");
	while (fgets(line, sizeof(line), in) != NULL) {
		size_t i;
		for (i = 0; i < n; i++)
			if (strncmp(line, from[i], strlen(from[i])) == 0)
				break;
		fputs(i < n ? to[i] : line, out);
	}
	fclose(in);
	fclose(out);
}

static void
cleanup(void)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

Test(labels, the_shipped_files_load)
{
	struct capture c;
	struct labels l;

	capture_begin(&c);
	cr_expect(labels_load(&l, "templates", LANG_VI, &c.d));
	cr_expect_str_eq(label(&l, LABEL_SHEET_SUMMARY), "Tổng hợp");
	labels_free(&l);
	cr_expect(labels_load(&l, "templates", LANG_EN, &c.d));
	struct buf b = BUF_INIT;
	label_expand(&b, &l, LABEL_SOURCE_LINE, 2023, "The Office");
	cr_expect_str_eq(buf_str(&b),
	    "Source: The Office, 2023 figures, generated from the records.");
	buf_free(&b);
	labels_free(&l);
	cr_expect_str_eq(capture_text(&c), "");
	capture_free(&c);
}

Test(labels, refuses_misspelt_keys_and_bad_sheet_names, .fini = cleanup)
{
	const char *from[] = { "col_no:", "sheet_summary:", "sheet_projects:" };
	const char *to[] = { "col_num: No.\n",
	    "sheet_summary: A summary of the year, far too long for Excel\n",
	    "sheet_projects: activities\n" };
	struct capture c;
	struct labels l;
	char expected[2048];

	write_variant(from, to, 3);
	capture_begin(&c);
	cr_expect_not(labels_load(&l, dir, LANG_EN, &c.d));
	snprintf(expected, sizeof(expected),
	    "%s/labels.en.yaml:23:1: error: unknown key 'col_num' in the labels (did you mean 'col_no'? expected one of its %d keys)\n",
	    dir, LABEL_COUNT);
	cr_expect(strncmp(capture_text(&c), expected, strlen(expected)) == 0,
	    "%s", capture_text(&c));
	cr_expect(strstr(capture_text(&c), "error: the labels without 'col_no' (a required field: text)\n") != NULL);
	cr_expect(strstr(capture_text(&c), ":5:16: error: 'A summary of the year, far too long for Excel' cannot name a sheet (expected 1 to 31 characters as Excel counts them: one beyond U+FFFF, such as an emoji, counts as two)\n") != NULL,
	    "%s", capture_text(&c));
	cr_expect(strstr(capture_text(&c), ":10:17: error: sheet name 'activities' is also 'sheet_activities' (expected a name of its own; Excel ignores letter case)\n") != NULL,
	    "%s", capture_text(&c));
	labels_free(&l);
	capture_free(&c);
}

/* Excel counts a sheet name in UTF-16 units and ignores letter case in
 * every script. */
Test(labels, sheet_names_as_excel_sees_them, .fini = cleanup)
{
	const char *from[] = { "sheet_summary:", "sheet_activities:",
	    "sheet_framework_kind:", "sheet_partners:", "sheet_agreements:",
	    "sheet_projects:" };
	/* 15 emoji and a letter are 31 units; 16 emoji are 32. */
	const char *to[] = {
	    "sheet_summary: \"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀a\"\n",
	    "sheet_activities: \"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"\n",
	    "sheet_framework_kind: HISTORY\n",
	    "sheet_partners: Đối tác\n",
	    "sheet_agreements: ĐỐI TÁC\n",
	    "sheet_projects: \"'Dự án\"\n" };
	struct capture c;
	struct labels l;
	char expected[2048];

	write_variant(from, to, 6);
	capture_begin(&c);
	cr_expect_not(labels_load(&l, dir, LANG_EN, &c.d));
	snprintf(expected, sizeof(expected),
	    "%s/labels.en.yaml:6:19: error: '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀' "
	    "cannot name a sheet (expected 1 to 31 characters as Excel counts "
	    "them: one beyond U+FFFF, such as an emoji, counts as two)\n"
	    "%s/labels.en.yaml:7:23: error: 'HISTORY' cannot name a sheet "
	    "(expected another name: Excel keeps History for itself)\n"
	    "%s/labels.en.yaml:9:19: error: sheet name 'ĐỐI TÁC' is also "
	    "'sheet_partners' (expected a name of its own; Excel ignores "
	    "letter case)\n"
	    "%s/labels.en.yaml:10:17: error: ''Dự án' cannot name a sheet "
	    "(expected no apostrophe at either end)\n", dir, dir, dir, dir);
	cr_expect_str_eq(capture_text(&c), expected);
	labels_free(&l);
	capture_free(&c);
}

/* years.xlsx's sheet names follow the same rules among themselves; a name
 * of statistics.xlsx's may stand again, in the other workbook. */
Test(labels, years_sheet_names, .fini = cleanup)
{
	const char *from[] = { "years_sheet_by_kind:",
	    "years_sheet_by_partner:", "years_sheet_agreements:" };
	const char *to[] = { "years_sheet_by_kind: by FRAMEWORK\n",
	    "years_sheet_by_partner: Partners\n",
	    "years_sheet_agreements: Agreements [in force]\n" };
	struct capture c;
	struct labels l;

	write_variant(from, to, 3);
	capture_begin(&c);
	cr_expect_not(labels_load(&l, dir, LANG_EN, &c.d));
	const char *text = capture_text(&c);
	cr_expect(strstr(text, ": error: sheet name 'by FRAMEWORK' is also "
	    "'years_sheet_by_framework' (expected a name of its own; Excel "
	    "ignores letter case)\n") != NULL, "%s", text);
	cr_expect(strstr(text, ": error: 'Agreements [in force]' cannot name "
	    "a sheet (expected none of [ ] : * ? / \\)\n") != NULL, "%s",
	    text);
	cr_expect_null(strstr(text, "Partners"), "%s", text);
	labels_free(&l);
	capture_free(&c);
}

/* {years}: the span of the years, or the one year. */
Test(labels, years_span)
{
	struct capture c;
	struct labels l;
	struct buf b = BUF_INIT;

	capture_begin(&c);
	cr_assert(labels_load(&l, "templates", LANG_EN, &c.d));
	label_expand_years(&b, &l, LABEL_YEARS_SOURCE_LINE, 2021, 2023,
	    "The Office");
	cr_expect_str_eq(buf_str(&b), "Source: The Office, figures of "
	    "2021\xE2\x80\x93" "2023, generated from the records.");
	buf_reset(&b);
	label_expand_years(&b, &l, LABEL_YEARS_TITLE_HEADLINES, 2023, 2023,
	    NULL);
	cr_expect_str_eq(buf_str(&b), "Headline figures by year, 2023");
	buf_reset(&b);
	/* Elsewhere {years} is no placeholder. */
	label_expand(&b, &l, LABEL_YEARS_TITLE_HEADLINES, 2023, NULL);
	cr_expect_str_eq(buf_str(&b), "Headline figures by year, {years}");
	buf_reset(&b);
	label_expand_years(&b, &l, LABEL_YEARS_COL_CHANGE, 2019, 2022, NULL);
	cr_expect_str_eq(buf_str(&b), "Change from 2022");
	buf_free(&b);
	labels_free(&l);
	cr_expect_str_eq(capture_text(&c), "");
	capture_free(&c);
}
