/*
 * json: out/<YEAR>/figures.json, the figures of a year for other programs.
 */
#ifndef COOPGEN_JSON_H
#define COOPGEN_JSON_H

#include <jansson.h>

#include "buf.h"

/* Render a figures tree (figures_json) as the text of figures.json:
 * indented by two spaces, keys in the order of the content's vocabularies,
 * a final newline. */
void	 json_write_figures(const json_t *figures, struct buf *out);

#endif
