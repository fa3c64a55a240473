/* The partners' dossiers across the years; see dossiers.h. */
#include "dossiers.h"

bool
dossiers_write(struct page_writer *w, const struct years *ys)
{
	(void)ys;
	return w->ok;
}
