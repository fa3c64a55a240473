/* The template guard: every form in which ctemplate would let a value out
 * unescaped is found, however the marker is written, and nothing else is.
 * Each text is first given to ctemplate (tpl_add), so that every case is
 * one ctemplate accepts: the guard must read it as ctemplate does. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tpl.h"

#define AE "{{%AUTOESCAPE context=\"HTML\"}}"
#define ALLOWED "(only HTML made by coopgen may be: BODY, HTML, JSONLD)"

static const char *const raw_ok[] = { "BODY", "HTML", "JSONLD/script",
    NULL };

static void
collect(void *arg, size_t offset, const char *what)
{
	buf_printf(arg, "%zu: %s\n", offset, what);
}

/* What the guard reports for text of len bytes, one line per problem;
 * ctemplate must accept the text first. */
static char *
problems_n(const char *text, size_t len)
{
	struct tpl *t = tpl_new();
	struct buf b = BUF_INIT;
	char *error = NULL;

	cr_assert(tpl_add(t, "t", text, len, &error),
	    "ctemplate refuses %s: %s", text, error ? error : "");
	tpl_check(text, len, raw_ok, true, collect, &b);
	tpl_free(t);
	char *out = strdup(buf_str(&b));
	buf_free(&b);
	return out;
}

static char *
problems(const char *text)
{
	return problems_n(text, strlen(text));
}

/* text is reported once, at offset, with message what. */
static void
refused(const char *text, size_t offset, const char *what)
{
	char *got = problems(text), want[512];

	snprintf(want, sizeof(want), "%zu: %s\n", offset, what);
	cr_expect_str_eq(got, want, "for %s", text);
	free(got);
}

static void
accepted(const char *text)
{
	char *got = problems(text);

	cr_expect_str_eq(got, "", "for %s", text);
	free(got);
}

Test(guard, none_in_every_spelling)
{
	/* 33 is where the variable opens, after the pragma and "<p>". */
	refused(AE "<p>{{TITLE:none}}</p>", 33,
	    "{{TITLE:none}} would insert a value unescaped " ALLOWED);
	refused(AE "<p>{{TITLE:none:x-foo}}</p>", 33,
	    "{{TITLE:none:x-foo}} would insert a value unescaped " ALLOWED);
	refused(AE "<p>{{TITLE:x-foo=bar:none}}</p>", 33,
	    "{{TITLE:x-foo=bar:none}} would insert a value unescaped "
	    ALLOWED);
	refused(AE "<p>{{TITLE:h:none}}</p>", 33,
	    "{{TITLE:h:none}} would insert a value unescaped " ALLOWED);
	refused(AE "<script>{{TITLE:none}}</script>", 38,
	    "{{TITLE:none}} would insert a value unescaped " ALLOWED);
	refused(AE "<a href=\"{{TITLE:none}}\">", 39,
	    "{{TITLE:none}} would insert a value unescaped " ALLOWED);
	/* Inside a section, and a section inside that. */
	refused(AE "{{#S}}{{#T}}{{TITLE:none}}{{/T}}{{/S}}", 42,
	    "{{TITLE:none}} would insert a value unescaped " ALLOWED);
	/* Its short name is a NUL byte. */
	static const char nul[] = AE "{{TITLE:\0}}";
	char *got = problems_n(nul, sizeof(nul) - 1);
	cr_expect_str_eq(got, "30: {{TITLE:\\x00}} would insert a value "
	    "unescaped " ALLOWED "\n");
	free(got);
}

Test(guard, modifiers_that_let_markup_or_quotes_through)
{
	refused(AE "{{TITLE:H=snippet}}", 30,
	    "{{TITLE:H=snippet}} would insert a value unescaped " ALLOWED);
	refused(AE "{{TITLE:html_escape_with_arg=snippet}}", 30,
	    "{{TITLE:html_escape_with_arg=snippet}} would insert a value "
	    "unescaped " ALLOWED);
	refused(AE "<script>var a='{{TITLE:o}}';</script>", 45,
	    "{{TITLE:o}} would insert a value unescaped " ALLOWED);
	refused(AE "<script>var a='{{TITLE:json_escape}}';</script>", 45,
	    "{{TITLE:json_escape}} would insert a value unescaped " ALLOWED);
}

Test(guard, changed_delimiters)
{
	refused(AE "{{=<% %>=}}<p><%TITLE:none%></p>", 44,
	    "<%TITLE:none%> would insert a value unescaped " ALLOWED);
	/* Changed twice, and back. */
	refused(AE "{{=<% %>=}}<%=[ ]=%>[TITLE:none:x-a]", 50,
	    "[TITLE:none:x-a] would insert a value unescaped " ALLOWED);
	refused(AE "{{=<% %>=}}<%={{ }}=%>{{TITLE:none}}", 52,
	    "{{TITLE:none}} would insert a value unescaped " ALLOWED);
	/* One-character delimiters, and ones that hold a colon or an equals
	 * sign. */
	refused(AE "{{=( )=}}(TITLE:none)", 39,
	    "(TITLE:none) would insert a value unescaped " ALLOWED);
	refused(AE "{{=:: ;;=}}::TITLE:none;;", 41,
	    "::TITLE:none;; would insert a value unescaped " ALLOWED);
	/* After a change, "{{" is text: nothing to report. */
	accepted(AE "{{=<% %>=}}<p>{{TITLE:none}}</p>");
}

Test(guard, includes_and_nameless_values)
{
	refused(AE "<p>{{>PIECE}}</p>", 33, "{{>PIECE}} includes a template, "
	    "which coopgen never fills (it would stay empty): write its text "
	    "here instead");
	refused(AE "<p>{{>PIECE:none}}</p>", 33, "{{>PIECE:none}} includes a "
	    "template, which coopgen never fills (it would stay empty): write "
	    "its text here instead");
	refused(AE "<p>{{}}</p>", 33, "{{}} has no name, and ctemplate never "
	    "escapes a value without one (a value is {{NAME}})");
	refused(AE "<p>{{:h}}</p>", 33, "{{:h}} has no name, and ctemplate "
	    "never escapes a value without one (a value is {{NAME}})");
}

Test(guard, what_is_escaped_passes)
{
	accepted(AE "<p>{{TITLE}} {{TITLE:h}} {{TITLE:x-foo}} {{TITLE:x-f=b}}"
	    "</p><a href=\"{{URL:U=html}}\" title=\"{{T:H=attribute}}\">"
	    "<script>var a = '{{T:j}}';</script>");
	accepted(AE "<p>{{BODY:none}}{{HTML:none:x-foo}}</p>");
	/* Comments hold no markers; "{{{" opens at the last "{{". */
	accepted(AE "{{! {{TITLE:none }}<p>{{{TITLE}}}</p>");
	accepted(AE "{{!TITLE:none}}\\\n{{#S}}\\\n{{/S}}");
}

Test(guard, every_problem_once_in_order)
{
	char *got = problems(AE "{{A:none}}\n{{=<% %>=}}<%B:none%>{{C:none}}"
	    "<%>D%>");
	cr_expect_str_eq(got,
	    "30: {{A:none}} would insert a value unescaped " ALLOWED "\n"
	    "52: <%B:none%> would insert a value unescaped " ALLOWED "\n"
	    "72: <%>D%> includes a template, which coopgen never fills (it "
	    "would stay empty): write its text here instead\n");
	free(got);
}

Test(guard, a_long_marker_is_cut)
{
	char text[300];

	snprintf(text, sizeof(text), "%s{{T:x-a=%0100d:none}}", AE, 0);
	char *got = problems(text);
	cr_expect(strstr(got, "30: {{T:x-a=0000") == got, "%s", got);
	cr_expect(strstr(got, "...") != NULL && strlen(got) < 250, "%s", got);
	free(got);
}

/* A marker for T with a random modifier chain, in delimiters {{ }} or
 * <% %> (which ones are in force depends on what came before). */
static void
random_variable(struct buf *b, unsigned *seed)
{
	static const char *const mods[] = { ":none", ":h", ":o", ":j", ":x-a",
	    ":x-a=b", ":H=snippet", ":H=pre", ":json_escape", ":p", "" };
	bool angle = rand_r(seed) % 2;

	buf_puts(b, angle ? "<%" : "{{");
	buf_puts(b, rand_r(seed) % 8 ? "T" : "BODY");
	for (unsigned n = rand_r(seed) % 4; n > 0; n--) {
		size_t k = rand_r(seed) % (sizeof(mods) / sizeof(*mods));
		if (mods[k][0] == '\0')
			buf_append(b, ":", 2);	/* ":" and a NUL byte */
		else
			buf_puts(b, mods[k]);
	}
	buf_puts(b, angle ? "%>" : "}}");
}

/* Templates made at random from pieces of ctemplate's syntax: whenever
 * ctemplate takes one and lets the hostile value out with its markup or
 * its quote intact, the guard has reported that template. */
Test(guard, random_templates_never_slip_through)
{
	static const char *const pieces[] = { "{{", "}}", "<%", "%>", "{",
	    "=", "{{=<% %>=}}", "{{={{ }}=}}", "<%={{ }}=%>", "<%=<% %>=%>",
	    ":", "T", "{{#S}}", "{{/S}}", "<%#S%>", "<%/S%>", "{{!", "<%!",
	    " ", "\n", "\\\n", "<p>", "<script>'", "'</script>",
	    "<a href=\"", "\">", "{{>T}}" };
	unsigned seed = 11, slipped = 0, leaked = 0;

	for (int round = 0; round < 15000; round++) {
		struct buf text = BUF_INIT;
		buf_puts(&text, AE);
		for (unsigned n = 1 + rand_r(&seed) % 10; n > 0; n--)
			if (rand_r(&seed) % 2 == 0)
				random_variable(&text, &seed);
			else
				buf_puts(&text, pieces[rand_r(&seed) %
				    (sizeof(pieces) / sizeof(*pieces))]);
		struct tpl *t = tpl_new();
		char *error = NULL;
		if (tpl_add(t, "t", text.data, text.len, &error)) {
			struct tpl_dict *d = tpl_dict_new();
			tpl_set(d, "T", "<b>q'");
			tpl_show(d, "S");
			size_t len;
			char *out = tpl_expand(t, "t", d, &len);
			struct buf got = BUF_INIT;
			if (out != NULL && (memmem(out, len, "<b>", 3) ||
			    memmem(out, len, "q'", 2))) {
				leaked++;
				if (tpl_check(text.data, text.len, raw_ok, true,
				    collect, &got)) {
					slipped++;
					cr_log_error("slipped through: %.*s",
					    (int)text.len, text.data);
				}
			}
			buf_free(&got);
			free(out);
			tpl_dict_free(d);
		}
		free(error);
		tpl_free(t);
		buf_free(&text);
	}
	cr_expect_eq(slipped, 0);
	/* Enough hostile templates were tried for the test to mean much. */
	cr_expect_gt(leaked, 1000, "only %u", leaked);
}

/* ctemplate never says where a template goes wrong; tpl_error_at finds
 * the marker. */
static void
error_at(const char *text, size_t want)
{
	struct tpl *t = tpl_new();
	char *error = NULL;
	size_t offset = 0;

	cr_assert_not(tpl_add(t, "t", text, strlen(text), &error), "%s", text);
	cr_expect(tpl_error_at(text, strlen(text), &offset), "%s", text);
	cr_expect_eq(offset, want, "%s: at %zu, not %zu", text, offset, want);
	free(error);
	tpl_free(t);
}

Test(guard, where_a_template_does_not_parse)
{
	error_at(AE "<p>{{ TITLE}}</p>", 33);		/* a bad name */
	error_at(AE "<p>{{TITLE:NONE}}</p>", 33);	/* an unknown modifier */
	error_at(AE "{{#A}}{{#B}}x{{/A}}{{/B}}", 43);	/* closed by the wrong name */
	error_at(AE "{{#A}}{{#B}}{{/B}}", 30);		/* left open */
	error_at(AE "{{#A}}{{#B}}\n", 36);		/* the innermost left open */
	error_at(AE "<p>{{TITLE</p>", 33);		/* a marker that never ends */
	error_at(AE "{{=<% %>=}}<%#S:none%><%/S%>", 41);	/* after a change */
}

/* A second pragma is found before ctemplate sees it (which leaks). */
Test(guard, a_pragma_below_the_top)
{
	static const char text[] = AE "{{=<% %>=}}\n<%%AUTOESCAPE context=\"JS\"%>";
	size_t offset = 0;

	cr_expect(tpl_pragma_below(text, strlen(text), &offset));
	cr_expect_eq(offset, 42);
	cr_expect_not(tpl_pragma_below(AE "<p>{{! {{%x}} }}</p>",
	    strlen(AE "<p>{{! {{%x}} }}</p>"), &offset));
}

/* Where a value lands: an attribute whose value can run what it holds,
 * escaped or not (srcdoc, formaction, xlink:href, an event, a style), a
 * tag itself, a value without quotes; and HTML made by coopgen anywhere
 * but between elements. */
Test(guard, where_a_value_lands)
{
	/* 30 is where the template opens after the pragma. */
	refused(AE "<iframe srcdoc=\"{{TITLE}}\"></iframe>", 30 + 16,
	    "{{TITLE}} is the value of attribute 'srcdoc', which can run what "
	    "a value holds, escaped or not (expected a text attribute, or "
	    "href or src)");
	refused(AE "<button formaction=\"{{TITLE}}\">x</button>", 30 + 20,
	    "{{TITLE}} is the value of attribute 'formaction', which can run "
	    "what a value holds, escaped or not (expected a text attribute, "
	    "or href or src)");
	refused(AE "<svg><a xlink:href='{{TITLE}}'>x</a></svg>", 30 + 20,
	    "{{TITLE}} is the value of attribute 'xlink:href', which can run "
	    "what a value holds, escaped or not (expected a text attribute, "
	    "or href or src)");
	refused(AE "<p title={{TITLE}}>x</p>", 30 + 9,
	    "{{TITLE}} is the value of attribute 'title' without quotes, "
	    "which a space in the value ends (expected quotes around it)");
	refused(AE "<p {{TITLE}}>x</p>", 30 + 3,
	    "{{TITLE}} stands inside a tag, where a value could add "
	    "attributes (expected it between elements or in a quoted value)");
	refused(AE "<script>/*{{BODY:none}}*/</script>", 30 + 10,
	    "{{BODY:none}} lets HTML into a <script> element, whose content "
	    "is not HTML (expected it between elements)");
	refused(AE "<div title='{{BODY:none}}'>x</div>", 30 + 12,
	    "{{BODY:none}} lets HTML into attribute 'title' (expected it "
	    "between elements)");
	refused(AE "<textarea>{{HTML:none}}</textarea>", 30 + 10,
	    "{{HTML:none}} lets HTML into a <textarea> element, whose "
	    "content is not HTML (expected it between elements)");
	/* What the default templates do. */
	accepted(AE "<a href=\"{{HREF}}\" title=\"{{TITLE}}\">{{TEXT}}</a>");
	accepted(AE "<meta property=\"og:title\" content=\"{{TITLE}}\">");
	accepted(AE "<div aria-label=\"{{L}}\" data-x=\"{{X}}\">{{BODY:none}}"
	    "</div>");
	accepted(AE "<script type=\"application/ld+json\">{{JSONLD:none}}"
	    "</script><p>{{BODY:none}}</p>");
	accepted(AE "<!-- {{NOTE}} --><p>{{BODY:none}}</p>");
	/* After the element ends, text again. */
	accepted(AE "<style>p{}</style><p>{{BODY:none}}</p>");
	accepted(AE "<a href='x'>y</a>{{BODY:none}}");
}
