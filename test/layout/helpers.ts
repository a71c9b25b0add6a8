/**
 * Shared setup for layout tests: small HTML documents through the real markup stage and the
 * real fonts, and readers for the DisplayDocument they produce (text runs, paths, bounds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFontRegistry, PROJECT_ROOT } from '../../src/fonts/registry.js';
import { IconRegistry } from '../../src/icons/registry.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { DisplayDocument, DisplayItem, DisplayPage, GlyphRun, PathCommand, PathItem } from '../../src/layout/display-list.js';
import { parseMarkup } from '../../src/markup/index.js';
import type { StyledDocument } from '../../src/markup/types.js';
import { isUserInputError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const fonts = defaultFontRegistry();
export const icons = new IconRegistry();
/** BIZ UDPGothic, the UA default (sans-serif) face. */
export const gothic = fonts.resolve(['sans-serif'], 400);
export const gothicBold = fonts.resolve(['sans-serif'], 700);

/** A template-shaped document: the <style> is on line 1, the body starts on line 2. */
export function html(css: string, body: string): string {
  return `<!doctype html><html lang="ja"><head><title>t</title><style>${css}</style></head>\n<body>${body}</body></html>`;
}

export function styled(css: string, body: string): StyledDocument {
  return parseMarkup(html(css, body), { file: 'test.html' });
}

export function layoutStyled(doc: StyledDocument): DisplayDocument {
  return layoutDocument(doc, { fonts, icons, date: new Date(0), file: 'test.html' });
}

/** parseMarkup + layoutDocument with the project's fonts and icons. */
export function layout(css: string, body: string): DisplayDocument {
  return layoutStyled(styled(css, body));
}

export function fixture(name: string): string {
  return readFileSync(join(PROJECT_ROOT, 'test/fixtures/layout', name), 'utf8');
}

/** The first diagnostic of the UserInputError `fn` throws (fails the test if it does not). */
export function thrownDiagnostic(fn: () => unknown): Diagnostic {
  try {
    fn();
  } catch (e) {
    if (isUserInputError(e)) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('expected a UserInputError, but nothing was thrown');
}

export const isRun = (i: DisplayItem): i is GlyphRun => i.kind === 'glyphs';
export const isPath = (i: DisplayItem): i is PathItem => i.kind === 'path';

export function runText(r: GlyphRun): string {
  return r.glyphs.map((g) => g.text).join('');
}

/** Right edge of a run: its origin plus the last glyph's offset and advance. */
export function runRight(r: GlyphRun): number {
  const last = r.glyphs[r.glyphs.length - 1];
  return last ? r.x + last.x + last.advance : r.x;
}

/** Content glyph runs of a page (page-margin boxes and list markers excluded). */
export function contentRuns(page: DisplayPage): GlyphRun[] {
  return page.items.filter(isRun).filter((r) => !r.origin?.decorative);
}

export function paths(page: DisplayPage): PathItem[] {
  return page.items.filter(isPath);
}

export interface Line {
  y: number;
  x: number;
  right: number;
  text: string;
  runs: GlyphRun[];
}

/** Content runs grouped into lines by baseline, top to bottom, each line's runs left to right. */
export function lines(page: DisplayPage): Line[] {
  const byY = new Map<number, GlyphRun[]>();
  for (const r of contentRuns(page)) {
    const key = Math.round(r.y * 1000) / 1000;
    byY.set(key, [...(byY.get(key) ?? []), r]);
  }
  return [...byY.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, runs]) => {
      runs.sort((a, b) => a.x - b.x);
      return { y: runs[0]!.y, x: runs[0]!.x, right: Math.max(...runs.map(runRight)), text: runs.map(runText).join(''), runs };
    });
}

/** All content text of a page in reading order (lines top to bottom, joined). */
export function pageText(page: DisplayPage): string {
  return lines(page)
    .map((l) => l.text)
    .join('');
}

/** The (single) content line containing `needle`. */
export function lineWith(doc: DisplayDocument | DisplayPage, needle: string): Line & { page: number } {
  const pages = 'pages' in doc ? doc.pages : [doc];
  const hits = pages.flatMap((p, i) => lines(p).filter((l) => l.text.includes(needle)).map((l) => ({ ...l, page: i })));
  if (hits.length !== 1) throw new Error(`expected one line with "${needle}", found ${hits.length}`);
  return hits[0]!;
}

export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every point a path command names (end points and Bézier control points). */
export function points(commands: readonly PathCommand[]): { x: number; y: number }[] {
  return commands.flatMap((c) =>
    c.op === 'Z' ? [] : c.op === 'C' ? [{ x: c.x1, y: c.y1 }, { x: c.x2, y: c.y2 }, { x: c.x, y: c.y }] : [{ x: c.x, y: c.y }],
  );
}

export function bounds(p: PathItem | readonly PathItem[]): Bounds {
  const pts = (Array.isArray(p) ? p : [p]).flatMap((q: PathItem) => points(q.commands));
  return {
    x0: Math.min(...pts.map((q) => q.x)),
    y0: Math.min(...pts.map((q) => q.y)),
    x1: Math.max(...pts.map((q) => q.x)),
    y1: Math.max(...pts.map((q) => q.y)),
  };
}

/** Ascent/descent in pt of the default face at a size. */
export function metrics(size: number, face = gothic): { asc: number; desc: number } {
  return { asc: (face.ascender / face.unitsPerEm) * size, desc: (-face.descender / face.unitsPerEm) * size };
}

/** Baseline offset from the top of a line box under CSS half-leading. */
export function halfLeadingBaseline(size: number, lineHeight: number, face = gothic): number {
  const { asc, desc } = metrics(size, face);
  return (lineHeight - (asc + desc)) / 2 + asc;
}

export const mm = (n: number): number => (n * 72) / 25.4;

/** The (single) content run whose text contains `needle` (runs are split by line and style). */
export function runWith(doc: DisplayDocument | DisplayPage, needle: string): GlyphRun & { page: number } {
  const pages = 'pages' in doc ? doc.pages : [doc];
  const hits = pages.flatMap((p, i) => contentRuns(p).filter((r) => runText(r).includes(needle)).map((r) => ({ ...r, page: i })));
  if (hits.length !== 1) throw new Error(`expected one run with "${needle}", found ${hits.length}`);
  return hits[0]!;
}
