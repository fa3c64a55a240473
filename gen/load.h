/*
 * load: the content folder into the model (model.h).
 *
 * Reads site.yaml, partners.yaml, agreements.yaml and the year folders,
 * decodes every record, and checks each as it goes (check.h), reporting
 * every problem of every file. Markdown bodies are kept as text; what they
 * say ({{stat}} placeholders, links) is checked once the figures exist
 * (markdown.h).
 */
#ifndef COOPGEN_LOAD_H
#define COOPGEN_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "fsx.h"
#include "model.h"
#include "origin.h"


/*
 * Load the content folder root into c. years lists the years wanted (n
 * of them; all year folders when n is 0); the year before each wanted year
 * is loaded too when its folder exists, for the comparisons. Returns false
 * when the folder could not be read at all; problems in the content are
 * counted in d and leave a model that is complete as far as it could be.
 */
bool	 content_load(struct content *c, const char *root, const int *years,
	    size_t n, struct diag *d);

/*
 * The same, calling body(arg, y, a) with each body of a wanted year read
 * from an activity's .md file, while its text is in memory (a->body.text,
 * valid during the call only). When it returns true the text is not kept:
 * the body is marked on_disk, to be read again from its file. This keeps a
 * year's prose out of memory: only the records stay.
 */
struct cache;

struct load_hooks {
	bool	(*body)(void *arg, const struct year *y,
		    const struct activity *a);
	void	*arg;
	int	 readers;	/* threads reading and parsing files ahead of
				   the loader; 0: none, it reads them itself */
	/* The records of the last build (cache.h), or NULL. Given only
	 * with a body hook that takes every body of a wanted year without
	 * looking at it (a build, which checks bodies with their pages): a
	 * record taken from the cache is not offered to it, and its body
	 * is left on disk as the hook's would be. Every record read is
	 * offered to the cache for the next build. */
	struct cache *cache;
};

bool	 content_load_hooked(struct content *c, const char *root,
	    const int *years, size_t n, const struct load_hooks *hooks,
	    struct diag *d);

/*
 * Read again the body of a (an activity of y), left on disk by the loader
 * (fs: the content folder). *body gets its text, at its place in the
 * file; *text is the whole file, for the caller to free. False (reported)
 * when the file can no longer be read, or is no longer the file the
 * record was read from (its origin).
 */
bool	 content_reread_body(const struct fsx *fs, const struct year *y,
	    const struct activity *a, char **text, struct markdown *body,
	    struct diag *d);

#endif
