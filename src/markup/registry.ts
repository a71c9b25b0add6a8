/**
 * The longhand registry and the helpers property definitions share. A longhand knows how to
 * parse its value (once, at stylesheet-parse time) and apply it to a ComputedStyle (per
 * element). Definitions live in props-box.ts and props-text.ts; import properties.ts to get
 * them all registered.
 */
import type { CssNode } from 'css-tree';
import type { Color } from '../layout/display-list.js';
import type { ComputedStyle, LengthOrAuto, Sides } from './types.js';
import {
  ValueError,
  ident,
  keyword,
  parseLength,
  resolveLength,
  single,
  type LengthEnv,
  type LengthOpts,
  type ParseCtx,
  type SpecColor,
  type SpecLength,
} from './values.js';

/** Per-element resolution context. `em` is the element's font-size once font-size is applied. */
export interface ComputeEnv extends LengthEnv {
  parent: ComputedStyle;
}

export interface Longhand<S = unknown> {
  readonly name: string;
  readonly inherited: boolean;
  /** Accepted values, for hints and README. */
  readonly syntax: string;
  /** CSS text of the initial value (what `initial` means). */
  readonly initial: string;
  parse(nodes: CssNode[], pc: ParseCtx, text: string): S;
  apply(s: ComputedStyle, v: S, env: ComputeEnv): void;
  /** Copies the computed value (for `inherit`). */
  copy(to: ComputedStyle, from: ComputedStyle): void;
}

export const LONGHANDS = new Map<string, Longhand>();
export function def<S>(l: Longhand<S>): void {
  LONGHANDS.set(l.name, l as unknown as Longhand);
}

export type Side = keyof Sides<unknown>;
export const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

// ---------------------------------------------------------------------------------------------
// Helpers

/** A keyword-valued property stored as-is in one ComputedStyle field. */
export function kw<K extends keyof ComputedStyle>(
  name: string,
  field: K,
  inherited: boolean,
  values: readonly Extract<ComputedStyle[K], string>[],
  aliases: Readonly<Record<string, Extract<ComputedStyle[K], string>>> = {},
): void {
  def<Extract<ComputedStyle[K], string>>({
    name,
    inherited,
    syntax: [...values, ...Object.keys(aliases)].join(' | '),
    initial: values[0]!,
    parse: (nodes) => keyword(nodes, values, aliases),
    apply: (s, v) => {
      s[field] = v;
    },
    copy: (to, from) => {
      to[field] = from[field];
    },
  });
}

export function lengthOrAuto(nodes: CssNode[], opts: LengthOpts, extra: Record<string, 'auto'> = {}): SpecLength | 'auto' {
  const n = single(nodes);
  const k = ident(n);
  if (k === 'auto' || (k !== undefined && extra[k])) return 'auto';
  return parseLength(n, opts);
}

export const resolveAuto = (v: SpecLength | 'auto', env: LengthEnv): LengthOrAuto => (v === 'auto' ? 'auto' : resolveLength(v, env));

type BoxField = 'width' | 'height' | 'minWidth' | 'minHeight' | 'maxWidth' | 'maxHeight' | 'flexBasis';
export function boxSize(name: string, field: BoxField, extra: Record<string, 'auto'> = {}): void {
  def<SpecLength | 'auto'>({
    name,
    inherited: false,
    syntax: ['<length>', '<percentage>', 'auto', ...Object.keys(extra)].join(' | '),
    initial: 'auto',
    parse: (nodes) => lengthOrAuto(nodes, { percent: true }, extra),
    apply: (s, v, env) => {
      s[field] = resolveAuto(v, env);
    },
    copy: (to, from) => {
      to[field] = from[field];
    },
  });
}

/** A length resolved to pt (no percentages): letter-spacing, gaps, border widths, radii… */
export function ptLength(nodes: CssNode[], opts: LengthOpts, keywords: Record<string, number> = {}): SpecLength {
  const n = single(nodes);
  const k = ident(n);
  if (k !== undefined && keywords[k] !== undefined) return { n: keywords[k], u: 'pt' };
  return parseLength(n, opts);
}

export function noTransparent(c: SpecColor): Color | 'currentcolor' {
  if (c === 'transparent') {
    throw new ValueError({
      ja: 'transparent は background-color にだけ使えます。',
      en: 'transparent is only supported for background-color.',
    });
  }
  return c;
}

