/**
 * Layout: styled tree → display list. Boxes are sized by yoga, paragraphs by our Japanese
 * line composer; flowing documents are paginated, fixed-height ones (posters) are one page
 * whose text must fit. This module never imports pdf-lib or sharp.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { IconRegistry } from '../icons/registry.js';
import type { StyledDocument } from '../markup/types.js';
import { buildBoxTree, type Box } from './boxes.js';
import { pageOverflowError } from './fit.js';
import { decorationPaths, type Rect } from './decorations.js';
import type { DisplayDocument, DisplayItem, DisplayPage, PathCommand } from './display-list.js';
import { layoutFitting } from './fitting.js';
import { marginBoxRuns } from './page-margins.js';
import { paginate, type PageSlice } from './paginate.js';
import type { Flow } from './paint.js';
import { buildStructure } from './structure.js';
import { imageBottom, translateImage, type ImageResolver } from './image.js';

export interface LayoutEnv {
  fonts: FontRegistry;
  icons: IconRegistry;
  /** Finds and measures <img> files (src/images/registry.ts); without it images are skipped with a warning. */
  images?: ImageResolver;
  /** Document date (fixed for reproducible builds). */
  date: Date;
  diagnostics?: DiagnosticBag;
  /** File named in diagnostics for elements without a source position. */
  file: string;
}

export function layoutDocument(doc: StyledDocument, env: LayoutEnv): DisplayDocument {
  const { page } = doc;
  const area: Rect = {
    x: 0,
    y: 0,
    w: page.width - page.margin.left - page.margin.right,
    h: page.height - page.margin.top - page.margin.bottom,
  };
  const fixed = doc.root.style.height !== 'auto';
  // Built first: the box tree's origins refer to its nodes (layout/structure.ts).
  const structure = buildStructure(doc.root, doc.lang);
  const boxes = buildBoxTree(doc.root, env.fonts, env.file, env.diagnostics, env.images);
  setOrthogonalMeasure(boxes, area.h);
  const flow = layoutFitting(boxes, area, fixed, env);
  const slices = fixed ? [wholeSlice(flow)] : paginate(flow.units, area.h);
  if (!fixed) checkSlicesFit(flow, slices, area.h, env.file);
  const pages = slices.map((_, i) => assemblePage(flow, slices, i, doc, env));
  const out: DisplayDocument = { pages, meta: { title: doc.title, lang: doc.lang, date: env.date }, structure };
  if (page.bleed !== undefined || page.marks !== undefined || page.richBlack !== undefined || page.safeMargin !== undefined) {
    out.printSetup = {
      ...(page.bleed !== undefined ? { bleed: page.bleed } : {}),
      ...(page.marks !== undefined ? { marks: { ...page.marks } } : {}),
      ...(page.richBlack !== undefined ? { richBlack: { ...page.richBlack } } : {}),
      ...(page.safeMargin !== undefined ? { safeMargin: page.safeMargin } : {}),
    };
  }
  return out;
}

function wholeSlice(flow: Flow): PageSlice {
  return { start: -Infinity, end: Infinity, firstUnit: 0, lastUnit: flow.units.length - 1 };
}

function assemblePage(flow: Flow, slices: PageSlice[], index: number, doc: StyledDocument, env: LayoutEnv): DisplayPage {
  const { page } = doc;
  const slice = slices[index]!;
  // The first page shows everything above its first unit; the last everything below.
  const start = index === 0 ? -Infinity : slice.start;
  const nextStart = index === slices.length - 1 ? Infinity : slices[index + 1]!.start;
  const dx = page.margin.left;
  const dy = page.margin.top - (index === 0 ? 0 : slice.start);
  const items: DisplayItem[] = [];
  for (const d of flow.decorations) {
    const top = d.rect.y;
    const bottom = d.rect.y + d.rect.h;
    // A box belongs to the page where it starts, and to every later page it runs into.
    if (top >= nextStart - 0.01 || bottom <= start + 0.01 || top >= slice.end - 0.01) continue;
    const cutTop = top < start - 0.01;
    const cutBottom = bottom > nextStart + 0.01;
    const y0 = cutTop ? start : top;
    const y1 = cutBottom ? Math.max(slice.end, y0) : bottom;
    if (y1 - y0 <= 0.01) continue;
    const rect = { x: d.rect.x + dx, y: y0 + dy, w: d.rect.w, h: y1 - y0 };
    items.push(...decorationPaths(rect, d.style, d.element, { top: cutTop, bottom: cutBottom }));
  }
  for (const { item, unit } of flow.items) {
    if (unit < slice.firstUnit || unit > slice.lastUnit) continue;
    items.push(translate(item, dx, dy));
  }
  items.push(...marginBoxRuns(page, index + 1, slices.length, env.fonts));
  return { width: page.width, height: page.height, items };
}

function translate(item: DisplayItem, dx: number, dy: number): DisplayItem {
  if (item.kind === 'glyphs') return { ...item, x: item.x + dx, y: item.y + dy };
  if (item.kind === 'image') return translateImage(item, dx, dy);
  return { ...item, commands: item.commands.map((c) => move(c, dx, dy)) };
}

function move(c: PathCommand, dx: number, dy: number): PathCommand {
  switch (c.op) {
    case 'Z':
      return c;
    case 'C':
      return { op: 'C', x1: c.x1 + dx, y1: c.y1 + dy, x2: c.x2 + dx, y2: c.y2 + dy, x: c.x + dx, y: c.y + dy };
    default:
      return { op: c.op, x: c.x + dx, y: c.y + dy };
  }
}

function setOrthogonalMeasure(box: Box, measure: number): void {
  if (box.kind === 'text') box.orthogonalMeasure = measure;
  else if (box.kind === 'container') for (const c of box.children) setOrthogonalMeasure(c, measure);
}

/**
 * A unit that cannot be split (an icon, a vertical paragraph, a block that must not break)
 * and is taller than the page would be cut off at the page edge: that is an error, never
 * silently clipped content. What counts is what is drawn (glyphs, paths), not empty leading.
 */
function checkSlicesFit(flow: Flow, slices: readonly PageSlice[], pageHeight: number, file: string): void {
  slices.forEach((slice, i) => {
    const start = i === 0 ? Math.min(0, slice.start) : slice.start;
    let lowest = -Infinity;
    for (const { item, unit } of flow.items) {
      if (unit >= slice.firstUnit && unit <= slice.lastUnit) lowest = Math.max(lowest, itemBottom(item));
    }
    const excess = lowest - start - pageHeight;
    if (excess <= 0.5) return;
    const para = flow.paragraphs.find((p) => p.rect.y + p.rect.h > start + pageHeight + 0.5 && p.rect.y < slice.end);
    throw pageOverflowError(excess, para ? [para] : [], para?.box.origin.file ?? file, 'unsplittable');
  });
}

/** The lowest point a display item draws at (glyphs by their baseline, or column end). */
function itemBottom(item: DisplayItem): number {
  if (item.kind === 'path') return Math.max(...item.commands.map((c) => (c.op === 'Z' ? -Infinity : c.y)));
  if (item.kind === 'image') return imageBottom(item);
  if (!item.vertical) return item.y;
  // A glyph's origin sits on its baseline near the bottom of its 1 em cell.
  return Math.max(...item.glyphs.map((g) => item.y + (g.y ?? 0)));
}
