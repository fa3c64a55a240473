#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "reserved.h"
#include "slug.h"
#include "utf8.h"
#include "fold_table.h"

/* The ASCII letters for a code point, "" for a combining mark (so that
 * decomposed text folds like precomposed text), or NULL for a separator.
 * ascii holds a plain letter: the caller's, since pages are written on
 * several threads. */
static const char *
fold(uint32_t cp, char ascii[2])
{
	ascii[1] = '\0';
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			ascii[0] = (char)cp;
			return ascii;
		}
		if (cp >= 'A' && cp <= 'Z') {
			ascii[0] = (char)(cp - 'A' + 'a');
			return ascii;
		}
		return NULL;
	}
	if (cp >= 0x0300 && cp <= 0x036F)
		return "";
	size_t lo = 0, hi = sizeof(fold_table) / sizeof(fold_table[0]);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fold_table[mid].cp == cp)
			return fold_table[mid].ascii;
		if (fold_table[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t
slug_make(const char *s, size_t len, char out[SLUG_MAX + 1])
{
	size_t n = 0, i = 0;
	bool sep = false, midword = false;

	while (i < len) {
		uint32_t cp;
		char ascii[2];
		size_t step = utf8_decode(s + i, len - i, &cp);
		const char *a = step ? fold(cp, ascii) : NULL;

		i += step ? step : 1;
		if (a == NULL) {
			sep = n > 0;
			continue;
		}
		size_t alen = strlen(a);
		if (alen == 0)
			continue;
		if (n + (sep ? 1 : 0) + alen > SLUG_MAX) {
			midword = !sep;
			break;
		}
		if (sep)
			out[n++] = '-';
		sep = false;
		memcpy(out + n, a, alen);
		n += alen;
	}
	/* A slug cut inside a word ends on the word before, where there is
	 * one. */
	if (midword) {
		size_t k = n;
		while (k > 0 && out[k - 1] != '-')
			k--;
		if (k > 1)
			n = k - 1;
	}
	out[n] = '\0';
	return n;
}

/* Whether cp, which fold() left out, is likely a letter: not ASCII, not
 * a combining mark, not Latin (which folds, or was always dropped), not
 * in the blocks of
 * punctuation, symbols, arrows, dingbats, CJK punctuation, private use,
 * specials or emoji. */
static bool
letter_like(uint32_t cp)
{
	return cp >= 0x370 && !(cp >= 0x1E00 && cp <= 0x1EFF) &&
	    !(cp >= 0x2000 && cp <= 0x2BFF) &&
	    !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xE000 && cp <= 0xF8FF) &&
	    !(cp >= 0xFE00 && cp <= 0xFE0F) && !(cp >= 0xFE30 && cp <= 0xFE4F) &&
	    !(cp >= 0xFF00 && cp <= 0xFF0F) && !(cp >= 0xFFF0 && cp <= 0xFFFF) &&
	    !(cp >= 0x1F000 && cp <= 0x1FAFF) && !(cp >= 0xE0000);
}

bool
slug_drops_letters(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		char ascii[2];
		size_t step = utf8_decode(s + i, len - i, &cp);
		if (step == 0)
			return false;
		i += step;
		if (fold(cp, ascii) == NULL && letter_like(cp))
			return true;
	}
	return false;
}

void
slug_hashed(const char *lead, const char *text, char out[SLUG_MAX + 1])
{
	uint32_t h = 2166136261u;	/* FNV-1a, 32 bits */

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		h ^= *p;
		h *= 16777619u;
	}
	int n = snprintf(out, SLUG_MAX + 1, "%.60s", lead);
	while (n > 0 && out[n - 1] == '-')	/* cut after a hyphen */
		n--;
	snprintf(out + n, SLUG_MAX + 1 - (size_t)n, "-%08" PRIx32, h);
}

bool
slug_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > SLUG_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '-') {
			if (s[i + 1] == '-')
				return false;
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

/* "Con", "con.x": a device name, as Windows matches them. */
static bool
device_name(const char *name)
{
#define DEVICE(n) n,
	static const char *const devices[] = {
		RESERVED_DEVICE_NAMES(DEVICE) NULL };
#undef DEVICE
	size_t len = strcspn(name, ".");

	for (size_t i = 0; devices[i] != NULL; i++)
		if (strlen(devices[i]) == len &&
		    strncasecmp(name, devices[i], len) == 0)
			return true;
	return false;
}

enum reserved
reserved_page(const char *folder, const char *name)
{
#define PAGE(f, n) { f, n },
	static const struct {
		const char *folder, *name;
	} pages[] = { RESERVED_PAGES(PAGE) };
#undef PAGE

	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		if (strcmp(pages[i].folder, folder) == 0 &&
		    strcmp(pages[i].name, name) == 0)
			return RESERVED_PAGE;
	return device_name(name) ? RESERVED_DEVICE : RESERVED_NO;
}

enum reserved
reserved_id(const char *id)
{
#define ID(n) n,
	static const char *const ids[] = { RESERVED_REPORT_IDS(ID) NULL };
	static const char *const prefixes[] = {
		RESERVED_REPORT_PREFIXES(ID) NULL };
#undef ID

	for (size_t i = 0; ids[i] != NULL; i++)
		if (strcmp(ids[i], id) == 0)
			return RESERVED_ID;
	for (size_t i = 0; prefixes[i] != NULL; i++)
		if (strncmp(id, prefixes[i], strlen(prefixes[i])) == 0)
			return RESERVED_PREFIX;
	return RESERVED_NO;
}
