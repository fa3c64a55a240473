/*
 * A fault injector for the workbook, loaded with LD_PRELOAD: libxlsxwriter
 * fails where coopgen calls it, so that tests can show that a lost cell is
 * reported, never written silently.
 *
 *	COOPGEN_FAULT_CELL=N	the Nth worksheet_write_string fails, as
 *				libxlsxwriter does when it runs out of memory
 *	COOPGEN_FAULT_FWRITE=N	from the Nth fwrite(3) on (libxlsxwriter
 *				writes its temporary files and the .xlsx
 *				with it), that stream cannot be written:
 *				its file descriptor is swapped for one open
 *				for reading only (reading it back ends at
 *				once, where /dev/full would never end), so
 *				the write fails when stdio flushes, as on a
 *				full disk
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* libxlsxwriter's own types, as its headers declare them. */
typedef int lxw_error;
enum { LXW_ERROR_MEMORY_MALLOC_FAILED = 1 };

lxw_error
worksheet_write_string(void *ws, uint32_t row, uint16_t col, const char *s,
    void *fmt)
{
	static lxw_error (*real)(void *, uint32_t, uint16_t, const char *,
	    void *);
	static long count;
	const char *nth = getenv("COOPGEN_FAULT_CELL");

	if (real == NULL)
		real = (lxw_error (*)(void *, uint32_t, uint16_t, const char *,
		    void *))dlsym(RTLD_NEXT, "worksheet_write_string");
	if (nth != NULL && ++count == atol(nth))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	return real(ws, row, col, s, fmt);
}

size_t
fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	static size_t (*real)(const void *, size_t, size_t, FILE *);
	static long count;
	const char *nth = getenv("COOPGEN_FAULT_FWRITE");

	if (real == NULL)
		real = (size_t (*)(const void *, size_t, size_t, FILE *))dlsym(
		    RTLD_NEXT, "fwrite");
	if (nth != NULL && ++count == atol(nth)) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd != -1) {
			dup2(fd, fileno(f));
			close(fd);
		}
	}
	return real(p, size, n, f);
}
