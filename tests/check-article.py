#!/usr/bin/python3
"""The news article of a built year, as newsrooms and networks read it.

    check-article.py OUT_YEAR_DIR [BASE_URL]

article.html: one JSON-LD NewsArticle that parses, with its fields equal to
the page's own title, description and date; the Open Graph tags; no other
script. article.fragment.html: the <article> element alone, and, with
BASE_URL, absolute links. Prints "pass NAME" or "fail NAME: why".
"""
import html.parser
import json
import os
import sys


class Head(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.links = {}
        self.title = ''
        self.scripts = []
        self.tags = []
        self.srcs = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == 'meta':
            key = a.get('property') or a.get('name')
            if key:
                self.meta[key] = a.get('content')
        elif tag == 'link':
            self.links[a.get('rel')] = a.get('href')
        elif tag in ('title', 'script'):
            self._in = tag
            if tag == 'script':
                self.scripts.append([a.get('type'), ''])
        if tag in ('img', 'a'):
            self.srcs.append(a.get('src') or a.get('href'))

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == 'title':
            self.title += data
        elif self._in == 'script':
            self.scripts[-1][1] += data


def report(name, ok, why=''):
    print(f'pass {name}' if ok else f'fail {name}: {why}')


def main(out, base=None):
    page = Head()
    page.feed(open(os.path.join(out, 'article.html'), encoding='utf-8').read())
    report('article/one-script', len(page.scripts) == 1 and
           page.scripts[0][0] == 'application/ld+json', page.scripts)
    try:
        ld = json.loads(page.scripts[0][1])
    except Exception as e:
        report('article/jsonld-parses', False, e)
        return
    report('article/jsonld-parses', True)
    headline = page.meta.get('og:title')
    report('article/jsonld-fields',
           ld.get('@context') == 'https://schema.org'
           and ld.get('@type') == 'NewsArticle'
           and ld.get('headline') == headline
           and page.title.startswith(headline)
           and ld.get('description') == page.meta.get('description')
           and ld.get('datePublished') == page.meta.get('article:published_time')
           and ld.get('datePublished', '')[19:] in ('+07:00', '-05:00', 'Z')
           and ld['publisher']['@type'] == 'Organization'
           and ld['publisher']['name'] == page.meta.get('og:site_name')
           and ld['author']['@type'] == 'Organization', ld)
    report('article/open-graph',
           page.meta.get('og:type') == 'article'
           and page.meta.get('og:description')
           and page.meta.get('og:locale') in ('vi_VN', 'en_US')
           and page.meta.get('og:site_name')
           and page.meta.get('article:published_time'), page.meta)
    if base:
        canonical = base.rstrip('/') + '/' + os.path.basename(out) + '/article.html'
        report('article/canonical', page.links.get('canonical') == canonical
               and page.meta.get('og:url') == canonical
               and ld.get('mainEntityOfPage') == canonical, page.links)
        report('article/og-image',
               page.meta.get('og:image', '').startswith(base)
               and page.meta.get('og:image:alt')
               and ld.get('image', [''])[0] == page.meta.get('og:image'),
               page.meta.get('og:image'))
    text = open(os.path.join(out, 'article.fragment.html'), encoding='utf-8').read()
    frag = Head()
    frag.feed(text)
    report('article/fragment-alone',
           text.startswith('<article') and text.rstrip().endswith('</article>')
           and not {'html', 'head', 'body', 'nav', 'script'} & set(frag.tags),
           frag.tags[:5])
    if base:
        outside = [s for s in frag.srcs if s and not s.startswith('#')
                   and not s.startswith(('http://', 'https://', 'mailto:'))]
        report('article/fragment-absolute', not outside, outside)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
