/*
 * The floor for coopgen's workbook in the benchmark: libxlsxwriter alone,
 * in constant-memory mode, writing the same cells as coopgen's activities
 * sheet, read from a file that tools/bench.py takes out of that sheet.
 * Each line is a row; its cells are separated by tabs, each "n:" and a
 * number or "s:" and a text. No formats, no row heights, no other sheet:
 * only the rows.
 *
 *	xlsx-baseline FILE ROWS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

int
main(int argc, char *argv[])
{
	lxw_workbook_options o = { .constant_memory = LXW_TRUE };
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	lxw_row_t row = 0;

	if (argc != 3)
		return 2;
	FILE *in = fopen(argv[2], "r");
	if (in == NULL)
		return 2;
	lxw_workbook *wb = workbook_new_opt(argv[1], &o);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Activities");
	while ((len = getline(&line, &cap, in)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		lxw_col_t col = 0;
		for (char *cell = strtok(line, "\t"); cell != NULL;
		    cell = strtok(NULL, "\t"), col++) {
			if (strncmp(cell, "n:", 2) == 0)
				worksheet_write_number(ws, row, col,
				    atof(cell + 2), NULL);
			else if (strncmp(cell, "s:", 2) == 0)
				worksheet_write_string(ws, row, col, cell + 2,
				    NULL);
		}
		row++;
	}
	free(line);
	fclose(in);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
