/*
 * docx: out/<YEAR>/report.docx, the yearly report as a Word document.
 *
 * With report.yaml's document block (and a Vietnamese site), it takes the
 * form Decree 30/2020/NĐ-CP (Appendix I, form 1.4) sets for a report: the
 * header block (governing body and agency, "Số: …/BC-…", the national
 * title and motto, place and date), "BÁO CÁO" and the title, "Kính gửi",
 * and at the end "Nơi nhận" beside the signature. Without it, a plain
 * cover. Then the lead, a table of contents (a TOC field whose entries
 * are filled in), the key figures, the chapters rendered from Markdown
 * (wml.h), and the appendix: every table of stats.h, each with its
 * numbered caption, a header row repeated on each page and rows never
 * split, wide ones in a landscape section.
 *
 * A4, margins 20/20/30/15 mm, Times New Roman; page numbers centred at
 * the top from page 2. The parts come from the templates in
 * templates/docx/ (XML auto-escaping, as the pages' templates), the zip
 * from minizip with fixed entry order and times: the same content gives
 * the same bytes.
 */
#ifndef COOPGEN_DOCX_H
#define COOPGEN_DOCX_H

#include <stdbool.h>
#include <time.h>
#include <jansson.h>

#include "diag.h"
#include "figures.h"
#include "format.h"
#include "fsx.h"
#include "labels.h"
#include "model.h"

struct docx;

/* Read and parse templates/docx/ of the templates folder dir; false (and
 * reported) when a template is missing, does not parse, does not start
 * with the XML auto-escape pragma or would insert a value unescaped. */
bool	 docx_load(struct docx **out, const char *dir, struct diag *d);
void	 docx_free(struct docx *x);

struct docx_input {
	const struct content *c;
	const struct year *y;
	const struct figures *f;
	const json_t *json;	/* figures_json, for {{stat}} */
	const struct fsx *fs;	/* the content folder, for images */
	const struct labels *l;
	const struct locale *loc;
	time_t	 created;	/* the document's creation time */
};

/* Write report.docx to path. False (and reported) on failure. */
bool	 docx_write(struct docx *x, const struct docx_input *in,
	    const char *path, struct diag *d);

#endif
