#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "fields.h"
#include "xalloc.h"

/* How many ids an "expected one of" lists before it stops. */
#define LIST_MAX 12

static void
unknown_id(struct diag *d, const struct ref *r, const char *what,
    const char *where, const char *const *ids, size_t n)
{
	struct buf b = BUF_INIT;
	const char *near = closest_name(r->id, ids, n);

	if (near != NULL)
		buf_printf(&b, "did you mean '%s'? ", near);
	if (n == 0) {
		buf_printf(&b, "%s declares none", where);
	} else {
		buf_printf(&b, "expected one of %s: ", where);
		for (size_t i = 0; i < n && i < LIST_MAX; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", ids[i]);
		if (n > LIST_MAX)
			buf_printf(&b, " and %zu more", n - LIST_MAX);
	}
	diag_error(d, r->pos, "unknown %s '%s' (%s)", what, r->id, buf_str(&b));
	buf_free(&b);
}

bool
check_term(const struct content *c, const struct vocab *v, const char *what,
    struct ref *r, struct diag *d)
{
	if (r->id == NULL)
		return false;
	if (strmap_get(&v->ids, r->id, &r->index))
		return true;
	if (!c->site_ok)
		return false;	/* site.yaml's own error says it all */
	const char **ids = xcalloc(v->n, sizeof(*ids));
	for (size_t i = 0; i < v->n; i++)
		ids[i] = v->v[i].id;
	char where[64];
	snprintf(where, sizeof(where), "the %ss of site.yaml", what);
	unknown_id(d, r, what, where, ids, v->n);
	free(ids);
	return false;
}

bool
check_partner(const struct content *c, const char *what, struct ref *r,
    struct diag *d)
{
	if (r->id == NULL)
		return false;
	if (strmap_get(&c->partner_ids, r->id, &r->index))
		return true;
	if (!c->partners_ok)
		return false;
	const char **ids = xcalloc(c->n_partners, sizeof(*ids));
	for (size_t i = 0; i < c->n_partners; i++)
		ids[i] = c->partners[i].id;
	unknown_id(d, r, what, c->n_partners ? "partners.yaml" :
	    "partners.yaml (missing or empty)", ids, c->n_partners);
	free(ids);
	return false;
}

/* Each partner once: a second mention would count the record twice in
 * the partner's figures. */
static void
check_partners(const struct content *c, struct refs *r, struct diag *d)
{
	struct strmap seen = STRMAP_INIT;

	for (size_t i = 0; i < r->n; i++) {
		check_partner(c, "partner", &r->v[i], d);
		if (r->n > 1 && !strmap_put(&seen, r->v[i].id, i, NULL))
			diag_error(d, r->v[i].pos, "partner '%s' named twice "
			    "(expected each partner once)", r->v[i].id);
	}
	strmap_free(&seen);
}

void
check_activity(const struct content *c, const struct year *y,
    struct activity *a, struct diag *d)
{
	check_term(c, &c->site.frameworks, "framework", &a->framework, d);
	check_term(c, &c->site.kinds, "kind", &a->kind, d);
	check_partners(c, &a->partners, d);
	if (a->date.year != 0 && a->date.year != y->year) {
		char iso[11];
		date_iso(a->date, iso);
		diag_error(d, a->date_pos, "activity dated %s, outside its folder's "
		    "year (expected a date in %d)", iso, y->year);
	}
	if (a->partners.n == 0 && a->title != NULL)
		diag_warning(d, a->pos, "activity '%s' names no partner",
		    a->title);
}

void
check_project(const struct content *c, struct project *p, struct diag *d)
{
	check_partner(c, "funder", &p->funder, d);
	if (p->start.year && p->end.year &&
	    date_cmp(date_last_day(p->end), date_first_day(p->start)) < 0)
		diag_error(d, p->pos, "project ends before it starts "
		    "(expected 'end' on or after 'start')");
}

void
check_agreement(const struct content *c, struct agreement *a, struct diag *d)
{
	check_partners(c, &a->partners, d);
	if (a->framework.id != NULL)
		check_term(c, &c->site.frameworks, "framework", &a->framework, d);
	if (a->signed_on.year && a->ends.year &&
	    date_cmp(date_last_day(a->ends), date_first_day(a->signed_on)) < 0)
		diag_error(d, a->ends_pos, "agreement ends before it was signed "
		    "(expected 'ends' on or after 'signed')");
	if (a->status == AGREEMENT_PROPOSED && a->signed_on.year)
		diag_error(d, a->signed_pos, "a proposed agreement has no "
		    "'signed' date (remove it, or make the status in-force)");
	if (a->type == AGREEMENT_BILATERAL && a->partners.n > 1 && a->count == 1)
		diag_warning(d, a->pos, "bilateral agreement '%s' names %zu "
		    "partners", a->title ? a->title : "", a->partners.n);
}

/* ISO 3166-1 alpha-2, officially assigned codes. */
static const char countries[] =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI "
    "BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
    "CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
    "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
    "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
    "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
    "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW";

bool
check_country(const char *code)
{
	if (strlen(code) != 2 || code[0] < 'A' || code[0] > 'Z' ||
	    code[1] < 'A' || code[1] > 'Z')
		return false;
	/* Codes are two letters and a space; the last has no space after
	 * it, so step by index, not to the terminating NUL. */
	for (size_t i = 0; i + 2 <= sizeof(countries) - 1; i += 3)
		if (countries[i] == code[0] && countries[i + 1] == code[1])
			return true;
	return false;
}
