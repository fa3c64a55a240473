/* Fuzz: Markdown with {{stat}} placeholders and list directives, checked,
 * rendered to HTML and to plain text, against a loaded year. */
#include <stdint.h>

#include "figures.h"
#include "fuzz.h"
#include "labels.h"
#include "load.h"
#include "markdown.h"

static struct content c;
static struct figures f;
static json_t *json;
static struct fsx fs;
static struct labels labels;
static struct locale loc;
static FILE *sink;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d;
	/* fsx keeps the root it is given: it must outlive this call. */
	static char path[512];

	(void)argc;
	(void)argv;
	sink = fopen("/dev/null", "w");
	diag_init(&d, sink);
	snprintf(path, sizeof(path), "%s/content", fuzz_tree());
	if (!content_load(&c, path, NULL, 0, &d) || d.errors)
		abort();
	figures_compute(&c, content_year(&c, 2023), &f);
	json = figures_json(&c, &f);
	fsx_open(&fs, path, "content", &d);
	if (!labels_load(&labels, TOP "/templates", LANG_EN, &d))
		abort();
	locale_from_labels(&loc, &labels);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct buf out = BUF_INIT;
	struct md_page page = { 0 };
	struct markdown md = { (const char *)data, size,
	    { "2023/article.md", 7, 1 }, 0 };
	struct md_context ctx = { &c, content_year(&c, 2023), json, &fs, &d,
	    &loc, &labels };
	char *text = malloc(size + 1);

	/* Content text never holds NUL: the loader refuses it. */
	memcpy(text, data, size);
	text[size] = '\0';
	if (strlen(text) != size) {
		free(text);
		return 0;
	}
	md.text = text;
	diag_init(&d, sink);
	if (md_check(&ctx, &md)) {
		page.heading_base = 2;
		page.id_prefix = "f-";
		md_render(&ctx, &md, &page, &out);
		md_page_free(&page);
		md_plain(&ctx, &md, &out);
	}
	buf_free(&out);
	free(text);
	return 0;
}
