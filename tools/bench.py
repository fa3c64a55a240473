#!/usr/bin/python3
"""The benchmark behind `make bench`.

    bench.py COOPGEN BUILD_DIR [SIZES [RUNS]]

For each size N (default 1000 10000 50000), a content tree of N activities
from tools/gen-bench-content.py (seeded, cached in BUILD_DIR), built RUNS
times (default 3) with --timings, each time into a new folder (the outputs
are deleted at the end): each stage's median and spread, records,
Markdown and files per second, the peak memory. Beside it: the `cmark`
command on the same Markdown bodies in one file (the floor for the
Markdown part), one thread, rebuilds into the output just written (nothing
changed, one activity's text, one activity's title); then the workbook of
100,000 activities against libxlsxwriter writing the same cells alone
(taken out of the workbook coopgen wrote).
"""
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import zipfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def tree(build, n, short=False):
    path = os.path.join(build, f'content-{n}' + ('-short' if short else ''))
    stamp = os.path.join(path, '.generated')
    if not os.path.exists(stamp):
        shutil.rmtree(path, ignore_errors=True)
        args = ['/usr/bin/python3', os.path.join(TOP, 'tools', 'gen-bench-content.py'),
                path, str(n), '1']
        if short:
            args.append('short')
        run(args)
        open(stamp, 'w').close()
    return path


def timings(coopgen, content, out, jobs=None):
    """One build; the stages in ms, the peak memory in MiB, wall seconds."""
    cmd = [coopgen, 'build', '-q', '--timings', '--content', content,
           '--templates', os.path.join(TOP, 'templates'), '--out', out]
    if jobs:
        cmd += ['-j', str(jobs)]
    t0 = time.monotonic()
    err = run(cmd).stderr
    wall = time.monotonic() - t0
    stages = {}
    peak = 0.0
    for line in err.splitlines():
        m = re.match(r'\s+(.+?)\s{2,}(\d+) ms(.*)', line)
        if m:
            stages[m.group(1)] = float(m.group(2))
            p = re.search(r'peak memory (\d+) MiB', m.group(3))
            if p:
                peak = float(p.group(1))
    return stages, peak, wall


def median_spread(values):
    return statistics.median(values), min(values), max(values)


def bodies(content, path):
    """Every activity body, front matter taken off, in one file."""
    total = 0
    with open(path, 'w', encoding='utf-8') as out:
        adir = os.path.join(content, '2023', 'activities')
        for name in sorted(os.listdir(adir)):
            text = open(os.path.join(adir, name), encoding='utf-8').read()
            body = text.split('\n---\n', 1)[1]
            out.write(body + '\n')
            total += len(body.encode())
    return total


def activity_cells(xlsx, path):
    """The cells of the workbook's activities sheet, a row a line, for
    tools/xlsx-baseline.c; returns how many."""
    xml = zipfile.ZipFile(xlsx).read('xl/worksheets/sheet2.xml').decode()
    count = 0
    with open(path, 'w', encoding='utf-8') as out:
        for row in re.findall(r'<row [^>]*>(.*?)</row>', xml):
            cells = []
            for body in re.findall(r'<c [^>]*?(?:/>|>(.*?)</c>)', row):
                v = re.search(r'<v>(.*?)</v>', body)
                t = re.search(r'<t[^>]*>(.*?)</t>', body)
                if v:
                    cells.append('n:' + v.group(1))
                elif t:
                    text = html.unescape(t.group(1)).replace('\t', ' ').replace('\n', ' ')
                    cells.append('s:' + text)
                else:
                    cells.append('-')
            count += sum(1 for c in cells if c != '-')
            out.write('\t'.join(cells) + '\n')
    return count


def timed(cmd, runs):
    walls = []
    for _ in range(runs):
        t0 = time.monotonic()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.monotonic() - t0)
    return median_spread(walls)


def main(coopgen, build, sizes, runs):
    os.makedirs(build, exist_ok=True)
    # Outputs are set aside, and deleted only at the end, never between
    # builds: on ext4 without a journal (the project machine's), creating
    # files within minutes of deleting many costs far more, as the kernel
    # skips recently freed inodes one by one; the figures would measure
    # the benchmark's own deletions.
    trash = os.path.join(build, 'trash')
    os.makedirs(trash, exist_ok=True)
    for name in os.listdir(build):
        if name.startswith('out-'):
            os.rename(os.path.join(build, name),
                      os.path.join(trash, f'{name}-{time.monotonic_ns()}'))
    print(f'machine: {os.cpu_count()} cores; {runs} runs each; median (min-max)')
    results = {}
    for n in sizes:
        content = tree(build, n)
        outs = [os.path.join(build, f'out-{n}-{k}') for k in range(runs)]
        builds = [timings(coopgen, content, out) for out in outs]
        out = outs[-1]
        stages = {k: median_spread([b[0][k] for b in builds]) for k in builds[0][0]}
        peak = max(b[1] for b in builds)
        wall = median_spread([b[2] for b in builds])
        md_file = os.path.join(build, f'bodies-{n}.md')
        md_bytes = bodies(content, md_file)
        floor = timed(['cmark', md_file], runs)
        pages = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith('.html'))
        results[n] = wall[0]
        print(f'\n{n} activities, {md_bytes / 1e6:.1f} MB of Markdown in bodies, '
              f'{pages} pages; a build into an empty folder')
        print(f'  {"stage":<26}{"ms":>8}  {"(min-max)":<14}')
        for k, (med, lo, hi) in stages.items():
            print(f'  {k:<26}{med:>8.0f}  ({lo:.0f}-{hi:.0f})')
        print(f'  {"wall":<26}{wall[0] * 1e3:>8.0f}  ({wall[1] * 1e3:.0f}-{wall[2] * 1e3:.0f})')
        print(f'  records/s {n / wall[0]:,.0f}   Markdown MB/s '
              f'{md_bytes / 1e6 / wall[0]:.1f}   pages/s {pages / wall[0]:,.0f}   '
              f'peak memory {peak:.0f} MiB')
        print(f'  cmark command on the same bodies: {floor[0] * 1e3:.0f} ms '
              f'({floor[1] * 1e3:.0f}-{floor[2] * 1e3:.0f})')
        one = timings(coopgen, content, os.path.join(build, f'out-{n}-one'), jobs=1)
        print(f'  on one thread: {one[2] * 1e3:.0f} ms')
        # Rebuilds into the output just written (gen/reuse.h).
        same = median_spread([timings(coopgen, content, out)[2] for _ in range(runs)])
        print(f'  rebuild, nothing changed: {same[0] * 1e3:.0f} ms '
              f'({same[1] * 1e3:.0f}-{same[2] * 1e3:.0f})')
        first = os.path.join(content, '2023', 'activities', 'a000000.md')
        original = open(first, encoding='utf-8').read()
        try:
            with open(first, 'w', encoding='utf-8') as f:
                f.write(original + '\nMột câu thêm.\n')
            rebuilt = timings(coopgen, content, out)
            print(f'  rebuild after one activity\'s text changed: {rebuilt[2] * 1e3:.0f} ms')
            with open(first, 'w', encoding='utf-8') as f:
                f.write(original.replace('title: ', 'title: Mới - ', 1))
            rebuilt = timings(coopgen, content, out)
            print(f'  rebuild after one activity\'s title changed: {rebuilt[2] * 1e3:.0f} ms')
        finally:
            with open(first, 'w', encoding='utf-8') as f:
                f.write(original)
    if 10000 in results and 50000 in results:
        print(f'\n50,000 / 10,000: {results[50000] / results[10000]:.2f}x')

    # The workbook at 100,000 activities against libxlsxwriter alone.
    content = tree(build, 100000, short=True)
    books = []
    for k in range(runs):
        # On one thread: the workbook is then written alone, not beside
        # the pages.
        out = os.path.join(build, f'out-100000-{k}')
        books.append(timings(coopgen, content, out, jobs=1)[0]['workbook'])
    rows = os.path.join(build, 'activity-rows.tsv')
    cells = activity_cells(os.path.join(out, '2023', 'statistics.xlsx'), rows)
    base = os.path.join(build, 'xlsx-baseline')
    run(['cc', '-O2', '-o', base, os.path.join(TOP, 'tools', 'xlsx-baseline.c')] +
        run(['pkg-config', '--libs', 'xlsxwriter']).stdout.split())
    lib = timed([base, os.path.join(build, 'baseline.xlsx'), rows], runs)
    med = statistics.median(books)
    print(f'\nworkbook of 100,000 activities: {med:.0f} ms; libxlsxwriter alone, '
          f'the same {cells:,} cells of its activities sheet: {lib[0] * 1e3:.0f} ms '
          f'({med / 1e3 / lib[0]:.2f}x)')
    shutil.rmtree(trash, ignore_errors=True)
    for name in os.listdir(build):
        if name.startswith('out-'):
            shutil.rmtree(os.path.join(build, name), ignore_errors=True)


if __name__ == '__main__':
    sizes = [int(s) for s in sys.argv[3].split()] if len(sys.argv) > 3 else [1000, 10000, 50000]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    main(sys.argv[1], sys.argv[2], sizes, runs)
