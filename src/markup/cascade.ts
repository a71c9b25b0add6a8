/**
 * The cascade proper: pick the winning declaration per longhand (origin, !important,
 * specificity, source order), then compute values against the parent's computed style.
 */
import type { ComputedStyle } from './types.js';
import { INHERIT, type ParsedDecl } from './declarations.js';
import { LONGHANDS, SIDES, type ComputeEnv } from './properties.js';
import { createStyle } from './style.js';

export interface MatchedRule {
  decls: readonly ParsedDecl[];
  specificity: number;
  order: number;
}

/**
 * Precedence, lowest first: UA, author normal (by specificity, then order), inline normal,
 * author !important, inline !important. (UA !important does not occur in our UA sheet.)
 */
export function pickWinners(ua: readonly ParsedDecl[], matched: MatchedRule[], inline: readonly ParsedDecl[]): Map<string, unknown> {
  const win = new Map<string, unknown>();
  for (const d of ua) win.set(d.prop, d.value);
  if (matched.length > 1) matched.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  let anyImportant = false;
  for (const m of matched) {
    for (const d of m.decls) {
      if (d.important) anyImportant = true;
      else win.set(d.prop, d.value);
    }
  }
  for (const d of inline) {
    if (d.important) anyImportant = true;
    else win.set(d.prop, d.value);
  }
  if (anyImportant) {
    for (const m of matched) for (const d of m.decls) if (d.important) win.set(d.prop, d.value);
    for (const d of inline) if (d.important) win.set(d.prop, d.value);
  }
  return win;
}

export interface PageEnv {
  rem: number;
  vw: number;
  vh: number;
}

function applyOne(s: ComputedStyle, prop: string, value: unknown, env: ComputeEnv): void {
  const l = LONGHANDS.get(prop)!;
  if (value === INHERIT) l.copy(s, env.parent);
  else l.apply(s, value, env);
}

/**
 * Computes one element's style. Order matters: font-size first (em everywhere else depends on
 * it), then colour (currentColor in borders), then the rest in any order.
 */
export function computeStyle(win: Map<string, unknown>, parent: ComputedStyle, page: PageEnv): ComputedStyle {
  const s = createStyle(parent);
  const env: ComputeEnv = { parent, em: parent.fontSize, rem: page.rem, vw: page.vw, vh: page.vh };
  const fontSize = win.get('font-size');
  if (fontSize !== undefined) {
    applyOne(s, 'font-size', fontSize, env);
    env.em = s.fontSize;
    // An inherited unitless line-height is a factor of the element's own font-size.
    if (s.lineHeightMultiplier !== undefined) s.lineHeight = s.lineHeightMultiplier * s.fontSize;
  }
  const color = win.get('color');
  if (color !== undefined) {
    applyOne(s, 'color', color, env);
    for (const side of SIDES) s.border[side].color = s.color;
  }
  for (const [prop, value] of win) {
    if (prop !== 'font-size' && prop !== 'color') applyOne(s, prop, value, env);
  }
  // CSS: a border whose style is none has a computed width of 0.
  for (const side of SIDES) if (s.border[side].style === 'none') s.border[side].width = 0;
  return s;
}
