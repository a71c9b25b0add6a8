/**
 * How an <img> fills its box: `object-fit: fill | contain | cover` and `object-position`
 * given as keywords or percentages (layout/image.ts applies them). `none` and `scale-down`
 * are not supported: a logo or photo is always scaled to its box.
 */
import type { CssNode } from 'css-tree';
import { def } from './registry.js';
import { keyword, ValueError, ident } from './values.js';

type Fit = 'fill' | 'contain' | 'cover';

def<Fit>({
  name: 'object-fit',
  inherited: false,
  syntax: 'fill | contain | cover',
  initial: 'fill',
  parse: (nodes) => keyword(nodes, ['fill', 'contain', 'cover'] as const),
  apply: (s, v) => {
    if (v === 'fill') delete s.objectFit;
    else s.objectFit = v;
  },
  copy: (to, from) => {
    if (from.objectFit === undefined) delete to.objectFit;
    else to.objectFit = from.objectFit;
  },
});

const HORIZONTAL: Readonly<Record<string, number>> = { left: 0, center: 0.5, right: 1 };
const VERTICAL: Readonly<Record<string, number>> = { top: 0, center: 0.5, bottom: 1 };

/** One or two components; keywords may come in either order (`top left`), percentages x first. */
function parsePosition(nodes: CssNode[]): { x: number; y: number } {
  const parts = nodes.filter((n) => n.type !== 'WhiteSpace');
  if (parts.length < 1 || parts.length > 2) throw new ValueError();
  const values = parts.map((n) => {
    if (n.type === 'Percentage') return { pct: Number(n.value) / 100 };
    const k = ident(n);
    if (k === undefined || (HORIZONTAL[k] === undefined && VERTICAL[k] === undefined)) throw new ValueError();
    return { kw: k };
  });
  const [a, b = { kw: 'center' }] = values as ({ pct: number; kw?: undefined } | { kw: string; pct?: undefined })[];
  // A vertical keyword first (`top left`, `bottom`) swaps the pair.
  const swap = (a!.kw === 'top' || a!.kw === 'bottom') && (b.kw === undefined || HORIZONTAL[b.kw] !== undefined);
  const [h, v] = swap ? [b, a!] : [a!, b];
  const x = h.pct ?? HORIZONTAL[h.kw!];
  const y = v.pct ?? VERTICAL[v.kw!];
  if (x === undefined || y === undefined) throw new ValueError();
  return { x, y };
}

def<{ x: number; y: number }>({
  name: 'object-position',
  inherited: false,
  syntax: '<position>  (keywords or percentages)',
  initial: '50% 50%',
  parse: (nodes) => parsePosition(nodes),
  apply: (s, v) => {
    if (v.x === 0.5 && v.y === 0.5) delete s.objectPosition;
    else s.objectPosition = { ...v };
  },
  copy: (to, from) => {
    if (from.objectPosition === undefined) delete to.objectPosition;
    else to.objectPosition = { ...from.objectPosition };
  },
});
