/**
 * The outlined print flavour (`--outline-text`): every glyph is a filled path, no font is
 * embedded, and the page looks like the live-text print file. Read back with pdf.js (text,
 * rendering) and pdf-lib's parser (resources, objects), never with our writer.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { PDFDict, PDFName } from 'pdf-lib';
import type { DisplayDocument, GlyphRun } from '../../src/layout/display-list.js';
import { renderPrintPdf } from '../../src/render/pdf/print/index.js';
import { preflightPrint } from '../../src/preflight/print.js';
import { layout } from '../layout/helpers.js';
import { extractPdfText } from '../helpers/pdfText.js';
import { differingShare, renderPdfPage, type Raster } from '../helpers/pdfRender.js';
import { operators, readPrintPdf } from '../helpers/printPdf.js';

/** Horizontal text, a vertical column (upright, sideways Latin, 縦中横 compressed), and a half-turned block. */
function sample(): DisplayDocument {
  return layout(
    `@page { size: 148mm 105mm; margin: 10mm }
     body { display: flex; flex-direction: row; gap: 6mm; font-size: 14pt }
     .v { writing-mode: vertical-rl; height: 70mm; text-combine-upright: digits 3 }
     .turn { transform: rotate(180deg); font-size: 18pt; font-weight: bold }`,
    `<div><p>カスハラ対策 Policy 2025</p><p class="turn">上下逆さの見出し</p></div>
     <p class="v">令和7年8月29日 100人 ABC と縦書き</p>`,
  );
}

function runs(doc: DisplayDocument): GlyphRun[] {
  return doc.pages.flatMap((p) => p.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.glyphs.length > 0));
}

function darkPixels(r: Raster): number {
  let n = 0;
  for (let i = 0; i < r.data.length; i += 4) if (r.data[i]! < 128) n++;
  return n;
}

describe('outlined print flavour', () => {
  let doc: DisplayDocument;
  let live: Uint8Array;
  let outlined: Uint8Array;
  beforeAll(async () => {
    doc = sample();
    live = await renderPrintPdf(doc, { id: 'sample.print.pdf' });
    outlined = await renderPrintPdf(doc, { id: 'sample.print-outlined.pdf', outlineText: true });
  }, 60_000);

  it('the sample exercises vertical, sideways, compressed and half-turned glyphs', () => {
    const all = runs(doc);
    expect(all.some((r) => r.vertical)).toBe(true);
    expect(all.some((r) => r.glyphs.some((g) => g.rotate === 90))).toBe(true);
    expect(all.some((r) => r.glyphs.some((g) => g.scaleX !== undefined && g.scaleX < 1))).toBe(true);
    expect(all.some((r) => r.rotation === 180)).toBe(true);
  });

  it('pdf.js finds the text in the live file and none in the outlined one', async () => {
    const [livePage] = await extractPdfText(live);
    expect(livePage!.text.replace(/\s/g, '')).toContain('カスハラ対策');
    const [page] = await extractPdfText(outlined);
    expect(page!.items.map((i) => i.str).join('').trim()).toBe('');
    expect(page!.fonts).toEqual([]);
  });

  it('has no /Font resource and no font object at all', async () => {
    const { doc: pdf, pages } = await readPrintPdf(outlined);
    for (const p of pdf.getPages()) {
      const resources = p.node.lookup(PDFName.of('Resources'), PDFDict);
      expect(resources.get(PDFName.of('Font'))).toBeUndefined();
    }
    const types = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFDict ? o.get(PDFName.of('Type'))?.toString() : undefined));
    expect(types).not.toContain('/Font');
    expect(types).not.toContain('/FontDescriptor');
    // No text objects; the glyphs are K100 fills (nonzero rule).
    const ops = operators(pages[0]!.content);
    expect(ops.filter((o) => o === 'BT' || / (Tj|TJ|Tf)$/.test(o))).toEqual([]);
    expect(ops).toContain('0 0 0 1 k');
    expect(ops.filter((o) => o === 'f').length).toBeGreaterThanOrEqual(runs(doc).length);
    // The live print file does embed its fonts (so the checks above can fail).
    const livePdf = (await readPrintPdf(live)).doc;
    const liveTypes = livePdf.context.enumerateIndirectObjects().map(([, o]) => (o instanceof PDFDict ? o.get(PDFName.of('Type'))?.toString() : undefined));
    expect(liveTypes).toContain('/Font');
  });

  it('renders like the live file (pdf.js, 1 px per pt)', async () => {
    const a = await renderPdfPage(live, 1, 1);
    const b = await renderPdfPage(outlined, 1, 1);
    expect(darkPixels(a)).toBeGreaterThan(500); // there is text to compare
    expect(differingShare(a, b)).toBeLessThan(0.002);
    // A file without the text would differ a lot: the comparison can fail.
    const blank = await renderPrintPdf({ ...doc, pages: doc.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.kind !== 'glyphs') })) });
    expect(differingShare(a, await renderPdfPage(blank, 1, 1))).toBeGreaterThan(0.005);
  });

  it('passes the print preflight', async () => {
    const results = await preflightPrint(outlined);
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(results.filter((r) => r.rule === 'fonts' || r.rule === 'text-colour').every((r) => r.status === 'pass')).toBe(true);
  });
});
