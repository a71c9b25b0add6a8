/**
 * Box decorations as paths: backgrounds and borders, with corner radii. A decoration can be
 * cut by a page break; then the cut edges get no border and no rounding (CSS
 * box-decoration-break: slice).
 */
import type { ComputedStyle } from '../markup/types.js';
import type { Color, PathCommand, PathItem } from './display-list.js';

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
  const present = [wt, wr, wb, wl].filter((w) => w > 0);
  const colours = (['top', 'right', 'bottom', 'left'] as const).filter((_, i) => [wt, wr, wb, wl][i]! > 0).map((k) => b[k].color);
  const uniform = present.every((w) => w === present[0]) && colours.every((c) => sameColor(c, colours[0]!));
  if (uniform) {
    // Stroke along the middle of the border so rounded corners stay concentric with the
    // background; a side cut by a page break is simply left out of the path.
    const w = present[0]!;
    // At a cut the sides run right to the page break.
    const top = cut.top ? 0 : w / 2;
    const bottom = cut.bottom ? 0 : w / 2;
    const inset = { x: r.x + w / 2, y: r.y + top, w: r.w - w, h: r.h - top - bottom };
    const innerRadii = radii.map((v) => Math.max(0, v - w / 2)) as [number, number, number, number];
    out.push({
      kind: 'path',
      commands: borderPath(inset, innerRadii, [wt > 0, wr > 0, wb > 0, wl > 0]),
      stroke: { color: colours[0]!, width: w, join: 'miter', cap: 'butt', ...dash(b.top.style, w) },
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

function sameColor(a: Color, b: Color): boolean {
  if (a.space === 'rgb') return b.space === 'rgb' && a.r === b.r && a.g === b.g && a.b === b.b;
  return b.space === 'cmyk' && a.c === b.c && a.m === b.m && a.y === b.y && a.k === b.k;
}

/**
 * The outline of a rounded rectangle through the sides that are present (top, right, bottom,
 * left), as open subpaths where sides are missing; a corner is drawn only between two
 * present sides.
 */
export function borderPath(r: Rect, radii: readonly [number, number, number, number], sides: readonly boolean[]): PathCommand[] {
  if (sides.every(Boolean)) return roundedRect(r, radii);
  const { x, y, w, h } = r;
  const [tl, tr, br, bl] = radii;
  // Each side runs clockwise between the ends of its corners; corner i follows side i.
  const segments: { from: [number, number]; to: [number, number]; corner: PathCommand | undefined }[] = [
    { from: [x + tl, y], to: [x + w - tr, y], corner: tr > 0 ? corner(x + w - tr, y, x + w, y + tr, tr, 'tr') : undefined },
    { from: [x + w, y + tr], to: [x + w, y + h - br], corner: br > 0 ? corner(x + w, y + h - br, x + w - br, y + h, br, 'br') : undefined },
    { from: [x + w - br, y + h], to: [x + bl, y + h], corner: bl > 0 ? corner(x + bl, y + h, x, y + h - bl, bl, 'bl') : undefined },
    { from: [x, y + h - bl], to: [x, y + tl], corner: tl > 0 ? corner(x, y + tl, x + tl, y, tl, 'tl') : undefined },
  ];
  // Start after a missing side so that every run of present sides is one subpath.
  const startAt = sides.findIndex((present, i) => !present && sides[(i + 1) % 4]);
  const cmds: PathCommand[] = [];
  let open = false;
  for (let k = 1; k <= 4; k++) {
    const i = (startAt + k) % 4;
    if (!sides[i]) {
      open = false;
      continue;
    }
    const seg = segments[i]!;
    // A missing neighbour before this side: the side starts at the very corner of the box.
    const from: [number, number] = open ? seg.from : i === 0 ? [x, y] : i === 1 ? [x + w, y] : i === 2 ? [x + w, y + h] : [x, y + h];
    if (!open) cmds.push({ op: 'M', x: from[0], y: from[1] });
    const nextPresent = sides[(i + 1) % 4];
    const to: [number, number] = nextPresent ? seg.to : i === 0 ? [x + w, y] : i === 1 ? [x + w, y + h] : i === 2 ? [x, y + h] : [x, y];
    cmds.push({ op: 'L', x: to[0], y: to[1] });
    if (nextPresent && seg.corner) cmds.push(seg.corner);
    open = true;
  }
  return cmds;
}
