/**
 * Turns an icon's SVG (lucide-style: stroked shapes in a viewBox) into display-list path
 * commands in viewBox units. Arcs, quadratics and shorthands are normalised to cubics by
 * svgpath, so backends only ever see M/L/C/Z.
 */
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import svgpath from 'svgpath';
import type { PathCommand } from '../layout/display-list.js';

export interface IconShape {
  commands: PathCommand[];
  /** Whether the shape is filled (fill attribute not "none") rather than only stroked. */
  filled: boolean;
}

export interface IconGeometry {
  viewBox: [number, number, number, number];
  strokeWidth: number;
  cap: 'butt' | 'round' | 'square';
  join: 'miter' | 'round' | 'bevel';
  /** Default paint of the root: lucide icons are stroked, not filled. */
  stroked: boolean;
  shapes: IconShape[];
}

export function svgToIcon(svg: string): IconGeometry {
  const dom = parseDocument(svg, { xmlMode: true });
  const root = findFirst(dom.children as Element[], 'svg');
  if (!root) throw new Error('no <svg> element');
  const vb = (root.attribs.viewBox ?? `0 0 ${root.attribs.width ?? 24} ${root.attribs.height ?? 24}`)
    .split(/[\s,]+/)
    .map(Number) as [number, number, number, number];
  const rootFill = root.attribs.fill ?? 'black';
  const shapes: IconShape[] = [];
  walk(root, rootFill, shapes);
  return {
    viewBox: vb,
    strokeWidth: Number(root.attribs['stroke-width'] ?? 1),
    cap: (root.attribs['stroke-linecap'] as IconGeometry['cap']) ?? 'butt',
    join: (root.attribs['stroke-linejoin'] as IconGeometry['join']) ?? 'miter',
    stroked: (root.attribs.stroke ?? 'none') !== 'none',
    shapes,
  };
}

function findFirst(nodes: Element[], name: string): Element | undefined {
  for (const n of nodes) {
    if (n.type !== 'tag') continue;
    if (n.name === name) return n;
    const inner = findFirst(n.children as Element[], name);
    if (inner) return inner;
  }
  return undefined;
}

function walk(el: Element, inheritedFill: string, out: IconShape[]): void {
  for (const child of el.children as Element[]) {
    if (child.type !== 'tag') continue;
    const fill = child.attribs.fill ?? inheritedFill;
    const d = shapeToPathData(child);
    if (d !== undefined) out.push({ commands: pathDataToCommands(d), filled: fill !== 'none' });
    else walk(child, fill, out);
  }
}

function num(el: Element, name: string): number {
  return Number(el.attribs[name] ?? 0);
}

/** SVG basic shapes as path data (SVG 1.1 §9 equivalents). */
function shapeToPathData(el: Element): string | undefined {
  switch (el.name) {
    case 'path':
      return el.attribs.d ?? '';
    case 'line':
      return `M${num(el, 'x1')} ${num(el, 'y1')}L${num(el, 'x2')} ${num(el, 'y2')}`;
    case 'polyline':
    case 'polygon': {
      const pts = (el.attribs.points ?? '').trim();
      return `M${pts}${el.name === 'polygon' ? 'Z' : ''}`;
    }
    case 'circle':
    case 'ellipse': {
      const cx = num(el, 'cx');
      const cy = num(el, 'cy');
      const rx = el.name === 'circle' ? num(el, 'r') : num(el, 'rx');
      const ry = el.name === 'circle' ? num(el, 'r') : num(el, 'ry');
      return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
    }
    case 'rect': {
      const x = num(el, 'x');
      const y = num(el, 'y');
      const w = num(el, 'width');
      const h = num(el, 'height');
      const r = Math.min(Number(el.attribs.rx ?? el.attribs.ry ?? 0), w / 2, h / 2);
      if (r <= 0) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
      return (
        `M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}` +
        `A${r} ${r} 0 0 1 ${x + w - r} ${y + h}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}` +
        `V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`
      );
    }
    default:
      return undefined;
  }
}

export function pathDataToCommands(d: string): PathCommand[] {
  const out: PathCommand[] = [];
  svgpath(d)
    .abs()
    .unshort()
    .unarc()
    .iterate((seg, _i, x, y) => {
      const [op, ...a] = seg as [string, ...number[]];
      switch (op) {
        case 'M':
          out.push({ op: 'M', x: a[0]!, y: a[1]! });
          break;
        case 'L':
          out.push({ op: 'L', x: a[0]!, y: a[1]! });
          break;
        case 'H':
          out.push({ op: 'L', x: a[0]!, y });
          break;
        case 'V':
          out.push({ op: 'L', x, y: a[0]! });
          break;
        case 'C':
          out.push({ op: 'C', x1: a[0]!, y1: a[1]!, x2: a[2]!, y2: a[3]!, x: a[4]!, y: a[5]! });
          break;
        case 'Q': {
          // Degree elevation: a quadratic is the cubic with control points at 2/3.
          const [qx, qy, ex, ey] = a as [number, number, number, number];
          out.push({
            op: 'C',
            x1: x + (2 / 3) * (qx - x),
            y1: y + (2 / 3) * (qy - y),
            x2: ex + (2 / 3) * (qx - ex),
            y2: ey + (2 / 3) * (qy - ey),
            x: ex,
            y: ey,
          });
          break;
        }
        case 'Z':
        case 'z':
          out.push({ op: 'Z' });
          break;
      }
    });
  return out;
}
