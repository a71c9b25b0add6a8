/**
 * Walks the laid-out tree and emits what the page needs, in document order and absolute
 * coordinates of one continuous canvas: content items (text lines, icons), decorations
 * (backgrounds/borders, kept as boxes so a page break can slice them), and the break units
 * that pagination chooses between.
 */
import type { IconRegistry } from '../icons/registry.js';
import type { ComputedStyle } from '../markup/types.js';
import type { ComposedLine } from '../text/types.js';
import type { DisplayItem, GlyphRun, ItemOrigin, PathCommand } from './display-list.js';
import type { Rect } from './decorations.js';
import type { IconBox, TextBox } from './boxes.js';
import type { LaidOutBox } from './flex.js';
import { compose, fontExtents, lineHeightOf, scaledRuns, singleLine } from './paragraph.js';
import { isVertical, paintVerticalText } from './vertical.js';
import { paintQr } from './qr.js';
import { paintImage } from './image.js';
import { markFlow, rotateHalfTurn } from './transform.js';
import { rubyGlyphRuns, rubyLineExtras } from './ruby.js';
import { contentRect, innerAncestors, placedParagraph, type PlacedParagraph } from './placement.js';

// Where paragraphs end up (for overflow checks) is placement's business; painting reports it too.
export type { PlacedParagraph } from './placement.js';

export interface FlowItem {
  item: DisplayItem;
  /** Index of the break unit the item belongs to. */
  unit: number;
}

export interface Decoration {
  rect: Rect;
  style: ComputedStyle;
  element: string;
}

/** An indivisible vertical slice: a line of text, an icon, or a box that must not break. */
export interface BreakUnit {
  top: number;
  bottom: number;
  /**
   * Border edges of the boxes that open at this unit (their top border and padding lie above
   * it) or close at it (their bottom padding and border lie below): a page that starts or
   * ends here takes them along.
   */
  boxTop?: number;
  boxBottom?: number;
  /** Breaking before this unit: allowed, avoided (keep together) or forced. */
  before: 'auto' | 'avoid' | 'page';
}

export interface Flow {
  items: FlowItem[];
  decorations: Decoration[];
  units: BreakUnit[];
  /** Text boxes with where their lines ended up, for overflow checks. */
  paragraphs: PlacedParagraph[];
}

interface OpenElement {
  style: ComputedStyle;
  firstUnit: number;
  lastUnit: number;
  /** Orphans/widows bind only inside paragraphs, whose units are all lines. */
  paragraph: boolean;
}

export function paintFlow(root: LaidOutBox, icons: IconRegistry): Flow {
  const flow: Flow = { items: [], decorations: [], units: [], paragraphs: [] };
  const open: OpenElement[] = [];
  const closed: OpenElement[] = [];
  walk(root, 0, 0, [], flow, icons, open, closed);
  resolveBreakRules(flow.units, closed);
  return flow;
}

function walk(
  laid: LaidOutBox,
  parentX: number,
  parentY: number,
  ancestors: PlacedParagraph['ancestors'],
  flow: Flow,
  icons: IconRegistry,
  open: OpenElement[],
  closed: OpenElement[],
): void {
  const { node, box } = laid;
  const x = parentX + node.getComputedLeft();
  const y = parentY + node.getComputedTop();
  const w = node.getComputedWidth();
  const h = node.getComputedHeight();
  const s = box.style;
  const content = contentRect(laid, x, y, w, h);
  const tracker: OpenElement = { style: s, firstUnit: flow.units.length, lastUnit: -1, paragraph: box.kind === 'text' };
  open.push(tracker);
  const mark = s.rotate ? markFlow(flow) : undefined;
  if (s.backgroundColor || hasBorder(s)) flow.decorations.push({ rect: { x, y, w, h }, style: s, element: box.origin.element });
  if (box.kind === 'text') paintText(box, content, ancestors, flow);
  else if (box.kind === 'icon') paintIcon(box, content, flow, icons);
  else if (box.kind === 'qr') paintQr(box, content, flow);
  else if (box.kind === 'image') paintImage(box, content, flow);
  else {
    const inner = innerAncestors(s, content, ancestors);
    for (const child of laid.children) walk(child, x, y, inner, flow, icons, open, closed);
  }
  open.pop();
  // A box with no text or icon in it (a coloured bar) is itself the unit that is placed.
  if (flow.units.length === tracker.firstUnit && h > 0 && (s.backgroundColor || hasBorder(s))) {
    flow.units.push({ top: y, bottom: y + h, before: 'auto' });
  }
  if (mark) rotateHalfTurn(flow, mark, { x, y, w, h });
  tracker.lastUnit = flow.units.length - 1;
  if (tracker.lastUnit >= tracker.firstUnit) {
    closed.push(tracker);
    const first = flow.units[tracker.firstUnit]!;
    const last = flow.units[tracker.lastUnit]!;
    first.boxTop = Math.min(first.boxTop ?? first.top, y);
    last.boxBottom = Math.max(last.boxBottom ?? last.bottom, y + h);
  }
}

function hasBorder(s: ComputedStyle): boolean {
  return (['top', 'right', 'bottom', 'left'] as const).some((k) => s.border[k].style !== 'none' && s.border[k].width > 0);
}

function paintText(box: TextBox, rect: Rect, ancestors: PlacedParagraph['ancestors'], flow: Flow): void {
  if (box.runs.length === 0) return;
  if (isVertical(box.style)) return paintVerticalText(box, rect, ancestors, flow);
  const para = compose(box, rect.w, false);
  const lh = lineHeightOf(box);
  const [strut] = scaledRuns([box.runs[0]!], box.scale);
  const { ascent, descent } = fontExtents(strut!.style);
  // Half-leading (CSS 2 §10.8.1): the glyph box sits centred in the line box.
  const baselineOffset = (lh - (ascent + descent)) / 2 + ascent;
  // A line carrying ruby may be taller, at its top (layout/ruby.ts); `room` adds up the extra.
  const extras = rubyLineExtras(box, para);
  let room = 0;
  para.lines.forEach((line, i) => {
    const top = rect.y + i * lh + room;
    room += extras[i]!;
    const unit = flow.units.length;
    flow.units.push({ top, bottom: top + lh + extras[i]!, before: 'auto' });
    const baseline = top + extras[i]! + baselineOffset;
    for (const run of lineRuns(line, rect.x, baseline, box.origin)) flow.items.push({ item: run, unit });
    for (const run of rubyGlyphRuns(line, rect.x, baseline, box.origin)) flow.items.push({ item: run, unit });
    if (i === 0 && box.marker) {
      for (const run of markerRuns(box, rect.x, baseline)) flow.items.push({ item: run, unit });
    }
  });
  flow.paragraphs.push(placedParagraph(box, rect, ancestors, para));
}

/** The glyph runs of a composed line placed at (x, baseline). */
export function lineRuns(line: ComposedLine, x: number, baseline: number, origin: ItemOrigin): GlyphRun[] {
  return line.runs
    .filter((r) => r.glyphs.length > 0)
    .map((r) => ({
      kind: 'glyphs',
      font: r.style.face,
      size: r.style.size,
      color: r.style.color,
      x: x + r.x,
      y: baseline,
      glyphs: r.glyphs,
      origin: r.origin ?? origin,
    }));
}

/** An outside marker (CSS Lists): its end sits a third of an em before the content edge. */
function markerRuns(box: TextBox, contentX: number, baseline: number): GlyphRun[] {
  const [run] = scaledRuns([box.marker!], box.scale);
  const line = singleLine(run!);
  if (!line) return [];
  const gap = run!.style.size / 3;
  return lineRuns(line, contentX - line.width - gap, baseline, { ...run!.origin!, decorative: true });
}

function paintIcon(box: IconBox, rect: Rect, flow: Flow, icons: IconRegistry): void {
  const { file, line, path } = box.origin;
  const icon = icons.get(box.name, { ...(file ? { file } : {}), ...(line ? { line } : {}), ...(path ? { path } : {}) });
  const [vx, vy, vw, vh] = icon.viewBox;
  const scale = Math.min(rect.w / vw, rect.h / vh);
  const ox = rect.x + (rect.w - vw * scale) / 2 - vx * scale;
  const oy = rect.y + (rect.h - vh * scale) / 2 - vy * scale;
  const unit = flow.units.length;
  flow.units.push({ top: rect.y, bottom: rect.y + rect.h, before: 'auto' });
  const origin: ItemOrigin = { ...box.origin, decorative: !box.label };
  for (const shape of icon.shapes) {
    const commands = shape.commands.map((c) => transform(c, scale, ox, oy));
    flow.items.push({
      unit,
      item: {
        kind: 'path',
        commands,
        ...(shape.filled ? { fill: box.style.color } : {}),
        ...(icon.stroked
          ? { stroke: { color: box.style.color, width: icon.strokeWidth * scale, cap: icon.cap, join: icon.join } }
          : {}),
        origin,
      },
    });
  }
}

function transform(c: PathCommand, k: number, ox: number, oy: number): PathCommand {
  switch (c.op) {
    case 'Z':
      return c;
    case 'C':
      return { op: 'C', x1: ox + c.x1 * k, y1: oy + c.y1 * k, x2: ox + c.x2 * k, y2: oy + c.y2 * k, x: ox + c.x * k, y: oy + c.y * k };
    default:
      return { op: c.op, x: ox + c.x * k, y: oy + c.y * k };
  }
}

/**
 * CSS Fragmentation rules turned into a verdict per unit boundary: orphans/widows inside a
 * paragraph, break-before/after on elements starting/ending there, break-inside: avoid.
 */
function resolveBreakRules(units: BreakUnit[], elements: OpenElement[]): void {
  for (const el of elements) {
    const s = el.style;
    if (el.firstUnit > 0) {
      const u = units[el.firstUnit]!;
      if (s.breakBefore === 'page') u.before = 'page';
      else if (s.breakBefore === 'avoid' && u.before !== 'page') u.before = 'avoid';
    }
    const next = units[el.lastUnit + 1];
    if (next) {
      if (s.breakAfter === 'page') next.before = 'page';
      else if (s.breakAfter === 'avoid' && next.before !== 'page') next.before = 'avoid';
    }
    const lines = el.lastUnit - el.firstUnit + 1;
    for (let i = el.firstUnit + 1; i <= el.lastUnit; i++) {
      const u = units[i]!;
      if (u.before === 'page') continue;
      const before = i - el.firstUnit;
      const after = lines - before;
      // Side-by-side flex items interleave vertically, so a row is never split.
      if (s.breakInside === 'avoid' || (s.display === 'flex' && s.flexDirection.startsWith('row')) || isVertical(s)) u.before = 'avoid';
      else if (el.paragraph && (before < s.orphans || after < s.widows)) u.before = 'avoid';
    }
  }
}
