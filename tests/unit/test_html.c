/* Loading the templates: each is refused, with its file, before any page
 * is built, when it does not parse, lacks autoescaping, or would insert a
 * value unescaped. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "helpers.h"
#include "html.h"
#include "labels.h"

static char dir[] = "/tmp/coopgen-tpl.XXXXXX";

static void
setup(void)
{
	char cmd[200];

	cr_assert_not_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp templates/*.tpl templates/style.css '%s'/",
	    dir);
	cr_assert_eq(system(cmd), 0);
}

static void
teardown(void)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

static void
put(const char *name, const char *text)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

TestSuite(templates, .init = setup, .fini = teardown);

Test(templates, the_shipped_ones_load)
{
	struct capture c;
	struct html *h;

	capture_begin(&c);
	cr_expect(html_load(&h, dir, &c.d));
	cr_expect_str_eq(capture_text(&c), "");
	html_free(h);
	capture_free(&c);
}

Test(templates, each_problem_at_its_file)
{
	struct capture c;
	struct html *h;
	char want[1024];

	put("list.tpl", "<ul>{{#ITEM}}<li>{{TITLE}}</li>{{/ITEM}}</ul>\n");
	put("table.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<table>\n"
	    "<caption>{{CAPTION:none}}</caption>\n");
	put("years.tpl", "{{%AUTOESCAPE context=\"HTML\"}}{{#YEAR}}<li>\n");
	capture_begin(&c);
	cr_expect_not(html_load(&h, dir, &c.d));
	snprintf(want, sizeof(want),
	    "%s/table.tpl:2:10: error: {{CAPTION:none}} would insert a value "
	    "unescaped (only HTML made by coopgen may be: BODY, HTML, TABLE, "
	    "TABLES, CHART, CHARTS, ACTIVITIES, BY_FRAMEWORK_LIST, BY_MONTH_LIST, "
	    "JSONLD)\n"
	    "%s/list.tpl:1:1: error: a template must start with "
	    "{{%%AUTOESCAPE context=\"HTML\"}}, so that every value is escaped "
	    "where it lands\n", dir, dir);
	cr_expect(strncmp(capture_text(&c), want, strlen(want)) == 0, "%s",
	    capture_text(&c));
	snprintf(want, sizeof(want), "%s/years.tpl:1:31: error: the template does "
	    "not parse: File ended before all sections were closed\n", dir);
	cr_expect(strstr(capture_text(&c), want) != NULL, "%s",
	    capture_text(&c));
	cr_expect_eq(c.d.errors, 3);
	html_free(h);
	capture_free(&c);
}

Test(templates, a_missing_one_is_named)
{
	struct capture c;
	struct html *h;
	char path[128], want[256];

	snprintf(path, sizeof(path), "%s/activity.tpl", dir);
	remove(path);
	capture_begin(&c);
	cr_expect_not(html_load(&h, dir, &c.d));
	snprintf(want, sizeof(want), "%s/activity.tpl: error: cannot read: no "
	    "such file\n", dir);
	cr_expect_str_eq(capture_text(&c), want);
	html_free(h);
	capture_free(&c);
}

Test(locale, from_the_label_files)
{
	struct capture c;
	struct labels l;
	struct locale loc;
	struct buf b = BUF_INIT;

	capture_begin(&c);
	cr_assert(labels_load(&l, "templates", LANG_VI, &c.d));
	locale_from_labels(&loc, &l);
	format_date(&b, &loc, (struct date){ 2023, 6, 0 });
	buf_puts(&b, " ");
	format_date(&b, &loc, (struct date){ 2023, 6, 15 });
	buf_puts(&b, " ");
	format_number(&b, &loc, 1234567);
	cr_expect_str_eq(buf_str(&b), "tháng 6/2023 15/6/2023 1.234.567");
	labels_free(&l);
	cr_assert(labels_load(&l, "templates", LANG_EN, &c.d));
	locale_from_labels(&loc, &l);
	buf_reset(&b);
	format_date(&b, &loc, (struct date){ 2023, 6, 15 });
	buf_puts(&b, " ");
	format_number(&b, &loc, 1234567);
	cr_expect_str_eq(buf_str(&b), "15 June 2023 1,234,567");
	labels_free(&l);
	buf_free(&b);
	capture_free(&c);
}
