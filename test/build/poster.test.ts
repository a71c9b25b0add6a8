/**
 * The posters (A4, A3, B2) as printed: exact page sizes, every text of poster.yaml and
 * organisation.yaml on the page, a headline broken into sensible lines, nothing outside the
 * 5 mm safe area, each size laid out for itself with live text, and vector icons.
 * Read back with pdf.js only; the expected texts come from the content, not from this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type Content, type Poster } from '../../src/content/index.js';
import { renderPdfPage, type Raster } from '../helpers/pdfRender.js';
import { extractPdfText, type PdfPageText, type PdfTextItem } from '../helpers/pdfText.js';
import {
  buildInto,
  findRun,
  linesOf,
  MM,
  OKAYAMA_DIR,
  orderProblems,
  pdfGlyphs,
  scaleFor,
  squash,
  type Built,
  type PdfGlyphPage,
} from './support.js';

const SIZES = [
  { name: 'A4', file: 'poster-a4.pdf', mm: [210, 297] },
  { name: 'A3', file: 'poster-a3.pdf', mm: [297, 420] },
  { name: 'B2', file: 'poster-b2.pdf', mm: [515, 728] }, // JIS B
] as const;
type SizeName = (typeof SIZES)[number]['name'];

const SAFE = 5 * MM;

interface Sheet {
  bytes: Uint8Array;
  text: PdfPageText[];
  glyphs: PdfGlyphPage[];
}

describe('posters (Okayama)', () => {
  let built: Built;
  let content: Content;
  let poster: Poster;
  const sheets = new Map<SizeName, Sheet>();

  beforeAll(async () => {
    content = await loadContent(OKAYAMA_DIR);
    poster = content.poster!;
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['poster'] });
    for (const s of SIZES) {
      const bytes = built.read('okayama', s.file);
      sheets.set(s.name, { bytes, text: await extractPdfText(bytes), glyphs: await pdfGlyphs(bytes) });
    }
  });
  afterAll(() => built?.cleanup());

  /** Every text the poster prints, in reading order. */
  function posterTexts(): string[] {
    return [
      poster.lead,
      poster.headline,
      ...poster.icons.map((i) => i.label),
      poster.checklist.title,
      ...poster.checklist.items,
      ...(poster.checklist.source ? [poster.checklist.source] : []),
      content.organisation.issuer,
    ];
  }

  /** The text items that make up `text` (joined across lines), on the first page. */
  function itemsOf(size: SizeName, text: string): PdfTextItem[] {
    const items = sheets.get(size)!.text[0]!.items;
    const run = findRun(items, text);
    expect(run, `"${text}" on ${size}`).toBeDefined();
    return items.slice(run![0], run![1] + 1);
  }

  /** Font size of a text: the largest item height among its items (pdf.js: font size × scale). */
  function fontSize(size: SizeName, text: string): number {
    return Math.max(...itemsOf(size, text).map((it) => it.height));
  }

  it('the content under test has what the poster needs', () => {
    expect(poster.icons).toHaveLength(4);
    expect(poster.checklist.items).toHaveLength(8);
    expect(poster.checklist.source).toBeTruthy();
    expect(content.organisation.issuer).toBe('岡山市');
  });

  describe.each(SIZES)('$name', ({ name, mm }) => {
    const sheet = () => sheets.get(name)!;

    it(`is one page of exactly ${mm[0]} × ${mm[1]} mm`, () => {
      const { text } = sheet();
      expect(text).toHaveLength(1);
      expect(text[0]!.size[0]).toBeCloseTo(mm[0] * MM, 2);
      expect(text[0]!.size[1]).toBeCloseTo(mm[1] * MM, 2);
    });

    it('has live text: every text of the content, in reading order', () => {
      const page = sheet().text[0]!;
      expect(page.items.length).toBeGreaterThan(0);
      const all = page.items.map((it) => it.str).join('');
      expect(orderProblems(all, posterTexts())).toEqual([]);
      // Each one as whole text items, not only as a substring of something else.
      for (const t of posterTexts()) itemsOf(name, t);
    });

    it('breaks the headline into lines, none of them only one or two characters', () => {
      const lines = linesOf(itemsOf(name, poster.headline)).map((l) => squash(l.map((it) => it.str).join('')));
      expect(lines.join('')).toBe(squash(poster.headline));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect([...line].length, `headline line "${line}"`).toBeGreaterThan(2);
    });

    it('keeps every glyph and text item inside the safe area, 5 mm inside the trim edge', () => {
      const [w, h] = sheet().text[0]!.size;
      const outside: string[] = [];
      for (const g of sheet().glyphs[0]!.glyphs) {
        const b = g.box;
        if (b.x < SAFE - 0.01 || b.y < SAFE - 0.01 || b.x + b.width > w - SAFE + 0.01 || b.y + b.height > h - SAFE + 0.01) {
          outside.push(`glyph "${g.unicode}" at ${b.x.toFixed(1)},${b.y.toFixed(1)} ${b.width.toFixed(1)}×${b.height.toFixed(1)}`);
        }
      }
      for (const it of sheet().text[0]!.items) {
        if (it.x < SAFE || it.x + it.width > w - SAFE || it.y - it.height * 0.88 < SAFE || it.y > h - SAFE) {
          outside.push(`item "${it.str}" at ${it.x.toFixed(1)},${it.y.toFixed(1)}`);
        }
      }
      expect(sheet().glyphs[0]!.glyphs.length).toBeGreaterThan(100);
      expect(outside).toEqual([]);
    });

    it('draws the icons as vector paths, with no images at all', () => {
      const ops = sheet().glyphs[0]!.ops;
      const images = [...ops.keys()].filter((op) => /image|jpeg/i.test(op));
      expect(images).toEqual([]);
      // At least one path per icon and per checklist tick, besides the bands and borders.
      expect(ops.get('constructPath') ?? 0).toBeGreaterThanOrEqual(poster.icons.length + poster.checklist.items.length);
    });

    it('shows a pictogram inside a coloured disc above each icon label', async () => {
      const page = sheet().text[0]!;
      const raster = await renderPdfPage(sheet().bytes, 1, scaleFor(page.size));
      for (const icon of poster.icons) {
        const label = itemsOf(name, icon.label);
        const left = Math.min(...label.map((it) => it.x));
        const right = Math.max(...label.map((it) => it.x + it.width));
        const top = Math.min(...label.map((it) => it.y - it.height));
        const disc = discAbove(raster, (left + right) / 2, top);
        expect(disc, `disc above "${icon.label}"`).toBeDefined();
        const { width, height, pictogram, area } = disc!;
        // Round: as wide as high; and a real icon-sized disc, not a stray line.
        expect(Math.abs(width - height) / height, icon.label).toBeLessThan(0.1);
        expect(width, icon.label).toBeGreaterThan(page.size[0] * 0.08);
        // The pictogram: light pixels inside the disc, a good part of its middle.
        expect(pictogram / area, `pictogram of "${icon.label}"`).toBeGreaterThan(0.03);
      }
    });
  });

  it('lays each size out for its size: text sizes scale with the page width (within 5 %)', () => {
    const texts = [
      poster.headline,
      poster.lead,
      poster.checklist.title,
      ...poster.checklist.items,
      content.organisation.issuer,
      ...(poster.checklist.source ? [poster.checklist.source] : []),
    ];
    const problems: string[] = [];
    for (const s of SIZES.slice(1)) {
      const expected = s.mm[0] / SIZES[0].mm[0];
      for (const t of texts) {
        const ratio = fontSize(s.name, t) / fontSize('A4', t);
        if (Math.abs(ratio / expected - 1) > 0.05) problems.push(`${s.name} "${t}": ×${ratio.toFixed(3)}, expected ×${expected.toFixed(3)}`);
      }
    }
    expect(problems).toEqual([]);
    // The headline is the largest text on every size.
    for (const s of SIZES) {
      const items = sheets.get(s.name)!.text[0]!.items;
      expect(fontSize(s.name, poster.headline)).toBe(Math.max(...items.map((it) => it.height)));
    }
  });
});

interface Disc {
  width: number;
  height: number;
  /** Light pixels inside the disc's central area, and that area (pixels). */
  pictogram: number;
  area: number;
}

/**
 * Walks up from (x, y) (points) to the first coloured pixel, flood-fills that colour and
 * returns the filled region's size (points) and the light pixels inside its middle.
 */
function discAbove(r: Raster, x: number, y: number): Disc | undefined {
  const px = Math.round(x * r.scale);
  const at = (cx: number, cy: number) => {
    const i = (cy * r.width + cx) * 4;
    return [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!] as const;
  };
  const isWhite = (c: readonly number[]) => c.every((v) => v > 235);
  let py = Math.round(y * r.scale);
  const limit = Math.max(0, py - Math.round(r.height * 0.2));
  while (py > limit && isWhite(at(px, py))) py--;
  if (py <= limit) return undefined;
  py -= 3; // past the anti-aliased edge
  const seed = at(px, py);
  if (isWhite(seed)) return undefined;
  const close = (c: readonly number[]) => Math.abs(c[0]! - seed[0]) + Math.abs(c[1]! - seed[1]) + Math.abs(c[2]! - seed[2]) < 40;

  const seen = new Uint8Array(r.width * r.height);
  const stack = [py * r.width + px];
  seen[stack[0]!] = 1;
  let [x0, y0, x1, y1] = [px, py, px, py];
  let count = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    const cx = i % r.width;
    const cy = (i - cx) / r.width;
    count++;
    if (count > r.width * r.height * 0.1) return undefined; // a background, not a disc
    x0 = Math.min(x0, cx);
    x1 = Math.max(x1, cx);
    y0 = Math.min(y0, cy);
    y1 = Math.max(y1, cy);
    for (const [nx, ny] of [[cx + 1, cy], [cx - 1, cy], [cx, cy + 1], [cx, cy - 1]] as const) {
      if (nx < 0 || ny < 0 || nx >= r.width || ny >= r.height) continue;
      const j = ny * r.width + nx;
      if (seen[j] || !close(at(nx, ny))) continue;
      seen[j] = 1;
      stack.push(j);
    }
  }
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const radius = ((x1 - x0) / 2) * 0.6;
  let pictogram = 0;
  let area = 0;
  for (let yy = Math.floor(cy - radius); yy <= Math.ceil(cy + radius); yy++) {
    for (let xx = Math.floor(cx - radius); xx <= Math.ceil(cx + radius); xx++) {
      if ((xx - cx) ** 2 + (yy - cy) ** 2 > radius ** 2) continue;
      area++;
      const c = at(xx, yy);
      if (c.every((v) => v > 200) && !close(c)) pictogram++;
    }
  }
  return { width: (x1 - x0 + 1) / r.scale, height: (y1 - y0 + 1) / r.scale, pictogram, area };
}
