#include <criterion/criterion.h>
#include <string.h>

#include "frontmatter.h"

static enum frontmatter_error
split(const char *s, struct frontmatter *fm)
{
	return frontmatter_split(s, strlen(s), fm);
}

Test(frontmatter, splits_yaml_and_body)
{
	const char *s = "---\ntitle: x\ndate: 2023\n---\nBody\n";
	struct frontmatter fm;

	cr_assert_eq(split(s, &fm), FRONTMATTER_OK);
	cr_expect_eq(fm.yaml_line, 2);
	cr_expect_eq(strncmp(s + fm.yaml, "title: x\ndate: 2023\n", fm.yaml_len), 0);
	cr_expect_eq(fm.yaml_len, strlen("title: x\ndate: 2023\n"));
	cr_expect_str_eq(s + fm.body, "Body\n");
	cr_expect_eq(fm.body_line, 5);
}

Test(frontmatter, accepts_crlf_trailing_blanks_and_dots)
{
	const char *s = "---  \r\ntitle: x\r\n...\r\nBody\r\n";
	struct frontmatter fm;

	cr_assert_eq(split(s, &fm), FRONTMATTER_OK);
	cr_expect_str_eq(s + fm.body, "Body\r\n");
	cr_expect_eq(fm.body_line, 4);
}

Test(frontmatter, body_may_be_empty)
{
	struct frontmatter fm;

	cr_assert_eq(split("---\ntitle: x\n---", &fm), FRONTMATTER_OK);
	cr_expect_eq(fm.body, strlen("---\ntitle: x\n---"));
}

Test(frontmatter, missing_and_unclosed)
{
	struct frontmatter fm;

	cr_expect_eq(split("title: x\n", &fm), FRONTMATTER_MISSING);
	cr_expect_eq(split("\n---\ntitle: x\n---\n", &fm), FRONTMATTER_MISSING);
	cr_expect_eq(split("----\ntitle: x\n---\n", &fm), FRONTMATTER_MISSING);
	cr_expect_eq(split("---\ntitle: x\n", &fm), FRONTMATTER_UNCLOSED);
	cr_expect_eq(split("---\ntitle: x\n----\n", &fm), FRONTMATTER_UNCLOSED);
}
