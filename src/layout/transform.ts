/**
 * `transform: rotate(180deg)` on a block (the upside-down face of a folded desk tent). As in
 * CSS, the transform does not take part in layout: the box and everything in it are laid out
 * and painted as usual, then the display items it produced are turned a half turn about the
 * centre of its border box.
 *
 * - Paths: every point p becomes 2c − p.
 * - Glyph runs: the origin moves the same way and the run gets `rotation: 180` (the backends
 *   draw the glyphs turned about that origin, so the text stays live and extractable).
 * - Decorations (backgrounds, borders) stay rectangles; their sides and corners swap
 *   (top ↔ bottom, left ↔ right), so uneven borders land where the half turn puts them.
 * - The block is not fragmented: every break unit inside it spans the whole block, so a page
 *   break never falls inside a rotated block (it moves to the next page whole).
 * - Overflow checks (auto-fit) use the unrotated geometry, which has the same extents.
 *
 * Only half turns are supported: they keep boxes axis-aligned, which page slicing and the
 * decoration model rely on (markup/props-transform.ts rejects other angles).
 */
import type { ComputedStyle } from '../markup/types.js';
import type { Rect } from './decorations.js';
import type { DisplayItem, PathCommand } from './display-list.js';
import type { Flow } from './paint.js';
import { rotateImage } from './image.js';

/** How much of a flow existed before a box was painted. */
export interface FlowMark {
  items: number;
  decorations: number;
  units: number;
}

export function markFlow(flow: Flow): FlowMark {
  return { items: flow.items.length, decorations: flow.decorations.length, units: flow.units.length };
}

/** Turns everything painted since `from` a half turn about the centre of `box`. */
export function rotateHalfTurn(flow: Flow, from: FlowMark, box: Rect): void {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  for (let i = from.items; i < flow.items.length; i++) {
    const entry = flow.items[i]!;
    entry.item = rotateItem(entry.item, cx, cy);
  }
  for (let i = from.decorations; i < flow.decorations.length; i++) {
    const d = flow.decorations[i]!;
    const r = d.rect;
    flow.decorations[i] = { ...d, rect: { x: 2 * cx - r.x - r.w, y: 2 * cy - r.y - r.h, w: r.w, h: r.h }, style: turnedStyle(d.style) };
  }
  for (let i = from.units; i < flow.units.length; i++) {
    const u = flow.units[i]!;
    u.top = box.y;
    u.bottom = box.y + box.h;
    if (u.boxTop !== undefined) u.boxTop = Math.min(u.boxTop, box.y);
    if (u.boxBottom !== undefined) u.boxBottom = Math.max(u.boxBottom, box.y + box.h);
  }
}

function rotateItem(item: DisplayItem, cx: number, cy: number): DisplayItem {
  if (item.kind === 'glyphs') {
    const rotation = ((item.rotation ?? 0) + 180) % 360;
    const { rotation: _old, ...rest } = item;
    return { ...rest, x: 2 * cx - item.x, y: 2 * cy - item.y, ...(rotation ? { rotation } : {}) };
  }
  if (item.kind === 'image') return rotateImage(item, cx, cy);
  return { ...item, commands: item.commands.map((c) => rotateCommand(c, cx, cy)) };
}

function rotateCommand(c: PathCommand, cx: number, cy: number): PathCommand {
  switch (c.op) {
    case 'Z':
      return c;
    case 'C':
      return { op: 'C', x1: 2 * cx - c.x1, y1: 2 * cy - c.y1, x2: 2 * cx - c.x2, y2: 2 * cy - c.y2, x: 2 * cx - c.x, y: 2 * cy - c.y };
    default:
      return { op: c.op, x: 2 * cx - c.x, y: 2 * cy - c.y };
  }
}

/** The style a decoration shows after a half turn: opposite sides and corners exchanged. */
function turnedStyle(s: ComputedStyle): ComputedStyle {
  const [tl, tr, br, bl] = s.borderRadius;
  return {
    ...s,
    border: { top: s.border.bottom, right: s.border.left, bottom: s.border.top, left: s.border.right },
    borderRadius: [br, bl, tl, tr],
  };
}
