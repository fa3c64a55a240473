#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "names.h"
#include "utf8.h"
#include "ynode.h"

/* The problems names_check_folder finds in names, as printed. */
static char *
folder_problems(char *const *names, size_t n, bool *ok)
{
	struct capture c;

	capture_begin(&c);
	names_check_folder("media", names, n, ok, &c.d);
	char *out = strdup(capture_text(&c));
	capture_free(&c);
	return out;
}

Test(names, windows_devices_in_any_case_and_extension)
{
	char *bad[] = { "CON", "con.jpg", "Aux.tar.gz", "nul .png", "COM0",
	    "lpt9.txt", "COM\xC2\xB9.jpg", "lpt\xC2\xB3", "CONOUT$.log" };
	char *good[] = { "console.jpg", "com10.jpg", "lpt.jpg", "aux-1.png",
	    "nul_x", "COM\xC2\xB4.jpg" };

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		bool ok;
		char *p = folder_problems(&bad[i], 1, &ok);
		cr_expect_not(ok, "%s", bad[i]);
		cr_expect(strstr(p, "is a device on Windows") != NULL, "%s", p);
		free(p);
	}
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		bool ok;
		char *p = folder_problems(&good[i], 1, &ok);
		cr_expect(ok, "%s: %s", good[i], p);
		free(p);
	}
}

Test(names, case_folded_after_nfc)
{
	/* Ảnh, ảnh, a + combining hook above + nh, and Greek sigmas. */
	char *names[] = { "\xE1\xBA\xA2nh.png", "\xE1\xBA\xA3nh.png",
	    "a\xCC\x89nh.png", "anh.png", "\xCE\xA3.txt", "\xCF\x83.txt" };
	bool ok[6];
	char *p = folder_problems(names, 6, ok);

	cr_expect(strstr(p, "'\xE1\xBA\xA2nh.png' (NFC) and '\xE1\xBA\xA3nh"
	    ".png' (NFC)") == NULL, "%s", p);
	cr_expect(strstr(p, "'\xE1\xBA\xA2nh.png' and '\xE1\xBA\xA3nh.png' "
	    "differ only in letter case") != NULL, "%s", p);
	cr_expect(strstr(p, "'\xE1\xBA\xA2nh.png' (NFC) and 'a\xCC\x89nh.png'"
	    " (decomposed, NFD)") != NULL, "%s", p);
	cr_expect(strstr(p, "'\xCE\xA3.txt' and '\xCF\x83.txt'") != NULL,
	    "%s", p);
	cr_expect(strstr(p, "'anh.png'") == NULL, "%s", p);
	free(p);
}

Test(names, nfc)
{
	char *s = names_nfc("a\xCC\x89nh");

	cr_expect_str_eq(s, "\xE1\xBA\xA3nh");
	free(s);
	cr_expect(names_is_nfc("\xE1\xBA\xA3nh"));
	cr_expect_not(names_is_nfc("a\xCC\x89nh"));
	cr_expect_null(names_nfc("\xFF"));
}

Test(names, base_url)
{
	cr_expect_null(names_base_url_problem("https://example.org/report/"));
	cr_expect_null(names_base_url_problem("http://example.org"));
	cr_expect_not_null(names_base_url_problem("ftp://example.org/"));
	cr_expect_not_null(names_base_url_problem("https://example.org/?a"));
	cr_expect_not_null(names_base_url_problem("https://example.org/#a"));
	cr_expect_not_null(names_base_url_problem("https:///x"));
	cr_expect_not_null(names_base_url_problem("https://example.org/a b"));
}

Test(invisible, kinds_names_and_columns)
{
	struct utf8_invisible inv;
	const char *s = "partners: wi\xE2\x80\x8Bpo";

	cr_assert(utf8_find_invisible(s, strlen(s), true, &inv));
	cr_expect_eq(inv.cp, 0x200B);
	cr_expect_str_eq(inv.name, "ZERO WIDTH SPACE");
	cr_expect_eq(inv.col, 13);
	cr_expect_eq(inv.off, 12);
	/* Free text may keep a zero-width space (Khmer, Thai)... */
	cr_expect_not(utf8_find_invisible(s, strlen(s), false, &inv));
	/* ...but not a line separator or a bidirectional control. */
	cr_expect(utf8_find_invisible("a\xE2\x80\xA8", 4, false, &inv));
	cr_expect_str_eq(inv.name, "LINE SEPARATOR");
	cr_expect_eq(utf8_hidden(0x202E, NULL), UTF8_HIDES_TEXT);
	cr_expect_eq(utf8_hidden(0x0085, NULL), UTF8_HIDES_TEXT);
	cr_expect_eq(utf8_hidden(0x00A0, NULL), UTF8_HIDES_WORD);
	cr_expect_eq(utf8_hidden(0xE0041, NULL), UTF8_HIDES_WORD);
	cr_expect_eq(utf8_hidden(0x1EA3, NULL), UTF8_SHOWN);
	cr_expect_eq(utf8_hidden('a', NULL), UTF8_SHOWN);
	struct buf b = BUF_INIT;
	utf8_show(&b, "x\xE2\x80\xAEy\xFF", 6);
	cr_expect_str_eq(buf_str(&b), "x<U+202E>y<FF>");
	buf_free(&b);
}

/* libyaml counts NEL, LS and PS as line breaks; positions must not. */
Test(invisible, yaml_lines_as_editors_count)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;
	const char *text = "a: \"x\xC2\x85y\"\nb: 'p\xE2\x80\xA8q'\n"
	    "c: z\n";

	capture_begin(&c);
	struct ynode *root = ynode_parse(&a, text, strlen(text), "f.yaml", 1,
	    &c.d, &ok);
	cr_assert_not_null(root);
	cr_expect_eq(ynode_get(root, "c")->pos.line, 3);
	cr_expect_eq(ynode_get(root, "c")->pos.col, 4);
	cr_expect(strstr(capture_text(&c), "f.yaml:1:6: error: U+0085 NEXT "
	    "LINE (NEL) at column 6 in 'a'") != NULL, "%s", capture_text(&c));
	cr_expect(strstr(capture_text(&c), "f.yaml:2:6: error: U+2028 LINE "
	    "SEPARATOR at column 6 in 'b'") != NULL, "%s", capture_text(&c));
	capture_free(&c);

	/* In a block, libyaml ends the block there and fails further on:
	 * the separator is the one problem told. */
	const char *block = "b: |\n  p\xE2\x80\xA8q\nc: z\n";
	capture_begin(&c);
	cr_expect_null(ynode_parse(&a, block, strlen(block), "f.yaml", 1,
	    &c.d, &ok));
	cr_expect_str_eq(capture_text(&c), "f.yaml:2:4: error: U+2028 LINE "
	    "SEPARATOR at column 4 in 'b': an invisible character, which "
	    "hides text or changes its order or its lines (expected visible "
	    "text; delete it)\n");
	capture_free(&c);
	arena_free(&a);
}
