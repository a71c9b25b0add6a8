/**
 * The print flavour's post-pass over a laid-out document (layout runs once; the plain PDF
 * uses the display list as it is, the print PDF this extended copy):
 *
 * - Backgrounds (filled paths) that touch a trim edge are extended into the bleed by the
 *   bleed amount on that side, so a trimming error never shows a white hairline.
 * - Text must stay inside the safe area (trim minus `@page { -kp-safe-margin }`, 5 mm by
 *   default, print.md); a glyph run outside it is reported as a warning naming the element.
 *
 * Pure: the input document is not changed.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { decimal, mmToPt, ptToMm } from '../units.js';
import type { DisplayDocument, DisplayItem, DisplayPage, GlyphRun, PathCommand, PathItem } from './display-list.js';

/** print.md: bleed 3 mm per side. */
export const DEFAULT_BLEED = mmToPt(3);
/** print.md Rec.: text at least 5 mm inside the trim. */
export const DEFAULT_SAFE_MARGIN = mmToPt(5);
/** A coordinate this close to (or beyond) a trim edge touches it. */
const TOUCH = 0.01;

export interface PrintSetup {
  /** pt per side. */
  bleed: number;
  marks: { crop: boolean; cross: boolean };
  /** Distance of the safe area inside the trim, pt (`@page { -kp-safe-margin }`, default 5 mm). */
  safeMargin: number;
  /** `@page { -kp-rich-black }`: CMYK for large black fills; absent: K100 everywhere. */
  richBlack?: { c: number; m: number; y: number; k: number };
}

/** The print flavour's setup: the template's @page declarations, else 3 mm, crop cross, 5 mm, no rich black. */
export function printSetupOf(doc: DisplayDocument, overrides: Partial<PrintSetup> = {}): PrintSetup {
  const richBlack = 'richBlack' in overrides ? overrides.richBlack : doc.printSetup?.richBlack;
  return {
    bleed: overrides.bleed ?? doc.printSetup?.bleed ?? DEFAULT_BLEED,
    marks: overrides.marks ?? doc.printSetup?.marks ?? { crop: true, cross: true },
    safeMargin: overrides.safeMargin ?? doc.printSetup?.safeMargin ?? DEFAULT_SAFE_MARGIN,
    ...(richBlack ? { richBlack } : {}),
  };
}

export interface BleedOptions {
  diagnostics?: DiagnosticBag;
  /** File named by warnings for items without an origin. */
  file?: string;
}

/** A copy of `doc` with backgrounds extended into the bleed; safe-area warnings go to the bag. */
export function applyBleed(doc: DisplayDocument, setup: PrintSetup, options: BleedOptions = {}): DisplayDocument {
  const pages = doc.pages.map((page, i) => {
    if (options.diagnostics) checkSafeArea(page, i + 1, setup.safeMargin, options.diagnostics, options.file);
    return setup.bleed > 0 ? { ...page, items: page.items.map((item) => extendItem(item, page, setup.bleed)) } : page;
  });
  return { ...doc, pages };
}

function extendItem(item: DisplayItem, page: DisplayPage, bleed: number): DisplayItem {
  if (item.kind !== 'path' || !item.fill || item.commands.length === 0) return item;
  if (!touchesTrim(item, page)) return item;
  // Every point on (or beyond) an edge moves outward by the bleed: an axis-aligned
  // rectangle grows by exactly b on each side it touches; points inside stay where they are.
  const ex = (x: number) => (x <= TOUCH ? x - bleed : x >= page.width - TOUCH ? x + bleed : x);
  const ey = (y: number) => (y <= TOUCH ? y - bleed : y >= page.height - TOUCH ? y + bleed : y);
  const commands = item.commands.map((c): PathCommand => {
    switch (c.op) {
      case 'Z':
        return c;
      case 'C':
        return { op: 'C', x1: ex(c.x1), y1: ey(c.y1), x2: ex(c.x2), y2: ey(c.y2), x: ex(c.x), y: ey(c.y) };
      default:
        return { op: c.op, x: ex(c.x), y: ey(c.y) };
    }
  });
  return { ...item, commands } satisfies PathItem;
}

function touchesTrim(item: PathItem, page: DisplayPage): boolean {
  for (const c of item.commands) {
    if (c.op === 'Z') continue;
    if (c.x <= TOUCH || c.y <= TOUCH || c.x >= page.width - TOUCH || c.y >= page.height - TOUCH) return true;
  }
  return false;
}

/** The run's extent, approximated by em boxes (ascent 0.88 em, descent 0.12 em). */
export function runBounds(run: GlyphRun): { x0: number; y0: number; x1: number; y1: number } | undefined {
  if (run.glyphs.length === 0) return undefined;
  const s = run.size;
  if (run.vertical) {
    const ys = run.glyphs.map((g) => run.y + (g.y ?? 0));
    const xs = run.glyphs.map((g) => run.x + g.x);
    return { x0: Math.min(...xs) - s / 2, x1: Math.max(...xs) + s / 2, y0: Math.min(...ys) - s, y1: Math.max(...ys) + 0.12 * s };
  }
  const first = run.glyphs[0]!;
  const last = run.glyphs[run.glyphs.length - 1]!;
  let { x0, x1 } = { x0: run.x + first.x, x1: run.x + last.x + last.advance };
  let y0 = run.y - 0.88 * s;
  let y1 = run.y + 0.12 * s;
  if (run.rotation === 180) {
    // Turned 180° about its origin: the box is mirrored through the origin.
    [x0, x1] = [2 * run.x - x1, 2 * run.x - x0];
    [y0, y1] = [2 * run.y - y1, 2 * run.y - y0];
  }
  return { x0, y0, x1, y1 };
}

function checkSafeArea(page: DisplayPage, pageNumber: number, safe: number, bag: DiagnosticBag, file?: string): void {
  const TOL = 0.5; // pt: rounding in layout never warns
  for (const item of page.items) {
    if (item.kind !== 'glyphs') continue;
    const b = runBounds(item);
    if (!b) continue;
    const out = b.x0 < safe - TOL || b.y0 < safe - TOL || b.x1 > page.width - safe + TOL || b.y1 > page.height - safe + TOL;
    if (!out) continue;
    const text = item.glyphs.map((g) => g.text).join('').slice(0, 20);
    const element = item.origin?.element ?? '?';
    const mm = decimal(ptToMm(safe), 1);
    bag.warn({
      code: 'layout/outside-safe-area',
      message: {
        ja: `${element} の文字「${text}」が断裁の安全域（仕上がりから ${mm} mm 内側）の外にあります（${pageNumber} ページ目）。`,
        en: `Text "${text}" of ${element} lies outside the safe area (${mm} mm inside the trim) on page ${pageNumber}.`,
      },
      hint: {
        ja: '断裁で切れないよう、余白を広げてください。',
        en: 'Widen the margin so that trimming cannot cut the text.',
      },
      ...(item.origin?.file ?? file ? { file: (item.origin?.file ?? file)! } : {}),
      ...(item.origin?.line !== undefined ? { line: item.origin.line } : {}),
      ...(item.origin?.path ? { path: item.origin.path } : {}),
    });
  }
}
