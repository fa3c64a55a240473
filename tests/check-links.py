#!/usr/bin/python3
"""Every internal link of a built site resolves.

    check-links.py OUT

For every .html file under OUT, each href and src that is not an external
address (http:, https:, mailto:, tel:) must name a file under OUT, and a
#fragment must name an id in that file. Links must be relative: one that
starts with '/' would break the site on a USB stick or a sub-path.
Prints "pass links/FILE" or "fail links/FILE: why" for each page.
"""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == 'id' and value:
                self.ids.add(value)
            if name in ('href', 'src') and value is not None:
                self.links.append(value)


def parse(path, cache):
    if path not in cache:
        p = Page()
        with open(path, encoding='utf-8') as f:
            p.feed(f.read())
        cache[path] = p
    return cache[path]


def main(out):
    out = os.path.abspath(out)
    cache = {}
    pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(out)
                   for f in fs if f.endswith('.html'))
    for page in pages:
        bad = []
        for link in parse(page, cache).links:
            url = urllib.parse.urlsplit(link)
            if url.scheme in ('http', 'https', 'mailto', 'tel'):
                continue
            if url.scheme or link.startswith('/'):
                bad.append(f'{link}: not relative')
                continue
            target = page if not url.path else os.path.normpath(
                os.path.join(os.path.dirname(page),
                             urllib.parse.unquote(url.path)))
            if not target.startswith(out + os.sep):
                bad.append(f'{link}: outside the site')
            elif not os.path.isfile(target):
                bad.append(f'{link}: no such file')
            elif url.fragment and target.endswith('.html') and \
                    url.fragment not in parse(target, cache).ids:
                bad.append(f'{link}: no id "{url.fragment}"')
        name = os.path.relpath(page, out)
        print(f'pass links/{name}' if not bad else
              f'fail links/{name}: {"; ".join(bad[:5])}')


if __name__ == '__main__':
    main(sys.argv[1])
