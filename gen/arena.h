/*
 * arena: bump allocation for things that live and die together.
 *
 * The content model holds many small strings (titles, ids, places) that are
 * all released at once when the run ends; a parsed YAML file is released as
 * soon as its records are decoded. An arena makes both a single free.
 */
#ifndef COOPGEN_ARENA_H
#define COOPGEN_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

#define ARENA_INIT { NULL }

void	*arena_alloc(struct arena *a, size_t size);	/* zeroed, aligned */
char	*arena_strndup(struct arena *a, const char *s, size_t n);
char	*arena_strdup(struct arena *a, const char *s);
char	*arena_printf(struct arena *a, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 arena_free(struct arena *a);

#endif
