/**
 * Parsers for CSS component values (css-tree nodes → specified values) and their resolution
 * to computed values. Parsers throw ValueError; the caller turns that into one diagnostic for
 * the whole declaration, so a bad value never half-applies a shorthand.
 */
import type { CssNode } from 'css-tree';
import type { Localized } from '../diagnostics/diagnostic.js';
import type { Color } from '../layout/display-list.js';
import type { Length } from './types.js';
import { NAMED_COLORS } from './colors.js';

export class ValueError extends Error {
  /** Extra explanation for the hint (e.g. why calc() is rejected). */
  readonly detail: Localized | undefined;
  constructor(detail?: Localized) {
    super(detail?.en ?? 'invalid value');
    this.detail = detail;
  }
}

/** Collects non-fatal remarks while parsing a value (e.g. an alpha we had to flatten). */
export interface ParseCtx {
  note(detail: Localized): void;
}

// ---------------------------------------------------------------------------------------------
// Lengths

/**
 * Absolute units as pt = n × num / den: one rounding, so 515mm is exactly 515 × 72 / 25.4.
 * `q` (1/4 mm) is the Japanese typesetter's 級/歯.
 */
const ABSOLUTE_UNITS: Readonly<Record<string, readonly [number, number]>> = {
  pt: [1, 1],
  px: [3, 4],
  mm: [72, 25.4],
  cm: [720, 25.4],
  q: [18, 25.4],
  in: [72, 1],
  pc: [12, 1],
};
export function absoluteToPt(n: number, unit: string): number | undefined {
  const f = ABSOLUTE_UNITS[unit];
  return f ? (n * f[0]) / f[1] : undefined;
}
export const RELATIVE_UNITS = ['em', 'rem', 'vw', 'vh', 'vmin', 'vmax'] as const;
export const SUPPORTED_UNITS: readonly string[] = [...Object.keys(ABSOLUTE_UNITS), ...RELATIVE_UNITS, '%'];

type RelUnit = (typeof RELATIVE_UNITS)[number];
/** A specified length: absolute units are converted to pt at parse time. */
export interface SpecLength {
  n: number;
  u: 'pt' | RelUnit | '%';
}

/** What relative lengths resolve against (all pt). */
export interface LengthEnv {
  /** The element's own font-size (the parent's, when resolving font-size itself). */
  em: number;
  rem: number;
  /** 1vw / 1vh in pt: 1% of the page area (page size minus @page margins). */
  vw: number;
  vh: number;
}

const CALC_DETAIL: Localized = {
  ja: 'calc() などの計算式には対応していません。値を計算して mm や pt で書いてください。',
  en: 'calc() and other math functions are not supported; work the value out and write it in mm or pt.',
};

export interface LengthOpts {
  percent?: boolean;
  negative?: boolean;
}

export function parseLength(node: CssNode | undefined, opts: LengthOpts = {}): SpecLength {
  if (!node) throw new ValueError();
  let out: SpecLength;
  if (node.type === 'Number') {
    // Unitless lengths are only valid as zero.
    if (Number(node.value) !== 0) {
      throw new ValueError({ ja: '長さには単位（mm、pt など）が必要です。', en: 'Lengths need a unit (mm, pt, …).' });
    }
    out = { n: 0, u: 'pt' };
  } else if (node.type === 'Dimension') {
    const unit = node.unit.toLowerCase();
    const n = Number(node.value);
    const abs = absoluteToPt(n, unit);
    if (abs !== undefined) out = { n: abs, u: 'pt' };
    else if ((RELATIVE_UNITS as readonly string[]).includes(unit)) out = { n, u: unit as RelUnit };
    else {
      throw new ValueError({
        ja: `単位 "${node.unit}" には対応していません（使える単位: ${SUPPORTED_UNITS.join(', ')}）。`,
        en: `The unit "${node.unit}" is not supported (supported: ${SUPPORTED_UNITS.join(', ')}).`,
      });
    }
  } else if (node.type === 'Percentage' && opts.percent) {
    out = { n: Number(node.value), u: '%' };
  } else if (node.type === 'Percentage') {
    throw new ValueError({ ja: 'ここではパーセント指定は使えません。', en: 'Percentages are not allowed here.' });
  } else if (node.type === 'Function' && isMathFunction(node.name)) {
    throw new ValueError(CALC_DETAIL);
  } else {
    throw new ValueError();
  }
  if (!Number.isFinite(out.n)) throw new ValueError();
  if (out.n < 0 && !opts.negative) {
    throw new ValueError({ ja: '負の値は使えません。', en: 'Negative values are not allowed here.' });
  }
  return out;
}

function isMathFunction(name: string): boolean {
  return /^(calc|min|max|clamp|var|env)$/i.test(name);
}

/** Resolves to pt; percentages must be handled by the caller (they throw here). */
export function resolvePt(l: SpecLength, env: LengthEnv): number {
  switch (l.u) {
    case 'pt':
      return l.n;
    case 'em':
      return l.n * env.em;
    case 'rem':
      return l.n * env.rem;
    case 'vw':
      return l.n * env.vw;
    case 'vh':
      return l.n * env.vh;
    case 'vmin':
      return l.n * Math.min(env.vw, env.vh);
    case 'vmax':
      return l.n * Math.max(env.vw, env.vh);
    case '%':
      throw new Error('resolvePt: percentage must be resolved by the caller');
  }
}

/** Percentages stay relative (layout resolves them against the containing block). */
export function resolveLength(l: SpecLength, env: LengthEnv): Length {
  if (l.u === '%') return { unit: '%', value: l.n };
  return { unit: 'pt', value: resolvePt(l, env) };
}

// ---------------------------------------------------------------------------------------------
// Keywords and numbers

export function ident(node: CssNode | undefined): string | undefined {
  return node?.type === 'Identifier' ? node.name.toLowerCase() : undefined;
}

export function single(nodes: CssNode[]): CssNode {
  const [n] = nodes;
  if (nodes.length !== 1 || !n) throw new ValueError();
  return n;
}

export function keyword<T extends string>(nodes: CssNode[], allowed: readonly T[], aliases: Readonly<Record<string, T>> = {}): T {
  const k = ident(single(nodes));
  if (k === undefined) throw new ValueError();
  if ((allowed as readonly string[]).includes(k)) return k as T;
  const alias = aliases[k];
  if (alias !== undefined) return alias;
  throw new ValueError();
}

export function parseNumber(node: CssNode | undefined, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
  if (node?.type !== 'Number') {
    if (node?.type === 'Function' && isMathFunction(node.name)) throw new ValueError(CALC_DETAIL);
    throw new ValueError();
  }
  const n = Number(node.value);
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) throw new ValueError();
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) throw new ValueError();
  return n;
}

// ---------------------------------------------------------------------------------------------
// Colours

export type SpecColor = Color | 'transparent' | 'currentcolor';

const rgb = (r: number, g: number, b: number): Color => ({ space: 'rgb', r, g, b });

/**
 * Our PDFs have no transparency, so alpha is flattened against white paper (the common case
 * for tints on posters) — with a note, because on a coloured panel the result is wrong.
 */
function withAlpha(c: Color, alpha: number, pc: ParseCtx, text: string): SpecColor {
  if (alpha >= 1) return c;
  if (alpha <= 0) return 'transparent';
  pc.note({
    ja: `半透明の色 ${text} は白と混ぜた不透明色として扱います（PDF では透明度を使いません）。不透明な色を指定してください。`,
    en: `The translucent colour ${text} is flattened against white (our PDFs use no transparency); give an opaque colour instead.`,
  });
  const mix = (v: number) => 1 - alpha + alpha * v;
  if (c.space === 'rgb') return rgb(mix(c.r), mix(c.g), mix(c.b));
  // In CMYK, "mixing with paper white" is scaling the inks.
  return { space: 'cmyk', c: c.c * alpha, m: c.m * alpha, y: c.y * alpha, k: c.k * alpha };
}

function parseHex(hex: string, pc: ParseCtx, text: string): SpecColor {
  let h = hex.toLowerCase();
  if (!/^[0-9a-f]+$/.test(h)) throw new ValueError();
  if (h.length === 3 || h.length === 4) h = [...h].map((ch) => ch + ch).join('');
  if (h.length !== 6 && h.length !== 8) throw new ValueError();
  const byte = (i: number) => parseInt(h.slice(i, i + 2), 16) / 255;
  const c = rgb(byte(0), byte(2), byte(4));
  return h.length === 8 ? withAlpha(c, byte(6), pc, text) : c;
}

/** Splits function arguments on commas/slashes; returns [channels, alpha node]. */
function fnArgs(node: CssNode & { type: 'Function' }): [CssNode[], CssNode | undefined] {
  const channels: CssNode[] = [];
  let alpha: CssNode | undefined;
  let afterSlash = false;
  node.children.forEach((c) => {
    if (c.type === 'WhiteSpace') return;
    if (c.type === 'Operator') {
      if (c.value.trim() === '/') afterSlash = true;
      else if (c.value.trim() !== ',') throw new ValueError();
      return;
    }
    if (afterSlash) {
      if (alpha) throw new ValueError();
      alpha = c;
    } else channels.push(c);
  });
  return [channels, alpha];
}

/** A number (0–max) or a percentage, as a fraction 0–1. */
function fraction(node: CssNode | undefined, max: number): number {
  let v: number;
  if (node?.type === 'Percentage') v = Number(node.value) / 100;
  else if (node?.type === 'Number') v = Number(node.value) / max;
  else throw new ValueError();
  if (!Number.isFinite(v)) throw new ValueError();
  return Math.min(1, Math.max(0, v));
}

export function parseColor(node: CssNode | undefined, pc: ParseCtx, text: string): SpecColor {
  if (!node) throw new ValueError();
  if (node.type === 'Hash') return parseHex(node.value, pc, text);
  if (node.type === 'Identifier') {
    const name = node.name.toLowerCase();
    if (name === 'transparent' || name === 'currentcolor') return name;
    const hex = NAMED_COLORS[name];
    if (hex) return parseHex(hex.slice(1), pc, text);
    throw new ValueError({
      ja: `色名 "${node.name}" は使えません。#rrggbb または device-cmyk() で指定してください。`,
      en: `The colour name "${node.name}" is not known; use #rrggbb or device-cmyk().`,
    });
  }
  if (node.type === 'Function') {
    const name = node.name.toLowerCase();
    const [ch, alphaNode] = fnArgs(node);
    const alpha = alphaNode ? fraction(alphaNode, 1) : 1;
    if (name === 'rgb' || name === 'rgba') {
      // rgba(r, g, b, a): legacy comma syntax puts alpha fourth.
      const a = ch.length === 4 && !alphaNode ? fraction(ch[3], 1) : alpha;
      if (ch.length !== 3 && !(ch.length === 4 && !alphaNode)) throw new ValueError();
      return withAlpha(rgb(fraction(ch[0], 255), fraction(ch[1], 255), fraction(ch[2], 255)), a, pc, text);
    }
    if (name === 'device-cmyk') {
      if (ch.length !== 4) throw new ValueError();
      const [c, m, y, k] = ch.map((n) => fraction(n, 1)) as [number, number, number, number];
      return withAlpha({ space: 'cmyk', c, m, y, k }, alpha, pc, text);
    }
    throw new ValueError({
      ja: `色の関数 ${node.name}() には対応していません。#rrggbb、rgb()、device-cmyk() を使ってください。`,
      en: `The colour function ${node.name}() is not supported; use #rrggbb, rgb() or device-cmyk().`,
    });
  }
  throw new ValueError();
}
