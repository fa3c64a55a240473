/* Fuzz: an activity file (front matter, YAML, typed fields, the checks),
 * read by the loader as it reads content. */
#include <stdint.h>

#include "fuzz.h"
#include "load.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct content c;
	struct diag d;
	char path[512];
	FILE *sink = fopen("/dev/null", "w");

	fuzz_write("2023/activities/general-assembly.md", data, size);
	snprintf(path, sizeof(path), "%s/content", fuzz_tree());
	diag_init(&d, sink);
	content_load(&c, path, NULL, 0, &d);
	content_free(&c);
	fclose(sink);
	return 0;
}
