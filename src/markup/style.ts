/**
 * Fresh ComputedStyle objects: CSS initial values for non-inherited properties, the parent's
 * values for inherited ones. Every object that the cascade mutates per side (margin, padding,
 * border) is created here so no two elements share them.
 */
import type { Color } from '../layout/display-list.js';
import type { BorderSide, ComputedStyle, Length, Sides } from './types.js';

export const BLACK: Color = { space: 'rgb', r: 0, g: 0, b: 0 };
const ZERO: Length = Object.freeze({ unit: 'pt', value: 0 });

/** CSS `line-height: normal`. Without font metrics at cascade time this is a fixed factor. */
export const NORMAL_LINE_HEIGHT = 1.2;
/** CSS `font-size: medium` (16px). Only reached through `initial`/`unset`; the UA sheet sets 10.5pt on html. */
export const MEDIUM_FONT_SIZE = 12;

function sides<T>(make: () => T): Sides<T> {
  return { top: make(), right: make(), bottom: make(), left: make() };
}

const noBorder = (color: Color) => (): BorderSide => ({ width: 0, style: 'none', color });

export function createStyle(p: ComputedStyle): ComputedStyle {
  const s: ComputedStyle = {
    display: 'inline',
    width: 'auto',
    height: 'auto',
    minWidth: 'auto',
    minHeight: 'auto',
    maxWidth: 'auto',
    maxHeight: 'auto',
    margin: sides<Length>(() => ZERO),
    padding: sides<Length>(() => ZERO),
    // border-color's initial value is currentColor; the cascade re-points it after `color`.
    border: sides(noBorder(p.color)),
    borderRadius: [0, 0, 0, 0],
    flexDirection: 'row',
    flexWrap: 'nowrap',
    justifyContent: 'flex-start',
    alignItems: 'stretch',
    alignSelf: 'auto',
    alignContent: 'stretch',
    flexGrow: 0,
    flexShrink: 1,
    flexBasis: 'auto',
    rowGap: 0,
    columnGap: 0,
    color: p.color,
    fontFamily: p.fontFamily,
    fontSize: p.fontSize,
    fontWeight: p.fontWeight,
    ...(p.lang !== undefined ? { lang: p.lang } : {}),
    lineHeight: p.lineHeight,
    letterSpacing: p.letterSpacing,
    textAlign: p.textAlign,
    textAlignLast: p.textAlignLast,
    textIndent: p.textIndent,
    lineBreak: p.lineBreak,
    wordBreak: p.wordBreak,
    textWrap: p.textWrap,
    whiteSpace: p.whiteSpace,
    hangingPunctuation: p.hangingPunctuation,
    textSpacingTrim: p.textSpacingTrim,
    overflowWrap: p.overflowWrap,
    writingMode: p.writingMode,
    textCombineUpright: p.textCombineUpright,
    listStyleType: p.listStyleType,
    breakBefore: 'auto',
    breakAfter: 'auto',
    breakInside: 'auto',
    orphans: p.orphans,
    widows: p.widows,
  };
  if (p.lineHeightMultiplier !== undefined) s.lineHeightMultiplier = p.lineHeightMultiplier;
  return s;
}

/** The (virtual) parent of the root element: CSS initial values throughout. */
export const INITIAL_STYLE: ComputedStyle = createStyle({
  color: BLACK,
  fontFamily: ['sans-serif'],
  fontSize: MEDIUM_FONT_SIZE,
  fontWeight: 400,
  lineHeight: NORMAL_LINE_HEIGHT * MEDIUM_FONT_SIZE,
  lineHeightMultiplier: NORMAL_LINE_HEIGHT,
  letterSpacing: 0,
  textAlign: 'start',
  textAlignLast: 'auto',
  textIndent: 0,
  lineBreak: 'auto',
  wordBreak: 'normal',
  textWrap: 'wrap',
  whiteSpace: 'normal',
  hangingPunctuation: 'none',
  textSpacingTrim: 'normal',
  overflowWrap: 'normal',
  writingMode: 'horizontal-tb',
  textCombineUpright: 'none',
  listStyleType: 'disc',
  orphans: 2,
  widows: 2,
} as ComputedStyle);
