#!/usr/bin/python3
"""The partners' dossiers (out/partners/) against the content and each
year's figures.json.

    check-dossiers.py CONTENT OUT

Reads the records themselves (partners.yaml, agreements.yaml, each year's
activities.yaml, activities/*.md front matter and projects.yaml) with
PyYAML, not through coopgen, and checks:

- the index lists exactly the partners some record names (an activity or
  a project of any year, as a partner or funder, or an agreement), each
  linked to its dossier, with its totals: the activities.by_partner and
  projects.by_funder.<id>.total of every year's figures.json added up,
  and the counts of the agreements that name it;
- each dossier's table of activities per year has a row for every year,
  its total equal to that year's activities.by_partner.<id>;
- each dossier lists, under each year, the titles of every activity of
  that year naming the partner (no more, no fewer), each linking to a
  page of that year's activities folder whose <h1> is that title;
- each dossier lists the agreements that name the partner, in order of
  time (signed, else proposed; undated last);
- each year's partner page links to the dossier (../../partners/<id>.html)
  exactly when the partner has one.

Prints "pass dossiers/WHAT" or "fail dossiers/WHAT: why" for each check.
"""
import collections
import glob
import html.parser
import json
import os
import re
import sys

import yaml


class Page(html.parser.HTMLParser):
    """The tables (by the id of their div), the list groups (by their
    section's id) and the links and <h1> of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = {}        # id -> rows of [(text, href)]
        self.groups = {}        # id -> [(title, href)]
        self.links = []
        self.h1 = None
        self._table = self._group = None
        self._cell = self._href = None
        self._item = None
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'a' and a.get('href') is not None:
            self.links.append(a['href'])
            self._href = a['href']
            if self._group is not None:
                self._item = ['', a['href']]
        if tag == 'div' and a.get('class') == 'table':
            self._table = a.get('id')
            self.tables[self._table] = []
        elif tag == 'section' and a.get('class') == 'group':
            self._group = a.get('aria-labelledby')
            self.groups[self._group] = []
        elif tag == 'tr' and self._table is not None:
            self.tables[self._table].append([])
        elif tag in ('td', 'th') and self._table is not None:
            self._cell = ''
            self._href = None
        elif tag == 'h1':
            self._in_h1 = True
            self.h1 = ''

    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self._cell is not None:
            self.tables[self._table][-1].append((self._cell, self._href))
            self._cell = None
        elif tag == 'table':
            self._table = None
        elif tag == 'a' and self._item is not None:
            self.groups[self._group].append(tuple(self._item))
            self._item = None
        elif tag == 'section' and self._group is not None:
            self._group = None
        elif tag == 'h1':
            self._in_h1 = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._item is not None:
            self._item[0] += data
        if self._in_h1:
            self.h1 += data


def parse(path):
    p = Page()
    with open(path, encoding='utf-8') as f:
        p.feed(f.read())
    return p


def load(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return yaml.safe_load(f) or []


def front_matter(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    m = re.match(r'---\n(.*?)\n---(\n|$)', text, re.S)
    return yaml.safe_load(m.group(1)) if m else {}


def ids(value):
    """A record's partners: a list, or one id alone."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def number(text):
    """A count as the pages write it, thousands separated by '.' or ','."""
    return int(re.sub(r'[.,\s]', '', text))


def date_key(value):
    """A record's date ("2023", "2023-06", "2023-06-15", or as YAML read
    it) as a (year, month, day) tuple, 0 for what is not known."""
    if value is None or value == '':
        return None
    parts = [int(x) for x in str(value).split('-')]
    return tuple(parts + [0] * (3 - len(parts)))


def main(content, out):
    results = []

    def check(name, ok, why=''):
        results.append(f'pass dossiers/{name}' if ok else
                       f'fail dossiers/{name}: {why}')

    partners = [p['id'] for p in load(os.path.join(content, 'partners.yaml'))]
    agreements = load(os.path.join(content, 'agreements.yaml'))
    years = sorted(int(d) for d in os.listdir(content)
                   if re.fullmatch(r'\d{4}', d) and
                   os.path.isdir(os.path.join(content, d)))

    # What the records say: each year's activities of each partner, the
    # projects' funders, the agreements' partners.
    acts = collections.defaultdict(list)        # (year, id) -> [titles]
    named = set()
    projects = collections.Counter()            # id -> count, each
    latest = {}                                 # project once: (id, title)
    for y in years:
        ydir = os.path.join(content, str(y))
        records = list(load(os.path.join(ydir, 'activities.yaml')))
        records += [front_matter(f) for f in
                    sorted(glob.glob(os.path.join(ydir, 'activities', '*.md')))]
        for r in records:
            for p in ids(r.get('partners')):
                acts[(y, p)].append(r['title'])
                named.add(p)
        for r in load(os.path.join(ydir, 'projects.yaml')):
            named.add(r['funder'])
            projects[r['funder']] += r.get('count', 1)
            latest[(r['funder'], r['title'])] = r.get('count', 1)
    agreement_count = collections.Counter()
    for a in agreements:
        for p in ids(a.get('partners')):
            named.add(p)
            agreement_count[p] += a.get('count', 1)

    figures = {}
    for y in years:
        with open(os.path.join(out, str(y), 'figures.json'),
                  encoding='utf-8') as f:
            figures[y] = json.load(f)

    # The index: exactly the partners named, each with its totals.
    index = parse(os.path.join(out, 'partners', 'index.html'))
    rows = index.tables.get('dossiers', [])[1:]
    listed = {}
    for r in rows:
        m = re.fullmatch(r'\.\./partners/([^/]+)\.html', r[0][1] or '')
        if m:
            listed[m.group(1)] = [number(c[0]) for c in r[3:6]]
    check('index-lists-the-named', set(listed) == named,
          f'listed {sorted(listed)}, named {sorted(named)}')
    check('index-in-partners-order',
          list(listed) == [p for p in partners if p in named],
          f'{list(listed)}')
    for p in sorted(named):
        # A project told again each year counts once, as its latest
        # record says.
        want = [sum(figures[y]['activities']['by_partner'][p] for y in years),
                agreement_count[p],
                sum(c for (f, _), c in latest.items() if f == p)]
        check(f'index-totals/{p}', listed.get(p) == want,
              f'the index says {listed.get(p)}, the records {want} '
              '(activities, agreements, projects)')
        by_year = sum(figures[y]['projects']['by_funder'][p]['total']
                      for y in years)
        check(f'index-projects-records/{p}', by_year == projects[p],
              f'figures {by_year}, records {projects[p]}')

    # Each dossier.
    for p in sorted(named):
        path = os.path.join(out, 'partners', p + '.html')
        if not os.path.isfile(path):
            check(f'page/{p}', False, 'no dossier')
            continue
        page = parse(path)
        per_year = {}
        for r in page.tables.get('activities-by-year', [])[1:-1]:
            per_year[int(r[0][0])] = number(r[-1][0])
        want = {y: figures[y]['activities']['by_partner'][p] for y in years}
        check(f'counts-per-year/{p}', per_year == want,
              f'the dossier says {per_year}, figures.json {want}')

        for y in years:
            group = page.groups.get(f'activities-{y}', [])
            titles = sorted(t for t, _ in group)
            check(f'activities/{p}/{y}', titles == sorted(acts[(y, p)]),
                  f'listed {titles}, the records {sorted(acts[(y, p)])}')
            bad = []
            for title, href in group:
                if not re.fullmatch(rf'\.\./{y}/activities/[^/]+\.html',
                                    href):
                    bad.append(f'{href}: not in {y}/activities/')
                    continue
                target = os.path.normpath(os.path.join(
                    os.path.dirname(path), href))
                if not os.path.isfile(target):
                    bad.append(f'{href}: no such page')
                elif parse(target).h1 != title:
                    bad.append(f'{href}: not the page of "{title}"')
            check(f'activity-links/{p}/{y}', group and not bad or
                  not acts[(y, p)], '; '.join(bad[:5]) or 'no links')

        def when(a):
            d = date_key(a.get('signed')) or date_key(a.get('proposed'))
            return (d is None, d or (0, 0, 0))
        mine = [a['title'] for a in sorted(
            (a for a in agreements if p in ids(a.get('partners'))),
            key=when)]
        body = page.tables.get('agreements-table', [])[1:-1]
        shown = [r[0][0] for r in body]
        if mine:
            ok = shown == mine
        else:
            # A row saying there is none, and nothing in its cells.
            ok = len(body) == 1 and not any(c[0] for c in body[0][1:])
        check(f'agreements/{p}', ok,
              f'the dossier lists {shown}, the records in time {mine}')

    # Each year's partner page links to the dossier when there is one.
    for y in years:
        bad = []
        for path in sorted(glob.glob(os.path.join(out, str(y), 'partners',
                                                  '*.html'))):
            p = os.path.basename(path)[:-5]
            if p == 'index':
                continue
            links = f'../../partners/{p}.html' in parse(path).links
            if links != (p in named):
                bad.append(f'{p}: {"a link" if links else "no link"}')
        check(f'year-page-links/{y}', not bad, '; '.join(bad))

    print('\n'.join(results))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
