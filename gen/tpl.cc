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
