/* The years side by side; see years.h. */
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"
#include "years.h"

size_t
years_earlier(const struct years *ys, int year,
    const struct figures_year *out[YEARS_EARLIER])
{
	size_t last = 0, n = 0;

	while (last < ys->n && ys->y[last]->year < year)
		last++;
	size_t first = last > YEARS_EARLIER ? last - YEARS_EARLIER : 0;
	for (size_t i = first; i < last; i++)
		out[n++] = ys->f[i];
	return n;
}

json_t *
years_json(const struct years *ys, json_t *const trees[])
{
	json_t *root = json_object();

	if (root == NULL)
		xalloc_die();
	for (size_t i = 0; i < ys->n; i++) {
		/* A copy of the top level only: the groups below are shared
		 * with the year's own tree, which nothing changes. */
		json_t *entry = json_copy(trees[i]);
		char key[16];
		if (entry == NULL)
			xalloc_die();
		/* -1 when absent: the first year has no "previous". */
		(void)json_object_del(entry, "year");
		(void)json_object_del(entry, "previous");
		snprintf(key, sizeof(key), "%d", ys->y[i]->year);
		if (json_object_set_new(root, key, entry) != 0)
			xalloc_die();
	}
	return root;
}

json_t *
years_lookup_root(json_t *tree, json_t *years, int year)
{
	json_t *root = json_copy(tree), *upto = json_object(), *v;
	const char *key;

	if (root == NULL || upto == NULL)
		xalloc_die();
	json_object_foreach(years, key, v)
		if (atoi(key) <= year && json_object_set(upto, key, v) != 0)
			xalloc_die();
	if (json_object_set_new(root, "years", upto) != 0)
		xalloc_die();
	return root;
}
