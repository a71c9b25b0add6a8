/**
 * Layout: styled tree → display list. Boxes are sized by yoga, paragraphs by our Japanese
 * line composer; flowing documents are paginated, fixed-height ones (posters) are one page
 * whose text must fit. This module never imports pdf-lib or sharp.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { IconRegistry } from '../icons/registry.js';
import type { StyledDocument, StyledElement } from '../markup/types.js';
import { buildBoxTree, type Box, type ContainerBox } from './boxes.js';
import { decorationPaths, type Rect } from './decorations.js';
import type { DisplayDocument, DisplayItem, DisplayPage, PathCommand } from './display-list.js';
import { buildYogaTree, calculate, freeTree } from './flex.js';
import { findOverflows, fitGroups, overflowError } from './fit.js';
import { marginBoxRuns } from './page-margins.js';
import { paginate, type PageSlice } from './paginate.js';
import { paintFlow, type Flow } from './paint.js';

export interface LayoutEnv {
  fonts: FontRegistry;
  icons: IconRegistry;
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
  const boxes = buildBoxTree(doc.root, env.fonts, env.file, env.diagnostics);
  const flow = layoutFitting(boxes, area, fixed, env);
  const slices = fixed ? [wholeSlice(flow)] : paginate(flow.units, area.h);
  const pages = slices.map((slice, i) => assemblePage(flow, slices, i, doc, env));
  return { pages, meta: { title: doc.title, lang: doc.lang, date: env.date } };
}

/**
 * Lays out, then shrinks the auto-fit groups that overflow until everything fits (or fails).
 * All groups are searched together, one layout per step, so a poster with many fitted
 * labels costs about ten layouts rather than ten per label.
 */
function layoutFitting(boxes: ContainerBox, area: Rect, fixed: boolean, env: LayoutEnv): Flow {
  const page = fixed ? area : undefined;
  let flow = layoutOnce(boxes, area, fixed, env);
  let overflows = findOverflows(flow.paragraphs, page);
  const groups = [...fitGroups(overflows)].map(([element, minSize]) => ({
    element,
    minSize,
    members: textBoxesOf(boxes, element),
    lo: Math.min(1, minSize / element.style.fontSize),
    hi: 1,
  }));
  if (groups.length === 0) {
    if (overflows[0]) throw overflowError(overflows[0]);
    return flow;
  }
  const attempt = (scaleOf: (g: (typeof groups)[number]) => number): Set<StyledElement> => {
    for (const g of groups) for (const m of g.members) m.scale = scaleOf(g);
    flow = layoutOnce(boxes, area, fixed, env);
    overflows = findOverflows(flow.paragraphs, page);
    return new Set(overflows.flatMap((o) => (o.paragraph.box.fit ? [o.paragraph.box.fit.element] : [])));
  };
  const failingAtMin = attempt((g) => g.lo);
  const stuck = groups.find((g) => failingAtMin.has(g.element));
  if (stuck) throw overflowError(overflows.find((o) => o.paragraph.box.fit?.element === stuck.element)!, stuck.minSize);
  // Seven halvings bring each size within 1 % of the largest that fits.
  for (let i = 0; i < 7; i++) {
    const failing = attempt((g) => (g.lo + g.hi) / 2);
    for (const g of groups) {
      const mid = (g.lo + g.hi) / 2;
      if (failing.has(g.element)) g.hi = mid;
      else g.lo = mid;
    }
  }
  attempt((g) => g.lo);
  if (overflows[0]) throw overflowError(overflows[0], overflows[0].paragraph.box.fit?.minSize);
  return flow;
}

function layoutOnce(boxes: ContainerBox, area: Rect, fixed: boolean, env: LayoutEnv): Flow {
  const laid = buildYogaTree(boxes);
  try {
    calculate(laid, area.w, fixed ? area.h : undefined);
    return paintFlow(laid, env.icons);
  } finally {
    freeTree(laid);
  }
}

function textBoxesOf(root: Box, element: StyledElement): Extract<Box, { kind: 'text' }>[] {
  if (root.kind === 'text') return root.fit?.element === element ? [root] : [];
  if (root.kind === 'icon') return [];
  return root.children.flatMap((c) => textBoxesOf(c, element));
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
