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

#endif
