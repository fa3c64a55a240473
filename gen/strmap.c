#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "xalloc.h"

/* FNV-1a: short keys, no adversary worth a keyed hash (the content is the
 * user's own), and the map never holds more than it has room for. */
static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static size_t
slot(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

bool
strmap_get(const struct strmap *m, const char *key, size_t *val)
{
	if (m->cap == 0)
		return false;
	size_t i = slot(m, key);
	if (m->keys[i] == NULL)
		return false;
	if (val != NULL)
		*val = m->vals[i];
	return true;
}

static void
rehash(struct strmap *m)
{
	struct strmap nm = { NULL, NULL, m->cap ? m->cap * 2 : 16, m->n };

	nm.keys = xcalloc(nm.cap, sizeof(*nm.keys));
	nm.vals = xcalloc(nm.cap, sizeof(*nm.vals));
	for (size_t i = 0; i < m->cap; i++) {
		if (m->keys[i] == NULL)
			continue;
		size_t j = slot(&nm, m->keys[i]);
		nm.keys[j] = m->keys[i];
		nm.vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	*m = nm;
}

bool
strmap_put(struct strmap *m, const char *key, size_t val, size_t *old)
{
	/* Keep the load under one half so probes stay short. */
	if ((m->n + 1) * 2 > m->cap)
		rehash(m);
	size_t i = slot(m, key);
	if (m->keys[i] != NULL) {
		if (old != NULL)
			*old = m->vals[i];
		return false;
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return true;
}

void
strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}
