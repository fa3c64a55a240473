/*
 * workq: work spread over threads, the one way coopgen does it for work
 * that comes as many like items (activity bodies to check, activity pages
 * to write): the items 0 to n-1, each taken once, in order, by whichever
 * thread is free. Each item's result must not depend on the thread that
 * made it or on the order items finish in (messages are sorted by diag.h;
 * files are put in place by publish.h), so that one thread or eight give
 * the same output.
 *
 * Two other threads are not items of a queue, each for its reason: the
 * loader's read-ahead (load.c) reads files in the order the loader will
 * decode them, a fixed distance ahead; the workbook (build.c) is one job
 * beside the pages.
 */
#ifndef COOPGEN_WORKQ_H
#define COOPGEN_WORKQ_H

#include <stdbool.h>
#include <stddef.h>

/* Do item i on thread number thread (0 to threads - 1: for state of its
 * own, such as a page writer per thread). False: take no further item,
 * on any thread (a failure, or a signal). */
typedef bool workq_fn(void *arg, unsigned thread, size_t item);

/*
 * Call fn for each item below n on up to threads threads, the caller's
 * among them, then wait for them all; fewer when there are few items per
 * thread (at least min_share each). With one thread (or a thread that
 * cannot be started), items are done on the caller's thread, in order.
 * Returns the number of thread numbers handed out: those below it may
 * have been given items, and any state of theirs is the caller's to
 * release.
 */
unsigned workq_run(size_t n, unsigned threads, size_t min_share, workq_fn *fn,
	    void *arg);

#endif
