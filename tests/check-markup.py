#!/usr/bin/python3
"""No content payload survives as markup in a built site.

    check-markup.py OUT

Parses every .html file under OUT (a real parser: an escaped "onerror="
inside an attribute's value is text, not an attribute) and fails a page
that has an event attribute (on...), a <script> other than one JSON-LD
block, or an href/src with a javascript:, vbscript: or data:text address.
Prints "pass markup/FILE" or "fail markup/FILE: why".
"""
import html.parser
import os
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'script' and a.get('type') != 'application/ld+json':
            self.bad.append(f'<script> of type {a.get("type")}')
        for name, value in attrs:
            if name.startswith('on'):
                self.bad.append(f'<{tag} {name}=...>')
            if name in ('href', 'src') and value and value.strip().lower() \
                    .startswith(('javascript:', 'vbscript:', 'data:text')):
                self.bad.append(f'<{tag} {name}="{value[:30]}">')


def main(out):
    for d, _, files in sorted(os.walk(out)):
        for f in sorted(files):
            if not f.endswith('.html'):
                continue
            path = os.path.join(d, f)
            p = Page()
            p.feed(open(path, encoding='utf-8').read())
            name = os.path.relpath(path, out)
            print(f'pass markup/{name}' if not p.bad else
                  f'fail markup/{name}: {"; ".join(p.bad[:5])}')


if __name__ == '__main__':
    main(sys.argv[1])
