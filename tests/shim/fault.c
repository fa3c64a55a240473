/*
 * A fault injector for the tests, loaded with LD_PRELOAD.
 *
 *	COOPGEN_FAULT_WRITE=N	the Nth write(2) to a file (not to standard
 *				output or error) fails
 *	COOPGEN_FAULT_ERRNO=E	with this errno (default ENOSPC)
 *	COOPGEN_FAULT_SIGNAL=S	or, instead, the process gets signal S at that
 *				moment, as if the user pressed Ctrl-C
 *	COOPGEN_FAULT_RENAME=E	rename(2), renameat(2) and renameat2(2) fail
 *				with errno E: the final swap of a build fails
 *	COOPGEN_FAULT_RENAME_NTH=N  only the Nth of them fails (with errno E,
 *				else EIO): a swap that fails halfway
 *	COOPGEN_FAULT_RENAME_SIGNAL=S  or, instead, the process gets signal S
 *				just before the Nth: Ctrl-C, or a crash (9)
 *
 * so that tests can show what a build leaves behind when the disk fills up
 * or the user interrupts it halfway.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	static long count;
	const char *nth = getenv("COOPGEN_FAULT_WRITE");

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");
	if (fd > 2 && nth != NULL && ++count == atol(nth)) {
		const char *sig = getenv("COOPGEN_FAULT_SIGNAL");
		const char *err = getenv("COOPGEN_FAULT_ERRNO");
		if (sig != NULL) {
			raise(atoi(sig));
		} else {
			errno = err ? atoi(err) : ENOSPC;
			return -1;
		}
	}
	return real(fd, buf, n);
}

static int
rename_fault(void)
{
	static long count;
	const char *e = getenv("COOPGEN_FAULT_RENAME");
	const char *nth = getenv("COOPGEN_FAULT_RENAME_NTH");

	const char *sig = getenv("COOPGEN_FAULT_RENAME_SIGNAL");

	if (nth != NULL && ++count != atol(nth))
		return 0;
	if (e == NULL && nth == NULL)
		return 0;
	if (sig != NULL) {
		raise(atoi(sig));
		return 0;
	}
	errno = e != NULL ? atoi(e) : EIO;
	return -1;
}

int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
	static int (*real)(int, const char *, int, const char *);

	if (rename_fault())
		return -1;
	if (real == NULL)
		real = (int (*)(int, const char *, int, const char *))dlsym(
		    RTLD_NEXT, "renameat");
	return real(fromfd, from, tofd, to);
}

int
rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);

	if (rename_fault())
		return -1;
	if (real == NULL)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT,
		    "rename");
	return real(from, to);
}

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	static int (*real)(int, const char *, int, const char *, unsigned int);

	if (rename_fault())
		return -1;
	if (real == NULL)
		real = (int (*)(int, const char *, int, const char *,
		    unsigned int))dlsym(RTLD_NEXT, "renameat2");
	return real(fromfd, from, tofd, to, flags);
}
