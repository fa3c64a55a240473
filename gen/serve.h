/*
 * serve: coopgen serve, a live preview of the report.
 *
 * The content is built into a private temporary folder (never --out) by
 * the program itself: each rebuild is coopgen build -q into that folder,
 * a process of its own (forked from a copy of the program made at the
 * start, so that it does not load the program anew), and its pages are
 * byte for byte what build writes; a rebuild takes over the unchanged
 * pages of the one before (reuse.h), and a failed rebuild leaves the last
 * good pages in place (publish.h). libmicrohttpd serves the folder; the
 * HTML pages it serves, and only those, get a few lines of script that
 * listen for events on /_coopgen/events (Server-Sent Events):
 *
 *	event: reload	a rebuild has finished and its pages are in place
 *	event: errors	the last rebuild failed; data: its messages, as the
 *			terminal shows them (the page shows them on top)
 *	event: ok	no errors now (to a page opened while there were)
 *
 * The content and templates folders are watched (watch.h); once changes
 * have settled (5 ms without one, a second at most) the content is
 * rebuilt, and the event is sent the moment the build has ended; a change
 * during a rebuild stops it and starts it again. Connections, event
 * streams and the time a request may take to arrive are bounded (see
 * MAX_CONNECTIONS in serve.c). SIGINT, SIGTERM and SIGHUP are taken by a
 * signalfd: the server stops, and the private folder is removed.
 */
#ifndef COOPGEN_SERVE_H
#define COOPGEN_SERVE_H

#include "build.h"

struct serve_options {
	const char *bind;	/* the address to listen on; NULL: 127.0.0.1 */
	const char *port;	/* NULL: 8080; "0": any free port */
};

/* coopgen serve. An exit status of coopgen(1). */
int	 coopgen_serve(const struct options *o, const struct serve_options *so);

#endif
