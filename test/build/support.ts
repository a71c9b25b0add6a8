/**
 * Shared helpers of the product-level acceptance tests: build into a temporary folder, then
 * read the PDFs only with independent readers (pdf.js, pdf-lib's parser) — never with our own
 * code. Not a test file itself (no `.test.ts`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildAll, type BuildRequest, type BuildResult } from '../../src/build/build.js';
import { loadPdf } from '../helpers/pdfjs.js';
import type { PdfTextItem } from '../helpers/pdfText.js';
import type { Raster, Rect } from '../helpers/pdfRender.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OKAYAMA_DIR = join(REPO_ROOT, 'content/okayama');
export const MINIMAL_DIR = join(REPO_ROOT, 'test/fixtures/content/minimal-org');

/** Points per millimetre. */
export const MM = 72 / 25.4;

/** The outputs of the Okayama organisation. */
export const OKAYAMA_OUTPUTS = ['policy.pdf', 'poster-a4.pdf', 'poster-a3.pdf', 'poster-b2.pdf', 'handout.pdf', 'tent.pdf', 'tent-vertical.pdf'] as const;

export interface Built {
  outDir: string;
  result: BuildResult;
  /** The bytes of `<outDir>/<org>/<file>`. */
  read(org: string, file: string): Uint8Array;
  cleanup(): void;
}

export function tempDir(prefix = 'kp-build-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds with `buildAll` into a fresh temporary folder (the repo's output/ is never touched). */
export async function buildInto(request: Omit<BuildRequest, 'cwd' | 'outDir'> & { cwd?: string }): Promise<Built> {
  const outDir = tempDir();
  const result = await buildAll({ cwd: REPO_ROOT, ...request, outDir });
  return {
    outDir,
    result,
    read: (org, file) => new Uint8Array(readFileSync(join(outDir, org, file))),
    cleanup: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** Text with every kind of whitespace removed: the PDF keeps or drops spaces at will. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * Looks for every needle in order: each one after the end of the previous match. Returns one
 * message per needle that is missing, or present only before the previous one (out of order).
 */
export function orderProblems(haystack: string, needles: readonly string[]): string[] {
  const text = squash(haystack);
  const problems: string[] = [];
  let from = 0;
  for (const needle of needles) {
    const want = squash(needle);
    const at = text.indexOf(want, from);
    if (at >= 0) {
      from = at + want.length;
      continue;
    }
    problems.push(text.includes(want) ? `out of order: ${needle}` : `missing: ${needle}`);
  }
  return problems;
}

/**
 * The contiguous items (in content-stream order) whose text, whitespace removed, is exactly
 * `text`; as [first, last] indexes, or undefined. `from` skips earlier items.
 */
export function findRun(items: readonly PdfTextItem[], text: string, from = 0): [number, number] | undefined {
  const want = squash(text);
  if (want === '') return undefined;
  for (let i = from; i < items.length; i++) {
    let acc = '';
    for (let j = i; j < items.length; j++) {
      acc += squash(items[j]!.str);
      if (acc === want) return [i, j];
      if (!want.startsWith(acc)) break;
    }
  }
  return undefined;
}

/** Groups items into lines by baseline (top-left origin), top to bottom. */
export function linesOf(items: readonly PdfTextItem[], tolerance = 0.5): PdfTextItem[][] {
  const lines: PdfTextItem[][] = [];
  for (const item of [...items].sort((a, b) => a.y - b.y)) {
    const last = lines.at(-1);
    if (last && Math.abs(last[0]!.y - item.y) <= tolerance) last.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

// ---------------------------------------------------------------------------------------------
// Glyphs as pdf.js' operator list shows them, with their em boxes on the page.

/** One glyph drawn by a text-showing operator. */
export interface PdfGlyph {
  /** 1-based page number. */
  page: number;
  /** pdf.js' glyph fields: the character code in the PDF (the CID for our Type 0 fonts) … */
  code: number;
  /** … the text it maps to through /ToUnicode … */
  unicode: string;
  isSpace: boolean;
  isInFont: boolean;
  /** pdf.js' loaded font name, and the font's name in the PDF (its /BaseFont). */
  fontName: string;
  baseFont: string;
  /** Font size × text scaling, in points. */
  size: number;
  /** The glyph's em box (ascent 0.88 em, descent 0.12 em, advance width), points, top-left origin. */
  box: Rect;
}

export interface PdfGlyphPage {
  size: [number, number];
  glyphs: PdfGlyph[];
  /** Every operator name on the page, with its count. */
  ops: Map<string, number>;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const OP_NAMES = new Map<number, string>(Object.entries(OPS).map(([name, fn]) => [fn as number, name]));
const ASCENT = 0.88;
const DESCENT = 0.12;

/** m1 × m2 in PDF's row-vector convention: apply m1 first. */
function mul(m1: Matrix, m2: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(args: unknown[]): Matrix {
  const src = (args.length === 1 ? args[0] : args) as ArrayLike<number>;
  return [src[0]!, src[1]!, src[2]!, src[3]!, src[4]!, src[5]!];
}

interface RawGlyph {
  originalCharCode: number;
  unicode: string;
  width: number;
  isSpace: boolean;
  isInFont: boolean;
}

/**
 * Follows the text state through every page's operator list (Tf, Tm, Td, TJ …, and the CTM)
 * and returns each glyph with its em box. Throws on a font kind whose glyph space is not
 * 1/1000 em (Type 3), rather than computing wrong boxes.
 */
export async function pdfGlyphs(bytes: Uint8Array): Promise<PdfGlyphPage[]> {
  const doc = await loadPdf(bytes);
  try {
    const pages: PdfGlyphPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
      const height = vy1 - vy0;
      const list = await page.getOperatorList();
      const ops = new Map<string, number>();
      const glyphs: PdfGlyph[] = [];

      let ctm: Matrix = IDENTITY;
      let tm: Matrix = IDENTITY;
      let tlm: Matrix = IDENTITY;
      let ts = { font: '', size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0, leading: 0 };
      const stack: { ctm: Matrix; ts: typeof ts }[] = [];

      const moveText = (x: number, y: number) => {
        tlm = mul([1, 0, 0, 1, x, y], tlm);
        tm = tlm;
      };
      const show = (arr: ReadonlyArray<RawGlyph | number | null>) => {
        const font = page.commonObjs.get(ts.font) as { isType3Font?: boolean; name?: string };
        if (font.isType3Font) throw new Error(`pdfGlyphs: Type 3 font ${ts.font} is not supported`);
        for (const g of arr) {
          if (g === null) continue;
          if (typeof g === 'number') {
            tm = mul([1, 0, 0, 1, (-g / 1000) * ts.size * ts.hScale, 0], tm);
            continue;
          }
          const w = (g.width ?? 0) / 1000;
          const trm = mul(mul([ts.size * ts.hScale, 0, 0, ts.size, 0, ts.rise], tm), ctm);
          const corners = [apply(trm, 0, -DESCENT), apply(trm, w, -DESCENT), apply(trm, 0, ASCENT), apply(trm, w, ASCENT)];
          const xs = corners.map((c) => c[0] - vx0);
          const ys = corners.map((c) => height - (c[1] - vy0));
          glyphs.push({
            page: n,
            code: g.originalCharCode,
            unicode: g.unicode,
            isSpace: g.isSpace,
            isInFont: g.isInFont,
            fontName: ts.font,
            baseFont: font.name ?? '',
            size: ts.size * Math.hypot(tm[2], tm[3]) * Math.hypot(ctm[2], ctm[3]),
            box: {
              x: Math.min(...xs),
              y: Math.min(...ys),
              width: Math.max(...xs) - Math.min(...xs),
              height: Math.max(...ys) - Math.min(...ys),
            },
          });
          const advance = (w * ts.size + ts.charSpacing + (g.isSpace ? ts.wordSpacing : 0)) * ts.hScale;
          tm = mul([1, 0, 0, 1, advance, 0], tm);
        }
      };

      list.fnArray.forEach((fn, i) => {
        const name = OP_NAMES.get(fn) ?? `op${fn}`;
        ops.set(name, (ops.get(name) ?? 0) + 1);
        const args = (list.argsArray[i] ?? []) as unknown[];
        switch (fn) {
          case OPS.save:
            stack.push({ ctm, ts: { ...ts } });
            break;
          case OPS.restore: {
            const top = stack.pop();
            if (top) ({ ctm, ts } = top);
            break;
          }
          case OPS.transform:
            ctm = mul(asMatrix(args), ctm);
            break;
          case OPS.beginText:
            tm = tlm = IDENTITY;
            break;
          case OPS.setFont:
            ts.font = args[0] as string;
            ts.size = args[1] as number;
            break;
          case OPS.setCharSpacing:
            ts.charSpacing = args[0] as number;
            break;
          case OPS.setWordSpacing:
            ts.wordSpacing = args[0] as number;
            break;
          case OPS.setHScale:
            ts.hScale = (args[0] as number) / 100;
            break;
          case OPS.setTextRise:
            ts.rise = args[0] as number;
            break;
          case OPS.setLeading:
            ts.leading = args[0] as number;
            break;
          case OPS.setTextMatrix:
            tm = tlm = asMatrix(args);
            break;
          case OPS.moveText:
            moveText(args[0] as number, args[1] as number);
            break;
          case OPS.setLeadingMoveText:
            ts.leading = -(args[1] as number);
            moveText(args[0] as number, args[1] as number);
            break;
          case OPS.nextLine:
            moveText(0, -ts.leading);
            break;
          case OPS.showText:
          case OPS.showSpacedText:
            show(args[0] as RawGlyph[]);
            break;
          case OPS.nextLineShowText:
            moveText(0, -ts.leading);
            show(args[0] as RawGlyph[]);
            break;
          case OPS.nextLineSetSpacingShowText:
            ts.wordSpacing = args[0] as number;
            ts.charSpacing = args[1] as number;
            moveText(0, -ts.leading);
            show(args[2] as RawGlyph[]);
            break;
        }
      });
      pages.push({ size: [vx1 - vx0, height], glyphs, ops });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Pixels.

/** A render scale that keeps the page's longer side at most `maxPx` pixels (and at most 1.5). */
export function scaleFor(size: readonly [number, number], maxPx = 2000): number {
  return Math.min(1.5, maxPx / Math.max(size[0], size[1]));
}

function pixel(r: Raster, x: number, y: number): [number, number, number] {
  const i = (y * r.width + x) * 4;
  return [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!];
}

/**
 * Pixels inside `rect` (points) that differ clearly from the rectangle's most common colour —
 * "ink" whatever the text and background colours are (white text on a coloured band too).
 * A blank glyph over a plain background gives 0.
 */
export function contrastInk(r: Raster, rect: Rect, minDifference = 96): number {
  const x0 = Math.max(0, Math.round(rect.x * r.scale));
  const y0 = Math.max(0, Math.round(rect.y * r.scale));
  const x1 = Math.min(r.width, Math.round((rect.x + rect.width) * r.scale));
  const y1 = Math.min(r.height, Math.round((rect.y + rect.height) * r.scale));
  const counts = new Map<number, number>();
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [R, G, B] = pixel(r, x, y);
      const key = (R << 16) | (G << 8) | B;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let mode = 0xffffff;
  let best = -1;
  for (const [key, c] of counts) if (c > best) [mode, best] = [key, c];
  const [mr, mg, mb] = [(mode >> 16) & 255, (mode >> 8) & 255, mode & 255];
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const [R, G, B] = pixel(r, x, y);
      if (Math.abs(R - mr) + Math.abs(G - mg) + Math.abs(B - mb) > minDifference) ink++;
    }
  }
  return ink;
}

/** The em box shrunk by `inset` of its size on each side: neighbours' anti-aliasing stays out. */
export function inner(rect: Rect, inset = 0.12): Rect {
  const dx = rect.width * inset;
  const dy = rect.height * inset;
  return { x: rect.x + dx, y: rect.y + dy, width: rect.width - 2 * dx, height: rect.height - 2 * dy };
}

/** Glyphs that should leave ink: not spaces (by pdf.js' flag or by their Unicode text). */
export function isVisibleGlyph(g: PdfGlyph): boolean {
  return !g.isSpace && !/^\s*$/u.test(g.unicode);
}

/** Glyphs whose inner em box shows no ink on the rendered page. */
export function blankGlyphs(raster: Raster, glyphs: readonly PdfGlyph[]): PdfGlyph[] {
  return glyphs.filter((g) => isVisibleGlyph(g) && contrastInk(raster, inner(g.box)) === 0);
}

/**
 * Glyphs a reader cannot show: .notdef (code 0 in Identity-encoded fonts), a non-space glyph
 * pdf.js did not find in the font, or one that maps to no text.
 */
export function notdefGlyphs(glyphs: readonly PdfGlyph[]): PdfGlyph[] {
  const space = (g: PdfGlyph) => g.isSpace || /^\s+$/u.test(g.unicode);
  return glyphs.filter((g) => g.code === 0 || (!space(g) && (!g.isInFont || g.unicode === '')));
}
