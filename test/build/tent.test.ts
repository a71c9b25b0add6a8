/**
 * The desk tent (卓上三角POP, templates/tent.hbs): one A4 sheet folded in three into a
 * triangular prism. The message (poster lead and headline, issuer, policy URL and QR code) is
 * on two faces: face B upright, face A turned a half turn, so that once folded both read the
 * right way up on either side of the ridge. Fold marks are short dashed lines in the side
 * margins, outside the artwork. Read back with pdf.js; geometry of the marks from the display list.
 */
import { join } from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutJob } from '../../src/build/build.js';
import { jobsFor } from '../../src/build/products.js';
import { loadContent, type Content } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { DisplayPage, PathItem } from '../../src/layout/display-list.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { renderPdfPage } from '../helpers/pdfRender.js';
import { HAS_ZBAR, zbarDecode } from '../layout/qr-support.js';
import { buildInto, MM, OKAYAMA_DIR, pdfGlyphs, squash, type Built, type PdfGlyphPage } from './support.js';

interface Item {
  str: string;
  /** Origin of the text (start of its baseline), top-left page coordinates. */
  x: number;
  y: number;
  /** Turned a half turn (its text matrix is −size, −size on the diagonal). */
  turned: boolean;
}

async function textItems(bytes: Uint8Array): Promise<{ size: [number, number]; items: Item[] }> {
  const doc = await loadPdf(bytes);
  try {
    const page = await doc.getPage(1);
    const [, , w, h] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = (content.items as TextItem[])
      .filter((i) => 'str' in i && i.str.trim() !== '')
      .map((i) => ({ str: i.str, x: i.transform[4]!, y: h - i.transform[5]!, turned: i.transform[0]! < 0 && i.transform[3]! < 0 }));
    return { size: [w, h], items };
  } finally {
    await doc.destroy();
  }
}

const ARTWORK_INSET = 10 * MM; // the side margins that carry the fold marks

describe('tent.pdf (Okayama desk tent)', () => {
  let built: Built;
  let content: Content;
  let bytes: Uint8Array;
  let page: { size: [number, number]; items: Item[] };
  let glyphs: PdfGlyphPage[];
  let display: DisplayPage;
  beforeAll(async () => {
    content = await loadContent(OKAYAMA_DIR);
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['tent'] });
    bytes = built.read('okayama', 'tent.pdf');
    page = await textItems(bytes);
    glyphs = await pdfGlyphs(bytes);
    const [job] = jobsFor(content.products, ['tent'], 'products.yaml');
    display = layoutJob(content, job!, new DiagnosticBag(), {}).pages[0]!;
  });
  afterAll(() => built?.cleanup());

  const H = () => page.size[1];
  const W = () => page.size[0];
  const upright = () => page.items.filter((i) => !i.turned && i.y > H() / 3 && i.y < (2 * H()) / 3);
  const turned = () => page.items.filter((i) => i.turned);

  it('is one A4 portrait page', () => {
    expect(glyphs).toHaveLength(1);
    expect(W()).toBeCloseTo(210 * MM, 1);
    expect(H()).toBeCloseTo(297 * MM, 1);
  });

  it('prints the message twice: the poster lead and headline, the issuer and the policy URL, upright and turned', () => {
    const poster = content.poster!;
    const org = content.organisation;
    for (const side of [upright(), turned()]) {
      const text = squash(side.map((i) => i.str).join(''));
      for (const t of [poster.lead, poster.headline, org.issuer, org.policyUrl]) expect(text, t).toContain(squash(t));
    }
  });

  it('turns face A (the top third) a half turn: it is the mirror of face B about the ridge fold, so both read upright once folded', () => {
    const ridge = H() / 3;
    expect(turned().length).toBeGreaterThan(0);
    // Everything turned lies on face A, above the ridge; face B is upright.
    for (const t of turned()) expect(t.y, t.str).toBeLessThan(ridge);
    expect(page.items.filter((i) => !i.turned && i.y < ridge)).toEqual([]);
    for (const u of upright()) {
      // The same text at the point the half turn about face A's centre puts it.
      const twin = turned().find((t) => t.str === u.str && Math.abs(t.x - (W() - u.x)) < 0.5 && Math.abs(t.y - (2 * ridge - u.y)) < 0.5);
      expect(twin, `turned twin of "${u.str}"`).toBeDefined();
    }
  });

  it('puts the ridge at the top of each face: the lead is nearest the ridge fold, the issuer nearest the desk', () => {
    const ridge = H() / 3;
    const find = (items: Item[], s: string) => items.find((i) => squash(i.str).includes(squash(s)))!;
    const lead = content.poster!.lead;
    const issuer = content.organisation.issuer;
    // Face B: the ridge is above it.
    expect(find(upright(), lead).y - ridge).toBeLessThan(find(upright(), issuer).y - ridge);
    // Face A: the ridge is below it.
    expect(ridge - find(turned(), lead).y).toBeLessThan(ridge - find(turned(), issuer).y);
  });

  it('keeps text away from the folds (5 mm) and inside the artwork, clear of the side margins', () => {
    const folds = [H() / 3, (2 * H()) / 3];
    const bad = glyphs[0]!.glyphs.filter(
      (g) =>
        g.box.x < ARTWORK_INSET ||
        g.box.x + g.box.width > W() - ARTWORK_INSET ||
        g.box.y < 5 * MM ||
        g.box.y + g.box.height > H() - 5 * MM ||
        folds.some((f) => g.box.y < f + 5 * MM && g.box.y + g.box.height > f - 5 * MM),
    );
    expect(bad.map((g) => `${g.unicode}@${g.box.x.toFixed(0)},${g.box.y.toFixed(0)}`)).toEqual([]);
  });

  it('marks both folds with short dashed lines at the sheet edges, in the margins outside the artwork', () => {
    const marks = display.items.filter((i): i is PathItem => i.kind === 'path' && !!i.stroke?.dash);
    expect(marks).toHaveLength(4);
    const ys: number[] = [];
    for (const m of marks) {
      const xs = m.commands.flatMap((c) => (c.op === 'Z' ? [] : [c.x]));
      const y = m.commands.flatMap((c) => (c.op === 'Z' ? [] : [c.y]));
      expect(Math.max(...y) - Math.min(...y)).toBeLessThan(0.01); // horizontal
      const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
      expect(x1 - x0).toBeGreaterThan(3 * MM);
      expect(x1 - x0).toBeLessThan(10 * MM);
      expect(x1 <= ARTWORK_INSET || x0 >= W() - ARTWORK_INSET, `mark at x ${x0.toFixed(1)}–${x1.toFixed(1)}`).toBe(true);
      ys.push(y[0]!);
    }
    for (const fold of [H() / 3, (2 * H()) / 3]) expect(ys.filter((y) => Math.abs(y - fold) < 0.5)).toHaveLength(2);
    // Nothing filled (bands, QR codes) reaches into the margins with the marks.
    const fills = display.items.filter((i): i is PathItem => i.kind === 'path' && !!i.fill);
    for (const f of fills) {
      for (const c of f.commands) if (c.op !== 'Z') expect(c.x > ARTWORK_INSET - 0.01 && c.x < W() - ARTWORK_INSET + 0.01).toBe(true);
    }
    // The PDF sets a dash pattern for them.
    expect(glyphs[0]!.ops.get('setDash') ?? 0).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(!HAS_ZBAR)('has two QR codes, one upside down, that zbarimg decodes to policyUrl (the PDF as pdf.js renders it, 150 dpi)', async () => {
    const raster = await renderPdfPage(bytes, 1, 150 / 72);
    expect(zbarDecode(await raster.png())).toEqual([content.organisation.policyUrl, content.organisation.policyUrl]);
  });
});

describe('tent for another page size', () => {
  it('folds in thirds of whatever sheet products.yaml gives (A3 here)', async () => {
    const content = await loadContent(OKAYAMA_DIR);
    const spec = { ...content.products.find((p) => p.id === 'tent')!, sizes: [{ name: 'A3', widthMm: 297, heightMm: 420 }] };
    const [job] = jobsFor([spec as (typeof content.products)[number]], undefined, join(OKAYAMA_DIR, 'products.yaml'));
    const page = layoutJob(content, job!, new DiagnosticBag(), {}).pages[0]!;
    const marks = page.items.filter((i): i is PathItem => i.kind === 'path' && !!i.stroke?.dash);
    const ys = [...new Set(marks.map((m) => Math.round((m.commands[0] as { y: number }).y)))].sort((a, b) => a - b);
    expect(ys).toEqual([Math.round((420 * MM) / 3), Math.round((2 * 420 * MM) / 3)]);
  });
});
