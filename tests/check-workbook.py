#!/usr/bin/python3
"""Read a statistics.xlsx back and check it against its figures.json.

    check-workbook.py figures OUT_YEAR_DIR LANG
        every figure equals figures.json, the totals add up, the sheets are
        set up for print (A4, one page wide, header row repeated), frozen
        and filtered where promised, the charts are there.
    check-workbook.py strings OUT_YEAR_DIR TEXT...
        each TEXT appears in the Activities sheet as a string cell, never
        as a formula.
    check-workbook.py created OUT_YEAR_DIR ISO-DATETIME
        the document's creation time.
    check-workbook.py lapse OUT_YEAR_DIR
        tests/unit/fixtures/lapse (2023, English): the expiring agreements
        with their months left, and the ended ones, worked out by hand.
    check-workbook.py limits OUT_YEAR_DIR
        the content of tests/run-workbook's limits case: the long titles
        whole or cut as Excel counts (UTF-16 units), every row at most
        409 pt, a day before 1900 as text and 1 January 1900 as a date.

Prints one line per check, "pass NAME" or "fail NAME: why", for
tests/run-workbook to count. Runs with Debian's python3-openpyxl.
"""
import datetime
import json
import os
import re
import sys

import openpyxl

SHEETS = {
    'vi': ['Tổng hợp', 'Hoạt động', 'Khuôn khổ × loại hình', 'Đối tác',
           'Thỏa thuận', 'Dự án'],
    'en': ['Summary', 'Activities', 'Framework × kind', 'Partners',
           'Agreements', 'Projects'],
}
TOTAL = {'vi': 'Tổng cộng', 'en': 'Total'}
TYPES = {'vi': ('Song phương', 'Đa phương'), 'en': ('Bilateral', 'Multilateral')}


def report(name, ok, why=''):
    print(f'pass {name}' if ok else f'fail {name}: {why}')


def lookup(figures, path):
    v = figures
    for k in path.split('.'):
        v = v[k]
    return v


def rows_of(ws):
    """Rows with at least one value, as (row number, tuple of values)."""
    for i, row in enumerate(ws.iter_rows(values_only=True), 1):
        if any(v is not None for v in row):
            yield i, row


def is_title(v):
    """'Bảng 3. ...' or 'Table 3. ...'."""
    return isinstance(v, str) and re.match(r'^\S+ \d+\. ', v) is not None


def table_after(ws, nth=0):
    """The header row number, the header and the data rows of the nth table
    of a sheet, up to the first empty row."""
    rows = list(ws.iter_rows(values_only=True))
    titles = [i for i, row in enumerate(rows) if is_title(row[0])]
    if nth >= len(titles):
        return None, None, []
    i = titles[nth]
    data = []
    for r in rows[i + 2:]:
        if all(v is None for v in r):
            break
        data.append(r)
    return i + 2, rows[i + 1], data


def form_problems(ws, frozen):
    """What a sheet lacks of the form of coopgen's workbooks: A4, one page
    wide, panes frozen at one of frozen, the header row (2) printed on
    every page, page numbers in the footer, Times New Roman 13 in the
    first row under the header, the margins of administrative documents.
    Also used by check-years-workbook.py."""
    bad = []
    ps = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr
    if ps.paperSize != 9:
        bad.append(f'{ws.title}: paper {ps.paperSize}')
    if not (fit and fit.fitToPage) or ps.fitToWidth not in (None, 1) \
            or ps.fitToHeight != 0:
        bad.append(f'{ws.title}: fit {ps.fitToWidth}x{ps.fitToHeight}')
    if ws.freeze_panes not in frozen:
        bad.append(f'{ws.title}: frozen at {ws.freeze_panes}')
    if ws.print_title_rows != '$2:$2':
        bad.append(f'{ws.title}: repeated rows {ws.print_title_rows}')
    if '&P' not in (ws.oddFooter.center.text or ''):
        bad.append(f'{ws.title}: footer {ws.oddFooter.center.text}')
    for cell in (ws.cell(row=3, column=1), ws.cell(row=3, column=2)):
        if cell.font.name != 'Times New Roman' or cell.font.sz != 13:
            bad.append(f'{ws.title}: font {cell.font.name} {cell.font.sz}')
    if abs(ws.page_margins.left - 30 / 25.4) > 0.01 \
            or abs(ws.page_margins.top - 20 / 25.4) > 0.01:
        bad.append(f'{ws.title}: margins {ws.page_margins.left}')
    return bad


def check_figures(out, lang):
    figures = json.load(open(os.path.join(out, 'figures.json')))
    path = os.path.join(out, 'statistics.xlsx')
    wb = openpyxl.load_workbook(path)            # formulas as written
    values = openpyxl.load_workbook(path, data_only=True)  # cached values
    report('workbook/sheets', wb.sheetnames == SHEETS[lang], wb.sheetnames)
    if wb.sheetnames != SHEETS[lang]:
        return
    summary, activities, cross, partners, agreements, projects = \
        [values[n] for n in SHEETS[lang]]
    has_prev = 'previous' in figures

    # Summary: each row's figure equals figures.json at the row's own path.
    bad = []
    count = 0
    for i, row in rows_of(summary):
        if i <= 2 or not isinstance(row[-1], str) or '.' not in row[-1]:
            continue
        path_cell = [v for v in row if v is not None][-1]
        want = lookup(figures, path_cell)
        count += 1
        if row[1] != want:
            bad.append(f'{path_cell}: {row[1]} != {want}')
        if has_prev:
            before = lookup(figures['previous'], path_cell)
            if row[2] != before or row[3] != want - before:
                bad.append(f'{path_cell}: previous {row[2]}, change {row[3]}')
    report('workbook/summary-figures', not bad and count >= 8, bad or count)
    report('workbook/summary-previous-columns',
           (summary.max_column == 5) == has_prev, summary.max_column)

    # Activities: one row per record, counts adding up to the total.
    head, header, data = table_after(activities)
    records = [r for r in data if isinstance(r[0], int)]
    total_row = [r for r in data if r[0] == TOTAL[lang]]
    report('workbook/activities-rows',
           len(records) == figures['activities']['records'],
           (len(records), figures['activities']['records']))
    report('workbook/activities-count-sum',
           sum(r[6] for r in records) == figures['activities']['total']
           and total_row and total_row[0][6] == figures['activities']['total'],
           total_row)
    report('workbook/activities-numbered',
           [r[0] for r in records] == list(range(1, len(records) + 1)))
    dates = [r[1] for r in records]
    report('workbook/activities-dates',
           all(isinstance(d, (datetime.datetime, str)) for d in dates)
           and all(isinstance(d, datetime.datetime) for d in dates
                   if not isinstance(d, str)), dates[:3])

    # Framework x kind: every cell, row and column totals.
    head, header, data = table_after(cross)
    kinds = list(figures['activities']['by_kind'])
    frameworks = list(figures['activities']['by_framework'])
    bad = []
    for r, fw in zip(data, frameworks):
        for k, kind in enumerate(kinds):
            want = figures['activities']['by_framework_kind'][fw][kind]
            if r[1 + k] != want:
                bad.append(f'{fw}.{kind}: {r[1 + k]} != {want}')
        if r[1 + len(kinds)] != figures['activities']['by_framework'][fw]:
            bad.append(f'{fw} total {r[1 + len(kinds)]}')
    totals = data[len(frameworks)]
    for k, kind in enumerate(kinds):
        if totals[1 + k] != figures['activities']['by_kind'][kind]:
            bad.append(f'total {kind}: {totals[1 + k]}')
    if totals[1 + len(kinds)] != figures['activities']['total']:
        bad.append(f'grand total {totals[1 + len(kinds)]}')
    report('workbook/framework-kind', not bad and totals[0] == TOTAL[lang], bad)

    # Partners: activities, agreements in force and projects of each.
    head, header, data = table_after(partners)
    bad = []
    ids = list(figures['activities']['by_partner'])
    for r, pid in zip(data, ids):
        want = (figures['activities']['by_partner'][pid],
                figures['agreements']['by_partner'][pid],
                figures['projects']['by_funder'][pid]['total'])
        if tuple(r[4:7]) != want:
            bad.append(f'{pid}: {r[4:7]} != {want}')
    report('workbook/partners', not bad and len(data) == len(ids), bad)

    # Agreements: the in-force list and its totals by type.
    head, header, data = table_after(agreements)
    listed = [r for r in data if isinstance(r[0], int)]
    by_type = {r[1]: r[6] for r in data if r[0] is None}
    inf = figures['agreements']['in_force']
    report('workbook/agreements-in-force',
           sum(r[6] for r in listed) == inf['total']
           and by_type.get(TOTAL[lang]) == inf['total']
           and by_type.get(TYPES[lang][0]) == inf['bilateral']
           and by_type.get(TYPES[lang][1]) == inf['multilateral'],
           (by_type, inf))
    # The signed list (count in column G), the proposed one (in E), the
    # expiring one (months left in G, count in H) and the ended one (G).
    rows = list(agreements.iter_rows(values_only=True))
    starts = [i for i, r in enumerate(rows) if is_title(r[0])] + [len(rows)]

    def listed_in(n):
        return [r for r in rows[starts[n] + 2:starts[n + 1]]
                if isinstance(r[0], int)] if len(starts) == 6 else []
    signed = sum(r[6] for r in listed_in(1))
    proposed = sum(r[4] for r in listed_in(2))
    expiring = sum(r[7] for r in listed_in(3))
    ended = sum(r[6] for r in listed_in(4))
    report('workbook/agreements-signed-proposed',
           len(starts) == 6 and signed == figures['agreements']['signed']
           and proposed == figures['agreements']['proposed'],
           (len(starts), signed, proposed))
    report('workbook/agreements-expiring-ended',
           expiring == figures['agreements']['expiring']
           and ended == figures['agreements']['ended']
           and all(isinstance(r[6], int) and 1 <= r[6] <= 12
                   for r in listed_in(3)),
           (expiring, ended))

    # Projects: funder x status, its totals, and the list.
    head, header, data = table_after(projects)
    statuses = list(figures['projects']['by_status'])
    bad = []
    funders = {k: v for k, v in figures['projects']['by_funder'].items()
               if v['total']}
    shorts = {}
    for r, (pid, want) in zip(data, funders.items()):
        got = dict(zip(statuses, r[2:6]))
        if any(got[s] != want[s] for s in statuses) or r[6] != want['total']:
            bad.append(f'{pid}: {r[:7]}')
    totals = data[len(funders)] if len(data) > len(funders) else None
    if totals is None or totals[1] != TOTAL[lang] \
            or any(totals[2 + i] != figures['projects']['by_status'][s]
                   for i, s in enumerate(statuses)) \
            or totals[6] != figures['projects']['total']:
        bad.append(f'totals {totals}')
    report('workbook/projects-by-funder', not bad, bad)
    rows = list(projects.iter_rows(values_only=True))
    second = [i for i, r in enumerate(rows) if is_title(r[0]) and i > 0]
    listed = [r for r in rows[second[-1] + 2:] if isinstance(r[0], int)] \
        if second else []
    report('workbook/projects-list',
           sum(r[8] for r in listed) == figures['projects']['total'],
           [r[8] for r in listed])

    # Form: on every sheet A4, one page wide, a frozen header, the header
    # row printed on every page; filters on the lists; fonts.
    bad = [p for ws in wb.worksheets for p in form_problems(ws, ('A3', 'B3'))]
    report('workbook/print-setup', not bad, bad)
    filtered = [ws.title for ws in wb.worksheets if ws.auto_filter.ref]
    report('workbook/autofilters',
           filtered == [SHEETS[lang][i] for i in (0, 1, 3, 4, 5)], filtered)
    report('workbook/landscape-when-wide',
           [ws.page_setup.orientation for ws in wb.worksheets] ==
           ['portrait'] + ['landscape'] * 5)
    charts = [len(ws._charts) for ws in wb.worksheets]
    report('workbook/charts', charts == [0, 0, 2, 0, 0, 1], charts)
    props = wb.properties
    report('workbook/properties',
           props.creator and props.title and str(figures['year']) in props.title,
           (props.creator, props.title))


def check_strings(out, texts):
    wb = openpyxl.load_workbook(os.path.join(out, 'statistics.xlsx'))
    ws = wb.worksheets[1]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                cells[c.value] = c.data_type
    for t in texts:
        report(f'workbook/text-stays-text {t[:20]}', cells.get(t) == 's',
               cells.get(t, 'missing'))


def check_created(out, when):
    wb = openpyxl.load_workbook(os.path.join(out, 'statistics.xlsx'))
    want = datetime.datetime.fromisoformat(when)
    report(f'workbook/created {when}', wb.properties.created == want,
           wb.properties.created)


EMOJI = '\U0001F600'
# What tests/run-workbook writes as titles, and what the cells must hold:
# 32,767 UTF-16 units fit; a longer text keeps the whole characters that
# leave room for the ellipsis (an emoji is two units, never cut in half).
LONG_TITLES = [
    ('A' * 32767, 'A' * 32767),
    (EMOJI * 16383 + 'a', EMOJI * 16383 + 'a'),
    (EMOJI * 16384, EMOJI * 16383 + '\u2026'),
    ('a' + EMOJI * 16384, 'a' + EMOJI * 16382 + '\u2026'),
    ('\u00e9' * 40000, '\u00e9' * 32766 + '\u2026'),
]


def utf16_units(s):
    return len(s.encode('utf-16-le')) // 2


def check_limits(out):
    wb = openpyxl.load_workbook(os.path.join(out, 'statistics.xlsx'))
    ws = wb.worksheets[1]
    long_rows = [(r, ws.cell(row=r, column=3).value)
                 for r in range(3, ws.max_row + 1)
                 if isinstance(ws.cell(row=r, column=3).value, str)
                 and len(ws.cell(row=r, column=3).value) > 1000]
    got = [v for _, v in long_rows]
    want = [cut for _, cut in LONG_TITLES]
    report('workbook/long-cells-cut-as-excel-counts', got == want,
           [(len(v), utf16_units(v), v[-2:]) for v in got])
    report('workbook/long-cells-within-limit',
           all(utf16_units(v) <= 32767 for v in got),
           [utf16_units(v) for v in got])
    heights = [ws.row_dimensions[r].height for r, _ in long_rows]
    report('workbook/long-rows-409pt', heights == [409] * len(want), heights)
    tall = [(s.title, r, d.height) for s in wb.worksheets
            for r, d in s.row_dimensions.items()
            if d.height is not None and d.height > 409]
    report('workbook/no-row-above-409pt', not tall, tall)
    signed = {}
    for row in wb.worksheets[4].iter_rows(values_only=True):
        if row[1] in ('Old treaty', 'Treaty of 1900'):
            signed[row[1]] = row[4]
    report('workbook/dates-before-1900-as-text',
           signed == {'Old treaty': '31 December 1899',
                      'Treaty of 1900': datetime.datetime(1900, 1, 1)},
           signed)


def check_lapse(out):
    wb = openpyxl.load_workbook(os.path.join(out, 'statistics.xlsx'))
    rows = list(wb['Agreements'].iter_rows(values_only=True))
    titles = [(i, r[0]) for i, r in enumerate(rows) if is_title(r[0])]
    lists = {}
    for n, (i, title) in enumerate(titles):
        end = titles[n + 1][0] if n + 1 < len(titles) else len(rows)
        lists[title] = [r for r in rows[i + 2:end] if isinstance(r[0], int)]
    expiring = [v for k, v in lists.items() if 'within twelve months' in k]
    ended = [v for k, v in lists.items() if 'ended in 2023' in k]
    got = [(r[1].split()[0], r[5], r[6], r[7]) for r in expiring[0]] \
        if expiring else None
    # Title, ends, months left, count.
    want = [('L2', datetime.datetime(2024, 1, 1), 1, 1),
            ('L3', datetime.datetime(2024, 12, 31), 12, 1),
            ('L9', '2024', 12, 2),
            ('L10', 'June 2024', 6, 1)]
    report('workbook/lapse-expiring', got == want, got)
    got = [(r[1].split()[0], r[6]) for r in ended[0]] if ended else None
    report('workbook/lapse-ended', got == [('L1', 1), ('L7', 3)], got)


if __name__ == '__main__':
    mode, out = sys.argv[1], sys.argv[2]
    if mode == 'figures':
        check_figures(out, sys.argv[3])
    elif mode == 'strings':
        check_strings(out, sys.argv[3:])
    elif mode == 'created':
        check_created(out, sys.argv[3])
    elif mode == 'limits':
        check_limits(out)
    elif mode == 'lapse':
        check_lapse(out)
