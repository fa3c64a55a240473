#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "build.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "scaffold.h"
#include "slug.h"
#include "xalloc.h"

/* The files of a new site, in each language. %1$d is the year, %2$s
 * today's date (YYYY-MM-DD), %3$s the first activity's date. */
struct site_file {
	const char *rel;
	const char *text;
};

static const struct site_file site_vi[] = {
	{ "site.yaml",
"# Cơ quan lập báo cáo, ngôn ngữ của báo cáo (vi hoặc en) và hai danh mục\n"
"# dùng để phân loại hoạt động. Sửa tên cơ quan, thêm hoặc bớt mục: mỗi mã\n"
"# (id) ở đây được các hồ sơ hoạt động dẫn chiếu. Xem docs/content.vi.md.\n"
"organisation: Tên cơ quan của bạn\n"
"organisation_short: Tên viết tắt\n"
"lang: vi\n"
"\n"
"# Khuôn khổ hợp tác, theo thứ tự trình bày trong báo cáo.\n"
"frameworks:\n"
"  - id: multilateral\n"
"    name: Hợp tác đa phương\n"
"  - id: bilateral\n"
"    name: Hợp tác song phương\n"
"\n"
"# Loại hoạt động.\n"
"kinds:\n"
"  - id: meeting\n"
"    name: Họp, hội nghị\n"
"  - id: visit\n"
"    name: Đoàn ra làm việc\n"
"  - id: workshop\n"
"    name: Hội thảo\n" },
	{ "partners.yaml",
"# Danh bạ đối tác, theo thứ tự trình bày. country: mã quốc gia ISO 3166\n"
"# (hai chữ in hoa); bỏ trống với tổ chức quốc tế.\n"
"- id: example\n"
"  name: Tên đầy đủ của đối tác\n"
"  short: Tên viết tắt\n" },
	{ "%1$d/report.yaml",
"# Báo cáo của năm: tiêu đề, lời dẫn (Markdown; {{stat ...}} là số liệu do\n"
"# coopgen tính), ngày ban hành, người viết.\n"
"title: Báo cáo hợp tác quốc tế năm %1$d\n"
"lead: |\n"
"  Năm %1$d, cơ quan ghi nhận {{stat activities.total}} hoạt động hợp tác\n"
"  quốc tế.\n"
"published: %2$s\n"
"authors:\n"
"  - Tên đơn vị viết báo cáo\n" },
	{ "%1$d/sections/01-tong-quan.md",
"---\n"
"# Mỗi tệp trong sections/ là một chương của báo cáo; order: thứ tự.\n"
"title: Tổng quan\n"
"order: 1\n"
"---\n"
"Trong năm %1$d, cơ quan ghi nhận {{stat activities.total}} hoạt động hợp\n"
"tác quốc tế. Viết nội dung chương ở đây, bằng Markdown.\n" },
	{ "%1$d/activities/hoat-dong-dau-tien.md",
"---\n"
"# Mỗi tệp trong activities/ là một hoạt động. framework và kind là mã\n"
"# trong site.yaml, partners là mã trong partners.yaml; date trong năm.\n"
"# Thêm hoạt động mới: coopgen new activity \"Tiêu đề\"\n"
"title: Hoạt động đầu tiên\n"
"date: %3$s\n"
"framework: bilateral\n"
"kind: meeting\n"
"partners: [example]\n"
"---\n"
"Viết nội dung hoạt động ở đây, bằng Markdown.\n" },
};

static const struct site_file site_en[] = {
	{ "site.yaml",
"# The organisation, the language of the report (vi or en) and the two\n"
"# vocabularies that classify activities. Change the name, add or remove\n"
"# entries: records refer to each id here. See docs/content.md.\n"
"organisation: Your organisation\n"
"organisation_short: Short name\n"
"lang: en\n"
"\n"
"# Frameworks of cooperation, in the order the report shows them.\n"
"frameworks:\n"
"  - id: multilateral\n"
"    name: Multilateral cooperation\n"
"  - id: bilateral\n"
"    name: Bilateral cooperation\n"
"\n"
"# Kinds of activity.\n"
"kinds:\n"
"  - id: meeting\n"
"    name: Meetings and conferences\n"
"  - id: visit\n"
"    name: Visits abroad\n"
"  - id: workshop\n"
"    name: Workshops\n" },
	{ "partners.yaml",
"# The partners, in display order. country: an ISO 3166 code (two\n"
"# capitals); leave it out for an international organisation.\n"
"- id: example\n"
"  name: The partner's full name\n"
"  short: Short name\n" },
	{ "%1$d/report.yaml",
"# The year's report: title, lead (Markdown; {{stat ...}} is a figure that\n"
"# coopgen computes), the date it is published, its authors.\n"
"title: International cooperation in %1$d\n"
"lead: |\n"
"  In %1$d, the organisation took part in {{stat activities.total}}\n"
"  international activities.\n"
"published: %2$s\n"
"authors:\n"
"  - The unit that writes the report\n" },
	{ "%1$d/sections/01-overview.md",
"---\n"
"# Each file in sections/ is a chapter of the report; order: its place.\n"
"title: Overview\n"
"order: 1\n"
"---\n"
"In %1$d, the organisation took part in {{stat activities.total}}\n"
"international activities. Write the chapter here, in Markdown.\n" },
	{ "%1$d/activities/first-activity.md",
"---\n"
"# Each file in activities/ is one activity. framework and kind are ids\n"
"# of site.yaml, partners ids of partners.yaml; the date is in the year.\n"
"# To add one: coopgen new activity \"Title\"\n"
"title: The first activity\n"
"date: %3$s\n"
"framework: bilateral\n"
"kind: meeting\n"
"partners: [example]\n"
"---\n"
"Write what happened here, in Markdown.\n" },
};

/* Make dir and its missing parents. */
static bool
make_folders(const char *dir)
{
	char *p = xstrdup(dir);
	bool ok = true;

	for (char *s = p + 1; ok && *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			ok = false;
		*s = '/';
	}
	if (ok && mkdir(p, 0777) != 0 && errno != EEXIST)
		ok = false;
	if (!ok)
		fprintf(stderr, "coopgen: %s: cannot make the folder: %s\n", p,
		    strerror(errno));
	free(p);
	return ok;
}

/* Write a new file, never over an existing one. *existed tells why not. */
static bool
write_new(const char *path, const char *text, size_t len, bool *existed)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

	if (fd < 0) {
		*existed = errno == EEXIST;
		if (!*existed)
			fprintf(stderr, "coopgen: %s: %s\n", path,
			    strerror(errno));
		else
			fprintf(stderr, "coopgen: %s: exists already (a new "
			    "file is never written over another)\n", path);
		return false;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "coopgen: %s: %s\n", path,
			    strerror(errno));
			close(fd);
			unlink(path);
			return false;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0) {
		fprintf(stderr, "coopgen: %s: %s\n", path, strerror(errno));
		unlink(path);
		return false;
	}
	return true;
}

/* The date of now, as the writer's clock shows it. */
static struct tm
today(const struct scaffold *s)
{
	struct tm tm;

	if (localtime_r(&s->now, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	return tm;
}

int
scaffold_site(const struct scaffold *s, const char *dir)
{
	const struct site_file *files = site_vi;
	size_t n = sizeof(site_vi) / sizeof(*site_vi);

	if (s->lang != NULL && strcmp(s->lang, "en") == 0) {
		files = site_en;
		n = sizeof(site_en) / sizeof(*site_en);
	} else if (s->lang != NULL && strcmp(s->lang, "vi") != 0) {
		fprintf(stderr, "coopgen: --lang '%s': expected vi or en\n",
		    s->lang);
		return EXIT_USAGE;
	}
	/* Only a new or empty folder: a new site never mixes with files
	 * already there. */
	DIR *d = opendir(dir);
	if (d != NULL) {
		struct dirent *e;
		bool empty = true;
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0)
				empty = false;
		closedir(d);
		if (!empty) {
			fprintf(stderr, "coopgen: %s: the folder is not empty "
			    "(expected a new or empty folder for a new "
			    "site)\n", dir);
			return EXIT_USAGE;
		}
	} else if (errno != ENOENT) {
		fprintf(stderr, "coopgen: %s: %s\n", dir, strerror(errno));
		return EXIT_SYSTEM;
	}
	struct tm tm = today(s);
	int year = s->year ? s->year : tm.tm_year + 1900;
	char date[48], first[48];
	snprintf(date, sizeof(date), "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
	/* The first activity happened in the report's year: today when it
	 * is this year, else just the year. */
	if (year == tm.tm_year + 1900)
		snprintf(first, sizeof(first), "%s", date);
	else
		snprintf(first, sizeof(first), "%04d", year);
	/* A report of a past year is published now; of a later one, the
	 * day after it ends. */
	if (year > tm.tm_year + 1900)
		snprintf(date, sizeof(date), "%04d-01-15", year + 1);
	struct buf path = BUF_INIT, text = BUF_INIT;
	bool ok = true, existed = false;
	for (size_t i = 0; ok && i < n; i++) {
		buf_reset(&path);
		buf_reset(&text);
		buf_printf(&path, "%s/", dir);
		buf_printf(&path, files[i].rel, year);
		buf_printf(&text, files[i].text, year, date, first);
		char *slash = strrchr(path.data, '/');
		*slash = '\0';
		ok = make_folders(buf_str(&path));
		*slash = '/';
		ok = ok && write_new(buf_str(&path), text.data, text.len,
		    &existed);
	}
	buf_free(&path);
	buf_free(&text);
	if (!ok)
		return EXIT_SYSTEM;
	printf("%s: a new site, year %d; try: coopgen serve --content %s\n",
	    dir, year, dir);
	return EXIT_OK;
}

static void yaml_quoted(struct buf *b, const char *value);

/* value as YAML, as a writer would type it when it can be (plain), else
 * double-quoted: always well-formed, whatever was typed; check judges what
 * it says. flow: inside [...], where ",[]{}" end a plain value. */
static void
yaml_scalar(struct buf *b, const char *value, bool flow)
{
	size_t len = strlen(value);
	bool plain = len > 0 && strchr("-?:,[]{}#&*!|>'\"%@`", value[0]) ==
	    NULL && value[0] != ' ' && value[len - 1] != ' ' &&
	    strstr(value, ": ") == NULL && strstr(value, " #") == NULL &&
	    value[len - 1] != ':';
	for (const char *p = value; plain && *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch < 0x20 || ch == 0x7f || ch == '\\' ||
		    (flow && strchr(",[]{}", ch) != NULL))
			plain = false;
	}
	if (plain)
		buf_puts(b, value);
	else
		yaml_quoted(b, value);
}

/* value as a YAML double-quoted scalar. */
static void
yaml_quoted(struct buf *b, const char *value)
{
	buf_putc(b, '"');
	for (const char *p = value; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '"' || ch == '\\')
			buf_printf(b, "\\%c", ch);
		else if (ch < 0x20 || ch == 0x7f)
			buf_printf(b, "\\x%02x", ch);
		else
			buf_putc(b, (char)ch);
	}
	buf_putc(b, '"');
}

/* Load a year of the content, its messages into *msgs (held and sorted,
 * as check prints them). */
static bool
load_year(struct content *c, const char *root, int year, char **msgs,
    size_t *len, struct diag *d)
{
	FILE *f = open_memstream(msgs, len);

	if (f == NULL)
		xalloc_die();
	diag_init(d, f);
	diag_hold(d);
	bool ok = content_load(c, root, &year, 1, d);
	diag_release(d);
	fclose(f);
	return ok;
}

int
scaffold_activity(const struct scaffold *s, const char *title)
{
	struct tm tm = today(s);
	int year = s->year ? s->year : tm.tm_year + 1900;
	struct content c;
	struct diag d;
	char *msgs = NULL;
	size_t len = 0;

	if (title[strspn(title, " \t")] == '\0') {
		fputs("coopgen: new activity: the title is empty (expected "
		    "the activity's title, such as \"Hội thảo về nhãn "
		    "hiệu\")\n", stderr);
		return EXIT_USAGE;
	}
	memset(&c, 0, sizeof(c));
	if (!load_year(&c, s->content, year, &msgs, &len, &d)) {
		fputs(msgs, stderr);
		free(msgs);
		content_free(&c);
		return diag_status(&d) ? diag_status(&d) : EXIT_SYSTEM;
	}
	const struct year *y = content_year(&c, year);
	if (!c.site_ok || y == NULL) {
		fputs(msgs, stderr);
		if (y == NULL && len == 0)
			fprintf(stderr, "coopgen: %s/%d: no such year folder "
			    "(expected a folder with its report.yaml, or "
			    "--year)\n", s->content, year);
		else
			fprintf(stderr, "coopgen: %s/site.yaml has errors; "
			    "fix them first\n", s->content);
		free(msgs);
		content_free(&c);
		return EXIT_CONTENT;
	}
	free(msgs);

	char slug[SLUG_MAX + 1];
	if (slug_make(title, strlen(title), slug) == 0 ||
	    slug_drops_letters(title, strlen(title))) {
		char lead[SLUG_MAX + 1];
		slug_make(title, strlen(title), lead);
		slug_hashed(lead, title, slug);
	}
	char date[48];
	if (s->date != NULL)
		snprintf(date, sizeof(date), "%s", s->date);
	else if (year == tm.tm_year + 1900)
		snprintf(date, sizeof(date), "%04d-%02d-%02d", year,
		    tm.tm_mon + 1, tm.tm_mday);
	else
		snprintf(date, sizeof(date), "%04d", year);

	struct buf text = BUF_INIT, rel = BUF_INIT, path = BUF_INIT;
	buf_puts(&text, "---\ntitle: ");
	yaml_scalar(&text, title, false);
	buf_puts(&text, "\ndate: ");
	yaml_scalar(&text, s->date != NULL ? s->date : date, false);
	buf_puts(&text, "\nframework: ");
	yaml_scalar(&text, s->framework != NULL ? s->framework :
	    c.site.frameworks.v[0].id, false);
	buf_puts(&text, "\nkind: ");
	yaml_scalar(&text, s->kind != NULL ? s->kind : c.site.kinds.v[0].id,
	    false);
	if (s->n_partners > 0) {
		buf_puts(&text, "\npartners: [");
		for (size_t i = 0; i < s->n_partners; i++) {
			if (i > 0)
				buf_puts(&text, ", ");
			yaml_scalar(&text, s->partners[i], true);
		}
		buf_putc(&text, ']');
	}
	buf_puts(&text, c.site.lang == LANG_EN ?
	    "\n# place: where it happened\n# summary: one sentence\n---\n"
	    "Write what happened here, in Markdown.\n" :
	    "\n# place: nơi diễn ra\n# summary: tóm tắt trong một câu\n---\n"
	    "Viết nội dung hoạt động ở đây, bằng Markdown.\n");
	buf_printf(&rel, "%s/activities/%s.md", y->dir, slug);
	buf_printf(&path, "%s/%s/activities", s->content, y->dir);
	content_free(&c);

	int status = EXIT_OK;
	bool existed = false;
	if (!make_folders(buf_str(&path)))
		status = EXIT_SYSTEM;
	buf_printf(&path, "/%s.md", slug);
	if (status == EXIT_OK && !write_new(buf_str(&path), text.data,
	    text.len, &existed))
		status = existed ? EXIT_CONTENT : EXIT_SYSTEM;
	if (status != EXIT_OK) {
		goto out;
	}

	/* Checked with its year as check checks it: its problems in check's
	 * words, without the place in a file that is taken back. */
	memset(&c, 0, sizeof(c));
	load_year(&c, s->content, year, &msgs, &len, &d);
	content_free(&c);
	size_t errors = 0;
	for (char *line = msgs, *end; line != NULL && *line != '\0';
	    line = end) {
		end = strchr(line, '\n');
		if (end != NULL)
			*end++ = '\0';
		if (strncmp(line, buf_str(&rel), rel.len) != 0 ||
		    line[rel.len] != ':')
			continue;
		char *what = strstr(line, ": error: ");
		if (what != NULL) {
			fprintf(stderr, "coopgen: new activity: %s\n",
			    what + 9);
			errors++;
		} else if ((what = strstr(line, ": warning: ")) != NULL)
			fprintf(stderr, "coopgen: new activity: warning: %s\n",
			    what + 11);
	}
	free(msgs);
	if (errors > 0) {
		unlink(buf_str(&path));
		fprintf(stderr, "coopgen: nothing was written\n");
		status = EXIT_CONTENT;
	} else
		printf("%s\n", buf_str(&path));
out:
	buf_free(&text);
	buf_free(&rel);
	buf_free(&path);
	return status;
}

/* The whole of a file, or NULL (and *len 0) when there is none. */
static char *
slurp(const char *path, size_t *len, bool *missing)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;

	*len = 0;
	*missing = f == NULL && errno == ENOENT;
	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	if (b.data == NULL)
		buf_putc(&b, '\0');
	return buf_detach(&b);
}

/* Put text in place as path, in one rename, with the mode it had. */
static bool
replace_file(const char *path, const char *text, size_t len, mode_t mode)
{
	struct buf tmp = BUF_INIT;
	const char *slash = strrchr(path, '/');
	bool existed = false;

	/* Beside it, hidden: coopgen reads no dot file. */
	if (slash != NULL)
		buf_append(&tmp, path, (size_t)(slash - path + 1));
	buf_printf(&tmp, ".%s.coopgen-new", slash ? slash + 1 : path);
	unlink(buf_str(&tmp));
	bool ok = write_new(buf_str(&tmp), text, len, &existed) &&
	    chmod(buf_str(&tmp), mode) == 0 &&
	    rename(buf_str(&tmp), path) == 0;
	if (!ok) {
		fprintf(stderr, "coopgen: %s: cannot write: %s\n", path,
		    strerror(errno));
		unlink(buf_str(&tmp));
	}
	buf_free(&tmp);
	return ok;
}

/* The problems check finds in rel from line first on, printed as
 * coopgen new's; how many errors. */
static size_t
report_from(char *msgs, const char *rel, int first, const char *what)
{
	size_t errors = 0, rlen = strlen(rel);

	for (char *line = msgs, *end; line != NULL && *line != '\0';
	    line = end) {
		end = strchr(line, '\n');
		if (end != NULL)
			*end++ = '\0';
		if (strncmp(line, rel, rlen) != 0 || line[rlen] != ':' ||
		    atoi(line + rlen + 1) < first)
			continue;
		char *msg = strstr(line, ": error: ");
		if (msg != NULL) {
			fprintf(stderr, "coopgen: new %s: %s\n", what, msg + 9);
			errors++;
		} else if ((msg = strstr(line, ": warning: ")) != NULL)
			fprintf(stderr, "coopgen: new %s: warning: %s\n", what,
			    msg + 11);
	}
	return errors;
}

/* Add record (YAML text of one list item) at the end of rel, a file of
 * the content, then check it. */
static int
append_record(const struct scaffold *s, int year, const char *rel,
    const char *record, const char *what)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	size_t len;
	bool missing;
	struct stat st;
	mode_t mode = 0644;

	buf_printf(&path, "%s/%s", s->content, rel);
	char *old = slurp(buf_str(&path), &len, &missing);
	if (old == NULL && !missing) {
		fprintf(stderr, "coopgen: %s: cannot read: %s\n",
		    buf_str(&path), strerror(errno));
		buf_free(&path);
		return EXIT_SYSTEM;
	}
	if (old != NULL && stat(buf_str(&path), &st) == 0)
		mode = st.st_mode & 07777;
	/* After everything there is, a blank line between records. */
	int first = 1;
	if (old != NULL) {
		buf_append(&text, old, len);
		if (len > 0 && old[len - 1] != '\n')
			buf_putc(&text, '\n');
		if (len > 0)
			buf_putc(&text, '\n');
		for (size_t i = 0; i < text.len; i++)
			first += text.data[i] == '\n';
	}
	buf_puts(&text, record);
	int status = EXIT_OK;
	if (!replace_file(buf_str(&path), text.data, text.len, mode)) {
		status = EXIT_SYSTEM;
		goto out;
	}
	struct content c;
	struct diag d;
	char *msgs = NULL;
	size_t mlen = 0;
	memset(&c, 0, sizeof(c));
	load_year(&c, s->content, year, &msgs, &mlen, &d);
	content_free(&c);
	size_t errors = report_from(msgs, rel, first, what);
	free(msgs);
	if (errors > 0) {
		/* As it was: the old bytes, or no file. */
		if (old != NULL)
			replace_file(buf_str(&path), old, len, mode);
		else
			unlink(buf_str(&path));
		fprintf(stderr, "coopgen: nothing was written\n");
		status = EXIT_CONTENT;
	} else
		printf("%s:%d\n", buf_str(&path), first);
out:
	free(old);
	buf_free(&path);
	buf_free(&text);
	return status;
}

/* The content's site must load, and the year exist, before a record is
 * added to it. */
static bool
content_ready(const struct scaffold *s, int year, bool need_year)
{
	struct content c;
	struct diag d;
	char *msgs = NULL;
	size_t len = 0;

	memset(&c, 0, sizeof(c));
	bool ok = load_year(&c, s->content, year, &msgs, &len, &d);
	if (ok && (!c.site_ok || (need_year && content_year(&c, year) ==
	    NULL))) {
		fputs(msgs, stderr);
		if (c.site_ok && len == 0)
			fprintf(stderr, "coopgen: %s/%d: no such year folder "
			    "(expected a folder with its report.yaml, or "
			    "--year)\n", s->content, year);
		else if (!c.site_ok)
			fprintf(stderr, "coopgen: %s/site.yaml has errors; "
			    "fix them first\n", s->content);
		ok = false;
	} else if (!ok)
		fputs(msgs, stderr);
	free(msgs);
	content_free(&c);
	return ok;
}

static void
record_refs(struct buf *b, const struct scaffold *s, size_t from)
{
	if (s->n_partners <= from)
		return;
	buf_puts(b, "  partners: [");
	for (size_t i = from; i < s->n_partners; i++) {
		if (i > from)
			buf_puts(b, ", ");
		yaml_scalar(b, s->partners[i], true);
	}
	buf_puts(b, "]\n");
}

int
scaffold_agreement(const struct scaffold *s, const char *title)
{
	struct tm tm = today(s);
	int year = s->year ? s->year : tm.tm_year + 1900;
	struct buf r = BUF_INIT;

	if (title[strspn(title, " \t")] == '\0') {
		fputs("coopgen: new agreement: the title is empty (expected "
		    "the agreement's title)\n", stderr);
		return EXIT_USAGE;
	}
	if (!content_ready(s, year, false))
		return EXIT_CONTENT;
	buf_puts(&r, "- title: ");
	yaml_scalar(&r, title, false);
	buf_puts(&r, "\n  type: ");
	yaml_scalar(&r, s->type != NULL ? s->type : "bilateral", false);
	buf_putc(&r, '\n');
	record_refs(&r, s, 0);
	if (s->framework != NULL) {
		buf_puts(&r, "  framework: ");
		yaml_scalar(&r, s->framework, false);
		buf_putc(&r, '\n');
	}
	if (s->date != NULL) {
		buf_puts(&r, "  signed: ");
		yaml_scalar(&r, s->date, false);
		buf_putc(&r, '\n');
	}
	if (s->status != NULL) {
		buf_puts(&r, "  status: ");
		yaml_scalar(&r, s->status, false);
		buf_putc(&r, '\n');
	}
	int status = append_record(s, year, "agreements.yaml", buf_str(&r),
	    "agreement");
	buf_free(&r);
	return status;
}

int
scaffold_project(const struct scaffold *s, const char *title)
{
	struct tm tm = today(s);
	int year = s->year ? s->year : tm.tm_year + 1900;
	struct buf r = BUF_INIT, rel = BUF_INIT;
	const char *funder = s->funder != NULL ? s->funder :
	    s->n_partners > 0 ? s->partners[0] : NULL;

	if (title[strspn(title, " \t")] == '\0') {
		fputs("coopgen: new project: the title is empty (expected "
		    "the project's title)\n", stderr);
		return EXIT_USAGE;
	}
	if (funder == NULL) {
		fputs("coopgen: new project: --funder is needed (expected the "
		    "id in partners.yaml of the partner that funds it)\n",
		    stderr);
		return EXIT_USAGE;
	}
	if (!content_ready(s, year, true))
		return EXIT_CONTENT;
	buf_puts(&r, "- title: ");
	yaml_scalar(&r, title, false);
	buf_puts(&r, "\n  funder: ");
	yaml_scalar(&r, funder, false);
	buf_puts(&r, "\n  status: ");
	yaml_scalar(&r, s->status != NULL ? s->status : "ongoing", false);
	buf_putc(&r, '\n');
	if (s->date != NULL) {
		buf_puts(&r, "  start: ");
		yaml_scalar(&r, s->date, false);
		buf_putc(&r, '\n');
	}
	buf_printf(&rel, "%d/projects.yaml", year);
	int status = append_record(s, year, buf_str(&rel), buf_str(&r),
	    "project");
	buf_free(&r);
	buf_free(&rel);
	return status;
}
