/*
 * The figures of tests/unit/fixtures/years, against values worked out by
 * hand from its records (the comments show the sums).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "check.h"
#include "figures.h"
#include "helpers.h"
#include "load.h"
#include "stats.h"

static struct content c;
static struct figures f;
static json_t *json;
static struct capture cap;

static void
setup(void)
{
	static const int years[] = { 2023 };

	capture_begin(&cap);
	cr_assert(content_load(&c, FIXTURES "/years", years, 1, &cap.d));
	cr_assert_eq(cap.d.errors, 0, "%s", capture_text(&cap));
	figures_compute(&c, content_year(&c, 2023), &f);
	json = figures_json(&c, &f);
}

static void
teardown(void)
{
	json_decref(json);
	figures_free(&f);
	content_free(&c);
	capture_free(&cap);
}

static long long
at(const char *path)
{
	long long v = -1;
	size_t n;
	const json_t *node;

	cr_assert_eq(figures_lookup(json, path, &v, &n, &node), FIGURES_FOUND,
	    "%s", path);
	return v;
}

TestSuite(figures, .init = setup, .fini = teardown);

Test(figures, loads_the_wanted_year_and_the_one_before)
{
	cr_expect_eq(c.n_years, 2);
	cr_expect(content_year(&c, 2023)->wanted);
	cr_expect_not(content_year(&c, 2022)->wanted);
	/* x3 names no partner. */
	cr_expect_eq(cap.d.warnings, 1);
}

Test(figures, activities)
{
	cr_expect_eq(at("activities.total"), 10);		/* 3 + 1 + 2 + 4 */
	cr_expect_eq(at("activities.records"), 4);
	cr_expect_eq(at("activities.by_framework.a"), 5);	/* x1 3, x3 2 */
	cr_expect_eq(at("activities.by_framework.b"), 5);	/* x2 1, x4 4 */
	cr_expect_eq(at("activities.by_kind.k1"), 7);		/* x1 3, x4 4 */
	cr_expect_eq(at("activities.by_kind.k2"), 3);		/* x2 1, x3 2 */
	cr_expect_eq(at("activities.by_month.03"), 4);		/* x1 3, x2 1 */
	cr_expect_eq(at("activities.by_month.12"), 4);
	cr_expect_eq(at("activities.by_month.01"), 0);
	cr_expect_eq(at("activities.by_month.unknown"), 2);	/* x3 */
	cr_expect_eq(at("activities.by_partner.p1"), 4);	/* x1 3, x2 1 */
	cr_expect_eq(at("activities.by_partner.p2"), 3);
	cr_expect_eq(at("activities.by_partner.p3"), 4);
	cr_expect_eq(at("activities.by_framework_kind.a.k1"), 3);
	cr_expect_eq(at("activities.by_framework_kind.a.k2"), 2);
	cr_expect_eq(at("activities.by_framework_kind.b.k1"), 4);
	cr_expect_eq(at("activities.by_framework_kind.b.k2"), 1);
}

Test(figures, agreements_in_force_at_year_end)
{
	/* A1, A2, A4 (5), A5 (ends 2023: to 31 Dec); not A3 (ended in
	 * June), A7 (signed 2024), A8 (ends 30 Dec), A6 (proposed). */
	cr_expect_eq(at("agreements.in_force.total"), 8);
	cr_expect_eq(at("agreements.in_force.bilateral"), 7);
	cr_expect_eq(at("agreements.in_force.multilateral"), 1);
	cr_expect_eq(at("agreements.signed"), 1);		/* A2 */
	cr_expect_eq(at("agreements.proposed"), 1);		/* A6 */
	cr_expect_eq(at("agreements.by_partner.p1"), 2);	/* A1, A2 */
	cr_expect_eq(at("agreements.by_partner.p2"), 1);	/* A2 */
	cr_expect_eq(at("agreements.by_partner.p3"), 1);	/* A5 */
	/* In force on 1 January and ending in 2023: A3 (June), A5 (2023,
	 * its last day 31 December), A8 (30 December). */
	cr_expect_eq(at("agreements.ended"), 3);
	cr_expect_eq(at("agreements.expiring"), 0);		/* none ends in 2024 */
}

Test(figures, previous_year)
{
	cr_expect_eq(at("previous.year"), 2022);
	cr_expect_eq(at("previous.activities.total"), 1);
	cr_expect_eq(at("previous.activities.by_month.05"), 1);
	/* A1, A3, A4 (5), A5, A8 (signed on 31 Dec 2022). */
	cr_expect_eq(at("previous.agreements.in_force.total"), 9);
	cr_expect_eq(at("previous.agreements.in_force.multilateral"), 0);
	cr_expect_eq(at("previous.agreements.signed"), 1);	/* A8 */
	cr_expect_eq(at("previous.agreements.proposed"), 0);	/* A6 is 2023 */
	/* In force at the end of 2022 and ending in 2023: A3, A5, A8. */
	cr_expect_eq(at("previous.agreements.expiring"), 3);
	cr_expect_eq(at("previous.agreements.ended"), 0);
	cr_expect_eq(at("previous.projects.total"), 0);
}

Test(figures, projects)
{
	cr_expect_eq(at("projects.total"), 6);			/* 1 + 3 + 2 */
	cr_expect_eq(at("projects.by_status.completed"), 1);
	cr_expect_eq(at("projects.by_status.ongoing"), 3);
	cr_expect_eq(at("projects.by_status.preparing"), 0);
	cr_expect_eq(at("projects.by_status.proposed"), 2);
	cr_expect_eq(at("projects.by_funder.p1.total"), 4);
	cr_expect_eq(at("projects.by_funder.p1.ongoing"), 3);
	cr_expect_eq(at("projects.by_funder.p2.proposed"), 2);
	cr_expect_eq(at("projects.by_funder.p3.total"), 0);
}

Test(figures, typed_figures_agree_with_the_json)
{
	cr_expect_eq(f.cur.activities.by_framework[1], at("activities.by_framework.b"));
	cr_expect_eq(f.cur.agreements.in_force, at("agreements.in_force.total"));
	cr_expect_eq(f.previous.agreements.in_force,
	    at("previous.agreements.in_force.total"));
	cr_expect_eq(f.cur.projects.by_funder[0 * 5 + 1 + PROJECT_COMPLETED], 1);
}

/* The headline figures (stats.h) name their path in figures.json by hand
 * beside the field they read: the two must be the same figure. */
Test(figures, headlines_are_where_their_paths_say)
{
	struct buf prev = BUF_INIT;

	cr_assert_gt(n_headlines, 0);
	for (size_t i = 0; i < n_headlines; i++) {
		const struct headline *h = &headlines[i];
		cr_expect_eq(headline_value(h, &f.cur), at(h->path), "%s",
		    h->path);
		buf_reset(&prev);
		buf_printf(&prev, "previous.%s", h->path);
		cr_expect_eq(headline_value(h, &f.previous), at(buf_str(&prev)),
		    "%s", buf_str(&prev));
	}
	buf_free(&prev);
}

/* The workbook's detail rows under a headline are "<detail path>.<id>":
 * each detail path names a group of figures.json. */
Test(figures, headline_details_are_groups)
{
	long long v;
	size_t n;
	const json_t *node;

	for (size_t i = 0; i < n_headlines; i++) {
		const char *p = headline_detail_paths[headlines[i].detail];
		if (headlines[i].detail == HEADLINE_NO_DETAIL) {
			cr_expect_null(p);
			continue;
		}
		cr_assert_not_null(p);
		cr_expect_eq(figures_lookup(json, p, &v, &n, &node),
		    FIGURES_NOT_A_NUMBER, "%s", p);
	}
}

Test(figures, lookup_failures_say_how_far_they_got)
{
	long long v;
	size_t n;
	const json_t *node;

	cr_expect_eq(figures_lookup(json, "activities.by_kind.k9", &v, &n, &node),
	    FIGURES_NO_SUCH_PATH);
	cr_expect_eq(n, strlen("activities.by_kind"));
	cr_expect(json_is_object(node));
	cr_expect_eq(figures_lookup(json, "activities.by_kind", &v, &n, &node),
	    FIGURES_NOT_A_NUMBER);
	cr_expect_eq(figures_lookup(json, "activities.total.x", &v, &n, &node),
	    FIGURES_NO_SUCH_PATH);
	cr_expect_eq(figures_lookup(json, "", &v, &n, &node), FIGURES_NO_SUCH_PATH);
	cr_expect_eq(figures_lookup(json, "activities..total", &v, &n, &node),
	    FIGURES_NO_SUCH_PATH);
}

Test(figures, in_force_rules)
{
	struct agreement a;

	memset(&a, 0, sizeof(a));
	a.status = AGREEMENT_IN_FORCE;
	cr_expect(agreement_in_force(&a, 1990));		/* undated */
	a.signed_on = (struct date){ 2023, 12, 31 };
	cr_expect(agreement_in_force(&a, 2023));
	cr_expect_not(agreement_in_force(&a, 2022));
	cr_expect(agreement_signed_in(&a, 2023));
	a.ends = (struct date){ 2024, 12, 0 };
	cr_expect(agreement_in_force(&a, 2024));		/* to 31 Dec */
	a.ends = (struct date){ 2024, 11, 0 };
	cr_expect_not(agreement_in_force(&a, 2024));
	a.status = AGREEMENT_PROPOSED;
	cr_expect_not(agreement_in_force(&a, 2023));
	cr_expect_not(agreement_signed_in(&a, 2023));
	cr_expect(agreement_proposed_in(&a, 2023));		/* undated */
}

/* tests/unit/fixtures/lapse: agreements ending at the edges of 2023. */
static struct content lc;
static struct figures lf;
static json_t *ljson;
static struct capture lcap;

static void
lapse_setup(void)
{
	capture_begin(&lcap);
	cr_assert(content_load(&lc, FIXTURES "/lapse", NULL, 0, &lcap.d));
	cr_assert_eq(lcap.d.errors + lcap.d.warnings, 0, "%s",
	    capture_text(&lcap));
	figures_compute(&lc, content_year(&lc, 2023), &lf);
	ljson = figures_json(&lc, &lf);
}

static void
lapse_teardown(void)
{
	json_decref(ljson);
	figures_free(&lf);
	content_free(&lc);
	capture_free(&lcap);
}

static long long
lat(const char *path)
{
	long long v = -1;
	size_t n;
	const json_t *node;

	cr_assert_eq(figures_lookup(ljson, path, &v, &n, &node), FIGURES_FOUND,
	    "%s", path);
	return v;
}

static const struct agreement *
titled(const char *prefix)
{
	for (size_t i = 0; i < lc.n_agreements; i++)
		if (strncmp(lc.agreements[i].title, prefix, strlen(prefix)) == 0 &&
		    lc.agreements[i].title[strlen(prefix)] == ' ')
			return &lc.agreements[i];
	cr_assert_fail("no agreement %s", prefix);
	return NULL;
}

TestSuite(lapse, .init = lapse_setup, .fini = lapse_teardown);

Test(lapse, expiring_and_ended)
{
	/* In force on 31 December 2023: L1 (its last day), L2, L3, L4, L5,
	 * L9 (2), L10; not L6, L7 (ended), L8 (signed 2024). */
	cr_expect_eq(lat("agreements.in_force.total"), 8);
	/* Ending after 31 December 2023 and by 31 December 2024: L2 (1
	 * January), L3 (31 December), L9 (2024: 2), L10 (June); not L4 (1
	 * January 2025), L5 (no end), L1 (31 December 2023), L8 (not in
	 * force). */
	cr_expect_eq(lat("agreements.expiring"), 5);
	/* In force on 1 January 2023 and ending in it: L1, L7 (3); not L6,
	 * signed in 2023. */
	cr_expect_eq(lat("agreements.ended"), 4);
	cr_expect_eq(lf.cur.agreements.expiring, 5);
	cr_expect_eq(lf.cur.agreements.ended, 4);
	/* 2022: L1 and L7 (3) end in 2023; L6 was not yet signed. */
	cr_expect_eq(lat("previous.agreements.expiring"), 4);
	cr_expect_eq(lat("previous.agreements.ended"), 0);
}

Test(lapse, each_edge)
{
	cr_expect(agreement_ended_in(titled("L1"), 2023));
	cr_expect_not(agreement_expiring(titled("L1"), 2023));
	cr_expect(agreement_in_force(titled("L1"), 2023));
	cr_expect(agreement_expiring(titled("L2"), 2023));
	cr_expect_not(agreement_ended_in(titled("L2"), 2023));
	cr_expect(agreement_ended_in(titled("L2"), 2024));
	cr_expect(agreement_expiring(titled("L3"), 2023));
	cr_expect_not(agreement_expiring(titled("L4"), 2023));
	cr_expect(agreement_expiring(titled("L4"), 2024));
	cr_expect_not(agreement_expiring(titled("L5"), 2023));
	cr_expect_not(agreement_ended_in(titled("L5"), 2023));
	cr_expect_not(agreement_ended_in(titled("L6"), 2023));
	cr_expect_not(agreement_expiring(titled("L8"), 2023));
	/* The month of 2024 each ends in. */
	cr_expect_eq(agreement_months_left(titled("L2"), 2023), 1);
	cr_expect_eq(agreement_months_left(titled("L3"), 2023), 12);
	cr_expect_eq(agreement_months_left(titled("L9"), 2023), 12);
	cr_expect_eq(agreement_months_left(titled("L10"), 2023), 6);
}

/* coopgen check's note for each renewal due, at the record. */
Test(lapse, renewal_notes)
{
	struct capture notes;

	capture_begin(&notes);
	check_renewals(&lc, 2023, &notes.d);
	cr_expect_eq(notes.d.notes, 4);
	cr_expect_eq(notes.d.errors + notes.d.warnings, 0);
	cr_expect_str_eq(capture_text(&notes),
	    "agreements.yaml:8:3: note: agreement 'L2 ends on the first day of 2024' expires 2024-01-01, within 1 month of the end of 2023 (start its renewal, or let it lapse)\n"
	    "agreements.yaml:13:3: note: agreement 'L3 ends twelve months after 2023' expires 2024-12-31, within 12 months of the end of 2023 (start its renewal, or let it lapse)\n"
	    "agreements.yaml:38:3: note: agreement 'L9 ends in 2024' expires 2024, within 12 months of the end of 2023 (start its renewal, or let it lapse)\n"
	    "agreements.yaml:43:3: note: agreement 'L10 ends in June 2024, signed when nobody knows' expires 2024-06, within 6 months of the end of 2023 (start its renewal, or let it lapse)\n");
	/* -q keeps them back. */
	struct capture quiet;
	capture_begin(&quiet);
	quiet.d.no_warnings = true;
	check_renewals(&lc, 2023, &quiet.d);
	cr_expect_str_eq(capture_text(&quiet), "");
	capture_free(&quiet);
	capture_free(&notes);
}
