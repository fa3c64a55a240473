#!/usr/bin/python3
"""Read report.docx back and check it; prints one 'pass NAME' or
'fail NAME: why' line per check (tests/run-docx counts them).

  check-docx.py structure DOCX
      every part well-formed XML, with a content type; every relationship
      target present; every r:id and r:embed resolving; every TOC link
      naming a bookmark; no field but the TOC and PAGE; external
      relationships only hyperlinks to http, https, mailto and tel.
  check-docx.py example DOCX CONTENT_YEAR FIGURES_JSON LANG
      read with python-docx: the header and closing blocks of the example
      (Vietnamese: exact strings), the chapter headings and their styles,
      every figure of every table against figures.json, the sections (A4,
      margins, a title page without number, a PAGE field in the header),
      the TOC field and its entries, the captions, the properties.
  check-docx.py hostile DOCX STRING...
      each string present as text, and nowhere a field or markup.
"""
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PR = 'http://schemas.openxmlformats.org/package/2006/relationships'
CT = 'http://schemas.openxmlformats.org/package/2006/content-types'


def w(tag):
    return '{%s}%s' % (W, tag)


results = []


def check(name, ok, why=''):
    results.append((name, ok, why))


def parts(path):
    z = zipfile.ZipFile(path)
    return z, {n: z.read(n) for n in z.namelist()}


def ptext(p):
    out = []
    for e in p.iter():
        if e.tag == w('t'):
            out.append(e.text or '')
        elif e.tag == w('br'):
            out.append('\n')
        elif e.tag == w('tab'):
            out.append('\t')
    return ''.join(out)


def structure(path):
    z, data = parts(path)
    trees = {}
    for name, b in data.items():
        if name.endswith('.xml') or name.endswith('.rels'):
            try:
                trees[name] = ET.fromstring(b)
            except ET.ParseError as e:
                check('docx/well-formed', False, '%s: %s' % (name, e))
                return
    check('docx/well-formed', True)
    check('docx/first-entry', z.namelist()[0] == '[Content_Types].xml',
          z.namelist()[0])
    bad = [i.filename for i in z.infolist()
           if i.date_time != (1980, 1, 1, 0, 0, 0) or i.extra]
    check('docx/entry-times', not bad, ' '.join(bad))
    types = trees['[Content_Types].xml']
    defaults = {e.get('Extension') for e in types.iter('{%s}Default' % CT)}
    overrides = {e.get('PartName') for e in types.iter('{%s}Override' % CT)}
    missing = [n for n in data if not n.endswith('/')
               and '/' + n not in overrides
               and n.rsplit('.', 1)[-1] not in defaults]
    check('docx/content-types', not missing and
          all(o[1:] in data for o in overrides),
          'untyped %s; overrides %s' % (missing,
                                         [o for o in overrides
                                          if o[1:] not in data]))
    problems = []
    for name, t in trees.items():
        if not name.endswith('.rels'):
            continue
        base = os.path.dirname(os.path.dirname(name))
        for rel in t.iter('{%s}Relationship' % PR):
            target = rel.get('Target')
            if rel.get('TargetMode') == 'External':
                if not rel.get('Type').endswith('/hyperlink') or \
                        not re.match(r'(?i)(https?|mailto|tel):', target):
                    problems.append('external %s' % target)
                continue
            full = os.path.normpath(os.path.join(base, target))
            if full not in data:
                problems.append('%s: %s missing' % (name, full))
    check('docx/relationship-targets', not problems, '; '.join(problems))
    problems = []
    for name, t in trees.items():
        if not name.startswith('word/') or name.endswith('.rels'):
            continue
        rels = 'word/_rels/%s.rels' % os.path.basename(name)
        ids = set()
        if rels in trees:
            ids = {r.get('Id') for r in
                   trees[rels].iter('{%s}Relationship' % PR)}
        for e in t.iter():
            for k, v in e.attrib.items():
                if k.startswith('{%s}' % R) and v not in ids:
                    problems.append('%s: %s' % (name, v))
    check('docx/r-ids-resolve', not problems, '; '.join(problems))
    doc = trees['word/document.xml']
    marks = {b.get(w('name')) for b in doc.iter(w('bookmarkStart'))}
    anchors = [h.get(w('anchor')) for h in doc.iter(w('hyperlink'))
               if h.get(w('anchor'))]
    check('docx/toc-anchors', anchors and all(a in marks for a in anchors),
          'anchors %s' % [a for a in anchors if a not in marks])
    fields = []
    for name, t in trees.items():
        fields += [(name, e.text) for e in t.iter(w('instrText'))]
        fields += [(name, 'fldSimple') for e in t.iter(w('fldSimple'))]
    allowed = {('word/document.xml', ' TOC \\o "1-3" \\h \\z \\u '),
               ('word/header1.xml', ' PAGE ')}
    check('docx/fields', sorted(set(fields)) == sorted(allowed) and
          len(fields) == 2, 'fields %s' % fields)
    settings = data['word/settings.xml'].decode()
    check('docx/no-update-on-open', 'updateFields' not in settings and
          'dirty' not in data['word/document.xml'].decode())
    objects = [e.tag for e in doc.iter() if e.tag in
               (w('object'), w('pict'), w('embed'), w('altChunk'))]
    check('docx/no-objects', not objects, str(objects))


def tables_by_caption(doc):
    """[(caption, rows of cell texts)] in the order of the body."""
    body = doc.find(w('body'))
    out, caption = [], None
    for e in body:
        if e.tag == w('p'):
            style = e.find('%s/%s' % (w('pPr'), w('pStyle')))
            if style is not None and style.get(w('val')) == 'Caption':
                caption = ptext(e)
            elif ptext(e).strip():
                caption = None
        elif e.tag == w('tbl') and caption is not None:
            rows = []
            for tr in e.findall(w('tr')):
                rows.append([ptext(tc) for tc in tr.findall(w('tc'))])
            out.append((caption, rows, e))
            caption = None
    return out


def num(s):
    return int(s.replace('.', '').replace(',', '').replace('+', ''))


def col(rows, c=1):
    return [num(r[c]) for r in rows[1:]]


def sections(year_dir):
    """[(level, text)] of the chapters' headings, as written."""
    out = []
    folder = os.path.join(year_dir, 'sections')
    chapters = []
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    for f in names:
        text = open(os.path.join(folder, f), encoding='utf-8').read()
        front, body = text.split('---', 2)[1:]
        title = re.search(r'^title:\s*(.*)$', front, re.M).group(1).strip()
        order = re.search(r'^order:\s*(\d+)', front, re.M)
        chapters.append((int(order.group(1)) if order else 0, f, title,
                         body))
    for _, _, title, body in sorted(chapters):
        out.append((1, title.strip('"')))
        heads = [(len(m.group(1)), m.group(2).strip()) for m in
                 re.finditer(r'^(#{1,6})\s+(.*)$', body, re.M)]
        low = min([h[0] for h in heads], default=1)
        out += [(2 + h[0] - low, h[1]) for h in heads]
    return out


def example(path, year_dir, figures_path, lang):
    import docx
    z, data = parts(path)
    doc = ET.fromstring(data['word/document.xml'])
    fig = json.load(open(figures_path, encoding='utf-8'))
    d = docx.Document(path)
    paras = [(p.style.name, p.text) for p in d.paragraphs]

    if lang == 'vi':
        head = [[c.text for c in r.cells] for r in d.tables[0].rows]
        want = [['Bộ Khoa học và Công nghệ\nCục Sở hữu trí tuệ\n',
                 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
                 'Độc lập - Tự do - Hạnh phúc\n'],
                ['Số:       /BC-SHTT', 'Hà Nội, ngày 15 tháng 01 năm 2024']]
        check('docx/header-block', head == want, repr(head))
        top = [t for s, t in paras[:4]]
        check('docx/title-block', top == ['BÁO CÁO',
              'Hợp tác quốc tế về sở hữu trí tuệ năm 2023', '',
              'Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.'], repr(top))
        closing = [t for t in d.tables if len(t.columns) == 2 and
                   'Nơi nhận' in t.rows[0].cells[0].text]
        texts = [[p.text for p in c.paragraphs]
                 for c in closing[0].rows[0].cells] if closing else []
        check('docx/closing-block', texts == [
            ['Nơi nhận:', '- Như trên;', '- Lãnh đạo Bộ (để b/c);',
             '- Vụ Hợp tác quốc tế (để p/h);', '- Lưu: VT, HTQT.'],
            ['KT. Cục trưởng', 'Phó Cục trưởng', 'Nguyễn Văn A']],
            repr(texts))
        check('docx/end-mark', ('Normal', './.') in paras)

    heads = [(int(s.split()[-1]), t) for s, t in paras
             if s.startswith('Heading ')]
    want = sections(year_dir)
    check('docx/headings', heads == want, '%r\n  expected %r' % (heads, want))

    tabs = tables_by_caption(doc)
    caps = [c for c, _, _ in tabs]
    word = 'Bảng' if lang == 'vi' else 'Table'
    check('docx/captions', caps and all(c.startswith('%s %d. ' % (word, i + 1))
                                        for i, c in enumerate(caps)),
          repr(caps))
    check('docx/table-count', len(tabs) == 15, len(tabs))
    problems = []
    for c, rows, e in tabs:
        trs = e.findall(w('tr'))
        if trs[0].find('%s/%s' % (w('trPr'), w('tblHeader'))) is None:
            problems.append('%s: no repeated header' % c)
        if any(tr.find('%s/%s' % (w('trPr'), w('cantSplit'))) is None
               for tr in trs):
            problems.append('%s: a row may split' % c)
    check('docx/table-rows', not problems, '; '.join(problems))
    if len(tabs) != 15:
        return
    a, g, p = fig['activities'], fig['agreements'], fig['projects']
    t = [rows for _, rows, _ in tabs]

    def same(name, got, want):
        check('docx/figures-' + name, got == want,
              '%r, expected %r' % (got, want))
    key = [a['total'], g['in_force']['total'], g['signed'], g['proposed'],
           p['total']]
    same('key', col(t[0]), key)
    if 'previous' in fig:
        pa, pg, pp = (fig['previous'][k] for k in
                      ('activities', 'agreements', 'projects'))
        before = [pa['total'], pg['in_force']['total'], pg['signed'],
                  pg['proposed'], pp['total']]
        same('key-previous', col(t[0], 2), before)
        same('key-change', col(t[0], 3),
             [x - y for x, y in zip(key, before)])
    same('by-framework', col(t[1]),
         list(a['by_framework'].values()) + [a['total']])
    same('by-kind', col(t[2]), list(a['by_kind'].values()) + [a['total']])
    same('by-month', col(t[3]), list(a['by_month'].values()) + [a['total']])
    same('by-partner', col(t[4]), list(a['by_partner'].values()))
    cross = [[num(x) for x in r[1:]] for r in t[5][1:]]
    want = [list(a['by_framework_kind'][f].values()) + [a['by_framework'][f]]
            for f in a['by_framework']]
    want.append(list(a['by_kind'].values()) + [a['total']])
    same('framework-kind', cross, want)
    same('agreements-by-type', col(t[6]),
         [g['in_force']['bilateral'], g['in_force']['multilateral'],
          g['in_force']['total']])
    same('agreements-by-partner', col(t[7]), list(g['by_partner'].values()))
    funders = [[num(x) for x in r[1:]] for r in t[8][1:]]
    want = [[v[s] for s in ('completed', 'ongoing', 'preparing',
                            'proposed')] + [v['total']]
            for v in p['by_funder'].values() if v['total'] > 0]
    want.append(list(p['by_status'].values()) + [p['total']])
    same('projects-by-funder', funders, want)
    same('agreements-in-force-total', num(t[9][-1][-1]),
         g['in_force']['total'])
    # Expiring (months left before the count) and ended agreements.
    same('agreements-expiring', sum(num(r[-1]) for r in t[12][1:]
                                    if r[-1] != ''), g['expiring'])
    same('agreements-ended', sum(num(r[-1]) for r in t[13][1:]
                                 if r[-1] != ''), g['ended'])
    same('projects-list', sum(num(r[-1]) for r in t[14][1:]), p['total'])

    # Sections: A4 portrait (landscape for the wide table), the margins,
    # no number on page 1, a PAGE field in every section's header.
    problems = []
    for i, s in enumerate(d.sections):
        land = s.page_width > s.page_height
        size = (s.page_height, s.page_width) if land else \
            (s.page_width, s.page_height)
        if (size[0].twips, size[1].twips) != (11906, 16838):
            problems.append('section %d: %s' % (i, size))
        margins = (s.top_margin.twips, s.bottom_margin.twips,
                   s.left_margin.twips, s.right_margin.twips)
        if not land and margins != (1134, 1134, 1701, 850):
            problems.append('section %d margins %s' % (i, margins))
        if s.header.is_linked_to_previous:
            problems.append('section %d: no header of its own' % i)
        elif ' PAGE ' not in ''.join(x.text or '' for x in
                                     s.header._element.iter(w('instrText'))):
            problems.append('section %d: no PAGE field' % i)
    first = d.sections[0]
    if not first.different_first_page_header_footer or \
            first.first_page_header.is_linked_to_previous or \
            list(first.first_page_header._element.iter(w('instrText'))):
        problems.append('page 1 has a number')
    if any(s.different_first_page_header_footer for s in d.sections[1:]):
        problems.append('a later section hides its first number')
    check('docx/sections', not problems and len(d.sections) >= 1,
          '; '.join(problems))

    # The TOC: its entries are the headings up to level 3, then the
    # appendix's title, each a link to its heading.
    toc = []
    for p in doc.iter(w('p')):
        st = p.find('%s/%s' % (w('pPr'), w('pStyle')))
        st = st.get(w('val')) if st is not None else ''
        if re.fullmatch(r'TOC\d', st) and ptext(p):
            toc.append((int(st[-1]), ptext(p)))
    want = [h for h in heads if h[0] <= 3] + [(1, ptext_title(doc))]
    check('docx/toc-entries', toc == want,
          '%r\n  expected %r' % (toc, want))

    core = data['docProps/core.xml'].decode()
    props = d.core_properties
    check('docx/properties', props.title and props.author and
          props.language == ('vi-VN' if lang == 'vi' else 'en-US') and
          props.created is not None, core)
    styles = data['word/styles.xml'].decode()
    check('docx/language', 'w:lang w:val="%s"' %
          ('vi-VN' if lang == 'vi' else 'en-US') in styles)
    body = [p for p in paras if p[0] == 'Normal' and len(p[1]) > 40]
    normal = d.styles['Normal'].paragraph_format
    check('docx/body-style', body and normal.alignment == 3 and
          normal.first_line_indent is not None and
          normal.first_line_indent.twips == 567 and
          d.styles['Normal'].font.name is None and
          'Times New Roman' in styles, '')


def ptext_title(doc):
    """The appendix title (the last heading of level 1)."""
    for p in doc.iter(w('p')):
        s = p.find('%s/%s' % (w('pPr'), w('pStyle')))
        if s is not None and s.get(w('val')) == 'AppendixTitle':
            return ptext(p)
    return None


def created(path, want):
    import docx
    got = docx.Document(path).core_properties.created
    check('docx/created', got is not None and
          got.strftime('%Y-%m-%dT%H:%M:%S') == want, str(got))


def hostile(path, strings):
    z, data = parts(path)
    doc = ET.fromstring(data['word/document.xml'])
    texts = [ptext(p) for p in doc.iter(w('p'))]
    for i, s in enumerate(strings):
        check('docx/hostile-%d-text' % i, any(s in t for t in texts),
              repr(s))
    instr = [e.text for e in doc.iter(w('instrText'))]
    check('docx/hostile-no-field', instr == [' TOC \\o "1-3" \\h \\z \\u '] and
          not list(doc.iter(w('fldSimple'))), repr(instr))
    rels = data['word/_rels/document.xml.rels'].decode()
    check('docx/hostile-no-external', 'javascript' not in rels.lower() and
          'file:' not in rels.lower(), rels)


def image(path, caption):
    z, data = parts(path)
    doc = ET.fromstring(data['word/document.xml'])
    media = [n for n in data if n.startswith('word/media/')]
    blips = [e for e in doc.iter(
        '{http://schemas.openxmlformats.org/drawingml/2006/main}blip')]
    check('docx/image-embedded', media == ['word/media/image1.png'] and
          len(blips) == 1 and data[media[0]].startswith(b'\x89PNG'),
          '%s %d' % (media, len(blips)))
    caps = [ptext(p) for p in doc.iter(w('p'))
            if p.find('%s/%s' % (w('pPr'), w('pStyle'))) is not None and
            p.find('%s/%s' % (w('pPr'), w('pStyle'))).get(w('val')) ==
            'FigureCaption']
    check('docx/image-caption', caps == [caption], repr(caps))


def prose_table(path):
    """tests/run-docx's prose-table case: {{table activities.by_kind}} of
    tests/unit/fixtures/years in a chapter, as the appendix lays tables
    out, numbered with them, its caption escaped."""
    z, data = parts(path)
    tabs = tables_by_caption(ET.fromstring(data['word/document.xml']))
    got = [(c, rows) for c, rows, _ in tabs if 'Kinds' in c]
    want = [('Table 2. Kinds & <kinds>', [['Kind', 'Count'],
                                           ['Kind one', '7'],
                                           ['Kind two', '3'],
                                           ['Total', '10']])]
    check('docx/prose-table', got == want, repr(got))
    check('docx/prose-table-numbered-with-the-appendix',
          [c.split('.')[0] for c, _, _ in tabs][:3] ==
          ['Table 1', 'Table 2', 'Table 3'],
          [c for c, _, _ in tabs][:3])


def main():
    what = sys.argv[1]
    try:
        if what == 'structure':
            structure(sys.argv[2])
        elif what == 'example':
            example(*sys.argv[2:6])
        elif what == 'hostile':
            hostile(sys.argv[2], sys.argv[3:])
        elif what == 'image':
            image(sys.argv[2], sys.argv[3])
        elif what == 'created':
            created(sys.argv[2], sys.argv[3])
        elif what == 'prose-table':
            prose_table(sys.argv[2])
    except Exception as e:  # a crash of the checker is a failure too
        import traceback
        check('docx/%s-checker' % what, False,
              traceback.format_exc().replace('\n', ' | '))
    for name, ok, why in results:
        if ok:
            print('pass', name)
        else:
            print('fail %s: %s' % (name, str(why).replace('\n', ' ')))


main()
