/* out/years.xlsx: the years side by side; see xlsx.h. */
#include <xlsxwriter.h>

#include "xlsx.h"
#include "years.h"

bool
xlsx_write_years(const struct xlsx_years_input *in, const char *path,
    const char *tmpdir, struct diag *d)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE,
	    .tmpdir = (char *)tmpdir };
	lxw_workbook *wb = workbook_new_opt(path, &opt);

	lxw_doc_properties props = { .created = in->created };

	if (wb == NULL || workbook_set_properties(wb, &props) != LXW_NO_ERROR ||
	    workbook_add_worksheet(wb, NULL) == NULL) {
		diag_failure(d, in->shown ? in->shown : path, "cannot write the workbook");
		return false;
	}
	return workbook_close(wb) == LXW_NO_ERROR;
}
