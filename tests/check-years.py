#!/usr/bin/python3
"""Check a build of tests/years/content against tests/years/expected.json.

    check-years.py OUT EXPECTED LABELS NOTES

OUT is the output folder of the build, EXPECTED the hand-computed figures
(tests/years/expected.json), LABELS the label file the build used
(templates/labels.vi.yaml: the captions and column heads of its tables),
NOTES the build's standard error (its renewal notes).

Checks, each year:
  - every hand-computed figure against OUT/<YEAR>/figures.json, one check a
    group (activities.by_kind, agreements.expiring, ...), and against the
    year before's under "previous";
  - projects.by_funder against the partners' projects of expected.json;
  - the agreements page: the agreements signed, proposed, expiring (with
    their months left) and ended, by title, and the count of those in force;
  - each partner's page: its activities by title, the count of its
    agreements in force, its projects with their status and count;
and the renewal notes of the last year against its expiring agreements.

Across the years (issue #14), once the build writes them:
  - OUT/years.json: each year's tree is that year's figures.json without
    "year" and "previous", and holds the hand-computed figures;
  - OUT/partners/<ID>.html: the partner's dossier names every activity,
    agreement and project of the partner over the years, and no activity
    or agreement of another.
While a build writes neither, those checks are skipped and print nothing:
there is nothing yet to pass or fail.

Prints one line per check, "pass NAME" or "fail NAME: why", for
tests/run-years to count.
"""
import html.parser
import json
import os
import re
import sys

# The groups of figures compared one check each, by path in figures.json.
GROUPS = [
    'activities.total', 'activities.records', 'activities.by_framework',
    'activities.by_kind', 'activities.by_month', 'activities.by_partner',
    'agreements.in_force', 'agreements.signed', 'agreements.proposed',
    'agreements.expiring', 'agreements.ended', 'agreements.by_partner',
    'projects.total', 'projects.by_status',
]
# The tables of the agreements page, in the order the page has them.
AGREEMENT_TABLES = ['in_force', 'signed', 'proposed', 'expiring', 'ended']
PROJECT_STATUSES = ['completed', 'ongoing', 'preparing', 'proposed']


def report(name, problems):
    if problems:
        print('fail %s: %s' % (name, '; '.join(problems)))
    else:
        print('pass %s' % name)


def at(tree, path):
    """The value at a dotted path, or None when part of it is missing."""
    for key in path.split('.'):
        if not isinstance(tree, dict) or key not in tree:
            return None
        tree = tree[key]
    return tree


def differences(want, got, path, names=('hand', 'coopgen')):
    """Where got differs from want: every leaf of want, by path. names:
    what want and got are, for the message."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return ['%s: expected an object, got %s' % (path, json.dumps(got))]
        out = []
        for key, value in want.items():
            out += differences(value, got.get(key), path + '.' + key, names)
        for key in got:
            if key not in want:
                out.append('%s.%s: not expected (%s)' % (path, key,
                           json.dumps(got[key])))
        return out
    if want != got:
        return ['%s: %s %s, %s %s' % (path, names[0], json.dumps(want),
                                      names[1], json.dumps(got))]
    return []


def read_labels(path):
    """The labels file's "key: value" lines (the file is flat YAML)."""
    labels = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^([a-z0-9_]+): (.*)$', line.rstrip('\n'))
            if not m:
                continue
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            labels[m.group(1)] = value
    return labels


class Page(html.parser.HTMLParser):
    """The tables (caption, head, body rows) and record lists of a page,
    and its text."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.tables = []
        self.records = []	# the link text of each li of a ul.records
        self.text = []
        self._table = None
        self._part = None	# thead, tbody, tfoot
        self._row = None
        self._cell = None
        self._caption = None
        self._in_records = 0
        self._li_link = None
        self._li_done = False
        with open(path, encoding='utf-8') as f:
            self.feed(f.read())
        self.close()
        self.text = ''.join(self.text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'table':
            self._table = {'caption': '', 'head': [], 'rows': []}
        elif self._table is not None and tag in ('thead', 'tbody', 'tfoot'):
            self._part = tag
        elif self._table is not None and tag == 'tr':
            self._row = []
        elif self._table is not None and tag in ('th', 'td'):
            self._cell = []
        elif self._table is not None and tag == 'caption':
            self._caption = []
        elif tag == 'ul' and 'records' in (attrs.get('class') or '').split():
            self._in_records += 1
        elif tag == 'li' and self._in_records:
            self._li_link = None
            self._li_done = False
        elif tag == 'a' and self._in_records and not self._li_done:
            self._li_link = []

    def handle_endtag(self, tag):
        if tag == 'table' and self._table is not None:
            self.tables.append(self._table)
            self._table = None
        elif tag in ('thead', 'tbody', 'tfoot'):
            self._part = None
        elif tag == 'caption' and self._caption is not None:
            self._table['caption'] = ' '.join(''.join(self._caption).split())
            self._caption = None
        elif tag in ('th', 'td') and self._cell is not None:
            self._row.append(' '.join(''.join(self._cell).split()))
            self._cell = None
        elif tag == 'tr' and self._row is not None:
            if self._part == 'thead':
                self._table['head'] = self._row
            elif self._part == 'tbody':
                self._table['rows'].append(self._row)
            self._row = None
        elif tag == 'ul' and self._in_records:
            self._in_records -= 1
        elif tag == 'a' and self._li_link is not None and not self._li_done:
            self.records.append(' '.join(''.join(self._li_link).split()))
            self._li_link = None
            self._li_done = True

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)
        if self._li_link is not None:
            self._li_link.append(data)


def records(table, labels):
    """The rows of a table that are records: those with a count (an empty
    list shows a row "(không có)" with no count)."""
    if labels['col_count'] not in table['head']:
        return []
    i = table['head'].index(labels['col_count'])
    return [row for row in table['rows'] if i < len(row) and row[i]]


def column(table, head, labels):
    """The cells of the column headed head in the records of table, or
    None."""
    if head not in table['head']:
        return None
    i = table['head'].index(head)
    return [row[i] for row in records(table, labels)]


def check_figures(year, want, figures):
    for group in GROUPS:
        report('years/%s/%s' % (year, group),
               differences(at(want, group), at(figures, group), group))


def check_previous(year, expected, figures):
    before = str(int(year) - 1)
    name = 'years/%s/previous' % year
    if before not in expected['years']:
        report(name, ['figures.json has "previous", and the content has no '
                      '%s' % before] if 'previous' in figures else [])
        return
    prev = figures.get('previous')
    if not isinstance(prev, dict):
        report(name, ['no "previous" in figures.json'])
        return
    problems = [] if prev.get('year') == int(before) else [
        'previous.year is %s' % json.dumps(prev.get('year'))]
    for group in GROUPS:
        problems += differences(at(expected['years'][before], group),
                                at(prev, group), 'previous.' + group)
    report(name, problems)


def check_funders(year, expected, figures):
    """projects.by_funder from the partners' projects, worked out by hand."""
    problems = []
    for pid, partner in expected['partners'].items():
        want = {'total': 0}
        want.update({s: 0 for s in PROJECT_STATUSES})
        for project in partner['projects'][year]:
            want['total'] += project['count']
            want[project['status']] += project['count']
        problems += differences(want, at(figures, 'projects.by_funder.' + pid),
                                'projects.by_funder.' + pid)
    report('years/%s/projects.by_funder' % year, problems)


def check_agreements_page(out, year, expected, labels):
    page = Page(os.path.join(out, year, 'agreements.html'))
    lists = expected['agreement_lists'][year]
    if len(page.tables) != len(AGREEMENT_TABLES):
        report('years/%s/agreements.html' % year,
               ['%d tables, expected %d (%s)' % (len(page.tables),
                len(AGREEMENT_TABLES), ', '.join(AGREEMENT_TABLES))])
        return
    for which, table in zip(AGREEMENT_TABLES, page.tables):
        name = 'years/%s/agreements.html/%s' % (year, which)
        caption = labels['title_agreements_' + which].replace('{year}', year)
        if table['caption'] != caption:
            report(name, ['caption "%s", expected "%s"' % (table['caption'],
                          caption)])
            continue
        counts = column(table, labels['col_count'], labels)
        if which == 'in_force':
            total = sum(int(n) for n in counts or [])
            want = expected['years'][year]['agreements']['in_force']['total']
            report(name, [] if total == want else [
                'the counts add up to %d, by hand %d' % (total, want)])
            continue
        titles = [row[0] for row in records(table, labels)]
        if which == 'expiring':
            months = column(table, labels['col_months_left'], labels)
            got = sorted(zip(titles, [int(m) for m in months or []]))
            want = sorted((a['title'], a['months_left'])
                          for a in lists['expiring'])
        else:
            got, want = sorted(titles), sorted(lists[which])
        report(name, [] if got == want else [
            'page lists %s, by hand %s' % (json.dumps(got, ensure_ascii=False),
                                           json.dumps(want, ensure_ascii=False))])


def check_partner_page(out, year, pid, partner, labels):
    name = 'years/%s/partners/%s' % (year, pid)
    path = os.path.join(out, year, 'partners', pid + '.html')
    if not os.path.exists(path):
        report(name, ['no %s' % path])
        return
    page = Page(path)
    problems = []
    got, want = sorted(page.records), sorted(partner['activity_titles'][year])
    if got != want:
        problems.append('activities %s, by hand %s' % (
            json.dumps(got, ensure_ascii=False),
            json.dumps(want, ensure_ascii=False)))
    in_force = labels['title_agreements_in_force'].replace('{year}', year)
    projects = labels['title_projects'].replace('{year}', year)
    agreements = sum(int(n) for t in page.tables if t['caption'] == in_force
                     for n in column(t, labels['col_count'], labels) or [])
    if agreements != partner['agreements_in_force'][year]:
        problems.append('agreements in force add up to %d, by hand %d' % (
            agreements, partner['agreements_in_force'][year]))
    status_label = {labels['status_' + s]: s for s in PROJECT_STATUSES}
    got = sorted((row[0], status_label.get(row[2], row[2]),
                  int(row[-1]))
                 for t in page.tables if t['caption'] == projects
                 for row in records(t, labels))
    want = sorted((p['title'], p['status'], p['count'])
                  for p in partner['projects'][year])
    if got != want:
        problems.append('projects %s, by hand %s' % (
            json.dumps(got, ensure_ascii=False),
            json.dumps(want, ensure_ascii=False)))
    report(name, problems)


def check_notes(expected, notes_path):
    """The renewal notes of the last year: its expiring agreements, with
    their months left."""
    last = max(expected['years'])
    pattern = re.compile(r"^agreements\.yaml:\d+:\d+: note: agreement '(.*)' "
                         r"expires \S+, within (\d+) months? of the end of "
                         r"(\d+) ")
    got = []
    with open(notes_path, encoding='utf-8') as f:
        for line in f:
            m = pattern.match(line)
            if m:
                got.append((m.group(1), int(m.group(2)), m.group(3)))
    want = [(a['title'], a['months_left'], last)
            for a in expected['agreement_lists'][last]['expiring']]
    report('years/notes', [] if sorted(got) == sorted(want) else [
        'notes %s, by hand %s' % (json.dumps(sorted(got), ensure_ascii=False),
                                  json.dumps(sorted(want),
                                             ensure_ascii=False))])


def check_years_json(out, expected, figures):
    # Absent until issue #14's years.json is built: then nothing to check.
    path = os.path.join(out, 'years.json')
    if not os.path.exists(path):
        return
    try:
        with open(path, encoding='utf-8') as f:
            years = json.load(f)
    except ValueError as e:
        report('years/years.json', ['not JSON: %s' % e])
        return
    report('years/years.json', [] if sorted(years) == sorted(figures) else [
        'years %s, expected %s' % (sorted(years), sorted(figures))])
    for year, tree in sorted(figures.items()):
        own = {k: v for k, v in tree.items() if k not in ('year', 'previous')}
        report('years/years.json/%s/figures.json' % year,
               differences(own, years.get(year), year,
                           ('figures.json', 'years.json')))
        problems = []
        for group in GROUPS:
            problems += differences(at(expected['years'][year], group),
                                    at(years.get(year), group), group,
                                    ('hand', 'years.json'))
        report('years/years.json/%s/expected' % year, problems)


def check_dossiers(out, expected):
    # Absent until issue #14's partner dossiers are built: then skipped.
    folder = os.path.join(out, 'partners')
    if not os.path.isdir(folder):
        return
    partners = expected['partners']

    def names(p):
        """Titles of p's activities and agreements, and its projects'."""
        acts = {t for ts in partners[p]['activity_titles'].values()
                for t in ts}
        projects = {x['title'] for xs in partners[p]['projects'].values()
                    for x in xs}
        return acts | set(partners[p]['agreements']), projects

    for pid in partners:
        name = 'years/dossier/%s' % pid
        path = os.path.join(folder, pid + '.html')
        own, projects = names(pid)
        # A partner no record names has no dossier (issue #14: "every
        # partner that any year or agreement names").
        if not own and not projects:
            report(name, ['%s: a dossier of a partner no record names'
                          % path] if os.path.exists(path) else [])
            continue
        if not os.path.exists(path):
            report(name, ['no %s' % path])
            continue
        text = ' '.join(Page(path).text.split())
        problems = ['missing "%s"' % t for t in sorted(own | projects)
                    if t not in text]
        # Another partner's activity or agreement is not this one's, unless
        # its title is part of one of this partner's own.
        for other in partners:
            if other == pid:
                continue
            for t in sorted(names(other)[0] - own):
                if t in text and not any(t in mine for mine in own):
                    problems.append('names %s\'s "%s"' % (other, t))
        report(name, problems)


def main():
    out, expected_path, labels_path, notes_path = sys.argv[1:5]
    with open(expected_path, encoding='utf-8') as f:
        expected = json.load(f)
    labels = read_labels(labels_path)
    figures = {}
    for year in sorted(expected['years']):
        path = os.path.join(out, year, 'figures.json')
        try:
            with open(path, encoding='utf-8') as f:
                figures[year] = json.load(f)
        except (OSError, ValueError) as e:
            report('years/%s/figures.json' % year, [str(e)])
            continue
        want = expected['years'][year]
        check_figures(year, want, figures[year])
        check_previous(year, expected, figures[year])
        check_funders(year, expected, figures[year])
        check_agreements_page(out, year, expected, labels)
        for pid, partner in expected['partners'].items():
            check_partner_page(out, year, pid, partner, labels)
    check_notes(expected, notes_path)
    check_years_json(out, expected, figures)
    check_dossiers(out, expected)


if __name__ == '__main__':  # check-across.py imports its page reader
    try:
        main()
    except Exception:  # one failure, with the traceback, not one a line
        import traceback
        print('fail years/checker: %s' % ' | '.join(
              traceback.format_exc().strip().splitlines()))
