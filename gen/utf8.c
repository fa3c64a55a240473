#include "utf8.h"

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		c = s[0] & 0x1F; len = 2; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		c = s[0] & 0x0F; len = 3; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		c = s[0] & 0x07; len = 4; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t
utf8_invalid(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\0')
				return i;
			i++;
			continue;
		}
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return i;
		i += len;
	}
	return n;
}

size_t
utf8_chars(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

void
utf8_linecol(const char *text, size_t off, int *line, int *col)
{
	size_t start = 0;
	int l = 1;

	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = (int)utf8_chars(text + start, off - start) + 1;
}

size_t
utf8_line_start(const char *text, size_t len, int line)
{
	size_t i = 0;

	for (int l = 1; l < line && i < len; i++)
		if (text[i] == '\n' || (text[i] == '\r' &&
		    (i + 1 == len || text[i + 1] != '\n')))
			l++;
	return i;
}
