#!/usr/bin/env python3
"""tests/check-browser.py COOPGEN TOP WORK: a real browser on coopgen serve.

Headless Chromium opens a page of the example served on 127.0.0.1; the test
marks the page's JavaScript context, edits the content, and reads back
through the DevTools protocol that the page reloaded by itself (the mark is
gone, the new text is there); then breaks a file and reads the error panel
(its text, as text), fixes it and sees the panel go; hides the page as a
background tab is hidden, edits, and sees it reload only once shown again.
One line per test into $RESULTS. Only the standard library: the DevTools
WebSocket is spoken here.
"""
import base64
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request

COOPGEN, TOP, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
RESULTS = os.environ.get("RESULTS", "/dev/null")
failed = 0


def result(name, ok, detail=""):
    global failed
    with open(RESULTS, "a") as f:
        f.write(("pass " if ok else "fail ") + "browser/" + name + "\n")
    if not ok:
        failed += 1
        print("FAIL: browser/" + name, file=sys.stderr)
        for line in str(detail).splitlines()[:20]:
            print("  " + line, file=sys.stderr)


class DevTools:
    """A WebSocket (RFC 6455) to one page's DevTools endpoint."""

    def __init__(self, url):
        m = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        self.s = socket.create_connection((m.group(1), int(m.group(2))),
                                          timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall(("GET %s HTTP/1.1\r\nHost: %s:%s\r\nUpgrade: websocket"
                        "\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n" %
                        (m.group(3), m.group(1), m.group(2), key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.s.recv(1)
            if not chunk:
                raise OSError("DevTools closed the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise OSError(head.decode("latin-1"))
        self.next_id = 0
        self.buf = b""

    def _recv(self, n):
        while len(self.buf) < n:
            chunk = self.s.recv(65536)
            if not chunk:
                raise OSError("DevTools closed")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def _frame(self):
        b0, b1 = self._recv(2)
        n = b1 & 0x7f
        if n == 126:
            n = struct.unpack(">H", self._recv(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self._recv(8))[0]
        return b0 & 0x0f, self._recv(n)

    def call(self, method, **params):
        self.next_id += 1
        msg = json.dumps({"id": self.next_id, "method": method,
                          "params": params}).encode()
        mask = os.urandom(4)
        head = bytes([0x81])
        if len(msg) < 126:
            head += bytes([0x80 | len(msg)])
        else:
            head += bytes([0x80 | 126]) + struct.pack(">H", len(msg))
        self.s.sendall(head + mask +
                       bytes(c ^ mask[i % 4] for i, c in enumerate(msg)))
        text = b""
        while True:
            op, data = self._frame()
            if op in (1, 0):
                text += data
                reply = json.loads(text)
                text = b""
                if reply.get("id") == self.next_id:
                    return reply.get("result", {})

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True)
        return r.get("result", {}).get("value")

    def close(self):
        self.s.close()


def until(f, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            v = f()
            if v:
                return v
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.1)
    return None


def main():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        result("chromium-present", False, "no chromium: make check installs it")
        return
    content = os.path.join(WORK, "content")
    tmp = os.path.join(WORK, "tmp")
    profile = os.path.join(WORK, "profile")
    shutil.copytree(os.path.join(TOP, "content"), content)
    os.makedirs(tmp)
    os.makedirs(profile)
    serve = subprocess.Popen([COOPGEN, "serve", "--content", content,
                              "--templates", os.path.join(TOP, "templates"),
                              "--port", "0"], env=dict(os.environ, TMPDIR=tmp),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    port = None
    deadline = time.monotonic() + 60
    while port is None and time.monotonic() < deadline:
        line = serve.stdout.readline()
        if not line:
            break
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
    if port is None:
        result("serve-starts", False)
        serve.kill()
        serve.wait()
        return
    act = "euipo-ky-thoa-thuan"
    url = "http://127.0.0.1:%d/2023/activities/%s.html" % (port, act)
    browser = subprocess.Popen([chromium, "--headless", "--no-sandbox",
                                "--disable-gpu", "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update", "--disable-sync",
                                "--user-data-dir=" + profile,
                                "--remote-debugging-port=0", url],
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    dt = None
    try:
        active = os.path.join(profile, "DevToolsActivePort")
        dport = until(lambda: open(active).read().split("\n")[0], 60)
        pages = until(lambda: [p for p in json.load(urllib.request.urlopen(
            "http://127.0.0.1:%s/json/list" % dport, timeout=5))
            if p.get("type") == "page" and p.get("url") == url], 30)
        if not pages:
            result("browser-opens-page", False, "no page in DevTools")
            return
        dt = DevTools(pages[0]["webSocketDebuggerUrl"])
        loaded = until(lambda: dt.eval("document.readyState") == "complete")
        # The event stream opens once the page has run its script.
        time.sleep(0.5)
        dt.eval("window.__coopgenMark = 1")
        result("browser-opens-page", loaded and
               dt.eval("window.__coopgenMark") == 1)

        src = os.path.join(content, "2023", "activities", act + ".md")
        with open(src, encoding="utf-8") as f:
            original = f.read()
        with open(src, "w", encoding="utf-8") as f:
            f.write(original + "\nBrowser marker sentence.\n")
        ok = until(lambda: dt.eval(
            "window.__coopgenMark === undefined && document.readyState === "
            "'complete' && document.body.innerText.indexOf("
            "'Browser marker sentence.') >= 0"))
        result("page-reloads-by-itself", ok)
        time.sleep(0.5)
        dt.eval("window.__coopgenMark = 2")

        with open(src, "w", encoding="utf-8") as f:
            f.write(original.replace("kind: signing",
                                     "kind: <b>signng</b>"))
        panel = until(lambda: dt.eval(
            "(function(){var p=document.getElementById('coopgen-errors');"
            "return p && !p.hidden ? p.textContent : null;})()"))
        markup = dt.eval("document.querySelector('#coopgen-errors b') "
                         "!== null")
        result("error-panel-shows", panel is not None and
               ("2023/activities/%s.md:5:7: error:" % act) in panel and
               "<b>signng</b>" in panel and markup is False and
               dt.eval("window.__coopgenMark") == 2, panel)
        with open(src, "w", encoding="utf-8") as f:
            f.write(original)
        gone = until(lambda: dt.eval(
            "window.__coopgenMark === undefined && document.readyState === "
            "'complete' && !document.getElementById('coopgen-errors') && "
            "document.body.innerText.indexOf('Browser marker') < 0"))
        result("error-panel-goes", gone)

        # A page in a background tab holds no event stream (a browser
        # keeps six connections to a server): hidden, it misses the reload;
        # shown again, it reloads at once. Hidden as a tab is, by what the
        # page's script reads.
        time.sleep(0.5)
        dt.eval("window.__coopgenMark = 3")
        visibility = ("Object.defineProperty(document,'hidden',{value:%s,"
                      "configurable:true});document.dispatchEvent("
                      "new Event('visibilitychange'))")
        dt.eval(visibility % "true")
        with open(src, "w", encoding="utf-8") as f:
            f.write(original + "\nHidden tab sentence.\n")
        built = until(lambda: b"Hidden tab sentence." in
                      urllib.request.urlopen(url, timeout=5).read())
        # Were its stream open, the reload would come within milliseconds.
        time.sleep(1.0)
        stayed = dt.eval("window.__coopgenMark") == 3
        dt.eval(visibility % "false")
        shown = until(lambda: dt.eval(
            "window.__coopgenMark === undefined && document.readyState === "
            "'complete' && document.body.innerText.indexOf("
            "'Hidden tab sentence.') >= 0"))
        result("hidden-page-reloads-when-shown", built and stayed and shown,
               "rebuilt %r, not reloaded while hidden %r, reloaded when "
               "shown %r" % (built, stayed, shown))
        with open(src, "w", encoding="utf-8") as f:
            f.write(original)
    finally:
        if dt is not None:
            dt.close()
        browser.terminate()
        try:
            browser.wait(timeout=20)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait()
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()


main()
sys.exit(1 if failed else 0)
