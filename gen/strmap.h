/*
 * strmap: string keys to small integers, by open addressing.
 *
 * Ids (partners, frameworks, kinds) and slugs are looked up once per record;
 * with tens of thousands of records a linear search would be quadratic.
 * Keys are not copied: they must outlive the map (they live in an arena).
 */
#ifndef COOPGEN_STRMAP_H
#define COOPGEN_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap {
	const char **keys;
	size_t	*vals;
	size_t	 cap;	/* a power of two, or 0 */
	size_t	 n;
};

#define STRMAP_INIT { NULL, NULL, 0, 0 }

/* Look key up; true and *val set when present. */
bool	 strmap_get(const struct strmap *m, const char *key, size_t *val);
/* Insert key if absent and return true; when present, leave it, set
 * *old to its value (if old is not NULL) and return false. */
bool	 strmap_put(struct strmap *m, const char *key, size_t val, size_t *old);
void	 strmap_free(struct strmap *m);

#endif
