#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "buf.h"
#include "names.h"
#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"

/* What Windows cannot hold in a name, besides controls and '/'. */
#define WINDOWS_FORBIDDEN "<>:\"|?*\\"

/* Whether the part of name before its first dot (blanks at its end
 * dropped, as Windows drops them) is a device name. */
static bool
windows_device(const char *name)
{
	static const char *const devices[] = { "CON", "PRN", "AUX", "NUL",
	    "CONIN$", "CONOUT$" };
	static const char *const superscripts[] = { "\xC2\xB9", "\xC2\xB2",
	    "\xC2\xB3" };	/* ¹ ² ³ */
	size_t n = strcspn(name, ".");

	while (n > 0 && name[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < sizeof(devices) / sizeof(*devices); i++)
		if (strlen(devices[i]) == n && strncasecmp(name, devices[i],
		    n) == 0)
			return true;
	if (n < 4 || (strncasecmp(name, "COM", 3) != 0 &&
	    strncasecmp(name, "LPT", 3) != 0))
		return false;
	if (n == 4 && name[3] >= '0' && name[3] <= '9')
		return true;
	for (size_t i = 0; i < 3; i++)
		if (n == 5 && memcmp(name + 3, superscripts[i], 2) == 0)
			return true;
	return false;
}

/* Report what keeps name (in folder rel) from being published; false
 * when there is something. */
static bool
name_ok(const char *rel, const char *name, struct diag *d)
{
	struct pos at = { rel, 0, 0 };
	size_t len = strlen(name);
	struct buf shown = BUF_INIT;
	struct utf8_invisible inv;
	bool ok = false;

	utf8_show(&shown, name, len);
	if (utf8_invalid(name, len) != len)
		diag_error(d, at, "refused: the file name '%s' is not UTF-8 "
		    "text (expected a name saved as UTF-8)", buf_str(&shown));
	else if (utf8_find_invisible(name, len, true, &inv))
		diag_error(d, at, "refused: the file name '%s' has U+%04X %s "
		    "at column %d, a control or invisible character (expected "
		    "a name of visible characters, which a link can match)",
		    buf_str(&shown), (unsigned)inv.cp, inv.name, inv.col);
	else if (name[strcspn(name, WINDOWS_FORBIDDEN)] != '\0')
		diag_error(d, at, "refused: the file name '%s' has '%c', which "
		    "Windows cannot hold (expected a name without < > : \" | "
		    "? * \\)", name, name[strcspn(name, WINDOWS_FORBIDDEN)]);
	else if (name[len - 1] == '.' || name[len - 1] == ' ')
		diag_error(d, at, "refused: the file name '%s' ends with %s, "
		    "which Windows drops (expected a name that ends with "
		    "another character)", name, name[len - 1] == '.' ?
		    "a dot" : "a space");
	else if (windows_device(name))
		diag_error(d, at, "refused: the file name '%s' is a device on "
		    "Windows (CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, with "
		    "any extension; expected another name)", name);
	else
		ok = true;
	buf_free(&shown);
	return ok;
}

/* name case-folded and in form C, as a heap string; NULL when not UTF-8. */
static char *
folded(const char *name)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, 0,
	    &out, UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD);

	if (n < 0)
		return NULL;
	return (char *)out;
}

char *
names_nfc(const char *name)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, 0,
	    &out, UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);

	if (n < 0)
		return NULL;
	return (char *)out;
}

bool
names_is_nfc(const char *name)
{
	char *nfc = names_nfc(name);
	bool same = nfc != NULL && strcmp(nfc, name) == 0;

	free(nfc);
	return same;
}

/* How a name is written, for a message about two that are one. */
static const char *
form_of(const char *name)
{
	return names_is_nfc(name) ? "NFC" : "decomposed, NFD";
}

void
names_check_folder(const char *rel, char *const *names, size_t n, bool *ok,
    struct diag *d)
{
	struct strmap seen = STRMAP_INIT;
	char **keys = xcalloc(n, sizeof(*keys));

	for (size_t i = 0; i < n; i++) {
		ok[i] = name_ok(rel, names[i], d);
		keys[i] = folded(names[i]);
		size_t prev;
		if (keys[i] == NULL || strmap_put(&seen, keys[i], i, &prev))
			continue;
		if (names_is_nfc(names[prev]) && names_is_nfc(names[i]))
			diag_error(d, (struct pos){ rel, 0, 0 }, "refused: '%s' "
			    "and '%s' differ only in letter case (expected "
			    "names that stay apart on every file system)",
			    names[prev], names[i]);
		else
			diag_error(d, (struct pos){ rel, 0, 0 }, "refused: '%s' "
			    "(%s) and '%s' (%s) differ only in letter case or "
			    "in how their letters are encoded (expected names "
			    "that stay apart on every file system; rename one)",
			    names[prev], form_of(names[prev]), names[i],
			    form_of(names[i]));
	}
	strmap_free(&seen);
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

const char *
names_base_url_problem(const char *url)
{
	size_t scheme;

	/* A scheme's letters are of either case (RFC 3986, 3.1). */
	if (strncasecmp(url, "https://", 8) == 0)
		scheme = 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		scheme = 7;
	else
		return "is not a web address (expected https://... or "
		    "http://...)";
	if (url[scheme] == '\0' || url[scheme] == '/')
		return "has no host (expected https://example.org/...)";
	if (url[strcspn(url, " \t\"<>\\^`{|}")] != '\0')
		return "has a space, a quote or a character that an address "
		    "cannot hold as it is (expected an address such as "
		    "https://example.org/report/, with %20 for a space)";
	if (strchr(url, '?') != NULL)
		return "has a query ('?'), which the pages' addresses would "
		    "land in (expected an address without '?', such as "
		    "https://example.org/report/)";
	if (strchr(url, '#') != NULL)
		return "has a fragment ('#'), which the pages' addresses would "
		    "land in (expected an address without '#', such as "
		    "https://example.org/report/)";
	return NULL;
}
