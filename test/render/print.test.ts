/**
 * The print flavour of the PDF backend (renderPrintPdf): page boxes, 日本式トンボ, CMYK only,
 * PDF/X-1a:2001 keys, bleed extension and the safe area, read back with pdf-lib's parser.
 */
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFName, PDFString } from 'pdf-lib';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { renderPrintPdf } from '../../src/render/pdf/print/index.js';
import { toCmyk } from '../../src/render/pdf/print/cmyk.js';
import { parseMarkup } from '../../src/markup/index.js';
import { A4, gothic, makeDoc, rectPath, textRun } from '../helpers/displayDoc.js';
import { infoDict, operators, readPrintPdf, strokedSegments, type Line } from '../helpers/printPdf.js';

const MM = 72 / 25.4;
const B = 3 * MM;
const [W, H] = A4;
const BLUE = { space: 'rgb', r: 0.13, g: 0.36, b: 0.71 } as const;

function poster() {
  return makeDoc([
    {
      width: W,
      height: H,
      items: [
        // A top band touching the top, left and right trim edges.
        { ...rectPath(0, 0, W, 80, { fill: BLUE }), origin: { element: 'header.band', decorative: true } },
        // A box well inside: never extended.
        rectPath(100, 300, 200, 100, { fill: { space: 'rgb', r: 1, g: 0.9, b: 0.8 } }),
        textRun(gothic(), 'カスタマーハラスメント', 60, 200, { size: 20 }),
      ],
    },
  ]);
}

/** The expected mark segments from print.md, in PDF user space (trim [0 0 W H], y up). */
function expectedMarks(w: number, h: number, b: number): Omit<Line, 'width' | 'stroke'>[] {
  const f = b + 10 * MM;
  const out: Omit<Line, 'width' | 'stroke'>[] = [];
  for (const [cx, cy, sx, sy] of [[0, h, -1, 1], [w, h, 1, 1], [0, 0, -1, -1], [w, 0, 1, -1]] as const) {
    out.push({ x1: cx, y1: cy + sy * b, x2: cx, y2: cy + sy * f }); // trim line x = cx, outside the bleed box
    out.push({ x1: cx + sx * b, y1: cy, x2: cx + sx * f, y2: cy }); // trim line y = cy
    out.push({ x1: cx + sx * b, y1: cy, x2: cx + sx * b, y2: cy + sy * f }); // bleed line x = cx ± b
    out.push({ x1: cx, y1: cy + sy * b, x2: cx + sx * f, y2: cy + sy * b }); // bleed line y = cy ± b
  }
  const mx = w / 2;
  const my = h / 2;
  out.push({ x1: mx - 10 * MM, y1: h + b, x2: mx + 10 * MM, y2: h + b }, { x1: mx, y1: h + b, x2: mx, y2: h + b + 10 * MM });
  out.push({ x1: mx - 10 * MM, y1: -b, x2: mx + 10 * MM, y2: -b }, { x1: mx, y1: -b, x2: mx, y2: -b - 10 * MM });
  out.push({ x1: -b, y1: my - 10 * MM, x2: -b, y2: my + 10 * MM }, { x1: -b, y1: my, x2: -b - 10 * MM, y2: my });
  out.push({ x1: w + b, y1: my - 10 * MM, x2: w + b, y2: my + 10 * MM }, { x1: w + b, y1: my, x2: w + b + 10 * MM, y2: my });
  return out;
}

const same = (a: Omit<Line, 'width' | 'stroke'>, b: Omit<Line, 'width' | 'stroke'>, tol = 0.002) =>
  (Math.abs(a.x1 - b.x1) < tol && Math.abs(a.y1 - b.y1) < tol && Math.abs(a.x2 - b.x2) < tol && Math.abs(a.y2 - b.y2) < tol) ||
  (Math.abs(a.x1 - b.x2) < tol && Math.abs(a.y1 - b.y2) < tol && Math.abs(a.x2 - b.x1) < tol && Math.abs(a.y2 - b.y1) < tol);

describe('renderPrintPdf', async () => {
  const bytes = await renderPrintPdf(poster(), { id: 'test/poster.print.pdf' });
  const { doc, pages, header } = await readPrintPdf(bytes);
  const page = pages[0]!;

  it('writes exact boxes: TrimBox = ArtBox = trim, BleedBox = trim + 3 mm, MediaBox = trim + 1 in', () => {
    const close = (a: number[] | undefined, b: number[]) => b.forEach((v, i) => expect(a![i]).toBeCloseTo(v, 3));
    close(page.trim, [0, 0, W, H]);
    close(page.art, [0, 0, W, H]);
    close(page.bleed, [-B, -B, W + B, H + B]);
    close(page.media, [-72, -72, W + 72, H + 72]);
  });

  it('draws the 日本式トンボ exactly where print.md puts them, 0.1 pt in registration colour', () => {
    const marks = strokedSegments(page.content).filter((s) => s.stroke === '1 1 1 1 K');
    const want = expectedMarks(W, H, B);
    expect(marks).toHaveLength(want.length);
    for (const m of marks) expect(m.width).toBe(0.1);
    for (const w of want) expect(marks.some((m) => same(m, w)), JSON.stringify(w)).toBe(true);
  });

  it('no mark line enters the bleed box', () => {
    const marks = strokedSegments(page.content).filter((s) => s.stroke === '1 1 1 1 K');
    const inside = (x: number, y: number) => x > -B + 0.001 && x < W + B - 0.001 && y > -B + 0.001 && y < H + B - 0.001;
    for (const m of marks) expect(inside((m.x1 + m.x2) / 2, (m.y1 + m.y2) / 2)).toBe(false);
  });

  it('uses the registration colour for the marks only', () => {
    const ops = operators(page.content);
    const reg = ops.filter((o) => /^1 1 1 1 [kK]$/.test(o));
    expect(reg).toEqual(['1 1 1 1 K']);
  });

  it('has no RGB colour operator; text is K100 (0 0 0 1 k)', () => {
    const ops = operators(page.content);
    expect(ops.some((o) => / (rg|RG)$/.test(o))).toBe(false);
    const text = page.content.slice(page.content.indexOf('BT'), page.content.indexOf('ET'));
    expect(operators(text)).toContain('0 0 0 1 k');
  });

  it('extends the top band 3 mm beyond the trim on each side it touches; the inner box stays', () => {
    const ops = operators(page.content);
    const num = (v: number) => String(Math.round(v * 1000) / 1000);
    // Band corners: x −b … W + b, top H + b (PDF y up), bottom H − 80 unchanged.
    expect(ops).toContain(`${num(-B)} ${num(H + B)} m`);
    expect(ops).toContain(`${num(W + B)} ${num(H + B)} l`);
    expect(ops).toContain(`${num(W + B)} ${num(H - 80)} l`);
    expect(ops).toContain(`100 ${num(H - 300)} m`);
  });

  it('writes the PDF/X-1a:2001 keys: header 1.3, OutputIntent, GTS_PDFX*, Trapped, Title, ID', () => {
    expect(header).toBe('%PDF-1.3');
    const info = infoDict(doc);
    expect(info.lookup(PDFName.of('GTS_PDFXVersion'), PDFString).decodeText()).toBe('PDF/X-1:2001');
    expect(info.lookup(PDFName.of('GTS_PDFXConformance'), PDFString).decodeText()).toBe('PDF/X-1a:2001');
    expect(info.get(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    expect(info.get(PDFName.of('Title'))).toBeDefined();
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('JC200103');
    expect(intent.lookup(PDFName.of('RegistryName'), PDFString).decodeText()).toBe('http://www.color.org');
    expect(doc.context.trailerInfo.ID).toBeDefined();
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).not.toMatch(/\/ObjStm|\/SMask|\/ExtGState|\/Encrypt/);
  });

  it('is deterministic and leaves the plain flavour alone', async () => {
    const again = await renderPrintPdf(poster(), { id: 'test/poster.print.pdf' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const plain = await renderPdf(poster(), { id: 'test/poster.pdf' });
    const p = await readPrintPdf(plain);
    expect(p.header).toBe('%PDF-1.7');
    expect(p.pages[0]!.trim).toBeUndefined();
    expect(p.pages[0]!.content).toMatch(/ rg$/m);
  });

  it('follows @page marks/bleed: marks none → no marks, bleed 5 mm → BleedBox 5 mm', async () => {
    const d = { ...poster(), printSetup: { bleed: 5 * MM, marks: { crop: false, cross: false } } };
    const r = await readPrintPdf(await renderPrintPdf(d));
    expect(strokedSegments(r.pages[0]!.content).filter((s) => s.stroke === '1 1 1 1 K')).toHaveLength(0);
    expect(r.pages[0]!.bleed![0]).toBeCloseTo(-5 * MM, 3);
    const cropOnly = { ...poster(), printSetup: { marks: { crop: true, cross: false } } };
    const c = await readPrintPdf(await renderPrintPdf(cropOnly));
    expect(strokedSegments(c.pages[0]!.content).filter((s) => s.stroke === '1 1 1 1 K')).toHaveLength(16);
  });

  it('warns about text outside the safe area (trim − 5 mm), naming the element', async () => {
    const run = { ...textRun(gothic(), '端の文字', 5, 30), origin: { element: 'p.edge', file: 'poster.hbs', line: 12 } };
    const bag = new DiagnosticBag();
    await renderPrintPdf(makeDoc([{ width: W, height: H, items: [run, textRun(gothic(), '中', 100, 100)] }]), { diagnostics: bag });
    expect(bag.items).toHaveLength(1);
    expect(bag.items[0]).toMatchObject({ severity: 'warning', code: 'layout/outside-safe-area', file: 'poster.hbs', line: 12 });
    expect(bag.items[0]!.message.en).toContain('p.edge');
  });
});

describe('toCmyk (naive GCR)', () => {
  it('black is K100, white is no ink, greys are K only, total ink ≤ 300 %', () => {
    expect(toCmyk({ space: 'rgb', r: 0, g: 0, b: 0 })).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
    expect(toCmyk({ space: 'rgb', r: 1, g: 1, b: 1 })).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 0 });
    const grey = toCmyk({ space: 'rgb', r: 0.5, g: 0.5, b: 0.5 });
    expect([grey.c, grey.m, grey.y, grey.k]).toEqual([0, 0, 0, 0.5]);
    for (let i = 0; i < 500; i++) {
      const c = toCmyk({ space: 'rgb', r: (i * 7919) % 101 / 100, g: (i * 104729) % 97 / 96, b: (i * 31) % 89 / 88 });
      expect(c.c + c.m + c.y + c.k).toBeLessThanOrEqual(3 + 1e-9);
    }
    const over = toCmyk({ space: 'cmyk', c: 1, m: 1, y: 1, k: 0.9 });
    expect(over.c + over.m + over.y + over.k).toBeCloseTo(3, 9);
    expect(toCmyk({ space: 'cmyk', c: 1, m: 1, y: 1, k: 1 })).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
  });
});

describe('@page bleed and marks', () => {
  const page = (css: string) => parseMarkup(`<html><head><style>${css}</style></head><body>x</body></html>`, { file: 't.html' });
  it('parses bleed and marks; absent means not declared', () => {
    const a = page('@page { size: A4; margin: 0; bleed: 5mm; marks: cross crop }');
    expect(a.page.bleed).toBeCloseTo(5 * MM, 6);
    expect(a.page.marks).toEqual({ crop: true, cross: true });
    expect(a.diagnostics).toHaveLength(0);
    const b = page('@page { marks: none; bleed: 0 }');
    expect(b.page.marks).toEqual({ crop: false, cross: false });
    expect(b.page.bleed).toBe(0);
    const c = page('@page { size: A4 }');
    expect(c.page.bleed).toBeUndefined();
    expect(c.page.marks).toBeUndefined();
  });
  it('rejects bad values with a warning', () => {
    const d = page('@page { marks: crop crop; bleed: -1mm }');
    expect(d.diagnostics.map((x) => x.code)).toEqual(['markup/unsupported-value', 'markup/unsupported-value']);
  });
});
