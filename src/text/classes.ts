/**
 * Character classes for line composition: the JLReq classes cl-01…cl-13 (W3C JLReq
 * Appendix A, /work/shared/reference/jlreq.md) plus the coarse "kind" that decides whether a
 * character behaves like Japanese (break anywhere), like part of a Latin word (break only at
 * spaces), or is a space, a forced break or invisible.
 *
 * JLReq lists ASCII code points for ( [ ! ? : ; . , — those are in the classes too, as are
 * the fullwidth U+FFxx and halfwidth forms, so kinsoku holds whichever form the author typed.
 */

/** JLReq class numbers (0 = none of cl-01…cl-13). */
export const CL = {
  none: 0,
  open: 1, // cl-01 始め括弧
  close: 2, // cl-02 終わり括弧
  hyphen: 3, // cl-03 ハイフン
  divide: 4, // cl-04 区切り
  middle: 5, // cl-05 中点
  fullStop: 6, // cl-06 句点
  comma: 7, // cl-07 読点
  inseparable: 8, // cl-08 分離禁止
  iteration: 9, // cl-09 繰返し
  prolonged: 10, // cl-10 長音
  smallKana: 11, // cl-11 小書き
  prefix: 12, // cl-12 前置省略
  postfix: 13, // cl-13 後置省略
} as const;

/** How a character takes part in line breaking and spacing. */
export const KIND = {
  /** Kana, kanji, CJK punctuation and symbols: break opportunities on both sides (kinsoku aside). */
  cjk: 0,
  /** Half-width letters and digits: no break inside a word; 和欧間 next to kana/kanji. */
  latin: 1,
  /** Fullwidth letters and digits: no break inside a word, no 和欧間 (they are already wide). */
  wide: 2,
  /** Half-width punctuation and symbols: glued to neighbouring Latin (URLs, 1,000.5, 086-803). */
  symbol: 3,
  space: 4,
  newline: 5,
  /** Zero-width joiners, controls, soft hyphen: no glyph, no break on either side. */
  ignore: 6,
  /** U+200B: zero width, a break opportunity after it. */
  zwsp: 7,
} as const;

// Packed layout of one character's info (see info()).
const CL_MASK = 0x0f;
const KIND_SHIFT = 4;
const KIND_MASK = 0x70;
export const F_DIGIT = 0x80;
/** Kana or kanji: the Japanese side of 和欧間. */
export const F_KANA_KANJI = 0x100;
/** Joins the preceding character into one cluster (combining marks, variation selectors, ZWJ). */
export const F_EXTEND = 0x200;
/** Hangul syllables and jamo: letters of a Korean word (language.ts, breaks.ts keep-all). */
export const F_HANGUL = 0x400;

export const clOf = (info: number): number => info & CL_MASK;
/** `info` re-classed as CJK punctuation of JLReq class `cl` (language.ts: Chinese quotes). */
export const asCjkPunctuation = (info: number, cl: number): number => (info & ~(KIND_MASK | CL_MASK)) | (KIND.cjk << KIND_SHIFT) | cl;
export const kindOf = (info: number): number => (info & KIND_MASK) >> KIND_SHIFT;
export const isWordlike = (info: number): boolean => {
  const k = kindOf(info);
  return k === KIND.latin || k === KIND.wide || k === KIND.symbol;
};

const JLREQ: Record<number, string> = {
  [CL.open]: '‘“（〔［｛〈《「『【｟〘〖«〝([{｢',
  [CL.close]: '’”）〕］｝〉》」』】｠〙〗»〟)]}｣',
  // ～ U+FF5E is what Windows input produces for 〜 U+301C; the seed text uses it.
  [CL.hyphen]: '‐〜゠–～',
  [CL.divide]: '！？‼⁇⁈⁉!?',
  [CL.middle]: '・：；:;･',
  [CL.fullStop]: '。．.｡',
  [CL.comma]: '、，,､',
  // ― U+2015 is the dash most Japanese fonts and IMEs give for ——.
  [CL.inseparable]: '—…‥〳〴〵―',
  [CL.iteration]: 'ヽヾゝゞ々〻',
  [CL.prolonged]: 'ーｰ',
  [CL.smallKana]: 'ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ',
  [CL.prefix]: '¥$£#€№￥＄￡＃',
  [CL.postfix]: '°′″℃¢%‰㏋ℓ㌃㌍㌔㌘㌢㌣㌦㌧㌫㌶㌻㍉㍊㍍㍑㍗㎎㎏㎜㎝㎞㎡㏄％￠',
};

const classTable = new Map<number, number>();
for (const [cl, chars] of Object.entries(JLREQ)) {
  for (const ch of chars) classTable.set(ch.codePointAt(0)!, Number(cl));
}

/** JLReq class of a code point (0 when it has none). */
export function jlreqClass(cp: number): number {
  return classTable.get(cp) ?? CL.none;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

function isExtender(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) ||
    cp === 0x3099 ||
    cp === 0x309a ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0100 && cp <= 0xe01ef) || // ideographic variation selectors
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // emoji skin tones
    (cp >= 0xe0020 && cp <= 0xe007f) || // emoji tags
    cp === 0x200d ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp > 0x36f && cp < 0x3000 && MARK.test(String.fromCodePoint(cp)))
  );
}

/** Code points that show nothing: they get no glyph and need none from the font. */
export function isInvisible(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    cp === 0xad ||
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x2028 ||
    cp === 0x2029
  );
}

function isKanaKanji(cp: number): boolean {
  return (
    (cp >= 0x3005 && cp <= 0x3007) ||
    cp === 0x303b ||
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x309d && cp <= 0x309f) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    (cp >= 0x30fc && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff66 && cp <= 0xff9f) ||
    (cp >= 0x1b000 && cp <= 0x1b16f) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

function isHangul(cp: number): boolean {
  return (
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x3131 && cp <= 0x318e) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xd7b0 && cp <= 0xd7ff)
  );
}

function kindFor(cp: number): number {
  if (cp === 0x0a || cp === 0x2028 || cp === 0x2029) return KIND.newline;
  if (cp === 0x20 || cp === 0x09 || (cp >= 0x2000 && cp <= 0x200a)) return KIND.space;
  if (cp === 0x200b) return KIND.zwsp;
  if (isInvisible(cp)) return KIND.ignore;
  if (cp < 0x2000) {
    // NBSP is glue by definition; everything else half-width is a letter/digit or a symbol.
    if (cp !== 0xa0 && LETTER_OR_DIGIT.test(String.fromCodePoint(cp))) return KIND.latin;
    return KIND.symbol;
  }
  // Curly quotes, letterlike symbols (™ ℃) and super/subscripts belong to the word they touch.
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d) return KIND.symbol;
  if ((cp >= 0x2070 && cp <= 0x209f) || (cp >= 0x2100 && cp <= 0x214f)) return KIND.symbol;
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) {
    return KIND.wide;
  }
  return KIND.cjk;
}

function compute(cp: number): number {
  let info = jlreqClass(cp) | (kindFor(cp) << KIND_SHIFT);
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) info |= F_DIGIT;
  if (isKanaKanji(cp)) info |= F_KANA_KANJI;
  if (isExtender(cp)) info |= F_EXTEND;
  if (isHangul(cp)) info |= F_HANGUL;
  return info;
}

// Lazily filled table for the BMP (0 = not computed yet; computed infos are never 0 because
// bit 15 is set), a Map for the rest. Classification is on the hot path of every paragraph.
const COMPUTED = 0x8000;
const bmp = new Uint16Array(0x10000);
const astral = new Map<number, number>();

/** Packed class/kind/flags of a code point; decode with clOf, kindOf and the F_ flags. */
export function info(cp: number): number {
  if (cp < 0x10000) {
    let v = bmp[cp]!;
    if (v === 0) {
      v = compute(cp) | COMPUTED;
      bmp[cp] = v;
    }
    return v;
  }
  let v = astral.get(cp);
  if (v === undefined) {
    v = compute(cp) | COMPUTED;
    astral.set(cp, v);
  }
  return v;
}
