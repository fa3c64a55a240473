/*
 * buf: a growable byte string, always NUL-terminated.
 *
 * Every writer builds its output in a buf before handing it to publish, so
 * that a file is either written whole or not at all.
 */
#ifndef COOPGEN_BUF_H
#define COOPGEN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* NUL-terminated; NULL until the first append */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* Append len bytes of s. Aborts on out-of-memory, like every allocation here. */
void	 buf_append(struct buf *b, const char *s, size_t len);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_putc(struct buf *b, char c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Empty the buffer but keep its memory for reuse. */
void	 buf_reset(struct buf *b);
/* Give up the string to the caller (never NULL); the buf is left empty. */
char	*buf_detach(struct buf *b);
void	 buf_free(struct buf *b);
/* The contents as a C string; "" for an empty buf. */
const char *buf_str(const struct buf *b);

#endif
