/*
 * ynode: a YAML document as a tree that remembers where each node was.
 *
 * Built from libyaml's event stream rather than its document API so that
 * every problem can be reported at its own place: a duplicate key at the
 * second occurrence, an alias where it is written. Content files are plain
 * data, so what YAML offers beyond that is refused with a clear error:
 * aliases (which also rules out "billion laughs" expansion), more than one
 * document, and nesting deeper than YNODE_MAX_DEPTH.
 *
 * Scalars stay strings: "2023-06", "no" and "0012" mean what the field
 * that holds them says, not what YAML 1.1 would guess.
 */
#ifndef COOPGEN_YNODE_H
#define COOPGEN_YNODE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

#define YNODE_MAX_DEPTH	32

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP,
};

struct ynode {
	enum ynode_kind kind;
	struct pos pos;		/* where the node starts */
	/* YNODE_SCALAR */
	const char *str;	/* NUL-terminated (content has no NUL bytes) */
	size_t	 len;
	bool	 plain;		/* written without quotes or block indicator */
	bool	 block;		/* a literal (|) or folded (>) block */
	/* YNODE_SEQ: n items. YNODE_MAP: n pairs, items[2i] the key (always a
	 * scalar) and items[2i + 1] its value. */
	struct ynode **items;
	size_t	 n;
};

/*
 * Parse len bytes of text, the YAML of file, whose first line is line
 * first_line of that file (front matter starts below its "---"). Nodes live
 * in arena a. Returns the root, or NULL for an empty document or after an
 * error; *ok tells which. Errors go to d.
 */
struct ynode *ynode_parse(struct arena *a, const char *text, size_t len,
	    const char *file, int first_line, struct diag *d, bool *ok);

/* An empty or null scalar: "", "~" or "null" written plain. */
bool	 ynode_is_null(const struct ynode *n);

/* The value of key in a mapping, or NULL. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);

/* The kind as a noun for messages: "text", "a list", "a mapping". */
const char *ynode_kind_name(const struct ynode *n);

#endif
