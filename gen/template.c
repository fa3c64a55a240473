#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "template.h"
#include "utf8.h"

static const char *const autoescape[] = {
	[TEMPLATE_HTML] = "{{%AUTOESCAPE context=\"HTML\"}}",
	[TEMPLATE_XML] = "{{%AUTOESCAPE context=\"XML\"}}",
};

/* tpl_check's problems, at their line and column in the template. */
struct where {
	struct diag *d;
	const char *shown;	/* the template's path */
	const char *text;
};

static void
report_at(void *arg, size_t offset, const char *what)
{
	struct where *w = arg;
	struct pos at = { w->shown, 0, 0 };

	utf8_linecol(w->text, offset, &at.line, &at.col);
	diag_error(w->d, at, "%s", what);
}

bool
template_load(struct tpl *t, const struct fsx *fs, const char *dir,
    const char *rel, const char *name, enum template_lang lang,
    const char *const *raw_ok, struct diag *d)
{
	const char *pragma = autoescape[lang];
	char *text, *error;
	size_t len, offset;
	struct buf shown = BUF_INIT;
	bool ok = false;

	buf_printf(&shown, "%s/%s", dir, rel);
	if (!fsx_read(fs, rel, &text, &len, d)) {
		buf_free(&shown);
		return false;
	}
	struct pos at = { buf_str(&shown), 0, 0 };
	if (strncmp(text, pragma, strlen(pragma)) != 0) {
		diag_error(d, (struct pos){ buf_str(&shown), 1, 1 }, "a template "
		    "must start with %s, so that every value is escaped where "
		    "it lands", pragma);
	} else if (tpl_pragma_below(text, len, &offset)) {
		utf8_linecol(text, offset, &at.line, &at.col);
		diag_error(d, at, "a template may hold one pragma, the %s it "
		    "starts with (expected no other {{%%...}})", pragma);
	} else if (!tpl_add(t, name, text, len, &error)) {
		/* ctemplate says "ERROR: Template x: ERROR: what"; the last
		 * part is what is wrong. */
		const char *what = error, *e;
		while ((e = strstr(what, "ERROR: ")) != NULL)
			what = e + 7;
		if (tpl_error_at(text, len, &offset))
			utf8_linecol(text, offset, &at.line, &at.col);
		diag_error(d, at, "the template does not parse: %s", what);
		free(error);
	} else
		ok = tpl_check(text, len, raw_ok, lang == TEMPLATE_HTML,
		    report_at, &(struct where){ d, buf_str(&shown), text });
	free(text);
	buf_free(&shown);
	return ok;
}
