#!/usr/bin/python3
"""How long a save takes to reach an open page: coopgen serve, measured.

    bench-serve.py COOPGEN BUILD_DIR [N [RUNS]] [--against OTHER]...

For the example content, then for a generated year of N activities
(tools/gen-bench-content.py, default 10,000; 0: the example only): start
`coopgen serve` on a free port of 127.0.0.1, open its event stream as a
page does, and RUNS times append a sentence to one activity's file and time
the moment the `reload` event arrives (save to event, as a client of the
server sees it). Prints the median, the fastest and the slowest of each.

With --against OTHER, another coopgen (an older build, say) is measured in
the same run, on a copy of its own of the same content: the servers run
side by side and the saves alternate between them, so that each sees the
same machine.
"""
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Server:
    """coopgen serve on a copy of content, and an event stream open on it."""

    def __init__(self, coopgen, content, work):
        self.tmp = os.path.join(work, "serve-tmp")
        shutil.rmtree(self.tmp, ignore_errors=True)
        os.makedirs(self.tmp)
        self.p = subprocess.Popen(
            [coopgen, "serve", "-q", "--content", content, "--templates",
             os.path.join(TOP, "templates"), "--port", "0"],
            env=dict(os.environ, TMPDIR=self.tmp), stdout=subprocess.PIPE,
            text=True)
        port = None
        deadline = time.monotonic() + 600
        while port is None and time.monotonic() < deadline:
            line = self.p.stdout.readline()
            if not line:
                break
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
        if port is None:
            self.p.kill()
            self.p.wait()
            raise SystemExit("coopgen serve did not start")
        self.s = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.s.sendall(b"GET /_coopgen/events?since=1 HTTP/1.0\r\n"
                       b"Host: 127.0.0.1:%d\r\n\r\n" % port)
        self.s.recv(4096)

    def save(self, activity, i):
        """Append a sentence to activity; the milliseconds to the reload."""
        t0 = time.monotonic()
        with open(activity, "a", encoding="utf-8") as f:
            f.write("\nCâu thêm số %d.\n" % i)
        data = b""
        while b"event: reload" not in data:
            chunk = self.s.recv(4096)
            if not chunk:
                raise SystemExit("the event stream closed")
            data += chunk
        return (time.monotonic() - t0) * 1000

    def close(self):
        self.s.close()
        self.p.send_signal(signal.SIGINT)
        self.p.wait(timeout=60)
        shutil.rmtree(self.tmp, ignore_errors=True)


def measure(programs, content, activity, runs, work):
    """Each program serves a copy of content; runs saves to each, in
    turn. The times of each, in the order of programs."""
    servers, copies = [], []
    try:
        for k, coopgen in enumerate(programs):
            copy = os.path.join(work, "content-%d" % k)
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(content, copy)
            copies.append(copy)
            servers.append(Server(coopgen, copy, os.path.join(work,
                                                              "run-%d" % k)))
        times = [[] for _ in programs]
        for i in range(runs):
            for k, server in enumerate(servers):
                times[k].append(server.save(os.path.join(copies[k],
                                                         activity), i))
                # Settled: the next save is a save of its own.
                time.sleep(0.3)
        return times
    finally:
        for server in servers:
            server.close()
        for copy in copies:
            shutil.rmtree(copy, ignore_errors=True)


def report(name, programs, times):
    print("  " + name)
    for coopgen, t in zip(programs, times):
        print("    %-32s median %6.0f ms   fastest %6.0f   slowest %6.0f"
              "   (%d saves)" % (coopgen, statistics.median(t), min(t),
                                 max(t), len(t)))


def main():
    args = sys.argv[1:]
    programs = []
    while "--against" in args:
        k = args.index("--against")
        programs.append(args[k + 1])
        del args[k:k + 2]
    programs.insert(0, args[0])
    names = programs
    programs = [os.path.abspath(p) for p in programs]
    work = os.path.abspath(os.path.join(args[1], "serve"))
    n = int(args[2]) if len(args) > 2 else 10000
    runs = int(args[3]) if len(args) > 3 else 11
    os.makedirs(work, exist_ok=True)
    print("coopgen serve: from a save to the reload event")
    report("example", names, measure(
        programs, os.path.join(TOP, "content"),
        os.path.join("2023", "activities", "euipo-ky-thoa-thuan.md"), runs,
        work))
    if n == 0:
        return
    big = os.path.join(work, "gen-%d" % n)
    shutil.rmtree(big, ignore_errors=True)
    subprocess.run(["/usr/bin/python3", os.path.join(TOP, "tools",
                    "gen-bench-content.py"), big, str(n)], check=True)
    acts = os.path.join(big, "2023", "activities")
    first = sorted(os.listdir(acts))[0]
    report("%d activities, one edited" % n, names, measure(
        programs, big, os.path.join("2023", "activities", first),
        max(3, runs // 2), work))


main()
