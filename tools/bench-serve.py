#!/usr/bin/python3
"""How long a save takes to reach an open page: coopgen serve, measured.

    bench-serve.py COOPGEN BUILD_DIR [N [RUNS]]

For the example content, then for a generated year of N activities
(tools/gen-bench-content.py, default 10,000): start `coopgen serve` on a
free port of 127.0.0.1, open its event stream as a page does, and RUNS
times append a sentence to one activity's file and time the moment the
`reload` event arrives (save to event, as a client of the server sees it).
Prints the median, the fastest and the slowest of each.
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


def measure(coopgen, content, activity, runs, work):
    tmp = os.path.join(work, "serve-tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    p = subprocess.Popen([coopgen, "serve", "-q", "--content", content,
                          "--templates", os.path.join(TOP, "templates"),
                          "--port", "0"], env=dict(os.environ, TMPDIR=tmp),
                         stdout=subprocess.PIPE, text=True)
    port = None
    deadline = time.monotonic() + 600
    while port is None and time.monotonic() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
    if port is None:
        p.kill()
        p.wait()
        raise SystemExit("coopgen serve did not start")
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.sendall(b"GET /_coopgen/events?since=1 HTTP/1.0\r\n"
              b"Host: 127.0.0.1:%d\r\n\r\n" % port)
    s.recv(4096)
    times = []
    try:
        for i in range(runs):
            t0 = time.monotonic()
            with open(activity, "a", encoding="utf-8") as f:
                f.write("\nCâu thêm số %d.\n" % i)
            data = b""
            while b"event: reload" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    raise SystemExit("the event stream closed")
                data += chunk
            times.append((time.monotonic() - t0) * 1000)
            time.sleep(0.3)
    finally:
        s.close()
        p.send_signal(signal.SIGINT)
        p.wait(timeout=60)
    return times


def report(name, times):
    print("  %-34s median %6.0f ms   fastest %6.0f   slowest %6.0f   (%d saves)"
          % (name, statistics.median(times), min(times), max(times),
             len(times)))


def main():
    coopgen = os.path.abspath(sys.argv[1])
    work = os.path.abspath(os.path.join(sys.argv[2], "serve"))
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 11
    os.makedirs(work, exist_ok=True)
    print("coopgen serve: from a save to the reload event")
    example = os.path.join(work, "example")
    shutil.rmtree(example, ignore_errors=True)
    shutil.copytree(os.path.join(TOP, "content"), example)
    act = os.path.join(example, "2023", "activities", "euipo-ky-thoa-thuan.md")
    report("example", measure(coopgen, example, act, runs, work))
    big = os.path.join(work, "gen-%d" % n)
    shutil.rmtree(big, ignore_errors=True)
    subprocess.run(["/usr/bin/python3", os.path.join(TOP, "tools",
                    "gen-bench-content.py"), big, str(n)], check=True)
    acts = os.path.join(big, "2023", "activities")
    first = sorted(os.listdir(acts))[0]
    report("%d activities, one edited" % n,
           measure(coopgen, big, os.path.join(acts, first), max(3, runs // 2),
                   work))


main()
