/**
 * The vertical-writing desk tent (卓上三角POP・縦書き, templates/tent-vertical.hbs): the sheet,
 * folds and faces of tent.hbs, with the message in vertical columns (writing-mode:
 * vertical-rl) read right to left: headline, lead, the QR code with the policy URL, issuer.
 * Face B upright, face A turned a half turn. Read back with pdf.js: vertical text comes out
 * glyph by glyph (one item per glyph, the URL's Latin as turned runs), so texts are compared
 * with whitespace removed and positions glyph by glyph.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutJob } from '../../src/build/build.js';
import { jobsFor } from '../../src/build/products.js';
import { loadContent, type Content } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { DisplayPage, PathItem } from '../../src/layout/display-list.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { renderPdfPage } from '../helpers/pdfRender.js';
import { expectedGrid, gridOf, HAS_ZBAR, qrPaths, turnHalf, zbarDecode } from '../layout/qr-support.js';
import { buildInto, MM, OKAYAMA_DIR, pdfGlyphs, squash, type Built, type PdfGlyphPage } from './support.js';

interface Item {
  str: string;
  /** Origin of the text (start of its baseline), top-left page coordinates. */
  x: number;
  y: number;
  /** The text matrix's a b c d (PDF's y-up orientation). */
  m: [number, number, number, number];
}

async function textItems(bytes: Uint8Array): Promise<{ size: [number, number]; items: Item[] }> {
  const doc = await loadPdf(bytes);
  try {
    const page = await doc.getPage(1);
    const [, , w, h] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = (content.items as TextItem[])
      .filter((i) => 'str' in i && i.str.trim() !== '')
      .map((i) => {
        const [a, b, c, d, e, f] = i.transform as number[];
        return { str: i.str, x: e!, y: h - f!, m: [a!, b!, c!, d!] as [number, number, number, number] };
      });
    return { size: [w, h], items };
  } finally {
    await doc.destroy();
  }
}

const ARTWORK_INSET = 10 * MM; // the side margins that carry the fold marks
const text = (items: readonly Item[]) => squash(items.map((i) => i.str).join(''));

describe('tent-vertical.pdf (Okayama desk tent, vertical writing)', () => {
  let built: Built;
  let content: Content;
  let bytes: Uint8Array;
  let page: { size: [number, number]; items: Item[] };
  let glyphs: PdfGlyphPage[];
  let display: DisplayPage;
  beforeAll(async () => {
    content = await loadContent(OKAYAMA_DIR);
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['tent-vertical'] });
    expect(built.result.diagnostics.map((d) => d.message.en)).toEqual([]);
    bytes = built.read('okayama', 'tent-vertical.pdf');
    page = await textItems(bytes);
    glyphs = await pdfGlyphs(bytes);
    const [job] = jobsFor(content.products, ['tent-vertical'], 'products.yaml');
    display = layoutJob(content, job!, new DiagnosticBag(), {}).pages[0]!;
  });
  afterAll(() => built?.cleanup());

  const H = () => page.size[1];
  const W = () => page.size[0];
  const faceA = () => page.items.filter((i) => i.y < H() / 3);
  const faceB = () => page.items.filter((i) => i.y > H() / 3 && i.y < (2 * H()) / 3);
  /** The items of a face that spell `s` in content-stream order (s must occur once). */
  const spell = (items: readonly Item[], s: string): Item[] => {
    const want = squash(s);
    for (let i = 0; i < items.length; i++) {
      let acc = '';
      for (let j = i; j < items.length; j++) {
        acc += squash(items[j]!.str);
        if (acc === want) return items.slice(i, j + 1);
        if (!want.startsWith(acc)) break;
      }
    }
    throw new Error(`"${s}" not found`);
  };

  it('is one A4 portrait page', () => {
    expect(glyphs).toHaveLength(1);
    expect(W()).toBeCloseTo(210 * MM, 1);
    expect(H()).toBeCloseTo(297 * MM, 1);
  });

  it('prints the poster headline and lead, the issuer and the policy URL on both faces, and nothing on the base but the assembly note', () => {
    const poster = content.poster!;
    const org = content.organisation;
    for (const side of [faceA(), faceB()]) {
      for (const t of [poster.lead, poster.headline, org.issuer, org.policyUrl, '基本方針の全文']) expect(text(side), t).toContain(squash(t));
    }
    const base = page.items.filter((i) => i.y > (2 * H()) / 3);
    expect(text(base)).toContain('組み立て方');
    expect(text(base)).not.toContain(squash(poster.headline));
  });

  it('sets the headline, lead and issuer in vertical columns: glyph after glyph downwards, columns right to left', () => {
    const poster = content.poster!;
    for (const t of [poster.headline, poster.lead, content.organisation.issuer]) {
      const run = spell(faceB(), t);
      expect(run.length, t).toBe([...squash(t)].length); // one item per glyph
      for (let k = 1; k < run.length; k++) {
        const [p, q] = [run[k - 1]!, run[k]!];
        // Either further down the same column or at the top of a column to its left.
        if (Math.abs(q.x - p.x) < 0.01) expect(q.y, `${t}: ${q.str}`).toBeGreaterThan(p.y);
        else expect(q.x, `${t}: ${q.str}`).toBeLessThan(p.x);
        expect(q.m, q.str).toEqual(p.m);
      }
    }
    // The headline in several columns, the lead in one, the issuer in one.
    const columns = (t: string) => new Set(spell(faceB(), t).map((i) => i.x.toFixed(1))).size;
    expect(columns(poster.headline)).toBeGreaterThanOrEqual(3);
    expect(columns(poster.lead)).toBe(1);
    expect(columns(content.organisation.issuer)).toBe(1);
  });

  it('reads right to left on face B: headline at the right, then the lead, the QR code and policy URL, the issuer at the left', () => {
    const xs = (t: string) => spell(faceB(), t).map((i) => i.x);
    const head = xs(content.poster!.headline);
    const lead = xs(content.poster!.lead);
    const url = xs(content.organisation.policyUrl);
    const issuer = xs(content.organisation.issuer);
    expect(Math.min(...head)).toBeGreaterThan(Math.max(...lead));
    expect(Math.min(...lead)).toBeGreaterThan(Math.max(...url));
    expect(Math.min(...url)).toBeGreaterThan(Math.max(...issuer));
    // The QR code of face B lies between the lead and the issuer.
    const qr = qrPaths(display).map((p) => gridOf(p).bounds).find((b) => b.y > H() / 3)!;
    expect(qr.x).toBeGreaterThan(Math.max(...issuer));
    expect(qr.x + qr.w).toBeLessThan(Math.min(...lead));
  });

  it('turns face A (the top third) a half turn: it is the mirror of face B about the ridge fold', () => {
    const ridge = H() / 3;
    const [a, b] = [faceA(), faceB()];
    expect(a.length).toBe(b.length);
    for (const u of b) {
      // The same text, its matrix negated, at the point the half turn about face A's centre puts it.
      const twin = a.find(
        (t) =>
          t.str === u.str &&
          t.m.every((v, k) => Math.abs(v + u.m[k]!) < 0.01) &&
          Math.abs(t.x - (W() - u.x)) < 0.5 &&
          Math.abs(t.y - (2 * ridge - u.y)) < 0.5,
      );
      expect(twin, `turned twin of "${u.str}" at ${u.x.toFixed(1)},${u.y.toFixed(1)}`).toBeDefined();
    }
    // The CJK glyphs of face B are upright (a = d > 0), those of face A upside down.
    const cjk = (items: Item[]) => items.filter((i) => /^\p{Script=Han}|^\p{Script=Hiragana}/u.test(i.str));
    for (const i of cjk(b)) expect(i.m[0] > 0 && i.m[3] > 0, i.str).toBe(true);
    for (const i of cjk(a)) expect(i.m[0] < 0 && i.m[3] < 0, i.str).toBe(true);
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

  it('marks both folds with the same dashed ticks as tent.pdf, in the side margins', () => {
    const marks = display.items.filter((i): i is PathItem => i.kind === 'path' && !!i.stroke?.dash);
    expect(marks).toHaveLength(4);
    const ys = marks.map((m) => (m.commands[0] as { y: number }).y);
    for (const fold of [H() / 3, (2 * H()) / 3]) expect(ys.filter((y) => Math.abs(y - fold) < 0.5)).toHaveLength(2);
    for (const m of marks) {
      const xs = m.commands.flatMap((c) => (c.op === 'Z' ? [] : [c.x]));
      expect(Math.max(...xs) <= ARTWORK_INSET || Math.min(...xs) >= W() - ARTWORK_INSET).toBe(true);
    }
  });

  it('draws two QR codes for policyUrl, the one on face A turned a half turn', () => {
    const grids = qrPaths(display).map(gridOf).sort((p, q) => p.bounds.y - q.bounds.y);
    expect(grids).toHaveLength(2);
    const want = expectedGrid(content.organisation.policyUrl);
    expect(grids[0]!.bounds.y + grids[0]!.bounds.h).toBeLessThan(H() / 3);
    expect(grids[1]!.bounds.y).toBeGreaterThan(H() / 3);
    expect(grids[0]!.grid).toEqual(turnHalf(want));
    expect(grids[1]!.grid).toEqual(want);
  });

  it.skipIf(!HAS_ZBAR)('has two QR codes that zbarimg decodes to policyUrl (the PDF as pdf.js renders it, 150 dpi)', async () => {
    const raster = await renderPdfPage(bytes, 1, 150 / 72);
    expect(zbarDecode(await raster.png())).toEqual([content.organisation.policyUrl, content.organisation.policyUrl]);
  });
});
