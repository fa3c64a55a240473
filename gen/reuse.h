/*
 * reuse: the outputs of the last build that this one can take over.
 *
 * A big year is mostly activity pages, and a rebuild after one change would
 * otherwise render and write every one of them again. An activity page is
 * made from its own file and from what every page shares: the program, the
 * templates, the other content files and the names of the year's files;
 * with a placeholder, a link to a page or a '%' in its body, also from the
 * front matter of every activity of its year. The year's other pages (as
 * one group) and its workbook are made from what every page shares and
 * the front matter of the year's activities and the year before's. A build
 * keys each output by a hash of all that, and leaves in the output folder,
 * in .coopgen-pages, each file's key and the hash of its bytes, and a seal
 * of each group. The next build takes an output whose key is unchanged,
 * and whose old file still has those bytes, by a hard link instead of
 * making it: the output is byte for byte what a full build writes
 * (tests/run-reuse holds it to that).
 *
 * A body is not checked again then: what a check of it depends on (the
 * file, the figures' shape through the other content files, the files its
 * links name) is in the key, and the build that wrote the page checked it.
 */
#ifndef COOPGEN_REUSE_H
#define COOPGEN_REUSE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "hash.h"
#include "strmap.h"

#define REUSE_MANIFEST ".coopgen-pages"

/* A file of a manifest: its path in the output folder, its key, the hash
 * of its bytes (for a group's seal: '#' and the year folder, the group's
 * key, the seal). */
struct reuse_entry {
	char	*rel;
	struct hash key, bytes;
};

struct reuse {
	struct reuse_entry *v;
	size_t	 n;
	struct strmap by_rel;
};

struct publish;

/* The most a manifest may hold: far more than 50,000 pages need. */
#define REUSE_MAX (256u << 20)

/* The manifest of the output folder being replaced by p; empty when there
 * is none, or it is not one this program wrote (nothing is reported: a
 * full build follows). */
void	 reuse_load(struct reuse *r, struct publish *p);
void	 reuse_free(struct reuse *r);

/* The entry for the page at rel, or NULL. */
const struct reuse_entry *reuse_find(const struct reuse *r, const char *rel);

/* Entries being gathered for the next manifest. */
struct reuse_list {
	struct reuse_entry *v;
	size_t	 n, cap;
};

/* Add a copy of rel with its key and bytes' hash. */
void	 reuse_list_add(struct reuse_list *l, const char *rel, struct hash key,
	    struct hash bytes);
void	 reuse_list_free(struct reuse_list *l);

/* The seal of a group of n files: a hash of their paths and bytes, in any
 * order. The manifest keeps it as an entry of its own, named '#' and the
 * group's year folder, under the group's key: a group that lost or gained
 * a line is then not taken. */
struct hash reuse_seal(const struct reuse_entry *v, size_t n);

/* The hash of the file at path (written by this build); false when it
 * cannot be read. */
bool	 reuse_hash_file(const char *path, struct hash *out);

struct publish;

/*
 * The files the last build wrote under one key, for a group of outputs
 * made from the same inputs (the pages of a year but its activities'):
 * when there are any, all still as they were written, and the manifest's
 * seal of the group (below) vouches for the set, all are linked into p
 * and added to taken, and the result is true. Otherwise nothing is linked
 * and the caller writes the group.
 */
bool	 reuse_group(const struct reuse *r, struct publish *p, struct hash key,
	    struct reuse_list *taken);

/* The manifest of the n pages v (sorted here by path) as its file holds
 * it. */
void	 reuse_format(struct reuse_entry *v, size_t n, struct buf *out);

/* The fingerprint of the program itself and of each shared object it runs
 * with (ctemplate, cmark, libxlsxwriter, the C library...), each by its
 * path and the fingerprint of its bytes: another build of any may write
 * other bytes. A file unchanged since the last build took its fingerprint
 * (the records cache c, when not NULL, says: cache.h) is not read again.
 * False when the program cannot be read (no /proc): then nothing can be
 * known to be unchanged, and nothing is reused. */
struct cache;
bool	 reuse_program(struct hash *out, struct cache *c);

/*
 * Add to h what every page of a build depends on beyond its own file: the
 * program (reuse_program's fingerprint) and trees, the fingerprint of the
 * folders templates and content that reuse_stamp gives.
 */
void	 reuse_fingerprint(struct hasher *h, struct hash program,
	    struct hash trees);

/*
 * The identity of the files of the folders templates and content as they
 * are now (inode, size, modification and change times), read without
 * opening them, but for the files of activities (<year>/activities/
 * *.md: not even their names; a page is keyed by the bytes its file had
 * when read, and the records cache by its file's identity then),
 * and hidden files (not at all: coopgen reads none, and links to none).
 * Taken before a build reads anything and again before its manifest is
 * written: when the two differ, a file changed while the build ran (and
 * the fingerprint may not be what was read), so the manifest keys nothing.
 *
 * With trees not NULL, the same walk also gives the folders' fingerprint:
 * every file's path and bytes, but media's (<year>/media/: names and
 * sizes).
 */
struct hash reuse_stamp(const char *content, const char *templates,
	    struct hash *trees);

struct year;

/* The two keys of an activity's page: as made from its own file alone,
 * and from it with the front matter of every activity of its year and of
 * the year before (the figures a body may quote compare with it). Which
 * one a page is keyed by is said by the parse that renders its body
 * (md_page.names_year): the last build's parse chose the key it left in
 * the manifest, and a page is taken over when that key matches either. */
struct reuse_page_key {
	struct hash alone, with_year;
};

/* The keys of a year's outputs. */
struct reuse_keys {
	struct reuse_page_key *pages;	/* [activities]: each one's page */
	struct hash group;	/* the year's other pages */
	struct hash book;	/* its statistics.xlsx */
};

/*
 * The keys of year y's outputs, from base (what all outputs share: the
 * fingerprint above, and the options that change outputs) and the year
 * before, prev (NULL: none). An activity page adds its own file, and when
 * its body names other records or files, the front matter of every
 * activity of its year; the other pages and the workbook add the front
 * matter of the year's activities and of the year before's (the
 * comparisons), and across, the figures of every year (years.h): both
 * also go into the key of a page whose body names other records.
 */
void	 reuse_year_keys(struct hash base, const struct year *y,
	    const struct year *prev, struct hash across, struct reuse_keys *k);
void	 reuse_keys_free(struct reuse_keys *k);

/* The key a page made under key is noted by when its making gave a
 * warning: never one a page is taken over by (a rebuild that took it
 * would not say the warning again), but known for what it is. */
struct hash reuse_warned(struct hash key);

/*
 * The key of the outputs of the whole site (the list of years, the
 * partners' dossiers, years.json and years.xlsx, the stylesheet), taken
 * or written as one group like a year's pages: made from what every page
 * shares (base) and the front matter of every activity of every year
 * (their titles, dates, partners, pages), from which, with the other
 * content files in base, the figures of every year come.
 */
struct content;
struct hash reuse_site_key(struct hash base, const struct content *c);

#endif
