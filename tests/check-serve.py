#!/usr/bin/env python3
"""tests/check-serve.py COOPGEN TOP WORK: coopgen serve, as a browser and an
attacker would use it, and coopgen new.

Serves a copy of the example on a free port of 127.0.0.1 and checks: every
page served equals the page `coopgen build` writes, but for the live script;
HEAD, 404, 405, a bad Host, traversal attempts, a planted symbolic link, a
100 KB URL; slow clients cut while others are served; an edit gives a
reload event and a changed page; a broken file gives an errors event naming
file:line, its fix a reload; a template change, a file in a new folder;
many pages open at once (event streams bounded, pages still served, every
stream told); the --out folder untouched; SIGINT leaves no private folder.
Then coopgen new. One line per test into $RESULTS ("pass NAME" or "fail
NAME"), the reasons of failures on stderr. Every wait is bounded.
"""
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

COOPGEN, TOP, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
RESULTS = os.environ.get("RESULTS", "/dev/null")
# SERVE_WRAP: a command to run the server under (valgrind); SERVE_TAG: the
# prefix of the tests' names. The tests of coopgen new run without one.
WRAP = os.environ.get("SERVE_WRAP", "").split()
TAG = os.environ.get("SERVE_TAG", "serve")
SCRIPT = re.compile(rb"<script data-coopgen-live>.*?</script>", re.S)
failed = 0


def result(name, ok, detail=""):
    global failed
    with open(RESULTS, "a") as f:
        f.write(("pass " if ok else "fail ") + TAG + "/" + name + "\n")
    if not ok:
        failed += 1
        print("FAIL: " + TAG + "/" + name, file=sys.stderr)
        for line in str(detail).splitlines()[:20]:
            print("  " + line, file=sys.stderr)


def raw(port, request, timeout=5.0):
    """Send request bytes as they are; the status and the whole answer
    (None when the server closed without one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(request)
        except OSError:
            pass
        data = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
    m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return (int(m.group(1)) if m else None), data


def get(port, path, method="GET", host=None, timeout=10.0):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    c.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    c.putheader("Host", host or "127.0.0.1:%d" % port)
    c.endheaders()
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), body


class Events:
    """An open event stream, read with a raw socket (HTTP/1.0: no chunks)."""

    def __init__(self, port, since):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=1.0)
        self.s.sendall(b"GET /_coopgen/events?since=%d HTTP/1.0\r\n"
                       b"Host: 127.0.0.1:%d\r\n\r\n" % (since, port))
        self.data = b""
        self.seen = 0

    def wait(self, timeout=15.0):
        """The next event's name and data, or (None, None)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = re.compile(rb"event: (\w+)\n((?:data: [^\n]*\n)*)\n").search(
                self.data, self.seen)
            if m:
                self.seen = m.end()
                data = b"\n".join(l[6:] for l in m.group(2).splitlines())
                return m.group(1).decode(), data.decode("utf-8", "replace")
            try:
                chunk = self.s.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                break
            self.data += chunk
        return None, None

    def close(self):
        self.s.close()


def gen_of(page):
    m = re.search(rb"since=(\d+)", page)
    return int(m.group(1)) if m else 0


def answer_head(s, timeout=5.0):
    """Read from s to the end of an answer's headers: the status, the
    headers (lower-case names) and what came after them; status None when
    the connection ended first."""
    data = b""
    deadline = time.monotonic() + timeout
    while b"\r\n\r\n" not in data and time.monotonic() < deadline:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode()] = value.strip().decode()
    return (int(m.group(1)) if m else None), headers, rest


def open_stream(port, since):
    """An event stream opened as a page opens one (HTTP/1.1, kept open):
    the socket, the status and the headers."""
    s = socket.create_connection(("127.0.0.1", port), timeout=1.0)
    s.sendall(b"GET /_coopgen/events?since=%d HTTP/1.1\r\n"
              b"Host: 127.0.0.1:%d\r\nAccept: text/event-stream\r\n\r\n"
              % (since, port))
    status, headers, rest = answer_head(s)
    return s, status, headers, rest


def ended(s):
    """Whether the server has closed s (reading nothing, not waiting)."""
    s.setblocking(False)
    try:
        return s.recv(65536) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        s.setblocking(True)


def main():
    content = os.path.join(WORK, "content")
    templates = os.path.join(WORK, "templates")
    tmp = os.path.join(WORK, "tmp")
    ref = os.path.join(WORK, "ref")
    shutil.copytree(os.path.join(TOP, "content"), content)
    shutil.copytree(os.path.join(TOP, "templates"), templates)
    os.makedirs(tmp)
    # An out folder where serve runs: it must stay as it is.
    os.makedirs(os.path.join(WORK, "out"))
    with open(os.path.join(WORK, "out", "sentinel"), "w") as f:
        f.write("untouched\n")

    b = subprocess.run([COOPGEN, "build", "-q", "--content", content,
                        "--templates", templates, "--out", ref],
                       capture_output=True, text=True, timeout=120)
    if b.returncode != 0:
        result("reference-build", False, b.stderr)
        return

    env = dict(os.environ, TMPDIR=tmp)
    log = open(os.path.join(WORK, "serve.err"), "w")
    p = subprocess.Popen(WRAP + [COOPGEN, "serve", "--content", content,
                          "--templates", templates, "--port", "0"],
                         cwd=WORK, env=env, stdout=subprocess.PIPE,
                         stderr=log, text=True)
    port = None
    deadline = time.monotonic() + 60
    lines = []
    while time.monotonic() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        lines.append(line)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    result("starts-and-prints-address", port is not None, "".join(lines))
    if port is None:
        p.kill()
        p.wait()
        return
    try:
        served(p, port, content, templates, tmp, ref)
    finally:
        # Ctrl-C: it stops, and leaves no private folder.
        p.send_signal(signal.SIGINT)
        try:
            code = p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            code = p.wait()
        left = os.listdir(tmp)
        log.flush()
        with open(os.path.join(WORK, "serve.err")) as f:
            err = f.read()
        result("sigint-removes-private-folder", code == 0 and left == [],
               "exit %s, left %r\n%s" % (code, left, err[-3000:]))
        with open(os.path.join(WORK, "out", "sentinel")) as f:
            kept = f.read() == "untouched\n"
        result("out-untouched",
               kept and os.listdir(os.path.join(WORK, "out")) == ["sentinel"],
               os.listdir(os.path.join(WORK, "out")))
        log.close()


def served(p, port, content, templates, tmp, ref):
    # Every file built is served, equal but for the script in HTML pages.
    bad = []
    types = {".html": "text/html", ".css": "text/css", ".svg": "image/svg+xml",
             ".json": "application/json",
             ".xlsx": "application/vnd.openxmlformats-officedocument."
                      "spreadsheetml.sheet",
             ".docx": "application/vnd.openxmlformats-officedocument."
                      "wordprocessingml.document",
             ".png": "image/png", ".jpg": "image/jpeg"}
    n = 0
    for root, dirs, files in os.walk(ref):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, ref)
            with open(path, "rb") as f:
                want = f.read()
            status, headers, body = get(port, "/" + rel)
            n += 1
            ext = os.path.splitext(name)[1].lower()
            if status != 200:
                bad.append("%s: status %d" % (rel, status))
                continue
            if ext == ".html":
                scripts = SCRIPT.findall(body)
                if len(scripts) != 1 or SCRIPT.sub(b"", body) != want:
                    bad.append("%s: differs (%d scripts)" % (rel, len(scripts)))
            elif body != want:
                bad.append("%s: differs" % rel)
            if ext in types and not headers.get("content-type", "").startswith(
                    types[ext]):
                bad.append("%s: type %s" % (rel, headers.get("content-type")))
    result("every-page-as-built", n > 20 and not bad, "\n".join(bad[:20]))

    status, _, body = get(port, "/")
    with open(os.path.join(ref, "index.html"), "rb") as f:
        root_page = f.read()
    result("root-serves-index", status == 200 and
           SCRIPT.sub(b"", body) == root_page, status)
    status, headers, _ = get(port, "/2023")
    result("folder-redirects", status == 301 and
           headers.get("location") == "/2023/", (status, headers))
    status, _, body = get(port, "/2023/")
    with open(os.path.join(ref, "2023", "index.html"), "rb") as f:
        result("folder-serves-index", status == 200 and
               SCRIPT.sub(b"", body) == f.read(), status)

    size = os.path.getsize(os.path.join(ref, "2023", "statistics.xlsx"))
    status, headers, body = get(port, "/2023/statistics.xlsx", "HEAD")
    result("head", status == 200 and body == b"" and
           headers.get("content-length") == str(size), (status, headers))
    status, _, _ = get(port, "/2023/nope.html")
    result("not-found", status == 404, status)
    statuses = [get(port, "/", m)[0] for m in ("POST", "PUT", "DELETE",
                                                "OPTIONS", "PATCH")]
    allow = get(port, "/", "POST")[1].get("allow")
    result("other-methods-405", statuses == [405] * 5 and allow == "GET, HEAD",
           (statuses, allow))
    status, _, _ = get(port, "/", host="evil.example:%d" % port)
    s2, _, _ = get(port, "/", host="127.0.0.1.evil.example")
    s3, _, _ = get(port, "/", host="localhost:%d" % port)
    status_none, _ = raw(port, b"GET / HTTP/1.0\r\n\r\n")
    result("host-checked", status == 403 and s2 == 403 and s3 == 200 and
           status_none == 403, (status, s2, s3, status_none))

    # Traversal: nothing outside the folder, nor its hidden files.
    secret = os.path.join(content, "site.yaml")
    with open(secret, "rb") as f:
        secret_text = f.read()[:40]
    private = [d for d in os.listdir(tmp) if d.startswith("coopgen-serve-")]
    site = os.path.join(tmp, private[0], "site") if private else None
    result("private-folder-in-tmpdir", len(private) == 1, private)
    depth = "/".join([".."] * (len(os.path.abspath(site).split("/"))))
    attempts = [
        "/../content/site.yaml", "/" + depth + "/etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/2023%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/..%c0%af..%c0%af..%c0%afetc/passwd",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/..%5c..%5c..%5cetc/passwd", "/2023/..", "/2023/./index.html",
        "/.coopgen", "/.coopgen-pages", "//etc/passwd", "/%00",
        "/index.html%00.png", "http://127.0.0.1/etc/passwd",
        "/2023%2findex.html", "/2023%2Factivities", "/2023%5cindex.html",
    ]
    leaked = []
    for a in attempts:
        status, data = raw(port, ("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                                  "Connection: close\r\n\r\n" % (a, port)).encode())
        if status not in (400, 403, 404) or b"root:" in data or \
                secret_text in data:
            leaked.append("%s: %s" % (a, status))
    result("traversal-refused", not leaked, "\n".join(leaked))

    # A page of an earlier run of the server (it counts from a number of
    # its own, larger), or one that names a rebuild this run never made,
    # is reloaded as soon as its stream opens.
    g = gen_of(get(port, "/2023/index.html")[2])
    stale = []
    for since in (1, g + 1000):
        ev = Events(port, since)
        names = []
        for _ in range(3):
            name, _data = ev.wait(timeout=5)
            names.append(name)
            if name in ("reload", None):
                break
        ev.close()
        if names[-1] != "reload":
            stale.append((since, names))
    result("stale-page-reloads", g > 1000 and not stale, (g, stale))
    os.symlink("/etc/passwd", os.path.join(site, "planted.html"))
    os.symlink("/etc", os.path.join(site, "planted-dir"))
    os.symlink(secret, os.path.join(site, "2023", "planted.yaml"))
    got = [get(port, u)[0] for u in ("/planted.html", "/planted-dir/passwd",
                                     "/planted-dir/", "/2023/planted.yaml")]
    for name in ("planted.html", "planted-dir", "2023/planted.yaml"):
        os.unlink(os.path.join(site, name))
    result("symlinks-refused", got == [404] * 4, got)
    status, _ = raw(port, b"GET /" + b"a" * 100 * 1024 +
                    b" HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
    result("long-url-refused", status in (None, 400, 414, 431), status)
    # Still serving after all that.
    result("still-serving", get(port, "/")[0] == 200)

    slow_clients(port)

    # An edit: a reload once the rebuild is in place, the page changed.
    act = "euipo-ky-thoa-thuan"
    src = os.path.join(content, "2023", "activities", act + ".md")
    with open(src, encoding="utf-8") as f:
        original = f.read()
    status, _, page = get(port, "/2023/activities/%s.html" % act)
    ev = Events(port, gen_of(page))
    t0 = time.monotonic()
    with open(src, "w", encoding="utf-8") as f:
        f.write(original + "\nMarker sentence for the preview test.\n")
    name, _ = ev.wait()
    took = time.monotonic() - t0
    _, _, page2 = get(port, "/2023/activities/%s.html" % act)
    # Another page shows the new state too (the list of activities is
    # rebuilt with it).
    result("edit-reloads", name == "reload" and
           b"Marker sentence for the preview test." in page2,
           "event %r after %.2f s" % (name, took))

    # Broken: an errors event with file:line:col, the last good pages.
    broken = original.replace("kind: signing", "kind: signng")
    with open(src, "w", encoding="utf-8") as f:
        f.write(broken)
    name, data = ev.wait()
    where = "2023/activities/%s.md:5:7: error: unknown kind 'signng'" % act
    result("break-shows-errors", name == "errors" and where in (data or ""),
           "%r %r" % (name, data))
    status, _, page3 = get(port, "/2023/activities/%s.html" % act)
    result("last-good-pages-served", status == 200 and
           SCRIPT.sub(b"", page3) == SCRIPT.sub(b"", page2), status)
    # A page opened now gets the errors at once.
    late = Events(port, gen_of(page3))
    name2, data2 = late.wait(5)
    late.close()
    result("new-page-gets-errors", name2 == "errors" and where in (data2 or ""),
           "%r %r" % (name2, data2))
    # Fixed: the panel goes with a reload.
    with open(src, "w", encoding="utf-8") as f:
        f.write(original)
    name, _ = ev.wait()
    _, _, page4 = get(port, "/2023/activities/%s.html" % act)
    with open(os.path.join(ref, "2023", "activities", act + ".html"), "rb") as f:
        result("fix-reloads", name == "reload" and
               SCRIPT.sub(b"", page4) == f.read(), name)

    # A template: every page rebuilt from it.
    css = os.path.join(templates, "style.css")
    with open(css, "a") as f:
        f.write("\n/* preview test */\n")
    name, _ = ev.wait()
    _, _, style = get(port, "/style.css")
    result("template-change-reloads", name == "reload" and
           b"/* preview test */" in style, name)

    # A folder made after the start is watched too.
    media = os.path.join(content, "2023", "media", "new-folder")
    os.makedirs(media)
    first, _ = ev.wait()
    with open(os.path.join(media, "note.txt"), "w") as f:
        f.write("a new file in a new folder\n")
    name, _ = ev.wait()
    status, headers, body = get(port, "/2023/media/new-folder/note.txt")
    result("new-folder-watched", first == name == "reload" and status == 200 and
           body == b"a new file in a new folder\n",
           (name, status, headers.get("content-type")))
    # Fifty files at once: one rebuild (or very few), then quiet.
    for i in range(50):
        with open(os.path.join(media, "f%02d.txt" % i), "w") as f:
            f.write("%d\n" % i)
    name, _ = ev.wait()
    extra, _ = ev.wait(1.0)
    result("many-changes-one-rebuild", name == "reload" and extra is None,
           (name, extra))

    # A file written slowly, in two halves: one rebuild, once it is whole
    # (no errors event from the half-written file).
    slow = os.path.join(content, "2023", "activities", "cham.md")
    with open(slow, "w", encoding="utf-8") as f:
        f.write("---\ntitle: Ghi chậm\n")
        f.flush()
        time.sleep(0.4)
        f.write("date: 2023-05-05\nframework: bilateral\nkind: signing\n"
                "partners: [kipo]\n---\nViết làm hai lần.\n")
    name, _ = ev.wait()
    extra, _ = ev.wait(1.0)
    result("slow-write-one-rebuild", name == "reload" and extra is None,
           (name, extra))
    os.unlink(slow)
    ev.wait()

    # The content folder replaced by a copy (moved away, copied back): it
    # is watched again, and an edit in the new one rebuilds.
    old = content + ".old"
    os.rename(content, old)
    shutil.copytree(old, content)
    ev.wait(3.0)
    with open(src, "w", encoding="utf-8") as f:
        f.write(original + "\nAfter the folder was replaced.\n")
    deadline = time.monotonic() + 10
    page5 = b""
    while time.monotonic() < deadline:
        ev.wait(1.0)
        _, _, page5 = get(port, "/2023/activities/%s.html" % act)
        if b"After the folder was replaced." in page5:
            break
    result("content-folder-replaced", b"After the folder was replaced."
           in page5)
    with open(src, "w", encoding="utf-8") as f:
        f.write(original)
    shutil.rmtree(old)
    ev.wait()
    ev.close()

    many_pages(port, src, original)


def slow_clients(port):
    """Clients that send their request a byte now and then (slowloris) are
    cut once it has not come whole in 5 s (serve.c: HEADER_TIMEOUT_S),
    while every other request is answered meanwhile. libmicrohttpd's own
    timeout (30 s) starts again with each byte: it would never cut them."""
    slow = [socket.create_connection(("127.0.0.1", port), timeout=5)
            for _ in range(4)]
    started = time.monotonic()
    request = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Slow: " % port +
               b"a" * 100)
    cut, meanwhile = {}, []
    i = 0
    while len(cut) < len(slow) and time.monotonic() - started < 15:
        for k, s in enumerate(slow):
            if k in cut:
                continue
            try:
                s.send(request[i:i + 1])
            except OSError:
                pass
            if ended(s):
                cut[k] = time.monotonic() - started
        meanwhile.append(get(port, "/")[0])
        i += 1
        time.sleep(0.5)
    for s in slow:
        s.close()
    times = [cut.get(k, 0) for k in range(len(slow))]
    result("slow-clients-cut", all(4.0 <= t <= 8.0 for t in times),
           "cut after %r s (expected 5)" % times)
    result("served-beside-slow-clients", len(meanwhile) >= 8 and
           meanwhile == [200] * len(meanwhile), meanwhile)


def many_pages(port, src, original):
    """Twenty-four pages follow the preview at once: sixteen event streams
    are kept (serve.c: MAX_STREAMS), the others refused with 503 and a
    Retry-After (their pages try again), and pages are still served; a
    page that goes frees its place at once; every stream kept is told of
    the next rebuild."""
    _, _, page = get(port, "/")
    since = gen_of(page)
    # The streams of the tests before have gone; give their threads time
    # to end.
    time.sleep(1.0)
    opened = [open_stream(port, since) for _ in range(24)]
    kept = [o for o in opened if o[1] == 200]
    refused = [o for o in opened if o[1] == 503]
    result("streams-bounded", len(kept) == 16 and len(refused) == 8 and
           all(o[2].get("retry-after") == "5" for o in refused) and
           all(o[2].get("content-type") == "text/event-stream" for o in kept),
           [o[1] for o in opened])
    for o in refused:
        o[0].close()
    t0 = time.monotonic()
    status, _, body = get(port, "/2023/")
    took = time.monotonic() - t0
    result("pages-served-beside-streams", status == 200 and
           len(body) > 1000 and took < 2.0, (status, took))
    # Four pages go: four new ones get a stream, at once.
    for o in kept[:4]:
        o[0].close()
    kept = kept[4:]
    deadline = time.monotonic() + 3.0
    again = []
    while len(again) < 4 and time.monotonic() < deadline:
        o = open_stream(port, since)
        if o[1] == 200:
            again.append(o)
        else:
            o[0].close()
            time.sleep(0.05)
    result("stream-place-freed", len(again) == 4,
           "%d of 4 in 3 s" % len(again))
    kept += again
    # A rebuild: every stream kept is told.
    with open(src, "w", encoding="utf-8") as f:
        f.write(original + "\nEvery page is told.\n")
    told = 0
    for s, _, _, rest in kept:
        data = rest
        deadline = time.monotonic() + 15
        while b"event: reload" not in data and time.monotonic() < deadline:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                break
            data += chunk
        told += b"event: reload" in data
        s.close()
    result("every-stream-told", told == 16, "%d of 16" % told)
    with open(src, "w", encoding="utf-8") as f:
        f.write(original)


def start(content, templates, tmp):
    """coopgen serve on a free port: the process and its port (None)."""
    p = subprocess.Popen(WRAP + [COOPGEN, "serve", "--content", content,
                                 "--templates", templates, "--port", "0"],
                         cwd=WORK, env=dict(os.environ, TMPDIR=tmp),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            return p, int(m.group(1))
    return p, None


def broken_start():
    """Content with errors from the start: a page that says so, then the
    site once they are fixed."""
    content = os.path.join(WORK, "content-broken")
    tmp = os.path.join(WORK, "tmp-broken")
    shutil.copytree(os.path.join(TOP, "content"), content)
    os.makedirs(tmp)
    site = os.path.join(content, "site.yaml")
    with open(site, encoding="utf-8") as f:
        original = f.read()
    with open(site, "w", encoding="utf-8") as f:
        f.write(original.replace("lang: vi", "lang: vx"))
    p, port = start(content, os.path.join(WORK, "templates"), tmp)
    try:
        if port is None:
            result("broken-start-serves", False, "no address printed")
            return
        status, _, page = get(port, "/")
        ev = Events(port, gen_of(page))
        name, data = ev.wait()
        result("broken-start-serves", status == 503 and
               len(SCRIPT.findall(page)) == 1 and name == "errors" and
               "site.yaml:" in (data or ""), (status, name, data))
        with open(site, "w", encoding="utf-8") as f:
            f.write(original)
        name, _ = ev.wait()
        status, _, page = get(port, "/")
        with open(os.path.join(WORK, "ref", "index.html"), "rb") as f:
            result("broken-start-fixed", name == "reload" and status == 200
                   and SCRIPT.sub(b"", page) == f.read(), (name, status))
        ev.close()
    finally:
        p.send_signal(signal.SIGINT)
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def new_tests():
    site = os.path.join(WORK, "newsite")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    r = subprocess.run([COOPGEN, "new", "site", site], env=env,
                       capture_output=True, text=True, timeout=60)
    b = subprocess.run([COOPGEN, "build", "--content", site, "--templates",
                        os.path.join(TOP, "templates"), "--out",
                        os.path.join(WORK, "newout")],
                       capture_output=True, text=True, timeout=60)
    result("new-site-builds", r.returncode == 0 and b.returncode == 0 and
           os.path.exists(os.path.join(WORK, "newout", "2023", "index.html")),
           r.stderr + b.stderr)
    r = subprocess.run([COOPGEN, "new", "site", site, "--lang", "en"],
                       capture_output=True, text=True, timeout=60)
    result("new-site-refuses-non-empty", r.returncode == 2 and
           "not empty" in r.stderr, r.stderr)
    en = os.path.join(WORK, "newsite-en")
    r = subprocess.run([COOPGEN, "new", "site", en, "--lang", "en"], env=env,
                       capture_output=True, text=True, timeout=60)
    c = subprocess.run([COOPGEN, "check", "--content", en, "--templates",
                        os.path.join(TOP, "templates")],
                       capture_output=True, text=True, timeout=60)
    result("new-site-en-checks", r.returncode == 0 and c.returncode == 0 and
           "lang: en" in open(os.path.join(en, "site.yaml")).read(),
           r.stderr + c.stderr)

    def new(*args):
        return subprocess.run([COOPGEN, "new", "activity", "--content", site,
                               "--year", "2023"] + list(args), env=env,
                              capture_output=True, text=True, timeout=60)
    acts = os.path.join(site, "2023", "activities")
    r = new("Hội thảo về nhãn hiệu", "--kind", "workshop", "--partner",
            "example", "--date", "2023-06-15")
    path = os.path.join(acts, "hoi-thao-ve-nhan-hieu.md")
    c = subprocess.run([COOPGEN, "check", "--content", site, "--templates",
                        os.path.join(TOP, "templates")],
                       capture_output=True, text=True, timeout=60)
    result("new-activity", r.returncode == 0 and r.stdout.strip() == path and
           os.path.exists(path) and c.returncode == 0, r.stderr + c.stderr)
    before = open(path, "rb").read()
    r = new("Hội thảo về nhãn hiệu")
    result("new-activity-never-overwrites", r.returncode == 1 and
           "exists already" in r.stderr and open(path, "rb").read() == before,
           r.stderr)
    cases = [
        (["Kind wrong", "--kind", "workshp"],
         "unknown kind 'workshp' (did you mean 'workshop'? expected one of "
         "the kinds of site.yaml: meeting, visit, workshop)"),
        (["Framework wrong", "--framework", "nope"],
         "unknown framework 'nope' (expected one of the frameworks of "
         "site.yaml: multilateral, bilateral)"),
        (["Partner wrong", "--partner", "nope"], "unknown partner 'nope'"),
        (["Date wrong", "--date", "2019-01"], "outside its folder's year"),
        (["Date impossible", "--date", "2023-02-30"], "2023-02-30"),
    ]
    for args, want in cases:
        r = new(*args)
        name = "new-activity-error-" + args[1].lstrip("-")
        files = sorted(os.listdir(acts))
        result(name, r.returncode == 1 and want in r.stderr and
               "coopgen: new activity: " in r.stderr and
               len(files) == 2, r.stderr)
    r = subprocess.run([COOPGEN, "new", "activity", "X", "--content", site,
                        "--year", "2031"], capture_output=True, text=True,
                       timeout=60)
    result("new-activity-no-year", r.returncode == 1 and "2031" in r.stderr,
           r.stderr)
    # Records added at the end of a YAML file: every byte before kept.
    agr = os.path.join(site, "agreements.yaml")
    with open(agr, "w", encoding="utf-8") as f:
        f.write("# Comments stay.\n- title: First\n  type: bilateral  # here too\n")
    before = open(agr, "rb").read()
    r = subprocess.run([COOPGEN, "new", "agreement", "MoU: with #2",
                        "--content", site, "--partner", "example", "--date",
                        "2023-09", "--year", "2023"], env=env,
                       capture_output=True, text=True, timeout=60)
    after = open(agr, "rb").read()
    result("new-agreement-keeps-file", r.returncode == 0 and
           after.startswith(before) and
           after[len(before):] == b'\n- title: "MoU: with #2"\n  type: '
           b'bilateral\n  partners: [example]\n  signed: 2023-09\n' and
           r.stdout.strip() == agr + ":5", r.stderr + r.stdout)
    r = subprocess.run([COOPGEN, "new", "agreement", "Wrong", "--content",
                        site, "--type", "trilateral", "--year", "2023"],
                       env=env, capture_output=True, text=True, timeout=60)
    result("new-agreement-error", r.returncode == 1 and
           "coopgen: new agreement: unknown type 'trilateral' (expected one "
           "of: bilateral, multilateral)" in r.stderr and
           open(agr, "rb").read() == after, r.stderr)
    proj = os.path.join(site, "2023", "projects.yaml")
    r = subprocess.run([COOPGEN, "new", "project", "Capacity", "--content",
                        site, "--funder", "example", "--year", "2023"],
                       env=env, capture_output=True, text=True, timeout=60)
    r2 = subprocess.run([COOPGEN, "new", "project", "Wrong", "--content",
                         site, "--funder", "nope", "--year", "2023"],
                        env=env, capture_output=True, text=True, timeout=60)
    c = subprocess.run([COOPGEN, "check", "--content", site, "--templates",
                        os.path.join(TOP, "templates")],
                       capture_output=True, text=True, timeout=60)
    result("new-project", r.returncode == 0 and r2.returncode == 1 and
           "unknown funder 'nope'" in r2.stderr and
           open(proj).read() == "- title: Capacity\n  funder: example\n"
           "  status: ongoing\n" and c.returncode == 0,
           r.stderr + r2.stderr + c.stderr)
    r = subprocess.run([COOPGEN, "serve", "--out", "x"], capture_output=True,
                       text=True, timeout=60)
    r2 = subprocess.run([COOPGEN, "serve", "--port", "99999"],
                        capture_output=True, text=True, timeout=60)
    r3 = subprocess.run([COOPGEN, "serve", "--bind", "example.org"],
                        capture_output=True, text=True, timeout=60)
    r4 = subprocess.run([COOPGEN, "build", "--port", "8080"],
                        capture_output=True, text=True, timeout=60)
    r5 = subprocess.run([COOPGEN, "check", "--kind", "meeting"],
                        capture_output=True, text=True, timeout=60)
    result("serve-usage", (r.returncode, r2.returncode, r3.returncode) ==
           (2, 2, 2), r.stderr + r2.stderr + r3.stderr)
    result("options-of-another-command", r4.returncode == 2 and
           "--port is an option of serve" in r4.stderr and
           r5.returncode == 2 and "--kind is an option of new" in r5.stderr,
           r4.stderr + r5.stderr)


main()
broken_start()
if not WRAP:
    new_tests()
sys.exit(1 if failed else 0)
