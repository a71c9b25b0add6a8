/**
 * A glyph run's `rotation` (display list: clockwise degrees about the run origin, y down) as
 * a PDF `cm` matrix (y up), applied around the run: `q <matrix> cm BT … ET Q`. The run itself
 * is written exactly as an unrotated one, so rotation composes with any glyph placement.
 */
import { cosSin } from '../../affine.js';
import type { GlyphRun } from '../../layout/display-list.js';
import { num } from './pdf-number.js';

/** The `cm` operator for a rotated run, or undefined when the run is not rotated. */
export function runRotationOp(run: GlyphRun, pageHeight: number): string | undefined {
  if (!run.rotation || run.rotation % 360 === 0) return undefined;
  const [cos, sin] = cosSin(run.rotation);
  // Clockwise on the page (y down) is a rotation by −θ in PDF space (y up), about (X, Y).
  const a = cos;
  const b = -sin;
  const c = sin;
  const d = cos;
  const X = run.x;
  const Y = pageHeight - run.y;
  const e = X - a * X - c * Y;
  const f = Y - b * X - d * Y;
  return `${num(a)} ${num(b)} ${num(c)} ${num(d)} ${num(e)} ${num(f)} cm`;
}
