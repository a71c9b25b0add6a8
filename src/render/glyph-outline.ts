/**
 * Glyph outlines, shared by the backends that draw text as shapes: the raster preview
 * (render/raster/svg.ts) and the outlined print PDF (render/pdf/print/outline.ts). Both take a
 * glyph's outline from our own font (fontkit), in font units with y up, and place it with the
 * same matrix, so the two cannot disagree about where a glyph goes.
 *
 * Placement of a glyph, as the PDF writer does it with text matrices (pdf/vertical.ts,
 * pdf/run-rotation.ts), in display-list coordinates (points, y down):
 *   rotate(run.rotation about the run origin) · translate(origin of the glyph)
 *   · rotate(90°) for sideways glyphs · scale(size/unitsPerEm × scaleX, −size/unitsPerEm).
 */
import { concat, cosSin, type Affine } from '../affine.js';
import type { FontFace } from '../fonts/registry.js';
import type { GlyphRun, PathCommand, PositionedGlyph } from '../layout/display-list.js';

interface Outline {
  /** Font units, y up; quadratic curves raised to cubics (the display list has no quadratics). */
  commands: PathCommand[];
  /** SVG path data in font units, as fontkit writes it. */
  svg?: string;
}

const outlines = new WeakMap<FontFace, Map<number, Outline>>();

function outline(face: FontFace, gid: number): Outline {
  let perFace = outlines.get(face);
  if (!perFace) {
    perFace = new Map();
    outlines.set(face, perFace);
  }
  let o = perFace.get(gid);
  if (!o) {
    o = { commands: toCommands(face.font.getGlyph(gid).path.commands) };
    perFace.set(gid, o);
  }
  return o;
}

/** A glyph's outline in font units (y up), cached per face. */
function glyphCommands(face: FontFace, gid: number): readonly PathCommand[] {
  return outline(face, gid).commands;
}

/** A glyph's outline as SVG path data in font units (y up), cached per face. */
export function glyphSvgPath(face: FontFace, gid: number): string {
  const o = outline(face, gid);
  o.svg ??= face.font.getGlyph(gid).path.toSVG();
  return o.svg;
}

interface FontkitCommand {
  command: string;
  args: number[];
}

function toCommands(path: readonly FontkitCommand[]): PathCommand[] {
  const out: PathCommand[] = [];
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  for (const { command, args: a } of path) {
    switch (command) {
      case 'moveTo':
        out.push({ op: 'M', x: a[0]!, y: a[1]! });
        [cx, cy, sx, sy] = [a[0]!, a[1]!, a[0]!, a[1]!];
        break;
      case 'lineTo':
        out.push({ op: 'L', x: a[0]!, y: a[1]! });
        [cx, cy] = [a[0]!, a[1]!];
        break;
      case 'quadraticCurveTo': {
        // The same curve as a cubic: control points 2/3 of the way to the quadratic's.
        const [qx, qy, x, y] = a as [number, number, number, number];
        out.push({ op: 'C', x1: cx + (2 / 3) * (qx - cx), y1: cy + (2 / 3) * (qy - cy), x2: x + (2 / 3) * (qx - x), y2: y + (2 / 3) * (qy - y), x, y });
        [cx, cy] = [x, y];
        break;
      }
      case 'bezierCurveTo':
        out.push({ op: 'C', x1: a[0]!, y1: a[1]!, x2: a[2]!, y2: a[3]!, x: a[4]!, y: a[5]! });
        [cx, cy] = [a[4]!, a[5]!];
        break;
      case 'closePath':
        out.push({ op: 'Z' });
        [cx, cy] = [sx, sy];
        break;
    }
  }
  return out;
}

/** The run's rotation about its origin (clockwise on the page, y down), or undefined. */
function runMatrix(run: GlyphRun): Affine | undefined {
  if (!run.rotation || run.rotation % 360 === 0) return undefined;
  const [cos, sin] = cosSin(run.rotation);
  return [cos, sin, -sin, cos, run.x - cos * run.x + sin * run.y, run.y - sin * run.x - cos * run.y];
}

/** Font units (y up) → the glyph's place in the run, before the run's own rotation. */
export function glyphMatrix(run: GlyphRun, g: PositionedGlyph): Affine {
  const k = run.size / run.font.unitsPerEm;
  const sx = k * (g.scaleX ?? 1);
  const x = run.x + g.x;
  const y = run.y + (g.y ?? 0);
  // rotate(90) · scale(sx, −k) = [0 sx k 0]: font x runs down the page, font y to the right.
  return g.rotate === 90 ? [0, sx, k, 0, x, y] : [sx, 0, 0, -k, x, y];
}

/** Font units (y up) → page (points, y down), everything included. */
function glyphToPage(run: GlyphRun, g: PositionedGlyph): Affine {
  const m = glyphMatrix(run, g);
  const r = runMatrix(run);
  return r ? concat(m, r) : m;
}

function transformed(commands: readonly PathCommand[], m: Affine): PathCommand[] {
  const X = (x: number, y: number) => m[0] * x + m[2] * y + m[4];
  const Y = (x: number, y: number) => m[1] * x + m[3] * y + m[5];
  return commands.map((c): PathCommand => {
    switch (c.op) {
      case 'Z':
        return c;
      case 'C':
        return { op: 'C', x1: X(c.x1, c.y1), y1: Y(c.x1, c.y1), x2: X(c.x2, c.y2), y2: Y(c.x2, c.y2), x: X(c.x, c.y), y: Y(c.x, c.y) };
      default:
        return { op: c.op, x: X(c.x, c.y), y: Y(c.x, c.y) };
    }
  });
}

/** Every glyph of the run as one path in page coordinates (empty for a run of spaces). */
export function runOutline(run: GlyphRun): PathCommand[] {
  const out: PathCommand[] = [];
  for (const g of run.glyphs) {
    const commands = glyphCommands(run.font, g.id);
    if (commands.length > 0) out.push(...transformed(commands, glyphToPage(run, g)));
  }
  return out;
}
