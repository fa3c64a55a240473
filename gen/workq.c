/* Items over threads; see workq.h. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "workq.h"
#include "xalloc.h"

struct workq {
	size_t	 n;
	atomic_size_t next;
	atomic_bool stop;
	workq_fn *fn;
	void	*arg;
};

struct worker {
	struct workq *q;
	unsigned thread;
	pthread_t id;
	bool	 started;
};

static void *
work(void *p)
{
	struct worker *w = p;
	struct workq *q = w->q;

	while (!atomic_load(&q->stop)) {
		size_t i = atomic_fetch_add(&q->next, 1);
		if (i >= q->n)
			break;
		if (!q->fn(q->arg, w->thread, i))
			atomic_store(&q->stop, true);
	}
	return NULL;
}

unsigned
workq_run(size_t n, unsigned threads, size_t min_share, workq_fn *fn,
    void *arg)
{
	struct workq q = { .n = n, .fn = fn, .arg = arg };

	/* Threads pay off only with work to share. */
	if (min_share > 0 && threads > n / min_share + 1)
		threads = (unsigned)(n / min_share + 1);
	if (threads < 1)
		threads = 1;
	atomic_init(&q.next, 0);
	atomic_init(&q.stop, false);
	struct worker *w = xcalloc(threads, sizeof(*w));
	for (unsigned t = 0; t < threads; t++)
		w[t] = (struct worker){ .q = &q, .thread = t };
	for (unsigned t = 1; t < threads; t++)
		w[t].started = pthread_create(&w[t].id, NULL, work, &w[t]) == 0;
	work(&w[0]);
	for (unsigned t = 1; t < threads; t++)
		if (w[t].started)
			pthread_join(w[t].id, NULL);
	free(w);
	return threads;
}
