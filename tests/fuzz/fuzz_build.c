/* Fuzz: a whole build of a small content tree made from the input. The
 * input is cut at lines "%%" into site.yaml, partners.yaml,
 * agreements.yaml, 2023/report.yaml, 2023/activities.yaml,
 * 2023/projects.yaml and 2023/article.md; missing parts keep the valid
 * base tree's. Then a second build into the same output, which takes
 * over what the first wrote, after the output's manifest (.coopgen-pages)
 * is replaced by what follows an eighth "%%", when there is one. */
#include <stdint.h>

#include "build.h"
#include "fuzz.h"

static const char *const parts[] = { "site.yaml", "partners.yaml",
    "agreements.yaml", "2023/report.yaml", "2023/activities.yaml",
    "2023/projects.yaml", "2023/article.md" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char content[512], out[512], cmd[600];
	const char *p = (const char *)data, *end = p + size;
	size_t part = 0;

	/* A fresh copy of the base each time: a part changed by one input
	 * must not stay for the next. */
	snprintf(cmd, sizeof(cmd), "rm -rf '%s/content' '%s/out' && mkdir -p "
	    "'%s/content' && cp -R '%s/tests/bad/base/.' '%s/content/'",
	    fuzz_tree(), fuzz_tree(), fuzz_tree(), TOP, fuzz_tree());
	if (system(cmd) != 0)
		abort();
	while (p < end && part < sizeof(parts) / sizeof(*parts)) {
		const char *cut = memmem(p, (size_t)(end - p), "\n%%\n", 4);
		const char *stop = cut ? cut : end;
		fuzz_write(parts[part++], p, (size_t)(stop - p));
		p = cut ? cut + 4 : end;
	}
	snprintf(content, sizeof(content), "%s/content", fuzz_tree());
	snprintf(out, sizeof(out), "%s/out", fuzz_tree());
	struct options o = { content, TOP "/templates", out, NULL, 0, true,
	    false, true, 1700000000, 1 };
	coopgen_build(&o);
	if (p < end) {
		char path[600];
		snprintf(path, sizeof(path), "%s/.coopgen-pages", out);
		FILE *f = fopen(path, "wb");
		if (f != NULL) {
			fwrite(p, 1, (size_t)(end - p), f);
			fclose(f);
		}
	}
	coopgen_build(&o);
	return 0;
}
