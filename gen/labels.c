#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "fsx.h"
#include "labels.h"
#include "utf8.h"
#include "xlsx.h"
#include "ynode.h"

static const char *const keys[] = {
#define LABEL_KEY(id, key) key,
	LABEL_KEYS(LABEL_KEY)
#undef LABEL_KEY
	NULL
};

/* The sheet names of each workbook, first and last: statistics.xlsx's,
 * years.xlsx's. */
static const enum label sheet_names[][2] = {
	{ LABEL_SHEET_SUMMARY, LABEL_SHEET_PROJECTS },
	{ LABEL_YEARS_SHEET_HEADLINES, LABEL_YEARS_SHEET_AGREEMENTS },
};

/* The sheet names of a workbook, labels first to last, follow Excel's
 * rules (xlsx.h), and no two are alike as Excel compares them. */
static bool
sheet_names_valid(const struct labels *l, const struct pos at[], int first,
    int last, struct diag *d)
{
	bool ok = true;

	for (int i = first; i <= last; i++) {
		const char *s = l->text[i];
		const char *why = xlsx_sheet_name_problem(s);
		if (why != NULL) {
			diag_error(d, at[i], "'%s' cannot name a sheet (%s)", s,
			    why);
			ok = false;
		}
		for (int j = first; j < i; j++) {
			if (xlsx_sheet_names_clash(s, l->text[j])) {
				diag_error(d, at[i], "sheet name '%s' is also "
				    "'%s' (expected a name of its own; Excel "
				    "ignores letter case)", s, keys[j]);
				ok = false;
			}
		}
	}
	return ok;
}

/* The sheet names of each workbook whose sheet labels are all there. */
static bool
workbook_sheets_valid(const struct labels *l, const struct pos at[],
    struct diag *d)
{
	bool ok = true;

	for (size_t w = 0; w < sizeof(sheet_names) / sizeof(sheet_names[0]);
	    w++) {
		int first = sheet_names[w][0], last = sheet_names[w][1];
		bool all = true;
		for (int i = first; i <= last; i++)
			all &= l->text[i] != NULL;
		if (all && !sheet_names_valid(l, at, first, last, d))
			ok = false;
	}
	return ok;
}

bool
labels_load(struct labels *l, const char *dir, enum lang lang, struct diag *d)
{
	struct fsx fs;
	struct arena tree = ARENA_INIT;
	const char *name = lang == LANG_EN ? "labels.en.yaml" : "labels.vi.yaml";
	char *text = NULL;
	size_t len;
	bool ok = false;

	memset(l, 0, sizeof(*l));
	if (!fsx_open(&fs, dir, "templates", d)) {
		fsx_close(&fs);
		return false;
	}
	const char *shown = arena_printf(&l->arena, "%s/%s", dir, name);
	if (fsx_read(&fs, name, &text, &len, d)) {
		bool parsed;
		struct ynode *root = ynode_parse(&tree, text, len, shown, 1, d,
		    &parsed);
		struct record r;
		if (parsed && root == NULL)
			diag_error(d, (struct pos){ shown, 0, 0 }, "empty "
			    "file (expected the labels, 'key: text')");
		if (root != NULL && record_open(&r, root, "the labels", keys,
		    &l->arena, d)) {
			struct pos at[LABEL_COUNT];
			for (int i = 0; i < LABEL_COUNT; i++)
				l->text[i] = record_text(&r, keys[i], true,
				    &at[i]);
			ok = !r.bad;
			if (!workbook_sheets_valid(l, at, d))
				ok = false;
		}
	}
	free(text);
	arena_free(&tree);
	fsx_close(&fs);
	return ok;
}

void
labels_free(struct labels *l)
{
	arena_free(&l->arena);
}

/* Append s with its placeholders filled in; {years} only when first is
 * not 0. */
static void
expand(struct buf *b, const char *s, int first, int year,
    const char *organisation)
{
	while (*s) {
		if (first != 0 && strncmp(s, "{years}", 7) == 0) {
			if (first != year)
				buf_printf(b, "%d\xE2\x80\x93", first);
			buf_printf(b, "%d", year);
			s += 7;
		} else if (strncmp(s, "{year}", 6) == 0) {
			buf_printf(b, "%d", year);
			s += 6;
		} else if (strncmp(s, "{organisation}", 14) == 0) {
			buf_puts(b, organisation ? organisation : "");
			s += 14;
		} else
			buf_putc(b, *s++);
	}
}

void
label_expand(struct buf *b, const struct labels *l, enum label id, int year,
    const char *organisation)
{
	expand(b, label(l, id), 0, year, organisation);
}

void
label_expand_years(struct buf *b, const struct labels *l, enum label id,
    int first, int last, const char *organisation)
{
	expand(b, label(l, id), first, last, organisation);
}

enum label
label_project_status(enum project_status s)
{
	static const enum label map[PROJECT_STATUSES] = {
		LABEL_STATUS_COMPLETED, LABEL_STATUS_ONGOING,
		LABEL_STATUS_PREPARING, LABEL_STATUS_PROPOSED,
	};

	return map[s];
}

enum label
label_agreement_type(enum agreement_type t)
{
	return t == AGREEMENT_BILATERAL ? LABEL_TYPE_BILATERAL :
	    LABEL_TYPE_MULTILATERAL;
}
