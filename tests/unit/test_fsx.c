/* Reading the tree: every path resolved a part at a time, links followed
 * only to files inside it, loops and second paths to a folder refused
 * with what they are, and nothing opened that could block. */
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsx.h"
#include "helpers.h"

static char dir[] = "/tmp/coopgen-fsx.XXXXXX";
static char root[64];
static struct fsx fs;
static struct capture cap;

/* Run a shell command in the tree. */
static void
sh(const char *cmd)
{
	char line[1024];

	snprintf(line, sizeof(line), "cd '%s' && %s", root, cmd);
	cr_assert_eq(system(line), 0, "%s", cmd);
}

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(root, sizeof(root), "%s/content", dir);
	cr_assert_eq(mkdir(root, 0777), 0);
	sh("mkdir -p 2023/media/photos && echo text >2023/report.yaml && "
	    "echo photo >2023/media/photos/a.png && mkfifo 2023/pipe");
	capture_begin(&cap);
	cr_assert(fsx_open(&fs, root, "content", &cap.d));
}

static void
teardown(void)
{
	char cmd[160];

	fsx_close(&fs);
	capture_free(&cap);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

TestSuite(fsx, .init = setup, .fini = teardown, .timeout = 10);

/* The kind of rel, and why it is refused ("" when it is not). */
static enum fsx_kind
kind(const char *rel, const char **why)
{
	enum fsx_kind k = fsx_kind(&fs, rel, why);

	if (*why == NULL)
		*why = "";
	return k;
}

Test(fsx, plain_kinds)
{
	const char *why;

	cr_expect_eq(kind("2023/report.yaml", &why), FSX_FILE);
	cr_expect_eq(kind("2023/media", &why), FSX_DIR);
	cr_expect_eq(kind("", &why), FSX_DIR);
	cr_expect_eq(kind("2023/none", &why), FSX_NONE);
	/* A file used as a folder is nothing there. */
	cr_expect_eq(kind("2023/report.yaml/x", &why), FSX_NONE);
	cr_expect_eq(kind("2023/pipe", &why), FSX_OTHER);
	cr_expect_str_eq(why, "not a regular file (a FIFO, device or socket)");
	cr_expect_eq(kind("2023/../..", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a path that leads outside the content folder");
	cr_expect_eq(kind("2023/./media/../report.yaml", &why), FSX_FILE);
}

Test(fsx, a_link_back_to_a_folder_on_its_path_is_a_loop)
{
	const char *why;

	sh("ln -s . 2023/media/self && ln -s ../.. 2023/media/root");
	cr_expect_eq(kind("2023/media/self", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a symbolic link loop (it leads back to "
	    "'2023/media', a folder it is in)");
	cr_expect_eq(kind("2023/media/root", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a symbolic link loop (it leads back to the "
	    "content folder, a folder it is in)");
	/* Through the loop, nothing is reached. */
	cr_expect_eq(kind("2023/media/self/photos/a.png", &why), FSX_OTHER);
}

Test(fsx, links_that_lead_to_each_other_are_a_loop)
{
	const char *why;

	sh("ln -s b 2023/a && ln -s a 2023/b && ln -s c 2023/c");
	cr_expect_eq(kind("2023/a", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a symbolic link loop (the links lead to one "
	    "another, never to a file or folder)");
	cr_expect_eq(kind("2023/c", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a symbolic link loop (the links lead to one "
	    "another, never to a file or folder)");
}

Test(fsx, a_chain_is_followed_to_forty_links)
{
	const char *why;
	char *text;
	size_t len;

	sh("cd 2023 && ln -s report.yaml l1 && i=1 && while [ $i -lt 40 ]; "
	    "do ln -s l$i l$((i + 1)); i=$((i + 1)); done");
	cr_expect_eq(kind("2023/l40", &why), FSX_FILE);
	cr_assert(fsx_read(&fs, "2023/l40", &text, &len, &cap.d));
	cr_expect_str_eq(text, "text\n");
	free(text);
	sh("cd 2023 && ln -s l40 l41");
	cr_expect_eq(kind("2023/l41", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a chain of more than 40 symbolic links "
	    "(expected a link to the file itself)");
	cr_expect_str_eq(capture_text(&cap), "");
}

Test(fsx, a_link_to_a_folder_is_a_second_path)
{
	const char *why;

	sh("ln -s photos 2023/media/again && ln -s ../report.yaml "
	    "2023/media/report.txt && ln -s /tmp 2023/media/tmp && "
	    "ln -s nowhere 2023/media/nothing");
	cr_expect_eq(kind("2023/media/again", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a symbolic link to a folder, a second path to "
	    "'2023/media/photos' (expected the folder itself, or links to its "
	    "files)");
	cr_expect_eq(kind("2023/media/again/a.png", &why), FSX_OTHER);
	cr_expect_eq(kind("2023/media/report.txt", &why), FSX_FILE);
	cr_expect_eq(kind("2023/media/tmp", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a symbolic link that leads outside the content "
	    "folder");
	cr_expect_eq(kind("2023/media/nothing", &why), FSX_OTHER);
	cr_expect_str_eq(why, "a symbolic link to nothing");
}

Test(fsx, a_listing_reports_loops_and_leaves_them_out)
{
	char **names;

	sh("ln -s . 2023/media/self && ln -s photos 2023/media/again && "
	    "ln -s nowhere 2023/media/nothing && touch 2023/media/.hidden");
	size_t n = fsx_list(&fs, "2023/media", &names, &cap.d);
	/* A link to nothing is its caller's to report, as before. */
	cr_assert_eq(n, 2);
	cr_expect_str_eq(names[0], "nothing");
	cr_expect_str_eq(names[1], "photos");
	fsx_list_free(names, n);
	cr_expect_str_eq(capture_text(&cap),
	    "2023/media/self: error: refused: a symbolic link loop (it leads "
	    "back to '2023/media', a folder it is in)\n"
	    "2023/media/again: error: refused: a symbolic link to a folder, a "
	    "second path to '2023/media/photos' (expected the folder itself, "
	    "or links to its files)\n");
}

Test(fsx, a_folder_that_is_not_one_is_an_error)
{
	sh("ln -s . 2023/loop");
	cr_expect(fsx_folder(&fs, "2023/media", &cap.d));
	cr_expect_not(fsx_folder(&fs, "2023/none", &cap.d));
	cr_expect_not(fsx_folder(&fs, "2023/report.yaml", &cap.d));
	cr_expect_not(fsx_folder(&fs, "2023/pipe", &cap.d));
	/* The listing of 2023 reports the loop, once. */
	cr_expect_not(fsx_folder(&fs, "2023/loop", &cap.d));
	cr_expect_str_eq(capture_text(&cap),
	    "2023/report.yaml: error: refused: a file where a folder was "
	    "expected\n"
	    "2023/pipe: error: refused: not a regular file (a FIFO, device or "
	    "socket)\n");
}

Test(fsx, reading_a_fifo_does_not_wait)
{
	char *text;
	size_t len;

	sh("ln -s pipe 2023/pipe.md");
	cr_expect_not(fsx_read(&fs, "2023/pipe", &text, &len, &cap.d));
	cr_expect_not(fsx_read(&fs, "2023/pipe.md", &text, &len, &cap.d));
	cr_expect_not(fsx_read(&fs, "2023/media", &text, &len, &cap.d));
	cr_expect_str_eq(capture_text(&cap),
	    "2023/pipe: error: refused: not a regular file (a FIFO, device or "
	    "socket)\n"
	    "2023/pipe.md: error: refused: not a regular file (a FIFO, device "
	    "or socket)\n"
	    "2023/media: error: refused: a folder where a file was expected\n");
}

Test(fsx, another_folder_shows_its_paths_under_it)
{
	struct fsx tpl;
	char *text, want[512];
	size_t len;

	sh("ln -s . 2023/loop");
	cr_assert(fsx_open(&tpl, root, "templates", &cap.d));
	cr_expect_not(fsx_read(&tpl, "2023/pipe", &text, &len, &cap.d));
	cr_expect_not(fsx_folder(&tpl, "2023/report.yaml", &cap.d));
	const char *why;
	cr_expect_eq(fsx_kind(&tpl, "2023/loop", &why), FSX_OTHER);
	snprintf(want, sizeof(want), "a symbolic link loop (it leads back to "
	    "'%s/2023', a folder it is in)", root);
	cr_expect_str_eq(why, want);
	fsx_close(&tpl);
	snprintf(want, sizeof(want), "%s/2023/pipe: error: refused: not a "
	    "regular file (a FIFO, device or socket)\n%s/2023/report.yaml: "
	    "error: refused: a file where a folder was expected\n", root, root);
	cr_expect_str_eq(capture_text(&cap), want);
}

Test(fsx, opening_refuses_what_is_not_asked_without_blocking)
{
	struct stat st;
	char path[128];

	sh("ln -s report.yaml 2023/link && ln -s pipe 2023/pipe-link");
	int at = open(root, O_RDONLY | O_DIRECTORY);
	cr_assert_neq(at, -1);
	cr_expect_eq(fsx_open_regular(at, "2023/pipe", false, &st), -1);
	cr_expect_eq(errno, EINVAL);
	cr_expect_str_eq(fsx_what(st.st_mode), "a FIFO");
	cr_expect_eq(fsx_open_regular(at, "2023/pipe-link", true, &st), -1);
	cr_expect_eq(errno, EINVAL);
	cr_expect_eq(fsx_open_regular(at, "2023/media", false, &st), -1);
	cr_expect_eq(errno, EISDIR);
	cr_expect_eq(fsx_open_regular(at, "2023/link", false, &st), -1);
	cr_expect_eq(errno, ELOOP);
	int fd = fsx_open_regular(at, "2023/link", true, &st);
	cr_assert_neq(fd, -1);
	cr_expect(S_ISREG(st.st_mode));
	cr_expect_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	close(fd);

	/* A socket and, as root, a device: the same. */
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/2023/sock", root);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	cr_assert_eq(bind(s, (struct sockaddr *)&sun, sizeof(sun)), 0);
	cr_expect_eq(fsx_open_regular(at, "2023/sock", false, &st), -1);
	cr_expect_str_eq(fsx_what(st.st_mode), "a socket");
	close(s);
	snprintf(path, sizeof(path), "%s/2023/null", root);
	if (mknod(path, S_IFCHR | 0666, makedev(1, 3)) == 0) {
		cr_expect_eq(fsx_open_regular(at, "2023/null", false, &st), -1);
		cr_expect_str_eq(fsx_what(st.st_mode), "a device");
	}

	DIR *d = fsx_open_folder(at, "2023/pipe", false, NULL);
	cr_expect_null(d);
	cr_expect_eq(errno, ENOTDIR);
	d = fsx_open_folder(at, "2023/media", false, &st);
	cr_expect_not_null(d);
	if (d != NULL)
		closedir(d);
	close(at);
}
