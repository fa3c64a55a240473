/* Shared by the unit tests: diagnostics captured in memory, so that each
 * test can assert the exact messages a user would see. */
#ifndef COOPGEN_TEST_HELPERS_H
#define COOPGEN_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"

struct capture {
	struct diag d;
	FILE	*f;
	char	*text;
	size_t	 len;
};

static inline void
capture_begin(struct capture *c)
{
	c->text = NULL;
	c->f = open_memstream(&c->text, &c->len);
	diag_init(&c->d, c->f);
}

/* The messages so far; stays valid until capture_free. */
static inline const char *
capture_text(struct capture *c)
{
	fflush(c->f);
	return c->text ? c->text : "";
}

static inline void
capture_free(struct capture *c)
{
	fclose(c->f);
	free(c->text);
}

#define FIXTURES "tests/unit/fixtures"

#include "figures.h"
#include "fsx.h"
#include "load.h"

/* The fixture content of tests/unit/fixtures/years with the figures of
 * 2023, and a capture that holds only what a test itself prints. */
struct fixture {
	struct content c;
	struct figures f;
	json_t	*json;
	struct fsx fs;
	struct capture cap;
};

static inline void
fixture_load(struct fixture *x)
{
	struct capture load;

	capture_begin(&load);
	if (!content_load(&x->c, FIXTURES "/years", NULL, 0, &load.d) ||
	    !fsx_open(&x->fs, FIXTURES "/years", "content", &load.d))
		abort();
	capture_free(&load);
	figures_compute(&x->c, content_year(&x->c, 2023), &x->f);
	x->json = figures_json(&x->c, &x->f);
	capture_begin(&x->cap);
}

static inline void
fixture_free(struct fixture *x)
{
	fsx_close(&x->fs);
	json_decref(x->json);
	figures_free(&x->f);
	content_free(&x->c);
	capture_free(&x->cap);
}

#endif
