/*
 * model: the content of a coopgen folder, as plain data.
 *
 * content_load (load.h) fills it from the files, content_check (check.h)
 * resolves its references, and every writer reads it. Nothing here does I/O.
 * Strings live in the content's arena; arrays are plain heap arrays with a
 * count. Every record keeps the position it came from, so that any later
 * stage can still point the user at the right line.
 */
#ifndef COOPGEN_MODEL_H
#define COOPGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "strmap.h"

/* The language of everything the program itself writes: labels, dates,
 * number formats. Content is written in whatever language its authors use. */
enum lang {
	LANG_VI,
	LANG_EN,
};

/* An entry of a vocabulary of site.yaml (a framework, a kind of activity). */
struct term {
	const char *id;
	const char *name;
	struct pos pos;
};

struct vocab {
	struct term *v;
	size_t	 n;
	struct strmap ids;	/* id to index in v */
};

struct site {
	const char *organisation;
	const char *organisation_short;	/* NULL when not given */
	const char *base_url;		/* NULL when not given */
	const char *utc_offset;		/* "+07:00": of dates published */
	enum lang lang;
	struct vocab frameworks;	/* in display order */
	struct vocab kinds;
	/* For report.docx (docx.h), each NULL when not given. */
	const char *governing_body;	/* the body above the organisation */
	const char *place;		/* of the date line */
	const char *document_symbol;	/* "SHTT" in "Số: 05/BC-SHTT" */
	struct pos pos;
};

struct partner {
	const char *id;
	const char *name;
	const char *short_name;	/* the name itself when not given */
	const char *country;	/* ISO 3166 alpha-2, or NULL */
	struct pos pos;
};

/* A reference by id, as written, and what content_check resolved it to. */
struct ref {
	const char *id;		/* NULL when the field was absent */
	struct pos pos;
	size_t	 index;		/* into the vocabulary or partner registry */
};

struct refs {
	struct ref *v;
	size_t	 n;
};

/* Markdown text and where it starts, so that a problem found at a byte
 * offset of the text can be reported at its line and column in the file. */
struct markdown {
	const char *text;	/* NULL when there is none, or on_disk */
	size_t	 len;
	struct pos pos;		/* of the text's first character */
	int	 indent;	/* columns before each later line (YAML blocks) */
	bool	 on_disk;	/* left in its file (pos.file) by the loader,
				   to be read again where it is written out
				   (and checked there, by a build) */
};

enum agreement_type {
	AGREEMENT_BILATERAL,
	AGREEMENT_MULTILATERAL,
};
#define AGREEMENT_TYPES 2

/* The ids of the types, in the order of the enum, as agreements.yaml and
 * the {{agreements type=...}} filter spell them; NULL after the last. The
 * one list of them (load.c). */
extern const char *const agreement_type_ids[AGREEMENT_TYPES + 1];

/* An agreement's status, in agreements.yaml: "in-force" or "proposed"
 * (and "in_force", as figures.json and {{agreements in_force}} spell the
 * set of agreements in force: record_enum takes '-' and '_' alike). */
enum agreement_status {
	AGREEMENT_IN_FORCE,
	AGREEMENT_PROPOSED,
};
#define AGREEMENT_STATUSES 2

extern const char *const agreement_status_ids[AGREEMENT_STATUSES + 1];

struct agreement {
	const char *title;
	enum agreement_type type;
	enum agreement_status status;
	struct refs partners;
	struct date signed_on;	/* year 0 when not given */
	struct date ends;	/* year 0 when open-ended */
	struct date proposed;	/* year 0 when not given */
	struct ref framework;	/* id NULL when not given */
	long	 count;		/* how many agreements the record stands for */
	const char *summary;
	struct pos pos;
	struct pos signed_pos, ends_pos;
};

enum project_status {
	PROJECT_COMPLETED,
	PROJECT_ONGOING,
	PROJECT_PREPARING,
	PROJECT_PROPOSED,
};
#define PROJECT_STATUSES 4

/* The ids of the statuses, in the order of the enum, as projects.yaml,
 * figures.json and the {{projects status=...}} filter spell them; NULL
 * after the last. The one list of them (load.c). */
extern const char *const project_status_ids[PROJECT_STATUSES + 1];

struct project {
	const char *title;
	struct ref funder;
	enum project_status status;
	struct date start, end;	/* year 0 when not given */
	bool	 has_budget;
	double	 budget;
	const char *currency;	/* ISO 4217, when there is a budget */
	long	 count;
	const char *summary;
	struct pos pos;
};

struct activity {
	const char *title;
	struct date date;
	struct pos date_pos;
	struct ref framework;
	struct ref kind;
	struct refs partners;
	long	 count;		/* how many events the record stands for */
	const char *place;
	const char *summary;
	const char *slug;
	struct pos slug_pos;	/* of the slug field, or of what it came from */
	struct markdown body;
	struct pos pos;
};

/* A chapter of the yearly report. */
struct section {
	const char *title;
	long	 order;
	const char *slug;
	struct markdown body;
	struct pos pos;
};

/* The news article about the year. */
struct article {
	const char *title;
	struct markdown lead;	/* one paragraph: the sapo */
	struct date published;
	const char *source;
	const char *author;
	const char *image;	/* relative to the year folder, or NULL */
	const char *image_caption;
	struct pos image_pos;
	struct markdown body;
	struct pos pos;
};

/* report.yaml's document block: the report as an administrative document
 * (Decree 30/2020 form), for report.docx. */
struct document {
	const char *number;	/* NULL: left blank for the clerk */
	const char **to;	/* "Kính gửi:" */
	size_t	 n_to;
	const char *signer_position;	/* may hold several lines */
	const char *signer_name;
	const char **recipients;	/* "Nơi nhận:" */
	size_t	 n_recipients;
	struct pos pos;
};

struct report {
	struct document *document;	/* NULL when not given */
	const char *title;
	const char *subtitle;
	struct markdown lead;
	struct date published;
	const char **authors;
	size_t	 n_authors;
	const char *source;
	struct pos pos;
};

/* The first year a year folder may be: Excel's dates start on 1 January
 * 1900, and the workbook writes every date of a year as a date. */
#define YEAR_FIRST 1900

/* Where each activity came from (load.h): beside the content, for the
 * rebuild and the records cache; no writer reads it. */
struct origin;

struct year {
	int	 year;
	const char *dir;	/* the folder's name, relative to content */
	bool	 wanted;	/* to be built (else loaded as a previous year) */
	struct report report;
	struct activity *activities;
	size_t	 n_activities;
	struct origin *origins;	/* [n_activities], load.h */
	struct project *projects;
	size_t	 n_projects;
	struct section *sections;	/* sorted by order, then file name */
	size_t	 n_sections;
	struct article *article;	/* NULL when there is no article.md */
};

struct content {
	struct arena arena;
	const char *root;		/* the content folder as given */
	struct site site;
	bool	 site_ok;		/* site.yaml loaded: vocabularies usable */
	struct partner *partners;	/* in display order */
	size_t	 n_partners;
	struct strmap partner_ids;
	bool	 partners_ok;		/* partners.yaml loaded (or absent) */
	struct agreement *agreements;
	size_t	 n_agreements;
	struct year *years;		/* ascending */
	size_t	 n_years;
};

/* The year y of the content, or NULL. */
struct year *content_year(const struct content *c, int y);

/* The indexes of y's activities in the order every output lists them: by
 * date, a date known only to the month after that month's days, one known
 * only to the year last, equal dates in the order of the content. A heap
 * array of y->n_activities; the caller frees it. */
size_t	*year_by_date(const struct year *y);

/* Release everything content_load allocated. */
void	 content_free(struct content *c);

#endif
