#include <criterion/criterion.h>
#include <string.h>

#include "check.h"
#include "fields.h"
#include "helpers.h"
#include "ynode.h"

static struct ynode *
parse(struct arena *a, struct capture *c, const char *text, bool *ok)
{
	return ynode_parse(a, text, strlen(text), "f.yaml", 1, &c->d, ok);
}

Test(yaml, keeps_positions_and_strings)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;

	capture_begin(&c);
	struct ynode *root = parse(&a, &c, "title: Hội thảo\ndate: 2023-06\n"
	    "flag: no\nlist:\n  - x\n  - 'y'\n", &ok);
	cr_assert(ok);
	cr_assert_eq(root->kind, YNODE_MAP);
	cr_expect_eq(root->n, 4);
	const struct ynode *date = ynode_get(root, "date");
	cr_expect_str_eq(date->str, "2023-06");
	cr_expect_eq(date->pos.line, 2);
	cr_expect_eq(date->pos.col, 7);
	cr_expect_str_eq(ynode_get(root, "flag")->str, "no");
	const struct ynode *list = ynode_get(root, "list");
	cr_expect_eq(list->kind, YNODE_SEQ);
	cr_expect_eq(list->items[1]->pos.line, 6);
	cr_expect_not(list->items[1]->plain);
	/* Columns count characters, not bytes. */
	struct ynode *r2 = parse(&a, &c, "tên: đồng\nkhác: x\n", &ok);
	cr_expect_eq(ynode_get(r2, "tên")->pos.col, 6);
	cr_expect_str_eq(capture_text(&c), "");
	capture_free(&c);
	arena_free(&a);
}

Test(yaml, offset_for_front_matter)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;

	capture_begin(&c);
	struct ynode *root = ynode_parse(&a, "title: x\nkind: y\n", 17, "a.md",
	    2, &c.d, &ok);
	cr_expect_eq(ynode_get(root, "kind")->pos.line, 3);
	capture_free(&c);
	arena_free(&a);
}

Test(yaml, empty_document)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;

	capture_begin(&c);
	cr_expect_null(parse(&a, &c, "# only a comment\n", &ok));
	cr_expect(ok);
	capture_free(&c);
	arena_free(&a);
}

Test(yaml, refuses_duplicate_keys_aliases_and_documents)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;

	capture_begin(&c);
	cr_expect_null(parse(&a, &c, "a: 1\nb: 2\na: 3\n", &ok));
	cr_expect_not(ok);
	cr_expect_null(parse(&a, &c, "a: &x [1, 2]\nb: *x\n", &ok));
	cr_expect_null(parse(&a, &c, "a: 1\n---\nb: 2\n", &ok));
	cr_expect_null(parse(&a, &c, "? [a, b]\n: c\n", &ok));
	cr_expect_str_eq(capture_text(&c),
	    "f.yaml:3:1: error: duplicate key 'a' (each key may appear once in a mapping)\n"
	    "f.yaml:2:4: error: YAML alias '*x' is not supported (write the value out)\n"
	    "f.yaml:2:1: error: a second YAML document ('---') in one file (expected one document)\n"
	    "f.yaml:1:3: error: a key must be plain text, not a list\n");
	capture_free(&c);
	arena_free(&a);
}

Test(yaml, billion_laughs_is_refused_at_the_first_alias)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;
	const char *bomb =
	    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";

	capture_begin(&c);
	cr_expect_null(parse(&a, &c, bomb, &ok));
	cr_expect_str_eq(capture_text(&c),
	    "f.yaml:2:8: error: YAML alias '*a' is not supported (write the value out)\n");
	capture_free(&c);
	arena_free(&a);
}

Test(yaml, depth_is_bounded)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;
	char deep[200] = "";

	for (int i = 0; i < 40; i++)
		strcat(deep, "[");
	capture_begin(&c);
	cr_expect_null(parse(&a, &c, deep, &ok));
	cr_expect_not(ok);
	cr_expect_str_eq(capture_text(&c),
	    "f.yaml:1:33: error: YAML nested too deeply (at most 32 levels)\n");
	capture_free(&c);
	arena_free(&a);
}

Test(yaml, syntax_errors_say_where)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	bool ok;

	capture_begin(&c);
	parse(&a, &c, "title: \"unclosed\nnext: x\n", &ok);
	cr_expect_str_eq(capture_text(&c),
	    "f.yaml:3:1: error: YAML syntax: found unexpected end of stream "
	    "while scanning a quoted scalar at line 1\n");
	capture_free(&c);
	arena_free(&a);
}

static const char *const keys[] = { "title", "date", "count", "partners",
    "status", "tags", NULL };
static const char *const statuses[] = { "ongoing", "completed", NULL };

Test(fields, decodes_typed_values)
{
	struct arena a = ARENA_INIT, model = ARENA_INIT;
	struct capture c;
	struct record r;
	bool ok;

	capture_begin(&c);
	struct ynode *root = parse(&a, &c, "title: Hội thảo\ndate: 2023-06\n"
	    "count: 6\npartners: [wipo, inpi]\nstatus: completed\n"
	    "tags: one\n", &ok);
	cr_assert(record_open(&r, root, "an activity", keys, &model, &c.d));
	cr_expect_str_eq(record_text(&r, "title", true, NULL), "Hội thảo");
	struct date d;
	record_date(&r, "date", true, &d, NULL);
	cr_expect(d.year == 2023 && d.month == 6);
	cr_expect_eq(record_count(&r, "count"), 6);
	struct refs refs;
	record_refs(&r, "partners", &refs);
	cr_assert_eq(refs.n, 2);
	cr_expect_str_eq(refs.v[1].id, "inpi");
	cr_expect_eq(refs.v[1].pos.col, 18);
	cr_expect_eq(record_enum(&r, "status", statuses, true, 0), 1);
	size_t n;
	const char **tags = record_texts(&r, "tags", &n);
	cr_expect(n == 1 && strcmp(tags[0], "one") == 0);
	cr_expect_not(r.bad);
	cr_expect_str_eq(capture_text(&c), "");
	/* Decoded strings belong to the model, not to the YAML tree. */
	arena_free(&a);
	cr_expect_str_eq(refs.v[0].id, "wipo");
	capture_free(&c);
	arena_free(&model);
}

/* agreements.yaml writes "in-force", figures.json and the directives
 * "in_force": a fixed list takes either (model.h). */
Test(fields, ids_take_hyphen_and_underscore_alike)
{
	struct arena a = ARENA_INIT, model = ARENA_INIT;
	struct capture c;
	struct record r;
	bool ok;

	cr_expect(id_equal("in-force", "in_force"));
	cr_expect(id_equal("in_force", "in_force"));
	cr_expect_not(id_equal("in-force", "inforce"));
	cr_expect_not(id_equal("in-force", "in-force-x"));
	capture_begin(&c);
	struct ynode *root = parse(&a, &c, "status: in_force\n", &ok);
	cr_assert(record_open(&r, root, "an agreement", keys, &model, &c.d));
	cr_expect_eq(record_enum(&r, "status", agreement_status_ids, false, 1),
	    AGREEMENT_IN_FORCE);
	cr_expect_not(r.bad);
	cr_expect_str_eq(capture_text(&c), "");
	capture_free(&c);
	arena_free(&a);
	arena_free(&model);
}

Test(fields, reports_every_problem_of_a_record)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	struct record r;
	bool ok;

	capture_begin(&c);
	struct ynode *root = parse(&a, &c, "titel: x\ndate: 2023-02-30\n"
	    "count: -1\npartners: {a: b}\nstatus: done\ntags: [x, [y]]\n", &ok);
	cr_assert(ok);
	record_open(&r, root, "an activity", keys, &a, &c.d);
	record_text(&r, "title", true, NULL);
	struct date d;
	record_date(&r, "date", true, &d, NULL);
	cr_expect_eq(record_count(&r, "count"), 1);
	struct refs refs;
	record_refs(&r, "partners", &refs);
	record_enum(&r, "status", statuses, true, 0);
	size_t n;
	record_texts(&r, "tags", &n);
	cr_expect(r.bad);
	cr_expect_str_eq(capture_text(&c),
	    "f.yaml:1:1: error: unknown key 'titel' in an activity (did you mean 'title'? expected one of: title, date, count, partners, status, tags)\n"
	    "f.yaml:1:1: error: an activity without 'title' (a required field: text)\n"
	    "f.yaml:2:7: error: impossible date '2023-02-30' in 'date' (2023-02 has 28 days)\n"
	    "f.yaml:3:8: error: 'count' must be a positive whole number (1 to 1000000), not '-1'\n"
	    "f.yaml:4:11: error: 'partners' must be a list of ids, not a mapping\n"
	    "f.yaml:5:9: error: unknown status 'done' (expected one of: ongoing, completed)\n"
	    "f.yaml:6:11: error: each item of 'tags' must be text, not a list\n");
	capture_free(&c);
	arena_free(&a);
}

Test(fields, empty_values_and_ids)
{
	struct arena a = ARENA_INIT;
	struct capture c;
	struct record r;
	bool ok;

	capture_begin(&c);
	struct ynode *root = parse(&a, &c, "title: ''\ndate:\npartners: [Wipo]\n",
	    &ok);
	record_open(&r, root, "an activity", keys, &a, &c.d);
	cr_expect_null(record_text(&r, "title", true, NULL));
	struct date d;
	record_date(&r, "date", false, &d, NULL);
	cr_expect_eq(d.year, 0);
	struct refs refs;
	record_refs(&r, "partners", &refs);
	cr_expect_eq(refs.n, 0);
	cr_expect_str_eq(capture_text(&c),
	    "f.yaml:1:8: error: 'title' is empty (expected text)\n"
	    "f.yaml:3:12: error: 'Wipo' is not an id (expected lower-case letters, digits, '-' and '_', as declared)\n");
	cr_expect(id_valid("laos-dip"));
	cr_expect(id_valid("p_1"));
	cr_expect_not(id_valid("-x"));
	cr_expect_not(id_valid("a.b"));
	capture_free(&c);
	arena_free(&a);
}

Test(check, country_codes_at_both_ends_and_unknown)
{
	/* The list's first and last codes, and codes of the right shape that
	 * are not in it: the search must end at the list's end. */
	cr_expect(check_country("AD"));
	cr_expect(check_country("VN"));
	cr_expect(check_country("ZW"));
	cr_expect_not(check_country("DR"));
	cr_expect_not(check_country("ZZ"));
	cr_expect_not(check_country("fr"));
	cr_expect_not(check_country("FRA"));
	cr_expect_not(check_country(""));
}
