#!/usr/bin/python3
"""The years side by side, in a build of tests/years/content, against the
figures worked out by hand in tests/years/expected.json.

    check-across.py OUT EXPECTED

Checks:
  - the home page (OUT/index.html): the table of the headline figures
    with a column per year and, under each figure, its change from the
    year before; a column chart per figure with a column per year;
  - each year's statistics page: beside each table of one figure per row,
    the same figure of up to four earlier years (none for the first year);
  - {{trend}} and {{stat years...}} in the 2022 chapter (the page and
    report.docx): the figure of each year up to 2022, with its change;
  - OUT/years.json: exactly the years of the content, ascending.

Prints "pass NAME" or "fail NAME: why" per check, for tests/run-years.
"""
import importlib.util
import json
import os
import re
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    'check_years', os.path.join(here, 'check-years.py'))
cy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cy)
Page, report = cy.Page, cy.report

# The headline figures of the home page's table, in its order, with the
# row heads of labels.vi.yaml.
HEADLINES = [
    ('activities.total', 'Hoạt động hợp tác quốc tế'),
    ('agreements.in_force.total', 'Thỏa thuận quốc tế còn hiệu lực'),
    ('agreements.signed', 'Thỏa thuận ký mới trong năm'),
    ('projects.total', 'Dự án do đối tác tài trợ'),
]


def at(tree, path):
    for k in path.split('.'):
        tree = tree[k]
    return tree


def number(n):
    """n as the site writes it in Vietnamese: 1.234."""
    return '{:,}'.format(n).replace(',', '.')


def change(n):
    return ('+' if n > 0 else '') + number(n)


def table(page, caption):
    for t in page.tables:
        if t['caption'] == caption:
            return t
    return None


def check_home(out, years, hand):
    page = Page(os.path.join(out, 'index.html'))
    t = table(page, 'Số liệu chính qua các năm')
    if t is None:
        report('across/home-table', ['no table "Số liệu chính qua các năm"'])
        return
    problems = []
    if t['head'] != ['Chỉ số'] + years:
        problems.append('heads %r' % t['head'])
    want = []
    for path, name in HEADLINES:
        values = [at(hand[y], path) for y in years]
        want.append([name] + [number(v) for v in values])
        want.append(['Tăng/giảm', ''] + [change(values[i] - values[i - 1])
                                         for i in range(1, len(values))])
    if t['rows'] != want:
        problems.append('rows %r, by hand %r' % (t['rows'], want))
    report('across/home-table', problems)

    # A chart per figure: its caption, then a column per year, each with
    # its number above and its year below.
    text = open(os.path.join(out, 'index.html'), encoding='utf-8').read()
    charts = re.findall(r'<figure class="years-chart"><figcaption>(.*?)'
                        r'</figcaption>\s*<div class="chart columns">'
                        r'(.*?)</svg>', text, re.S)
    problems = []
    if [c[0] for c in charts] != [n for _, n in HEADLINES]:
        problems.append('charts %r' % [c[0] for c in charts])
    for (path, name), (_, svg) in zip(HEADLINES, charts):
        texts = re.findall(r'<text[^>]*>([^<]*)</text>', svg)
        want = []
        for y in years:
            want += [number(at(hand[y], path)), y]
        if texts != want or svg.count('<rect') != len(years):
            problems.append('%s: %r, by hand %r' % (name, texts, want))
    report('across/home-charts', problems)


# The statistics tables of one figure per row: caption stem, path.
STAT_TABLES = [
    ('Hoạt động theo khuôn khổ hợp tác năm', 'activities.by_framework'),
    ('Hoạt động theo loại hình năm', 'activities.by_kind'),
]


def check_statistics(out, years, hand, site_names):
    for i, y in enumerate(years):
        page = Page(os.path.join(out, y, 'statistics.html'))
        earlier = years[max(0, i - 4):i]
        for stem, path in STAT_TABLES:
            name = 'across/statistics/%s/%s' % (y, path)
            t = table(page, '%s %s' % (stem, y))
            if t is None:
                report(name, ['no table "%s %s"' % (stem, y)])
                continue
            problems = []
            heads = ['Năm %s' % e for e in earlier + [y]] if earlier \
                else ['Số lượng']
            if t['head'][1:] != heads:
                problems.append('heads %r, expected %r' % (t['head'][1:],
                                                          heads))
            want = [[site_names[k]] + [number(at(hand[e], path)[k])
                                      for e in earlier + [y]]
                    for k in at(hand[y], path)]
            if t['rows'] != want:
                problems.append('rows %r, by hand %r' % (t['rows'], want))
            report(name, problems)


def check_trend(out, years, hand):
    page = Page(os.path.join(out, '2022', 'index.html'))
    shown = [y for y in years if y <= '2022']
    for caption, path in (
            ('Hoạt động hợp tác quốc tế qua các năm', 'activities.total'),
            ('Thỏa thuận còn hiệu lực cuối mỗi năm',
             'agreements.in_force.total')):
        t = table(page, caption)
        name = 'across/trend/%s' % path
        if t is None:
            report(name, ['no table "%s" on 2022/index.html' % caption])
            continue
        values = [at(hand[y], path) for y in shown]
        want = [[y, number(v), change(v - values[i - 1]) if i else '']
                for i, (y, v) in enumerate(zip(shown, values))]
        problems = []
        if t['head'] != ['Năm', 'Số lượng', 'Tăng/giảm']:
            problems.append('heads %r' % t['head'])
        if t['rows'] != want:
            problems.append('rows %r, by hand %r' % (t['rows'], want))
        report(name, problems)
        # report.docx holds the same table: its cells in order.
        with zipfile.ZipFile(os.path.join(out, '2022', 'report.docx')) as z:
            doc = z.read('word/document.xml').decode('utf-8')
        cells = re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', doc)
        flat = ' | '.join(cells)
        row_text = ' | '.join(sum(([r[0], r[1]] + ([r[2]] if r[2] else [])
                                   for r in want), []))
        report('across/trend-docx/%s' % path, [] if row_text in flat else
               ['report.docx lacks %r' % row_text])
    want = 'So với năm 2020 (%s hoạt động)' % number(
        hand['2020']['activities']['total'])
    report('across/stat-years', [] if want in ' '.join(page.text.split())
           else ['2022/index.html lacks %r' % want])


def check_dossier_totals(out, expected_path):
    """The dossiers' index: each partner's activities added up over the
    years, each project counted once (as its latest record says), every
    agreement that names it."""
    with open(expected_path, encoding='utf-8') as f:
        partners = json.load(f)['partners']
    import yaml
    with open(os.path.join(os.path.dirname(expected_path), 'content',
                           'agreements.yaml'), encoding='utf-8') as f:
        records = yaml.safe_load(f)
    if isinstance(records, dict):
        records = records.get('agreements', [])
    page = Page(os.path.join(out, 'partners', 'index.html'))
    rows = {}
    for t in page.tables:
        for r in t['rows']:
            rows[r[1]] = r
    problems = []
    for pid, v in partners.items():
        acts = sum(v['activities'].values())
        latest = {}
        for y in sorted(v['projects']):
            for x in v['projects'][y]:
                latest[x['title']] = x.get('count', 1)
        # Every agreement that names it, each for its count.
        agreements = sum(a.get('count', 1) for a in records
                         if pid in (a.get('partners') or []))
        if not acts and not latest and not agreements:
            continue
        short = [r for r in rows.values() if r[1].lower() == pid.lower()
                 or r[1].lower().replace(' ', '') == pid]
        if not short:
            problems.append('%s: no row' % pid)
            continue
        got = short[0][3:6]
        want = [number(acts), number(agreements),
                number(sum(latest.values()))]
        if got != want:
            problems.append('%s: %r, by hand %r' % (pid, got, want))
    report('across/dossier-totals', problems)


def main():
    out, expected = sys.argv[1], sys.argv[2]
    with open(expected, encoding='utf-8') as f:
        hand = json.load(f)['years']
    years = sorted(hand)
    with open(os.path.join(out, 'years.json'), encoding='utf-8') as f:
        got = json.load(f, object_pairs_hook=lambda p: p)
    report('across/years-json-order', [] if [k for k, _ in got] == years
           else ['keys %r' % [k for k, _ in got]])
    site_names = {}
    for line in open(os.path.join(os.path.dirname(expected), 'content',
                                  'site.yaml'), encoding='utf-8'):
        m = re.match(r'\s*- id: (\S+)', line)
        if m:
            last = m.group(1)
        m = re.match(r'\s*name: (.*)', line)
        if m and last:
            site_names[last] = m.group(1).strip().strip('"')
            last = None
    check_home(out, years, hand)
    check_statistics(out, years, hand, site_names)
    check_trend(out, years, hand)
    check_dossier_totals(out, expected)


if __name__ == '__main__':
    main()
