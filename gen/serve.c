#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "buf.h"
#include "serve.h"
#include "utf8.h"
#include "watch.h"
#include "xalloc.h"

/*
 * When a rebuild starts. The events of one save (an editor's write, its
 * rename over the old file, attributes) come within a millisecond, those
 * of a git checkout back to back: a rebuild starts once no event has come
 * for SETTLE_QUIET_MS, or SETTLE_MAX_MS after the first change, whichever
 * is sooner, so that a program that never stops changing files does not
 * hold it back for ever. A change that comes while a rebuild runs stops
 * that rebuild (it would show a state already gone) and the quiet is
 * waited for again, up to SETTLE_MAX_MS after the first change; the pages
 * are told only of a rebuild no change overtook. A file still open for
 * writing holds the rebuild back until it is closed, or BUSY_IDLE_MS pass
 * without an event (a program that keeps one open).
 */
#define SETTLE_QUIET_MS 5
#define SETTLE_MAX_MS 1000
#define BUSY_IDLE_MS 2000
/* A comment on an idle event stream this often keeps it open, below
 * IDLE_TIMEOUT_S. */
#define KEEPALIVE_S 15
/*
 * What clients may hold. Each connection is a thread. An address (every
 * page of a browser on this computer comes from 127.0.0.1) may hold half
 * of them; event streams (one per open page) a quarter, so that pages are
 * always served: one more is refused with 503 and its page tries again
 * (live_script). The request line and headers must come whole within
 * HEADER_TIMEOUT_S of the connection (a slow client that sends a byte now
 * and then is cut, which libmicrohttpd's timeout, restarted by each byte,
 * does not do); a connection on which nothing moves for IDLE_TIMEOUT_S (a
 * client that does not read its answer) is closed. Each answer closes its
 * connection (request_whole).
 */
#define MAX_CONNECTIONS 64
#define MAX_PER_ADDRESS 32
#define MAX_STREAMS 16
#define STREAM_RETRY_S "5"
#define CONNECTION_MEMORY (32 * 1024)	/* request line and headers */
#define HEADER_TIMEOUT_S 5
#define IDLE_TIMEOUT_S 30
/* A page larger than this is served without the script. */
#define HTML_MAX (64 * 1024 * 1024)

#define EVENTS_PATH "/_coopgen/events"

struct stream;

/* A connection, from its start to its close (its libmicrohttpd socket
 * context). */
struct peer {
	int	 fd;		/* its socket: libmicrohttpd's, never closed here */
	double	 deadline;	/* its request must have come whole by then
				 * (now_ms); 0: one is being answered */
	struct peer *prev, *next;
};

/* What the main thread (which rebuilds) and the connections' threads
 * (which serve) share. */
struct live {
	pthread_mutex_t lock;
	unsigned long gen;	/* rebuilds whose pages are in place */
	unsigned long err_gen;	/* changes of errors */
	char	*errors;	/* the last rebuild's messages; NULL: none */
	bool	 stopping;
	const char *site;	/* the folder served */
	char	 hosts[3][INET6_ADDRSTRLEN + 16];	/* Host headers allowed */
	unsigned port;		/* the port listened on */
	bool	 any;		/* on every address: any address is ours */
	struct stream **streams;	/* the open event streams */
	size_t	 n_streams, cap_streams;
	struct peer *peers;	/* the open connections */
	pthread_cond_t reap;	/* a deadline set: the reaper looks again */
};

/*
 * The few lines put into each HTML page served, just before </body>:
 * reload when a rebuild is in place, show the errors of a failed one on
 * top of the page (as text: textContent never makes markup), hide them
 * once fixed. %lu: the rebuild the page comes from, so that one finished
 * between the page and its event stream still reloads it (and one
 * finished while the page was hidden reloads it when it is shown again).
 * A hidden page (a tab in the background) holds no stream: a browser
 * keeps six connections to a server, and six tabs that each held one
 * would leave none for a seventh page. A stream refused (503: too many
 * pages follow the preview) is tried again a few seconds later.
 */
static const char live_script[] =
"<script data-coopgen-live>(function(){"
"var u=\"" EVENTS_PATH "?since=%lu\",s=null,t=0;"
"function panel(){var p=document.getElementById(\"coopgen-errors\");"
"if(!p){p=document.createElement(\"pre\");p.id=\"coopgen-errors\";"
"p.setAttribute(\"role\",\"alert\");"
"p.style.cssText=\"position:sticky;top:0;z-index:2147483647;margin:0;"
"padding:1em;background:#fff0f0;color:#8b0000;border-bottom:3px solid "
"#8b0000;white-space:pre-wrap;font:14px/1.4 monospace\";"
"document.body.insertBefore(p,document.body.firstChild);}return p;}"
"function open(){if(s||document.hidden)return;s=new EventSource(u);"
"s.addEventListener(\"reload\",function(){this.close();location.reload();});"
"s.addEventListener(\"errors\",function(e){var p=panel();"
"p.textContent=e.data;p.hidden=false;});"
"s.addEventListener(\"ok\",function(){"
"var p=document.getElementById(\"coopgen-errors\");if(p)p.hidden=true;});"
"s.onerror=function(){if(this===s&&this.readyState===2){s=null;"
"t=setTimeout(open,3000+Math.random()*4000);}};}"
"function shut(){clearTimeout(t);if(s){s.close();s=null;}}"
"document.addEventListener(\"visibilitychange\",function(){"
"if(document.hidden)shut();else open();});open();"
"})();</script>";

/* Served while there are no pages yet: the first build failed. */
static const char no_pages[] =
"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
"<title>coopgen serve</title></head><body>"
"<p>No pages yet: the content has errors. This page reloads by itself "
"once they are fixed.</p></body></html>\n";

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static const char *
content_type(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".htm", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".gif", "image/gif" },
		{ ".webp", "image/webp" },
		{ ".ico", "image/vnd.microsoft.icon" },
		{ ".pdf", "application/pdf" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".csv", "text/csv; charset=utf-8" },
		{ ".xml", "application/xml" },
		{ ".xlsx", "application/vnd.openxmlformats-officedocument."
		    "spreadsheetml.sheet" },
		{ ".docx", "application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document" },
		{ ".pptx", "application/vnd.openxmlformats-officedocument."
		    "presentationml.presentation" },
		{ ".zip", "application/zip" },
		{ ".mp4", "video/mp4" },
		{ ".mp3", "audio/mpeg" },
	};
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; dot != NULL && i < sizeof(types) / sizeof(*types);
	    i++)
		if (strcasecmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* A part of a path that may be opened: not hidden (the marker, the
 * staging folder), not "." or "..", no control character or backslash,
 * not longer than a name can be. */
static bool
plain_segment(const char *s, size_t len)
{
	if (len == 0 || len > NAME_MAX || s[0] == '.')
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f || ch == '\\')
			return false;
	}
	return true;
}

/*
 * Open what url names in the folder site, segment by segment, following
 * no link and opening nothing but folders and regular files. The status
 * to answer: 200 with *fd open on a regular file (a folder's index.html
 * for a folder), 301 for a folder named without its final '/', 404 for
 * the rest, 503 when there is no site yet.
 */
static int
resolve(const char *site, const char *url, int *fd, struct stat *st)
{
	*fd = -1;
	if (url[0] != '/')
		return 404;
	int dfd = open(site, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0)
		return 503;
	const char *p = url + 1;
	for (;;) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char seg[NAME_MAX + 1];
		if (len == 0 && end == NULL)
			strcpy(seg, "index.html");
		else if (!plain_segment(p, len)) {
			close(dfd);
			return 404;
		} else {
			memcpy(seg, p, len);
			seg[len] = '\0';
		}
		int f = openat(dfd, seg, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
		close(dfd);
		if (f < 0)
			return 404;
		if (fstat(f, st) != 0) {
			close(f);
			return 404;
		}
		if (S_ISDIR(st->st_mode) && len > 0) {
			if (end == NULL) {
				close(f);
				return 301;
			}
			dfd = f;
			p = end + 1;
			continue;
		}
		if (!S_ISREG(st->st_mode) || (end != NULL && len > 0)) {
			close(f);
			return 404;
		}
		*fd = f;
		return 200;
	}
}

/* Queue response r with status, then release it. */
static enum MHD_Result
queue(struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
	if (r == NULL)
		return MHD_NO;
	enum MHD_Result ok = MHD_YES;
	if (MHD_add_response_header(r, "Cache-Control", "no-store") != MHD_YES
	    || MHD_add_response_header(r, "X-Content-Type-Options", "nosniff")
	    != MHD_YES)
		ok = MHD_NO;
	if (ok == MHD_YES)
		ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* A short plain-text answer. */
static enum MHD_Result
answer_text(struct MHD_Connection *c, unsigned status, const char *text,
    const char *header, const char *value)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text),
	    (void *)text, MHD_RESPMEM_PERSISTENT);

	if (r == NULL)
		return MHD_NO;
	if (MHD_add_response_header(r, "Content-Type",
	    "text/plain; charset=utf-8") != MHD_YES || (header != NULL &&
	    MHD_add_response_header(r, header, value) != MHD_YES)) {
		MHD_destroy_response(r);
		return MHD_NO;
	}
	return queue(c, status, r);
}

/* An HTML page, with the script put in before its last </body> (or at its
 * end). */
static enum MHD_Result
answer_html(struct MHD_Connection *c, unsigned status, const char *page,
    size_t len, unsigned long gen)
{
	struct buf b = BUF_INIT;
	const char *at = NULL;

	for (const char *p = page; (p = memmem(p, len - (size_t)(p - page),
	    "</body>", 7)) != NULL; p += 7)
		at = p;
	size_t before = at != NULL ? (size_t)(at - page) : len;
	buf_append(&b, page, before);
	buf_printf(&b, live_script, gen);
	buf_append(&b, page + before, len - before);
	size_t n = b.len;
	struct MHD_Response *r = MHD_create_response_from_buffer(n,
	    buf_detach(&b), MHD_RESPMEM_MUST_FREE);
	if (r == NULL)
		return MHD_NO;
	if (MHD_add_response_header(r, "Content-Type",
	    "text/html; charset=utf-8") != MHD_YES) {
		MHD_destroy_response(r);
		return MHD_NO;
	}
	return queue(c, status, r);
}

static bool
read_all(int fd, size_t size, char **text)
{
	char *p = xmalloc(size + 1);
	size_t done = 0;

	while (done < size) {
		ssize_t n = read(fd, p + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done != size) {
		free(p);
		return false;
	}
	p[size] = '\0';
	*text = p;
	return true;
}

/* Location of a folder named without its '/': the path, percent-encoded
 * but for what needs none. */
static char *
folder_location(const char *url)
{
	struct buf b = BUF_INIT;

	for (const char *p = url; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("/-._~", ch) != NULL)
			buf_putc(&b, (char)ch);
		else
			buf_printf(&b, "%%%02X", ch);
	}
	buf_putc(&b, '/');
	return buf_detach(&b);
}

static enum MHD_Result
serve_file(struct live *l, struct MHD_Connection *c, const char *url)
{
	struct stat st;
	int fd;

	/* Read before the page: a rebuild that lands in between makes one
	 * reload too many, never one too few. */
	pthread_mutex_lock(&l->lock);
	unsigned long gen = l->gen;
	pthread_mutex_unlock(&l->lock);

	int status = resolve(l->site, url, &fd, &st);
	if (status == 503)
		return answer_html(c, 503, no_pages, strlen(no_pages), gen);
	if (status == 301) {
		char *to = folder_location(url);
		enum MHD_Result ok = answer_text(c, 301, "moved\n",
		    "Location", to);
		free(to);
		return ok;
	}
	if (status != 200)
		return answer_text(c, 404, "not found\n", NULL, NULL);
	/* A folder's page is its index.html. */
	const char *type = url[strlen(url) - 1] == '/' ?
	    "text/html; charset=utf-8" : content_type(url);
	if (strncmp(type, "text/html", 9) == 0 && st.st_size < HTML_MAX) {
		char *page;
		bool ok = read_all(fd, (size_t)st.st_size, &page);
		close(fd);
		if (!ok)
			return answer_text(c, 500, "cannot read the page\n",
			    NULL, NULL);
		enum MHD_Result r = answer_html(c, 200, page,
		    (size_t)st.st_size, gen);
		free(page);
		return r;
	}
	/* The response owns fd from here, and closes it. */
	struct MHD_Response *r = MHD_create_response_from_fd64(
	    (uint64_t)st.st_size, fd);
	if (r == NULL) {
		close(fd);
		return MHD_NO;
	}
	if (MHD_add_response_header(r, "Content-Type", type) != MHD_YES) {
		MHD_destroy_response(r);
		return MHD_NO;
	}
	return queue(c, 200, r);
}

/* An event stream: what one open page has been told so far. */
struct stream {
	struct live *l;
	int	 sock;		/* the connection's socket, for its end */
	int	 wake;		/* an eventfd, rung when l changes */
	unsigned long gen;	/* the rebuild its page shows */
	unsigned long err_gen;	/* the errors it shows */
	bool	 started;
	struct buf out;		/* not yet sent */
	size_t	 off;
};

/* Wake every stream: l has changed. Under l->lock. */
static void
ring(struct live *l)
{
	for (size_t i = 0; i < l->n_streams; i++)
		/* Fails only when the counter is full: rung already. */
		if (eventfd_write(l->streams[i]->wake, 1) != 0 &&
		    errno != EAGAIN)
			fprintf(stderr, "coopgen: cannot wake an event "
			    "stream: %s\n", strerror(errno));
}

/* The errors as an event: each line its own data line, no CR left to
 * split one. */
static void
errors_event(struct buf *b, const char *text)
{
	buf_puts(b, "event: errors\n");
	for (const char *p = text; *p != '\0'; ) {
		size_t len = strcspn(p, "\n");
		buf_puts(b, "data: ");
		for (size_t i = 0; i < len; i++)
			buf_putc(b, p[i] == '\r' ? ' ' : p[i]);
		buf_putc(b, '\n');
		p += len;
		if (*p == '\n')
			p++;
	}
	buf_putc(b, '\n');
}

/*
 * libmicrohttpd asks for more of the stream. Each connection has a thread
 * of its own (MHD_USE_THREAD_PER_CONNECTION), so this may wait for the
 * next rebuild: the rebuild itself only changes l and rings the streams,
 * and never waits for a client. While it waits it watches the connection
 * too: a page closed or reloaded frees its place at once, not at the next
 * keep-alive.
 */
static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *s = cls;
	struct live *l = s->l;

	(void)pos;
	while (s->off == s->out.len) {
		buf_reset(&s->out);
		s->off = 0;
		pthread_mutex_lock(&l->lock);
		bool stop = l->stopping;
		if (!s->started) {
			buf_puts(&s->out, "retry: 1000\n\n");
			s->started = true;
		} else if (l->gen > s->gen) {
			buf_printf(&s->out, "event: reload\ndata: %lu\n\n",
			    l->gen);
			s->gen = l->gen;
			s->err_gen = l->err_gen;
		} else if (l->err_gen != s->err_gen) {
			if (l->errors != NULL)
				errors_event(&s->out, l->errors);
			else
				buf_puts(&s->out, "event: ok\ndata: \n\n");
			s->err_gen = l->err_gen;
		}
		pthread_mutex_unlock(&l->lock);
		if (stop)
			return MHD_CONTENT_READER_END_OF_STREAM;
		if (s->out.len > 0)
			break;
		/* A change rings wake after it is made, so one made since
		 * the lock was let go is not missed. */
		struct pollfd fds[2] = { { s->sock, POLLRDHUP, 0 },
		    { s->wake, POLLIN, 0 } };
		int n = poll(fds, 2, KEEPALIVE_S * 1000);
		if (n < 0 && errno != EINTR)
			return MHD_CONTENT_READER_END_WITH_ERROR;
		if (n == 0)
			buf_puts(&s->out, ":\n\n");
		if (n > 0 && (fds[0].revents & (POLLRDHUP | POLLHUP | POLLERR |
		    POLLNVAL)))
			return MHD_CONTENT_READER_END_WITH_ERROR;
		eventfd_t rung;
		if (n > 0 && (fds[1].revents & POLLIN) &&
		    eventfd_read(s->wake, &rung) != 0 && errno != EAGAIN)
			return MHD_CONTENT_READER_END_WITH_ERROR;
	}
	size_t n = s->out.len - s->off;
	if (n > max)
		n = max;
	memcpy(buf, s->out.data + s->off, n);
	s->off += n;
	return (ssize_t)n;
}

/* The stream's end: its place goes to the next page. */
static void
stream_free(void *cls)
{
	struct stream *s = cls;
	struct live *l = s->l;

	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n_streams; i++)
		if (l->streams[i] == s) {
			l->streams[i] = l->streams[--l->n_streams];
			break;
		}
	pthread_mutex_unlock(&l->lock);
	close(s->wake);
	buf_free(&s->out);
	free(s);
}

static enum MHD_Result
serve_events(struct live *l, struct MHD_Connection *c)
{
	const char *since = MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "since");
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CONNECTION_FD);
	int wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

	if (ci == NULL || wake < 0) {
		if (wake >= 0)
			close(wake);
		return answer_text(c, 503, "cannot follow the preview now\n",
		    "Retry-After", STREAM_RETRY_S);
	}
	struct stream *s = xcalloc(1, sizeof(*s));
	s->l = l;
	s->sock = ci->connect_fd;
	s->wake = wake;
	s->gen = since != NULL ? strtoul(since, NULL, 10) : 0;
	/* A page that shows no errors yet: those there are, at once. */
	s->err_gen = 0;
	pthread_mutex_lock(&l->lock);
	/* A number this run never gave (a later run's, or none): stale. */
	if (s->gen > l->gen)
		s->gen = 0;
	bool room = l->n_streams < MAX_STREAMS;
	if (room) {
		l->streams = xgrow(l->streams, &l->cap_streams, l->n_streams,
		    sizeof(*l->streams));
		l->streams[l->n_streams++] = s;
	}
	pthread_mutex_unlock(&l->lock);
	if (!room) {
		close(wake);
		free(s);
		return answer_text(c, 503, "too many pages follow the preview; "
		    "this one tries again in a few seconds\n", "Retry-After",
		    STREAM_RETRY_S);
	}
	/* From here the response owns s: stream_free lets its place go. */
	struct MHD_Response *r = MHD_create_response_from_callback(
	    MHD_SIZE_UNKNOWN, 1024, stream_read, s, stream_free);
	if (r == NULL) {
		stream_free(s);
		return MHD_NO;
	}
	if (MHD_add_response_header(r, "Content-Type", "text/event-stream")
	    != MHD_YES) {
		MHD_destroy_response(r);
		return MHD_NO;
	}
	return queue(c, 200, r);
}

/*
 * Decode a request's path (and query) once, in place. A %00 would end the
 * string where the rest of the path cannot be seen, a malformed % means
 * nothing, and a %2f would be a separator the browser did not see: all
 * become a control character, which no segment may hold (plain_segment),
 * so that the request is refused.
 */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *w = s;

	(void)cls;
	(void)c;
	for (const char *r = s; *r != '\0'; r++) {
		if (*r != '%') {
			*w++ = *r;
			continue;
		}
		int hi = -1, lo = -1;
		if (isxdigit((unsigned char)r[1]) &&
		    isxdigit((unsigned char)r[2])) {
			hi = isdigit((unsigned char)r[1]) ? r[1] - '0' :
			    tolower((unsigned char)r[1]) - 'a' + 10;
			lo = isdigit((unsigned char)r[2]) ? r[2] - '0' :
			    tolower((unsigned char)r[2]) - 'a' + 10;
		}
		int ch = hi < 0 ? 0 : hi * 16 + lo;
		/* An encoded '/' or '\\' is not a separator: no file has one
		 * in its name, so it is refused too. */
		*w++ = ch == 0 || ch == '/' || ch == '\\' ? '\x01' : (char)ch;
		if (hi >= 0)
			r += 2;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/*
 * Whether a Host header names this server: localhost or the address it
 * listens on, with its port; or, when it listens on every address
 * (--bind 0.0.0.0), any address written as digits, which no DNS name can
 * rebind.
 */
static bool
host_ok(struct live *l, const char *host)
{
	char with_port[INET6_ADDRSTRLEN + 24];

	/* A browser leaves out the port 80 (http's own): the same Host. */
	const char *bracket = strrchr(host, ']'), *last = strrchr(host, ':');
	if ((last == NULL || (bracket != NULL && last < bracket)) &&
	    strlen(host) < sizeof(with_port) - 4) {
		snprintf(with_port, sizeof(with_port), "%s:80", host);
		host = with_port;
	}
	/* Set once the daemon has told its port: under the lock. */
	pthread_mutex_lock(&l->lock);
	bool ours = false;
	for (size_t i = 0; i < 3; i++)
		if (l->hosts[i][0] != '\0' && strcasecmp(host, l->hosts[i]) == 0)
			ours = true;
	bool any = l->any;
	unsigned our_port = l->port;
	pthread_mutex_unlock(&l->lock);
	if (ours || !any)
		return ours;
	const char *colon = strrchr(host, ':');
	char addr[INET6_ADDRSTRLEN + 2], port[8];
	unsigned char bytes[sizeof(struct in6_addr)];
	if (colon == NULL || (size_t)(colon - host) >= sizeof(addr))
		return false;
	snprintf(port, sizeof(port), "%u", our_port);
	if (strcmp(colon + 1, port) != 0)
		return false;
	memcpy(addr, host, (size_t)(colon - host));
	addr[colon - host] = '\0';
	if (inet_pton(AF_INET, addr, bytes) == 1)
		return true;
	size_t len = strlen(addr);
	if (len > 2 && addr[0] == '[' && addr[len - 1] == ']') {
		addr[len - 1] = '\0';
		return inet_pton(AF_INET6, addr + 1, bytes) == 1;
	}
	return false;
}

/* A connection starts (its request is awaited, until a deadline the
 * reaper keeps) or ends. */
static void
on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode code)
{
	struct live *l = cls;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci == NULL)
			return;	/* not timed: libmicrohttpd's own timeout */
		struct peer *p = xcalloc(1, sizeof(*p));
		p->fd = ci->connect_fd;
		pthread_mutex_lock(&l->lock);
		p->deadline = now_ms() + HEADER_TIMEOUT_S * 1e3;
		p->next = l->peers;
		if (l->peers != NULL)
			l->peers->prev = p;
		l->peers = p;
		pthread_cond_signal(&l->reap);
		pthread_mutex_unlock(&l->lock);
		*socket_context = p;
		return;
	}
	struct peer *p = *socket_context;
	if (p == NULL)
		return;
	/* Called before libmicrohttpd closes the socket: under the lock,
	 * the reaper never shuts a socket that is no longer this one. */
	pthread_mutex_lock(&l->lock);
	if (p->prev != NULL)
		p->prev->next = p->next;
	else
		l->peers = p->next;
	if (p->next != NULL)
		p->next->prev = p->prev;
	pthread_mutex_unlock(&l->lock);
	free(p);
	*socket_context = NULL;
}

/* The connection's request has come whole: no deadline while it is
 * answered (an event stream, for as long as its page is open). Each
 * answer, given as soon as the request's headers are read, closes its
 * connection (libmicrohttpd keeps no connection an answer was queued on
 * that early), so that no second request is awaited on one. */
static void
request_whole(struct live *l, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	if (ci == NULL || ci->socket_context == NULL)
		return;
	struct peer *p = ci->socket_context;
	pthread_mutex_lock(&l->lock);
	p->deadline = 0;
	pthread_mutex_unlock(&l->lock);
}

/*
 * The reaper: a thread that cuts each connection whose request has not
 * come whole by its deadline, by shutting its socket down; the
 * connection's thread then sees its end and libmicrohttpd closes it. It
 * sleeps until the nearest deadline, or until one is set.
 */
static void *
reaper(void *cls)
{
	struct live *l = cls;

	pthread_mutex_lock(&l->lock);
	while (!l->stopping) {
		double now = now_ms(), next = 0;
		for (struct peer *p = l->peers; p != NULL; p = p->next) {
			if (p->deadline == 0)
				continue;
			if (p->deadline > now) {
				if (next == 0 || p->deadline < next)
					next = p->deadline;
				continue;
			}
			/* ENOTCONN: the client has gone already, and its
			 * thread sees that as well. */
			if (shutdown(p->fd, SHUT_RDWR) != 0 && errno != ENOTCONN)
				fprintf(stderr, "coopgen: cannot cut a slow "
				    "connection: %s\n", strerror(errno));
			p->deadline = 0;
		}
		if (next == 0) {
			pthread_cond_wait(&l->reap, &l->lock);
			continue;
		}
		time_t sec = (time_t)(next / 1e3);
		struct timespec ts = {
			.tv_sec = sec,
			.tv_nsec = (long)((next - (double)sec * 1e3) * 1e6),
		};
		/* Woken, timed out or not: the deadlines are looked at
		 * again either way. */
		(void)pthread_cond_timedwait(&l->reap, &l->lock, &ts);
	}
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_size, void **con_cls)
{
	struct live *l = cls;

	(void)version;
	(void)upload_data;
	(void)con_cls;
	/* Nothing is uploaded: a body is not read, and the answer is the
	 * same whatever it held. */
	*upload_size = 0;
	request_whole(l, c);
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return answer_text(c, 405, "only GET and HEAD\n", "Allow",
		    "GET, HEAD");
	/* DNS rebinding: a name that is not ours pointed at our address. */
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST);
	if (host == NULL || !host_ok(l, host))
		return answer_text(c, 403, "this server answers only to its "
		    "own address\n", NULL, NULL);
	if (strcmp(url, EVENTS_PATH) == 0)
		return serve_events(l, c);
	return serve_file(l, c, url);
}

/*
 * The forker: a process forked once, at the start, while this one has no
 * other thread yet, that forks each build on request. A build so started
 * is a process of its own (its memory, its threads, its signals, its
 * exit: coopgen build as run from the shell) without what starting the
 * program anew costs: loading two dozen shared libraries and running
 * their constructors, 3 to 4 ms of the 20 a build of the example takes.
 * Each build starts from the forker's memory, which no build has touched.
 *
 * Over ctl (a socketpair) we send a byte: a build. The forker answers
 * a struct started, then, once the build has exited, its wait status (an
 * int), and waits for a byte back before it reaps the build: until then
 * the build's pid names the build (a zombie at worst) and no other
 * process, so that we may signal it. A build's output and errors go to
 * out, one pipe for every build, read here. The forker ends when ctl
 * closes.
 */
struct forker {
	pid_t	 pid;		/* the forker; -1: none */
	int	 ctl;		/* our end of the socketpair; -1: none */
	int	 out;		/* the builds' output, read end, non-blocking */
};

struct started {
	pid_t	 pid;		/* the build; -1: it could not be forked */
	int	 err;		/* then why (an errno) */
};

/* Write all of len bytes, or fail (errno says why). */
static bool
send_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Read all of len bytes; false at the end or on an error. */
static bool
recv_all(int fd, void *data, size_t len)
{
	char *p = data;

	while (len > 0) {
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* A build, in the forker's child: coopgen build, its output to out_w,
 * with the signals as a program started from the shell has them. */
static _Noreturn void
build_main(int ctl, int out_w, const struct options *bo)
{
	static const int reset[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	sigset_t none;

	sigemptyset(&none);
	for (size_t i = 0; i < sizeof(reset) / sizeof(*reset); i++)
		if (signal(reset[i], SIG_DFL) == SIG_ERR)
			_exit(EXIT_SYSTEM);
	if (sigprocmask(SIG_SETMASK, &none, NULL) != 0 ||
	    dup2(out_w, STDOUT_FILENO) < 0 || dup2(out_w, STDERR_FILENO) < 0)
		_exit(EXIT_SYSTEM);
	close(ctl);
	close(out_w);
	/* exit, as main's return would: the output flushed, the
	 * libraries' destructors run. */
	exit(coopgen_build(bo));
}

/* The forker's loop (see struct forker). */
static _Noreturn void
forker_main(int ctl, int out_w, const struct options *bo)
{
	char byte;

	while (recv_all(ctl, &byte, 1)) {
		struct started st = { .pid = fork(), .err = 0 };
		if (st.pid == 0)
			build_main(ctl, out_w, bo);
		if (st.pid < 0)
			st.err = errno;
		if (!send_all(ctl, &st, sizeof(st)))
			break;
		if (st.pid < 0)
			continue;
		/* Seen exited, not reaped: the pid stays the build's. */
		siginfo_t si;
		int status = -1;
		memset(&si, 0, sizeof(si));
		while (waitid(P_PID, (id_t)st.pid, &si, WEXITED | WNOWAIT) != 0)
			if (errno != EINTR)
				break;
		if (si.si_pid == st.pid && si.si_code == CLD_EXITED)
			status = si.si_status;
		bool more = send_all(ctl, &status, sizeof(status)) &&
		    recv_all(ctl, &byte, 1);
		while (waitpid(st.pid, NULL, 0) < 0 && errno == EINTR)
			;
		if (!more)
			break;
	}
	_exit(0);
}

/*
 * Start the forker, whose builds are coopgen build with bo, into the
 * private folder. Called while this process has no other thread (a fork
 * copies only the calling thread), with the signals the server takes
 * blocked (the forker keeps them so: Ctrl-C reaches the build, the
 * forker ends with the server). sfd: the server's signalfd, not the
 * forker's. False (reported) when it cannot be started.
 */
static bool
forker_start(struct forker *f, const struct options *bo, int sfd)
{
	int sv[2], p[2];

	f->pid = -1;
	f->ctl = f->out = -1;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
		fprintf(stderr, "coopgen: socketpair: %s\n", strerror(errno));
		return false;
	}
	if (pipe2(p, O_CLOEXEC) != 0) {
		fprintf(stderr, "coopgen: pipe: %s\n", strerror(errno));
		close(sv[0]);
		close(sv[1]);
		return false;
	}
	/* Nothing buffered to be written twice. */
	fflush(NULL);
	f->pid = fork();
	if (f->pid == 0) {
		close(sv[0]);
		close(p[0]);
		close(sfd);
		forker_main(sv[1], p[1], bo);
	}
	int err = errno;
	close(sv[1]);
	close(p[1]);
	if (f->pid < 0) {
		fprintf(stderr, "coopgen: cannot start the builder process: "
		    "%s\n", strerror(err));
		close(sv[0]);
		close(p[0]);
		return false;
	}
	int flags = fcntl(p[0], F_GETFL);
	if (flags < 0 || fcntl(p[0], F_SETFL, flags | O_NONBLOCK) != 0) {
		fprintf(stderr, "coopgen: fcntl: %s\n", strerror(errno));
		close(sv[0]);
		close(p[0]);
		return false;
	}
	f->ctl = sv[0];
	f->out = p[0];
	return true;
}

/* End the forker: it sees ctl close, and exits. */
static void
forker_stop(struct forker *f)
{
	if (f->ctl >= 0)
		close(f->ctl);
	if (f->out >= 0)
		close(f->out);
	if (f->pid > 0)
		while (waitpid(f->pid, NULL, 0) < 0 && errno == EINTR)
			;
	f->pid = -1;
	f->ctl = f->out = -1;
}

/* Read what out holds now into msgs; false at its end or on an error. */
static bool
read_output(int out, struct buf *msgs)
{
	for (;;) {
		char chunk[4096];
		ssize_t n = read(out, chunk, sizeof(chunk));
		if (n > 0) {
			buf_append(msgs, chunk, (size_t)n);
			continue;
		}
		return n < 0 && (errno == EAGAIN || errno == EINTR);
	}
}

/* The changes no rebuild has shown yet, and when they came. */
struct pending {
	struct changes ch;
	bool	 overflow;	/* events were lost: anything may have changed */
	double	 first, last;	/* the first and the last change (now_ms);
				 * 0: none yet */
};

/* What the main thread rebuilds with. */
struct builder {
	struct live *l;
	const struct options *o;
	struct forker f;	/* runs coopgen build, into the private
				 * folder */
	int	 sfd;		/* signals: stop */
	struct watch w;
	struct pending now;	/* what the next rebuild is for */
	struct pending next;	/* what came while it ran */
	bool	 stop;		/* asked to stop */
};

static bool
pending_any(const struct pending *p)
{
	return p->ch.n > 0 || p->overflow;
}

/* A change came now. */
static void
pending_mark(struct pending *p)
{
	p->last = now_ms();
	if (p->first == 0)
		p->first = p->last;
}

/* Read what the watch has into p. */
static void
pending_read(struct watch *w, struct pending *p)
{
	if (watch_read(w, &p->ch, &p->overflow) && pending_any(p))
		pending_mark(p);
}

/* When the changes of p are to be rebuilt (now_ms): see SETTLE_QUIET_MS. */
static double
rebuild_due(const struct watch *w, const struct pending *p)
{
	if (watch_busy(w))
		return p->last + BUSY_IDLE_MS;
	double quiet = p->last + SETTLE_QUIET_MS;
	double bound = p->first + SETTLE_MAX_MS;
	return quiet < bound ? quiet : bound;
}

/* The forker has gone (it should not): said in msgs. */
static int
forker_gone(struct builder *b, struct buf *msgs)
{
	buf_puts(msgs, "coopgen: the process that runs the builds has "
	    "stopped; restart coopgen serve\n");
	forker_stop(&b->f);
	return 3;
}

/*
 * Run a build: its messages into msgs, and how it ended: its exit status,
 * or -1 when a signal stopped it. Its exit is seen at once (the forker
 * says it the moment it happens). Meanwhile the watch is read into
 * b->next; a change that comes while b->now is rebuilt overtakes the
 * rebuild, which is stopped (*overtaken), unless b->now has waited
 * SETTLE_MAX_MS (or is the first build). Asked to stop, the build is
 * stopped too.
 */
static int
run_build(struct builder *b, struct buf *msgs, bool *overtaken)
{
	struct started st;

	buf_reset(msgs);
	*overtaken = false;
	if (b->f.ctl < 0)
		return forker_gone(b, msgs);
	if (!send_all(b->f.ctl, "b", 1) || !recv_all(b->f.ctl, &st,
	    sizeof(st)))
		return forker_gone(b, msgs);
	if (st.pid < 0) {
		buf_printf(msgs, "coopgen: cannot run a build: %s\n",
		    strerror(st.err));
		return 3;
	}
	bool exited = false, killed = false;
	int status = -1;
	while (!exited) {
		struct pollfd fds[4] = { { b->f.out, POLLIN, 0 },
		    { b->f.ctl, POLLIN, 0 }, { b->w.fd, POLLIN, 0 },
		    { b->sfd, POLLIN, 0 } };
		if (poll(fds, b->stop ? 3 : 4, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "coopgen: poll: %s\n", strerror(errno));
			b->stop = true;
		}
		bool end = false;
		if (!b->stop && (fds[3].revents & POLLIN))
			b->stop = end = true;
		if (fds[2].revents & POLLIN) {
			pending_read(&b->w, &b->next);
			if (pending_any(&b->next) && b->now.first != 0 &&
			    now_ms() < b->now.first + SETTLE_MAX_MS)
				*overtaken = end = true;
		}
		if (end && !killed) {
			/* Not reaped until we say so: pid is the build's. */
			if (kill(st.pid, SIGTERM) != 0)
				fprintf(stderr, "coopgen: cannot stop a build: "
				    "%s\n", strerror(errno));
			killed = true;
		}
		if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) &&
		    !read_output(b->f.out, msgs))
			return forker_gone(b, msgs);
		if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			if (!recv_all(b->f.ctl, &status, sizeof(status)))
				return forker_gone(b, msgs);
			exited = true;
		}
	}
	/* Everything the build wrote came before its exit: it is in the
	 * pipe now. */
	if (!read_output(b->f.out, msgs) || !send_all(b->f.ctl, "r", 1))
		return forker_gone(b, msgs);
	return status;
}

static int
remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (remove(path) != 0 && errno != ENOENT)
		fprintf(stderr, "coopgen: %s: cannot remove: %s\n", path,
		    strerror(errno));
	return 0;
}

static size_t
count_errors(const char *text)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, ": error: ")) != NULL; p++)
		n++;
	return n;
}

/* Tell the pages how a rebuild of b->now ended, and the terminal; first:
 * the first build. */
static void
announce(struct builder *b, bool first, int status, struct buf *msgs,
    double ms)
{
	struct live *l = b->l;
	const struct options *o = b->o;
	struct buf line = BUF_INIT;
	const struct changes *ch = &b->now.ch;
	const char *what = ch->n > 0 ? ch->v[ch->n - 1] :
	    "many files (events were lost)";
	size_t n_changed = ch->n > 0 ? ch->n : 1;

	/* Content files as the messages name them, relative to it. */
	size_t clen = strlen(o->content);
	if (strncmp(what, o->content, clen) == 0 && what[clen] == '/')
		what += clen + 1;
	if (first)
		buf_printf(&line, "built %s", o->content);
	else {
		/* A file's name can hold anything, a terminal's escapes
		 * included: shown, not sent. */
		utf8_show(&line, what, strlen(what));
		if (n_changed > 1)
			buf_printf(&line, " and %zu other file%s changed: "
			    "rebuilt", n_changed - 1, n_changed == 2 ? "" : "s");
		else
			buf_puts(&line, " changed: rebuilt");
	}
	pthread_mutex_lock(&l->lock);
	if (status == 0) {
		l->gen++;
		if (l->errors != NULL) {
			free(l->errors);
			l->errors = NULL;
			l->err_gen++;
		}
	} else {
		if (status < 0 || msgs->len == 0)
			buf_puts(msgs, "coopgen: the build stopped "
			    "unexpectedly\n");
		free(l->errors);
		l->errors = xstrdup(buf_str(msgs));
		l->err_gen++;
	}
	ring(l);
	pthread_mutex_unlock(&l->lock);
	if (status == 0) {
		if (!o->quiet)
			printf("coopgen: %s in %.0f ms\n", buf_str(&line), ms);
	} else {
		size_t n = count_errors(buf_str(msgs));
		printf("coopgen: %s in %.0f ms: %zu error%s; the pages are "
		    "the last good ones\n", buf_str(&line), ms, n ? n : 1,
		    n == 1 || n == 0 ? "" : "s");
		fflush(stdout);
		fputs(buf_str(msgs), stderr);
	}
	fflush(stdout);
	buf_free(&line);
}

/*
 * Rebuild for the changes of b->now (first: the first build), then tell
 * the pages, the moment the build has ended; the changes that came
 * meanwhile are the next rebuild's. A rebuild overtaken by a change tells
 * nothing: its changes and the new ones make the next.
 */
static void
rebuild(struct builder *b, bool first)
{
	struct buf msgs = BUF_INIT;
	bool overtaken;

	watch_settled(&b->w);
	double t0 = now_ms();
	int status = run_build(b, &msgs, &overtaken);
	double ms = now_ms() - t0;

	if (!b->stop && overtaken) {
		changes_take(&b->now.ch, &b->next.ch);
		b->now.overflow = b->now.overflow || b->next.overflow;
		b->now.last = b->next.last;
		b->next = (struct pending){ .overflow = false };
	} else if (!b->stop) {
		announce(b, first, status, &msgs, ms);
		changes_clear(&b->now.ch);
		b->now = b->next;
		b->next = (struct pending){ .overflow = false };
	}
	buf_free(&msgs);
}

/* The address to listen on. False (a usage error) when it is none. */
static bool
parse_address(const char *bind, const char *port, struct sockaddr_storage *ss,
    socklen_t *len, bool *v6)
{
	char *end;
	errno = 0;
	long p = strtol(port, &end, 10);

	if (*port == '\0' || *end != '\0' || errno != 0 || p < 0 || p > 65535) {
		fprintf(stderr, "coopgen: --port '%s': expected a port from 0 "
		    "to 65535 (0: any free port)\n", port);
		return false;
	}
	memset(ss, 0, sizeof(*ss));
	struct sockaddr_in *in = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, bind, &in->sin_addr) == 1) {
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)p);
		*len = sizeof(*in);
		*v6 = false;
		return true;
	}
	if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)p);
		*len = sizeof(*in6);
		*v6 = true;
		return true;
	}
	fprintf(stderr, "coopgen: --bind '%s': expected an IP address, such "
	    "as 127.0.0.1 (this computer only) or 0.0.0.0 (every network)\n",
	    bind);
	return false;
}

int
coopgen_serve(const struct options *o, const struct serve_options *so)
{
	const char *bind = so->bind != NULL ? so->bind : "127.0.0.1";
	struct sockaddr_storage ss;
	socklen_t sslen;
	bool v6;

	if (!parse_address(bind, so->port != NULL ? so->port : "8080", &ss,
	    &sslen, &v6))
		return EXIT_USAGE;
	/* Written as browsers write it (0:0:0:0:0:0:0:1 is [::1] in a Host
	 * header), for the address printed and the Host check. */
	char canon[INET6_ADDRSTRLEN];
	const void *addr = v6 ? (const void *)&((struct sockaddr_in6 *)&ss)->
	    sin6_addr : (const void *)&((struct sockaddr_in *)&ss)->sin_addr;
	if (inet_ntop(v6 ? AF_INET6 : AF_INET, addr, canon, sizeof(canon)) !=
	    NULL)
		bind = canon;

	/* Signals arrive as data on sfd, in the main loop: blocked here,
	 * before any thread starts, so that every thread inherits it. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0)
		return EXIT_SYSTEM;
	signal(SIGPIPE, SIG_IGN);
	int sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sfd < 0) {
		fprintf(stderr, "coopgen: signalfd: %s\n", strerror(errno));
		return EXIT_SYSTEM;
	}

	struct live l;
	memset(&l, 0, sizeof(l));
	/* Rebuilds are counted from a number of this run's own: a page of an
	 * earlier run of the server (a tab left open across a restart)
	 * carries a smaller one, and is reloaded when it comes back. */
	struct timespec started;
	clock_gettime(CLOCK_REALTIME, &started);
	l.gen = (unsigned long)started.tv_sec << 20;
	pthread_mutex_init(&l.lock, NULL);
	/* The reaper's deadlines are on the monotonic clock (now_ms). */
	pthread_condattr_t monotonic;
	if (pthread_condattr_init(&monotonic) != 0 ||
	    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC) != 0 ||
	    pthread_cond_init(&l.reap, &monotonic) != 0) {
		fputs("coopgen: cannot make a condition variable\n", stderr);
		pthread_mutex_destroy(&l.lock);
		close(sfd);
		return EXIT_SYSTEM;
	}
	pthread_condattr_destroy(&monotonic);

	/* The private folder: a build's output goes in site, inside it. */
	const char *tmpdir = getenv("TMPDIR");
	struct buf tmp = BUF_INIT, site = BUF_INIT;
	buf_printf(&tmp, "%s/coopgen-serve-XXXXXX", tmpdir != NULL &&
	    *tmpdir != '\0' ? tmpdir : "/tmp");
	if (mkdtemp(tmp.data) == NULL) {
		fprintf(stderr, "coopgen: %s: cannot make a private folder: "
		    "%s\n", buf_str(&tmp), strerror(errno));
		buf_free(&tmp);
		pthread_mutex_destroy(&l.lock);
		pthread_cond_destroy(&l.reap);
		close(sfd);
		return EXIT_SYSTEM;
	}
	buf_printf(&site, "%s/site", buf_str(&tmp));

	l.site = buf_str(&site);

	int status = EXIT_OK, err;
	struct MHD_Daemon *daemon = NULL;
	pthread_t reaper_thread;
	bool reaping = false;
	struct builder b = {
		.l = &l,
		.o = o,
		.sfd = sfd,
		.w = { .fd = -1 },
	};
	/* The builds: coopgen build -q into the private folder. */
	struct options bo = *o;
	bo.out = buf_str(&site);
	bo.quiet = true;
	bo.timings = false;
	if (!forker_start(&b.f, &bo, sfd)) {
		status = EXIT_SYSTEM;
		goto out;
	}

	/* Watched before the first build: a save during it is not lost. */
	if (!watch_open(&b.w)) {
		status = EXIT_SYSTEM;
		goto out;
	}
	if (!watch_tree(&b.w, o->content) || !watch_tree(&b.w, o->templates)) {
		status = EXIT_SYSTEM;
		goto out;
	}
	rebuild(&b, true);
	if (b.stop)
		goto out;

	err = pthread_create(&reaper_thread, NULL, reaper, &l);
	if (err != 0) {
		fprintf(stderr, "coopgen: cannot start a thread: %s\n",
		    strerror(err));
		status = EXIT_SYSTEM;
		goto out;
	}
	reaping = true;
	daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL |
	    (v6 ? MHD_USE_IPv6 : 0), 0, NULL, NULL, on_request, &l,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)MAX_PER_ADDRESS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT_S,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, &l,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_END);
	if (daemon == NULL) {
		fprintf(stderr, "coopgen: cannot listen on %s port %s: %s "
		    "(expected a free port: try another with --port, or "
		    "--port 0)\n", bind, so->port ? so->port : "8080",
		    strerror(errno));
		status = EXIT_SYSTEM;
		goto out;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon,
	    MHD_DAEMON_INFO_BIND_PORT);
	if (info == NULL || info->port == 0) {
		fputs("coopgen: cannot tell which port was given\n", stderr);
		status = EXIT_SYSTEM;
		goto out;
	}
	unsigned port = info->port;
	const char *shown = v6 ? "[%s]:%u" : "%s:%u";
	pthread_mutex_lock(&l.lock);
	snprintf(l.hosts[0], sizeof(l.hosts[0]), shown, bind, port);
	snprintf(l.hosts[1], sizeof(l.hosts[1]), "localhost:%u", port);
	snprintf(l.hosts[2], sizeof(l.hosts[2]), "127.0.0.1:%u", port);
	l.port = port;
	l.any = strcmp(bind, "0.0.0.0") == 0 || strcmp(bind, "::") == 0;
	pthread_mutex_unlock(&l.lock);
	printf("coopgen: serving the report at http://%s/ (Ctrl-C stops)\n",
	    l.hosts[0]);
	fflush(stdout);

	/* Nothing here sleeps a fixed time: poll wakes on an event, a
	 * signal, or when the changes are due (rebuild_due). */
	while (!b.stop) {
		int timeout = -1;
		if (pending_any(&b.now)) {
			double left = rebuild_due(&b.w, &b.now) - now_ms();
			timeout = left <= 0 ? 0 : left < INT_MAX - 1 ?
			    (int)left + ((double)(int)left < left) : INT_MAX;
		}
		/* A folder that went is looked for twice a second. */
		if (b.w.lost && (timeout < 0 || timeout > 500))
			timeout = 500;
		struct pollfd fds[2] = { { b.w.fd, POLLIN, 0 },
		    { sfd, POLLIN, 0 } };
		int n = poll(fds, 2, timeout);
		if (n < 0 && errno != EINTR) {
			fprintf(stderr, "coopgen: poll: %s\n", strerror(errno));
			status = EXIT_SYSTEM;
			break;
		}
		if (n > 0 && (fds[1].revents & POLLIN))
			break;
		if (n > 0 && (fds[0].revents & POLLIN))
			pending_read(&b.w, &b.now);
		if (b.w.lost && watch_recover(&b.w, &b.now.ch))
			pending_mark(&b.now);
		if (pending_any(&b.now) && now_ms() >= rebuild_due(&b.w,
		    &b.now))
			rebuild(&b, false);
	}
out:
	pthread_mutex_lock(&l.lock);
	l.stopping = true;
	ring(&l);
	pthread_cond_broadcast(&l.reap);
	pthread_mutex_unlock(&l.lock);
	if (reaping && (err = pthread_join(reaper_thread, NULL)) != 0)
		fprintf(stderr, "coopgen: cannot end a thread: %s\n",
		    strerror(err));
	if (daemon != NULL)
		MHD_stop_daemon(daemon);
	forker_stop(&b.f);
	if (b.w.fd >= 0)
		watch_close(&b.w);
	changes_clear(&b.now.ch);
	changes_clear(&b.next.ch);
	nftw(buf_str(&tmp), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (!o->quiet && status == EXIT_OK)
		printf("coopgen: stopped; %s removed\n", buf_str(&tmp));
	free(l.errors);
	free(l.streams);
	pthread_mutex_destroy(&l.lock);
	pthread_cond_destroy(&l.reap);
	buf_free(&tmp);
	buf_free(&site);
	close(sfd);
	return status;
}
