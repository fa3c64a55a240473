/* {{table PATH}} on tests/unit/fixtures/years (2023, English labels), and
 * the warning at a paragraph that looks like a pipe table. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "labels.h"
#include "markdown.h"
#include "stats.h"

static struct fixture x;
static struct labels l;

static void
setup(void)
{
	fixture_load(&x);
	cr_assert(labels_load(&l, "templates", LANG_EN, &x.cap.d));
}

static void
teardown(void)
{
	labels_free(&l);
	fixture_free(&x);
}

/* A table writer that shows what it was given: id, caption, heads, and
 * each row's name (its link) and cells. */
static void
show(void *arg, const struct stats_table *t, struct buf *out)
{
	(void)arg;
	buf_printf(out, "[%s|%s|", t->id, t->caption);
	for (size_t c = 0; c < t->ncols; c++)
		buf_printf(out, "%s%s", c ? "," : "", t->heads[c]);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct stats_row *row = &t->rows[r];
		buf_printf(out, "|%s%s%s%s", row->total ? "=" : "", row->name,
		    row->href ? ">" : "", row->href ? row->href : "");
		for (size_t c = 1; c < t->ncols; c++)
			buf_printf(out, " %lld", row->cells[c - 1].num);
	}
	buf_puts(out, "]");
}

static struct md_context
context(void)
{
	return (struct md_context){ .c = &x.c, .y = content_year(&x.c, 2023),
	    .figures = x.json, .fs = &x.fs, .d = &x.cap.d, .l = &l,
	    .f = &x.f, .table = show };
}

static const char *
render(const char *text, int up, const char *prefix)
{
	static struct buf out = BUF_INIT;
	struct md_context ctx = context();
	struct markdown md = { text, strlen(text), { "2023/article.md", 7, 1 },
	    0, false };
	struct md_page page = { .up = up, .heading_base = 2,
	    .id_prefix = prefix };

	md_render(&ctx, &md, &page, &out);
	md_page_free(&page);
	return buf_str(&out);
}

static bool
check(const char *text)
{
	struct md_context ctx = context();
	struct markdown md = { text, strlen(text), { "2023/article.md", 7, 1 },
	    0, false };

	return md_check(&ctx, &md);
}

TestSuite(table, .init = setup, .fini = teardown);

Test(table, a_map_of_counts_with_names_and_total)
{
	cr_expect_str_eq(render("Before.\n\n{{table activities.by_kind}}\n"
	    "\nAfter.\n", 0, "article-"),
	    "<p>Before.</p>\n"
	    "[article-table-by-kind|Activities by kind, 2023|Kind,Count"
	    "|Kind one 7|Kind two 3|=Total 10]\n<p>After.</p>\n");
	cr_expect_str_eq(capture_text(&x.cap), "");
}

Test(table, a_caption_links_made_the_pages_and_ids_kept_apart)
{
	cr_expect_str_eq(render("{{table activities.by_framework "
	    "caption=\"Activities, by framework\"}}\n"
	    "{{table activities.by_framework}}\n", 1, ""),
	    "[table-by-framework|Activities, by framework|Framework,Count"
	    "|Framework A>../frameworks/a.html 5"
	    "|Framework B>../frameworks/b.html 5|=Total 10]\n"
	    "[table-by-framework-2|Activities by framework, 2023|"
	    "Framework,Count|Framework A>../frameworks/a.html 5"
	    "|Framework B>../frameworks/b.html 5|=Total 10]\n");
}

Test(table, a_two_level_map)
{
	cr_expect_str_eq(render("{{table projects.by_funder}}\n", 0, ""),
	    "[table-projects-by-funder|Projects by funder and status in 2023|"
	    "Funder,Completed,Ongoing,Preparing,Proposed,Total"
	    "|Partner one>partners/p1.html 1 3 0 0 4"
	    "|Partner two>partners/p2.html 0 0 0 2 2"
	    "|=Total 1 3 0 2 6]\n");
}

/* Without a writer (a check, plain text), a table is nothing. */
Test(table, nothing_without_a_writer)
{
	struct md_context ctx = context();
	struct buf out = BUF_INIT;
	const char *text = "{{table activities.by_kind}}\n";
	struct markdown md = { text, strlen(text), { "2023/article.md", 7, 1 },
	    0, false };

	md_plain(&ctx, &md, &out);
	cr_expect_str_eq(buf_str(&out), "");
	buf_free(&out);
}

Test(table, every_error_at_its_place)
{
	cr_expect_not(check("{{table activities.total}}\n"
	    "{{table activities.by_kinds}}\n"
	    "{{table activities.by_framework_kind.a}}\n"
	    "{{table activities.by_kind title=\"x\"}}\n"
	    "{{table}}\n"
	    "See {{table activities.by_kind}}.\n"
	    "{{tables activities.by_kind}}\n"));
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/article.md:7:1: error: {{table activities.total}} names one figure, not a group of them (expected one of: activities.by_framework, activities.by_kind, activities.by_month, activities.by_partner, activities.by_framework_kind, agreements.in_force, agreements.by_partner, projects.by_funder; {{stat activities.total}} writes one figure)\n"
	    "2023/article.md:8:1: error: unknown figures 'activities.by_kinds' in {{table}} (did you mean 'activities.by_kind'? expected one of: activities.by_framework, activities.by_kind, activities.by_month, activities.by_partner, activities.by_framework_kind, agreements.in_force, agreements.by_partner, projects.by_funder)\n"
	    "2023/article.md:9:1: error: no table of the figures 'activities.by_framework_kind.a' in {{table}} (expected one of: activities.by_framework, activities.by_kind, activities.by_month, activities.by_partner, activities.by_framework_kind, agreements.in_force, agreements.by_partner, projects.by_funder)\n"
	    "2023/article.md:10:1: error: 'title=\"x\"' in {{table}} is not a caption (expected {{table PATH caption=\"...\"}})\n"
	    "2023/article.md:11:1: error: {{table}} needs the path of a group of figures (expected e.g. {{table activities.by_kind}})\n"
	    "2023/article.md:12:5: error: {{table}} must stand alone on its line (it becomes a table)\n"
	    "2023/article.md:13:1: error: unknown directive '{{tables activities.by_kind}}' (expected {{stat PATH}}, {{table PATH}}, {{trend PATH}}, {{activities ...}}, {{agreements ...}} or {{projects ...}}; write \\{{ for literal braces)\n");
}

/* Every path {{table}} offers is a table of the statistics page. */
Test(table, each_path_has_its_table)
{
	struct stats s = { .a = ARENA_INIT };
	struct stats_input in = { .c = &x.c, .y = content_year(&x.c, 2023),
	    .f = &x.f, .l = &l, .loc = locale_builtin(LANG_EN) };

	for (size_t i = 0; stats_table_paths[i] != NULL; i++) {
		cr_expect(stats_table_of(&s, &in, stats_table_paths[i]) != NULL,
		    "%s", stats_table_paths[i]);
		stats_free(&s);
	}
}

Test(table, a_pipe_table_is_warned_at_its_line)
{
	cr_expect(check("Text.\n\n| Kind | Count |\n|:-----|------:|\n"
	    "| a | 1 |\n\nA | not a table |\n| either\n"));
	cr_expect_str_eq(capture_text(&x.cap),
	    "2023/article.md:9:1: warning: this paragraph looks like a pipe table, which Markdown here does not have: it would be published with its bars (expected {{table PATH}} for a table of figures, or a list)\n");
	cr_expect_eq(x.cap.d.warnings, 1);
}
