/**
 * Box decorations as paths: backgrounds and borders, with corner radii. A decoration can be
 * cut by a page break; then the cut edges get no border and no rounding (CSS
 * box-decoration-break: slice).
 */
import type { ComputedStyle } from '../markup/types.js';
import type { PathCommand, PathItem } from './display-list.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Bézier constant for a quarter circle. */
const KAPPA = 0.5522847498;

export function roundedRect(r: Rect, radii: readonly [number, number, number, number]): PathCommand[] {
  const max = Math.min(r.w, r.h) / 2;
  const [tl, tr, br, bl] = radii.map((v) => Math.max(0, Math.min(v, max))) as [number, number, number, number];
  const { x, y, w, h } = r;
  const cmds: PathCommand[] = [{ op: 'M', x: x + tl, y }];
  cmds.push({ op: 'L', x: x + w - tr, y });
  if (tr > 0) cmds.push(corner(x + w - tr, y, x + w, y + tr, tr, 'tr'));
  cmds.push({ op: 'L', x: x + w, y: y + h - br });
  if (br > 0) cmds.push(corner(x + w, y + h - br, x + w - br, y + h, br, 'br'));
  cmds.push({ op: 'L', x: x + bl, y: y + h });
  if (bl > 0) cmds.push(corner(x + bl, y + h, x, y + h - bl, bl, 'bl'));
  cmds.push({ op: 'L', x, y: y + tl });
  if (tl > 0) cmds.push(corner(x, y + tl, x + tl, y, tl, 'tl'));
  cmds.push({ op: 'Z' });
  return cmds;
}

function corner(x0: number, y0: number, x1: number, y1: number, r: number, which: 'tl' | 'tr' | 'br' | 'bl'): PathCommand {
  const k = KAPPA * r;
  switch (which) {
    case 'tr':
      return { op: 'C', x1: x0 + k, y1: y0, x2: x1, y2: y1 - k, x: x1, y: y1 };
    case 'br':
      return { op: 'C', x1: x0, y1: y0 + k, x2: x1 + k, y2: y1, x: x1, y: y1 };
    case 'bl':
      return { op: 'C', x1: x0 - k, y1: y0, x2: x1, y2: y1 + k, x: x1, y: y1 };
    case 'tl':
      return { op: 'C', x1: x0, y1: y0 - k, x2: x1 - k, y2: y1, x: x1, y: y1 };
  }
}

/**
 * Paths for a box's background and borders. `cutTop`/`cutBottom` say the box continues on
 * the previous/next page.
 */
export function decorationPaths(
  r: Rect,
  s: ComputedStyle,
  element: string,
  cut: { top: boolean; bottom: boolean } = { top: false, bottom: false },
): PathItem[] {
  const out: PathItem[] = [];
  const radii: [number, number, number, number] = [
    cut.top ? 0 : s.borderRadius[0],
    cut.top ? 0 : s.borderRadius[1],
    cut.bottom ? 0 : s.borderRadius[2],
    cut.bottom ? 0 : s.borderRadius[3],
  ];
  const origin = { element, decorative: true };
  if (s.backgroundColor) out.push({ kind: 'path', commands: roundedRect(r, radii), fill: s.backgroundColor, origin });
  const b = s.border;
  const width = (side: 'top' | 'right' | 'bottom' | 'left'): number =>
    b[side].style === 'none' || (side === 'top' && cut.top) || (side === 'bottom' && cut.bottom) ? 0 : b[side].width;
  const [wt, wr, wb, wl] = [width('top'), width('right'), width('bottom'), width('left')];
  if (wt + wr + wb + wl === 0) return out;
  const uniform =
    wt === wr && wr === wb && wb === wl &&
    sameColor(b.top.color, b.right.color) && sameColor(b.top.color, b.bottom.color) && sameColor(b.top.color, b.left.color);
  if (uniform) {
    // Stroke along the middle of the border so rounded corners stay concentric with the background.
    const inset = { x: r.x + wt / 2, y: r.y + wt / 2, w: r.w - wt, h: r.h - wt };
    const innerRadii = radii.map((v) => Math.max(0, v - wt / 2)) as [number, number, number, number];
    out.push({
      kind: 'path',
      commands: roundedRect(inset, innerRadii),
      stroke: { color: b.top.color, width: wt, join: 'miter', cap: 'butt', ...dash(b.top.style, wt) },
      origin,
    });
    return out;
  }
  // Uneven borders: each side as a filled band (square corners).
  const band = (x: number, y: number, w: number, h: number, color: PathItem['fill']): void => {
    if (w > 0 && h > 0) out.push({ kind: 'path', commands: roundedRect({ x, y, w, h }, [0, 0, 0, 0]), fill: color!, origin });
  };
  band(r.x, r.y, r.w, wt, b.top.color);
  band(r.x, r.y + r.h - wb, r.w, wb, b.bottom.color);
  band(r.x, r.y + wt, wl, r.h - wt - wb, b.left.color);
  band(r.x + r.w - wr, r.y + wt, wr, r.h - wt - wb, b.right.color);
  return out;
}

function dash(style: string, width: number): { dash?: number[] } {
  if (style === 'dashed') return { dash: [width * 3, width * 2] };
  if (style === 'dotted') return { dash: [width, width] };
  return {};
}

function sameColor(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
