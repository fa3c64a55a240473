#include <string.h>
#include <yaml.h>

#include "strmap.h"
#include "xalloc.h"
#include "ynode.h"

struct frame {
	struct ynode *node;
	struct ynode **items;	/* heap while building, copied to the arena */
	size_t	 n, cap;
	struct strmap keys;	/* of a mapping, to find duplicates */
};

struct builder {
	struct arena *a;
	const char *file;
	int	 first_line;
	struct diag *d;
	struct frame stack[YNODE_MAX_DEPTH + 1];
	int	 depth;
	struct ynode *root;
	bool	 failed;
};

static struct pos
mark_pos(const struct builder *b, yaml_mark_t m)
{
	struct pos p = { b->file, (int)m.line + b->first_line, (int)m.column + 1 };

	return p;
}

static struct ynode *
new_node(struct builder *b, enum ynode_kind kind, yaml_mark_t m)
{
	struct ynode *n = arena_alloc(b->a, sizeof(*n));

	n->kind = kind;
	n->pos = mark_pos(b, m);
	return n;
}

/* Attach a finished node to its parent, checking mapping keys. */
static void
attach(struct builder *b, struct ynode *n)
{
	if (b->depth == 0) {
		b->root = n;
		return;
	}
	struct frame *f = &b->stack[b->depth - 1];
	bool is_key = f->node->kind == YNODE_MAP && f->n % 2 == 0;

	if (is_key) {
		if (n->kind != YNODE_SCALAR) {
			diag_error(b->d, n->pos, "a key must be plain text, "
			    "not %s", ynode_kind_name(n));
			b->failed = true;
		} else if (!strmap_put(&f->keys, n->str, f->n, NULL)) {
			diag_error(b->d, n->pos, "duplicate key '%s' "
			    "(each key may appear once in a mapping)", n->str);
			b->failed = true;
		}
	}
	f->items = xgrow(f->items, &f->cap, f->n, sizeof(*f->items));
	f->items[f->n++] = n;
}

static bool
push(struct builder *b, struct ynode *n)
{
	if (b->depth == YNODE_MAX_DEPTH) {
		diag_error(b->d, n->pos, "YAML nested too deeply (at most %d "
		    "levels)", YNODE_MAX_DEPTH);
		b->failed = true;
		return false;
	}
	struct frame *f = &b->stack[b->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
	return true;
}

static void
pop(struct builder *b)
{
	struct frame *f = &b->stack[--b->depth];
	struct ynode *n = f->node;

	n->items = arena_alloc(b->a, f->n * sizeof(*n->items));
	if (f->n)
		memcpy(n->items, f->items, f->n * sizeof(*n->items));
	n->n = n->kind == YNODE_MAP ? f->n / 2 : f->n;
	free(f->items);
	strmap_free(&f->keys);
	attach(b, n);
}

static void
syntax_error(struct builder *b, const yaml_parser_t *p, const char *text,
    size_t len)
{
	struct pos at = mark_pos(b, p->problem_mark);
	const char *problem = p->problem ? p->problem : "unreadable YAML";
	const char *hint = "";

	if (p->problem_mark.index < len && text[p->problem_mark.index] == '\t')
		hint = "; YAML is indented with spaces, not tabs";
	if (p->context != NULL)
		diag_error(b->d, at, "YAML syntax: %s %s at line %d%s",
		    problem, p->context,
		    (int)p->context_mark.line + b->first_line, hint);
	else
		diag_error(b->d, at, "YAML syntax: %s%s", problem, hint);
}

struct ynode *
ynode_parse(struct arena *a, const char *text, size_t len, const char *file,
    int first_line, struct diag *d, bool *ok)
{
	struct builder b = { .a = a, .file = file, .first_line = first_line,
	    .d = d };
	yaml_parser_t p;
	yaml_event_t ev;
	int documents = 0;
	bool done = false;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done && !b.failed) {
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_error(&b, &p, text, len);
			b.failed = true;
			break;
		}
		struct ynode *n;
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				diag_error(d, mark_pos(&b, ev.start_mark),
				    "a second YAML document ('---') in one file "
				    "(expected one document)");
				b.failed = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			diag_error(d, mark_pos(&b, ev.start_mark),
			    "YAML alias '*%s' is not supported (write the "
			    "value out)", (const char *)ev.data.alias.anchor);
			b.failed = true;
			break;
		case YAML_SCALAR_EVENT:
			n = new_node(&b, YNODE_SCALAR, ev.start_mark);
			n->len = ev.data.scalar.length;
			n->str = arena_strndup(a,
			    (const char *)ev.data.scalar.value, n->len);
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->block = ev.data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
			    ev.data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
			attach(&b, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
			push(&b, new_node(&b, YNODE_SEQ, ev.start_mark));
			break;
		case YAML_MAPPING_START_EVENT:
			push(&b, new_node(&b, YNODE_MAP, ev.start_mark));
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			pop(&b);
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	while (b.depth > 0) {
		struct frame *f = &b.stack[--b.depth];
		free(f->items);
		strmap_free(&f->keys);
	}
	yaml_parser_delete(&p);
	*ok = !b.failed;
	return b.failed ? NULL : b.root;
}

bool
ynode_is_null(const struct ynode *n)
{
	if (n == NULL)
		return true;
	if (n->kind != YNODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0;
}

const struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	if (map == NULL || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return map->items[2 * i + 1];
	return NULL;
}

const char *
ynode_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_SCALAR:
		return "text";
	case YNODE_SEQ:
		return "a list";
	case YNODE_MAP:
		return "a mapping";
	}
	return "?";
}
