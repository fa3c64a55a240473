/* List directives, on tests/unit/fixtures/years (2023; no labels, so the
 * lists show ids for types and statuses). */
#include <criterion/criterion.h>
#include <string.h>

#include "directive.h"
#include "figures.h"
#include "helpers.h"
#include "load.h"
#include "markdown.h"

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

static const char *
expand(const char *text, bool *ok)
{
	static struct buf out = BUF_INIT;
	struct md_context ctx = { .c = &x.c, .y = content_year(&x.c, 2023),
	    .figures = x.json, .fs = &x.fs, .d = &x.cap.d };
	struct markdown md = { text, strlen(text), { "2023/article.md", 7, 1 }, 0, false };

	*ok = md_expand(&ctx, &md, &out);
	return buf_str(&out);
}

TestSuite(directive, .init = setup, .fini = teardown);

Test(directive, activities_by_framework_in_date_order)
{
	bool ok;

	cr_expect_str_eq(expand("Before.\n\n{{activities framework=a}}\n\nAfter.\n",
	    &ok), "Before.\n\n"
	    "- x1 — 10 March 2023 · Partner one, Partner two · ×3\n"
	    "- x3 — 2023 · ×2\n"
	    "\n\nAfter.\n");
	cr_expect(ok);
}

Test(directive, activities_by_kind_partner_and_month)
{
	bool ok;

	cr_expect_str_eq(expand("{{activities kind=k1 partner=p3}}", &ok),
	    "- x4 — 31 December 2023 · Partner three · ×4\n");
	cr_expect_str_eq(expand("{{ activities month=3 }}", &ok),
	    "- x1 — 10 March 2023 · Partner one, Partner two · ×3\n"
	    "- x2 — March 2023 · Partner one\n");
	cr_expect_str_eq(expand("{{activities partner=p2 kind=k2}}", &ok),
	    "- \\(none\\)\n");
	cr_expect(ok);
}

Test(directive, agreements_sets_and_filters)
{
	bool ok;

	cr_expect_str_eq(expand("{{agreements signed}}", &ok),
	    "- A2 — multilateral · Partner one, Partner two · March 2023\n");
	cr_expect_str_eq(expand("{{agreements in_force type=multilateral}}", &ok),
	    "- A2 — multilateral · Partner one, Partner two · March 2023\n");
	/* As agreements.yaml spells the status, too (model.h). */
	cr_expect_str_eq(expand("{{agreements in-force type=multilateral}}", &ok),
	    "- A2 — multilateral · Partner one, Partner two · March 2023\n");
	cr_expect_str_eq(expand("{{agreements partner=p3}}", &ok),
	    "- A5 — bilateral · Partner three · 2021\n");
	cr_expect_str_eq(expand("{{agreements framework=a}}", &ok),
	    "- A1 — bilateral · Partner one · 2020\n");
	cr_expect_str_eq(expand("{{agreements signed framework=b}}", &ok),
	    "- \\(none\\)\n");
	cr_expect_str_eq(expand("{{agreements proposed}}", &ok),
	    "- A6 — bilateral · Partner three\n");
	cr_expect_str_eq(expand("{{agreements type=bilateral}}", &ok),
	    "- A1 — bilateral · Partner one · 2020\n"
	    "- A4 — bilateral · ×5\n"
	    "- A5 — bilateral · Partner three · 2021\n");
	cr_expect(ok);
}

/* The agreements about to lapse (figures.h) give their end. */
Test(directive, agreements_expiring_and_ended)
{
	bool ok;

	cr_expect_str_eq(expand("{{agreements ended}}", &ok),
	    "- A3 — bilateral · Partner two · ends June 2023\n"
	    "- A5 — bilateral · Partner three · ends 2023\n"
	    "- A8 — bilateral · Partner one · ends 30 December 2023\n");
	cr_expect_str_eq(expand("{{agreements ended partner=p1}}", &ok),
	    "- A8 — bilateral · Partner one · ends 30 December 2023\n");
	cr_expect_str_eq(expand("{{agreements expiring}}", &ok),
	    "- \\(none\\)\n");
	cr_expect(ok);
	expand("{{agreements lapsing}}", &ok);
	cr_expect_not(ok);
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/article.md:7:1: error: 'lapsing' in {{agreements}} is not a filter (expected key=value, or in_force, signed, proposed, expiring or ended)\n");
}

/* A filter with several values: any of them matches. */
Test(directive, several_values)
{
	bool ok;

	cr_expect_str_eq(expand("{{projects funder=p1,p2}}", &ok),
	    "- q1 — Partner one · completed\n"
	    "- q2 — Partner one · ongoing · ×3\n"
	    "- q3 — Partner two · proposed · ×2\n");
	cr_expect_str_eq(expand("{{activities kind=k1,k2 month=3,12}}", &ok),
	    "- x1 — 10 March 2023 · Partner one, Partner two · ×3\n"
	    "- x2 — March 2023 · Partner one\n"
	    "- x4 — 31 December 2023 · Partner three · ×4\n");
	cr_expect_str_eq(expand("{{agreements type=bilateral,multilateral "
	    "partner=p3,p2}}", &ok),
	    "- A2 — multilateral · Partner one, Partner two · March 2023\n"
	    "- A5 — bilateral · Partner three · 2021\n");
	cr_expect(ok);
	expand("{{activities kind=k1,,k2}}\n{{activities kind=k1,k9}}\n"
	    "{{activities month=3,13}}\n", &ok);
	cr_expect_not(ok);
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/article.md:7:1: error: filter 'kind' in {{activities}} has an empty value (expected kind=a or kind=a,b)\n"
	    "2023/article.md:8:1: error: unknown kind 'k9' in {{activities}} (did you mean 'k1'? expected one of: k1, k2)\n"
	    "2023/article.md:9:1: error: month '13' in {{activities}} is not a month (expected 1 to 12)\n");
}

/* Directives on consecutive lines make one tight list; apart, two. */
Test(directive, consecutive_lists_are_one)
{
	bool ok;

	cr_expect_str_eq(expand("Text.\n\n{{projects funder=p2}}\n"
	    "{{projects funder=p3}}\n{{projects funder=p1 status=completed}}\n"
	    "\nMore.\n", &ok),
	    "Text.\n\n"
	    "- q3 — Partner two · proposed · ×2\n"
	    "- q1 — Partner one · completed\n"
	    "\n\nMore.\n");
	/* None of them finds anything: one "(none)". */
	cr_expect_str_eq(expand("{{projects funder=p3}}\n"
	    "{{activities kind=k2 partner=p3}}\n", &ok),
	    "- \\(none\\)\n\n");
	/* A blank line between: two lists, with their own bullets. */
	cr_expect_str_eq(expand("{{projects funder=p2}}\n\n"
	    "{{projects funder=p3}}\n", &ok),
	    "- q3 — Partner two · proposed · ×2\n\n\n* \\(none\\)\n\n");
	cr_expect(ok);
}

Test(directive, projects_by_funder_and_status)
{
	bool ok;

	cr_expect_str_eq(expand("{{projects funder=p1}}", &ok),
	    "- q1 — Partner one · completed\n"
	    "- q2 — Partner one · ongoing · ×3\n");
	cr_expect_str_eq(expand("{{projects status=proposed}}", &ok),
	    "- q3 — Partner two · proposed · ×2\n");
	cr_expect(ok);
}

Test(directive, every_error_at_its_place)
{
	bool ok;

	expand("{{activities framework=b kinds=k1}}\n"
	    "{{activities framwork=b}}\n"
	    "{{activities kind=k9}}\n"
	    "{{agreements signed type=trilateral}}\n"
	    "{{projects funder=p9 status=done}}\n"
	    "{{activities month=13}}\n"
	    "{{activities signed}}\n"
	    "{{projects funder=p1 funder=p2}}\n"
	    "See {{activities kind=k1}} here.\n", &ok);
	cr_expect_not(ok);
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/article.md:7:1: error: unknown filter 'kinds' for {{activities}} (did you mean 'kind'? expected framework, kind, partner or month)\n"
	    "2023/article.md:8:1: error: unknown filter 'framwork' for {{activities}} (did you mean 'framework'? expected framework, kind, partner or month)\n"
	    "2023/article.md:9:1: error: unknown kind 'k9' in {{activities}} (did you mean 'k1'? expected one of: k1, k2)\n"
	    "2023/article.md:10:1: error: unknown type 'trilateral' in {{agreements}} (did you mean 'bilateral'? expected one of: bilateral, multilateral)\n"
	    "2023/article.md:11:1: error: unknown funder 'p9' in {{projects}} (did you mean 'p1'? expected one of: p1, p2, p3)\n"
	    "2023/article.md:11:1: error: unknown status 'done' in {{projects}} (expected one of: completed, ongoing, preparing, proposed)\n"
	    "2023/article.md:12:1: error: month '13' in {{activities}} is not a month (expected 1 to 12)\n"
	    "2023/article.md:13:1: error: 'signed' in {{activities}} is not a filter (expected key=value)\n"
	    "2023/article.md:14:1: error: filter 'funder' given twice in {{projects}} (expected each filter once; several values as funder=a,b)\n"
	    "2023/article.md:15:5: error: {{activities}} must stand alone on its line (it becomes a list)\n");
}

Test(directive, record_text_is_escaped_for_markdown)
{
	struct buf b = BUF_INIT;

	md_escape(&b, "*Hội thảo* [x](javascript:y) <b>\n#1");
	cr_expect_str_eq(buf_str(&b),
	    "\\*Hội thảo\\* \\[x\\]\\(javascript\\:y\\) \\<b\\> \\#1");
	buf_free(&b);
}
