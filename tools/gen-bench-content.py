#!/usr/bin/python3
"""Write a synthetic content tree for the benchmark.

    gen-bench-content.py DIR N [SEED [short]]

DIR gets site.yaml, partners.yaml (40 partners), agreements.yaml and a
year 2023 with N activities (one Markdown file each, bodies of 150 to 400
words of Vietnamese in paragraphs, lists, emphasis and links), a few
hundred projects, sections and an article. The same N and SEED always give
the same tree, byte for byte. With "short", each body is one sentence
(for measuring what is not Markdown, such as the workbook).
"""
import os
import random
import sys

WORDS = ('hợp tác quốc tế sở hữu trí tuệ cơ quan đối tác thỏa thuận chương '
         'trình dự án hội thảo đào tạo học bổng sáng chế nhãn hiệu kiểu dáng '
         'công nghiệp chỉ dẫn địa lý thẩm định đơn đăng ký bảo hộ quyền thực '
         'thi doanh nghiệp địa phương chiến lược phát triển tài sản năng lực '
         'chuyên gia kinh nghiệm trao đổi thông tin khuôn khổ đa phương song '
         'phương khu vực thế giới quốc gia nghiên cứu chính sách pháp luật '
         'hiệp định cam kết triển khai kết quả kế hoạch năm tới').split()
FRAMEWORKS = [('asean', 'Khuôn khổ ASEAN'), ('apec', 'Khuôn khổ APEC'),
              ('wto', 'Khuôn khổ WTO'), ('wipo', 'Hợp tác với WIPO'),
              ('bilateral', 'Hợp tác song phương')]
KINDS = [('meeting', 'Họp, hội nghị'), ('visit', 'Đoàn ra'),
         ('reception', 'Đón đoàn vào'), ('signing', 'Ký kết'),
         ('workshop', 'Hội thảo'), ('scholarship', 'Học bổng'),
         ('award', 'Giải thưởng'), ('programme', 'Chương trình'),
         ('consultation', 'Góp ý văn kiện'), ('exchange', 'Trao đổi')]
STATUSES = ['completed', 'ongoing', 'preparing', 'proposed']
COUNTRIES = ['FR', 'DE', 'JP', 'KR', 'CN', 'US', 'SG', 'TH', 'LA', 'KH',
             'CH', 'GB', 'AU', 'IN', 'ID', 'MY', 'PH', 'CA', 'IT', 'ES']


def sentence(r, lo=8, hi=18):
    s = ' '.join(r.choice(WORDS) for _ in range(r.randint(lo, hi)))
    return s[0].upper() + s[1:] + '.'


def body(r, partners):
    """150 to 400 words, in paragraphs, a list, emphasis and links."""
    target, words, out = r.randint(150, 400), 0, []
    while words < target:
        kind = r.random()
        if kind < 0.15:
            items = [sentence(r, 4, 9) for _ in range(r.randint(2, 5))]
            out.append('\n'.join('- ' + i for i in items))
            words += sum(len(i.split()) for i in items)
        else:
            para = [sentence(r) for _ in range(r.randint(2, 5))]
            if r.random() < 0.5:
                para[0] = '*' + para[0][:-1] + '*.'
            if r.random() < 0.3:
                p = r.choice(partners)
                para.append(f'Xem thêm [trang của {p}](https://example.org/{p}).')
            if r.random() < 0.2:
                para.append('**' + sentence(r, 3, 6)[:-1] + '**.')
            out.append(' '.join(para))
            words += sum(len(x.split()) for x in para)
        if r.random() < 0.1:
            out.append('## ' + sentence(r, 2, 5)[:-1])
    return '\n\n'.join(out) + '\n'


def main(top, n, seed, short=False):
    r = random.Random(seed)
    os.makedirs(os.path.join(top, '2023', 'activities'), exist_ok=True)
    os.makedirs(os.path.join(top, '2023', 'sections'), exist_ok=True)
    with open(os.path.join(top, 'site.yaml'), 'w') as f:
        f.write('organisation: Cơ quan thử nghiệm hiệu năng\nlang: vi\n'
                'frameworks:\n')
        for i, name in FRAMEWORKS:
            f.write(f'  - id: {i}\n    name: {name}\n')
        f.write('kinds:\n')
        for i, name in KINDS:
            f.write(f'  - id: {i}\n    name: {name}\n')
    partners = [f'p{i:02d}' for i in range(40)]
    with open(os.path.join(top, 'partners.yaml'), 'w') as f:
        for i, p in enumerate(partners):
            f.write(f'- id: {p}\n  name: Cơ quan đối tác số {i}\n'
                    f'  short: ĐT{i}\n')
            if i % 3:
                f.write(f'  country: {COUNTRIES[i % len(COUNTRIES)]}\n')
    with open(os.path.join(top, 'agreements.yaml'), 'w') as f:
        for i in range(max(20, n // 40)):
            f.write(f'- title: Thỏa thuận hợp tác số {i}\n'
                    f'  type: {r.choice(["bilateral", "multilateral"])}\n'
                    f'  partners: [{r.choice(partners)}]\n'
                    f'  signed: {r.randint(2000, 2023)}-{r.randint(1, 12):02d}\n')
    with open(os.path.join(top, '2023', 'report.yaml'), 'w') as f:
        f.write('title: Báo cáo thử nghiệm hiệu năng\n'
                'lead: Năm nay có {{stat activities.total}} hoạt động.\n'
                'published: 2024-01-15\n')
    with open(os.path.join(top, '2023', 'projects.yaml'), 'w') as f:
        for i in range(max(10, n // 50)):
            f.write(f'- title: Dự án số {i}\n  funder: {r.choice(partners)}\n'
                    f'  status: {r.choice(STATUSES)}\n')
    for i in range(6):
        with open(os.path.join(top, '2023', 'sections', f'{i:02d}.md'), 'w') as f:
            f.write(f'---\ntitle: Chương {i}\norder: {i}\n---\n')
            f.write('Có {{stat activities.total}} hoạt động.\n\n' + body(r, partners))
    with open(os.path.join(top, '2023', 'article.md'), 'w') as f:
        f.write('---\ntitle: Bài viết thử nghiệm\nlead: Tóm tắt năm.\n---\n')
        f.write(body(r, partners) + '\n{{agreements signed}}\n')
    for i in range(n):
        fw, kind = r.choice(FRAMEWORKS)[0], r.choice(KINDS)[0]
        ps = ', '.join(r.sample(partners, r.randint(1, 3)))
        with open(os.path.join(top, '2023', 'activities', f'a{i:06d}.md'), 'w') as f:
            f.write(f'---\ntitle: {sentence(r, 5, 12)[:-1]} {i}\n'
                    f'date: 2023-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}\n'
                    f'framework: {fw}\nkind: {kind}\npartners: [{ps}]\n---\n')
            f.write(sentence(r) + '\n' if short else body(r, partners))


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1,
         len(sys.argv) > 4 and sys.argv[4] == 'short')
