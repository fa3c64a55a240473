#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "xalloc.h"

bool
agreement_in_force(const struct agreement *a, int year)
{
	struct date end_of_year = { year, 12, 31 };

	if (a->status != AGREEMENT_IN_FORCE)
		return false;
	if (a->signed_on.year && a->signed_on.year > year)
		return false;
	if (a->ends.year && date_cmp(date_last_day(a->ends), end_of_year) < 0)
		return false;
	return true;
}

bool
agreement_signed_in(const struct agreement *a, int year)
{
	return a->status == AGREEMENT_IN_FORCE && a->signed_on.year == year;
}

bool
agreement_proposed_in(const struct agreement *a, int year)
{
	return a->status == AGREEMENT_PROPOSED &&
	    (a->proposed.year == 0 || a->proposed.year <= year);
}

bool
agreement_expiring(const struct agreement *a, int year)
{
	struct date end_of_year = { year, 12, 31 }, a_year_on = { year + 1,
	    12, 31 };

	if (!agreement_in_force(a, year) || a->ends.year == 0)
		return false;
	struct date last = date_last_day(a->ends);
	return date_cmp(last, end_of_year) > 0 &&
	    date_cmp(last, a_year_on) <= 0;
}

bool
agreement_ended_in(const struct agreement *a, int year)
{
	return a->status == AGREEMENT_IN_FORCE && a->ends.year == year &&
	    (a->signed_on.year == 0 || a->signed_on.year < year);
}

int
agreement_months_left(const struct agreement *a, int year)
{
	struct date last = date_last_day(a->ends);

	return (last.year - year - 1) * 12 + last.month;
}

const struct agreement_set_def agreement_sets[AGREEMENT_SETS] = {
	[SET_IN_FORCE] = { "in_force", agreement_in_force },
	[SET_SIGNED] = { "signed", agreement_signed_in },
	[SET_PROPOSED] = { "proposed", agreement_proposed_in },
	[SET_EXPIRING] = { "expiring", agreement_expiring },
	[SET_ENDED] = { "ended", agreement_ended_in },
};

static bool
resolved(const struct ref *r)
{
	return r->id != NULL && r->index != (size_t)-1;
}

static void
compute_year(const struct content *c, const struct year *y,
    struct figures_year *f)
{
	size_t nf = c->site.frameworks.n, nk = c->site.kinds.n;
	size_t np = c->n_partners;

	memset(f, 0, sizeof(*f));
	f->year = y->year;
	f->activities.by_framework = xcalloc(nf, sizeof(long long));
	f->activities.by_kind = xcalloc(nk, sizeof(long long));
	f->activities.by_framework_kind = xcalloc(nf * nk, sizeof(long long));
	f->activities.by_partner = xcalloc(np, sizeof(long long));
	f->agreements.by_partner = xcalloc(np, sizeof(long long));
	f->projects.by_funder = xcalloc(np * (1 + PROJECT_STATUSES),
	    sizeof(long long));

	for (size_t i = 0; i < y->n_activities; i++) {
		const struct activity *a = &y->activities[i];
		f->activities.records++;
		f->activities.total += a->count;
		if (resolved(&a->framework))
			f->activities.by_framework[a->framework.index] += a->count;
		if (resolved(&a->kind))
			f->activities.by_kind[a->kind.index] += a->count;
		if (resolved(&a->framework) && resolved(&a->kind))
			f->activities.by_framework_kind[a->framework.index * nk +
			    a->kind.index] += a->count;
		if (a->date.year == y->year)
			f->activities.by_month[a->date.month] += a->count;
		for (size_t j = 0; j < a->partners.n; j++)
			if (resolved(&a->partners.v[j]))
				f->activities.by_partner[a->partners.v[j].index]
				    += a->count;
	}

	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		if (agreement_signed_in(a, y->year))
			f->agreements.signed_in_year += a->count;
		if (agreement_proposed_in(a, y->year))
			f->agreements.proposed += a->count;
		if (agreement_expiring(a, y->year))
			f->agreements.expiring += a->count;
		if (agreement_ended_in(a, y->year))
			f->agreements.ended += a->count;
		if (!agreement_in_force(a, y->year))
			continue;
		f->agreements.in_force += a->count;
		if (a->type == AGREEMENT_BILATERAL)
			f->agreements.bilateral += a->count;
		else
			f->agreements.multilateral += a->count;
		for (size_t j = 0; j < a->partners.n; j++)
			if (resolved(&a->partners.v[j]))
				f->agreements.by_partner[a->partners.v[j].index]
				    += a->count;
	}

	for (size_t i = 0; i < y->n_projects; i++) {
		const struct project *p = &y->projects[i];
		f->projects.total += p->count;
		f->projects.by_status[p->status] += p->count;
		if (resolved(&p->funder)) {
			long long *row = f->projects.by_funder +
			    p->funder.index * (1 + PROJECT_STATUSES);
			row[0] += p->count;
			row[1 + p->status] += p->count;
		}
	}
}

void
figures_compute(const struct content *c, const struct year *y,
    struct figures *f)
{
	const struct year *prev = content_year(c, y->year - 1);

	memset(f, 0, sizeof(*f));
	compute_year(c, y, &f->cur);
	f->has_previous = prev != NULL;
	if (prev != NULL)
		compute_year(c, prev, &f->previous);
}

static void
free_year(struct figures_year *f)
{
	free(f->activities.by_framework);
	free(f->activities.by_kind);
	free(f->activities.by_framework_kind);
	free(f->activities.by_partner);
	free(f->agreements.by_partner);
	free(f->projects.by_funder);
}

void
figures_free(struct figures *f)
{
	free_year(&f->cur);
	if (f->has_previous)
		free_year(&f->previous);
}

static void
set(json_t *obj, const char *key, long long n)
{
	json_object_set_new(obj, key, json_integer(n));
}

/* An object of vocabulary ids to numbers. */
static json_t *
by_term(const struct vocab *v, const long long *n)
{
	json_t *o = json_object();

	for (size_t i = 0; i < v->n; i++)
		set(o, v->v[i].id, n[i]);
	return o;
}

static json_t *
by_partner(const struct content *c, const long long *n)
{
	json_t *o = json_object();

	for (size_t i = 0; i < c->n_partners; i++)
		set(o, c->partners[i].id, n[i]);
	return o;
}

/* The three blocks of a year, added to obj. */
static void
year_json(const struct content *c, const struct figures_year *f, json_t *obj)
{
	const struct vocab *fw = &c->site.frameworks, *kinds = &c->site.kinds;
	json_t *act = json_object(), *agr = json_object(), *prj = json_object();

	set(act, "total", f->activities.total);
	set(act, "records", f->activities.records);
	json_object_set_new(act, "by_framework", by_term(fw,
	    f->activities.by_framework));
	json_object_set_new(act, "by_kind", by_term(kinds,
	    f->activities.by_kind));
	json_t *months = json_object();
	for (int m = 1; m <= 12; m++) {
		char key[3] = { (char)('0' + m / 10), (char)('0' + m % 10), 0 };
		set(months, key, f->activities.by_month[m]);
	}
	set(months, "unknown", f->activities.by_month[0]);
	json_object_set_new(act, "by_month", months);
	json_object_set_new(act, "by_partner", by_partner(c,
	    f->activities.by_partner));
	json_t *cross = json_object();
	for (size_t i = 0; i < fw->n; i++)
		json_object_set_new(cross, fw->v[i].id, by_term(kinds,
		    f->activities.by_framework_kind + i * kinds->n));
	json_object_set_new(act, "by_framework_kind", cross);

	json_t *inf = json_object();
	set(inf, "total", f->agreements.in_force);
	set(inf, agreement_type_ids[AGREEMENT_BILATERAL], f->agreements.bilateral);
	set(inf, agreement_type_ids[AGREEMENT_MULTILATERAL],
	    f->agreements.multilateral);
	json_object_set_new(agr, "in_force", inf);
	set(agr, "signed", f->agreements.signed_in_year);
	set(agr, "proposed", f->agreements.proposed);
	set(agr, "expiring", f->agreements.expiring);
	set(agr, "ended", f->agreements.ended);
	json_object_set_new(agr, "by_partner", by_partner(c,
	    f->agreements.by_partner));

	set(prj, "total", f->projects.total);
	json_t *st = json_object();
	for (int s = 0; s < PROJECT_STATUSES; s++)
		set(st, project_status_ids[s], f->projects.by_status[s]);
	json_object_set_new(prj, "by_status", st);
	json_t *funders = json_object();
	for (size_t i = 0; i < c->n_partners; i++) {
		const long long *row = f->projects.by_funder +
		    i * (1 + PROJECT_STATUSES);
		json_t *o = json_object();
		set(o, "total", row[0]);
		for (int s = 0; s < PROJECT_STATUSES; s++)
			set(o, project_status_ids[s], row[1 + s]);
		json_object_set_new(funders, c->partners[i].id, o);
	}
	json_object_set_new(prj, "by_funder", funders);

	json_object_set_new(obj, "activities", act);
	json_object_set_new(obj, "agreements", agr);
	json_object_set_new(obj, "projects", prj);
}

json_t *
figures_json(const struct content *c, const struct figures *f)
{
	json_t *root = json_object();

	set(root, "year", f->cur.year);
	year_json(c, &f->cur, root);
	if (f->has_previous) {
		json_t *prev = json_object();
		set(prev, "year", f->previous.year);
		year_json(c, &f->previous, prev);
		json_object_set_new(root, "previous", prev);
	}
	return root;
}

enum figures_lookup
figures_lookup(const json_t *root, const char *path, long long *value,
    size_t *failed_at, const json_t **node)
{
	const json_t *cur = root;
	const char *p = path;

	*failed_at = 0;
	*node = root;
	for (;;) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);
		if (!json_is_object(cur))
			return FIGURES_NO_SUCH_PATH;
		const json_t *next = json_object_getn(cur, p, n);
		if (next == NULL)
			return FIGURES_NO_SUCH_PATH;
		cur = next;
		*failed_at = (size_t)(p - path) + n;
		*node = cur;
		if (dot == NULL)
			break;
		p = dot + 1;
	}
	if (!json_is_integer(cur))
		return FIGURES_NOT_A_NUMBER;
	*value = json_integer_value(cur);
	return FIGURES_FOUND;
}
