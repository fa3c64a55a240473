#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

void
diag_init(struct diag *d, FILE *out)
{
	d->out = out;
	d->no_warnings = false;
	d->errors = d->warnings = d->failures = 0;
}

static void
vreport(struct diag *d, struct pos p, const char *level, const char *fmt,
    va_list ap)
{
	if (p.file == NULL)
		fputs("coopgen", d->out);
	else if (p.line <= 0)
		fputs(p.file, d->out);
	else if (p.col <= 0)
		fprintf(d->out, "%s:%d", p.file, p.line);
	else
		fprintf(d->out, "%s:%d:%d", p.file, p.line, p.col);
	fprintf(d->out, ": %s: ", level);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
}

void
diag_error(struct diag *d, struct pos p, const char *fmt, ...)
{
	va_list ap;

	d->errors++;
	va_start(ap, fmt);
	vreport(d, p, "error", fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diag *d, struct pos p, const char *fmt, ...)
{
	va_list ap;

	d->warnings++;
	if (d->no_warnings)
		return;
	va_start(ap, fmt);
	vreport(d, p, "warning", fmt, ap);
	va_end(ap);
}

void
diag_failure(struct diag *d, const char *what, const char *fmt, ...)
{
	va_list ap;
	struct pos p = { what, 0, 0 };

	d->failures++;
	va_start(ap, fmt);
	vreport(d, p, "error", fmt, ap);
	va_end(ap);
}

int
diag_status(const struct diag *d)
{
	if (d->failures)
		return 3;
	return d->errors ? 1 : 0;
}
