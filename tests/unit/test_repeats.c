/* What counts as the same title, and which file names look like copies. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "buf.h"
#include "check.h"

static void
same_key(const char *a, const char *b)
{
	struct buf x = BUF_INIT, y = BUF_INIT;

	title_key(&x, a);
	title_key(&y, b);
	cr_expect_str_eq(buf_str(&x), buf_str(&y), "'%s' / '%s'", a, b);
	buf_free(&x);
	buf_free(&y);
}

static void
other_key(const char *a, const char *b)
{
	struct buf x = BUF_INIT, y = BUF_INIT;

	title_key(&x, a);
	title_key(&y, b);
	cr_expect_str_neq(buf_str(&x), buf_str(&y), "'%s' / '%s'", a, b);
	buf_free(&x);
	buf_free(&y);
}

Test(repeats, title_key_folds_case_and_space_only)
{
	same_key("WIPO General Assembly", " wipo  general\tassembly ");
	same_key("Hội thảo ĐÀO TẠO", "hội thảo đào tạo");
	same_key("ƯU TIÊN Ở", "ưu tiên ở");
	same_key("Встреча", "ВСТРЕЧА");
	same_key("a\xc2\xa0" "b", "a b");		/* no-break space */
	same_key("a\xe2\x80\x8b" "b", "ab");		/* zero-width space */
	same_key("Họp", "Ho\xcc\xa3p");		/* NFC, NFD */
	same_key("Straße", "STRASSE");			/* full case folding */
	same_key("a\xc2\xad" "b", "ab");		/* soft hyphen */
	other_key("Họp", "Hộp");			/* other words */
	other_key("Meeting A", "Meeting-A");
}

static void
copy(const char *stem, const char *base)
{
	char *got = copy_of(stem);

	if (base == NULL)
		cr_expect_null(got, "'%s' taken for a copy of '%s'", stem, got);
	else
		cr_expect(got != NULL && strcmp(got, base) == 0,
		    "'%s': '%s', not '%s'", stem, got ? got : "(null)", base);
	free(got);
}

Test(repeats, copy_names)
{
	copy("x - Copy", "x");
	copy("x - Copy (2)", "x");
	copy("x - Bản sao", "x");
	copy("x (1)", "x");
	copy("x (12)", "x");
	copy("Copy of x", "x");
	copy("Copy (2) of x", "x");
	copy("Bản sao của x", "x");
	copy("x (conflicted copy 2025-01-10)", "x");
	copy("x (An's conflicted copy 2025-01-10)", "x");
	copy("x.sync-conflict-20250110-123456-ABCDEFG", "x");
	copy("x 2", "x");
	copy("x copy", "x");
	copy("x copy 2", "x");
	copy("x bản sao", "x");
	copy("x - Ba\xcc\x89n sao", "x");		/* as a Mac names it */
	copy("x (Nextcloud conflicted copy 2025-01-10 123456)", "x");
	copy("x (bản sao xung đột của An 2025-01-10)", "x");
	copy("x_conflict-20250110-123456", "x");
	copy("x", NULL);
	copy("wipo-2023", NULL);
	copy("meeting (Geneva)", NULL);
}
