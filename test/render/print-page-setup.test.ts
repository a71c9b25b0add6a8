/**
 * Print geometry for sizes other than the products' portrait A/B sizes: A3 landscape and a
 * custom 100 × 148 mm page, laid out from @page, written by the print flavour and read back
 * with pdf-lib's parser — boxes exact in points, marks at the trim corners — plus the
 * configurable safe margin (`@page { -kp-safe-margin }`).
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { renderPrintPdf } from '../../src/render/pdf/print/index.js';
import { layout } from '../layout/helpers.js';
import { readPrintPdf, strokedSegments, type Line } from '../helpers/printPdf.js';

/** mm → pt rounded to 3 decimals, as a PDF number is written. */
const pt = (mm: number) => Math.round(((mm * 72) / 25.4) * 1000) / 1000;
const SHEET = 72; // 1 in of sheet beyond the trim on every side
const B = 3;
const LONG = 10; // mm of a corner mark beyond the bleed

const body = '<p>仕上がりサイズの確認</p>';

describe.each([
  { size: 'A3 landscape', w: 420, h: 297 },
  { size: '100mm 148mm', w: 100, h: 148 },
  { size: 'B4 landscape', w: 364, h: 257 },
])('@page { size: $size }', ({ size, w, h }) => {
  it('MediaBox, BleedBox, TrimBox and ArtBox are exact in points', async () => {
    const doc = layout(`@page { size: ${size}; margin: 15mm }`, body);
    const { pages } = await readPrintPdf(await renderPrintPdf(doc));
    expect(pages).toHaveLength(1);
    const p = pages[0]!;
    const W = pt(w);
    const H = pt(h);
    expect(p.trim).toEqual([0, 0, W, H]);
    expect(p.art).toEqual([0, 0, W, H]);
    // The bleed is the same written number on every side (the trim plus 8.504 pt).
    const r3 = (v: number) => Math.round(v * 1000) / 1000;
    expect(p.bleed).toEqual([-pt(B), -pt(B), r3(W + pt(B)), r3(H + pt(B))]);
    expect(p.media).toEqual([-SHEET, -SHEET, r3(W + SHEET), r3(H + SHEET)]);
  });

  it('puts the double corner marks at the trim corners and the centre marks at the middles', async () => {
    const doc = layout(`@page { size: ${size}; margin: 15mm }`, body);
    const { pages } = await readPrintPdf(await renderPrintPdf(doc));
    const marks = strokedSegments(pages[0]!.content).filter((s) => s.stroke === '1 1 1 1 K');
    expect(marks).toHaveLength(24);
    const W = pt(w);
    const H = pt(h);
    const b = pt(B);
    const far = pt(B + LONG);
    const near = (a: number, e: number) => Math.abs(a - e) < 0.002;
    const has = (pred: (s: Line) => boolean) => marks.some(pred);
    for (const [cx, cy, sx, sy] of [[0, 0, -1, -1], [W, 0, 1, -1], [0, H, -1, 1], [W, H, 1, 1]] as const) {
      // On the trim lines through the corner, from the bleed edge outwards…
      const vertical = (x: number) => (s: Line) => near(s.x1, x) && near(s.x2, x) && near(Math.min(Math.abs(s.y1 - cy), Math.abs(s.y2 - cy)), b) && near(Math.max(Math.abs(s.y1 - cy), Math.abs(s.y2 - cy)), far) && Math.sign(s.y1 - cy) === sy;
      const horizontal = (y: number) => (s: Line) => near(s.y1, y) && near(s.y2, y) && near(Math.min(Math.abs(s.x1 - cx), Math.abs(s.x2 - cx)), b) && near(Math.max(Math.abs(s.x1 - cx), Math.abs(s.x2 - cx)), far) && Math.sign(s.x1 - cx) === sx;
      expect(has(vertical(cx)), `trim line x = ${cx} at (${cx}, ${cy})`).toBe(true);
      expect(has(horizontal(cy)), `trim line y = ${cy} at (${cx}, ${cy})`).toBe(true);
      // …and on the bleed lines, from the trim line outwards.
      const bx = cx + sx * b;
      const by = cy + sy * b;
      expect(has((s) => near(s.x1, bx) && near(s.x2, bx) && (near(s.y1, cy) || near(s.y2, cy))), `bleed line x = ${bx}`).toBe(true);
      expect(has((s) => near(s.y1, by) && near(s.y2, by) && (near(s.x1, cx) || near(s.x2, cx))), `bleed line y = ${by}`).toBe(true);
    }
    // Centre marks: centred on each side's midpoint, on the bleed line.
    expect(has((s) => near(s.y1, H + b) && near(s.y2, H + b) && near((s.x1 + s.x2) / 2, W / 2))).toBe(true);
    expect(has((s) => near(s.x1, -b) && near(s.x2, -b) && near((s.y1 + s.y2) / 2, H / 2))).toBe(true);
  });
});

describe('@page { -kp-safe-margin }', () => {
  const safeWarnings = async (page: string) => {
    const bag = new DiagnosticBag();
    const doc = layout(`@page { size: A5; margin: 8mm; ${page} }`, body);
    await renderPrintPdf(doc, { diagnostics: bag });
    return bag.items.filter((d) => d.code === 'layout/outside-safe-area');
  };

  it('text 8 mm inside the trim is safe with the default 5 mm', async () => {
    expect(await safeWarnings('')).toEqual([]);
  });

  it('a 10 mm safe margin flags it, naming the margin', async () => {
    const warnings = await safeWarnings('-kp-safe-margin: 10mm');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]!.message.en).toContain('10 mm inside the trim');
    expect(warnings[0]!.message.en).toContain('仕上がり');
  });

  it('a smaller margin (3mm) is accepted too', async () => {
    const doc = layout('@page { size: A5; margin: 4mm; -kp-safe-margin: 3mm }', body);
    const bag = new DiagnosticBag();
    await renderPrintPdf(doc, { diagnostics: bag });
    expect(bag.items.filter((d) => d.code === 'layout/outside-safe-area')).toEqual([]);
    expect(doc.printSetup?.safeMargin).toBeCloseTo(pt(3), 3);
  });
});
