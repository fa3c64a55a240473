/*
 * cache: the records of the activity files as the last build read them.
 *
 * After one activity changed, a rebuild of a big year would spend most of
 * its time reading and parsing again every other activity file. A build
 * leaves in the output folder, in .coopgen-cache, the record it decoded
 * from each activity file (every field of struct activity; of the body,
 * its length and place in the file, not its text, which the pages read
 * again), under the file's path and identity: device, inode, size,
 * modification and change times, to the nanosecond. The next build takes
 * the record of a file whose identity is unchanged instead of opening it,
 * as make and git decide that a file is unchanged; the change time, which
 * no one can set back (touch -d, touch -r and cp -p restore the
 * modification time and set the change time to now), catches an edit that
 * keeps the size and the modification time.
 *
 * Why a record taken so is the record a fresh build makes:
 *
 * - What the loader makes of an activity file depends on its bytes, its
 *   path, the program, and site.yaml (the language of the messages); the
 *   cache is keyed by the fingerprints of the program (reuse_program) and
 *   of site.yaml and partners.yaml, and ignored when they changed. What a
 *   record's loading decides with the other files (a slug taken twice, ids
 *   resolved against the vocabularies and partners, the record's own
 *   warnings, copies of another record) is done again for every record,
 *   cached or not (load.c: activity_settle, check_repeats).
 * - Only records whose loading said nothing are kept, so that a taken
 *   record has no message to repeat; nor is a file read through a symbolic
 *   link (its target can change under the same link).
 * - A file changed twice within one tick of the file system's clock keeps
 *   its times. A file whose modification or change time is less than
 *   CACHE_MARGIN seconds before the build that read it began is therefore
 *   read again, as git does with "racily clean" files; the time that build
 *   began is the cache file's modification time, so that the cache's bytes
 *   are the same whenever it is written. (This takes the file system's
 *   clock to be the machine's, within the margin, and never set back; and,
 *   as make and git do, that a file's bytes do not change without its
 *   times: a file written through a shared mmap keeps them, on tmpfs
 *   always, on ext4 after the first write to a page: README, Design.)
 * - Only a build that succeeded, and whose files did not change while it
 *   ran (reuse_stamp), writes the cache; another leaves an empty one.
 * - The file is input like any other: one of the wrong size, version, key
 *   or checksum, or with one entry that is not what this program writes
 *   (a field out of its range, text that is not UTF-8, an id or slug that
 *   is not one, a path twice), is ignored whole, in silence: every file is
 *   then read. The checksum tells an accident (a file cut short, a disk's
 *   error, another program's file) from the cache as it was written; it
 *   is no seal against someone who writes a well-formed cache into the
 *   output folder on purpose, who could as well write the pages and
 *   .coopgen-pages (reuse.h) there. Whatever the bytes, reading them
 *   cannot crash the program or make it read or write out of bounds.
 */
#ifndef COOPGEN_CACHE_H
#define COOPGEN_CACHE_H

#include <sys/stat.h>

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "hash.h"
#include "model.h"
#include "origin.h"

#define CACHE_FILE	".coopgen-cache"
#define CACHE_MAX	(256u << 20)	/* bytes: 50,000 records need ~15 MiB */
#define CACHE_MARGIN	2		/* seconds: FAT's clock ticks in two */

struct cache;
struct cache_entry;
struct publish;

/* The cache left in the output folder out (when out holds coopgen's
 * output: its marker). Never NULL: an unusable cache is an empty one, and
 * nothing is reported. The time of the call is the time the build began. */
struct cache *cache_open(const char *out);
void	 cache_free(struct cache *c);

/* The fingerprint of the bytes of the program's file at path (of identity
 * st, an fstat of it), as the last build took it, when the file is still
 * the one it was, as an activity file must be (cache_find); false
 * otherwise. And the fingerprint taken now, for the next build. Then the
 * program's fingerprint (reuse_program), before cache_start. */
bool	 cache_object(const struct cache *c, const char *path,
	    const struct stat *st, struct hash *bytes);
void	 cache_add_object(struct cache *c, const char *path,
	    const struct stat *st, struct hash bytes);
void	 cache_program(struct cache *c, struct hash program);

/* A file the records depend on, by its path in the content: its text (len
 * bytes), or NULL when there is none or it could not be read. Then, once
 * every such file is given, cache_start: records are taken from here on
 * when the last build's files were the same. */
void	 cache_depend(struct cache *c, const char *rel, const char *text,
	    size_t len);
void	 cache_start(struct cache *c);

/* The record of the activity file rel (its path in the content, as the
 * loader names it), entry name of the open folder dirfd, when it is still
 * the file it was: a regular file (not a link) of the same identity, that
 * had not changed within CACHE_MARGIN of the read. NULL otherwise: the
 * file is to be read. Safe on several threads at once. */
const struct cache_entry *cache_find(const struct cache *c, int dirfd,
	    const char *name, const char *rel);

/* Fill a with e's record, and from with its origin: its strings copied
 * into arena, every position at file (rel, as the loader keeps it). The
 * body is left as the loader leaves one it does not keep (text NULL,
 * on_disk false). */
void	 cache_restore(const struct cache_entry *e, const char *file,
	    struct arena *arena, struct activity *a, struct origin *from);

/* For the next cache: e as it is (a record taken), or the record a read,
 * with its origin, from a file of identity id (fsx_read_id; nothing when
 * id->st_mode is 0), every position of which is in that file. Records are
 * kept in the order given. */
void	 cache_keep(struct cache *c, const struct cache_entry *e);
void	 cache_add(struct cache *c, const struct activity *a,
	    const struct origin *from, const struct stat *id);

/* The content is loaded: no record is looked up or taken any more, and
 * what only that needs is let go (of a year of 50,000 activities, some
 * 8 MB). */
void	 cache_loaded(struct cache *c);

/* How many records were taken from the cache, and how many offered to the
 * next one. */
size_t	 cache_taken(const struct cache *c);

/* Write the next cache into the build p: the records kept when sound (a
 * build that succeeded and whose files did not change meanwhile), else an
 * empty file that the next build ignores. False (reported by publish) when
 * it cannot be written. */
bool	 cache_write(struct cache *c, struct publish *p, bool sound);

#endif
