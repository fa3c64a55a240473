#!/usr/bin/python3
"""A rebuild is a fresh build: a randomised differential test.

    differential.py COOPGEN TOP SEEDS STEPS

For each seed (a number, or FIRST-LAST), a copy of the example content
and templates is built into out/, then STEPS times: a few edits drawn
at random from the list below are made (to the content, the templates
or the output), out/ is built again, and the same content is built into
a new folder. The two must agree in exit status, messages and every
file (path, kind, mode, bytes) of what coopgen wrote; a rebuild that
fails must leave out/ as it was. Both builds run under the same umask,
drawn at random too.

Each seed prints "pass differential/SEED" or "fail differential/SEED"
with the step, the edits that led there and what differed; the lines go
to $RESULTS when it is set (tests/run-all counts them). The same seed
always makes the same edits.
"""
import os
import random
import re
import shutil
import stat
import subprocess
import sys
import tempfile

SLOW_MS = re.compile(rb' in [0-9]+ ms')


def report(line):
    failing = line.startswith('fail')
    print(line, file=sys.stderr if failing else sys.stdout)
    results = os.environ.get('RESULTS')
    if results:
        with open(results, 'a') as f:
            f.write(line.split('\n')[0] + '\n')


def snapshot(root):
    """Every entry under root: path -> (kind, mode, bytes or target)."""
    tree = {}
    if not os.path.isdir(root):
        return None
    for here, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(dirs + files):
            path = os.path.join(here, name)
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            mode = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                tree[rel] = ('link', mode, os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                tree[rel] = ('dir', mode, None)
            elif stat.S_ISREG(st.st_mode):
                with open(path, 'rb') as f:
                    tree[rel] = ('file', mode, f.read())
            else:
                tree[rel] = ('other', mode, None)
    return tree


class Site:
    """A content folder, its templates and its output, and the edits."""

    def __init__(self, top, work, rnd):
        self.work = work
        self.rnd = rnd
        self.content = os.path.join(work, 'content')
        self.templates = os.path.join(work, 'templates')
        shutil.copytree(os.path.join(top, 'content'), self.content,
                        symlinks=True)
        shutil.copytree(os.path.join(top, 'templates'), self.templates,
                        symlinks=True)
        self.foreign = set()
        self.edited = set()
        self.kept = set()

    def files(self, sub='', suffix=''):
        found = []
        for here, dirs, names in os.walk(os.path.join(self.content, sub)):
            dirs.sort()
            for n in sorted(names):
                p = os.path.join(here, n)
                if (n.endswith(suffix) and not n.startswith('.')
                        and not os.path.islink(p)):
                    found.append(p)
        return found

    def activities(self):
        return [f for f in self.files(suffix='.md')
                if os.sep + 'activities' + os.sep in f]

    def years(self):
        return sorted(n for n in os.listdir(self.content)
                      if re.fullmatch(r'[0-9]{4}', n))

    # Each edit returns a word for the log, or None when it did nothing.

    def touch(self):
        f = self.rnd.choice(self.files())
        os.utime(f)
        return 'touch ' + os.path.relpath(f, self.content)

    def count(self):
        acts = self.activities()
        if not acts:
            return None
        f = self.rnd.choice(acts)
        text = open(f, encoding='utf-8').read()
        n = self.rnd.choice([1, 2, 3, 12])
        text, k = re.subn(r'(?m)^count: .*$', 'count: %d' % n, text)
        if k == 0:
            text = text.replace('\ntitle:', '\ncount: %d\ntitle:' % n, 1)
        open(f, 'w', encoding='utf-8').write(text)
        return 'count %d in %s' % (n, os.path.relpath(f, self.content))

    def body(self):
        acts = self.activities()
        if not acts:
            return None
        f = self.rnd.choice(acts)
        other = os.path.basename(self.rnd.choice(acts))
        line = self.rnd.choice([
            '\nMột câu thêm vào.\n',
            '\nXem [hoạt động](activities/%s).\n' % other,
            '\nXem [hoạt động](activities/%s).\n'
            % other.replace('.md', '&#46;md'),
            '\nCó {{stat activities.total}} hoạt động.\n',
        ])
        with open(f, 'a', encoding='utf-8') as out:
            out.write(line)
        return 'body of %s: %r' % (os.path.relpath(f, self.content), line)

    def title(self):
        acts = self.activities()
        if not acts:
            return None
        f = self.rnd.choice(acts)
        text = open(f, encoding='utf-8').read()
        text = re.sub(r'(?m)^title: (.*)$',
                      lambda m: 'title: ' + m.group(1) + ' (sửa)', text,
                      count=1)
        open(f, 'w', encoding='utf-8').write(text)
        return 'title of ' + os.path.relpath(f, self.content)

    def rename(self):
        acts = self.activities()
        if not acts:
            return None
        f = self.rnd.choice(acts)
        to = os.path.join(os.path.dirname(f),
                          'doi-ten-%d.md' % self.rnd.randrange(1000))
        if os.path.exists(to):
            return None
        os.rename(f, to)
        return 'rename %s' % os.path.relpath(f, self.content)

    def copy(self):
        acts = self.activities()
        if not acts:
            return None
        f = self.rnd.choice(acts)
        stem = f[:-3]
        to = self.rnd.choice([stem + ' (1).md', stem + ' - Copy.md',
                              stem + '-ban-sao.md'])
        shutil.copyfile(f, to)
        return 'copy %s' % os.path.relpath(to, self.content)

    def link(self):
        acts = self.activities()
        if not acts:
            return None
        f = self.rnd.choice(acts)
        d = os.path.dirname(f)
        if self.rnd.random() < 0.5:
            # The file moves to a hidden name, a link stays in its place.
            hidden = os.path.join(d, '.' + os.path.basename(f))
            if os.path.exists(hidden):
                return None
            os.rename(f, hidden)
            os.symlink(os.path.basename(hidden), f)
            return 'link %s to a hidden file' % os.path.relpath(
                f, self.content)
        to = os.path.join(d, 'lien-ket-%d.md' % self.rnd.randrange(1000))
        if os.path.lexists(to):
            return None
        os.symlink(os.path.basename(f), to)
        return 'link %s' % os.path.relpath(to, self.content)

    def delete(self):
        acts = self.activities()
        if len(acts) < 2:
            return None
        f = self.rnd.choice(acts)
        os.unlink(f)
        return 'delete ' + os.path.relpath(f, self.content)

    def add_year(self):
        years = self.years()
        new = str(int(years[-1]) + 1)
        if int(new) > 2030:
            return None
        src = os.path.join(self.content, years[-1])
        dst = os.path.join(self.content, new)
        shutil.copytree(src, dst, symlinks=True)
        for here, _, names in os.walk(dst):
            for n in names:
                p = os.path.join(here, n)
                if os.path.islink(p) or not n.endswith(('.md', '.yaml')):
                    continue
                text = open(p, encoding='utf-8').read()
                open(p, 'w', encoding='utf-8').write(
                    text.replace(years[-1], new))
        return 'add year ' + new

    def drop_year(self):
        years = self.years()
        if len(years) < 2:
            return None
        shutil.rmtree(os.path.join(self.content, years[-1]))
        return 'drop year ' + years[-1]

    def template(self):
        css = os.path.join(self.templates, 'style.css')
        with open(css, 'a') as f:
            f.write('/* %d */\n' % self.rnd.randrange(1000))
        return 'edit style.css'

    def chmod(self):
        f = self.rnd.choice(self.files())
        mode = self.rnd.choice([0o600, 0o644, 0o666])
        os.chmod(f, mode)
        return 'chmod %o %s' % (mode, os.path.relpath(f, self.content))

    # What someone does to the output between builds.

    def out_files(self, out):
        found = []
        for here, dirs, names in os.walk(out):
            dirs.sort()
            found += [os.path.join(here, n) for n in sorted(names)
                      if not n.startswith('.')
                      and os.path.relpath(os.path.join(here, n), out)
                      not in self.foreign]
        return found

    def out_edit(self, out):
        pages = self.out_files(out)
        if not pages:
            return None
        f = self.rnd.choice(pages)
        what = self.rnd.choice(['delete', 'overwrite', 'chmod'])
        if what == 'delete':
            os.unlink(f)
        elif what == 'overwrite':
            with open(f, 'w') as g:
                g.write('sửa tay\n')
            # Someone's now: rewritten while coopgen makes it, kept (with
            # a warning) once it no longer does.
            self.edited.add(os.path.relpath(f, out))
        else:
            os.chmod(f, 0o600)
        return 'out: %s %s' % (what, os.path.relpath(f, out))

    def out_foreign(self, out):
        if not os.path.isdir(out):
            return None
        rel = self.rnd.choice(['CNAME', '.htaccess', '2023/ghi-chu.txt',
                               '.git/HEAD'])
        path = os.path.join(out, rel)
        if not os.path.isdir(os.path.dirname(path)):
            return None
        with open(path, 'w') as f:
            f.write('not coopgen\'s\n')
        self.foreign.add(rel)
        return 'out: foreign ' + rel

    EDITS = ['touch', 'count', 'body', 'title', 'rename', 'copy', 'link',
             'delete', 'add_year', 'drop_year', 'template', 'chmod']


def build(coopgen, site, parent, umask):
    """Build site into parent/out, from inside parent."""
    old = os.umask(umask)
    try:
        run = subprocess.run(
            [coopgen, 'build', '-j', '2', '--content', site.content,
             '--templates', site.templates, '--out', 'out'],
            cwd=parent, capture_output=True, timeout=120,
            env=dict(os.environ, TZ='UTC', LC_ALL='C'))
    finally:
        os.umask(old)
    return run.returncode, SLOW_MS.sub(b'', run.stdout), run.stderr


def compare(mine, fresh, foreign):
    if mine is None or fresh is None:
        return [] if mine == fresh else ['one output folder is missing']
    problems = []
    for rel in sorted(set(mine) | set(fresh)):
        if rel in foreign or any(rel.startswith(f + '/') for f in foreign):
            continue
        if rel.split('/')[0] == '.git':
            continue
        a, b = mine.get(rel), fresh.get(rel)
        if a is None or b is None:
            problems.append('%s: only in the %s' % (
                rel, 'rebuild' if b is None else 'fresh build'))
        elif a != b:
            what = 'kind' if a[0] != b[0] else 'mode %o against %o' % (
                a[1], b[1]) if a[1] != b[1] else 'bytes'
            problems.append('%s: %s differ' % (rel, what))
    return problems


def one_seed(coopgen, top, seed, steps):
    rnd = random.Random(seed)
    work = tempfile.mkdtemp(prefix='coopgen-diff.')
    log = []
    try:
        site = Site(top, work, rnd)
        mine = os.path.join(work, 'mine')
        os.mkdir(mine)
        out = os.path.join(mine, 'out')
        build(coopgen, site, mine, 0o022)
        for step in range(steps):
            for _ in range(rnd.randint(1, 3)):
                r = rnd.random()
                if r < 0.15:
                    did = site.out_edit(out)
                elif r < 0.2:
                    did = site.out_foreign(out)
                else:
                    did = getattr(site, rnd.choice(Site.EDITS))()
                if did:
                    log.append('%d: %s' % (step, did))
            umask = rnd.choice([0o022, 0o077, 0o002])
            before = snapshot(out)
            got = build(coopgen, site, mine, umask)
            fresh_parent = os.path.join(work, 'fresh%d' % step)
            os.mkdir(fresh_parent)
            want = build(coopgen, site, fresh_parent, umask)
            problems = []
            if got[0] != want[0]:
                problems.append('exit status %d, a fresh build %d'
                                % (got[0], want[0]))
            kept = re.compile(rb'[^\n]*: warning: kept ([^:]*): coopgen '
                              rb'wrote it and no longer does[^\n]*\n')
            kept_now = {m.decode() for m in kept.findall(got[2])}
            got = (got[0], got[1], kept.sub(b'', got[2]))
            site.kept |= kept_now
            if kept_now - site.edited:
                problems.append('kept, but not edited: %s'
                                % ', '.join(sorted(kept_now - site.edited)))
            if got[1:] != want[1:]:
                problems.append('messages differ:\n%s\n--- a fresh '
                                'build:\n%s' % (
                                    (got[1] + got[2]).decode(errors='replace'),
                                    (want[1] + want[2]).decode(
                                        errors='replace')))
            if got[0] == 0:
                after = snapshot(out)
                problems += compare(after, snapshot(
                    os.path.join(fresh_parent, 'out')),
                    site.foreign | site.kept)
                # What someone else put there is kept, as it was.
                problems += ['%s: not kept' % rel for rel in
                             sorted(site.foreign) if after is None
                             or rel not in after or after[rel][2]
                             != b"not coopgen's\n"]
            else:
                after = snapshot(out)
                if after != before:
                    problems.append('a failed rebuild changed the output')
                # Keep going from where the content is right again.
            shutil.rmtree(fresh_parent)
            if problems:
                return 'fail differential/%d (umask %03o)\n  %s\n  after:\n'\
                    '    %s' % (seed, umask, '\n  '.join(problems[:10]),
                               '\n    '.join(log))
        return 'pass differential/%d' % seed
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    coopgen, top, seeds, steps = sys.argv[1:5]
    coopgen = os.path.abspath(coopgen)
    if '-' in seeds:
        first, last = seeds.split('-')
        seeds = range(int(first), int(last) + 1)
    else:
        seeds = [int(seeds)]
    failed = 0
    for seed in seeds:
        line = one_seed(coopgen, top, seed, int(steps))
        report(line)
        failed += line.startswith('fail')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
