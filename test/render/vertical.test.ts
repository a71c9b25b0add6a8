/**
 * Vertical text in the backends: each glyph of a vertical run gets its own text matrix (turned
 * for sideways Latin, compressed for tate-chu-yoko) in the ordinary Identity-H font; pdf.js —
 * an independent reader — must extract it in reading order and draw it where layout put it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFontRegistry, PROJECT_ROOT } from '../../src/fonts/registry.js';
import { IconRegistry } from '../../src/icons/registry.js';
import type { DisplayDocument, GlyphRun, PositionedGlyph } from '../../src/layout/display-list.js';
import { layoutDocument } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { pageContent } from '../../src/render/pdf/content-stream.js';
import { widthArray } from '../../src/render/pdf/font-embed.js';
import { buildSubset, FontCollector } from '../../src/render/pdf/font-subset.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { pageToSvg } from '../../src/render/raster/svg.js';
import { BLACK } from '../helpers/displayDoc.js';
import { countInk, renderPdfPage } from '../helpers/pdfRender.js';
import { extractPdfText } from '../helpers/pdfText.js';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/vertical/desk-sign.html');
const MESSAGE = '「カスタマー・ハラスメントには、毅然として組織的に対応します。」';
const SIGN_OFF = '令和7年8月29日　岡山市';
const ENGLISH = 'Customer Harassment Policy, Okayama City 2025';

function deskSign(): DisplayDocument {
  const doc = parseMarkup(readFileSync(FIXTURE, 'utf8'), { file: 'desk-sign.html' });
  expect(doc.diagnostics).toEqual([]);
  return layoutDocument(doc, { fonts: defaultFontRegistry(), icons: new IconRegistry(), date: new Date(0), file: 'desk-sign.html' });
}

const runs = (doc: DisplayDocument): GlyphRun[] => doc.pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
const placed = (doc: DisplayDocument, ch: string): { run: GlyphRun; g: PositionedGlyph }[] =>
  runs(doc).flatMap((run) => run.glyphs.filter((g) => g.text === ch).map((g) => ({ run, g })));

describe('vertical text in the PDF backend', () => {
  it('the desk sign goes through parseMarkup → layoutDocument → renderPdf with its fonts embedded', async () => {
    const doc = deskSign();
    expect(runs(doc).every((r) => r.vertical)).toBe(true);
    const [page] = await extractPdfText(await renderPdf(doc));
    expect(page!.fonts.length).toBeGreaterThan(0);
    for (const f of page!.fonts) expect(f.embedded).toBe(true);
  });

  it('pdf.js extracts the vertical text in reading order', async () => {
    const [page] = await extractPdfText(await renderPdf(deskSign()));
    const strip = (s: string) => s.replace(/[\s\u3000]/g, '');
    expect(strip(page!.items.map((i) => i.str).join(''))).toBe(strip(MESSAGE + SIGN_OFF + ENGLISH));
    // Items come column by column: right to left, each top to bottom.
    const ka = page!.items.find((i) => i.str.includes('カ'))!;
    const rei = page!.items.find((i) => i.str.includes('令'))!;
    expect(rei.x).toBeLessThan(ka.x);
  });

  it('draws 、 in the upper right of its cell, 29 in one cell and Latin turned, where layout put them', async () => {
    const doc = deskSign();
    const raster = await renderPdfPage(await renderPdf(doc), 1, 4);
    // 、: the glyph's 1 em cell (x = centre ± em/2, from the cell top); ink only in its upper right.
    const { run, g } = placed(doc, '、')[0]!;
    const em = run.size;
    const top = run.y + g.y! - (run.font.ascender / run.font.unitsPerEm) * em;
    const x = run.x;
    const quad = (dx: number, dy: number) => countInk(raster, { x: x + dx, y: top + dy, width: em / 2, height: em / 2 });
    expect(quad(0, 0)).toBeGreaterThan(20);
    expect(quad(-em / 2, 0) + quad(-em / 2, em / 2) + quad(0, em / 2)).toBe(0);
    // 29: both digits inside one em-wide cell, centred on the column.
    const two = placed(doc, '2').find((p) => !p.g.rotate)!;
    const size = two.run.size;
    const cellTop = two.run.y + two.g.y! - (two.run.font.ascender / two.run.font.unitsPerEm) * size;
    const inCell = countInk(raster, { x: two.run.x - size / 2, y: cellTop, width: size, height: size });
    const beside = countInk(raster, { x: two.run.x - size * 1.5, y: cellTop, width: size, height: size });
    expect(inCell).toBeGreaterThan(50);
    expect(beside).toBe(0);
    // The English line is turned: its ink is a tall, narrow strip around its column.
    const c = placed(doc, 'C')[0]!;
    const wordTop = c.run.y + c.g.y!;
    expect(countInk(raster, { x: c.run.x - 6, y: wordTop, width: 12, height: 100 })).toBeGreaterThan(200);
    expect(countInk(raster, { x: c.run.x + 6, y: wordTop, width: 100, height: 12 })).toBe(0);
  });

  it('writes one text matrix per upright glyph, a turned one per sideways word, a compressed one for tate-chu-yoko', () => {
    const face = defaultFontRegistry().resolve(['sans-serif'], 400);
    const id = (ch: string) => face.glyphId(ch.codePointAt(0)!);
    const run: GlyphRun = {
      kind: 'glyphs',
      font: face,
      size: 10,
      color: BLACK,
      x: 100,
      y: 50,
      vertical: true,
      glyphs: [
        { id: id('縦'), text: '縦', x: -5, y: 8.8, advance: 10 },
        { id: id('A'), text: 'A', x: -3.8, y: 10, advance: 7.6, rotate: 90 },
        { id: id('B'), text: 'B', x: -3.8, y: 17.6, advance: 7.7, rotate: 90 },
        { id: id('1'), text: '1', x: -5, y: 34.1, advance: 10, scaleX: 0.7 },
      ],
    };
    const collector = new FontCollector();
    collector.add(face, run.glyphs);
    const subset = buildSubset(collector.all()[0]!);
    const { text } = pageContent({ width: 200, height: 200, items: [run] }, () => subset);
    const lines = text.split('\n');
    expect(lines).toContain('1 0 0 1 95 141.2 Tm');
    expect(lines).toContain('0 -1 1 0 96.2 140 Tm');
    expect(lines).toContain('0.7 0 0 1 95 115.9 Tm');
    // A and B in one TJ: the turned text space advances down the column.
    expect(lines.filter((l) => l.endsWith('TJ'))).toHaveLength(1);
  });

  it('writes /DW as an integer, so every reader keeps the glyph pitch of a Latin-only font', () => {
    // 0.76 em (759.766/1000) is the most common width of BIZ UDPGothic's digits; poppler ignores a real /DW.
    const { dw, w } = widthArray(new Map([[1, 759.766], [2, 759.766], [3, 759.766], [4, 333.496]])); // prettier-ignore
    expect(Number.isInteger(dw)).toBe(true);
    expect(w).toEqual([1, 3, 759.766, 4, [333.496]]);
  });
});

describe('vertical text in the raster backend', () => {
  it('places each glyph at its own offset, turning sideways glyphs and compressing tate-chu-yoko', () => {
    const svg = pageToSvg(deskSign().pages[0]!);
    // Glyph placement is matrix(a b c d e f) (render/glyph-outline.ts); sideways: a = d = 0, b > 0 (font x runs down).
    const matrices = [...svg.matchAll(/matrix\(([^)]*)\)/g)].map((m) => m[1]!.split(' ').map(Number));
    expect(matrices.some(([a, b, c, d]) => a === 0 && d === 0 && b! > 0 && c! > 0)).toBe(true);
    const scales = matrices.filter(([, b, c]) => b === 0 && c === 0).map(([a, , , d]) => a! / -d!);
    expect(scales.some((r) => r > 0.5 && r < 0.99)).toBe(true); // the 29 cell: narrower than tall
    expect(scales.filter((r) => Math.abs(r - 1) > 1e-9).length).toBe(2);
  });
});
