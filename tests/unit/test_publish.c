/* The output folder: paths that may be written, the swap, the refusals. */
#include <criterion/criterion.h>
#include <stdbool.h>
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
	char path[200];
	snprintf(path, sizeof(path), "%s/2023", out);
	cr_expect_neq(access(path, F_OK), 0);
	cr_assert(publish_commit(&p, true));
	publish_end(&p);
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
	cr_assert(publish_commit(&p, true));
	publish_end(&p);

	/* A build of 2023 alone, keeping what it did not write. */
	cr_assert(publish_begin(&p, out, &c.d));
	publish_write(&p, "2023/figures.json", "new 2023", 8);
	cr_assert(publish_commit(&p, false));
	publish_end(&p);
	snprintf(path, sizeof(path), "%s/2022/figures.json", out);
	cr_expect_str_eq(slurp(path), "old 2022");
	snprintf(path, sizeof(path), "%s/2023/figures.json", out);
	cr_expect_str_eq(slurp(path), "new 2023");

	/* A full build drops what it did not write. */
	cr_assert(publish_begin(&p, out, &c.d));
	publish_write(&p, "2023/figures.json", "newer", 5);
	cr_assert(publish_commit(&p, true));
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

/* Write file rel of out (parents made) with text. */
static void
put(const char *rel, const char *text)
{
	char path[300], cmd[400];

	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s/%s')\"", out, rel);
	cr_assert_eq(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/%s", out, rel);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static const char *
at(const char *rel)
{
	char path[300];

	snprintf(path, sizeof(path), "%s/%s", out, rel);
	return slurp(path);
}

/* One build writing files[0..n) (path, text pairs); its commit's result. */
static bool
build(struct capture *c, bool full, const char *const *files, size_t n)
{
	struct publish p;

	if (!publish_begin(&p, out, &c->d)) {
		publish_end(&p);
		return false;
	}
	for (size_t i = 0; i + 1 < n; i += 2)
		publish_write(&p, files[i], files[i + 1], strlen(files[i + 1]));
	bool ok = publish_commit(&p, full);
	publish_end(&p);
	return ok;
}

#define BUILD(c, full, ...) build((c), (full), (const char *const[]){ \
	__VA_ARGS__ }, sizeof((const char *const[]){ __VA_ARGS__ }) / \
	sizeof(const char *))

/* What coopgen did not write stays, at the top, inside a year, hidden or
 * not; what it wrote and no longer writes goes. */
Test(publish, keeps_what_it_did_not_write)
{
	struct capture c;

	capture_begin(&c);
	cr_assert(BUILD(&c, true, "index.html", "1", "2022/a.html", "a",
	    "2023/b.html", "b", "2023/old/c.html", "c"));
	put(".git/HEAD", "ref");
	put("CNAME", "example.org");
	put(".well-known/security.txt", "s");
	put("2023/.htaccess", "deny");
	put("2023/old/notes.txt", "mine");
	cr_assert(BUILD(&c, true, "index.html", "2", "2023/b.html", "B"));
	cr_expect_str_eq(at(".git/HEAD"), "ref");
	cr_expect_str_eq(at("CNAME"), "example.org");
	cr_expect_str_eq(at(".well-known/security.txt"), "s");
	cr_expect_str_eq(at("2023/.htaccess"), "deny");
	cr_expect_str_eq(at("2023/old/notes.txt"), "mine");
	cr_expect_str_eq(at("2023/b.html"), "B");
	cr_expect_str_eq(at("index.html"), "2");
	cr_expect_null(at("2022/a.html"));
	cr_expect_null(at("2023/old/c.html"));
	char path[300];
	snprintf(path, sizeof(path), "%s/2022", out);
	cr_expect_neq(access(path, F_OK), 0);
	cr_expect_eq(c.d.failures, 0, "%s", capture_text(&c));
	capture_free(&c);
}

/* A FIFO, a link or someone's file where the new output puts a file:
 * refused, named, and nothing changed (and nothing waited on). */
Test(publish, refuses_what_stands_in_the_way, .timeout = 10)
{
	struct capture c;
	char path[300];

	capture_begin(&c);
	cr_assert(BUILD(&c, true, "2023/a.html", "a", "2023/b.html", "b"));
	snprintf(path, sizeof(path), "%s/2023/a.html", out);
	unlink(path);
	cr_assert_eq(mkfifo(path, 0666), 0);
	snprintf(path, sizeof(path), "%s/2023/c.html", out);
	cr_assert_eq(symlink("/etc/passwd", path), 0);
	put("2023/d.html", "mine");
	cr_expect_not(BUILD(&c, true, "2023/a.html", "A", "2023/b.html", "B",
	    "2023/c.html", "C", "2023/d.html", "D"));
	char want[2000];
	snprintf(want, sizeof(want), "%s/2023/a.html: error: not replaced: "
	    "it is a FIFO that coopgen did not write, where the new output "
	    "puts a file or folder (expected nothing there, or what an earlier "
	    "build wrote; move it away or delete it)\n"
	    "%s/2023/c.html: error: not replaced: it is a symbolic link that "
	    "coopgen did not write, where the new output puts a file or folder "
	    "(expected nothing there, or what an earlier build wrote; move it "
	    "away or delete it)\n"
	    "%s/2023/d.html: error: not replaced: it is a file that coopgen "
	    "did not write, where the new output puts a file or folder "
	    "(expected nothing there, or what an earlier build wrote; move it "
	    "away or delete it)\n", out, out, out);
	cr_expect_str_eq(capture_text(&c), want);
	capture_free(&c);
	cr_expect_str_eq(at("2023/b.html"), "b");
	cr_expect_str_eq(at("2023/d.html"), "mine");
}

/* A year folder moved away behind a link is not followed. */
Test(publish, follows_no_link_in_the_output)
{
	struct capture c;
	char path[500], away[400];

	capture_begin(&c);
	cr_assert(BUILD(&c, true, "2023/a.html", "a"));
	snprintf(path, sizeof(path), "%s/2023", out);
	snprintf(away, sizeof(away), "%s/away", dir);
	cr_assert_eq(rename(path, away), 0);
	cr_assert_eq(symlink(away, path), 0);
	cr_expect_not(BUILD(&c, true, "2023/a.html", "A"));
	cr_expect_eq(c.d.failures, 1);
	snprintf(path, sizeof(path), "%s/a.html", away);
	cr_expect_str_eq(slurp(path), "a");
	capture_free(&c);
}

/* One build at a time. */
Test(publish, one_build_at_a_time)
{
	struct capture c;
	struct publish p, q;

	capture_begin(&c);
	cr_assert(publish_begin(&p, out, &c.d));
	cr_expect_not(publish_begin(&q, out, &c.d));
	publish_end(&q);
	cr_expect_eq(c.d.failures, 1);
	publish_write(&p, "a.html", "a", 1);
	cr_expect(publish_commit(&p, true));
	publish_end(&p);
	cr_expect_str_eq(at("a.html"), "a");
	capture_free(&c);
}

/* What an interrupted build left is removed by the next. */
Test(publish, removes_what_a_killed_build_left)
{
	struct capture c;
	char cmd[400];

	capture_begin(&c);
	cr_assert(BUILD(&c, true, "a.html", "a"));
	put(".coopgen-new-Abc123/2023/x.html", "x");
	cr_assert(BUILD(&c, true, "a.html", "b"));
	snprintf(cmd, sizeof(cmd), "test \"$(ls -A '%s' | tr '\\n' ' ')\" = "
	    "'.coopgen a.html '", out);
	cr_expect_eq(system(cmd), 0);
	capture_free(&c);
}

/* The output folder apart from what a build reads. */
Test(publish, refuses_an_output_around_or_inside_the_content)
{
	char content[300], inner[300], outer[300];

	snprintf(content, sizeof(content), "%s/site/content", dir);
	snprintf(inner, sizeof(inner), "%s/site/content/out", dir);
	snprintf(outer, sizeof(outer), "%s/site/", dir);
	cr_expect_not(publish_apart(outer, content, "--content"));
	cr_expect_not(publish_apart(inner, content, "--content"));
	cr_expect_not(publish_apart(content, content, "--content"));
	cr_expect(publish_apart(out, content, "--content"));
	snprintf(inner, sizeof(inner), "%s/site/contents", dir);
	cr_expect(publish_apart(inner, content, "--content"));
}

/* An empty folder is someone's (coopgen makes a folder only for a file):
 * kept inside a year, and named where a file is to go. */
Test(publish, keeps_empty_folders)
{
	struct capture c;
	char path[300];

	capture_begin(&c);
	cr_assert(BUILD(&c, true, "2023/a.html", "a", "2023/b/c.html", "c"));
	snprintf(path, sizeof(path), "%s/2023/drafts", out);
	cr_assert_eq(mkdir(path, 0777), 0);
	snprintf(path, sizeof(path), "%s/2023/b/todo", out);
	cr_assert_eq(mkdir(path, 0777), 0);
	snprintf(path, sizeof(path), "%s/index.html", out);
	cr_assert_eq(mkdir(path, 0777), 0);
	cr_expect_not(BUILD(&c, true, "2023/a.html", "A", "index.html", "i"));
	cr_expect_eq(c.d.failures, 1, "%s", capture_text(&c));
	rmdir(path);
	cr_expect(BUILD(&c, true, "2023/a.html", "A"));
	snprintf(path, sizeof(path), "%s/2023/drafts", out);
	cr_expect_eq(access(path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/2023/b/todo", out);
	cr_expect_eq(access(path, F_OK), 0);
	cr_expect_null(at("2023/b/c.html"));
	capture_free(&c);
}

/* A page coopgen no longer makes is deleted only as coopgen left it: one
 * changed since is kept, with a warning. */
Test(publish, keeps_a_stale_page_changed_since)
{
	struct capture c;
	char want[600];

	capture_begin(&c);
	cr_assert(BUILD(&c, true, "2023/a.html", "a", "2023/b.html", "b",
	    "2023/c.html", "c"));
	put("2023/b.html", "edited by hand, and kept online");
	cr_assert(BUILD(&c, true, "2023/a.html", "a"));
	cr_expect_str_eq(at("2023/b.html"), "edited by hand, and kept online");
	cr_expect_null(at("2023/c.html"));
	snprintf(want, sizeof(want), "%s: warning: kept 2023/b.html: coopgen "
	    "wrote it and no longer does, but it has changed since (delete it "
	    "if it is not wanted)\n", out);
	cr_expect_str_eq(capture_text(&c), want);
	capture_free(&c);
}

/* Only a folder named as a staging folder is taken for one. */
Test(publish, removes_only_its_own_leftovers)
{
	struct capture c;

	capture_begin(&c);
	cr_assert(BUILD(&c, true, "a.html", "a"));
	put(".coopgen-new-notes", "mine");
	put(".coopgen-new-abcdef", "a file, not a folder");
	put(".coopgen-new-Zz9876/x.html", "left by a crash");
	cr_assert(BUILD(&c, true, "a.html", "b"));
	cr_expect_str_eq(at(".coopgen-new-notes"), "mine");
	cr_expect_str_eq(at(".coopgen-new-abcdef"), "a file, not a folder");
	cr_expect_null(at(".coopgen-new-Zz9876/x.html"));
	capture_free(&c);
}

/* An output of an older coopgen (its marker lists nothing): only the
 * files this build writes are taken for its; the rest stays. */
Test(publish, an_older_output_loses_nothing)
{
	struct capture c;

	capture_begin(&c);
	put(".coopgen", "This folder is written by coopgen and replaced whole "
	    "by each build.\n");
	put("2023/index.html", "old");
	put("2023/notes.txt", "mine");
	cr_assert(BUILD(&c, true, "2023/index.html", "new"));
	cr_expect_str_eq(at("2023/index.html"), "new");
	cr_expect_str_eq(at("2023/notes.txt"), "mine");
	cr_expect_eq(c.d.failures + c.d.warnings, 0, "%s", capture_text(&c));
	capture_free(&c);
}

/* A first build into a GitHub Pages checkout: its .git, CNAME, README and
 * hidden files stay; a folder holding anything else is someone's. */
Test(publish, first_build_into_a_site_checkout)
{
	struct capture c;

	capture_begin(&c);
	put(".git/HEAD", "ref: refs/heads/main");
	put("CNAME", "report.example.org");
	put("README.md", "# The report");
	put(".nojekyll", "");
	cr_assert(BUILD(&c, true, "index.html", "i", "2023/a.html", "a"));
	cr_expect_str_eq(at(".git/HEAD"), "ref: refs/heads/main");
	cr_expect_str_eq(at("CNAME"), "report.example.org");
	cr_expect_str_eq(at("README.md"), "# The report");
	cr_expect_str_eq(at("index.html"), "i");
	cr_expect_eq(c.d.failures, 0, "%s", capture_text(&c));
	capture_free(&c);
}
