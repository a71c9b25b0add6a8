/** Text (inherited), pagination and our -kp- extension longhands. */
import type { CssNode } from 'css-tree';
import { MEDIUM_FONT_SIZE, NORMAL_LINE_HEIGHT } from './style.js';
import { def, kw, noTransparent, ptLength } from './registry.js';
import { ValueError, ident, parseColor, parseLength, parseNumber, resolvePt, single, type SpecColor, type SpecLength } from './values.js';

def<SpecColor>({
  name: 'color',
  inherited: true,
  syntax: '<color>',
  initial: 'black',
  parse: (nodes, pc, text) => noTransparent(parseColor(single(nodes), pc, text)),
  apply: (s, v, env) => {
    s.color = v === 'currentcolor' || v === 'transparent' ? env.parent.color : v;
  },
  copy: (to, from) => {
    to.color = from.color;
  },
});

export const GENERIC_FAMILIES = ['serif', 'sans-serif', 'monospace', 'system-ui'];
def<string[]>({
  name: 'font-family',
  inherited: true,
  syntax: '<family-name>#  (quoted names, or serif | sans-serif | monospace)',
  initial: 'sans-serif',
  parse: (nodes) => {
    // Comma-separated: a quoted string, or identifiers joined by single spaces.
    const out: string[] = [];
    let words: string[] = [];
    let quoted: string | undefined;
    const flush = () => {
      if (quoted !== undefined && words.length === 0) out.push(quoted);
      else if (quoted === undefined && words.length > 0) {
        const name = words.join(' ');
        out.push(GENERIC_FAMILIES.includes(name.toLowerCase()) ? name.toLowerCase() : name);
      } else throw new ValueError();
      words = [];
      quoted = undefined;
    };
    for (const n of nodes) {
      if (n.type === 'Operator' && n.value === ',') flush();
      else if (n.type === 'String' && quoted === undefined && words.length === 0) quoted = n.value;
      else if (n.type === 'Identifier' && quoted === undefined) words.push(n.name);
      else throw new ValueError();
    }
    flush();
    return out;
  },
  apply: (s, v) => {
    s.fontFamily = v;
  },
  copy: (to, from) => {
    to.fontFamily = from.fontFamily;
  },
});

/** CSS absolute-size keywords as factors of medium; smaller/larger step by 1.2. */
const FONT_SIZE_KEYWORDS: Record<string, number> = {
  'xx-small': 3 / 5,
  'x-small': 3 / 4,
  small: 8 / 9,
  medium: 1,
  large: 6 / 5,
  'x-large': 3 / 2,
  'xx-large': 2,
  'xxx-large': 3,
};
type FontSizeSpec = SpecLength | { medium: number } | 'smaller' | 'larger';
def<FontSizeSpec>({
  name: 'font-size',
  inherited: true,
  syntax: '<length> | <percentage> | small | medium | large | … | smaller | larger',
  initial: 'medium',
  parse: (nodes) => {
    const n = single(nodes);
    const k = ident(n);
    if (k === 'smaller' || k === 'larger') return k;
    if (k !== undefined && FONT_SIZE_KEYWORDS[k] !== undefined) return { medium: FONT_SIZE_KEYWORDS[k] };
    return parseLength(n, { percent: true });
  },
  apply: (s, v, env) => {
    // em and % on font-size are relative to the parent's font-size.
    const p = env.parent.fontSize;
    if (v === 'smaller') s.fontSize = p / 1.2;
    else if (v === 'larger') s.fontSize = p * 1.2;
    else if ('medium' in v) s.fontSize = v.medium * MEDIUM_FONT_SIZE;
    else if (v.u === '%') s.fontSize = (p * v.n) / 100;
    else s.fontSize = resolvePt(v, { ...env, em: p });
  },
  copy: (to, from) => {
    to.fontSize = from.fontSize;
  },
});

def<number | 'bolder' | 'lighter'>({
  name: 'font-weight',
  inherited: true,
  syntax: 'normal | bold | bolder | lighter | 100 … 900',
  initial: 'normal',
  parse: (nodes) => {
    const n = single(nodes);
    const k = ident(n);
    if (k === 'normal') return 400;
    if (k === 'bold') return 700;
    if (k === 'bolder' || k === 'lighter') return k;
    return parseNumber(n, { min: 1, max: 1000 });
  },
  apply: (s, v, env) => {
    const p = env.parent.fontWeight;
    // The relative-weight table of CSS Fonts 4.
    if (v === 'bolder') s.fontWeight = p < 350 ? 400 : p < 550 ? 700 : 900;
    else if (v === 'lighter') s.fontWeight = p < 550 ? 100 : p < 750 ? 400 : 700;
    else s.fontWeight = v;
  },
  copy: (to, from) => {
    to.fontWeight = from.fontWeight;
  },
});

def<{ factor: number } | SpecLength>({
  name: 'line-height',
  inherited: true,
  syntax: 'normal | <number> | <length> | <percentage>',
  initial: 'normal',
  parse: (nodes) => {
    const n = single(nodes);
    if (ident(n) === 'normal') return { factor: NORMAL_LINE_HEIGHT };
    if (n.type === 'Number') return { factor: parseNumber(n, { min: 0 }) };
    return parseLength(n, { percent: true });
  },
  apply: (s, v, env) => {
    if ('factor' in v) {
      s.lineHeight = v.factor * s.fontSize;
      s.lineHeightMultiplier = v.factor;
      return;
    }
    // Lengths and percentages compute to a fixed pt value, inherited as such.
    s.lineHeight = v.u === '%' ? (v.n / 100) * s.fontSize : resolvePt(v, env);
    delete s.lineHeightMultiplier;
  },
  copy: (to, from) => {
    to.lineHeight = from.lineHeight;
    if (from.lineHeightMultiplier === undefined) delete to.lineHeightMultiplier;
    else {
      to.lineHeightMultiplier = from.lineHeightMultiplier;
      to.lineHeight = from.lineHeightMultiplier * to.fontSize;
    }
  },
});

for (const [name, field] of [
  ['letter-spacing', 'letterSpacing'],
  ['text-indent', 'textIndent'],
] as const) {
  def<SpecLength>({
    name,
    inherited: true,
    syntax: name === 'letter-spacing' ? 'normal | <length>' : '<length>',
    initial: '0',
    parse: (nodes) => ptLength(nodes, { negative: true }, name === 'letter-spacing' ? { normal: 0 } : {}),
    apply: (s, v, env) => {
      s[field] = resolvePt(v, env);
    },
    copy: (to, from) => {
      to[field] = from[field];
    },
  });
}

kw('text-align', 'textAlign', true, ['start', 'end', 'left', 'right', 'center', 'justify']);
kw('text-align-last', 'textAlignLast', true, ['auto', 'start', 'end', 'left', 'right', 'center', 'justify']);
kw('line-break', 'lineBreak', true, ['auto', 'strict', 'normal', 'loose', 'anywhere']);
kw('word-break', 'wordBreak', true, ['normal', 'keep-all', 'break-all', 'auto-phrase']);
kw('text-wrap', 'textWrap', true, ['wrap', 'nowrap', 'balance', 'pretty'], { auto: 'wrap' });
kw('white-space', 'whiteSpace', true, ['normal', 'pre-line', 'nowrap']);
// Only the end of the line: first/last would hang brackets, which JLReq never does.
kw('hanging-punctuation', 'hangingPunctuation', true, ['none', 'allow-end', 'force-end']);
// CSS Text 4; normal is JLReq's (text/punctuation.ts), trim-all sets every mark half-width
// (約物半角). auto is the UA's choice: ours is normal.
kw('text-spacing-trim', 'textSpacingTrim', true, ['normal', 'space-all', 'trim-start', 'space-first', 'trim-both', 'trim-all'], {
  auto: 'normal',
});
// The UA sheet sets break-word on html: a printed URL must never overflow its column.
kw('overflow-wrap', 'overflowWrap', true, ['normal', 'break-word', 'anywhere']);

/**
 * Counter styles we accept: the ones layout/markers.ts draws. Strings ("・") are accepted too.
 * Keep the two in step; anything else would reach layout as an unknown keyword.
 */
export const LIST_STYLE_TYPES = [
  'disc',
  'circle',
  'square',
  'decimal',
  'cjk-decimal',
  'lower-roman',
  'upper-roman',
  'lower-alpha',
  'upper-alpha',
  'lower-latin',
  'upper-latin',
  'none',
] as const;
/** Returns a keyword, or a string marker kept in double quotes (`"・"`) so it cannot clash. */
export function parseListStyleType(n: CssNode): string {
  if (n.type === 'String') return `"${n.value}"`;
  const k = ident(n);
  if (k !== undefined && (LIST_STYLE_TYPES as readonly string[]).includes(k)) return k;
  throw new ValueError();
}
def<string>({
  name: 'list-style-type',
  inherited: true,
  syntax: `${LIST_STYLE_TYPES.join(' | ')} | <string>`,
  initial: 'disc',
  parse: (nodes) => parseListStyleType(single(nodes)),
  apply: (s, v) => {
    s.listStyleType = v;
  },
  copy: (to, from) => {
    to.listStyleType = from.listStyleType;
  },
});

// ---------------------------------------------------------------------------------------------
// Pagination

const PAGE_BREAK_ALIASES = { always: 'page', left: 'page', right: 'page', recto: 'page', verso: 'page', 'avoid-page': 'avoid' } as const;
kw('break-before', 'breakBefore', false, ['auto', 'page', 'avoid'], PAGE_BREAK_ALIASES);
kw('break-after', 'breakAfter', false, ['auto', 'page', 'avoid'], PAGE_BREAK_ALIASES);
kw('break-inside', 'breakInside', false, ['auto', 'avoid'], { 'avoid-page': 'avoid' });
for (const field of ['orphans', 'widows'] as const) {
  def<number>({
    name: field,
    inherited: true,
    syntax: '<integer> (≥ 1)',
    initial: '2',
    parse: (nodes) => parseNumber(single(nodes), { min: 1, integer: true }),
    apply: (s, v) => {
      s[field] = v;
    },
    copy: (to, from) => {
      to[field] = from[field];
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Our extension

def<SpecLength | 'none'>({
  name: '-kp-fit-min-size',
  inherited: false,
  syntax: 'none | <length>',
  initial: 'none',
  parse: (nodes) => (ident(single(nodes)) === 'none' ? 'none' : parseLength(single(nodes), {})),
  apply: (s, v, env) => {
    if (v === 'none') delete s.fitMinSize;
    else s.fitMinSize = resolvePt(v, env);
  },
  copy: (to, from) => {
    if (from.fitMinSize === undefined) delete to.fitMinSize;
    else to.fitMinSize = from.fitMinSize;
  },
});
