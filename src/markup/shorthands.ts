/**
 * Shorthand properties expand to longhands at parse time: the cascade then resolves each
 * longhand on its own, exactly as CSS does (a later `margin-top` beats an earlier `margin`).
 */
import type { CssNode } from 'css-tree';
import { CORNERS, LONGHANDS, SIDES, parseListStyleType, BORDER_STYLES, BORDER_WIDTH_KEYWORDS, type Longhand } from './properties.js';
import { ValueError, ident, parseColor, parseLength, parseNumber, single, type ParseCtx, type SpecLength } from './values.js';

export interface Shorthand {
  readonly name: string;
  readonly syntax: string;
  readonly longhands: readonly string[];
  expand(nodes: CssNode[], pc: ParseCtx, text: string): [string, unknown][];
}

export const SHORTHANDS = new Map<string, Shorthand>();
function def(s: Shorthand): void {
  SHORTHANDS.set(s.name, s);
}

function longhand(name: string): Longhand {
  const l = LONGHANDS.get(name);
  if (!l) throw new Error(`no longhand ${name}`);
  return l;
}

/** CSS 1–4 value box shorthand: top, right, bottom, left with the usual repetition. */
function boxValues<T>(nodes: CssNode[], one: (n: CssNode) => T): [T, T, T, T] {
  if (nodes.length < 1 || nodes.length > 4) throw new ValueError();
  const v = nodes.map(one);
  const [a, b = a, c = a, d = b] = v as [T, T?, T?, T?];
  return [a, b, c, d];
}

function sidesShorthand(name: string, pattern: (side: string) => string, syntax: string): void {
  const names = SIDES.map(pattern);
  def({
    name,
    syntax,
    longhands: names,
    expand: (nodes, pc, text) => {
      const values = boxValues(nodes, (n) => longhand(names[0]!).parse([n], pc, text));
      return names.map((l, i) => [l, values[i]]);
    },
  });
}

sidesShorthand('margin', (s) => `margin-${s}`, '<margin-top>{1,4}');
sidesShorthand('padding', (s) => `padding-${s}`, '<padding-top>{1,4}');
sidesShorthand('border-width', (s) => `border-${s}-width`, '<border-top-width>{1,4}');
sidesShorthand('border-style', (s) => `border-${s}-style`, '<border-top-style>{1,4}');
sidesShorthand('border-color', (s) => `border-${s}-color`, '<border-top-color>{1,4}');

def({
  name: 'border-radius',
  syntax: '<length>{1,4}',
  longhands: CORNERS.map((c) => `border-${c}-radius`),
  expand: (nodes) => {
    if (nodes.some((n) => n.type === 'Operator' && n.value === '/')) {
      throw new ValueError({ ja: '楕円の角丸（/ 指定）には対応していません。', en: 'Elliptical corners ("/") are not supported.' });
    }
    // Corner order is already top-left, top-right, bottom-right, bottom-left like the sides.
    const v = boxValues(nodes, (n) => parseLength(n, {}));
    return CORNERS.map((c, i) => [`border-${c}-radius`, v[i]]);
  },
});

/** `border` and `border-<side>`: width, style and colour in any order; omitted parts reset. */
function parseBorder(nodes: CssNode[], pc: ParseCtx, text: string): [SpecLength, string, unknown] {
  let width: SpecLength | undefined;
  let style: string | undefined;
  let color: unknown;
  if (nodes.length < 1 || nodes.length > 3) throw new ValueError();
  for (const n of nodes) {
    const k = ident(n);
    if (k !== undefined && style === undefined && ([...BORDER_STYLES, 'hidden'] as string[]).includes(k)) {
      style = k === 'hidden' ? 'none' : k;
    } else if (width === undefined && (n.type === 'Dimension' || n.type === 'Number' || (k && BORDER_WIDTH_KEYWORDS[k] !== undefined))) {
      width = k ? { n: BORDER_WIDTH_KEYWORDS[k]!, u: 'pt' } : parseLength(n, {});
    } else if (color === undefined) {
      color = longhand('border-top-color').parse([n], pc, text);
    } else throw new ValueError();
  }
  return [width ?? { n: BORDER_WIDTH_KEYWORDS['medium']!, u: 'pt' }, style ?? 'none', color ?? 'currentcolor'];
}

const borderSyntax = '<border-width> || <border-style> || <color>';
def({
  name: 'border',
  syntax: borderSyntax,
  longhands: SIDES.flatMap((s) => [`border-${s}-width`, `border-${s}-style`, `border-${s}-color`]),
  expand: (nodes, pc, text) => {
    const [w, st, c] = parseBorder(nodes, pc, text);
    return SIDES.flatMap((s): [string, unknown][] => [
      [`border-${s}-width`, w],
      [`border-${s}-style`, st],
      [`border-${s}-color`, c],
    ]);
  },
});
for (const side of SIDES) {
  def({
    name: `border-${side}`,
    syntax: borderSyntax,
    longhands: [`border-${side}-width`, `border-${side}-style`, `border-${side}-color`],
    expand: (nodes, pc, text) => {
      const [w, st, c] = parseBorder(nodes, pc, text);
      return [
        [`border-${side}-width`, w],
        [`border-${side}-style`, st],
        [`border-${side}-color`, c],
      ];
    },
  });
}

def({
  name: 'background',
  syntax: '<color> | none  (colour only)',
  longhands: ['background-color'],
  expand: (nodes, pc, text) => {
    const n = single(nodes);
    if (ident(n) === 'none') return [['background-color', 'transparent']];
    if (n.type === 'Url' || (n.type === 'Function' && /gradient/i.test(n.name))) {
      throw new ValueError({
        ja: 'background には色だけを指定できます。画像は <img> で配置してください。',
        en: 'background takes a colour only; place images with <img>.',
      });
    }
    return [['background-color', parseColor(n, pc, text)]];
  },
});

def({
  name: 'list-style',
  syntax: '<list-style-type> [outside]',
  longhands: ['list-style-type'],
  expand: (nodes) => {
    let type: string | undefined;
    for (const n of nodes) {
      const k = ident(n);
      if (k === 'outside') continue; // the only position we lay out
      if (k === 'inside' || n.type === 'Url') {
        throw new ValueError({
          ja: 'list-style では記号の種類だけを指定できます（inside や画像は使えません）。',
          en: 'list-style takes the marker type only (no inside, no images).',
        });
      }
      if (type !== undefined) throw new ValueError();
      type = parseListStyleType(n);
    }
    return [['list-style-type', type ?? 'disc']];
  },
});

def({
  name: 'flex',
  syntax: 'none | auto | <grow> [<shrink>] [<basis>] | <basis>',
  longhands: ['flex-grow', 'flex-shrink', 'flex-basis'],
  expand: (nodes) => {
    const k = nodes.length === 1 ? ident(nodes[0]) : undefined;
    const basisOf = (n: CssNode): SpecLength | 'auto' => (ident(n) === 'auto' ? 'auto' : parseLength(n, { percent: true }));
    let grow = 1;
    let shrink = 1;
    let basis: SpecLength | 'auto' = { n: 0, u: '%' };
    if (k === 'none') [grow, shrink, basis] = [0, 0, 'auto'];
    else if (k === 'auto') basis = 'auto';
    else if (k === 'initial') [grow, shrink, basis] = [0, 1, 'auto'];
    else {
      if (nodes.length === 0 || nodes.length > 3) throw new ValueError();
      const numbers: number[] = [];
      let b: SpecLength | 'auto' | undefined;
      for (const n of nodes) {
        // `<grow> <shrink>? || <basis>`; a third bare number can only be a zero basis.
        if (n.type === 'Number' && numbers.length < 2) numbers.push(parseNumber(n, { min: 0 }));
        else if (b === undefined) b = basisOf(n);
        else throw new ValueError();
      }
      grow = numbers[0] ?? 1;
      shrink = numbers[1] ?? 1;
      basis = b ?? basis;
    }
    return [
      ['flex-grow', grow],
      ['flex-shrink', shrink],
      ['flex-basis', basis],
    ];
  },
});

def({
  name: 'gap',
  syntax: '<row-gap> [<column-gap>]',
  longhands: ['row-gap', 'column-gap'],
  expand: (nodes, pc, text) => {
    if (nodes.length < 1 || nodes.length > 2) throw new ValueError();
    const row = longhand('row-gap').parse([nodes[0]!], pc, text);
    const col = nodes[1] ? longhand('column-gap').parse([nodes[1]], pc, text) : row;
    return [
      ['row-gap', row],
      ['column-gap', col],
    ];
  },
});

// text-wrap-style is the style half of the CSS Text 4 text-wrap shorthand; we keep one field.
def({
  name: 'text-wrap-style',
  syntax: 'auto | balance | pretty',
  longhands: ['text-wrap'],
  expand: (nodes, pc, text) => {
    const k = ident(single(nodes));
    if (k !== 'auto' && k !== 'balance' && k !== 'pretty') throw new ValueError();
    return [['text-wrap', longhand('text-wrap').parse(nodes, pc, text)]];
  },
});

// Legacy page-break-* map onto break-* (CSS Fragmentation §3.1).
for (const which of ['before', 'after', 'inside'] as const) {
  def({
    name: `page-break-${which}`,
    syntax: which === 'inside' ? 'auto | avoid' : 'auto | always | avoid | left | right',
    longhands: [`break-${which}`],
    expand: (nodes, pc, text) => {
      const k = ident(single(nodes));
      const ok = which === 'inside' ? ['auto', 'avoid'] : ['auto', 'always', 'avoid', 'left', 'right'];
      if (k === undefined || !ok.includes(k)) throw new ValueError();
      return [[`break-${which}`, longhand(`break-${which}`).parse(nodes, pc, text)]];
    },
  });
}
