#include <stdlib.h>

#include "json.h"
#include "xalloc.h"

void
json_write_figures(const json_t *figures, struct buf *out)
{
	char *s = json_dumps(figures, JSON_INDENT(2) | JSON_ENSURE_ASCII);

	if (s == NULL) {
		/* Only memory can fail here: the tree holds objects and
		 * integers made by figures_json. */
		xalloc_die();
	}
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
}
