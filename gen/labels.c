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

/* Sheet names follow Excel's rules (xlsx.h), and no two are alike as
 * Excel compares them. */
static bool
sheet_names_valid(const struct labels *l, const struct pos at[], struct diag *d)
{
	bool ok = true;

	for (int i = LABEL_SHEET_SUMMARY; i <= LABEL_SHEET_PROJECTS; i++) {
		const char *s = l->text[i];
		const char *why = xlsx_sheet_name_problem(s);
		if (why != NULL) {
			diag_error(d, at[i], "'%s' cannot name a sheet (%s)", s,
			    why);
			ok = false;
		}
		for (int j = LABEL_SHEET_SUMMARY; j < i; j++) {
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
			bool sheets = true;
			for (int i = LABEL_SHEET_SUMMARY; i <= LABEL_SHEET_PROJECTS;
			    i++)
				sheets &= l->text[i] != NULL;
			if (sheets && !sheet_names_valid(l, at, d))
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

void
label_expand(struct buf *b, const struct labels *l, enum label id, int year,
    const char *organisation)
{
	const char *s = label(l, id);

	while (*s) {
		if (strncmp(s, "{year}", 6) == 0) {
			buf_printf(b, "%d", year);
			s += 6;
		} else if (strncmp(s, "{organisation}", 14) == 0) {
			buf_puts(b, organisation ? organisation : "");
			s += 14;
		} else
			buf_putc(b, *s++);
	}
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
