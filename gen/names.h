/*
 * names: the rules for a name that coopgen takes from the content into
 * the output (the files and folders under a year's media/), and for the
 * site's address.
 *
 * A published name must be one every file system keeps as it is: the
 * output is copied to Windows shares, USB sticks (FAT) and Macs, and
 * linked to from pages. So a name is refused when
 *   - it is not UTF-8;
 *   - it has a character Windows cannot hold (< > : " | ? * \), a
 *     control character, or an invisible one (a zero-width space, a
 *     bidirectional control, a no-break space: see utf8.h), which would
 *     make a link that looks right and leads nowhere;
 *   - it ends with a dot or a space (Windows drops them);
 *   - its part before the first dot is a Windows device name (CON, PRN,
 *     AUX, NUL, COM0-COM9, LPT0-LPT9, COM1-3 and LPT1-3 written with
 *     superscript digits, CONIN$, CONOUT$), in any letter case;
 *   - two names of one folder are the same once letter case is folded
 *     across all of Unicode and both are normalised (NFC): "Ảnh.png",
 *     "ảnh.png" and a decomposed "ảnh.png" would be one file on Windows
 *     or a Mac, and the output would hold one of them, by chance.
 */
#ifndef COOPGEN_NAMES_H
#define COOPGEN_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Check the n names of folder rel (as fsx_list gives them), reporting
 * every problem at rel. ok[i] tells whether names[i] may be published
 * (a name that collides with another still may: the collision is
 * reported, and nothing is written). */
void	 names_check_folder(const char *rel, char *const *names, size_t n,
	    bool *ok, struct diag *d);

/* name in Unicode normalisation form C, as a heap string; NULL when name
 * is not valid UTF-8. */
char	*names_nfc(const char *name);

/* Whether name is in form C already (false when not valid UTF-8). */
bool	 names_is_nfc(const char *name);

/* What is wrong with base_url as the site's address, or NULL when it is
 * fine: it must be an http:// or https:// address with a host, and no
 * query (?) or fragment (#), which the year's path would land in. */
const char *names_base_url_problem(const char *url);

#endif
