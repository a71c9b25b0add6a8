/** Box model, borders, background and flexbox longhands (none inherited). */
import type { Color } from '../layout/display-list.js';
import type { BorderStyle, Length } from './types.js';
import { SIDES, boxSize, def, kw, lengthOrAuto, noTransparent, ptLength, resolveAuto } from './registry.js';
import { keyword, parseColor, parseLength, parseNumber, resolveLength, resolvePt, single, type SpecColor, type SpecLength } from './values.js';

kw('display', 'display', false, ['inline', 'block', 'flex', 'list-item', 'none']);

boxSize('width', 'width');
boxSize('height', 'height');
boxSize('min-width', 'minWidth');
boxSize('min-height', 'minHeight');
// max-*: none means "no maximum", which ComputedStyle spells 'auto'.
boxSize('max-width', 'maxWidth', { none: 'auto' });
boxSize('max-height', 'maxHeight', { none: 'auto' });

/** thin/medium/thick = 1px/3px/5px, as in browsers. */
export const BORDER_WIDTH_KEYWORDS: Record<string, number> = { thin: 0.75, medium: 2.25, thick: 3.75 };
export const BORDER_STYLES: readonly BorderStyle[] = ['none', 'solid', 'dashed', 'dotted'];

for (const side of SIDES) {
  def<SpecLength | 'auto'>({
    name: `margin-${side}`,
    inherited: false,
    syntax: '<length> | <percentage> | auto',
    initial: '0',
    parse: (nodes) => lengthOrAuto(nodes, { percent: true, negative: true }),
    apply: (s, v, env) => {
      s.margin[side] = resolveAuto(v, env);
    },
    copy: (to, from) => {
      to.margin[side] = from.margin[side];
    },
  });
  def<SpecLength>({
    name: `padding-${side}`,
    inherited: false,
    syntax: '<length> | <percentage>',
    initial: '0',
    parse: (nodes) => parseLength(single(nodes), { percent: true }),
    apply: (s, v, env) => {
      s.padding[side] = resolveLength(v, env) as Length;
    },
    copy: (to, from) => {
      to.padding[side] = from.padding[side];
    },
  });
  def<SpecLength>({
    name: `border-${side}-width`,
    inherited: false,
    syntax: '<length> | thin | medium | thick',
    initial: 'medium',
    parse: (nodes) => ptLength(nodes, {}, BORDER_WIDTH_KEYWORDS),
    apply: (s, v, env) => {
      s.border[side].width = resolvePt(v, env);
    },
    copy: (to, from) => {
      to.border[side].width = from.border[side].width;
    },
  });
  def<BorderStyle>({
    name: `border-${side}-style`,
    inherited: false,
    syntax: BORDER_STYLES.join(' | ') + ' | hidden',
    initial: 'none',
    parse: (nodes) => keyword(nodes, BORDER_STYLES, { hidden: 'none' }),
    apply: (s, v) => {
      s.border[side].style = v;
    },
    copy: (to, from) => {
      to.border[side].style = from.border[side].style;
    },
  });
  def<Color | 'currentcolor'>({
    name: `border-${side}-color`,
    inherited: false,
    syntax: '<color> | currentcolor',
    initial: 'currentcolor',
    parse: (nodes, pc, text) => noTransparent(parseColor(single(nodes), pc, text)),
    apply: (s, v) => {
      s.border[side].color = v === 'currentcolor' ? s.color : v;
    },
    copy: (to, from) => {
      to.border[side].color = from.border[side].color;
    },
  });
}

export const CORNERS = ['top-left', 'top-right', 'bottom-right', 'bottom-left'] as const;
CORNERS.forEach((corner, i) => {
  def<SpecLength>({
    name: `border-${corner}-radius`,
    inherited: false,
    syntax: '<length>',
    initial: '0',
    parse: (nodes) => parseLength(single(nodes), {}),
    apply: (s, v, env) => {
      s.borderRadius[i] = resolvePt(v, env);
    },
    copy: (to, from) => {
      to.borderRadius[i] = from.borderRadius[i]!;
    },
  });
});

def<SpecColor>({
  name: 'background-color',
  inherited: false,
  syntax: '<color> | transparent',
  initial: 'transparent',
  parse: (nodes, pc, text) => parseColor(single(nodes), pc, text),
  apply: (s, v) => {
    if (v === 'transparent') delete s.backgroundColor;
    else s.backgroundColor = v === 'currentcolor' ? s.color : v;
  },
  copy: (to, from) => {
    if (from.backgroundColor) to.backgroundColor = from.backgroundColor;
    else delete to.backgroundColor;
  },
});

// ---------------------------------------------------------------------------------------------
// Flexbox

kw('flex-direction', 'flexDirection', false, ['row', 'column', 'row-reverse', 'column-reverse']);
kw('flex-wrap', 'flexWrap', false, ['nowrap', 'wrap']);
kw('justify-content', 'justifyContent', false, ['flex-start', 'flex-end', 'center', 'space-between', 'space-around', 'space-evenly'], {
  normal: 'flex-start',
  start: 'flex-start',
  end: 'flex-end',
});
const ALIGN = ['stretch', 'flex-start', 'flex-end', 'center', 'baseline'] as const;
const ALIGN_ALIASES = { normal: 'stretch', start: 'flex-start', end: 'flex-end', 'self-start': 'flex-start', 'self-end': 'flex-end' } as const;
kw('align-items', 'alignItems', false, ALIGN, ALIGN_ALIASES);
kw('align-self', 'alignSelf', false, ['auto', ...ALIGN], ALIGN_ALIASES);
kw('align-content', 'alignContent', false, ['stretch', 'flex-start', 'flex-end', 'center', 'space-between', 'space-around'], {
  normal: 'stretch',
  start: 'flex-start',
  end: 'flex-end',
});
for (const [name, field, initial] of [
  ['flex-grow', 'flexGrow', '0'],
  ['flex-shrink', 'flexShrink', '1'],
] as const) {
  def<number>({
    name,
    inherited: false,
    syntax: '<number>',
    initial,
    parse: (nodes) => parseNumber(single(nodes), { min: 0 }),
    apply: (s, v) => {
      s[field] = v;
    },
    copy: (to, from) => {
      to[field] = from[field];
    },
  });
}
boxSize('flex-basis', 'flexBasis');
for (const [name, field] of [
  ['row-gap', 'rowGap'],
  ['column-gap', 'columnGap'],
] as const) {
  def<SpecLength>({
    name,
    inherited: false,
    syntax: '<length> | normal',
    initial: '0',
    parse: (nodes) => ptLength(nodes, {}, { normal: 0 }),
    apply: (s, v, env) => {
      s[field] = resolvePt(v, env);
    },
    copy: (to, from) => {
      to[field] = from[field];
    },
  });
}

