#include <ctype.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <cmark.h>

#include "fields.h"
#include "figures.h"
#include "format.h"
#include "directive.h"
#include "markdown.h"
#include "names.h"
#include "paths.h"
#include "reserved.h"
#include "slug.h"
#include "stats.h"
#include "utf8.h"
#include "xalloc.h"


struct pos
md_pos(const struct markdown *md, size_t off)
{
	int line, col;
	struct pos p = md->pos;

	utf8_linecol(md->text, off, &line, &col);
	p.line = md->pos.line + line - 1;
	p.col = line == 1 ? md->pos.col + col - 1 : md->indent + col;
	return p;
}

/* Append the keys of a JSON object for an "expected one of" list. */
static void
list_keys(struct buf *b, const json_t *obj, const char *prefix)
{
	const char *key;
	json_t *v;
	int i = 0;

	json_object_foreach((json_t *)obj, key, v) {
		if (i == 16) {
			buf_puts(b, ", ...");
			break;
		}
		buf_printf(b, "%s%s%s", i++ ? ", " : "", prefix, key);
	}
}

/* The figure at path onto out (NULL: only looked up), or, when there is
 * no number there, why, as {{word PATH}}'s problem; false then. */
static bool
expand_stat(const struct md_context *ctx, const char *path, struct pos at,
    struct buf *out, const char *word)
{
	long long value;
	size_t ok_len;
	const json_t *node;
	struct buf msg = BUF_INIT;

	switch (figures_lookup(ctx->figures, path, &value, &ok_len, &node)) {
	case FIGURES_FOUND: {
		if (out == NULL)
			return true;
		/* A year is a name, not a quantity: no thousands separator. */
		const char *last = strrchr(path, '.');
		if (strcmp(last ? last + 1 : path, "year") == 0)
			buf_printf(out, "%lld", value);
		else
			format_number(out, ctx->loc ? ctx->loc :
			    locale_builtin(ctx->c->site.lang), value);
		return true;
	}
	case FIGURES_NOT_A_NUMBER:
		buf_printf(&msg, "%s.", path);
		char *prefix = buf_detach(&msg);
		list_keys(&msg, node, prefix);
		free(prefix);
		diag_error(ctx->d, at, "{{%s %s}} names a group of figures, "
		    "not a number (expected one of: %s)", word, path,
		    buf_str(&msg));
		break;
	case FIGURES_NO_SUCH_PATH:
		if (!json_is_object(node)) {
			diag_error(ctx->d, at, "unknown figure '%s' in {{%s}}: "
			    "'%.*s' is already a number", path, word,
			    (int)ok_len, path);
			break;
		}
		if (ok_len > 0)
			buf_printf(&msg, "%.*s.", (int)ok_len, path);
		char *pre = buf_detach(&msg);
		list_keys(&msg, node, pre);
		free(pre);
		diag_error(ctx->d, at, "unknown figure '%s' in {{%s}} "
		    "(expected one of: %s%s)", path, word, buf_str(&msg),
		    strncmp(path, "previous", 8) == 0 && ok_len == 0 ?
		    "; 'previous' exists only when the content has the year "
		    "before" : strncmp(path, "years.", 6) == 0 && ok_len == 5 ?
		    "; 'years' holds the years of the content up to this text's "
		    "own" : "");
		break;
	}
	buf_free(&msg);
	return false;
}

/* Whether only blanks stand between a and b. */
static bool
blank(const char *a, const char *b)
{
	for (; a < b; a++)
		if (*a != ' ' && *a != '\t' && *a != '\r')
			return false;
	return true;
}

/* A placeholder {{word args}} of a text: where it stands, its word, and
 * its arguments without the spaces around them. */
struct placeholder {
	const char *open, *close;	/* its "{{" and its "}}" */
	const char *eol;		/* the end of its line */
	const char *word;
	size_t	 wlen;
	bool	 word_alone;		/* a space or "}}" ends the word */
	const char *arg, *argend;
	struct pos at;
};

static void
placeholder_parse(struct placeholder *ph, const char *open,
    const char *close, const char *eol, struct pos at)
{
	const char *p = open + 2, *q;

	while (p < close && *p == ' ')
		p++;
	for (q = p; q < close && (islower((unsigned char)*q) || *q == '_');
	    q++)
		;
	ph->open = open;
	ph->close = close;
	ph->eol = eol;
	ph->word = p;
	ph->wlen = (size_t)(q - p);
	ph->word_alone = q == close || *q == ' ';
	ph->arg = q;
	while (ph->arg < close && *ph->arg == ' ')
		ph->arg++;
	ph->argend = close;
	while (ph->argend > ph->arg && ph->argend[-1] == ' ')
		ph->argend--;
	ph->at = at;
}

/* {{stat PATH}}: the figure onto out. False (reported) when it names no
 * figure; the caller keeps it as written then, so that later columns on
 * the line stay right. */
static bool
stat_placeholder(const struct md_context *ctx, const struct placeholder *ph,
    struct buf *out)
{
	if (ph->arg == ph->argend || memchr(ph->arg, ' ',
	    (size_t)(ph->argend - ph->arg)) != NULL) {
		diag_error(ctx->d, ph->at, "{{stat}} needs one path "
		    "(expected e.g. {{stat activities.total}})");
		return false;
	}
	char *path = xstrndup(ph->arg, (size_t)(ph->argend - ph->arg));
	bool found = expand_stat(ctx, path, ph->at, out, "stat");
	free(path);
	return found;
}

/* The lists of a text so far: how many (for their bullets), and the group
 * of lists on consecutive lines the last one belongs to. */
struct list_state {
	int	 n;
	const char *eol;	/* the end of the last list directive's line */
	size_t	 found;		/* what its group found so far */
};

/* Whether the line after eol (end is the text's end) holds, after blanks,
 * a list directive. */
static bool
list_next(const char *eol, const char *end)
{
	const char *p = eol, *q;

	if (p >= end)
		return false;
	for (p++; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (end - p < 2 || p[0] != '{' || p[1] != '{')
		return false;
	for (p += 2; p < end && *p == ' '; p++)
		;
	for (q = p; q < end && (islower((unsigned char)*q) || *q == '_'); q++)
		;
	return directive_is_list(p, (size_t)(q - p)) && q < end &&
	    (*q == ' ' || *q == '}');
}

/* {{activities ...}} and the other lists, alone on their line: the list
 * onto out (only checked when out is NULL), its bullet the next of
 * -*+ so that lists side by side stay apart. Lists on consecutive lines
 * are one list: one bullet, no blank line between them (*joined: the
 * caller skips the end of the line), one "(none)" when none of them
 * found anything. False (reported) when it is not alone or does not
 * parse. */
static bool
list_placeholder(const struct md_context *ctx, const struct markdown *md,
    const struct placeholder *ph, struct buf *out, struct list_state *st,
    bool *joined)
{
	char word[16];
	const char *bol = ph->open, *end = md->text + md->len;

	*joined = false;
	snprintf(word, sizeof(word), "%.*s", (int)ph->wlen, ph->word);
	while (bol > md->text && bol[-1] != '\n')
		bol--;
	if (!blank(bol, ph->open) || !blank(ph->close + 2, ph->eol)) {
		diag_error(ctx->d, ph->at, "{{%s}} must stand alone on its "
		    "line (it becomes a list)", word);
		return false;
	}
	bool cont = st->eol != NULL && bol == st->eol + 1;
	bool next = list_next(ph->eol, end);
	if (!cont) {
		st->n++;
		st->found = 0;
	}
	st->eol = ph->eol;
	char bullet = "-*+"[(st->n - 1) % 3];
	bool ok = directive_list(ctx, word, ph->arg,
	    (size_t)(ph->argend - ph->arg), ph->at, out, bullet,
	    cont || next ? &st->found : NULL);
	if (ok && out != NULL && (cont || next)) {
		if (!next && st->found == 0)
			directive_none(ctx, out, bullet);
		*joined = next;
	}
	return ok;
}

void
md_tables_free(struct md_tables *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->path[i]);
		free(t->caption[i]);
	}
	free(t->path);
	free(t->caption);
	free(t->trend);
	memset(t, 0, sizeof(*t));
}

/* The mark a {{table}} leaves in the expanded text, an HTML comment (a
 * block of its own to cmark), which md_render replaces by the table. */
#define TABLE_MARK "<!-- coopgen:table "

/* The mark a directive that becomes a block (a list, a table) leaves on
 * its line when expanded for the checks, with the directive's offset in
 * the text: where the parse puts it says whether the block would land
 * where it can be (not in code, not in raw HTML, which is left out). */
#define BLOCK_MARK "<!-- coopgen:block "

/* The tables {{table}} can show, for an "expected one of" list. */
static void
table_paths(struct buf *b)
{
	for (size_t i = 0; stats_table_paths[i] != NULL; i++)
		buf_printf(b, "%s%s", i ? ", " : "", stats_table_paths[i]);
}

/* Whether path names a table of the year's figures (reported when not). */
static bool
table_path_ok(const struct md_context *ctx, const char *path, struct pos at)
{
	long long v;
	size_t n;
	const json_t *node;
	struct buf b = BUF_INIT;
	enum figures_lookup r = figures_lookup(ctx->figures, path, &v, &n,
	    &node);
	bool known = false;

	for (size_t i = 0; stats_table_paths[i] != NULL && !known; i++)
		known = strcmp(stats_table_paths[i], path) == 0;
	if (r == FIGURES_NOT_A_NUMBER && known)
		return true;
	table_paths(&b);
	if (r == FIGURES_FOUND)
		diag_error(ctx->d, at, "{{table %s}} names one figure, not a "
		    "group of them (expected one of: %s; {{stat %s}} writes "
		    "one figure)", path, buf_str(&b), path);
	else if (r == FIGURES_NO_SUCH_PATH) {
		size_t np = 0;
		while (stats_table_paths[np] != NULL)
			np++;
		const char *near = closest_name(path, stats_table_paths, np);
		diag_error(ctx->d, at, "unknown figures '%s' in {{table}} "
		    "(%s%s%sexpected one of: %s)", path, near ? "did you mean '" :
		    "", near ? near : "", near ? "'? " : "", buf_str(&b));
	}
	else
		diag_error(ctx->d, at, "no table of the figures '%s' in "
		    "{{table}} (expected one of: %s)", path, buf_str(&b));
	buf_free(&b);
	return false;
}

/* Whether path names one figure of a year, for {{trend}} (reported when
 * not): a path of figures.json, not of the year before's or the years'. */
static bool
trend_path_ok(const struct md_context *ctx, const char *path, struct pos at)
{
	if (strcmp(path, "year") == 0 || strncmp(path, "previous.", 9) == 0 ||
	    strcmp(path, "previous") == 0 || strncmp(path, "years.", 6) == 0 ||
	    strcmp(path, "years") == 0) {
		diag_error(ctx->d, at, "{{trend %s}} takes the path of one "
		    "figure of a year, which it shows for every year (expected "
		    "e.g. {{trend activities.total}})", path);
		return false;
	}
	return expand_stat(ctx, path, at, NULL, "trend");
}

/* {{table PATH caption="..."}} or {{trend PATH caption="..."}}, alone on
 * its line: checked; with tables, recorded, and its mark onto out. False
 * (reported) when it does not stand alone, does not parse or names no
 * table (no figure, for a trend). */
static bool
table_placeholder(const struct md_context *ctx, const struct markdown *md,
    const struct placeholder *ph, struct buf *out, struct md_tables *tables,
    bool trend)
{
	const char *word = trend ? "trend" : "table";
	static const char key[] = "caption=\"";
	const size_t kl = sizeof(key) - 1;
	const char *bol = ph->open, *p = ph->arg, *end = ph->argend, *pe;

	while (bol > md->text && bol[-1] != '\n')
		bol--;
	/* "{{stat" in a caption: its "}}" ended this placeholder early. */
	if (memmem(p, (size_t)(end - p), "{{", 2) != NULL) {
		diag_error(ctx->d, ph->at, "a caption of {{%s}} holds a "
		    "placeholder, which it cannot (expected plain words: "
		    "caption=\"...\")", word);
		return false;
	}
	if (!blank(bol, ph->open) || !blank(ph->close + 2, ph->eol)) {
		diag_error(ctx->d, ph->at, "{{%s}} must stand alone on its "
		    "line (it becomes a table)", word);
		return false;
	}
	for (pe = p; pe < end && *pe != ' '; pe++)
		;
	if (pe == p) {
		diag_error(ctx->d, ph->at, trend ? "{{trend}} needs the path of "
		    "one figure (expected e.g. {{trend activities.total}})" :
		    "{{table}} needs the path of a group of figures (expected "
		    "e.g. {{table activities.by_kind}})");
		return false;
	}
	char *path = xstrndup(p, (size_t)(pe - p)), *caption = NULL;
	bool ok = true;
	for (p = pe; p < end && *p == ' '; p++)
		;
	if (p < end) {
		if ((size_t)(end - p) < kl + 1 || memcmp(p, key, kl) != 0 ||
		    end[-1] != '"') {
			diag_error(ctx->d, ph->at, "'%.*s' in {{%s}} is not a "
			    "caption (expected {{%s PATH caption=\"...\"}})",
			    (int)(end - p), p, word, word);
			ok = false;
		} else if (end - 1 == p + kl) {
			diag_error(ctx->d, ph->at, "the caption of {{%s}} is "
			    "empty (expected words between the quotes, or no "
			    "caption= for the table's own)", word);
			ok = false;
		} else if (memchr(p + kl, '"', (size_t)(end - 1 - (p + kl)))) {
			/* One caption, in one pair of straight quotes. */
			diag_error(ctx->d, ph->at, "'%.*s' in {{%s}} is not one "
			    "caption: a caption holds no '\"' (expected "
			    "caption=\"...\" once, with “curly” quotes inside "
			    "if any)", (int)(end - p), p, word);
			ok = false;
		} else
			caption = xstrndup(p + kl, (size_t)(end - 1 - (p + kl)));
	}
	if (ok)
		ok = trend ? trend_path_ok(ctx, path, ph->at) :
		    table_path_ok(ctx, path, ph->at);
	if (ok && out != NULL && tables != NULL) {
		tables->path = xgrow(tables->path, &tables->cap, tables->n,
		    sizeof(*tables->path));
		tables->caption = xgrow(tables->caption, &tables->cap_c,
		    tables->n, sizeof(*tables->caption));
		tables->trend = xgrow(tables->trend, &tables->cap_t,
		    tables->n, sizeof(*tables->trend));
		tables->path[tables->n] = path;
		tables->caption[tables->n] = caption;
		tables->trend[tables->n] = trend;
		buf_printf(out, TABLE_MARK "%zu -->", tables->n++);
		return true;
	}
	free(path);
	free(caption);
	return ok;
}

/* What a placeholder's word names: each directive once, here. */
enum word {
	WORD_OTHER,
	WORD_STAT,	/* {{stat PATH}}: a number, inline */
	WORD_TABLE,	/* {{table PATH}}: a block */
	WORD_TREND,	/* {{trend PATH}}: a block */
	WORD_LIST,	/* {{activities ...}} and the others: a block */
};

static enum word
word_of_placeholder(const struct placeholder *ph)
{
	static const struct {
		const char *word;
		enum word is;
	} words[] = {
		{ "stat", WORD_STAT }, { "table", WORD_TABLE },
		{ "trend", WORD_TREND },
	};

	if (!ph->word_alone)
		return WORD_OTHER;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (ph->wlen == strlen(words[i].word) &&
		    memcmp(ph->word, words[i].word, ph->wlen) == 0)
			return words[i].is;
	return directive_is_list(ph->word, ph->wlen) ? WORD_LIST : WORD_OTHER;
}

/*
 * Expand md into out. With lists, a list directive becomes its list, and
 * a table its mark (with tables; else nothing); for the checks both
 * become nothing, so that every line of out stays the line of md it came
 * from and later problems are reported where they are.
 */
static bool
expand(const struct md_context *ctx, const struct markdown *md,
    struct buf *out, bool lists, struct md_tables *tables)
{
	bool ok = true;
	struct list_state lists_so_far = { 0, NULL, 0 };

	buf_reset(out);
	if (md->text == NULL)
		return true;
	/* Only now: arithmetic on a NULL pointer is undefined, even + 0. */
	const char *s = md->text, *end = md->text + md->len;
	while (s < end) {
		const char *open = memmem(s, (size_t)(end - s), "{{", 2);
		if (open == NULL) {
			buf_append(out, s, (size_t)(end - s));
			break;
		}
		/* \{{ keeps the braces; the backslash stays for Markdown,
		 * which prints '{'. */
		if (open > md->text && open[-1] == '\\') {
			buf_append(out, s, (size_t)(open + 2 - s));
			s = open + 2;
			continue;
		}
		buf_append(out, s, (size_t)(open - s));
		struct pos at = md_pos(md, (size_t)(open - md->text));
		const char *eol = memchr(open, '\n', (size_t)(end - open));
		if (eol == NULL)
			eol = end;
		const char *close = memmem(open, (size_t)(eol - open), "}}", 2);
		if (close == NULL) {
			diag_error(ctx->d, at, "unclosed '{{' (expected '}}' "
			    "on the same line; write \\{{ for literal braces)");
			ok = false;
			buf_append(out, open, 2);
			s = open + 2;
			continue;
		}
		struct placeholder ph;
		bool done, joined = false;
		placeholder_parse(&ph, open, close, eol, at);
		enum word word = word_of_placeholder(&ph);
		if (word == WORD_STAT)
			done = stat_placeholder(ctx, &ph, out);
		else if (word == WORD_LIST)
			done = list_placeholder(ctx, md, &ph,
			    lists ? out : NULL, &lists_so_far, &joined);
		else if (word == WORD_TABLE || word == WORD_TREND)
			done = table_placeholder(ctx, md, &ph,
			    lists ? out : NULL, tables, word == WORD_TREND);
		else {
			diag_error(ctx->d, at, "unknown directive '{{%.*s}}' "
			    "(expected {{stat PATH}}, {{table PATH}}, "
			    "{{trend PATH}}, "
			    "{{activities ...}}, {{agreements ...}} or "
			    "{{projects ...}}; write \\{{ for literal braces)",
			    (int)(close - open - 2), open + 2);
			done = false;
		}
		/* For the checks, a block's place is marked on its line. */
		if (done && !lists && word != WORD_STAT)
			buf_printf(out, BLOCK_MARK "%zu -->",
			    (size_t)(open - md->text));
		/* One not expanded stays as written. */
		if (!done) {
			ok = false;
			buf_append(out, open, (size_t)(close + 2 - open));
		}
		s = close + 2;
		/* A list joined to the next one: its line's end goes. */
		if (joined)
			s = eol < end ? eol + 1 : eol;
	}
	return ok;
}

bool
md_expand(const struct md_context *ctx, const struct markdown *md,
    struct buf *out)
{
	return expand(ctx, md, out, true, NULL);
}

bool
md_expand_tables(const struct md_context *ctx, const struct markdown *md,
    struct buf *out, struct md_tables *tables)
{
	return expand(ctx, md, out, true, tables);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The path part of a relative URL, percent-decoded. */
static char *
url_path(const char *url)
{
	size_t n = strcspn(url, "?#");
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		int hi, lo;
		if (url[i] == '%' && i + 2 < n && (hi = hexval(url[i + 1])) >= 0 &&
		    (lo = hexval(url[i + 2])) >= 0) {
			*o++ = (char)(hi * 16 + lo);
			i += 2;
		} else
			*o++ = url[i];
	}
	*o = '\0';
	return out;
}

/* How a name is encoded, for a message. */
static const char *
encoding_of(const char *name)
{
	return names_is_nfc(name) ? "NFC" : "NFD";
}

/*
 * When rel (a path under the content folder, "2023/activities/x.md")
 * names nothing, but a file does whose name differs from it only in
 * Unicode normalisation, report that: the two look the same, and a web
 * server, which compares bytes, would answer the link with "not found".
 * A Mac writes names decomposed (NFD), most keyboards type them composed
 * (NFC). True when reported.
 */
static bool
other_encoding(const struct md_context *ctx, const char *rel,
    const char *path, struct pos p, const char *what)
{
	struct buf found = BUF_INIT;
	bool differs = false, ok = true;
	const char *file_part = NULL, *link_part = NULL;
	char *nfc_want = NULL;

	buf_append(&found, rel, strcspn(rel, "/"));
	for (const char *s = rel + found.len; ok && *s == '/'; ) {
		s++;
		size_t n = strcspn(s, "/");
		char *part = xstrndup(s, n);
		size_t at = found.len;
		const char *why;
		s += n;
		buf_printf(&found, "/%s", part);
		if (fsx_kind(ctx->fs, buf_str(&found), &why) != FSX_NONE) {
			free(part);
			continue;
		}
		/* Look for the part among the folder's names, normalised. */
		char *folder = xstrndup(buf_str(&found), at), **names;
		size_t count = fsx_list(ctx->fs, folder, &names, ctx->d);
		free(nfc_want);
		nfc_want = names_nfc(part);
		ok = false;
		for (size_t i = 0; nfc_want != NULL && i < count; i++) {
			char *nfc = names_nfc(names[i]);
			if (nfc != NULL && strcmp(nfc, nfc_want) == 0) {
				found.len = at;
				found.data[at] = '\0';
				buf_printf(&found, "/%s", names[i]);
				if (!differs) {
					file_part = encoding_of(names[i]);
					link_part = encoding_of(part);
				}
				differs = ok = true;
				free(nfc);
				break;
			}
			free(nfc);
		}
		fsx_list_free(names, count);
		free(folder);
		free(part);
	}
	const char *why;
	bool report = ok && differs && fsx_kind(ctx->fs, buf_str(&found),
	    &why) == FSX_FILE;
	if (report)
		diag_error(ctx->d, p, "%s to '%s', which does not exist as "
		    "written: a file's name looks the same but is encoded "
		    "otherwise (the name in %s, the link in %s; a Mac writes "
		    "names in NFD, keyboards type NFC) (expected both alike: "
		    "rename the file or retype the link, in NFC)", what, path,
		    file_part, link_part);
	free(nfc_want);
	buf_free(&found);
	return report;
}

bool
md_check_path(const struct md_context *ctx, const char *path, struct pos p,
    const char *what)
{
	const char *why;

	if (path[0] == '\0' || strlen(path) != strcspn(path, "\\")) {
		diag_error(ctx->d, p, "%s to '%s' is not a usable path (expected "
		    "a path such as media/photo.jpg, with '/')", what, path);
		return false;
	}
	bool hidden = false;
	for (const char *s = path; *s; ) {
		size_t n = strcspn(s, "/");
		if ((n == 2 && strncmp(s, "..", 2) == 0) || n == 0) {
			diag_error(ctx->d, p, "%s to '%s' leaves the year folder "
			    "or has an empty part (expected a path inside %s/, "
			    "such as media/photo.jpg)", what, path, ctx->y->dir);
			return false;
		}
		hidden = hidden || *s == '.';
		s += n;
		if (*s == '/')
			s++;
	}
	/* coopgen reads and copies no hidden file (an editor's, a version
	 * control system's): a link to one would lead nowhere. */
	if (hidden) {
		diag_error(ctx->d, p, "%s to '%s', a hidden file, which is not "
		    "published (expected a name that does not start with '.')",
		    what, path);
		return false;
	}
	bool published = strncmp(path, "media/", 6) == 0 ||
	    strcmp(path, "article.md") == 0 ||
	    ((strncmp(path, "activities/", 11) == 0 ||
	    strncmp(path, "sections/", 9) == 0) &&
	    strlen(path) > 3 && strcmp(path + strlen(path) - 3, ".md") == 0);
	if (!published) {
		diag_error(ctx->d, p, "%s to '%s', which is not published "
		    "(expected a file under media/, or a page's .md file)",
		    what, path);
		return false;
	}
	char *rel = xmalloc(strlen(ctx->y->dir) + strlen(path) + 2);
	sprintf(rel, "%s/%s", ctx->y->dir, path);
	enum fsx_kind k = fsx_kind(ctx->fs, rel, &why);
	bool encoded = k == FSX_NONE && other_encoding(ctx, rel, path, p, what);
	free(rel);
	if (k == FSX_FILE)
		return true;
	if (encoded)
		return false;
	if (k == FSX_NONE)
		diag_error(ctx->d, p, "%s to '%s', which does not exist "
		    "(expected a file at %s/%s)", what, path, ctx->y->dir,
		    path);
	else
		diag_error(ctx->d, p, "%s to '%s', which is refused: %s", what,
		    path, k == FSX_DIR ? "a folder, not a file" : why);
	return false;
}

/* Whether url starts with a scheme ("https:"); its length in *n. */
static bool
has_scheme(const char *url, size_t *n)
{
	size_t i = 0;

	if (!isalpha((unsigned char)url[0]))
		return false;
	while (isalnum((unsigned char)url[i]) || url[i] == '+' ||
	    url[i] == '-' || url[i] == '.')
		i++;
	*n = i;
	return url[i] == ':';
}

/* Whether url is fine as it is, with nothing to look up: none, a place
 * on the page, or an address of an allowed scheme. *scheme says whether
 * it has a scheme, its length in *n. */
static bool
url_plainly_fine(const char *url, bool *scheme, size_t *n)
{
	static const char *const schemes[] = { "http", "https", "mailto",
	    "tel" };

	*scheme = false;
	if (url[0] == '\0' || url[0] == '#')
		return true;
	if ((*scheme = has_scheme(url, n)))
		for (size_t i = 0; i < sizeof(schemes) / sizeof(*schemes); i++)
			if (strlen(schemes[i]) == *n &&
			    strncasecmp(url, schemes[i], *n) == 0)
				return true;
	return false;
}

static bool
check_url(const struct md_context *ctx, const char *url, struct pos p,
    const char *what)
{
	size_t n;
	bool scheme;

	if (url_plainly_fine(url, &scheme, &n))
		return true;
	if (scheme) {
		diag_error(ctx->d, p, "%s to a '%.*s:' address is not allowed "
		    "(expected http, https, mailto or tel, or a file of the "
		    "year such as media/photo.jpg)", what, (int)n, url);
		return false;
	}
	if (url[0] == '/') {
		diag_error(ctx->d, p, "%s to '%s' is absolute (expected a path "
		    "relative to the year folder, such as media/photo.jpg, or "
		    "a full https:// address)", what, url);
		return false;
	}
	char *path = url_path(url);
	bool ok = md_check_path(ctx, path, p, what);
	free(path);
	return ok;
}

/* The position of a cmark node, in characters, in the file. */
static struct pos
node_pos(const struct markdown *md, const char *text, size_t len,
    cmark_node *node)
{
	int line = cmark_node_get_start_line(node);
	int col = cmark_node_get_start_column(node);

	if (line <= 0) {
		struct pos p = md->pos;
		return p;
	}
	size_t start = utf8_line_start(text, len, line);
	size_t off = start + (size_t)(col > 0 ? col - 1 : 0);
	if (off > len)
		off = len;
	int chars = (int)utf8_chars(text + start, off - start);
	struct pos p = md->pos;
	p.line = md->pos.line + line - 1;
	p.col = line == 1 ? md->pos.col + chars : md->indent + chars + 1;
	return p;
}

/* The limits of a text, checked before cmark sees it. */
static bool
check_limits(const struct md_context *ctx, const struct markdown *md)
{
	if (md->len > MD_TEXT_MAX) {
		diag_error(ctx->d, md->pos, "Markdown text too long: %zu bytes "
		    "(at most %d KiB in one text; split it)", md->len,
		    MD_TEXT_MAX / 1024);
		return false;
	}
	size_t brackets = 0;
	const char *end = md->text + md->len;
	for (const char *s = md->text; (s = memchr(s, '[', (size_t)(end - s)));
	    s++)
		brackets++;
	if (brackets > MD_BRACKETS_MAX) {
		diag_error(ctx->d, md->pos, "too many '[' in one Markdown text: "
		    "%zu (at most %d links, images and brackets; cmark would "
		    "take too long)", brackets, MD_BRACKETS_MAX);
		return false;
	}
	return true;
}

/* Check a link or image node of text (md expanded, its lines md's, len
 * bytes). Where a node is in the file is worked out only for a problem:
 * it takes a scan from the start of the text. */
static bool
check_node(const struct md_context *ctx, const struct markdown *md,
    const char *text, size_t len, cmark_node *node)
{
	cmark_node_type t = cmark_node_get_type(node);
	const char *url = cmark_node_get_url(node);
	bool ok = true, scheme;
	size_t n;

	if (url == NULL)
		url = "";
	if (t == CMARK_NODE_IMAGE) {
		struct buf alt = BUF_INIT;
		md_node_text(node, &alt);
		if (strspn(buf_str(&alt), " ") == alt.len) {
			diag_error(ctx->d, node_pos(md, text, len, node),
			    "image without a description (expected ![what it "
			    "shows](%s), for readers who cannot see it)", url);
			ok = false;
		}
		buf_free(&alt);
	}
	if (!url_plainly_fine(url, &scheme, &n) && !check_url(ctx, url,
	    node_pos(md, text, len, node), t == CMARK_NODE_LINK ? "link" :
	    "image"))
		ok = false;
	return ok;
}

/* Whether line (of text, len bytes) starts, after blanks, with '|' and
 * has another '|' after it; with delim, whether it is a delimiter row of
 * a pipe table ("|---|:--:|"). */
static bool
pipe_line(const char *text, size_t len, int line, bool delim)
{
	size_t at = utf8_line_start(text, len, line);
	const char *s = text + at, *end = text + len, *eol = memchr(s, '\n',
	    (size_t)(end - s));

	if (eol == NULL)
		eol = end;
	while (s < eol && (*s == ' ' || *s == '\t'))
		s++;
	if (s == eol || *s != '|' || memchr(s + 1, '|',
	    (size_t)(eol - s - 1)) == NULL)
		return false;
	if (!delim)
		return true;
	bool dash = false;
	for (; s < eol; s++) {
		if (*s == '-')
			dash = true;
		else if (*s != '|' && *s != ':' && *s != ' ' && *s != '\t' &&
		    *s != '\r')
			return false;
	}
	return dash;
}

/* A paragraph of text that looks like a pipe table (its first line
 * "| a | b |", its second "|---|---|"): cmark has none, and would publish
 * the bars as they are. A warning, at the paragraph; true when given. */
static bool
check_paragraph(const struct md_context *ctx, const struct markdown *md,
    const char *text, size_t len, cmark_node *node)
{
	int first = cmark_node_get_start_line(node);

	if (first <= 0 || cmark_node_get_end_line(node) <= first ||
	    !pipe_line(text, len, first, false) ||
	    !pipe_line(text, len, first + 1, true))
		return false;
	diag_warning(ctx->d, node_pos(md, text, len, node), "this paragraph "
	    "looks like a pipe table, which Markdown here does not have: it "
	    "would be published with its bars (expected {{table PATH}} for a "
	    "table of figures, or a list)");
	return true;
}

/* A list or table directive whose block the parse put in code or in raw
 * HTML (node, whose text is literal): there it would be shown as code,
 * or left out. Reported at the directive, found by the marks it left. */
static bool
check_block_marks(const struct md_context *ctx, const struct markdown *md,
    cmark_node *node, bool code)
{
	const char *lit = cmark_node_get_literal(node), *m;
	bool ok = true;

	if (lit == NULL)
		return true;
	for (const char *s = lit; (m = strstr(s, BLOCK_MARK)) != NULL;
	    s = m + strlen(BLOCK_MARK)) {
		/* A mark alone is the block's own HTML block: it lands. */
		if (!code && m == lit && strchr(m, '\n') == lit + strlen(lit) - 1)
			continue;
		char *end;
		unsigned long off = strtoul(m + strlen(BLOCK_MARK), &end, 10);
		if (off + 2 > md->len || memcmp(md->text + off, "{{", 2) != 0)
			continue;	/* not a mark of this text's */
		const char *word = md->text + off + 2;
		int w = (int)strcspn(word, " }\n");
		bool list = directive_is_list(word, (size_t)w);
		diag_error(ctx->d, md_pos(md, off), "{{%.*s}} %s, where it would "
		    "not become a %s (expected it on a line of its own, outside "
		    "%s; write \\{{ for braces shown as they are)", w, word,
		    code ? "in a code block" : "inside raw HTML",
		    list ? "list" : "table", code ? "the code" : "the HTML");
		ok = false;
	}
	return ok;
}

/* The checks of a parsed text (text: md expanded with its lines kept,
 * len bytes): its links and images, paragraphs like pipe tables, blocks
 * of directives in code or raw HTML. *warned is set when a warning was
 * given. */
static bool
check_tree(const struct md_context *ctx, const struct markdown *md,
    const char *text, size_t len, cmark_node *root, bool *warned)
{
	bool ok = true;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		if (ev == CMARK_EVENT_ENTER &&
		    (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
		    !check_node(ctx, md, text, len, node))
			ok = false;
		if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_PARAGRAPH &&
		    check_paragraph(ctx, md, text, len, node))
			*warned = true;
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_CODE_BLOCK ||
		    t == CMARK_NODE_HTML_BLOCK) && !check_block_marks(ctx, md,
		    node, t == CMARK_NODE_CODE_BLOCK))
			ok = false;
	}
	cmark_iter_free(it);
	return ok;
}

/* md_check, telling too whether a warning was given. */
static bool
check_text(const struct md_context *ctx, const struct markdown *md,
    bool *warned)
{
	struct buf text = BUF_INIT;
	bool ok;

	if (md->text == NULL)
		return true;
	if (!check_limits(ctx, md))
		return false;
	ok = expand(ctx, md, &text, false, NULL);
	cmark_node *doc = cmark_parse_document(buf_str(&text), text.len,
	    CMARK_OPT_VALIDATE_UTF8);
	ok = check_tree(ctx, md, buf_str(&text), text.len, doc, warned) && ok;
	cmark_node_free(doc);
	buf_free(&text);
	return ok;
}

bool
md_check(const struct md_context *ctx, const struct markdown *md)
{
	bool warned = false;

	return check_text(ctx, md, &warned);
}

const char *
md_page_of(const struct md_context *ctx, const char *path, struct buf *out)
{
	const struct year *y = ctx->y;
	size_t dir = strlen(y->dir) + 1;

	buf_reset(out);
	if (strcmp(path, "article.md") == 0) {
		buf_puts(out, PATH_ARTICLE);
		return buf_str(out);
	}
	for (size_t i = 0; i < y->n_activities; i++) {
		const char *f = y->activities[i].pos.file;
		if (strncmp(path, "activities/", 11) == 0 &&
		    strlen(f) > dir && strcmp(f + dir, path) == 0) {
			buf_printf(out, PATH_ACTIVITY_FMT,
			    y->activities[i].slug);
			return buf_str(out);
		}
	}
	for (size_t i = 0; i < y->n_sections; i++) {
		const char *f = y->sections[i].pos.file;
		if (strlen(f) > dir && strcmp(f + dir, path) == 0) {
			buf_printf(out, PATH_REPORT "#%s", y->sections[i].slug);
			return buf_str(out);
		}
	}
	return NULL;
}

void
md_node_text(cmark_node *node, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_puts(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Rewrite one URL written relative to the year folder for the page; false
 * when it is not such a URL (it names nothing of the year). */
static bool
rewrite_url(const struct md_context *ctx, const struct md_page *page,
    cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	size_t n;
	struct buf path = BUF_INIT, target = BUF_INIT, to = BUF_INIT;

	if (url == NULL || url[0] == '\0' || url[0] == '#' ||
	    has_scheme(url, &n) || url[0] == '/')
		return false;
	char *decoded = url_path(url);
	const char *rest = url + strcspn(url, "?#");
	if (page->base != NULL)
		buf_puts(&to, page->base);
	else
		for (int i = 0; i < page->up; i++)
			buf_puts(&to, "../");
	const char *p = md_page_of(ctx, decoded, &target);
	if (p != NULL) {
		/* A page's own fragment wins over the link's. */
		buf_puts(&to, p);
		if (strchr(p, '#') == NULL && rest[0] == '#')
			buf_puts(&to, rest);
	} else {
		buf_puts(&to, url);
	}
	cmark_node_set_url(node, buf_str(&to));
	free(decoded);
	buf_free(&path);
	buf_free(&target);
	buf_free(&to);
	return true;
}

void
md_ids_init(struct md_ids *ids)
{
	memset(ids, 0, sizeof(*ids));
	/* The ids coopgen's pages have of their own. */
#define TAKE(id) strmap_put(&ids->taken, id, 0, NULL);
	RESERVED_REPORT_IDS(TAKE) RESERVED_PAGE_IDS(TAKE)
#undef TAKE
}

void
md_ids_take(struct md_ids *ids, const char *id)
{
	strmap_put(&ids->taken, arena_strdup(&ids->names, id), 0, NULL);
}

void
md_ids_free(struct md_ids *ids)
{
	strmap_free(&ids->taken);
	arena_free(&ids->names);
}

/* Replace a heading by its level-shifted twin with an id, as a custom
 * block: cmark's own headings take no attributes. */
static void
heading_with_id(cmark_node *h, struct md_page *page, int min_level,
    struct strmap *taken, struct arena *ids)
{
	struct buf text = BUF_INIT, tag = BUF_INIT;
	char slug[SLUG_MAX + 1];
	int level = page->heading_base + cmark_node_get_heading_level(h) -
	    min_level;

	if (level > 6)
		level = 6;
	md_node_text(h, &text);
	if (slug_make(text.data ? text.data : "", text.len, slug) == 0)
		strcpy(slug, "h");
	char *id = arena_printf(ids, "%s%s", page->id_prefix, slug);
	for (int k = 2; !strmap_put(taken, id, 0, NULL); k++)
		id = arena_printf(ids, "%s%s-%d", page->id_prefix, slug, k);

	cmark_node *block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	buf_printf(&tag, "<h%d id=\"%s\">", level, id);
	cmark_node_set_on_enter(block, buf_str(&tag));
	buf_reset(&tag);
	buf_printf(&tag, "</h%d>", level);
	cmark_node_set_on_exit(block, buf_str(&tag));
	cmark_node *child;
	while ((child = cmark_node_first_child(h)) != NULL)
		cmark_node_append_child(block, child);
	cmark_node_replace(h, block);
	cmark_node_free(h);

	page->headings = xgrow(page->headings, &page->cap_headings,
	    page->n_headings, sizeof(*page->headings));
	page->headings[page->n_headings++] = (struct md_heading){ level,
	    xstrdup(id), buf_detach(&text) };
	buf_free(&tag);
}

/* An image alone in its paragraph, with a title, becomes a figure with
 * the title as its caption; the caption stays text, escaped by cmark. */
static void
figure_of(cmark_node *para)
{
	cmark_node *img = cmark_node_first_child(para);
	const char *title = cmark_node_get_title(img);

	if (img == NULL || cmark_node_next(img) != NULL ||
	    cmark_node_get_type(img) != CMARK_NODE_IMAGE || title == NULL ||
	    title[0] == '\0')
		return;
	cmark_node *fig = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	cmark_node_set_on_enter(fig, "<figure>");
	cmark_node_set_on_exit(fig, "</figure>");
	cmark_node *cap = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
	cmark_node_set_on_enter(cap, "<figcaption>");
	cmark_node_set_on_exit(cap, "</figcaption>");
	cmark_node *text = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(text, title);
	cmark_node_append_child(cap, text);
	cmark_node_set_title(img, "");
	cmark_node_unlink(img);
	cmark_node_append_child(fig, img);
	cmark_node_append_child(fig, cap);
	cmark_node_replace(para, fig);
	cmark_node_free(para);
}

bool
md_table_of_mark(const struct md_context *ctx, const struct md_tables *tables,
    cmark_node *mark, const char *id_prefix, const char *links,
    struct md_ids *ids, struct buf *out)
{
	const char *lit = cmark_node_get_literal(mark);
	char *end;

	if (tables->n == 0 || lit == NULL ||
	    strncmp(lit, TABLE_MARK, strlen(TABLE_MARK)) != 0)
		return false;
	lit += strlen(TABLE_MARK);
	unsigned long k = strtoul(lit, &end, 10);
	if (end == lit || strncmp(end, " -->", 4) != 0 || k >= tables->n)
		return false;
	if (ctx->table == NULL || ctx->f == NULL || ctx->l == NULL)
		return true;
	struct stats st = { .a = ARENA_INIT };
	struct stats_input in = { .c = ctx->c, .y = ctx->y, .f = ctx->f,
	    .l = ctx->l, .loc = ctx->loc ? ctx->loc :
	    locale_builtin(ctx->c->site.lang) };
	struct stats_table *t = tables->trend[k] ? stats_trend(&st, &in,
	    json_object_get(ctx->figures, "years"), tables->path[k],
	    tables->caption[k]) : stats_table_of(&st, &in, tables->path[k]);
	if (t != NULL) {
		const char *prefix = id_prefix ? id_prefix : "";
		char *id = arena_printf(&ids->names, "%stable-%s", prefix, t->id);
		for (int n = 2; !strmap_put(&ids->taken, id, 0, NULL); n++)
			id = arena_printf(&ids->names, "%stable-%s-%d", prefix,
			    t->id, n);
		t->id = id;
		if (tables->caption[k] != NULL)
			t->caption = tables->caption[k];
		t->chart_n = 0;	/* the statistics page has the charts */
		for (size_t r = 0; r < t->nrows; r++)
			if (t->rows[r].href != NULL)
				t->rows[r].href = links == NULL ? NULL :
				    arena_printf(&st.a, "%s%s", links,
				    t->rows[r].href);
		ctx->table(ctx->table_arg, t, out);
	}
	stats_free(&st);
	return true;
}

/* Replace the mark of a {{table}} by its table, laid out by ctx->table,
 * with an id the page does not have yet and its links made the page's;
 * without ctx->table (or figures, or labels), by nothing. */
static void
table_of_mark(const struct md_context *ctx, struct md_page *page,
    const struct md_tables *tables, cmark_node *mark, struct md_ids *ids)
{
	struct buf html = BUF_INIT, to = BUF_INIT;

	if (page->base != NULL)
		buf_puts(&to, page->base);
	else
		for (int i = 0; i < page->up; i++)
			buf_puts(&to, "../");
	md_table_of_mark(ctx, tables, mark, page->id_prefix, buf_str(&to), ids,
	    &html);
	if (html.len > 0) {
		cmark_node *block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
		cmark_node_set_on_enter(block, buf_str(&html));
		cmark_node_set_on_exit(block, "");
		cmark_node_replace(mark, block);
	} else
		cmark_node_unlink(mark);
	cmark_node_free(mark);
	buf_free(&html);
	buf_free(&to);
}

struct md_doc {
	const struct markdown *md;
	bool	 plain;		/* no placeholder: the text is parsed as it is */
	bool	 ok;		/* its placeholders expanded without a problem */
	struct buf text;	/* expanded, when not plain */
	const char *src;	/* what cmark parsed */
	size_t	 len;
	struct md_tables tables;
	cmark_node *root;
};

struct md_doc *
md_parse(const struct md_context *ctx, const struct markdown *md)
{
	if (md->text == NULL || !check_limits(ctx, md))
		return NULL;
	struct md_doc *doc = xcalloc(1, sizeof(*doc));
	doc->md = md;
	doc->ok = true;
	doc->text = (struct buf)BUF_INIT;
	doc->src = md->text;
	doc->len = md->len;
	/* Without placeholders there is nothing to expand: cmark parses the
	 * text as it is. */
	doc->plain = memmem(md->text, md->len, "{{", 2) == NULL;
	if (!doc->plain) {
		doc->ok = expand(ctx, md, &doc->text, true, &doc->tables);
		doc->src = buf_str(&doc->text);
		doc->len = doc->text.len;
	}
	doc->root = cmark_parse_document(doc->src, doc->len,
	    CMARK_OPT_VALIDATE_UTF8);
	return doc;
}

bool
md_check_parsed(const struct md_context *ctx, const struct md_doc *doc,
    bool *warned)
{
	/* The tree of a plain text is the one md_check would parse: it is
	 * checked as it is. With placeholders, the checks must see them
	 * expanded as md_check does (lists left out, so that every line
	 * stays where it is in the file): a parse of their own. */
	*warned = false;
	if (!doc->plain)
		return check_text(ctx, doc->md, warned);
	return check_tree(ctx, doc->md, doc->src, doc->len, doc->root,
	    warned);
}

bool
md_render_parsed(const struct md_context *ctx, struct md_doc *doc,
    struct md_page *page, struct buf *out)
{
	cmark_node *root = doc->root;

	page->names_year = !doc->plain;
	/* Collect first, change after: the iterator must not see a tree
	 * that changes under it. */
	cmark_node **heads = NULL, **paras = NULL, **marks = NULL;
	size_t nh = 0, ch = 0, np = 0, cp = 0, nm = 0, cm = 0;
	int min_level = 7;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			heads = xgrow(heads, &ch, nh, sizeof(*heads));
			heads[nh++] = n;
			if (cmark_node_get_heading_level(n) < min_level)
				min_level = cmark_node_get_heading_level(n);
			break;
		case CMARK_NODE_PARAGRAPH:
			paras = xgrow(paras, &cp, np, sizeof(*paras));
			paras[np++] = n;
			break;
		case CMARK_NODE_HTML_BLOCK:
			if (doc->tables.n > 0 && strncmp(
			    cmark_node_get_literal(n), TABLE_MARK,
			    strlen(TABLE_MARK)) == 0) {
				marks = xgrow(marks, &cm, nm, sizeof(*marks));
				marks[nm++] = n;
			}
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			/* As the parse sees the URL (entities and escapes
			 * decoded), not as a guess at the text would. */
			if (rewrite_url(ctx, page, n))
				page->names_year = true;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < np; i++)
		figure_of(paras[i]);
	/* A heading never takes an id the page has already. */
	struct md_ids own, *pids = page->ids;
	if (pids == NULL) {
		md_ids_init(&own);
		pids = &own;
	}
	for (size_t i = 0; i < nh; i++)
		heading_with_id(heads[i], page, min_level, &pids->taken,
		    &pids->names);
	for (size_t i = 0; i < nm; i++)
		table_of_mark(ctx, page, &doc->tables, marks[i], pids);
	if (pids == &own)
		md_ids_free(&own);
	free(heads);
	free(paras);
	free(marks);

	char *html = cmark_render_html(root, CMARK_OPT_VALIDATE_UTF8);
	buf_puts(out, html);
	free(html);
	return doc->ok;
}

void
md_doc_free(struct md_doc *doc)
{
	if (doc == NULL)
		return;
	cmark_node_free(doc->root);
	md_tables_free(&doc->tables);
	buf_free(&doc->text);
	free(doc);
}

bool
md_render(const struct md_context *ctx, const struct markdown *md,
    struct md_page *page, struct buf *out)
{
	buf_reset(out);
	if (md->text == NULL)
		return true;
	struct md_doc *doc = md_parse(ctx, md);
	if (doc == NULL)
		return false;	/* too large to parse: reported */
	bool ok = md_render_parsed(ctx, doc, page, out);
	md_doc_free(doc);
	return ok;
}

void
md_page_free(struct md_page *page)
{
	for (size_t i = 0; i < page->n_headings; i++) {
		free(page->headings[i].id);
		free(page->headings[i].text);
	}
	free(page->headings);
	page->headings = NULL;
	page->n_headings = page->cap_headings = 0;
}

void
md_plain(const struct md_context *ctx, const struct markdown *md,
    struct buf *out)
{
	struct buf text = BUF_INIT;

	buf_reset(out);
	md_expand(ctx, md, &text);
	cmark_node *doc = cmark_parse_document(buf_str(&text), text.len,
	    CMARK_OPT_VALIDATE_UTF8);
	/* cmark 0.30 has no plain-text renderer: its text nodes are it. */
	struct buf plain = BUF_INIT;
	for (cmark_node *block = cmark_node_first_child(doc); block != NULL;
	    block = cmark_node_next(block)) {
		md_node_text(block, &plain);
		buf_putc(&plain, ' ');
	}
	bool space = false;
	for (const char *s = buf_str(&plain); *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = false;
		buf_putc(out, *s);
	}
	buf_free(&plain);
	cmark_node_free(doc);
	buf_free(&text);
}
