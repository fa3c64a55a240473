/*
 * origin: where an activity came from, kept beside the content by the
 * loader (load.h), read by the rebuild (reuse.h) and the records cache
 * (cache.h). model.h holds the content only; it names this struct, as
 * struct year's origins, and leaves it to this header.
 */
#ifndef COOPGEN_ORIGIN_H
#define COOPGEN_ORIGIN_H

#include "hash.h"

/*
 * Where an activity came from, beside the content (model.h holds the
 * content only): year y's y->origins[j] is of y->activities[j]. What a
 * rebuild keys the outputs made from the activity on (reuse.h), what the
 * records cache keeps with its record (cache.h), and what a body read
 * again must match, to be the text the record was read with (load.h:
 * content_reread_body). All
 * zero for an activity of activities.yaml, which has no file of its own.
 */
struct origin {
	struct hash source;	/* the file's bytes */
	struct hash front;	/* its front matter's */
};

#endif
