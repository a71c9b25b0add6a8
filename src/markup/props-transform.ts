/**
 * `transform`, minimal: `none | rotate(<angle>)` with the angle a multiple of 180deg. A
 * half turn is all a folded desk tent needs (one face printed upside down); it keeps the box
 * an axis-aligned rectangle, so layout rotates the box's display items about its centre
 * (layout/transform.ts) and nothing else changes: like CSS transforms, it never affects the
 * layout of the box or its neighbours. Other angles are rejected with a warning.
 */
import type { CssNode } from 'css-tree';
import { def } from './registry.js';
import { ValueError, ident, single } from './values.js';

/** Degrees per unit of a CSS <angle>. */
const ANGLE_UNITS: Readonly<Record<string, number>> = { deg: 1, turn: 360, grad: 0.9, rad: 180 / Math.PI };

function parseRotation(nodes: CssNode[]): 0 | 180 {
  const n = single(nodes);
  if (ident(n) === 'none') return 0;
  if (n.type !== 'Function' || n.name.toLowerCase() !== 'rotate') throw unsupported();
  const args = n.children.toArray().filter((c) => c.type !== 'WhiteSpace');
  const [a] = args;
  if (args.length !== 1 || !a) throw new ValueError();
  let degrees: number;
  if (a.type === 'Number' && Number(a.value) === 0) degrees = 0;
  else if (a.type === 'Dimension' && ANGLE_UNITS[a.unit.toLowerCase()] !== undefined) degrees = Number(a.value) * ANGLE_UNITS[a.unit.toLowerCase()]!;
  else throw new ValueError();
  const turns = degrees / 180;
  if (!Number.isFinite(turns) || Math.abs(turns - Math.round(turns)) > 1e-9) throw unsupported();
  return Math.round(turns) % 2 === 0 ? 0 : 180;
}

function unsupported(): ValueError {
  return new ValueError({
    ja: 'transform は none と rotate(180deg)（半回転）だけに対応しています。',
    en: 'transform supports only none and rotate(180deg) (a half turn).',
  });
}

def<0 | 180>({
  name: 'transform',
  inherited: false,
  syntax: 'none | rotate(<angle>)  (multiples of 180deg only)',
  initial: 'none',
  parse: (nodes) => parseRotation(nodes),
  apply: (s, v) => {
    if (v === 0) delete s.rotate;
    else s.rotate = v;
  },
  copy: (to, from) => {
    if (from.rotate === undefined) delete to.rotate;
    else to.rotate = from.rotate;
  },
});
