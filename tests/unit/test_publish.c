/* The output folder: paths that may be written, the swap, the refusals. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "publish.h"

static char dir[] = "/tmp/coopgen-publish.XXXXXX";
static char out[128];

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(out, sizeof(out), "%s/out", dir);
}

static void
teardown(void)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

static char *
slurp(const char *path)
{
	static char text[256];
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return NULL;
	size_t n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	return text;
}

TestSuite(publish, .init = setup, .fini = teardown);

Test(publish, writes_only_plain_relative_paths)
{
	struct capture c;
	struct publish p;
	const char *bad[] = { "../x", "/etc/x", "a//b", "a/./b", "a/../b", "a/",
	    "", "a\\b", "..", "." };

	capture_begin(&c);
	cr_assert(publish_begin(&p, out, &c.d));
	cr_expect(publish_write(&p, "2023/media/a.txt", "a", 1));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		cr_expect_not(publish_write(&p, bad[i], "x", 1), "%s", bad[i]);
	cr_expect_eq(c.d.failures, sizeof(bad) / sizeof(*bad));
	/* Nothing is visible before the commit. */
	cr_expect_neq(access(out, F_OK), 0);
	cr_assert(publish_commit(&p, false));
	publish_end(&p);
	char path[200];
	snprintf(path, sizeof(path), "%s/2023/media/a.txt", out);
	cr_expect_str_eq(slurp(path), "a");
	snprintf(path, sizeof(path), "%s/" PUBLISH_MARKER, out);
	cr_expect_not_null(slurp(path));
	capture_free(&c);
}

Test(publish, swaps_and_keeps_the_rest_on_request)
{
	struct capture c;
	struct publish p;
	char path[200];

	capture_begin(&c);
	cr_assert(publish_begin(&p, out, &c.d));
	publish_write(&p, "2022/figures.json", "old 2022", 8);
	publish_write(&p, "2023/figures.json", "old 2023", 8);
	cr_assert(publish_commit(&p, false));
	publish_end(&p);

	/* A build of 2023 alone, keeping what it did not write. */
	cr_assert(publish_begin(&p, out, &c.d));
	publish_write(&p, "2023/figures.json", "new 2023", 8);
	cr_assert(publish_commit(&p, true));
	publish_end(&p);
	snprintf(path, sizeof(path), "%s/2022/figures.json", out);
	cr_expect_str_eq(slurp(path), "old 2022");
	snprintf(path, sizeof(path), "%s/2023/figures.json", out);
	cr_expect_str_eq(slurp(path), "new 2023");

	/* A full build drops what it did not write. */
	cr_assert(publish_begin(&p, out, &c.d));
	publish_write(&p, "2023/figures.json", "newer", 5);
	cr_assert(publish_commit(&p, false));
	publish_end(&p);
	snprintf(path, sizeof(path), "%s/2022", out);
	cr_expect_neq(access(path, F_OK), 0);
	cr_expect_eq(c.d.failures, 0);
	capture_free(&c);
}

Test(publish, an_abandoned_build_leaves_nothing)
{
	struct capture c;
	struct publish p;
	char cmd[200];

	capture_begin(&c);
	cr_assert(publish_begin(&p, out, &c.d));
	publish_write(&p, "2023/figures.json", "x", 1);
	publish_end(&p);
	snprintf(cmd, sizeof(cmd), "test -z \"$(ls -A '%s')\"", dir);
	cr_expect_eq(system(cmd), 0);
	capture_free(&c);
}

Test(publish, refuses_a_folder_it_did_not_write)
{
	struct capture c;
	struct publish p;
	char path[200];

	mkdir(out, 0777);
	snprintf(path, sizeof(path), "%s/notes.txt", out);
	FILE *f = fopen(path, "w");
	fputs("mine", f);
	fclose(f);
	capture_begin(&c);
	cr_expect_not(publish_begin(&p, out, &c.d));
	publish_end(&p);
	cr_expect_eq(c.d.failures, 1);
	cr_expect_str_eq(slurp(path), "mine");
	capture_free(&c);
}
