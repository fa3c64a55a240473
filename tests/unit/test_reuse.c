#include <criterion/criterion.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "helpers.h"
#include "publish.h"
#include "reuse.h"

Test(hash, stream_is_one_call)
{
	const char text[] = "Hội nghị thường niên của các cơ quan sở hữu trí "
	    "tuệ, lần thứ ba mươi hai, với bảy mươi đại biểu.";
	size_t n = sizeof(text) - 1;
	struct hash whole = hash_bytes(text, n);

	/* Every split point, across and inside the 16-byte blocks. */
	for (size_t cut = 0; cut <= n; cut++) {
		struct hasher h;
		hash_init(&h);
		hash_update(&h, text, cut);
		hash_update(&h, text + cut, n - cut);
		cr_assert(hash_equal(hash_final(&h), whole), "cut at %zu", cut);
	}
}

Test(hash, tells_inputs_apart)
{
	struct hasher h1, h2;

	cr_expect(!hash_equal(hash_bytes("a", 1), hash_bytes("a\0", 2)));
	cr_expect(!hash_equal(hash_bytes("", 0), hash_bytes("\0", 1)));
	cr_expect(!hash_equal(hash_bytes("ab", 2), hash_bytes("ba", 2)));
	/* Strings carry their end: "ab","c" is not "a","bc". */
	hash_init(&h1);
	hash_string(&h1, "ab");
	hash_string(&h1, "c");
	hash_init(&h2);
	hash_string(&h2, "a");
	hash_string(&h2, "bc");
	cr_expect(!hash_equal(hash_final(&h1), hash_final(&h2)));
	/* One bit anywhere in a block of 32 bytes changes both halves. */
	char a[32] = { 0 }, b[32] = { 0 };
	for (int bit = 0; bit < 256; bit++) {
		memset(b, 0, sizeof(b));
		b[bit / 8] = (char)(1 << (bit % 8));
		struct hash x = hash_bytes(a, 32), y = hash_bytes(b, 32);
		cr_assert(x.a != y.a && x.b != y.b, "bit %d", bit);
	}
}

Test(hash, hex_round_trip)
{
	struct hash v = { 0x0123456789abcdefu, 0xfedcba9876543210u }, back;
	char hex[33];

	hash_hex(v, hex);
	cr_expect_str_eq(hex, "0123456789abcdeffedcba9876543210");
	cr_expect(hash_parse(hex, &back) && hash_equal(v, back));
	cr_expect(hash_parse("0123456789abcdeffedcba9876543210 x", &back));
	cr_expect(!hash_parse("0123456789ABCDEFfedcba9876543210", &back));
	cr_expect(!hash_parse("0123456789abcdeffedcba987654321", &back));
	cr_expect(!hash_parse("0123456789abcdeffedcba98765432100", &back));
}

/* A manifest written by reuse_format reads back; lines that are not
 * entries, and a manifest of another version, are ignored. */
Test(reuse, manifest_round_trip)
{
	char dir[] = "/tmp/coopgen-reuse-unit.XXXXXX";
	cr_assert(mkdtemp(dir) != NULL);
	struct reuse_entry v[2] = {
		{ strdup("2023/z.html"), { 1, 2 }, { 3, 4 } },
		{ strdup("2023/a b.html"), { 5, 6 }, { 7, 8 } },
	};
	struct buf text = BUF_INIT;
	reuse_format(v, 2, &text);
	cr_expect_str_eq(buf_str(&text), "coopgen pages 2\n"
	    "00000000000000050000000000000006 00000000000000070000000000000008 "
	    "2023/a b.html\n"
	    "00000000000000010000000000000002 00000000000000030000000000000004 "
	    "2023/z.html\n");

	char path[64];
	snprintf(path, sizeof(path), "%s/%s", dir, REUSE_MANIFEST);
	FILE *f = fopen(path, "w");
	fprintf(f, "%snot an entry\n", buf_str(&text));
	fclose(f);
	/* The manifest is read from the output folder a build replaces. */
	snprintf(path, sizeof(path), "%s/%s", dir, PUBLISH_MARKER);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof(path), "%s/%s", dir, REUSE_MANIFEST);
	struct capture c;
	struct publish p;
	capture_begin(&c);
	cr_assert(publish_begin(&p, dir, &c.d));
	struct reuse r;
	reuse_load(&r, &p);
	cr_expect_eq(r.n, 2);
	const struct reuse_entry *e = reuse_find(&r, "2023/a b.html");
	cr_assert(e != NULL);
	cr_expect(e->key.a == 5 && e->key.b == 6 && e->bytes.b == 8);
	cr_expect(reuse_find(&r, "2023/none.html") == NULL);
	reuse_free(&r);

	f = fopen(path, "w");
	fprintf(f, "coopgen pages 0\n%s", strchr(buf_str(&text), '\n') + 1);
	fclose(f);
	reuse_load(&r, &p);
	cr_expect_eq(r.n, 0);
	reuse_free(&r);

	/* A FIFO in its place is not waited on. */
	unlink(path);
	cr_assert_eq(mkfifo(path, 0666), 0);
	reuse_load(&r, &p);
	cr_expect_eq(r.n, 0);
	reuse_free(&r);
	publish_end(&p);
	capture_free(&c);

	unlink(path);
	snprintf(path, sizeof(path), "%s/%s", dir, PUBLISH_MARKER);
	unlink(path);
	rmdir(dir);
	buf_free(&text);
	free(v[0].rel);
	free(v[1].rel);
}
