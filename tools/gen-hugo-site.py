#!/usr/bin/python3
"""Write a Hugo site equivalent to coopgen's, from the same content tree.

    gen-hugo-site.py CONTENT SITE [YEAR]

For the benchmark (tools/bench.py): Hugo (Debian's 0.111) builds SITE
beside coopgen building CONTENT, and the two times are compared. SITE gets
what coopgen's site has, done the way a Hugo site does it, with minimal
templates written here (no theme):

- a page per activity, its Markdown body unchanged, with the facts (date,
  framework, kind, partners named and linked);
- the activities of the year by framework and by month;
- taxonomies for frameworks and partners: a page per framework and per
  partner listing its activities (the framework's by kind first), and a
  page of each taxonomy's terms with their counts;
- a home page: the report's title and lead, the headline figures, and the
  sections' Markdown bodies; the article; a statistics page (activities
  by framework, kind, month and partner); agreements and projects from
  the records, as data files.

`{{stat ...}}` and `{{agreements ...}}` in the prose become shortcodes
that compute the same kind of thing. Nothing is fetched: no theme, no
module, no remote resource; RSS, sitemap, robots.txt and 404 are off
(coopgen writes none of them). URLs are "ugly" (a000001.html, not
a000001/index.html), as coopgen writes them. Not reproduced: the workbook
(statistics.xlsx), figures.json, the SVG charts and coopgen's checks, so
Hugo has somewhat less to do than coopgen.
"""
import json
import os
import re
import shutil
import sys

import yaml

CONFIG = {
    'baseURL': '/',
    'languageCode': 'vi',
    'defaultContentLanguage': 'vi',
    'disableKinds': ['RSS', 'sitemap', 'robotsTXT', '404'],
    'uglyURLs': True,
    'relativeURLs': True,
    'enableGitInfo': False,
    'enableEmoji': False,
    'taxonomies': {'framework': 'frameworks', 'partner': 'partners'},
    'markup': {
        # CommonMark, as cmark reads it: goldmark's extensions off.
        'goldmark': {
            'extensions': {k: False for k in (
                'definitionList', 'footnote', 'linkify', 'strikethrough',
                'table', 'taskList', 'typographer')},
            'parser': {'autoHeadingID': True, 'autoHeadingIDType': 'github-ascii'},
        },
    },
}

LAYOUTS = {
    '_default/baseof.html': '''<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<a class="skip" href="#main">Chuyển đến nội dung chính</a>
<header class="site">
<p class="org">{{ site.Title }}</p>
<nav aria-label="Mục của báo cáo">
<ul>{{ $here := printf "%s.html" (.Section | default "index") }}{{ range site.Data.names.nav }}<li><a href="{{ .url | relURL }}"{{ if eq .url $here }} aria-current="page"{{ end }}>{{ .name }}</a></li>{{ end }}</ul>
</nav>
<nav class="crumbs" aria-label="Bạn đang ở">
<ol><li><a href="{{ "index.html" | relURL }}">Năm {{ site.Data.names.year }}</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}<li><span aria-current="page">{{ .Title }}</span></li></ol>
</nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
''',
    'partials/item.html': '''{{ $n := site.Data.names }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">{{ .Date.Format "2/1/2006" }} · {{ index $n.kinds .Params.activity_kind }}</span></li>
''',
    'partials/counts.html': '''<div class="table" id="{{ .id }}">
<table>
<caption>{{ .caption }}</caption>
<thead><tr><th scope="col">{{ .head }}</th><th scope="col" class="num">Số lượng</th></tr></thead>
<tbody>
{{ $total := 0 }}{{ range .rows }}<tr><th scope="row">{{ index . 0 }}</th><td class="num">{{ index . 1 }}</td></tr>
{{ $total = add $total (index . 1) }}{{ end }}</tbody>
<tfoot><tr><th scope="row">Tổng cộng</th><td class="num">{{ $total }}</td></tr></tfoot>
</table>
</div>
''',
    # An activity.
    'activities/single.html': '''{{ define "main" }}{{ $n := site.Data.names }}
<article class="activity">
<h1>{{ .Title }}</h1>
<dl class="facts">
<dt>Thời gian</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2/1/2006" }}</time></dd>
<dt>Khuôn khổ</dt><dd>{{ range .GetTerms "frameworks" }}<a href="{{ .RelPermalink }}">{{ index $n.frameworks .Data.Term }}</a>{{ end }}</dd>
<dt>Loại hình</dt><dd>{{ index $n.kinds .Params.activity_kind }}</dd>
<dt>Đối tác</dt><dd>{{ range $i, $p := .GetTerms "partners" }}{{ if $i }}, {{ end }}<a href="{{ $p.RelPermalink }}">{{ index $n.partner_short $p.Data.Term }}</a>{{ end }}</dd>
</dl>
{{ .Content }}
</article>
{{ end }}
''',
    # The activities by framework, then by month.
    'activities/list.html': '''{{ define "main" }}{{ $n := site.Data.names }}{{ $year := $n.year }}
<h1>Danh sách hoạt động hợp tác quốc tế năm {{ $year }}</h1>
<p class="jump"><a href="#by-framework">Theo khuôn khổ</a> · <a href="#by-month">Theo tháng</a></p>
<section aria-labelledby="by-framework">
<h2 id="by-framework">Theo khuôn khổ</h2>
{{ range $id := $n.framework_order }}{{ with index site.Taxonomies.frameworks $id }}
<section class="group" aria-labelledby="framework-{{ $id }}">
<h3 id="framework-{{ $id }}">{{ .Page.Title }}</h3>
<ul class="records">
{{ range .Pages.ByDate }}{{ partial "item.html" . }}{{ end }}</ul>
</section>
{{ end }}{{ end }}
</section>
<section aria-labelledby="by-month">
<h2 id="by-month">Theo tháng</h2>
{{ range .Pages.GroupByDate "2006-01" "asc" }}
<section class="group">
<h3 id="month-{{ .Key }}">Tháng {{ .Key }}</h3>
<ul class="records">
{{ range .Pages.ByDate }}{{ partial "item.html" . }}{{ end }}</ul>
</section>
{{ end }}
</section>
{{ end }}
''',
    # A framework's or a partner's page.
    '_default/term.html': '''{{ define "main" }}{{ $n := site.Data.names }}
<h1>{{ .Title }}</h1>
{{ if eq .Data.Plural "frameworks" }}{{ $rows := slice }}{{ range $n.kind_order }}{{ $rows = $rows | append (slice (slice (index $n.kinds .) (len (where $.Pages "Params.activity_kind" .)))) }}{{ end }}
{{ partial "counts.html" (dict "id" (printf "kinds-%s" .Data.Term) "caption" (printf "Hoạt động theo loại hình năm %v" $n.year) "head" "Loại hình" "rows" $rows) }}
{{ end }}
<section class="group">
<h2 id="activities">Hoạt động</h2>
<ul class="records">
{{ range .Pages.ByDate }}{{ partial "item.html" . }}{{ end }}</ul>
</section>
{{ end }}
''',
    # The list of a taxonomy's terms.
    '_default/taxonomy.html': '''{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="table"><table>
<thead><tr><th scope="col">Tên</th><th scope="col" class="num">Hoạt động</th></tr></thead>
<tbody>
{{ range .Data.Terms.Alphabetical }}<tr><th scope="row"><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></th><td class="num">{{ .Count }}</td></tr>
{{ end }}</tbody>
</table></div>
{{ end }}
''',
    '_default/single.html': '''{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ with .Params.lead }}<p class="lead">{{ . }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
''',
    '_default/list.html': '''{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
''',
    # The report: title, lead, headline figures, the sections.
    'index.html': '''{{ define "main" }}{{ $n := site.Data.names }}{{ $acts := where site.RegularPages "Section" "activities" }}
<h1>{{ $n.report.title }}</h1>
<p class="lead">{{ $n.report.lead | replaceRE `\\{\\{stat [^}]*\\}\\}` (string (len $acts)) }}</p>
<section aria-labelledby="key-figures">
<h2 id="key-figures">Số liệu chính</h2>
<dl class="figures">
<dt>Hoạt động</dt><dd>{{ len $acts }}</dd>
<dt>Đối tác</dt><dd>{{ len site.Taxonomies.partners }}</dd>
<dt>Thỏa thuận</dt><dd>{{ len site.Data.agreements }}</dd>
<dt>Dự án</dt><dd>{{ len site.Data.projects }}</dd>
</dl>
</section>
{{ $sections := (where site.Pages "Section" "sections").ByWeight }}
<nav aria-labelledby="contents"><h2 id="contents">Mục lục</h2>
<ol>{{ range $sections }}{{ if .IsPage }}<li><a href="#{{ .File.BaseFileName }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol></nav>
{{ range $sections }}{{ if .IsPage }}<section aria-labelledby="{{ .File.BaseFileName }}">
<h2 id="{{ .File.BaseFileName }}">{{ .Title }}</h2>
{{ .Content }}
</section>
{{ end }}{{ end }}
{{ end }}
''',
    # Statistics: activities by framework, kind, month and partner.
    'statistics/single.html': '''{{ define "main" }}{{ $n := site.Data.names }}{{ $acts := where site.RegularPages "Section" "activities" }}
<h1>{{ .Title }}</h1>
{{ $rows := slice }}{{ range $n.framework_order }}{{ $rows = $rows | append (slice (slice (index $n.frameworks .) (len (index site.Taxonomies.frameworks .)))) }}{{ end }}
{{ partial "counts.html" (dict "id" "frameworks" "caption" "Hoạt động theo khuôn khổ" "head" "Khuôn khổ" "rows" $rows) }}
{{ $rows = slice }}{{ range $n.kind_order }}{{ $rows = $rows | append (slice (slice (index $n.kinds .) (len (where $acts "Params.activity_kind" .)))) }}{{ end }}
{{ partial "counts.html" (dict "id" "kinds" "caption" "Hoạt động theo loại hình" "head" "Loại hình" "rows" $rows) }}
{{ $rows = slice }}{{ range $acts.GroupByDate "2006-01" "asc" }}{{ $rows = $rows | append (slice (slice .Key (len .Pages))) }}{{ end }}
{{ partial "counts.html" (dict "id" "months" "caption" "Hoạt động theo tháng" "head" "Tháng" "rows" $rows) }}
{{ $rows = slice }}{{ range site.Taxonomies.partners.Alphabetical }}{{ $rows = $rows | append (slice (slice .Page.Title .Count)) }}{{ end }}
{{ partial "counts.html" (dict "id" "partners" "caption" "Hoạt động theo đối tác" "head" "Đối tác" "rows" $rows) }}
{{ end }}
''',
    'agreements/single.html': '''{{ define "main" }}{{ $n := site.Data.names }}
<h1>{{ .Title }}</h1>
<div class="table"><table>
<thead><tr><th scope="col">Thỏa thuận</th><th scope="col">Loại</th><th scope="col">Đối tác</th><th scope="col">Ký</th></tr></thead>
<tbody>
{{ range site.Data.agreements }}<tr><th scope="row">{{ .title }}</th><td>{{ .type }}</td><td>{{ range $i, $p := .partners }}{{ if $i }}, {{ end }}{{ index $n.partner_short $p }}{{ end }}</td><td>{{ .signed }}</td></tr>
{{ end }}</tbody>
</table></div>
{{ end }}
''',
    'projects/single.html': '''{{ define "main" }}{{ $n := site.Data.names }}
<h1>{{ .Title }}</h1>
<div class="table"><table>
<thead><tr><th scope="col">Dự án</th><th scope="col">Nhà tài trợ</th><th scope="col">Tình trạng</th></tr></thead>
<tbody>
{{ range site.Data.projects }}<tr><th scope="row">{{ .title }}</th><td>{{ index $n.partner_short .funder }}</td><td>{{ .status }}</td></tr>
{{ end }}</tbody>
</table></div>
{{ end }}
''',
    # {{stat activities.total}} and the like: a count computed from the site.
    'shortcodes/stat.html':
        '''{{ len (where site.RegularPages "Section" "activities") }}''',
    # {{agreements signed}}: the agreements, listed.
    'shortcodes/agreements.html': '''<ul class="agreements">{{ range site.Data.agreements }}<li>{{ .title }} ({{ .signed }})</li>{{ end }}</ul>
''',
}


def front_matter(text):
    """(the YAML front matter as a dict, the body)."""
    if not text.startswith('---\n'):
        return {}, text
    head, body = text[4:].split('\n---\n', 1)
    return yaml.safe_load(head) or {}, body


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def page(path, meta, body):
    write(path, '---\n' + json.dumps(meta, ensure_ascii=False, default=str) +
          '\n---\n' + body)


def shortcodes(md):
    """coopgen's {{stat X}} and {{agreements X}} as Hugo shortcodes."""
    md = re.sub(r'\{\{stat ([^}]*)\}\}', r'{{< stat "\1" >}}', md)
    return re.sub(r'\{\{agreements ([^}]*)\}\}', r'{{< agreements "\1" >}}', md)


def load(path):
    with open(path, encoding='utf-8') as f:
        return yaml.safe_load(f)


def main(content, site, year=None):
    top = os.path.join(content, year) if year else None
    if not top:
        year = sorted(d for d in os.listdir(content) if re.fullmatch(r'\d{4}', d))[-1]
        top = os.path.join(content, year)
    shutil.rmtree(site, ignore_errors=True)
    meta = load(os.path.join(content, 'site.yaml'))
    partners = load(os.path.join(content, 'partners.yaml'))
    report = load(os.path.join(top, 'report.yaml'))
    config = dict(CONFIG, title=meta['organisation'])
    write(os.path.join(site, 'hugo.yaml'), yaml.safe_dump(config, allow_unicode=True))
    for name, text in LAYOUTS.items():
        write(os.path.join(site, 'layouts', name), text)
    style = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                         'templates', 'style.css')
    os.makedirs(os.path.join(site, 'static'))
    shutil.copyfile(style, os.path.join(site, 'static', 'style.css'))

    # Names the templates look up, and the records as data files.
    names = {
        'year': int(year),
        'report': {'title': report['title'], 'lead': report.get('lead', '')},
        'frameworks': {f['id']: f['name'] for f in meta['frameworks']},
        'framework_order': [f['id'] for f in meta['frameworks']],
        'kinds': {k['id']: k['name'] for k in meta['kinds']},
        'kind_order': [k['id'] for k in meta['kinds']],
        'partner_short': {p['id']: p.get('short', p['name']) for p in partners},
        'nav': [{'url': u, 'name': n} for u, n in (
            ('index.html', 'Báo cáo'), ('statistics.html', 'Thống kê'),
            ('activities.html', 'Hoạt động'), ('partners.html', 'Đối tác'),
            ('agreements.html', 'Thỏa thuận'), ('projects.html', 'Dự án'),
            ('article.html', 'Bài viết'))],
    }
    data = os.path.join(site, 'data')
    write(os.path.join(data, 'names.json'), json.dumps(names, ensure_ascii=False))
    for name, path in (('agreements', os.path.join(content, 'agreements.yaml')),
                       ('projects', os.path.join(top, 'projects.yaml'))):
        records = load(path) if os.path.exists(path) else []
        write(os.path.join(data, name + '.json'),
              json.dumps(records or [], ensure_ascii=False, default=str))

    pages = os.path.join(site, 'content')
    page(os.path.join(pages, '_index.md'), {'title': report['title']}, '')
    page(os.path.join(pages, 'activities', '_index.md'), {'title': 'Hoạt động'}, '')
    page(os.path.join(pages, 'frameworks', '_index.md'), {'title': 'Khuôn khổ'}, '')
    page(os.path.join(pages, 'partners', '_index.md'), {'title': 'Đối tác'}, '')
    for p in partners:
        page(os.path.join(pages, 'partners', p['id'], '_index.md'), {'title': p['name']}, '')
    for f in meta['frameworks']:
        page(os.path.join(pages, 'frameworks', f['id'], '_index.md'), {'title': f['name']}, '')
    for name, title in (('statistics', 'Thống kê'), ('agreements', 'Thỏa thuận'),
                        ('projects', 'Dự án')):
        page(os.path.join(pages, name, '_index.md'),
             {'title': title, 'layout': 'single', 'type': name}, '')
    article = os.path.join(top, 'article.md')
    if os.path.exists(article):
        m, body = front_matter(open(article, encoding='utf-8').read())
        page(os.path.join(pages, 'article.md'), m, shortcodes(body))
    sdir = os.path.join(top, 'sections')
    # The sections appear in the report only, not as pages of their own.
    page(os.path.join(pages, 'sections', '_index.md'),
         {'title': 'Chương', '_build': {'render': 'never'},
          'cascade': {'_build': {'render': 'never'}}}, '')
    for name in sorted(os.listdir(sdir)) if os.path.isdir(sdir) else []:
        m, body = front_matter(open(os.path.join(sdir, name), encoding='utf-8').read())
        m['weight'] = int(m.pop('order', 0)) + 1
        page(os.path.join(pages, 'sections', name), m, shortcodes(body))

    adir = os.path.join(top, 'activities')
    for name in sorted(os.listdir(adir)):
        if not name.endswith('.md'):
            continue
        m, body = front_matter(open(os.path.join(adir, name), encoding='utf-8').read())
        fm = {'title': m['title'], 'date': str(m['date']),
              'frameworks': [m['framework']], 'partners': m.get('partners') or [],
              'activity_kind': m['kind']}
        page(os.path.join(pages, 'activities', name), fm, body)


if __name__ == '__main__':
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
