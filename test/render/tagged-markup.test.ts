/**
 * Markup semantics → structure elements in the tagged PDF, on small documents: ruby as Ruby
 * (RB, RT), a language change as a Span with /Lang, a URL in running text as a Link with its
 * annotation, labelled icons as Figures and unlabelled ones as artifacts, list labels.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderTaggedPdf } from '../../src/render/pdf/tagged/index.js';
import { layout } from '../layout/helpers.js';
import { flatten, readTagged, squash } from './tagged-support.js';

const CSS = '@page { size: A5; margin: 15mm } body { font-size: 12pt; line-height: 2 }';

async function tagged(body: string) {
  const bytes = await renderTaggedPdf(layout(CSS, body));
  return { bytes, pdf: await readTagged(bytes) };
}

describe('tagged PDF from markup', () => {
  it('tags ruby as Ruby with RB (the base) and RT (the reading)', async () => {
    const { pdf } = await tagged('<p>市の<ruby>職員<rt>しょくいん</rt></ruby>を守ります。</p>');
    const ruby = pdf.pages.flatMap(flatten).find((n) => n.role === 'Ruby')!;
    expect(ruby.children.map((c) => [c.role, c.text])).toEqual([['RB', '職員'], ['RT', 'しょくいん']]);
    const p = pdf.pages.flatMap(flatten).find((n) => n.role === 'P')!;
    expect(squash(p.text)).toBe('市の職員しょくいんを守ります。');
  });

  it('tags a change of language as a Span with /Lang, and the document language stays ja', async () => {
    const { pdf, bytes } = await tagged('<p>相談窓口 <span lang="en">Consultation desk</span></p>');
    const span = pdf.pages.flatMap(flatten).find((n) => n.role === 'Span')!;
    expect(span.lang).toBe('en');
    expect(span.text.trim()).toBe('Consultation desk'); // pdf.js adds the space it sees before the span
    const doc = await PDFDocument.load(bytes);
    expect(doc.catalog.get(PDFName.of('Lang'))).toEqual(PDFString.of('ja'));
  });

  it('links a URL in running text: a Link element and an annotation over its glyphs only', async () => {
    const url = 'https://example.jp/policy.html';
    const { pdf, bytes } = await tagged(`<p>全文は ${url} に掲載しています。</p>`);
    const link = pdf.pages.flatMap(flatten).find((n) => n.role === 'Link')!;
    expect(link.text.trim()).toBe(url);
    const doc = await PDFDocument.load(bytes);
    const page = doc.getPages()[0]!;
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    expect(annots.size()).toBe(1);
    const annot = annots.lookup(0, PDFDict);
    const action = annot.lookup(PDFName.of('A'), PDFDict);
    expect(action.get(PDFName.of('URI'))).toEqual(PDFString.of(url));
    expect(String(page.node.get(PDFName.of('Tabs')))).toBe('/S');
    // The rectangle covers the URL, not the Japanese text around it.
    const [x0, , x1] = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(String(n)));
    const width = x1! - x0!;
    expect(width).toBeGreaterThan(url.length * 12 * 0.35);
    expect(width).toBeLessThan(url.length * 12 * 0.75);
  });

  it('makes a labelled icon a Figure with /Alt and an unlabelled one an artifact; list labels are Lbl', async () => {
    const { pdf } = await tagged(
      '<ul style="list-style-type: disc; padding-left: 2em"><li><kp-icon name="check"></kp-icon>確認</li></ul>' +
        '<kp-icon name="megaphone" label="暴言・大声" style="width: 10mm; height: 10mm"></kp-icon>',
    );
    const all = pdf.pages.flatMap(flatten);
    expect(all.filter((n) => n.role === 'Figure').map((f) => f.alt)).toEqual(['暴言・大声']);
    const li = all.find((n) => n.role === 'LI')!;
    expect(li.children.map((c) => [c.role, c.text])).toEqual([['Lbl', '•'], ['LBody', '確認']]);
  });
});
