/**
 * Ruby units (a base and its reading) and the jukugo rule of JLReq §3.3.7 ¶2: when a character
 * of a kanji compound needs a reading longer than itself (three kana over one kanji, as in
 * 要求 よう.きゅう), per-character (mono-ruby) layout no longer works — the long reading would
 * either run into its neighbour's or push the compound's kanji apart (要　求). JLReq then
 * attaches the reading to the compound as a whole, laid out like group-ruby (JIS X 4051): the
 * readings are set solid, one after the other, centred on the compound, may overhang what lies
 * beside the compound (§3.3.8), and only the rest spaces the base out. Each character keeps its
 * own reading run (parts), but like group-ruby the compound no longer breaks inside.
 */
import type { ItemOrigin } from '../layout/display-list.js';
import type { GlyphMetrics } from './metrics.js';
import type { RubyAnnotation, TextStyle } from './types.js';

const EPS = 1e-9;

/** One reading run as the text gave it: a unit has one, a merged compound one per character. */
export interface RubyPart {
  glyphs: GlyphMetrics[];
  width: number;
  origin?: ItemOrigin;
}

export interface Unit {
  /** Clusters [s, e) of the base. */
  s: number;
  e: number;
  kind: NonNullable<RubyAnnotation['kind']>;
  /** Index of the jukugo compound the unit belongs to (-1 for mono and group ruby). */
  compound: number;
  style: TextStyle;
  glyphs: GlyphMetrics[];
  parts: RubyPart[];
  /** Natural width of the reading (letter-spacing between its glyphs, not after the last). */
  width: number;
  /** Reading width minus natural base width: > 0 when the reading protrudes. */
  excess: number;
  baseSize: number;
  rise: number;
  origin?: ItemOrigin;
}

const sameStyle = (a: TextStyle, b: TextStyle): boolean =>
  a.face === b.face && a.size === b.size && a.letterSpacing === b.letterSpacing && JSON.stringify(a.color) === JSON.stringify(b.color);

/**
 * The units with every jukugo compound that JLReq §3.3.7 ¶2 sets as a whole merged into one
 * group unit: some character's reading is longer than its base, and the readings together are
 * at least as long as the compound (a shorter total is left to per-character placement, whose
 * readings then stay over their own characters and may use a neighbour's spare room).
 */
export function mergeLongCompounds(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; ) {
    let j = i + 1;
    const u = units[i]!;
    if (u.compound >= 0) {
      while (j < units.length && units[j]!.compound === u.compound && units[j]!.s === units[j - 1]!.e) j++;
    }
    const members = units.slice(i, j);
    const merged = members.length > 1 ? mergeIfLong(members) : undefined;
    if (merged) out.push(merged);
    else out.push(...members);
    i = j;
  }
  return out;
}

function mergeIfLong(members: Unit[]): Unit | undefined {
  const first = members[0]!;
  if (!members.some((m) => m.excess > EPS)) return undefined;
  if (!members.every((m) => sameStyle(m.style, first.style))) return undefined;
  const ls = first.style.letterSpacing;
  const width = members.reduce((w, m) => w + m.width, 0) + ls * (members.length - 1);
  const excess = members.reduce((x, m) => x + m.excess, 0) + ls * (members.length - 1);
  if (excess < -EPS) return undefined;
  return {
    ...first,
    e: members.at(-1)!.e,
    kind: 'group',
    compound: -1,
    glyphs: members.flatMap((m) => m.glyphs),
    parts: members.flatMap((m) => m.parts),
    width,
    excess,
  };
}
