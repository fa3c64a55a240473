// The bridge from C to ctemplate; see tpl.h. Nothing else in coopgen is
// C++, and nothing here knows about coopgen's model.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>
#include <unistd.h>

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <cctype>
#include <strings.h>
#include <ctemplate/template_dictionary.h>

#include "tpl.h"

struct tpl {
	ctemplate::TemplateCache cache;
};

// C sees a dictionary through this wrapper. ctemplate's section
// dictionaries belong to their parent; their wrappers all belong to the
// root wrapper, so that C frees a whole tree with one call.
struct tpl_dict {
	ctemplate::TemplateDictionary *d;
	tpl_dict *root;
	std::vector<tpl_dict *> wrappers;	// of the tree, in the root only
};

struct tpl *
tpl_new(void)
{
	return new tpl;
}

void
tpl_free(struct tpl *t)
{
	delete t;
}

// ctemplate reports a parse error only on standard error (through both
// std::cerr and stdio); catch it there so that coopgen can say which file.
static void
capture_stderr_begin(int *saved, FILE **tmp)
{
	std::cerr.flush();
	fflush(stderr);
	*tmp = tmpfile();
	*saved = *tmp ? dup(2) : -1;
	if (*saved != -1)
		dup2(fileno(*tmp), 2);
}

static char *
capture_stderr_end(int saved, FILE *tmp)
{
	std::cerr.flush();
	fflush(stderr);
	if (saved == -1)
		return strdup("the template does not parse");
	dup2(saved, 2);
	close(saved);
	std::string text;
	char chunk[512];
	size_t n;
	rewind(tmp);
	while ((n = fread(chunk, 1, sizeof(chunk), tmp)) > 0)
		text.append(chunk, n);
	fclose(tmp);
	// One line is enough: the first says what is wrong.
	size_t nl = text.find('\n');
	if (nl != std::string::npos)
		text.resize(nl);
	if (text.empty())
		text = "the template does not parse";
	return strdup(text.c_str());
}

bool
tpl_add(struct tpl *t, const char *name, const char *text, size_t len,
    char **error)
{
	int saved;
	FILE *tmp;

	*error = NULL;
	capture_stderr_begin(&saved, &tmp);
	bool ok = t->cache.StringToTemplateCache(name,
	    ctemplate::TemplateString(text, len), ctemplate::DO_NOT_STRIP);
	char *message = capture_stderr_end(saved, tmp);
	if (ok)
		free(message);
	else
		*error = message;
	return ok;
}

void
tpl_freeze(struct tpl *t)
{
	t->cache.Freeze();
}

// The guard: ctemplate's tokenizer (GetNextToken in its template.cc),
// read again here because ctemplate keeps the parsed markers to itself.
// It runs on text that ctemplate has parsed, so every marker is whole.
namespace {

struct delimiters {
	std::string start = "{{", end = "}}";
};

// One marker: kind is '#', '/', '!', '=', '>', '%', or 0 for a variable.
// [name, mods) is its name, [mods, last) its modifiers, each ':'-led.
struct marker {
	char kind;
	const char *open, *close;	// the start delimiter, after the end one
	const char *name, *mods, *last;
};

const char *
find(const char *p, const char *end, const std::string &what)
{
	return static_cast<const char *>(memmem(p, static_cast<size_t>(end - p),
	    what.data(), what.size()));
}

// ctemplate's MaybeEatNewline without stripping: a backslash before a
// newline after a marker is dropped.
const char *
eat_escaped_newline(const char *p, const char *end)
{
	return end - p >= 2 && p[0] == '\\' && p[1] == '\n' ? p + 1 : p;
}

// ctemplate's ParseDelimiters: "=START END=", one space, no other '='.
void
set_delimiters(const char *s, const char *e, delimiters *dl)
{
	size_t n = static_cast<size_t>(e - s);
	const char *space = static_cast<const char *>(memchr(s, ' ', n));
	if (n < 3 || s[0] != '=' || e[-1] != '=' || space == NULL ||
	    memchr(s + 1, '=', n - 2) != NULL ||
	    memchr(space + 1, ' ', static_cast<size_t>(e - space - 1)) != NULL)
		return;		// ctemplate refused the template already
	dl->start.assign(s + 1, space);
	dl->end.assign(space + 1, e - 1);
}

// The next marker from *p, as ctemplate finds it; false at the end.
bool
next_marker(const char **p, const char *end, delimiters *dl, marker *m)
{
	const char *at = find(*p, end, dl->start);
	if (at == NULL)
		return false;
	// "{{{VAR}}" opens at the second "{{", as in ctemplate.
	while (at + 1 + dl->start.size() <= end &&
	    memcmp(at + 1, dl->start.data(), dl->start.size()) == 0)
		at++;
	const char *tok = at + dl->start.size(), *tok_end = NULL;
	if (tok >= end)
		return false;
	m->open = at;
	m->kind = strchr("#/!=>%", *tok) != NULL ? *tok : 0;
	if (m->kind == '=') {
		// "{{=<% %>=}}" ends at "=" and the end delimiter in force.
		const char *eq = static_cast<const char *>(memchr(tok + 1, '=',
		    static_cast<size_t>(end - tok - 1)));
		if (eq != NULL && eq + 1 + dl->end.size() <= end &&
		    memcmp(eq + 1, dl->end.data(), dl->end.size()) == 0)
			tok_end = eq + 1;
	} else if (m->kind != 0)
		tok++;
	if (tok_end == NULL)
		tok_end = find(tok, end, dl->end);
	if (tok_end == NULL)
		return false;	// ctemplate refused the template already
	m->close = tok_end + dl->end.size();
	m->name = tok;
	m->last = tok_end;
	m->mods = tok_end;
	*p = m->kind == 0 ? m->close : eat_escaped_newline(m->close, end);
	if (m->kind == '=')
		set_delimiters(tok, tok_end, dl);
	else if (m->kind != '!' && m->kind != '%') {
		const char *colon = static_cast<const char *>(memchr(tok, ':',
		    static_cast<size_t>(tok_end - tok)));
		if (colon != NULL)
			m->mods = colon;
	}
	return true;
}

bool
spelt(const char *s, const char *e, const char *word)
{
	return static_cast<size_t>(e - s) == strlen(word) &&
	    memcmp(s, word, strlen(word)) == 0;
}

// Whether the modifier [s, e) (without its ':') makes ctemplate keep its
// escaping back and lets markup or quotes through: none (also reached by
// its short name, a NUL byte), the snippet escape (lets <b>, <i>, <br>
// and '&' through), and the JSON escape (leaves ' as it is, which ends a
// string in a script). ctemplate matches names byte for byte, in their
// long or one-letter form.
bool
lets_markup_through(const char *s, const char *e)
{
	const char *eq = static_cast<const char *>(memchr(s, '=',
	    static_cast<size_t>(e - s)));
	if (eq == NULL)
		return spelt(s, e, "none") || (e - s == 1 && *s == '\0') ||
		    spelt(s, e, "o") || spelt(s, e, "json_escape");
	return (spelt(s, eq, "H") || spelt(s, eq, "html_escape_with_arg")) &&
	    spelt(eq, e, "=snippet");
}

bool
any_lets_markup_through(const marker &m)
{
	for (const char *mod = m.mods; mod < m.last; ) {
		const char *s = mod + 1;
		const char *e = static_cast<const char *>(memchr(s, ':',
		    static_cast<size_t>(m.last - s)));
		if (e == NULL)
			e = m.last;
		if (lets_markup_through(s, e))
			return true;
		mod = e;
	}
	return false;
}

// The marker as written, for a message: bytes that would break the line
// shown as \xHH, and a long one cut.
std::string
shown(const marker &m)
{
	static const size_t most = 80;
	std::string out;
	for (const char *s = m.open; s < m.close; s++) {
		if (out.size() >= most) {
			out += "...";
			break;
		}
		unsigned char c = static_cast<unsigned char>(*s);
		if (c < 0x20 || c == 0x7f) {
			char hex[5];
			snprintf(hex, sizeof(hex), "\\x%02X", c);
			out += hex;
		} else
			out += *s;
	}
	return out;
}

// Where in the HTML a marker stands, read from the template's own text
// (the markers' values are not known): enough of the HTML tokenizer to
// tell text from a tag, an attribute's name from its value, and the
// elements whose content is not HTML (script, style) from the others.
enum html_at {
	AT_TEXT,		// between elements
	AT_TAG,			// inside a tag: its name, an attribute's name
	AT_BEFORE_VALUE,	// after '='
	AT_VALUE,		// inside a quoted value (quote says which)
	AT_BARE_VALUE,		// inside an unquoted value
	AT_COMMENT,
	AT_RAW,			// the content of script, style and the like
};

struct html_state {
	html_at at = AT_TEXT;
	std::string tag, attr;	// in lower case
	bool closing = false;
	char quote = 0;
};

bool
name_char(char c)
{
	return isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' ||
	    c == '_' || c == '.';
}

bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The elements whose content the HTML parser does not read as markup.
bool
raw_element(const std::string &tag)
{
	return tag == "script" || tag == "style" || tag == "textarea" ||
	    tag == "title" || tag == "xmp" || tag == "iframe" ||
	    tag == "noembed" || tag == "noframes" || tag == "noscript" ||
	    tag == "plaintext";
}

void
end_tag(html_state *h)
{
	h->at = !h->closing && raw_element(h->tag) ? AT_RAW : AT_TEXT;
}

// Read the literal text [s, e) of the template on from state h.
void
html_feed(html_state *h, const char *s, const char *e)
{
	for (const char *p = s; p < e; p++) {
		char c = *p;
		switch (h->at) {
		case AT_TEXT:
			if (c != '<')
				break;
			if (e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
				h->at = AT_COMMENT;
				p += 3;
			} else if (p + 1 < e && (isalpha(static_cast<unsigned
			    char>(p[1])) || p[1] == '/')) {
				h->at = AT_TAG;
				h->closing = p[1] == '/';
				h->tag.clear();
				h->attr.clear();
				p += h->closing;
				while (p + 1 < e && name_char(p[1]))
					h->tag += static_cast<char>(tolower(
					    static_cast<unsigned char>(*++p)));
			}
			break;
		case AT_TAG:
			if (c == '>')
				end_tag(h);
			else if (c == '=')
				h->at = AT_BEFORE_VALUE;
			else if (name_char(c)) {
				if (p == s || !name_char(p[-1]))
					h->attr.clear();
				h->attr += static_cast<char>(tolower(
				    static_cast<unsigned char>(c)));
			}
			break;
		case AT_BEFORE_VALUE:
			if (c == '"' || c == '\'') {
				h->at = AT_VALUE;
				h->quote = c;
			} else if (c == '>')
				end_tag(h);
			else if (!space(c))
				h->at = AT_BARE_VALUE;
			break;
		case AT_VALUE:
			if (c == h->quote)
				h->at = AT_TAG;
			break;
		case AT_BARE_VALUE:
			if (space(c))
				h->at = AT_TAG;
			else if (c == '>')
				end_tag(h);
			break;
		case AT_COMMENT:
			if (e - p >= 3 && memcmp(p, "-->", 3) == 0) {
				h->at = AT_TEXT;
				p += 2;
			}
			break;
		case AT_RAW: {
			size_t n = h->tag.size();
			if (c == '<' && p + 1 < e && p[1] == '/' &&
			    static_cast<size_t>(e - p) >= n + 2 &&
			    strncasecmp(p + 2, h->tag.c_str(), n) == 0 &&
			    (static_cast<size_t>(e - p) == n + 2 ||
			    !name_char(p[n + 2]))) {
				h->at = AT_TAG;
				h->closing = true;
				p += n + 1;
			}
			break;
		}
		}
	}
}

// The attributes whose value ctemplate's escaping makes safe: text, and
// the two addresses it checks (a javascript: one becomes '#'). Any other
// (srcdoc, formaction, xlink:href, style, on...) can run what a value
// holds, escaped or not.
bool
safe_attribute(const std::string &a)
{
	static const char *const text[] = { "id", "class", "title", "alt",
	    "lang", "dir", "name", "content", "property", "rel", "type",
	    "datetime", "colspan", "rowspan", "scope", "headers", "role",
	    "width", "height", "charset", "hreflang", "media", "value", "label",
	    "for", "abbr", "summary", "start", "itemprop", "translate",
	    "href", "src", NULL };
	for (size_t i = 0; text[i] != NULL; i++)
		if (a == text[i])
			return true;
	return a.compare(0, 5, "aria-") == 0 || a.compare(0, 5, "data-") == 0;
}

// What is wrong with a value inserted at h, or "" when nothing is; raw:
// the marker lets markup through (a variable allowed to), script: it may
// do so in a <script> too (JSON-LD made by coopgen).
std::string
placement_problem(const html_state &h, bool raw, bool script)
{
	switch (h.at) {
	case AT_TEXT:
		return "";
	case AT_TAG:
		return "stands inside a tag, where a value could add attributes "
		    "(expected it between elements or in a quoted value)";
	case AT_BEFORE_VALUE:
	case AT_BARE_VALUE:
		return "is the value of attribute '" + h.attr + "' without "
		    "quotes, which a space in the value ends (expected "
		    "quotes around it)";
	case AT_VALUE:
		if (raw)
			return "lets HTML into attribute '" + h.attr + "' "
			    "(expected it between elements)";
		if (!safe_attribute(h.attr))
			return "is the value of attribute '" + h.attr + "', "
			    "which can run what a value holds, escaped or not "
			    "(expected a text attribute, or href or src)";
		return "";
	case AT_COMMENT:
		return raw ? "lets HTML into a comment (expected it between "
		    "elements)" : "";
	case AT_RAW:
		if (raw && !(script && h.tag == "script"))
			return "lets HTML into a <" + h.tag + "> element, whose "
			    "content is not HTML (expected it between elements)";
		return "";
	}
	return "";
}

// Whether name [s, e) is in names, and if so whether it may let markup
// into a <script> (it is listed as "NAME/script").
bool
listed_raw(const char *s, const char *e, const char *const *names,
    bool *script)
{
	size_t n = static_cast<size_t>(e - s);
	for (size_t i = 0; names[i] != NULL; i++) {
		const char *slash = strchr(names[i], '/');
		size_t k = slash != NULL ? static_cast<size_t>(slash - names[i]) :
		    strlen(names[i]);
		if (k == n && memcmp(s, names[i], n) == 0) {
			*script = slash != NULL && strcmp(slash, "/script") == 0;
			return true;
		}
	}
	return false;
}

}	// namespace

bool
tpl_check(const char *text, size_t len, const char *const *raw_ok,
    bool html, tpl_report *report, void *arg)
{
	const char *p = text, *end = text + len;
	delimiters dl;
	marker m;
	bool ok = true;

	std::string allowed;
	for (size_t i = 0; raw_ok[i] != NULL; i++)
		allowed += (i ? ", " : "") + std::string(raw_ok[i],
		    strcspn(raw_ok[i], "/"));
	html_state state;
	const char *from = text;
	while (next_marker(&p, end, &dl, &m)) {
		std::string what;
		bool script = false;
		html_feed(&state, from, m.open);
		from = m.close;
		bool raw = m.kind == 0 && any_lets_markup_through(m);
		bool may_raw = m.kind == 0 && listed_raw(m.name, m.mods, raw_ok,
		    &script);
		if (m.kind == '>')
			what = shown(m) + " includes a template, which coopgen "
			    "never fills (it would stay empty): write its text "
			    "here instead";
		else if (m.kind == 0 && m.name == m.mods)
			what = shown(m) + " has no name, and ctemplate never "
			    "escapes a value without one (a value is "
			    "{{NAME}})";
		else if (raw && !may_raw)
			what = shown(m) + " would insert a value unescaped "
			    "(only " + (html ? "HTML" : "XML") + " made by "
			    "coopgen may be: " + allowed + ")";
		else if (m.kind == 0 && html && !(what = placement_problem(
		    state, raw, script)).empty())
			what = shown(m) + " " + what;
		if (!what.empty()) {
			report(arg, static_cast<size_t>(m.open - text),
			    what.c_str());
			ok = false;
		}
	}
	return ok;
}

bool
tpl_pragma_below(const char *text, size_t len, size_t *offset)
{
	const char *p = text, *end = text + len;
	delimiters dl;
	marker m;

	while (next_marker(&p, end, &dl, &m))
		if (m.kind == '%' && m.open != text) {
			*offset = static_cast<size_t>(m.open - text);
			return true;
		}
	return false;
}

// Whether text parses, in a cache of its own; *why is ctemplate's
// complaint when it does not.
static bool
parses(const char *text, size_t len, std::string *why)
{
	ctemplate::TemplateCache cache;
	int saved;
	FILE *tmp;

	capture_stderr_begin(&saved, &tmp);
	bool ok = cache.StringToTemplateCache("prefix",
	    ctemplate::TemplateString(text, len), ctemplate::DO_NOT_STRIP);
	char *message = capture_stderr_end(saved, tmp);
	*why = message;
	free(message);
	return ok;
}

bool
tpl_error_at(const char *text, size_t len, size_t *offset)
{
	const char *p = text, *end = text + len;
	delimiters dl;
	marker m;
	std::vector<size_t> open;	// the sections not yet closed

	// The text up to each marker in turn: the first to fail for another
	// reason than its end (an open section) holds the mistake.
	while (next_marker(&p, end, &dl, &m)) {
		std::string why;
		if (!parses(text, static_cast<size_t>(m.close - text), &why) &&
		    why.find("File ended before all sections were closed") ==
		    std::string::npos) {
			*offset = static_cast<size_t>(m.open - text);
			return true;
		}
		if (m.kind == '#')
			open.push_back(static_cast<size_t>(m.open - text));
		else if (m.kind == '/' && !open.empty())
			open.pop_back();
	}
	// A marker that never ends, else the innermost section left open.
	const char *unended = find(p, end, dl.start);
	if (unended != NULL) {
		*offset = static_cast<size_t>(unended - text);
		return true;
	}
	if (!open.empty()) {
		*offset = open.back();
		return true;
	}
	return false;
}

char *
tpl_expand(struct tpl *t, const char *name, const struct tpl_dict *d,
    size_t *len)
{
	std::string out;

	if (!t->cache.ExpandWithData(name, ctemplate::DO_NOT_STRIP, d->d, NULL,
	    &out))
		return NULL;
	char *s = static_cast<char *>(malloc(out.size() + 1));
	if (s == NULL)
		return NULL;
	memcpy(s, out.data(), out.size());
	s[out.size()] = '\0';
	*len = out.size();
	return s;
}

struct tpl_dict *
tpl_dict_new(void)
{
	tpl_dict *w = new tpl_dict;
	w->d = new ctemplate::TemplateDictionary("page");
	w->root = w;
	return w;
}

void
tpl_dict_free(struct tpl_dict *d)
{
	if (d == NULL || d->root != d)
		return;
	for (tpl_dict *w : d->wrappers)
		delete w;
	delete d->d;
	delete d;
}

void
tpl_set(struct tpl_dict *d, const char *key, const char *value)
{
	d->d->SetValue(key, value);
}

void
tpl_set_nocopy(struct tpl_dict *d, const char *key, const char *value)
{
	d->d->SetValueWithoutCopy(key, value);
}

struct tpl_dict *
tpl_section(struct tpl_dict *d, const char *name)
{
	tpl_dict *w = new tpl_dict;
	w->d = d->d->AddSectionDictionary(name);
	w->root = d->root;
	d->root->wrappers.push_back(w);
	return w;
}

void
tpl_show(struct tpl_dict *d, const char *name)
{
	d->d->ShowSection(name);
}
