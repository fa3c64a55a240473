/*
 * Slows one open down, loaded with LD_PRELOAD, so that a test can change
 * a file while coopgen runs, at a known moment.
 *
 *	COOPGEN_SLOW_NAME=N	a file whose name (its last part) is N
 *	COOPGEN_SLOW_NTH=K	the Kth open of it
 *	COOPGEN_SLOW_MS=T	waits T milliseconds first (default 1500)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The mode an open passes after flags, when it creates a file. */
#define MODE_ARG(flags, mode) do {					\
	if ((flags) & (O_CREAT | O_TMPFILE)) {				\
		va_list ap;						\
		va_start(ap, flags);					\
		(mode) = va_arg(ap, mode_t);				\
		va_end(ap);						\
	}								\
} while (0)

static void
maybe_wait(const char *path)
{
	static atomic_long count;
	const char *name = getenv("COOPGEN_SLOW_NAME");
	const char *nth = getenv("COOPGEN_SLOW_NTH");
	const char *ms = getenv("COOPGEN_SLOW_MS");
	const char *base = strrchr(path, '/');

	base = base != NULL ? base + 1 : path;
	if (name == NULL || nth == NULL || strcmp(base, name) != 0)
		return;
	if (atomic_fetch_add(&count, 1) + 1 != atol(nth))
		return;
	long t = ms != NULL ? atol(ms) : 1500;
	struct timespec ts = { t / 1000, (t % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	static int (*real)(int, const char *, int, ...);
	mode_t mode = 0;

	MODE_ARG(flags, mode);
	if (real == NULL)
		real = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT,
		    "openat");
	maybe_wait(path);
	return real(dirfd, path, flags, mode);
}

int
openat64(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;

	MODE_ARG(flags, mode);
	return openat(dirfd, path, flags, mode);
}

int
open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	MODE_ARG(flags, mode);
	return openat(AT_FDCWD, path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	mode_t mode = 0;

	MODE_ARG(flags, mode);
	return openat(AT_FDCWD, path, flags, mode);
}
