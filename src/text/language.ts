/**
 * The typographic language of a run (TextStyle.lang, a BCP 47 tag from the element's lang):
 * which line-breaking and punctuation conventions its characters follow. JLReq is the default;
 * the others differ only where their own requirements documents say so:
 *  - ko (KLREQ; what Hangul word processors call 어절 wrapping, CSS word-break: keep-all): lines
 *    break at the spaces between words, never between the syllables or hanja of a word; a word
 *    wider than the line may still break inside (as a phrase too long for its line does);
 *  - zh-Hans / zh-Hant (CLREQ): curly quotes “”‘’ are full-width CJK quotation marks, · is the
 *    間隔號 (half an em in mainland typesetting, CLREQ §5.1), and ？！ take part in punctuation
 *    squeezing where the font has a half-width form of them; BudouX phrases use Chinese models;
 *  - other (Latin-script languages: en, vi …): no Japanese phrase model on their words.
 * Punctuation spacing that depends on the glyphs (centred ，。 in Traditional Chinese fonts, a
 * bracket's aki next to a word space) is in punctuation-lang.ts.
 */
import { CL, asCjkPunctuation } from './classes.js';

export const LANG = { ja: 0, ko: 1, zhHans: 2, zhHant: 3, other: 4 } as const;

const HANT_REGIONS = /^zh-(?:hant|tw|hk|mo)(?:-|$)/;

/** The LANG code of a BCP 47 tag; no tag (or an unknown Japanese one) is Japanese. */
export function langCode(tag: string | undefined): number {
  const t = tag?.trim().toLowerCase() ?? '';
  if (t === '' || t === 'ja' || t.startsWith('ja-')) return LANG.ja;
  if (t === 'ko' || t.startsWith('ko-')) return LANG.ko;
  if (t === 'zh' || t.startsWith('zh-')) return HANT_REGIONS.test(t) ? LANG.zhHant : LANG.zhHans;
  return LANG.other;
}

export const isChinese = (lang: number): boolean => lang === LANG.zhHans || lang === LANG.zhHant;

/**
 * A character's info (classes.ts) as the language uses it. Chinese: “”‘’ are quotation marks
 * of the text (opening / closing, not glued to a Latin word), · U+00B7 and ‧ U+2027 are the
 * interpunct, which may not start a line (CLREQ line-start prohibitions).
 */
export function infoIn(lang: number, cp: number, inf: number): number {
  if (!isChinese(lang)) return inf;
  if (cp === 0x201c || cp === 0x2018) return asCjkPunctuation(inf, CL.open);
  if (cp === 0x201d || cp === 0x2019) return asCjkPunctuation(inf, CL.close);
  if (cp === 0xb7 || cp === 0x2027) return asCjkPunctuation(inf, CL.middle);
  return inf;
}
