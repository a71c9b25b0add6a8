/**
 * One CSS declaration → longhand declarations with parsed (specified) values, or a warning.
 * Runs once per stylesheet (the result is cached with it), so it may be thorough.
 */
import * as csstree from 'css-tree';
import type { CssNode, Declaration } from 'css-tree';
import type { Localized } from '../diagnostics/diagnostic.js';
import { cssLoc, warn, type Diags } from './diag.js';
import { LONGHANDS } from './properties.js';
import { SHORTHANDS } from './shorthands.js';
import { ValueError, type ParseCtx } from './values.js';

/** Marks `inherit` (and `unset` on inherited properties). */
export const INHERIT: unique symbol = Symbol('inherit');

export interface ParsedDecl {
  /** Longhand name. */
  prop: string;
  /** Specified value as returned by the longhand's parser, or INHERIT. */
  value: unknown;
  important: boolean;
}

export interface PropertyInfo {
  syntax: string;
  inherited: boolean;
  /** For shorthands: the longhands they set. */
  longhands?: readonly string[];
}

/** Everything templates may use, for README generation/checking and hints. */
export const PROPERTY_INFO: Readonly<Record<string, PropertyInfo>> = Object.fromEntries(
  [
    ...[...LONGHANDS.values()].map((l): [string, PropertyInfo] => [l.name, { syntax: l.syntax, inherited: l.inherited }]),
    ...[...SHORTHANDS.values()].map((s): [string, PropertyInfo] => [
      s.name,
      { syntax: s.syntax, inherited: s.longhands.every((l) => LONGHANDS.get(l)?.inherited), longhands: s.longhands },
    ]),
  ].sort(([a], [b]) => a.localeCompare(b)),
);
export const SUPPORTED_PROPERTIES: readonly string[] = Object.keys(PROPERTY_INFO);

/** Suggestions for properties people reach for that we do not support. */
const ALTERNATIVES: Record<string, string> = {
  'box-shadow': 'border/background',
  'text-shadow': 'color/font-weight',
  font: 'font-size/font-weight/font-family/line-height',
  'font-style': 'font-weight/color',
  'text-decoration': 'border-bottom',
  position: 'display: flex',
  float: 'display: flex',
  opacity: 'an opaque colour',
  'flex-flow': 'flex-direction/flex-wrap',
  overflow: '-kp-fit-min-size',
  'overflow-wrap': 'word-break/line-break',
  'word-wrap': 'word-break/line-break',
  'background-image': '<img>',
  content: '@page margin boxes (content is only supported there)',
  'list-style-position': 'padding-left on the list',
  'text-wrap-mode': 'text-wrap',
};

const initialCache = new Map<string, unknown>();
function initialSpec(prop: string): unknown {
  if (!initialCache.has(prop)) {
    const l = LONGHANDS.get(prop)!;
    const ast = csstree.parse(l.initial, { context: 'value' }) as csstree.Value;
    initialCache.set(prop, l.parse(ast.children.toArray(), { note() {} }, l.initial));
  }
  return initialCache.get(prop);
}

export function valueNodes(d: Declaration): CssNode[] | undefined {
  if (d.value.type === 'Raw') return undefined;
  return d.value.children.toArray().filter((n) => n.type !== 'WhiteSpace');
}

export function parseDeclaration(d: Declaration, file: string, diags: Diags): ParsedDecl[] {
  const name = d.property.toLowerCase();
  const loc = cssLoc(file, d);
  const important = d.important !== false;
  const longhands = LONGHANDS.get(name) ? [name] : SHORTHANDS.get(name)?.longhands;
  if (!longhands) {
    const alt = ALTERNATIVES[name];
    warn(
      diags,
      'markup/unsupported-property',
      loc,
      (where) => ({ ja: `CSS プロパティ "${d.property}" には対応していません（${where}）。`, en: `Unsupported CSS property "${d.property}" (${where}).` }),
      {
        ja: `対応しているプロパティは README.md の「Templates」の節にあります。削除${alt ? `するか、${alt} を使って` : ''}ください。`,
        en: `Supported properties are listed in README.md under "Templates". Remove it${alt ? ` or use ${alt} instead` : ''}.`,
      },
    );
    return [];
  }
  const text = csstree.generate(d.value).trim();
  const nodes = valueNodes(d);
  const info = PROPERTY_INFO[name]!;
  const bad = (detail?: Localized) =>
    warn(
      diags,
      'markup/unsupported-value',
      loc,
      (where) => ({
        ja: `CSS プロパティ "${d.property}" の値 "${text}" には対応していません（${where}）。`,
        en: `Unsupported value "${text}" for CSS property "${d.property}" (${where}).`,
      }),
      { ja: `使える値: ${info.syntax}。${detail ? detail.ja : ''}`, en: `Accepted: ${info.syntax}.${detail ? ' ' + detail.en : ''}` },
    );
  if (!nodes || nodes.length === 0) {
    bad();
    return [];
  }
  const wide = nodes.length === 1 && nodes[0]!.type === 'Identifier' ? nodes[0].name.toLowerCase() : undefined;
  if (wide === 'inherit' || wide === 'initial' || wide === 'unset') {
    return longhands.map((prop) => {
      const inherit = wide === 'inherit' || (wide === 'unset' && LONGHANDS.get(prop)!.inherited);
      return { prop, value: inherit ? INHERIT : initialSpec(prop), important };
    });
  }
  if (text.includes('var(')) {
    bad({ ja: 'var() やカスタムプロパティには対応していません。', en: 'var() and custom properties are not supported.' });
    return [];
  }
  const notes: Localized[] = [];
  const pc: ParseCtx = { note: (n) => notes.push(n) };
  let pairs: [string, unknown][];
  try {
    const sh = SHORTHANDS.get(name);
    pairs = sh ? sh.expand(nodes, pc, text) : [[name, LONGHANDS.get(name)!.parse(nodes, pc, text)]];
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    bad(e.detail);
    return [];
  }
  for (const n of notes) {
    warn(
      diags,
      'markup/value-approximated',
      loc,
      (where) => ({ ja: `CSS プロパティ "${d.property}" の値を近似しました（${where}）。`, en: `Approximated the value of CSS property "${d.property}" (${where}).` }),
      n,
    );
  }
  return pairs.map(([prop, value]) => ({ prop, value, important }));
}
