#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "directive.h"
#include "fields.h"
#include "figures.h"
#include "format.h"
#include "labels.h"
#include "markdown.h"
#include "xalloc.h"

enum list { LIST_ACTIVITIES, LIST_AGREEMENTS, LIST_PROJECTS };

static const char *const lists[] = { "activities", "agreements", "projects",
    NULL };
static const char *const filters[][6] = {
	{ "framework", "kind", "partner", "month", NULL },
	{ "type", "partner", "framework", NULL },
	{ "funder", "status", NULL },
};
/* The sets of agreements of a year are figures.h's agreement_sets, as
 * figures.json names them; "in-force" is taken for "in_force" too, as
 * agreements.yaml spells the status. */

/* The values a filter takes (kind=workshop,award): indexes into its
 * vocabulary (months: 1 to 12); none when the filter is not given. */
struct values {
	long	*v;
	size_t	 n;
	bool	 given;
};

/* What a directive asks for. */
struct query {
	enum list list;
	struct values framework, kind, partner, month, type, status;
	enum agreement_set set;	/* agreements */
};

/* Whether i is among the values of a filter (any i when not given). */
static bool
among(const struct values *f, long i)
{
	if (!f->given)
		return true;
	for (size_t k = 0; k < f->n; k++)
		if (f->v[k] == i)
			return true;
	return false;
}

static void
query_free(struct query *q)
{
	free(q->framework.v);
	free(q->kind.v);
	free(q->partner.v);
	free(q->month.v);
	free(q->type.v);
	free(q->status.v);
}

bool
directive_is_list(const char *word, size_t n)
{
	for (size_t i = 0; lists[i] != NULL; i++)
		if (strlen(lists[i]) == n && strncmp(lists[i], word, n) == 0)
			return true;
	return false;
}

void
md_escape(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			buf_putc(out, ' ');
		else {
			if (ispunct((unsigned char)*s))
				buf_putc(out, '\\');
			buf_putc(out, *s);
		}
	}
}

static size_t
count_of(const char *const *v)
{
	size_t n = 0;

	while (v[n] != NULL)
		n++;
	return n;
}

/* Report value, not one of names (n of them), for filter key. */
static void
unknown_value(struct diag *d, struct pos at, const char *word, const char *key,
    const char *value, const char *const *names, size_t n)
{
	struct buf b = BUF_INIT;
	const char *near = closest_name(value, names, n);

	if (near != NULL)
		buf_printf(&b, "did you mean '%s'? ", near);
	buf_puts(&b, "expected one of: ");
	for (size_t i = 0; i < n && i < 12; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	if (n > 12)
		buf_printf(&b, " and %zu more", n - 12);
	diag_error(d, at, "unknown %s '%s' in {{%s}} (%s)", key, value, word,
	    buf_str(&b));
	buf_free(&b);
}

/* The index of value among a vocabulary's ids, or -1 (reported). */
static long
lookup(const struct md_context *ctx, struct pos at, const char *word,
    const char *key, const char *value)
{
	const struct content *c = ctx->c;
	const char **ids;
	size_t n, i;

	if (strcmp(key, "framework") == 0 || strcmp(key, "kind") == 0) {
		const struct vocab *v = key[0] == 'f' ? &c->site.frameworks :
		    &c->site.kinds;
		size_t idx;
		if (strmap_get(&v->ids, value, &idx))
			return (long)idx;
		n = v->n;
		ids = xcalloc(n + 1, sizeof(*ids));
		for (i = 0; i < n; i++)
			ids[i] = v->v[i].id;
	} else if (strcmp(key, "partner") == 0 || strcmp(key, "funder") == 0) {
		size_t idx;
		if (strmap_get(&c->partner_ids, value, &idx))
			return (long)idx;
		n = c->n_partners;
		ids = xcalloc(n + 1, sizeof(*ids));
		for (i = 0; i < n; i++)
			ids[i] = c->partners[i].id;
	} else {
		const char *const *names = strcmp(key, "type") == 0 ?
		    agreement_type_ids : project_status_ids;
		n = strcmp(key, "type") == 0 ? AGREEMENT_TYPES :
		    PROJECT_STATUSES;
		for (i = 0; i < n; i++)
			if (id_equal(names[i], value))
				return (long)i;
		unknown_value(ctx->d, at, word, key, value, names, n);
		return -1;
	}
	unknown_value(ctx->d, at, word, key, value, ids, n);
	free(ids);
	return -1;
}

/* Parse the arguments of a directive into q; false (reported) on any
 * unknown filter or value. */
static bool
parse(const struct md_context *ctx, const char *word, const char *args,
    size_t n, struct pos at, struct query *q)
{
	char *text = xstrndup(args, n), *save = NULL;
	bool ok = true;
	size_t nf = count_of(filters[q->list]);

	q->set = SET_IN_FORCE;
	for (char *tok = strtok_r(text, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '=');
		if (eq == NULL) {
			size_t s;
			for (s = 0; s < AGREEMENT_SETS; s++)
				if (id_equal(tok, agreement_sets[s].id))
					break;
			if (q->list == LIST_AGREEMENTS && s < AGREEMENT_SETS) {
				q->set = (enum agreement_set)s;
				continue;
			}
			struct buf sets = BUF_INIT;
			for (s = 0; q->list == LIST_AGREEMENTS &&
			    s < AGREEMENT_SETS; s++)
				buf_printf(&sets, "%s%s", s == 0 ? ", or " :
				    s + 1 == AGREEMENT_SETS ? " or " : ", ",
				    agreement_sets[s].id);
			diag_error(ctx->d, at, "'%s' in {{%s}} is not a filter "
			    "(expected key=value%s)", tok, word, buf_str(&sets));
			buf_free(&sets);
			ok = false;
			continue;
		}
		*eq = '\0';
		const char *key = tok, *value = eq + 1;
		struct values *slot = NULL;
		if (strcmp(key, "framework") == 0)
			slot = &q->framework;
		else if (strcmp(key, "kind") == 0)
			slot = &q->kind;
		else if (strcmp(key, "partner") == 0 || strcmp(key, "funder") == 0)
			slot = &q->partner;
		else if (strcmp(key, "month") == 0)
			slot = &q->month;
		else if (strcmp(key, "type") == 0)
			slot = &q->type;
		else if (strcmp(key, "status") == 0)
			slot = &q->status;
		bool allowed = false;
		for (size_t i = 0; i < nf && !allowed; i++)
			allowed = strcmp(filters[q->list][i], key) == 0;
		if (!allowed || slot == NULL) {
			struct buf b = BUF_INIT;
			const char *near = closest_name(key, filters[q->list], nf);
			if (near != NULL)
				buf_printf(&b, "did you mean '%s'? ", near);
			buf_puts(&b, "expected ");
			for (size_t i = 0; i < nf; i++)
				buf_printf(&b, "%s%s", i ? (i + 1 == nf ? " or " :
				    ", ") : "", filters[q->list][i]);
			diag_error(ctx->d, at, "unknown filter '%s' for {{%s}} "
			    "(%s)", key, word, buf_str(&b));
			buf_free(&b);
			ok = false;
			continue;
		}
		if (slot->given) {
			diag_error(ctx->d, at, "filter '%s' given twice in {{%s}} "
			    "(expected each filter once; several values as "
			    "%s=a,b)", key, word, key);
			ok = false;
			continue;
		}
		slot->given = true;
		/* Several values, any of which may match: kind=a,b,c. */
		for (const char *v = value;; ) {
			const char *comma = strchr(v, ',');
			size_t vn = comma ? (size_t)(comma - v) : strlen(v);
			char *one = xstrndup(v, vn);
			long idx = -1;
			if (vn == 0) {
				diag_error(ctx->d, at, "filter '%s' in {{%s}} has "
				    "an empty value (expected %s=a or %s=a,b)",
				    key, word, key, key);
			} else if (slot == &q->month) {
				char *end;
				long m = strtol(one, &end, 10);
				if (*end != '\0' || m < 1 || m > 12)
					diag_error(ctx->d, at, "month '%s' in {{%s}} "
					    "is not a month (expected 1 to 12)", one,
					    word);
				else
					idx = m;
			} else
				idx = lookup(ctx, at, word, key, one);
			free(one);
			if (idx == -1)
				ok = false;
			else {
				slot->v = xrealloc(slot->v, (slot->n + 1) *
				    sizeof(*slot->v));
				slot->v[slot->n++] = idx;
			}
			if (comma == NULL)
				break;
			v = comma + 1;
		}
	}
	free(text);
	return ok;
}

/* Whether r names one of the partners asked for (or none is asked). */
static bool
names_partner(const struct refs *r, const struct values *partner)
{
	if (!partner->given)
		return true;
	for (size_t i = 0; i < r->n; i++)
		if (among(partner, (long)r->v[i].index))
			return true;
	return false;
}

static const char *
word_of(const struct md_context *ctx, enum label id, const char *fallback)
{
	return ctx->l != NULL ? label(ctx->l, id) : fallback;
}

/* " · ×6" for a record that stands for several. */
static void
times(struct buf *out, const struct locale *loc, long count)
{
	if (count > 1) {
		buf_puts(out, " · ×");
		format_number(out, loc, count);
	}
}

static void
partner_list(const struct md_context *ctx, struct buf *out,
    const struct refs *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			buf_puts(out, ", ");
		md_escape(out, ctx->c->partners[r->v[i].index].short_name);
	}
}

static size_t
list_activities(const struct md_context *ctx, const struct query *q,
    const struct locale *loc, struct buf *out, char bullet)
{
	const struct year *y = ctx->y;
	size_t n = 0, *order = year_by_date(y);
	for (size_t k = 0; k < y->n_activities; k++) {
		const struct activity *a = &y->activities[order[k]];
		if (!among(&q->framework, (long)a->framework.index) ||
		    !among(&q->kind, (long)a->kind.index) ||
		    !among(&q->month, a->date.month) ||
		    !names_partner(&a->partners, &q->partner))
			continue;
		buf_printf(out, "%c ", bullet);
		md_escape(out, a->title);
		buf_puts(out, " — ");
		struct buf date = BUF_INIT;
		format_date(&date, loc, a->date);
		md_escape(out, buf_str(&date));
		buf_free(&date);
		if (a->partners.n) {
			buf_puts(out, " · ");
			partner_list(ctx, out, &a->partners);
		}
		times(out, loc, a->count);
		buf_putc(out, '\n');
		n++;
	}
	free(order);
	return n;
}

static size_t
list_agreements(const struct md_context *ctx, const struct query *q,
    const struct locale *loc, struct buf *out, char bullet)
{
	bool (*pick)(const struct agreement *, int) =
	    agreement_sets[q->set].pick;
	/* The lists of lapsing agreements give the end, the others the
	 * signature. */
	bool by_end = q->set == SET_EXPIRING || q->set == SET_ENDED;
	const struct content *c = ctx->c;
	size_t n = 0;

	for (size_t i = 0; i < c->n_agreements; i++) {
		const struct agreement *a = &c->agreements[i];
		if (!pick(a, ctx->y->year) ||
		    !among(&q->type, (long)a->type) ||
		    (q->framework.given && (a->framework.id == NULL ||
		    !among(&q->framework, (long)a->framework.index))) ||
		    !names_partner(&a->partners, &q->partner))
			continue;
		buf_printf(out, "%c ", bullet);
		md_escape(out, a->title);
		buf_puts(out, " — ");
		md_escape(out, word_of(ctx, label_agreement_type(a->type),
		    agreement_type_ids[a->type]));
		if (a->partners.n) {
			buf_puts(out, " · ");
			partner_list(ctx, out, &a->partners);
		}
		if (by_end) {
			struct buf date = BUF_INIT;
			buf_puts(out, " · ");
			buf_printf(&date, "%s ", word_of(ctx, LABEL_COL_ENDS,
			    "ends"));
			format_date(&date, loc, a->ends);
			md_escape(out, buf_str(&date));
			buf_free(&date);
		} else if (a->signed_on.year) {
			struct buf date = BUF_INIT;
			buf_puts(out, " · ");
			format_date(&date, loc, a->signed_on);
			md_escape(out, buf_str(&date));
			buf_free(&date);
		}
		times(out, loc, a->count);
		buf_putc(out, '\n');
		n++;
	}
	return n;
}

static size_t
list_projects(const struct md_context *ctx, const struct query *q,
    const struct locale *loc, struct buf *out, char bullet)
{
	const struct year *y = ctx->y;
	size_t n = 0;

	for (size_t i = 0; i < y->n_projects; i++) {
		const struct project *p = &y->projects[i];
		if (!among(&q->partner, (long)p->funder.index) ||
		    !among(&q->status, (long)p->status))
			continue;
		buf_printf(out, "%c ", bullet);
		md_escape(out, p->title);
		buf_puts(out, " — ");
		md_escape(out, ctx->c->partners[p->funder.index].short_name);
		buf_puts(out, " · ");
		md_escape(out, word_of(ctx, label_project_status(p->status),
		    project_status_ids[p->status]));
		times(out, loc, p->count);
		buf_putc(out, '\n');
		n++;
	}
	return n;
}

bool
directive_list(const struct md_context *ctx, const char *word,
    const char *args, size_t n, struct pos at, struct buf *out, char bullet,
    size_t *group)
{
	struct query q;
	const struct locale *loc = ctx->loc ? ctx->loc :
	    locale_builtin(ctx->c->site.lang);

	memset(&q, 0, sizeof(q));
	for (q.list = LIST_ACTIVITIES; strcmp(lists[q.list], word) != 0;
	    q.list++)
		;
	bool ok = parse(ctx, word, args, n, at, &q);
	if (!ok || out == NULL) {
		query_free(&q);
		return ok;
	}
	size_t found = 0;
	switch (q.list) {
	case LIST_ACTIVITIES:
		found = list_activities(ctx, &q, loc, out, bullet);
		break;
	case LIST_AGREEMENTS:
		found = list_agreements(ctx, &q, loc, out, bullet);
		break;
	case LIST_PROJECTS:
		found = list_projects(ctx, &q, loc, out, bullet);
		break;
	}
	query_free(&q);
	/* One of a group of lists says nothing: the group's last says
	 * "(none)" when none of them found anything. */
	if (group != NULL) {
		*group += found;
		return true;
	}
	if (found == 0) {
		buf_printf(out, "%c ", bullet);
		md_escape(out, word_of(ctx, LABEL_NONE, "(none)"));
		buf_putc(out, '\n');
	}
	return true;
}

void
directive_none(const struct md_context *ctx, struct buf *out, char bullet)
{
	buf_printf(out, "%c ", bullet);
	md_escape(out, word_of(ctx, LABEL_NONE, "(none)"));
	buf_putc(out, '\n');
}
