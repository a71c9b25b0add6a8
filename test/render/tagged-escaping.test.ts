/**
 * Values from content that end up in PDF strings and in the XMP packet of the tagged PDF are
 * escaped for where they go: a link's URI with an unbalanced parenthesis stays one string, and
 * a title with characters XML cannot hold still gives readable metadata. Read back with pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { renderTaggedPdf } from '../../src/render/pdf/tagged/index.js';
import { xmpPacket } from '../../src/render/pdf/tagged/xmp.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { layout } from '../layout/helpers.js';

const CSS = '@page { size: A6; margin: 10mm } body { font-size: 10pt }';

describe('escaping in the tagged PDF', () => {
  it('keeps a URI with an unbalanced parenthesis in one PDF string', async () => {
    const href = 'https://example.jp/a_(1\\b';
    const bytes = await renderTaggedPdf(layout(CSS, `<p><a href="${href}">資料</a>を見てください。</p>`));
    const doc = await loadPdf(bytes);
    try {
      const page = await doc.getPage(1);
      const annots = (await page.getAnnotations()) as { subtype: string; url?: string; unsafeUrl?: string }[];
      const link = annots.find((a) => a.subtype === 'Link')!;
      // The backslash is percent-encoded (URIs are ASCII without "\"), the parenthesis kept.
      expect(link.unsafeUrl ?? link.url).toBe('https://example.jp/a_(1%5Cb');
      const text = await page.getTextContent();
      expect(text.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('を見てください。');
    } finally {
      await doc.destroy();
    }
  });

  it('drops characters XML cannot hold from the XMP title, and escapes the rest', async () => {
    const doc0 = layout(CSS, '<p>本文</p>');
    const bytes = await renderTaggedPdf({ ...doc0, meta: { ...doc0.meta, title: 'A\u0007B & <C>\uD800 D' } });
    const doc = await loadPdf(bytes);
    try {
      const { metadata } = await doc.getMetadata();
      expect(metadata?.get('dc:title')).toBe('AB & <C> D');
    } finally {
      await doc.destroy();
    }
    expect(xmpPacket({ ...doc0.meta, title: 'x\u000by' })).toContain('<rdf:li xml:lang="x-default">xy</rdf:li>');
  });
});
