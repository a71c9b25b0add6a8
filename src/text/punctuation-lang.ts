/**
 * Punctuation spacing outside Japanese. punctuation.ts sets JLReq's aki, which assumes
 * Japanese glyphs; Chinese and Korean fonts draw some marks elsewhere in the em, and CLREQ
 * squeezes marks JLReq leaves alone. Text in Japanese (LANG.ja) never gets here, so its
 * setting is JLReq's alone. What changes (CLREQ §3.1.6 标点符号的宽度调整):
 *  - the side of a mark's aki follows where its font puts the ink (the half-em frame from the
 *    font's halt feature): a Traditional Chinese font centres ，。、！：； in the em, so they
 *    get ¼ em each side; a Simplified Chinese one sets ，。、：；？！ at the left, so they get
 *    ½ em after, like 、 — and a centred mark is never pushed to the left;
 *  - Chinese ？！ are squeezed with the other marks (”？ is 1.5 em, not 2) where the font has
 *    a half-width form of them (Noto Sans SC: both; TC: ！ only, its ？ stays a full em);
 *  - zh-Hans · (间隔号) is half an em, never widened (CLREQ §5.1: mainland practice);
 *  - a mark beside a word space (Korean and Chinese text with spaces, 「 after a space) has
 *    no aki on that side: the space already separates it.
 */
import { CL, KIND, clOf, kindOf } from './classes.js';
import { LANG, isChinese } from './language.js';
import type { Frame } from './punctuation-frame.js';
import { ROLE } from './punctuation-role.js';

/** The role a mark has in `lang`, given its half-em frame as a closing mark (font units). */
export function languageRole(lang: number, info: number, role: number, closingFrame: () => Frame, upm: number): number {
  if (!isChinese(lang)) return role;
  if (role === ROLE.none && kindOf(info) === KIND.cjk && clOf(info) === CL.divide) {
    return closingFrame().width <= 0.6 * upm ? ROLE.stop : ROLE.none; // ？！ with a half-width form
  }
  // GB style: ：； sit at the left like ，, so they close rather than centre.
  if (role === ROLE.middle && lang === LANG.zhHans && placement(closingFrame(), upm) === 'left') return ROLE.comma;
  return role;
}

/** Where a mark's frame sits in its advance. */
function placement(f: Frame, upm: number): 'left' | 'centre' | 'right' {
  const edge = 0.15 * upm;
  if (f.before > edge && f.after > edge) return 'centre';
  return f.before > edge ? 'right' : 'left';
}

const INTERPUNCT = new Set([0xb7, 0x2027, 0x30fb]);

/**
 * Aki (pt) before and after a mark of `role` in `lang`, before consecutive marks collapse;
 * undefined where JLReq's own values (punctuation.ts) stand.
 */
export function languageAki(lang: number, role: number, cp: number, frame: Frame, upm: number, em: number): [number, number] | undefined {
  if (lang === LANG.ja || role === ROLE.open || role === ROLE.close || role === ROLE.none) return undefined;
  if (lang === LANG.zhHans && role === ROLE.middle && INTERPUNCT.has(cp)) return [0, 0];
  if (role === ROLE.middle) return undefined;
  return placement(frame, upm) === 'centre' ? [em / 4, em / 4] : undefined;
}

/** No aki between a mark and a word space beside it, outside Japanese. */
export function dropAkiAtSpaces(n: number, lang: Uint8Array, infos: Uint16Array, akiBefore: Float64Array, akiAfter: Float64Array): void {
  for (let k = 0; k < n; k++) {
    if (lang[k] === LANG.ja || (akiBefore[k] === 0 && akiAfter[k] === 0)) continue;
    if (k > 0 && kindOf(infos[k - 1]!) === KIND.space) akiBefore[k] = 0;
    if (k + 1 < n && kindOf(infos[k + 1]!) === KIND.space) akiAfter[k] = 0;
  }
}
