#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define ARENA_FIRST	(2 * 1024)
#define ARENA_BLOCK	(64 * 1024)
#define ARENA_ALIGN	(sizeof(max_align_t))

struct arena_block {
	struct arena_block *next;
	size_t	 used;
	size_t	 size;
	max_align_t data[];
};

void *
arena_alloc(struct arena *a, size_t size)
{
	size = (size + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
	if (size == 0)
		size = ARENA_ALIGN;

	struct arena_block *b = a->head;
	if (b == NULL || b->size - b->used < size) {
		/* Blocks double from a small first one: most arenas hold the
		 * YAML of one file, and a big year reads files many at a time. */
		size_t grow = b == NULL ? ARENA_FIRST : b->size >= ARENA_BLOCK / 2 ?
		    ARENA_BLOCK : b->size * 2;
		struct arena_block *nb;
		if (b != NULL && size > grow / 4) {
			/* A big request gets a block of its own, behind the
			 * current one, whose space left is not wasted. */
			nb = xmalloc(sizeof(*nb) + size);
			nb->size = size;
			nb->next = b->next;
			b->next = nb;
		} else {
			size_t bsize = size > grow ? size : grow;
			nb = xmalloc(sizeof(*nb) + bsize);
			nb->size = bsize;
			nb->next = b;
			a->head = nb;
		}
		nb->used = 0;
		b = nb;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b != NULL) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
