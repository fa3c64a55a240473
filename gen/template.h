/*
 * template: a template read from a templates folder, checked, and added
 * to the bridge (tpl.h), the same way for every output made from
 * templates (the HTML pages, the parts of report.docx).
 *
 * A template must start with the AUTOESCAPE pragma of its language and
 * hold no other; it must parse; and the guard (tpl_check) must find no
 * value inserted unescaped but those of raw_ok, nor, in HTML, a value
 * where escaping does not make it safe. Each problem is reported at the
 * template's file, line and column; the build then writes nothing.
 */
#ifndef COOPGEN_TEMPLATE_H
#define COOPGEN_TEMPLATE_H

#include <stdbool.h>

#include "diag.h"
#include "fsx.h"
#include "tpl.h"

enum template_lang {
	TEMPLATE_HTML,
	TEMPLATE_XML,
};

/* Read rel of the templates folder fs (shown as dir/rel in messages) and
 * add it to t as name. False when it is missing or refused (reported). */
bool	 template_load(struct tpl *t, const struct fsx *fs, const char *dir,
	    const char *rel, const char *name, enum template_lang lang,
	    const char *const *raw_ok, struct diag *d);

#endif
