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
#include <spawn.h>
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

/* Quiet after the last change for this long before a rebuild: a git
 * checkout of fifty files, an editor's write-then-rename, make one. */
#define WATCH_SETTLE_MS 100
/* A comment on an idle event stream this often keeps it open. */
#define KEEPALIVE_S 15
/* Bounds on what a client may hold. */
#define MAX_CONNECTIONS 64
#define CONNECTION_MEMORY (32 * 1024)	/* request line and headers */
#define CONNECTION_TIMEOUT_S 60
/* A page larger than this is served without the script. */
#define HTML_MAX (64 * 1024 * 1024)

#define EVENTS_PATH "/_coopgen/events"

/* What the main thread (which rebuilds) and the connections' threads
 * (which serve) share. */
struct live {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	unsigned long gen;	/* rebuilds whose pages are in place */
	unsigned long err_gen;	/* changes of errors */
	char	*errors;	/* the last rebuild's messages; NULL: none */
	bool	 stopping;
	const char *site;	/* the folder served */
	char	 hosts[3][INET6_ADDRSTRLEN + 16];	/* Host headers allowed */
	unsigned port;		/* the port listened on */
	bool	 any;		/* on every address: any address is ours */
};

/*
 * The few lines put into each HTML page served, just before </body>:
 * reload when a rebuild is in place, show the errors of a failed one on
 * top of the page (as text: textContent never makes markup), hide them
 * once fixed. %lu: the rebuild the page comes from, so that one finished
 * between the page and its event stream still reloads it.
 */
static const char live_script[] =
"<script data-coopgen-live>(function(){"
"var s=new EventSource(\"" EVENTS_PATH "?since=%lu\");"
"function panel(){var p=document.getElementById(\"coopgen-errors\");"
"if(!p){p=document.createElement(\"pre\");p.id=\"coopgen-errors\";"
"p.setAttribute(\"role\",\"alert\");"
"p.style.cssText=\"position:sticky;top:0;z-index:2147483647;margin:0;"
"padding:1em;background:#fff0f0;color:#8b0000;border-bottom:3px solid "
"#8b0000;white-space:pre-wrap;font:14px/1.4 monospace\";"
"document.body.insertBefore(p,document.body.firstChild);}return p;}"
"s.addEventListener(\"reload\",function(){s.close();location.reload();});"
"s.addEventListener(\"errors\",function(e){var p=panel();"
"p.textContent=e.data;p.hidden=false;});"
"s.addEventListener(\"ok\",function(){"
"var p=document.getElementById(\"coopgen-errors\");if(p)p.hidden=true;});"
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
	unsigned long gen;	/* the rebuild its page shows */
	unsigned long err_gen;	/* the errors it shows */
	bool	 started;
	struct buf out;		/* not yet sent */
	size_t	 off;
};

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
 * next rebuild: the rebuild itself only changes l and wakes the waiters,
 * and never waits for a client.
 */
static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *s = cls;
	struct live *l = s->l;

	(void)pos;
	if (s->off == s->out.len) {
		buf_reset(&s->out);
		s->off = 0;
		pthread_mutex_lock(&l->lock);
		if (!s->started) {
			buf_puts(&s->out, "retry: 1000\n\n");
			s->started = true;
		}
		while (s->out.len == 0 && !l->stopping) {
			if (l->gen > s->gen) {
				buf_printf(&s->out, "event: reload\ndata: %lu"
				    "\n\n", l->gen);
				s->gen = l->gen;
				s->err_gen = l->err_gen;
			} else if (l->err_gen != s->err_gen) {
				if (l->errors != NULL)
					errors_event(&s->out, l->errors);
				else
					buf_puts(&s->out, "event: ok\ndata: "
					    "\n\n");
				s->err_gen = l->err_gen;
			} else {
				struct timespec ts;
				clock_gettime(CLOCK_REALTIME, &ts);
				ts.tv_sec += KEEPALIVE_S;
				if (pthread_cond_timedwait(&l->changed,
				    &l->lock, &ts) == ETIMEDOUT)
					buf_puts(&s->out, ":\n\n");
			}
		}
		bool stop = l->stopping;
		pthread_mutex_unlock(&l->lock);
		if (stop)
			return MHD_CONTENT_READER_END_OF_STREAM;
	}
	size_t n = s->out.len - s->off;
	if (n > max)
		n = max;
	memcpy(buf, s->out.data + s->off, n);
	s->off += n;
	return (ssize_t)n;
}

static void
stream_free(void *cls)
{
	struct stream *s = cls;

	buf_free(&s->out);
	free(s);
}

static enum MHD_Result
serve_events(struct live *l, struct MHD_Connection *c)
{
	const char *since = MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "since");
	struct stream *s = xcalloc(1, sizeof(*s));

	s->l = l;
	s->gen = since != NULL ? strtoul(since, NULL, 10) : 0;
	/* A page that shows no errors yet: those there are, at once. */
	s->err_gen = 0;
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
 * string where the rest of the path cannot be seen, and a malformed %
 * means nothing: both become a control character, which no segment may
 * hold (plain_segment), so that the request is refused.
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
		*w++ = ch == 0 ? '\x01' : (char)ch;
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

/* The child's messages, read to the end, and how it ended. Returns its
 * exit status, or -1 when it was stopped by a signal; *stop is set when
 * we were asked to stop meanwhile (the child is then told to stop too). */
static int
run_build(char *const argv[], int sfd, struct buf *msgs, bool *stop)
{
	int p[2];
	pid_t pid;

	buf_reset(msgs);
	if (pipe2(p, O_CLOEXEC) != 0) {
		buf_printf(msgs, "coopgen: cannot run a build: %s\n",
		    strerror(errno));
		return 3;
	}
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, dfl;
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGINT);
	sigaddset(&dfl, SIGTERM);
	sigaddset(&dfl, SIGHUP);
	sigaddset(&dfl, SIGPIPE);
	int err = posix_spawn_file_actions_init(&fa);
	if (err != 0) {
		close(p[0]);
		close(p[1]);
		buf_printf(msgs, "coopgen: cannot run a build: %s\n",
		    strerror(err));
		return 3;
	}
	err = posix_spawnattr_init(&attr);
	if (err != 0) {
		posix_spawn_file_actions_destroy(&fa);
		close(p[0]);
		close(p[1]);
		buf_printf(msgs, "coopgen: cannot run a build: %s\n",
		    strerror(err));
		return 3;
	}
	if (err == 0)
		err = posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	if (err == 0)
		err = posix_spawn_file_actions_adddup2(&fa, p[1], 2);
	if (err == 0)
		err = posix_spawnattr_setsigmask(&attr, &none);
	if (err == 0)
		err = posix_spawnattr_setsigdefault(&attr, &dfl);
	if (err == 0)
		err = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
		    POSIX_SPAWN_SETSIGDEF);
	/* The program itself, by the path the kernel gives (which a tool
	 * running it, valgrind, maps back to the program), else by its
	 * link. */
	char self[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len <= 0)
		len = 0;
	self[len] = '\0';
	if (err == 0 && len > 0)
		err = posix_spawn(&pid, self, &fa, &attr, argv, environ);
	if ((err == 0 && len == 0) || err == ENOENT)
		err = posix_spawn(&pid, "/proc/self/exe", &fa, &attr, argv,
		    environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	close(p[1]);
	if (err != 0) {
		close(p[0]);
		buf_printf(msgs, "coopgen: cannot run a build: %s\n",
		    strerror(err));
		return 3;
	}
	bool eof = false;
	while (!eof) {
		struct pollfd fds[2] = { { p[0], POLLIN, 0 }, { sfd, POLLIN, 0 } };
		if (poll(fds, *stop ? 1 : 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (!*stop && (fds[1].revents & POLLIN)) {
			*stop = true;
			kill(pid, SIGTERM);
		}
		if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			char chunk[4096];
			ssize_t n = read(p[0], chunk, sizeof(chunk));
			if (n > 0)
				buf_append(msgs, chunk, (size_t)n);
			else if (n == 0 || errno != EINTR)
				eof = true;
		}
	}
	close(p[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 3;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return -1;
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

/* Rebuild, then tell the pages. what: why (NULL: the first build). */
static void
rebuild(struct live *l, const struct options *o, char *const argv[], int sfd,
    const char *what, size_t n_changed, bool *stop)
{
	struct buf msgs = BUF_INIT, line = BUF_INIT;
	double t0 = now_ms();
	int status = run_build(argv, sfd, &msgs, stop);
	double ms = now_ms() - t0;

	if (*stop) {
		buf_free(&msgs);
		return;
	}
	/* Content files as the messages name them, relative to it. */
	size_t clen = strlen(o->content);
	if (what != NULL && strncmp(what, o->content, clen) == 0 &&
	    what[clen] == '/')
		what += clen + 1;
	if (what == NULL)
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
		if (status < 0 || msgs.len == 0)
			buf_puts(&msgs, "coopgen: the build stopped "
			    "unexpectedly\n");
		free(l->errors);
		l->errors = xstrdup(buf_str(&msgs));
		l->err_gen++;
	}
	pthread_cond_broadcast(&l->changed);
	pthread_mutex_unlock(&l->lock);
	if (status == 0) {
		if (!o->quiet)
			printf("coopgen: %s in %.0f ms\n", buf_str(&line), ms);
	} else {
		size_t n = count_errors(buf_str(&msgs));
		printf("coopgen: %s in %.0f ms: %zu error%s; the pages are "
		    "the last good ones\n", buf_str(&line), ms, n ? n : 1,
		    n == 1 || n == 0 ? "" : "s");
		fflush(stdout);
		fputs(buf_str(&msgs), stderr);
	}
	fflush(stdout);
	buf_free(&msgs);
	buf_free(&line);
}

/* The build's command line. */
static char **
build_argv(const struct options *o, const char *site)
{
	size_t n = 0, cap = 12 + 2 * o->n_years;
	char **v = xcalloc(cap, sizeof(*v));
	char jobs[16];

	v[n++] = xstrdup("coopgen");
	v[n++] = xstrdup("build");
	v[n++] = xstrdup("--content");
	v[n++] = xstrdup(o->content);
	v[n++] = xstrdup("--templates");
	v[n++] = xstrdup(o->templates);
	v[n++] = xstrdup("--out");
	v[n++] = xstrdup(site);
	v[n++] = xstrdup("-q");
	snprintf(jobs, sizeof(jobs), "-j%d", o->jobs);
	v[n++] = xstrdup(jobs);
	for (size_t i = 0; i < o->n_years; i++) {
		char year[16];
		snprintf(year, sizeof(year), "%d", o->years[i]);
		v[n++] = xstrdup("--year");
		v[n++] = xstrdup(year);
	}
	v[n] = NULL;
	return v;
}

static void
free_argv(char **v)
{
	for (size_t i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
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

	/* The private folder: a build's output goes in site, inside it. */
	const char *tmpdir = getenv("TMPDIR");
	struct buf tmp = BUF_INIT, site = BUF_INIT;
	buf_printf(&tmp, "%s/coopgen-serve-XXXXXX", tmpdir != NULL &&
	    *tmpdir != '\0' ? tmpdir : "/tmp");
	if (mkdtemp(tmp.data) == NULL) {
		fprintf(stderr, "coopgen: %s: cannot make a private folder: "
		    "%s\n", buf_str(&tmp), strerror(errno));
		buf_free(&tmp);
		close(sfd);
		return EXIT_SYSTEM;
	}
	buf_printf(&site, "%s/site", buf_str(&tmp));

	struct live l;
	memset(&l, 0, sizeof(l));
	pthread_mutex_init(&l.lock, NULL);
	pthread_cond_init(&l.changed, NULL);
	l.site = buf_str(&site);

	int status = EXIT_OK;
	struct MHD_Daemon *daemon = NULL;
	char **argv = build_argv(o, buf_str(&site));
	struct watch w;
	bool stop = false;

	/* Watched before the first build: a save during it is not lost. */
	if (!watch_open(&w)) {
		status = EXIT_SYSTEM;
		goto out;
	}
	if (!watch_tree(&w, o->content) || !watch_tree(&w, o->templates)) {
		status = EXIT_SYSTEM;
		goto out;
	}
	rebuild(&l, o, argv, sfd, NULL, 0, &stop);
	if (stop)
		goto out;

	daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL |
	    (v6 ? MHD_USE_IPv6 : 0), 0, NULL, NULL, on_request, &l,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT_S,
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

	struct changes ch = { NULL, 0, 0 };
	bool pending = false, overflow = false;
	double last = 0;
	while (!stop) {
		int timeout = -1;
		if (pending) {
			double left = last + WATCH_SETTLE_MS - now_ms();
			timeout = left > 0 ? (int)left + 1 : 0;
			if (watch_busy(&w) && timeout < 50)
				timeout = 50;
		}
		/* A folder that went is looked for twice a second. */
		if (w.lost && (timeout < 0 || timeout > 500))
			timeout = 500;
		struct pollfd fds[2] = { { w.fd, POLLIN, 0 },
		    { sfd, POLLIN, 0 } };
		int n = poll(fds, 2, timeout);
		if (n < 0 && errno != EINTR) {
			fprintf(stderr, "coopgen: poll: %s\n", strerror(errno));
			status = EXIT_SYSTEM;
			break;
		}
		if (n > 0 && (fds[1].revents & POLLIN))
			break;
		if (n > 0 && (fds[0].revents & POLLIN)) {
			watch_read(&w, &ch, &overflow);
			if (ch.n > 0 || overflow) {
				pending = true;
				last = now_ms();
			}
		}
		if (w.lost && watch_recover(&w)) {
			pending = true;
			last = now_ms();
		}
		/* A file still being written is waited for, two seconds at
		 * most (a program that keeps one open). */
		if (pending && watch_busy(&w) && now_ms() < last + 2000)
			continue;
		if (pending && now_ms() >= last + WATCH_SETTLE_MS) {
			watch_settled(&w);
			rebuild(&l, o, argv, sfd, ch.n > 0 ? ch.v[ch.n - 1] :
			    "many files (events were lost)", ch.n ? ch.n : 1,
			    &stop);
			changes_clear(&ch);
			pending = overflow = false;
		}
	}
	changes_clear(&ch);
out:
	pthread_mutex_lock(&l.lock);
	l.stopping = true;
	pthread_cond_broadcast(&l.changed);
	pthread_mutex_unlock(&l.lock);
	if (daemon != NULL)
		MHD_stop_daemon(daemon);
	if (w.fd >= 0)
		watch_close(&w);
	nftw(buf_str(&tmp), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (!o->quiet && status == EXIT_OK)
		printf("coopgen: stopped; %s removed\n", buf_str(&tmp));
	free_argv(argv);
	free(l.errors);
	pthread_mutex_destroy(&l.lock);
	pthread_cond_destroy(&l.changed);
	buf_free(&tmp);
	buf_free(&site);
	close(sfd);
	return status;
}
