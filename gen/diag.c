#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"
#include "buf.h"
#include "status.h"
#include "strmap.h"
#include "xalloc.h"

struct diag_held {
	struct pos pos;
	size_t	 seq;		/* keeps equal positions in report order */
	char	*text;
};

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
	pthread_mutex_init(&d->lock, NULL);
}

/* Report, or hold; false when the very same message was held already. */
static bool
vreport(struct diag *d, struct pos p, const char *level, const char *fmt,
    va_list ap)
{
	if (d->holding) {
		FILE *out = d->out;
		char *text;
		size_t len;
		/* Format exactly as below, into memory. */
		d->out = open_memstream(&text, &len);
		if (d->out == NULL)
			xalloc_die();
		d->holding = false;
		vreport(d, p, level, fmt, ap);
		d->holding = true;
		fclose(d->out);
		d->out = out;
		/* The same problem found by two checks (a link loop met by
		 * the listing and by the reader) is told once. */
		if (!strmap_put(&d->said, text, d->n_held, NULL)) {
			free(text);
			return false;
		}
		d->held = xgrow(d->held, &d->cap_held, d->n_held,
		    sizeof(*d->held));
		/* The caller's path may not outlive the call. */
		d->held[d->n_held].pos = p;
		d->held[d->n_held].pos.file = p.file ? xstrdup(p.file) : NULL;
		d->held[d->n_held].seq = d->n_held;
		d->held[d->n_held].text = text;
		d->n_held++;
		return true;
	}
	/* A file's name can hold anything, a terminal's escapes included:
	 * shown, never sent as they are. */
	struct buf file = BUF_INIT;
	if (p.file != NULL)
		utf8_show(&file, p.file, strlen(p.file));
	if (p.file == NULL)
		fputs("coopgen", d->out);
	else if (p.line <= 0)
		fputs(buf_str(&file), d->out);
	else if (p.col <= 0)
		fprintf(d->out, "%s:%d", buf_str(&file), p.line);
	else
		fprintf(d->out, "%s:%d:%d", buf_str(&file), p.line, p.col);
	buf_free(&file);
	fprintf(d->out, ": %s: ", level);
	/* The message quotes names and texts of the content: a control
	 * character there (a terminal's escape, a line break that would
	 * start a message of its own) is shown, never sent. */
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		xalloc_die();
	for (const unsigned char *c = (const unsigned char *)msg; *c; c++) {
		if (*c < 0x20 || *c == 0x7F)
			fprintf(d->out, "<U+%04X>", *c);
		else if (*c == 0xC2 && c[1] >= 0x80 && c[1] <= 0x9F) {
			fprintf(d->out, "<U+%04X>", c[1]);	/* C1 */
			c++;
		} else
			fputc(*c, d->out);
	}
	free(msg);
	fputc('\n', d->out);
	return true;
}

void
diag_error(struct diag *d, struct pos p, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&d->lock);
	d->errors++;
	va_start(ap, fmt);
	if (!vreport(d, p, "error", fmt, ap))
		d->errors--;
	va_end(ap);
	pthread_mutex_unlock(&d->lock);
}

void
diag_warning(struct diag *d, struct pos p, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&d->lock);
	d->warnings++;
	if (!d->no_warnings) {
		va_start(ap, fmt);
		if (!vreport(d, p, "warning", fmt, ap))
			d->warnings--;
		va_end(ap);
	}
	pthread_mutex_unlock(&d->lock);
}

void
diag_note(struct diag *d, struct pos p, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&d->lock);
	d->notes++;
	if (!d->no_warnings) {
		va_start(ap, fmt);
		if (!vreport(d, p, "note", fmt, ap))
			d->notes--;
		va_end(ap);
	}
	pthread_mutex_unlock(&d->lock);
}

void
diag_failure(struct diag *d, const char *what, const char *fmt, ...)
{
	va_list ap;
	struct pos p = { what, 0, 0 };

	pthread_mutex_lock(&d->lock);
	d->failures++;
	va_start(ap, fmt);
	if (!vreport(d, p, "error", fmt, ap))
		d->failures--;
	va_end(ap);
	pthread_mutex_unlock(&d->lock);
}

int
diag_status(const struct diag *d)
{
	if (d->failures)
		return EXIT_SYSTEM;
	return d->errors ? EXIT_CONTENT : EXIT_OK;
}

void
diag_hold(struct diag *d)
{
	d->holding = true;
}

static int
cmp_held(const void *a, const void *b)
{
	const struct diag_held *x = a, *y = b;
	const char *fx = x->pos.file ? x->pos.file : "";
	const char *fy = y->pos.file ? y->pos.file : "";
	/* The files at the top (site.yaml...) before those of the years. */
	int deep = (strchr(fx, '/') != NULL) - (strchr(fy, '/') != NULL);
	int c = strcmp(fx, fy);

	if (deep != 0)
		return deep;
	if (c != 0)
		return c;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_release(struct diag *d)
{
	d->holding = false;
	if (d->n_held > 1)
		qsort(d->held, d->n_held, sizeof(*d->held), cmp_held);
	strmap_free(&d->said);
	for (size_t i = 0; i < d->n_held; i++) {
		fputs(d->held[i].text, d->out);
		free(d->held[i].text);
		free((char *)d->held[i].pos.file);
	}
	free(d->held);
	d->held = NULL;
	d->n_held = d->cap_held = 0;
}
