#include <string.h>

#include "frontmatter.h"

/* Whether the line at s (up to the end of text) is marker alone, allowing
 * trailing blanks; *next is set to the start of the following line. */
static int
fence(const char *s, const char *end, const char *marker, const char **next)
{
	size_t m = strlen(marker);

	if ((size_t)(end - s) < m || memcmp(s, marker, m) != 0)
		return 0;
	s += m;
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s < end && *s == '\r')
		s++;
	if (s < end && *s != '\n')
		return 0;
	*next = s < end ? s + 1 : s;
	return 1;
}

enum frontmatter_error
frontmatter_split(const char *text, size_t len, struct frontmatter *fm)
{
	const char *end = text + len, *p;

	memset(fm, 0, sizeof(*fm));
	if (!fence(text, end, "---", &p))
		return FRONTMATTER_MISSING;
	fm->yaml = (size_t)(p - text);
	fm->yaml_line = 2;
	int line = 2;
	while (p < end) {
		const char *next;
		if (fence(p, end, "---", &next) || fence(p, end, "...", &next)) {
			fm->yaml_len = (size_t)(p - text) - fm->yaml;
			fm->body = (size_t)(next - text);
			fm->body_line = line + 1;
			return FRONTMATTER_OK;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		p = nl + 1;
		line++;
	}
	return FRONTMATTER_UNCLOSED;
}
