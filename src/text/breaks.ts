/**
 * Break opportunities between clusters: JLReq kinsoku per CSS line-break level, 分離禁止
 * (——, ……, numbers, ¥100, 50%), Latin words and URLs broken only at spaces, forced "\n",
 * and in phrase mode BudouX boundaries preferred over the other opportunities.
 *
 * Levels (CSS Text 3 §5.3, which defines these keywords; the reference's note that "strict"
 * allows 々 ー and small kana at line start has it the wrong way round):
 *   strict   — no line starts with cl-02…07, 09, 10, 11 or a postfix (%); none ends with cl-01 or ¥.
 *   normal   — as strict, but ー (cl-10) and small kana (cl-11) may start a line.
 *   loose    — also hyphens 〜, ！？, ・：；, 々, % may start a line, ¥ may end one
 *              (still never next to a digit) and …… may break in the middle.
 *   anywhere — breaks everywhere, even inside words; only the rules JLReq keeps at every level
 *              remain: nothing after cl-01 and nothing before cl-02, 06 or 07.
 */
import { CL, F_DIGIT, F_HANGUL, F_KANA_KANJI, KIND, clOf, isWordlike, kindOf } from './classes.js';
import { LANG } from './language.js';
import { phraseBoundaries } from './phrases.js';
import type { Prepared } from './prepare.js';
import { rubyInnerBoundaries } from './ruby.js';
import type { LineBreakLevel } from './types.js';

/** Values of the break array: what may happen at boundary b (before cluster b). */
export const BRK = {
  none: 0,
  /** Phrase mode only: a normal opportunity, used when a phrase does not fit on a line. */
  fallback: 1,
  allowed: 2,
  forced: 3,
} as const;

const mask = (...cls: number[]): number => cls.reduce((m, c) => m | (1 << c), 0);

const START_FORBIDDEN: Record<LineBreakLevel, number> = {
  strict: mask(2, 3, 4, 5, 6, 7, 9, 10, 11, 13),
  normal: mask(2, 3, 4, 5, 6, 7, 9, 13),
  loose: mask(2, 6, 7),
  anywhere: mask(2, 6, 7),
};
const END_FORBIDDEN: Record<LineBreakLevel, number> = {
  strict: mask(1, 12),
  normal: mask(1, 12),
  loose: mask(1),
  anywhere: mask(1),
};

const isDigit = (inf: number): boolean => (inf & F_DIGIT) !== 0;
const isDots = (cp: number): boolean => cp === 0x2026 || cp === 0x2025;

/** A letter of a word for keep-all: kana, kanji, hangul, Latin letters and digits (not punctuation). */
const isLetter = (inf: number): boolean => (inf & (F_KANA_KANJI | F_HANGUL)) !== 0 || kindOf(inf) === KIND.latin || kindOf(inf) === KIND.wide;

/**
 * The break array for a paragraph (n + 1 entries; index b = before cluster b, n = the end,
 * which is always forced). Cached on the prepared paragraph.
 *
 * Word-keeping demotes opportunities to `fallback` (used only for a word too wide for its
 * line, as a phrase in phrase mode): in Korean text every one not at a space (KLREQ / 어절);
 * with keepAll (CSS word-break: keep-all) those between two letters.
 */
export function breakOpportunities(p: Prepared, level: LineBreakLevel, phrases: boolean, keepAll = false): Uint8Array {
  const key = `${level}|${phrases ? 'p' : ''}|${keepAll ? 'k' : ''}`;
  let brk = p.breakCache.get(key);
  if (!brk) {
    brk = compute(p, level, phrases, keepAll);
    p.breakCache.set(key, brk);
  }
  return brk;
}

/** Whether a break array has fallback opportunities (phrases or words kept whole). */
export function hasFallback(brk: Uint8Array): boolean {
  return brk.includes(BRK.fallback);
}

function compute(p: Prepared, level: LineBreakLevel, phrases: boolean, keepAll: boolean): Uint8Array {
  const { n, info, cp, start } = p;
  const brk = new Uint8Array(n + 1);
  brk[n] = BRK.forced;
  const startForbidden = START_FORBIDDEN[level];
  const endForbidden = END_FORBIDDEN[level];
  const glue = level !== 'anywhere';
  const { lang } = p;
  // BudouX has Japanese and Chinese models; the paragraph's first character picks one, and
  // only boundaries between characters of that language are phrase-checked.
  const phraseLang = n > 0 ? lang[0]! : LANG.ja;
  const phraseAt = phrases ? phraseBoundaries(p.text, phraseLang) : undefined;
  let lastNonSpace = -1;
  for (let b = 1; b < n; b++) {
    const a = b - 1;
    const ia = info[a]!;
    const ib = info[b]!;
    const ka = kindOf(ia);
    const kb = kindOf(ib);
    const cla = clOf(ia);
    const clb = clOf(ib);
    if (ka !== KIND.space) lastNonSpace = a;
    if (ka === KIND.newline) {
      brk[b] = BRK.forced;
      continue;
    }
    if (kb === KIND.newline || kb === KIND.space || kb === KIND.zwsp || ka === KIND.ignore || kb === KIND.ignore) {
      continue;
    }
    const startOk = ((startForbidden >> clb) & 1) === 0;
    if (ka === KIND.space || ka === KIND.zwsp) {
      // A break after spaces: the spaces are dropped, kinsoku still looks across them.
      const before = lastNonSpace >= 0 && ka === KIND.space ? info[lastNonSpace]! : 0;
      const endOk = kindOf(before) === KIND.newline || ((endForbidden >> clOf(before)) & 1) === 0;
      if (startOk && endOk) brk[b] = BRK.allowed;
      continue;
    }
    if (!startOk || ((endForbidden >> cla) & 1) !== 0) continue;
    if (glue) {
      if (isWordlike(ia) && isWordlike(ib)) continue; // inside a Latin word, number or URL
      if (cla === CL.prefix && isDigit(ib)) continue; // ¥100
      if (isDigit(ia) && clb === CL.postfix) continue; // 50%
      if ((cla === CL.comma || cla === CL.fullStop) && isDigit(ib) && a > 0 && isDigit(info[a - 1]!)) continue; // １，０００
      if (cla === CL.inseparable && clb === CL.inseparable && !(level === 'loose' && isDots(cp[a]!) && isDots(cp[b]!))) {
        continue; // —— ……
      }
    }
    const inPhrase = phraseAt !== undefined && lang[a] === phraseLang && lang[b] === phraseLang && !phraseAt.has(start[b]!);
    const inWord = lang[a] === LANG.ko || lang[b] === LANG.ko || (keepAll && isLetter(ia) && isLetter(ib));
    brk[b] = inPhrase || inWord ? BRK.fallback : BRK.allowed;
  }
  for (const b of rubyInnerBoundaries(p)) if (brk[b]! < BRK.forced) brk[b] = BRK.none; // never inside a ruby base
  return brk;
}
