#!/usr/bin/python3
"""Read out/years.xlsx back and check it against out/years.json.

    check-years-workbook.py figures OUT_DIR LANG CREATED
        the sheets in LANG, every number equal to years.json (the headline
        figures with the change of the last year, the counts by framework
        and kind with their totals, by partner of activities and of
        agreements in force), the charts and the ranges they read, the
        form of statistics.xlsx (titles, A4, one page wide, the header
        row repeated, frozen panes, Times New Roman 13, margins, footer),
        the document's creation time (ISO CREATED) and title.
    check-years-workbook.py strings OUT_DIR TEXT...
        each TEXT stands in the by-partner sheets as a string cell, never
        as a formula.

Prints one line per check, "pass NAME" or "fail NAME: why", for
tests/run-workbook to count. Runs with Debian's python3-openpyxl.
"""
import datetime
import importlib.util
import json
import os
import re
import sys

import openpyxl
from openpyxl.chart import BarChart, LineChart

# check-workbook.py, for the form both workbooks share.
_spec = importlib.util.spec_from_file_location(
    'check_workbook', os.path.join(os.path.dirname(__file__),
                                   'check-workbook.py'))
statistics = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(statistics)

SHEETS = {
    'vi': ['Số liệu chính', 'Theo khuôn khổ', 'Theo loại hình',
           'Theo đối tác', 'Thỏa thuận theo đối tác'],
    'en': ['Headline figures', 'By framework', 'By kind', 'By partner',
           'Agreements by partner'],
}
YEAR_HEAD = {'vi': 'Năm {}', 'en': '{}'}
TOTAL = {'vi': 'Tổng cộng', 'en': 'Total'}
# The headline figures (gen/stats.c), in order, and which are a part of the
# figure above them (indented, left out of the chart).
HEADLINES = [('activities.total', False),
             ('agreements.in_force.total', False),
             ('agreements.in_force.bilateral', True),
             ('agreements.in_force.multilateral', True),
             ('agreements.signed', False),
             ('agreements.proposed', False),
             ('projects.total', False)]


def report(name, ok, why=''):
    print(f'pass {name}' if ok else f'fail {name}: {why}')


def lookup(tree, path):
    for k in path.split('.'):
        tree = tree[k]
    return tree


def col(n):
    """The letter of column n (1 is A)."""
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(sheet, c1, r1, c2=None, r2=None):
    """An absolute reference as charts write it: 'Sheet'!$B$2:$D$2."""
    a = f'${col(c1)}${r1}'
    if c2 is not None and (c2, r2) != (c1, r1):
        a += f':${col(c2)}${r2}'
    return f"'{sheet}'!{a}"


def series_refs(chart):
    """(name, categories, values) of each series of an openpyxl chart."""
    out = []
    for s in chart.series:
        name = s.tx.strRef.f if s.tx and s.tx.strRef else None
        cat = None
        if s.cat is not None:
            cat = (s.cat.strRef or s.cat.numRef).f
        out.append((name, cat, s.val.numRef.f))
    return out


def check_figures(out, lang, created):
    years_json = json.load(open(os.path.join(out, 'years.json')))
    years = list(years_json)
    n = len(years)
    path = os.path.join(out, 'years.xlsx')
    wb = openpyxl.load_workbook(path)            # formulas as written
    values = openpyxl.load_workbook(path, data_only=True)  # cached values
    report(f'years-workbook/{n}/sheets', wb.sheetnames == SHEETS[lang],
           wb.sheetnames)
    if wb.sheetnames != SHEETS[lang]:
        return
    heads = [YEAR_HEAD[lang].format(y) for y in years]
    span = f'{years[0]}\u2013{years[-1]}' if n > 1 else years[0]

    # Headline figures: a row each, years as columns, then the change of
    # the last year (a live formula) and the path.
    name = SHEETS[lang][0]
    ws, vs = wb[name], values[name]
    rows = list(vs.iter_rows(values_only=True))
    formulas = list(ws.iter_rows(values_only=True))
    bad = []
    if not (isinstance(rows[0][0], str) and rows[0][0].endswith(span)
            and re.match(r'^\S+ 1\. ', rows[0][0])):
        bad.append(f'title {rows[0][0]!r}')
    want_head = heads + (['change'] if n > 1 else []) + ['path']
    if list(rows[1][1:1 + n]) != heads or len(
            [v for v in rows[1] if v is not None]) != 1 + len(want_head):
        bad.append(f'header {rows[1]}')
    for i, (p, part) in enumerate(HEADLINES):
        r = rows[2 + i]
        want = [lookup(years_json[y], p) for y in years]
        if list(r[1:1 + n]) != want:
            bad.append(f'{p}: {r[1:1 + n]} != {want}')
        if r[-1] != p:
            bad.append(f'row {3 + i} path {r[-1]}')
        if n > 1:
            fx = f'={col(1 + n)}{3 + i}-{col(n)}{3 + i}'
            if r[1 + n] != want[-1] - want[-2] or formulas[2 + i][1 + n] != fx:
                bad.append(f'{p}: change {r[1 + n]} {formulas[2 + i][1 + n]}')
        indent = ws.cell(row=3 + i, column=1).alignment.indent
        if (indent > 0) != part:
            bad.append(f'{p}: indent {indent}')
    report(f'years-workbook/{n}/headlines', not bad, bad)

    # A line chart of the figures that are not a part of another.
    charts = ws._charts
    whole = [3 + i for i, (_, part) in enumerate(HEADLINES) if not part]
    want = [(ref(name, 1, r), ref(name, 2, 2, 1 + n, 2),
             ref(name, 2, r, 1 + n, r)) for r in whole]
    got = series_refs(charts[0]) if len(charts) == 1 else None
    report(f'years-workbook/{n}/headline-chart',
           got == want and isinstance(charts[0], LineChart), got)

    # By framework and by kind: a row an entry, a total row of live sums;
    # a stacked column a year, a part an entry.
    for sheet, key in ((SHEETS[lang][1], 'by_framework'),
                       (SHEETS[lang][2], 'by_kind')):
        ws, vs = wb[sheet], values[sheet]
        rows = list(vs.iter_rows(values_only=True))
        formulas = list(ws.iter_rows(values_only=True))
        ids = list(years_json[years[0]]['activities'][key])
        bad = []
        if list(rows[1][1:1 + n]) != heads:
            bad.append(f'header {rows[1]}')
        for i, e in enumerate(ids):
            want = [years_json[y]['activities'][key][e] for y in years]
            if list(rows[2 + i][1:1 + n]) != want:
                bad.append(f'{e}: {rows[2 + i][1:1 + n]} != {want}')
        last = 2 + len(ids)
        totals = rows[2 + len(ids)]
        want = [years_json[y]['activities']['total'] for y in years]
        sums = [f'=SUM({col(2 + j)}3:{col(2 + j)}{last})' for j in range(n)]
        if totals[0] != TOTAL[lang] or list(totals[1:1 + n]) != want \
                or list(formulas[2 + len(ids)][1:1 + n]) != sums:
            bad.append(f'total {totals} {formulas[2 + len(ids)]}')
        report(f'years-workbook/{n}/{key}', not bad, bad)
        charts = ws._charts
        want = [(ref(sheet, 1, 3 + i), ref(sheet, 2, 2, 1 + n, 2),
                 ref(sheet, 2, 3 + i, 1 + n, 3 + i))
                for i in range(len(ids))]
        got = series_refs(charts[0]) if len(charts) == 1 else None
        report(f'years-workbook/{n}/{key}-chart',
               got == want and isinstance(charts[0], BarChart)
               and charts[0].type == 'col'
               and charts[0].grouping == 'stacked', got)

    # By partner, activities and agreements in force: no total (a record
    # with two partners counts for both); bars, a series a year.
    for sheet, group in ((SHEETS[lang][3], 'activities'),
                         (SHEETS[lang][4], 'agreements')):
        ws, vs = wb[sheet], values[sheet]
        rows = list(vs.iter_rows(values_only=True))
        ids = list(years_json[years[0]][group]['by_partner'])
        bad = []
        if list(rows[1][1:1 + n]) != heads:
            bad.append(f'header {rows[1]}')
        for i, p in enumerate(ids):
            want = [years_json[y][group]['by_partner'][p] for y in years]
            if list(rows[2 + i][1:1 + n]) != want:
                bad.append(f'{p}: {rows[2 + i][1:1 + n]} != {want}')
        if any(r[0] == TOTAL[lang] for r in rows):
            bad.append('a total row')
        report(f'years-workbook/{n}/{group}-by-partner',
               not bad and len(ids) > 0, bad)
        charts = ws._charts
        last = 2 + len(ids)
        want = [(ref(sheet, 2 + j, 2), ref(sheet, 1, 3, 1, last),
                 ref(sheet, 2 + j, 3, 2 + j, last)) for j in range(n)]
        got = series_refs(charts[0]) if len(charts) == 1 else None
        report(f'years-workbook/{n}/{group}-by-partner-chart',
               got == want and isinstance(charts[0], BarChart)
               and charts[0].type == 'bar', got)

    # The form of statistics.xlsx, on every sheet.
    bad = []
    for ws in wb.worksheets:
        bad += statistics.form_problems(ws, ('B3',))
        if ws.page_setup.orientation != ('landscape' if n > 4
                                         else 'portrait'):
            bad.append(f'{ws.title}: {ws.page_setup.orientation}')
        title = ws.cell(row=1, column=1)
        if not title.font.b or not re.match(r'^\S+ \d+\. ', title.value):
            bad.append(f'{ws.title}: title {title.value!r}')
    numbers = [int(re.match(r'^\S+ (\d+)\. ', ws.cell(row=1, column=1).value)
                   .group(1)) for ws in wb.worksheets]
    if numbers != list(range(1, 6)):
        bad.append(f'table numbers {numbers}')
    report(f'years-workbook/{n}/form', not bad, bad)
    filtered = [ws.title for ws in wb.worksheets if ws.auto_filter.ref]
    report(f'years-workbook/{n}/filters',
           filtered == [SHEETS[lang][i] for i in (0, 3, 4)], filtered)

    props = wb.properties
    want = datetime.datetime.fromisoformat(created)
    report(f'years-workbook/{n}/properties',
           props.created == want and props.title.endswith(span)
           and props.creator,
           (props.created, props.title, props.creator))


def check_strings(out, texts):
    wb = openpyxl.load_workbook(os.path.join(out, 'years.xlsx'))
    for ws in wb.worksheets[3:]:
        cells = {c.value: c.data_type for row in ws.iter_rows()
                 for c in row if isinstance(c.value, str)}
        for t in texts:
            report(f'years-workbook/text-stays-text {ws.title} {t}',
                   cells.get(t) == 's', cells.get(t, 'missing'))


if __name__ == '__main__':
    mode, out = sys.argv[1], sys.argv[2]
    if mode == 'figures':
        check_figures(out, sys.argv[3], sys.argv[4])
    elif mode == 'strings':
        check_strings(out, sys.argv[3:])
