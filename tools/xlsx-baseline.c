/*
 * The floor for coopgen's workbook in the benchmark: libxlsxwriter alone,
 * in constant-memory mode, writing N rows of the shape of the activities
 * sheet (a number, a date, a title, three names, a count, a place).
 *
 *	xlsx-baseline FILE N
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int
main(int argc, char *argv[])
{
	lxw_workbook_options o = { .constant_memory = LXW_TRUE };
	char title[96];

	if (argc != 3)
		return 2;
	lxw_workbook *wb = workbook_new_opt(argv[1], &o);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Activities");
	long n = atol(argv[2]);
	for (long r = 0; r < n; r++) {
		lxw_datetime d = { 2023, (int)(r % 12) + 1, (int)(r % 28) + 1, 0, 0, 0 };
		snprintf(title, sizeof(title), "Hoạt động hợp tác quốc tế số %ld", r);
		worksheet_write_number(ws, (lxw_row_t)r, 0, (double)r + 1, NULL);
		worksheet_write_datetime(ws, (lxw_row_t)r, 1, &d, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 2, title, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 3, "Khuôn khổ ASEAN", NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 4, "Họp, hội nghị", NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 5, "ĐT1, ĐT2", NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 6, 1, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 7, "Hà Nội", NULL);
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
