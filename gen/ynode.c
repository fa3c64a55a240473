#include <string.h>
#include <yaml.h>

#include "buf.h"
#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"
#include "ynode.h"

struct frame {
	struct ynode *node;
	struct ynode **items;	/* heap while building, copied to the arena */
	size_t	 n, cap;
	struct strmap keys;	/* of a mapping, to find duplicates */
};

/*
 * Where libyaml's marks are in the text. libyaml counts characters, not
 * bytes, and ends a line at NEL (U+0085), LS (U+2028) and PS (U+2029) as
 * well as at LF and CR; editors, cmark and every other message of ours end
 * lines at LF, CR LF and CR only. So a mark is located by its character
 * index alone, walking the text forward from the last one located (the
 * parser's marks mostly grow).
 */
struct locator {
	const char *text;
	size_t	 len;
	size_t	 index;		/* characters before byte */
	size_t	 byte;
	int	 line;		/* 0-based, of byte */
	size_t	 line_start;	/* byte where that line starts */
};

struct builder {
	struct arena *a;
	const char *file;
	int	 first_line;
	struct locator loc;
	struct diag *d;
	struct frame stack[YNODE_MAX_DEPTH + 1];
	int	 depth;
	struct ynode *root;
	bool	 failed;
	size_t	 reported;	/* byte after the last invisible character
				 * reported, so that none is twice */
};

/* Move the locator forward to character index or byte offset byte,
 * whichever comes first (or the end of the text), back to the start
 * first when it is past them. */
static void
locate(struct locator *l, size_t index, size_t byte)
{
	if (index < l->index || byte < l->byte) {
		l->index = l->byte = l->line_start = 0;
		l->line = 0;
	}
	while (l->index < index && l->byte < byte && l->byte < l->len) {
		unsigned char c = (unsigned char)l->text[l->byte];
		size_t n = 1;
		if (c >= 0xC0)
			n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (n > l->len - l->byte)
			n = l->len - l->byte;
		l->byte += n;
		l->index++;
		if (c == '\n' || (c == '\r' && (l->byte == l->len ||
		    l->text[l->byte] != '\n'))) {
			l->line++;
			l->line_start = l->byte;
		}
	}
}

/* The position in the file where the locator stands. */
static struct pos
here(const struct builder *b)
{
	const struct locator *l = &b->loc;

	return (struct pos){ b->file, l->line + b->first_line,
	    (int)utf8_chars(l->text + l->line_start, l->byte - l->line_start) +
	    1 };
}

/* The position of libyaml's mark m. */
static struct pos
mark_pos(struct builder *b, yaml_mark_t m)
{
	locate(&b->loc, m.index, SIZE_MAX);
	return here(b);
}

/* The position of byte offset off of the text, from start, the position
 * of byte offset from (at or before off): a scan of what lies between,
 * so that many problems in one file never cost a walk from its start
 * each. */
static struct pos
pos_from(const struct builder *b, struct pos start, size_t from, size_t off)
{
	const char *t = b->loc.text;
	size_t line_start = from;

	for (size_t i = from; i < off; i++)
		if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == b->loc.len ||
		    t[i + 1] != '\n'))) {
			start.line++;
			start.col = 1;
			line_start = i + 1;
		}
	start.col += (int)utf8_chars(t + line_start, off - line_start);
	return start;
}

/* The position of byte offset off of the text. */
static struct pos
byte_pos(struct builder *b, size_t off)
{
	locate(&b->loc, SIZE_MAX, off);
	return here(b);
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

/* Whether s[0..n) is one word of ASCII but for invisible characters: an
 * id, a slug, a date, a number, a code, an address. */
static bool
one_word(const char *s, size_t n)
{
	uint32_t cp;

	for (size_t i = 0, len; i < n; i += len) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return false;
		if ((cp <= 0x20 || cp >= 0x7F) &&
		    utf8_hidden(cp, NULL) == UTF8_SHOWN)
			return false;
	}
	return true;
}

/* The byte offset of the first cp in text[from..to), or to. */
static size_t
find_cp(const char *text, size_t from, size_t to, uint32_t cp)
{
	uint32_t c;

	for (size_t i = from, len; i < to; i += len ? len : 1) {
		len = utf8_decode(text + i, to - i, &c);
		if (len != 0 && c == cp)
			return i;
	}
	return to;
}

/* Report invisible character inv, at, in what ("'title'", "the key
 * 'x'"). The column is the file's when it is where it is written. */
static void
invisible_error(struct builder *b, struct pos at, const struct utf8_invisible
    *inv, bool in_file, const char *what)
{
	bool text = utf8_hidden(inv->cp, NULL) == UTF8_HIDES_TEXT;
	char where[48];

	if (in_file)
		snprintf(where, sizeof(where), "at column %d in", at.col);
	else
		snprintf(where, sizeof(where), "(written as an escape) at "
		    "character %d of", inv->col);
	diag_error(b->d, at, "U+%04X %s %s %s: an invisible character, "
	    "%s (expected %s; delete it)", (unsigned)inv->cp, inv->name,
	    where, what, text ? "which hides text or changes its order or "
	    "its lines" : "which makes two spellings that look the same",
	    text ? "visible text" : "visible characters only");
}

/*
 * Report an invisible character of scalar n, written in text[from..to),
 * where it does harm (utf8.h): one that hides text, anywhere; one that
 * hides a word, in a key and in a value of one ASCII word (an id, a slug,
 * a date, a number: a title has no such character by accident, but prose
 * in Khmer or Thai may need a zero-width space). key names the value's
 * key, NULL for a key itself or a list item.
 */
static void
report_invisible(struct builder *b, const struct ynode *n, size_t from,
    size_t to, bool is_key, bool word, const char *key)
{
	struct utf8_invisible inv;
	struct pos at = n->pos;
	bool in_file = true;

	if (utf8_find_invisible(b->loc.text + from, to - from, false, &inv)) {
		/* Where it is written, even when the value lost it (a NEL
		 * folded into a space). */
		if (from + inv.off < b->reported)
			return;
		at = pos_from(b, n->pos, from, from + inv.off);
		b->reported = from + inv.off + 1;
	} else if (utf8_find_invisible(n->str, n->len, word, &inv)) {
		size_t off = find_cp(b->loc.text, from, to, inv.cp);
		if (off < to) {
			if (off < b->reported)
				return;
			at = pos_from(b, n->pos, from, off);
			b->reported = off + 1;
		} else
			in_file = false;	/* an escape: "\u200B" */
	} else
		return;
	struct buf what = BUF_INIT;
	if (is_key) {
		buf_puts(&what, "the key '");
		utf8_show(&what, n->str, n->len);
		buf_putc(&what, '\'');
	} else if (key != NULL) {
		buf_putc(&what, '\'');
		utf8_show(&what, key, strlen(key));
		buf_puts(&what, "'");
	} else
		buf_puts(&what, "a list item");
	invisible_error(b, at, &inv, in_file, buf_str(&what));
	buf_free(&what);
}

/* Take the invisible characters out of word n, once reported: the checks
 * of its field then judge what is seen ('wipo' is a partner), and do not
 * report the one problem twice. Nothing is written while there is an
 * error, so no value is changed silently. */
static void
strip_invisible(struct arena *a, struct ynode *n)
{
	char *out = arena_alloc(a, n->len + 1);
	size_t len = 0;
	uint32_t cp;

	for (size_t i = 0, step; i < n->len; i += step) {
		step = utf8_decode(n->str + i, n->len - i, &cp);
		if (step == 0)
			step = 1;
		else if (utf8_hidden(cp, NULL) != UTF8_SHOWN)
			continue;
		memcpy(out + len, n->str + i, step);
		len += step;
	}
	out[len] = '\0';
	n->str = out;
	n->len = len;
}

/*
 * Check scalar n, written in text[from..to), for invisible characters:
 * see report_invisible; a key or a word is then taken without them.
 */
static void
check_invisible(struct builder *b, struct ynode *n, size_t from, size_t to,
    bool is_key, const char *key)
{
	bool word = is_key || (!n->block && one_word(n->str, n->len));
	struct utf8_invisible inv;

	if (!utf8_find_invisible(b->loc.text + from, to - from, false, &inv) &&
	    !utf8_find_invisible(n->str, n->len, word, &inv))
		return;
	report_invisible(b, n, from, to, is_key, word, key);
	if (word)
		strip_invisible(b->a, n);
}

/* The key whose value comes next, or NULL in a list or at the top. */
static const char *
pending_key(const struct builder *b)
{
	if (b->depth == 0)
		return NULL;
	const struct frame *f = &b->stack[b->depth - 1];
	if (f->node->kind != YNODE_MAP || f->n % 2 == 0)
		return NULL;
	return f->items[f->n - 1]->str;
}

/* Whether the next scalar is a key. */
static bool
key_next(const struct builder *b)
{
	if (b->depth == 0)
		return false;
	const struct frame *f = &b->stack[b->depth - 1];
	return f->node->kind == YNODE_MAP && f->n % 2 == 0;
}

/* Whether byte i of text stands where YAML's syntax wants a plain space:
 * right after "key:" or a list's "-", or in the indentation of a line. */
static bool
in_yaml_place(const char *text, size_t i)
{
	if (i > 0 && (text[i - 1] == ':' || text[i - 1] == '-'))
		return true;
	while (i > 0 && text[i - 1] == ' ')
		i--;
	return i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r';
}

/*
 * libyaml takes NEL, LS and PS for line breaks, so one of them in a plain
 * value, a comment or between tokens ends up as a syntax error somewhere
 * after it; other invisible characters (a byte-order mark before a key)
 * make one on their own line. Report such a character instead of the
 * error it caused, when there is one before the end of the line of the
 * error (problem, a byte offset), unless reported already; true when
 * there was one.
 */
static bool
invisible_cause(struct builder *b, size_t problem)
{
	const char *text = b->loc.text;
	size_t end = problem, start = problem, n = b->loc.len;
	uint32_t cp;

	while (end < n && text[end] != '\n' && text[end] != '\r')
		end++;
	while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r')
		start--;
	for (size_t i = 0, len; i < end; i += len ? len : 1) {
		const char *name;
		len = utf8_decode(text + i, end - i, &cp);
		bool breaks = cp == 0x85 || cp == 0x2028 || cp == 0x2029;
		enum utf8_hidden kind = len == 0 ? UTF8_SHOWN :
		    utf8_hidden(cp, &name);
		if (kind == UTF8_HIDES_WORD && cp >= 0x80 &&
		    in_yaml_place(text, i)) {
			/* A no-break space typed after "key:" looks like the
			 * space YAML wants there, and is not one. */
			struct pos at = byte_pos(b, i);
			diag_error(b->d, at, "U+%04X %s at column %d: a space "
			    "YAML does not take for one, where it wants a plain "
			    "space (expected a plain space; retype it)",
			    (unsigned)cp, name, at.col);
			b->reported = i + 1;
			return true;
		}
		if (kind != UTF8_HIDES_TEXT || (i < start && !breaks))
			continue;
		if (i < b->reported)
			return true;	/* reported in its value already */
		struct pos at = byte_pos(b, i);
		diag_error(b->d, at, "U+%04X %s at column %d: an invisible "
		    "character %s (expected %s; delete it)", (unsigned)cp, name,
		    at.col, breaks ? "that YAML takes for a line break, where "
		    "editors show none" : "that YAML cannot read here", breaks ?
		    "a real line break, or none" : "visible text");
		b->reported = i + 1;
		return true;
	}
	return false;
}

static void
syntax_error(struct builder *b, const yaml_parser_t *p, const char *text,
    size_t len)
{
	const char *problem = p->problem ? p->problem : "unreadable YAML";
	const char *hint = "";

	/* The reader's problems (a control character) are at a byte
	 * offset; the others at a mark. */
	if (p->error == YAML_READER_ERROR) {
		struct pos at = byte_pos(b, p->problem_offset);
		const char *name;
		if (p->problem_value >= 0 && utf8_hidden((uint32_t)
		    p->problem_value, &name) != UTF8_SHOWN)
			diag_error(b->d, at, "U+%04X %s at column %d: a "
			    "control character, which YAML does not allow "
			    "(expected text; delete it)",
			    (unsigned)p->problem_value, name, at.col);
		else
			diag_error(b->d, at, "YAML syntax: %s", problem);
		return;
	}
	struct pos at = mark_pos(b, p->problem_mark);
	if (invisible_cause(b, b->loc.byte))
		return;
	size_t off = b->loc.byte;
	if (off < len && text[off] == '\t')
		hint = "; YAML is indented with spaces, not tabs";
	if (p->context != NULL) {
		struct pos ctx = mark_pos(b, p->context_mark);
		diag_error(b->d, at, "YAML syntax: %s %s at line %d%s",
		    problem, p->context, ctx.line, hint);
	} else
		diag_error(b->d, at, "YAML syntax: %s%s", problem, hint);
}

struct ynode *
ynode_parse(struct arena *a, const char *text, size_t len, const char *file,
    int first_line, struct diag *d, bool *ok)
{
	struct builder b = { .a = a, .file = file, .first_line = first_line,
	    .loc = { .text = text, .len = len }, .d = d };
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
		case YAML_SCALAR_EVENT: {
			n = new_node(&b, YNODE_SCALAR, ev.start_mark);
			size_t from = b.loc.byte;
			locate(&b.loc, ev.end_mark.index, SIZE_MAX);
			size_t to = b.loc.byte;
			n->len = ev.data.scalar.length;
			n->str = arena_strndup(a,
			    (const char *)ev.data.scalar.value, n->len);
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->block = ev.data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
			    ev.data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
			check_invisible(&b, n, from, to, key_next(&b),
			    pending_key(&b));
			attach(&b, n);
			break;
		}
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
