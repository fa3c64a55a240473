/*
 * prose: where every Markdown text of a year is checked, and where an
 * activity's body is taken through its three steps (markdown.h): parsed,
 * checked, rendered. Each diagnostic about prose comes from a call here,
 * made by the pipeline (build.c) or by the page being written (pages.c),
 * never from a hook inside another stage.
 *
 *	coopgen check   prose_check_texts, prose_check_bodies
 *	coopgen build   prose_check_texts; then each activity page's body by
 *	                prose_activity, checked in the parse that renders it;
 *	                when the build stops before its pages,
 *	                prose_check_bodies, so that one run reports every
 *	                problem
 *
 * The checks read the year's own figures (with every year's, years.h),
 * computed before any prose is looked at.
 */
#ifndef COOPGEN_PROSE_H
#define COOPGEN_PROSE_H

#include <stdbool.h>

#include "markdown.h"
#include "model.h"

/* The report's lead, its chapters, the article (its lead, body and
 * image) of ctx->y. False when any has a problem (reported). */
bool	 prose_check_texts(const struct md_context *ctx);

/* The bodies of ctx->y's activities, read again from their files (the
 * model keeps records, not prose), on up to jobs threads. False when any
 * has a problem (reported, in the order of the files: diag.h sorts). */
bool	 prose_check_bodies(const struct md_context *ctx, int jobs);

/*
 * The body of a for its page: read again from its file when the loader
 * left it there, parsed once, checked when check is set (else it was
 * checked before), rendered into html for page (md_page: filled by the
 * caller, but for what md_render_parsed tells back). False on a problem
 * (reported); html is then not to be published. *warned: whether its
 * check gave a warning, which a page taken over would not give again.
 */
bool	 prose_activity(const struct md_context *ctx, const struct activity *a,
	    bool check, struct md_page *page, struct buf *html, bool *warned);

#endif
