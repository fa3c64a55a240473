/* {{stat}} placeholders and number formats. */
#include <criterion/criterion.h>
#include <string.h>

#include "figures.h"
#include "format.h"
#include "helpers.h"
#include "load.h"
#include "markdown.h"

Test(format, numbers_by_language)
{
	struct buf b = BUF_INIT;

	format_number(&b, locale_builtin(LANG_VI), 1234567);
	buf_puts(&b, " ");
	format_number(&b, locale_builtin(LANG_EN), 1234567);
	buf_puts(&b, " ");
	format_number(&b, locale_builtin(LANG_VI), 999);
	buf_puts(&b, " ");
	format_number(&b, locale_builtin(LANG_EN), 1000);
	buf_puts(&b, " ");
	format_number(&b, locale_builtin(LANG_VI), 0);
	cr_expect_str_eq(buf_str(&b), "1.234.567 1,234,567 999 1,000 0");
	buf_free(&b);
}

Test(format, dates_by_language)
{
	struct buf b = BUF_INIT;

	format_date(&b, locale_builtin(LANG_VI), (struct date){ 2023, 6, 15 });
	buf_puts(&b, "|");
	format_date(&b, locale_builtin(LANG_VI), (struct date){ 2023, 6, 0 });
	buf_puts(&b, "|");
	format_date(&b, locale_builtin(LANG_EN), (struct date){ 2023, 6, 15 });
	buf_puts(&b, "|");
	format_date(&b, locale_builtin(LANG_EN), (struct date){ 2023, 6, 0 });
	buf_puts(&b, "|");
	format_date(&b, locale_builtin(LANG_EN), (struct date){ 2023, 0, 0 });
	cr_expect_str_eq(buf_str(&b),
	    "15/6/2023|tháng 6/2023|15 June 2023|June 2023|2023");
	buf_free(&b);
}

static struct fixture x;

static void
setup(void)
{
	fixture_load(&x);
}

static void
teardown(void)
{
	fixture_free(&x);
}

/* Expand text as the Markdown of 2023/sections/s.md, body from line 4. */
static const char *
expand(const char *text, bool *ok)
{
	static struct buf out = BUF_INIT;
	struct md_context ctx = { .c = &x.c, .y = content_year(&x.c, 2023),
	    .figures = x.json, .fs = &x.fs, .d = &x.cap.d };
	struct markdown md = { text, strlen(text), { "2023/sections/s.md", 4, 1 }, 0, false };

	*ok = md_expand(&ctx, &md, &out);
	return buf_str(&out);
}

TestSuite(stat, .init = setup, .fini = teardown);

Test(stat, replaces_placeholders)
{
	bool ok;

	cr_expect_str_eq(expand("{{stat activities.total}} in {{stat year}}, "
	    "{{ stat previous.activities.total }} before.", &ok),
	    "10 in 2023, 1 before.");
	cr_expect(ok);
	cr_expect_str_eq(capture_text(&x.cap), "");
}

Test(stat, the_report_lead_is_checked_too)
{
	const struct year *y = content_year(&x.c, 2023);
	struct md_context ctx = { .c = &x.c, .y = y, .figures = x.json,
	    .fs = &x.fs, .d = &x.cap.d };
	struct buf out = BUF_INIT;

	cr_expect(md_expand(&ctx, &y->report.lead, &out));
	cr_expect_str_eq(buf_str(&out), "In 2023 there were 10 activities,\n"
	    "against 1 the year before.\n");
	buf_free(&out);
}

Test(stat, backslash_keeps_braces)
{
	bool ok;

	cr_expect_str_eq(expand("Write \\{{stat activities.total}} for it.", &ok),
	    "Write \\{{stat activities.total}} for it.");
	cr_expect(ok);
}

Test(stat, errors_at_file_line_and_column)
{
	bool ok;

	expand("Một {{stat activities.by_kind.k3}}\n"
	    "x {{stat previous}} {{stat}} {{activities}}\n"
	    "{{stat activities.total", &ok);
	cr_expect_not(ok);
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/sections/s.md:4:5: error: unknown figure 'activities.by_kind.k3' in {{stat}} (expected one of: activities.by_kind.k1, activities.by_kind.k2)\n"
	    "2023/sections/s.md:5:3: error: {{stat previous}} names a group of figures, not a number (expected one of: previous.year, previous.activities, previous.agreements, previous.projects)\n"
	    "2023/sections/s.md:5:21: error: {{stat}} needs one path (expected e.g. {{stat activities.total}})\n"
	    "2023/sections/s.md:5:30: error: {{activities}} must stand alone on its line (it becomes a list)\n"
	    "2023/sections/s.md:6:1: error: unclosed '{{' (expected '}}' on the same line; write \\{{ for literal braces)\n");
}

Test(stat, a_number_has_no_children)
{
	bool ok;

	expand("{{stat activities.total.x}}", &ok);
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/sections/s.md:4:1: error: unknown figure 'activities.total.x' in {{stat}}: 'activities.total' is already a number\n");
}

Test(stat, links_must_stay_in_the_year)
{
	const struct year *y = content_year(&x.c, 2023);
	struct md_context ctx = { .c = &x.c, .y = y, .figures = x.json,
	    .fs = &x.fs, .d = &x.cap.d };
	const char *text = "[a](https://wipo.int) [b](#top) [c](mailto:x@y.z)\n"
	    "[d](activities/x1.md) [e](activities/x9.md)\n"
	    "[f](media/%2E%2E/report.yaml) [g](data:text/html,x) [h](report.yaml)\n";
	struct markdown md = { text, strlen(text), { "2023/article.md", 10, 1 }, 0, false };

	cr_expect_not(md_check(&ctx, &md));
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/article.md:11:23: error: link to 'activities/x9.md', which does not exist (expected a file at 2023/activities/x9.md)\n"
	    "2023/article.md:12:1: error: link to 'media/../report.yaml' leaves the year folder or has an empty part (expected a path inside 2023/, such as media/photo.jpg)\n"
	    "2023/article.md:12:31: error: link to a 'data:' address is not allowed (expected http, https, mailto or tel, or a file of the year such as media/photo.jpg)\n"
	    "2023/article.md:12:53: error: link to 'report.yaml', which is not published (expected a file under media/, or a page's .md file)\n");
}
