/*
 * xalloc: allocation that never returns NULL.
 *
 * coopgen cannot do anything useful without memory, and checking every
 * allocation at every call site would bury the logic; these print a message
 * and exit with EXIT_SYSTEM (status.h) instead.
 */
#ifndef COOPGEN_XALLOC_H
#define COOPGEN_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t size);
/* Grow an array of n elements of size bytes to hold at least one more. */
void	*xgrow(void *p, size_t *cap, size_t n, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* Report memory exhaustion and exit with EXIT_SYSTEM. */
_Noreturn void xalloc_die(void);

#endif
