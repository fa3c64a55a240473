/* Shared by the fuzz harnesses: a scratch content tree of their own. */
#ifndef COOPGEN_FUZZ_H
#define COOPGEN_FUZZ_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef TOP
#define TOP "."
#endif

/* Make a scratch folder holding a copy of the valid base tree of
 * tests/bad/base; its path, for the life of the process. */
static inline const char *
fuzz_tree(void)
{
	static char dir[64];
	char cmd[256];

	if (dir[0] != '\0')
		return dir;
	snprintf(dir, sizeof(dir), "/tmp/coopgen-fuzz.XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/content' && "
	    "cp -R '%s/tests/bad/base/.' '%s/content/'", dir, TOP, dir);
	if (system(cmd) != 0)
		abort();
	return dir;
}

/* Write len bytes as file rel of the scratch tree. */
static inline void
fuzz_write(const char *rel, const void *data, size_t len)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/content/%s", fuzz_tree(), rel);
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	fwrite(data, 1, len, f);
	fclose(f);
}

#endif
