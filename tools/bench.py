#!/usr/bin/python3
"""The benchmark behind `make bench` and `make bench-hugo`.

    bench.py COOPGEN BUILD_DIR [SIZES [RUNS]] [--tmpfs DIR] [--hugo-sizes SIZES]
             [--only hugo | --no-hugo]

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

Last, coopgen against Hugo side by side (the only section with `--only
hugo`): for each size of --hugo-sizes (default: the sizes of at least
10,000), on the tmpfs (--tmpfs, default /dev/shm/coopgen-bench) and on
BUILD_DIR's file system, the same tree and the Hugo site that
tools/gen-hugo-site.py makes of it, built RUNS times in turn after a round
not counted (coopgen, Hugo, the `cmark` command, coopgen, Hugo, ...), each
build into a new folder of that file system; the ratio of each pair, their
median and spread, the peak memory of each (/usr/bin/time), and coopgen's
time as a multiple of the `cmark` command's in the same round.
"""
import argparse
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


def set_aside(place):
    """Moves the outputs of an earlier run out of the way, into trash/.
    Outputs are set aside, and deleted only at the end, never between
    builds: on ext4 without a journal (the project machine's), creating
    files within minutes of deleting many costs far more, as the kernel
    skips recently freed inodes one by one; the figures would measure the
    benchmark's own deletions."""
    trash = os.path.join(place, 'trash')
    os.makedirs(trash, exist_ok=True)
    for name in os.listdir(place):
        if name.startswith('out-'):
            os.rename(os.path.join(place, name),
                      os.path.join(trash, f'{name}-{time.monotonic_ns()}'))


def clear(place):
    """Deletes the outputs, at the end; settle() then waits, if need be,
    before the next run builds here."""
    shutil.rmtree(os.path.join(place, 'trash'), ignore_errors=True)
    for name in os.listdir(place):
        if name.startswith('out-'):
            shutil.rmtree(os.path.join(place, name), ignore_errors=True)
    open(os.path.join(place, '.cleared'), 'w').close()


# ext4 without a journal (the project machine's), looking for a free inode,
# skips each one freed less than 60 s ago, or 360 s while its inode table
# block is dirty, which new files keep it: a build within minutes of many
# deletions spends seconds in the kernel (`recently_deleted` in perf). So
# the outputs are deleted only at the end, and a run that starts less than
# SETTLE seconds after the last one deleted them on the disk waits first.
# (Deletions by other work on the same file system do the same; the system
# time printed beside each build shows it.)
SETTLE = 360


def settle(place, seconds):
    stamp = os.path.join(place, '.cleared')
    if fs_type(place) == 'tmpfs' or not os.path.exists(stamp):
        return
    wait = seconds - (time.time() - os.path.getmtime(stamp))
    if wait > 0:
        print(f'  (waiting {wait:.0f} s: the last run deleted its outputs here '
              f'less than {seconds} s ago)', flush=True)
        time.sleep(wait)


def builds(coopgen, build, sizes, runs):
    """coopgen alone: the stages, the floor, one thread, rebuilds."""
    results = {}
    for n in sizes:
        content = tree(build, n)
        outs = [os.path.join(build, f'out-{n}-{k}') for k in range(runs)]
        done = [timings(coopgen, content, out) for out in outs]
        out = outs[-1]
        stages = {k: median_spread([b[0][k] for b in done]) for k in done[0][0]}
        peak = max(b[1] for b in done)
        wall = median_spread([b[2] for b in done])
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


def workbook(coopgen, build, runs):
    """The workbook at 100,000 activities against libxlsxwriter alone."""
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


def measured(cmd, place):
    """Runs cmd under /usr/bin/time: (wall s, CPU s (user + system),
    peak resident MiB, system s)."""
    report = os.path.join(place, 'time.txt')
    t0 = time.monotonic()
    done = subprocess.run(['/usr/bin/time', '-f', '%M %U %S', '-o', report] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - t0
    if done.returncode:
        sys.exit(f'{" ".join(cmd)} failed:\n{done.stderr}')
    peak, user, system = open(report).read().split()[-3:]
    return wall, float(user) + float(system), int(peak) / 1024, float(system)


def fs_type(path):
    try:
        return run(['findmnt', '-n', '-o', 'FSTYPE', '--target', path]).stdout.split()[0]
    except (OSError, subprocess.CalledProcessError):
        return run(['stat', '-f', '-c', '%T', path]).stdout.strip()


def hugo_site(content, place, n):
    """The Hugo site of the tree, made again when the tool changed."""
    site = os.path.join(place, f'hugo-site-{n}')
    tool = os.path.join(TOP, 'tools', 'gen-hugo-site.py')
    stamp = os.path.join(site, '.generated')
    if not os.path.exists(stamp) or os.path.getmtime(stamp) < os.path.getmtime(tool):
        run(['/usr/bin/python3', tool, content, site])
        open(stamp, 'w').close()
    return site


def pages_in(out):
    return sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith('.html'))


def against_hugo(coopgen, places, sizes, runs, wait):
    """coopgen, Hugo and the cmark command in turn, on each file system."""
    version = run(['hugo', 'version']).stdout.split()[1]
    print(f'\ncoopgen against Hugo {version}, side by side: coopgen, Hugo, cmark, '
          f'coopgen, ...; each build into a new folder; {runs} rounds after one '
          f'not counted; '
          f'ratio = Hugo\'s time / coopgen\'s in the same round')
    for n in sizes:
        for place in places:
            os.makedirs(place, exist_ok=True)
            content = tree(place, n)
            site = hugo_site(content, place, n)
            md_file = os.path.join(place, f'bodies-{n}.md')
            bodies(content, md_file)
            cache = os.path.join(place, 'hugo-cache')
            rounds = []

            def coopgen_into(out):
                return [coopgen, 'build', '-q', '--content', content,
                        '--templates', os.path.join(TOP, 'templates'), '--out', out]

            def hugo_into(out):
                return ['hugo', '--quiet', '--noBuildLock', '--source', site,
                        '--destination', out, '--cacheDir', cache]

            print(f'\n{n} activities, {place} ({fs_type(place)})')
            settle(place, wait)
            # A round not counted, to warm the page cache (the tree, the
            # programs, Hugo's site).
            run(coopgen_into(os.path.join(place, f'out-side-{n}-warm-coopgen')))
            run(hugo_into(os.path.join(place, f'out-side-{n}-warm-hugo')))
            print(f'  {"":<7}{"coopgen":>26}{"Hugo":>27}{"cmark":>9}'
                  f'{"Hugo/coopgen":>14}{"coopgen/cmark":>15}')
            for k in range(runs):
                mine = os.path.join(place, f'out-side-{n}-{k}-coopgen')
                theirs = os.path.join(place, f'out-side-{n}-{k}-hugo')
                c = measured(coopgen_into(mine), place)
                h = measured(hugo_into(theirs), place)
                m = measured(['cmark', md_file], place)
                rounds.append((c, h, m))
                print(f'  pair {k + 1}'
                      f'{c[0]:>7.2f} s ({c[3]:.2f} sys) {c[2]:>4.0f} MiB'
                      f'{h[0]:>7.2f} s ({h[3]:.2f} sys) {h[2]:>4.0f} MiB'
                      f'{m[0]:>7.2f} s{h[0] / c[0]:>13.2f}x{c[0] / m[0]:>14.2f}x')
            ratio = median_spread([h[0] / c[0] for c, h, _ in rounds])
            floor = median_spread([c[0] / m[0] for c, _, m in rounds])
            cpu = median_spread([h[1] / c[1] for c, h, _ in rounds])
            wall_c = median_spread([c[0] for c, _, _ in rounds])
            wall_h = median_spread([h[0] for _, h, _ in rounds])
            wall_m = median_spread([m[0] for _, _, m in rounds])
            print(f'  Hugo / coopgen: {ratio[0]:.2f}x ({ratio[1]:.2f}-{ratio[2]:.2f}); '
                  f'in CPU time (user + system) {cpu[0]:.2f}x '
                  f'({cpu[1]:.2f}-{cpu[2]:.2f})')
            print(f'  coopgen / cmark command: {floor[0]:.2f}x '
                  f'({floor[1]:.2f}-{floor[2]:.2f})')
            print(f'  medians: coopgen {wall_c[0]:.2f} s ({wall_c[1]:.2f}-{wall_c[2]:.2f}), '
                  f'Hugo {wall_h[0]:.2f} s ({wall_h[1]:.2f}-{wall_h[2]:.2f}), '
                  f'cmark {wall_m[0]:.2f} s ({wall_m[1]:.2f}-{wall_m[2]:.2f})')
            print(f'  peak memory: coopgen {max(c[2] for c, _, _ in rounds):.0f} MiB, '
                  f'Hugo {max(h[2] for _, h, _ in rounds):.0f} MiB; pages: coopgen '
                  f'{pages_in(mine)}, Hugo {pages_in(theirs)}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('coopgen')
    ap.add_argument('build')
    ap.add_argument('sizes', nargs='?', default='1000 10000 50000')
    ap.add_argument('runs', nargs='?', type=int, default=3)
    ap.add_argument('--tmpfs', default='/dev/shm/coopgen-bench')
    ap.add_argument('--hugo-sizes', default='')
    ap.add_argument('--settle', type=int, default=SETTLE,
                    help='seconds to let the disk forget the last run\'s deletions')
    group = ap.add_mutually_exclusive_group()
    group.add_argument('--only', choices=['hugo'])
    group.add_argument('--no-hugo', action='store_true')
    a = ap.parse_args()
    coopgen = os.path.abspath(a.coopgen)
    build = os.path.abspath(a.build)
    a.tmpfs = os.path.abspath(a.tmpfs)
    sizes = [int(s) for s in a.sizes.split()]
    hugo_sizes = ([int(s) for s in a.hugo_sizes.split()] or
                  [n for n in sizes if n >= 10000] or sizes)
    # The tmpfs, and the build folder's file system unless it is the same.
    places = [a.tmpfs]
    if os.path.realpath(a.tmpfs) != os.path.realpath(build):
        os.makedirs(a.tmpfs, exist_ok=True)
        os.makedirs(build, exist_ok=True)
        if os.stat(a.tmpfs).st_dev != os.stat(build).st_dev:
            places.append(build)
    for place in {build, *places}:
        os.makedirs(place, exist_ok=True)
        set_aside(place)
    print(f'machine: {os.cpu_count()} cores; load average '
          f'{" ".join(open("/proc/loadavg").read().split()[:3])}; '
          f'{a.runs} runs each; median (min-max)')
    if a.only != 'hugo':
        settle(build, a.settle)
        builds(coopgen, build, sizes, a.runs)
        workbook(coopgen, build, a.runs)
    if not a.no_hugo:
        against_hugo(coopgen, places, hugo_sizes, a.runs, a.settle)
    print(f'\nload average at the end: '
          f'{" ".join(open("/proc/loadavg").read().split()[:3])}')
    for place in {build, *places}:
        clear(place)


if __name__ == '__main__':
    main()
