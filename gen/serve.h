/*
 * serve: coopgen serve, a live preview of the report.
 *
 * The content is built into a private temporary folder (never --out) by
 * the program itself, run as `coopgen build -q` into that folder: each
 * rebuild is an ordinary build, so its pages are byte for byte what build
 * writes, a rebuild takes over the unchanged pages of the one before
 * (reuse.h), and a failed rebuild leaves the last good pages in place
 * (publish.h). libmicrohttpd serves the folder; the HTML pages it serves,
 * and only those, get a few lines of script that listen for events on
 * /_coopgen/events (Server-Sent Events):
 *
 *	event: reload	a rebuild has finished and its pages are in place
 *	event: errors	the last rebuild failed; data: its messages, as the
 *			terminal shows them (the page shows them on top)
 *
 * The content and templates folders are watched (watch.h); once changes
 * have settled for WATCH_SETTLE_MS the content is rebuilt, and only then
 * is the event sent. SIGINT, SIGTERM and SIGHUP are taken by a signalfd:
 * the server stops, and the private folder is removed.
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
