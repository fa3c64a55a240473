/* Where prose is checked, and an activity's body made; see prose.h. */
#include <stdatomic.h>
#include <stdlib.h>

#include "load.h"
#include "prose.h"
#include "workq.h"

bool
prose_check_texts(const struct md_context *ctx)
{
	const struct year *y = ctx->y;
	bool ok = md_check(ctx, &y->report.lead);

	for (size_t i = 0; i < y->n_sections; i++)
		ok = md_check(ctx, &y->sections[i].body) && ok;
	if (y->article != NULL) {
		ok = md_check(ctx, &y->article->lead) && ok;
		ok = md_check(ctx, &y->article->body) && ok;
		if (y->article->image != NULL)
			ok = md_check_path(ctx, y->article->image,
			    y->article->image_pos, "image") && ok;
	}
	return ok;
}

/* The text of a's body: a->body, or read again from its file into *body
 * (*text: the file, for the caller to free). False (reported) when the
 * file can no longer be read as it was. */
static bool
body_of(const struct md_context *ctx, const struct activity *a, char **text,
    struct markdown *body)
{
	*text = NULL;
	*body = a->body;
	if (!a->body.on_disk)
		return true;
	return content_reread_body(ctx->fs, ctx->y, a, text, body, ctx->d);
}

struct bodies {
	const struct md_context *ctx;
	atomic_bool ok;
};

static bool
check_one(void *arg, unsigned thread, size_t i)
{
	struct bodies *b = arg;
	const struct activity *a = &b->ctx->y->activities[i];
	struct markdown body;
	char *text;

	(void)thread;
	if (!body_of(b->ctx, a, &text, &body) || !md_check(b->ctx, &body))
		atomic_store(&b->ok, false);
	free(text);
	return true;	/* every body, for every problem of the run */
}

bool
prose_check_bodies(const struct md_context *ctx, int jobs)
{
	struct bodies b = { .ctx = ctx };

	atomic_init(&b.ok, true);
	workq_run(ctx->y->n_activities, jobs > 1 ? (unsigned)jobs : 1, 16,
	    check_one, &b);
	return atomic_load(&b.ok);
}

bool
prose_activity(const struct md_context *ctx, const struct activity *a,
    bool check, struct md_page *page, struct buf *html, bool *warned)
{
	struct markdown body;
	char *text;

	*warned = false;
	buf_reset(html);
	if (!body_of(ctx, a, &text, &body))
		return false;
	struct md_doc *doc = md_parse(ctx, &body);
	bool ok = doc != NULL || body.text == NULL;
	if (doc != NULL && check)
		ok = md_check_parsed(ctx, doc, warned) && ok;
	/* A text found wrong is not rendered: nothing is published. */
	if (doc != NULL && ok)
		ok = md_render_parsed(ctx, doc, page, html);
	md_doc_free(doc);
	free(text);
	return ok;
}
