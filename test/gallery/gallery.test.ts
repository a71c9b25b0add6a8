import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { selectAll, selectOne } from 'css-select';
import { galleryHtml, type GalleryEntry } from '../../src/gallery/index.js';

const entries: GalleryEntry[] = [
  { variant: 'okayama', variantName: '岡山市', product: 'poster', size: 'A3', flavour: 'print', file: 'okayama/poster-a3.print.pdf', bytes: 95_000, pages: 1, langs: ['ja'], thumbnail: 'thumbnails/okayama/poster-a3.png', title: 'ポスター' },
  { variant: 'okayama-en', product: 'poster', size: 'A4', flavour: 'plain', file: 'okayama-en/poster-a4.pdf', bytes: 2_500_000, pages: 1, langs: ['en'], draft: true },
];

describe('gallery page', () => {
  const html = galleryHtml(entries);
  const dom = parseDocument(html);
  const one = (sel: string) => selectOne(sel, dom) as unknown as Element | null;
  const all = (sel: string) => selectAll(sel, dom) as unknown as Element[];

  it('is a Japanese page with a title, a heading per variant and a table row per output', () => {
    expect(one('html')?.attribs.lang).toBe('ja');
    expect(selectOne('title', dom)).toBeTruthy();
    expect(selectAll('h2', dom).map((h) => (h.children[0] as { data: string }).data)).toEqual(['岡山市（okayama）', 'okayama-en']);
    expect(selectAll('tbody tr', dom)).toHaveLength(2);
    expect(selectAll('th[scope=col]', dom).length).toBeGreaterThan(0);
  });

  it('links every file, gives thumbnails alt text, shows sizes, languages and drafts', () => {
    expect(all('a').map((a) => a.attribs.href)).toEqual(['okayama/poster-a3.print.pdf', 'okayama-en/poster-a4.pdf']);
    const img = one('img')!;
    expect(img.attribs.src).toBe('thumbnails/okayama/poster-a3.png');
    expect(img.attribs.alt).toContain('ポスター');
    expect(html).toContain('93 KB');
    expect(html).toContain('2.4 MB');
    expect(html).toContain('<span lang="en">English</span>');
    expect(html).toContain('下書き / draft');
  });

  it('escapes what it prints', () => {
    expect(galleryHtml([{ ...entries[0]!, variantName: '<script>' }])).not.toContain('<script>');
  });
});
