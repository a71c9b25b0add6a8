/**
 * A font fallback chain: the faces a character may come from, in order of preference, for one
 * (font-family list, weight, language). Faces after the first are parsed only when a
 * character the earlier ones lack asks for them, so a Japanese document never opens the
 * 10 MB Chinese and Korean fonts. Coverage is cached per chain and code point: itemizing a
 * paragraph costs one typed-array read per character once warm.
 */
import type { FontFace } from './registry.js';

export interface FontChain {
  /** Stable key, e.g. "vi|400|Noto Sans>BIZ UDPGothic". */
  readonly key: string;
  /** The registry's language the chain was made for ("zh-Hant"), or undefined (no fallback entry). */
  readonly lang: string | undefined;
  /** Family names in order of preference. */
  readonly families: readonly string[];
  /** The first face: the strut (ascent, descent) of text in this chain, and its default face. */
  readonly primary: FontFace;
  /** The i-th face, parsed on first use. */
  face(i: number): FontFace;
  /** Index of the first face with a glyph for cp, or -1 when no face has one. */
  indexOf(cp: number): number;
  /** Index of the first face that has every (visible) code point of text, or -1. */
  indexForAll(text: string, skip?: (cp: number) => boolean): number;
}

export function makeChain(key: string, lang: string | undefined, families: readonly string[], load: (i: number) => FontFace): FontChain {
  const faces: (FontFace | undefined)[] = new Array(families.length);
  const face = (i: number): FontFace => (faces[i] ??= load(i));
  // BMP coverage: 0 = not looked up yet, -1 = no face, i + 1 = face i. Astral code points in a Map.
  const bmp = new Int8Array(0x10000);
  const astral = new Map<number, number>();
  const lookup = (cp: number): number => {
    for (let i = 0; i < families.length; i++) if (face(i).glyphId(cp) !== 0) return i;
    return -1;
  };
  const covers = (i: number, text: string, skip?: (cp: number) => boolean): boolean => {
    const f = face(i);
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!skip?.(cp) && f.glyphId(cp) === 0) return false;
    }
    return true;
  };
  return {
    key,
    lang,
    families,
    get primary() {
      return face(0);
    },
    face,
    indexOf(cp) {
      if (cp < 0x10000) {
        const v = bmp[cp]!;
        if (v !== 0) return v < 0 ? -1 : v - 1;
        const i = lookup(cp);
        bmp[cp] = i < 0 ? -1 : i + 1;
        return i;
      }
      let i = astral.get(cp);
      if (i === undefined) {
        i = lookup(cp);
        astral.set(cp, i);
      }
      return i;
    },
    indexForAll(text, skip) {
      for (let i = 0; i < families.length; i++) if (covers(i, text, skip)) return i;
      return -1;
    },
  };
}

/**
 * BCP 47 tags that name a registry language under another spelling. A Map, not an object
 * literal: the tag comes from the template's `lang`, and `lang="constructor"` must not find
 * Object.prototype's.
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['zh', 'zh-Hans'],
  ['zh-cn', 'zh-Hans'],
  ['zh-sg', 'zh-Hans'],
  ['zh-my', 'zh-Hans'],
  ['zh-tw', 'zh-Hant'],
  ['zh-hk', 'zh-Hant'],
  ['zh-mo', 'zh-Hant'],
]);

/**
 * The registry language for a BCP 47 tag (RFC 4647 lookup): exact match ignoring case, a
 * known alias (zh-TW → zh-Hant), then the tag with its last subtag dropped, and so on
 * ("zh-Hant-TW" → "zh-Hant", "ja-x-easy" → "ja").
 */
export function matchLanguage(tag: string | undefined, known: readonly string[]): string | undefined {
  if (!tag) return undefined;
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  let t = tag.trim().toLowerCase();
  while (t !== '') {
    const alias = ALIASES.get(t);
    const hit = byLower.get(t) ?? (alias !== undefined ? byLower.get(alias.toLowerCase()) : undefined);
    if (hit) return hit;
    const dash = t.lastIndexOf('-');
    t = dash < 0 ? '' : t.slice(0, dash);
  }
  return undefined;
}
