import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { selectAll, selectOne } from 'css-select';
import { galleryHtml, type GalleryEntry } from '../../src/gallery/index.js';

const entries: GalleryEntry[] = [
  {
    variant: 'okayama-en', product: 'poster', size: 'A4', pages: 1, langs: ['en'], draft: true,
    files: [{ flavour: 'pdf', file: 'okayama-en/poster-a4.pdf', bytes: 2_500_000 }],
  },
  {
    variant: 'okayama', variantName: '岡山市', base: true, product: 'poster', size: 'A3', pages: 1, langs: ['ja'],
    thumbnail: 'thumbnails/okayama/poster-a3.png', title: 'ポスター',
    files: [
      { flavour: 'pdf', file: 'okayama/poster-a3.pdf', bytes: 45_000 },
      { flavour: 'print', file: 'okayama/poster-a3.print.pdf', bytes: 95_000 },
      { flavour: 'html', file: 'okayama/poster.html', bytes: 13_000 },
    ],
  },
  { variant: 'okayama-easy-ja', product: 'policy', pages: 2, langs: ['easy-ja'], draft: true, files: [{ flavour: 'web', file: 'okayama-easy-ja/policy.web.pdf', bytes: 150_000 }] },
];

describe('gallery page', () => {
  const html = galleryHtml(entries);
  const dom = parseDocument(html);
  const one = (sel: string) => selectOne(sel, dom) as unknown as Element | null;
  const all = (sel: string) => selectAll(sel, dom) as unknown as Element[];
  const text = (el: Element) => (el.children[0] as unknown as { data: string }).data;

  it('is a Japanese page with a title, the organisation first, then its variants, a row per document', () => {
    expect(one('html')?.attribs.lang).toBe('ja');
    expect(one('title')).toBeTruthy();
    expect(all('h2').map(text)).toEqual(['岡山市（okayama）', 'okayama-easy-ja', 'okayama-en']);
    expect(all('tbody tr')).toHaveLength(3);
    expect(all('th[scope=col]').length).toBeGreaterThan(0);
  });

  it('links every file of a document with its kind and size, gives thumbnails alt text, marks drafts', () => {
    expect(all('a').map((a) => a.attribs.href)).toEqual([
      'okayama/poster-a3.pdf', 'okayama/poster-a3.print.pdf', 'okayama/poster.html', 'okayama-easy-ja/policy.web.pdf', 'okayama-en/poster-a4.pdf',
    ]);
    const img = one('img')!;
    expect(img.attribs.src).toBe('thumbnails/okayama/poster-a3.png');
    expect(img.attribs.alt).toContain('ポスター');
    expect(html).toContain('93 KB');
    expect(html).toContain('2.4 MB');
    expect(html).toContain('<span lang="en">English</span>');
    expect(html).toContain('<span lang="ja">やさしい日本語</span>');
    expect(html.match(/下書き \/ draft/g)).toHaveLength(2);
  });

  it('escapes what it prints', () => {
    expect(galleryHtml([{ ...entries[1]!, variantName: '<script>' }])).not.toContain('<script>');
  });
});
