/**
 * 日本式トンボ (Japanese trim marks), geometry as pLaTeX's tombow / gentombow.sty /
 * jlreq-trimmarks.sty (see /work/shared/reference/print.md):
 *
 * - Corner marks: at each corner a double L. With the trim corner at (0, 0) and negative
 *   values pointing outward, four segments: on the trim lines x = 0 and y = 0 from the bleed
 *   edge (−b) out to −(b + 10 mm); on the bleed lines x = −b and y = −b from the trim line (0)
 *   out to −(b + 10 mm). The inner L (vertex (0, −b)/(−b, 0)) marks the trim, the outer the
 *   bleed; no line enters the bleed box.
 * - Centre marks: a 20 mm line on the bleed line centred on the side's midpoint, plus a 10 mm
 *   stroke perpendicular to it running outward from the midpoint.
 * - 0.1 pt lines in Registration colour (C100 M100 Y100 K100), used nowhere else.
 *
 * Segments are computed in the display list's trim coordinates (origin top-left of the trim,
 * y down) and written in PDF user space, where the trim is [0 0 W H] (see document.ts).
 */
import { mmToPt } from '../../../units.js';
import { num } from '../pdf-number.js';

export const MARK_LENGTH = mmToPt(10);
export const CENTRE_LENGTH = mmToPt(20);
export const MARK_WIDTH = 0.1;
export const REGISTRATION = '1 1 1 1 K';

/** A segment in trim coordinates, y down. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function cornerMarks(w: number, h: number, b: number): Segment[] {
  const far = b + MARK_LENGTH;
  const out: Segment[] = [];
  // (sx, sy): outward direction of the corner; (cx, cy): the trim corner.
  for (const [cx, cy, sx, sy] of [
    [0, 0, -1, -1],
    [w, 0, 1, -1],
    [0, h, -1, 1],
    [w, h, 1, 1],
  ] as const) {
    // On the trim line x = cx (vertical), from the bleed edge out.
    out.push({ x1: cx, y1: cy + sy * b, x2: cx, y2: cy + sy * far });
    // On the trim line y = cy (horizontal).
    out.push({ x1: cx + sx * b, y1: cy, x2: cx + sx * far, y2: cy });
    // On the bleed line x = cx + sx·b, from the trim line out.
    out.push({ x1: cx + sx * b, y1: cy, x2: cx + sx * b, y2: cy + sy * far });
    // On the bleed line y = cy + sy·b.
    out.push({ x1: cx, y1: cy + sy * b, x2: cx + sx * far, y2: cy + sy * b });
  }
  return out;
}

export function centreMarks(w: number, h: number, b: number): Segment[] {
  const half = CENTRE_LENGTH / 2;
  const mx = w / 2;
  const my = h / 2;
  return [
    // top: bleed line y = −b
    { x1: mx - half, y1: -b, x2: mx + half, y2: -b },
    { x1: mx, y1: -b, x2: mx, y2: -b - MARK_LENGTH },
    // bottom: y = h + b
    { x1: mx - half, y1: h + b, x2: mx + half, y2: h + b },
    { x1: mx, y1: h + b, x2: mx, y2: h + b + MARK_LENGTH },
    // left: x = −b
    { x1: -b, y1: my - half, x2: -b, y2: my + half },
    { x1: -b, y1: my, x2: -b - MARK_LENGTH, y2: my },
    // right: x = w + b
    { x1: w + b, y1: my - half, x2: w + b, y2: my + half },
    { x1: w + b, y1: my, x2: w + b + MARK_LENGTH, y2: my },
  ];
}

/** The marks' content-stream operators (PDF user space, trim at [0 0 w h]); '' for none. */
export function marksOps(w: number, h: number, b: number, marks: { crop: boolean; cross: boolean }): string {
  const segments = [...(marks.crop ? cornerMarks(w, h, b) : []), ...(marks.cross ? centreMarks(w, h, b) : [])];
  if (segments.length === 0) return '';
  const ops = ['q', REGISTRATION, `${num(MARK_WIDTH)} w`, '0 J', '0 j', '[] 0 d'];
  for (const s of segments) ops.push(`${num(s.x1)} ${num(h - s.y1)} m`, `${num(s.x2)} ${num(h - s.y2)} l`);
  ops.push('S', 'Q');
  return ops.join('\n') + '\n';
}
