/* wml: the one escape of report.docx, and Markdown as WordprocessingML. */
#include <criterion/criterion.h>
#include <string.h>

#include "wml.h"

static char *
escaped(const char *s, size_t n)
{
	struct buf b = BUF_INIT;

	wml_escape(&b, s, n);
	return buf_detach(&b);
}

Test(wml, escapes_markup_and_quotes)
{
	char *s = escaped("<w:fldSimple w:instr=\"PAGE\"/> & 'x'", 35);

	cr_expect_str_eq(s, "&lt;w:fldSimple w:instr=&quot;PAGE&quot;/&gt; "
	    "&amp; &apos;x&apos;");
	free(s);
}

Test(wml, drops_what_xml_forbids)
{
	/* C0 controls but tab and newline, DEL, U+FFFE and U+FFFF. */
	char *s = escaped("a\x01" "b\x0b" "c\td\ne\x7f" "f\xef\xbf\xbeg\xef\xbf\xbfh"
	    "\xc3\xa9", 21);

	cr_expect_str_eq(s, "abc\td\nefgh\xc3\xa9");
	free(s);
}

static char *
render(const char *md, struct wml *w)
{
	static struct buf out;
	struct markdown m = { md, strlen(md), { "x.md", 1, 1 }, 0, false };
	struct md_context ctx;

	memset(&ctx, 0, sizeof(ctx));
	buf_reset(&out);
	wml_init(w, &out, 6);
	cr_assert(wml_markdown(w, &ctx, &m, 2));
	return out.data;
}

Test(wml, headings_take_word_styles_and_bookmarks)
{
	struct wml w;
	char *x = render("# Top\n\ntext\n\n## Below\n", &w);

	cr_expect_not_null(strstr(x, "<w:pStyle w:val=\"Heading2\"/></w:pPr>"
	    "<w:bookmarkStart w:id=\"0\" w:name=\"_Toc000001\"/>"));
	cr_expect_not_null(strstr(x, "<w:pStyle w:val=\"Heading3\"/>"));
	cr_expect_eq(w.n_headings, 2);
	cr_expect_str_eq(w.headings[1].text, "Below");
	wml_free(&w);
}

Test(wml, only_allowed_schemes_become_hyperlinks)
{
	struct wml w;
	char *x = render("[a](https://example.com/?a=1&b=2) [b](javascript:alert(1)) "
	    "[c](file:///etc/passwd) [d](media/x.pdf) [e](MAILTO:a@b.c)\n", &w);

	cr_expect_eq(w.n_rels, 2);
	cr_expect_str_eq(w.rels[0].target, "https://example.com/?a=1&b=2");
	cr_expect_str_eq(w.rels[1].target, "MAILTO:a@b.c");
	cr_expect_not_null(strstr(x, "<w:hyperlink r:id=\"rId6\""));
	cr_expect_null(strstr(x, "javascript"));
	/* The text of a refused link stays. */
	cr_expect_not_null(strstr(x, ">b</w:t>"));
	wml_free(&w);
}

Test(wml, raw_html_and_fields_stay_out)
{
	struct wml w;
	char *x = render("<script>alert(1)</script>\n\n"
	    "{ INCLUDEPICTURE \"http://x\" } <b>bold</b>\n", &w);

	cr_expect_null(strstr(x, "script"));
	cr_expect_null(strstr(x, "<b>"));
	cr_expect_null(strstr(x, "instrText"));
	cr_expect_not_null(strstr(x, "{ INCLUDEPICTURE &quot;http://x&quot; }"));
	wml_free(&w);
}

Test(wml, lists_get_their_own_numbering)
{
	struct wml w;
	char *x = render("3. three\n4. four\n\n- a\n  - b\n", &w);

	cr_expect_eq(w.n_nums, 3);
	cr_expect(w.nums[0].ordered);
	cr_expect_eq(w.nums[0].start, 3);
	cr_expect(!w.nums[1].ordered);
	cr_expect_eq(w.nums[2].level, 1);
	cr_expect_not_null(strstr(x, "<w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/>"));
	wml_free(&w);
}

Test(wml, deep_lists_stay_in_bounds)
{
	struct wml w;
	struct buf md = BUF_INIT;

	for (int i = 0; i < 40; i++) {
		for (int j = 0; j < i; j++)
			buf_puts(&md, "  ");
		buf_puts(&md, "- x\n");
	}
	char *x = render(buf_str(&md), &w);
	cr_expect_not_null(strstr(x, "<w:ilvl w:val=\"8\"/>"));
	cr_expect_null(strstr(x, "<w:ilvl w:val=\"9\"/>"));
	wml_free(&w);
	buf_free(&md);
}
