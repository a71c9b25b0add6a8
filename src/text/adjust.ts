/**
 * Line adjustment (JLReq §3.8): how a line that is too long is squeezed (追い込み) and how a
 * justified line is spread. Works on one line [s, e) and writes, per cluster of the line,
 * `cut` (aki removed before the glyph: it moves left) and `after` (space added, or removed
 * when negative, after the glyph). With `hanging`, the line's last cluster hangs past the
 * measure (fit.ts) and takes no part.
 *
 * Squeezing order (JLReq §3.8.3), each step only as far as still needed:
 *   1. word spaces, down to ¼ em;
 *   2. the ½ em after a full stop ending the line — whole or not at all (§3.1.9: "half em or
 *      solid"); when that removes more than needed, the surplus is returned for the caller to
 *      spread on a justified line (with text-spacing-trim allow-end, any closing mark's:
 *      Prepared.squeezeEnd);
 *   3. the ¼ em around middle dots;
 *   4. mid-line ½ em: before opening brackets, after closing brackets and commas (never after
 *      a full stop, note 167);
 *   5. 和欧間, down to ⅛ em.
 * Steps 1, 3, 4 and 5 take proportionally from every space of their kind. Step 2 goes first
 * only when step 1 alone is not enough, so word spaces are never squeezed for nothing.
 *
 * Spreading: 1. word spaces up to ½ em and 和欧間 up to ½ em (JIS X 4051, JLReq §3.8.4 a, b);
 * 2. punctuation aki inside the line, each by up to a quarter of itself (AKI_GROWTH), so kana
 * and kanji stay set solid when that is enough (JLReq §3.8.2: solid setting is kept if at all
 * possible); 3. the rest evenly over the gaps between characters (§3.8.4 c, d) — never inside a
 * Latin word or number, after an opening bracket, before 、。 or a closing bracket, or inside ——.
 */
import { CL, F_DIGIT, KIND, clOf, isWordlike, kindOf } from './classes.js';
import type { Prepared } from './prepare.js';
import { ROLE } from './punctuation.js';

/**
 * Spreading step 2: how much a punctuation aki may grow, as a share of itself (½ em becomes at
 * most ⅝ em, ¼ em 5⁄16 em). More reads as a gap in the line.
 */
const AKI_GROWTH = 0.25;

export interface Adjustment {
  cut: Float64Array;
  after: Float64Array;
}

export function noAdjustment(k: number): Adjustment {
  return { cut: new Float64Array(k), after: new Float64Array(k) };
}

/** How far one step may squeeze cluster i of the line: aki before (lead) and after (trail). */
type Step = (i: number) => { lead: number; trail: number };

/** The squeezable aki of a line, by step. */
function steps(p: Prepared, s: number, e: number, hanging: boolean): Step[] {
  const k = e - s;
  const end = hanging ? -1 : k - 1; // the cluster whose aki is line-end aki
  const limit = hanging ? k - 1 : k; // clusters that take part
  const none = { lead: 0, trail: 0 };
  const role = (i: number): number => (i < limit ? p.role[s + i]! : ROLE.none);
  return [
    (i) => (i < limit && kindOf(p.info[s + i]!) === KIND.space ? { lead: 0, trail: p.trail[s + i]! } : none),
    (i) => (i === end ? { lead: 0, trail: p.squeezeEnd[s + i]! } : none),
    (i) => (role(i) === ROLE.middle ? { lead: p.lead[s + i]!, trail: i === end ? 0 : p.trail[s + i]! } : none),
    (i) => {
      const r = role(i);
      if (r === ROLE.open) return i === 0 ? none : { lead: p.lead[s + i]!, trail: 0 };
      return (r === ROLE.close || r === ROLE.comma) && i !== end ? { lead: 0, trail: p.trail[s + i]! } : none;
    },
    (i) => (i < limit && i < k - 1 ? { lead: 0, trail: p.gap[s + i]! / 2 } : none),
  ];
}

/**
 * Removes `amount` (≤ what the line may shrink, fit.ts) from the line [s, e). Returns the
 * surplus: how much more than `amount` came out (only when step 2 removed a whole ½ em).
 */
export function squeeze(p: Prepared, s: number, e: number, amount: number, adj: Adjustment, hanging = false): number {
  const k = e - s;
  const [words, lineEnd, ...rest] = steps(p, s, e, hanging);
  const capOf = (step: Step): number => {
    let cap = 0;
    for (let i = 0; i < k; i++) {
      const t = step(i);
      cap += t.lead + t.trail;
    }
    return cap;
  };
  const take = (step: Step, cap: number, want: number): number => {
    if (cap <= 0 || want <= 0) return 0;
    const ratio = Math.min(1, want / cap);
    for (let i = 0; i < k; i++) {
      const t = step(i);
      adj.cut[i]! += t.lead * ratio;
      adj.after[i]! -= t.trail * ratio;
    }
    return cap * ratio;
  };
  let left = amount;
  const wordCap = capOf(words!);
  if (left <= wordCap) {
    take(words!, wordCap, left);
    return 0;
  }
  const endCap = capOf(lineEnd!);
  if (endCap > 0) {
    left -= take(lineEnd!, endCap, endCap); // whole or not at all
    if (left <= 0) return -left;
  }
  left -= take(words!, wordCap, left);
  for (const step of rest) left -= take(step, capOf(step), left);
  return 0;
}

/** Spreads `amount` over the line [s, e); false when the line has nowhere to put it. */
export function spread(p: Prepared, s: number, e: number, amount: number, adj: Adjustment, hanging = false): boolean {
  const k = e - s;
  const limit = hanging ? k - 1 : k;
  // Step 1: word spaces and 和欧間, each up to half an em. Step 2: punctuation aki, a quarter more.
  const cap1 = new Float64Array(k);
  const cap2 = new Float64Array(k);
  let sum1 = 0;
  let sum2 = 0;
  let slots = 0;
  for (let i = 0; i < limit; i++) {
    const a = s + i;
    const inner = i < limit - 1;
    if (kindOf(p.info[a]!) === KIND.space) cap1[i] = Math.max(0, p.size[a]! / 2 - (p.adv[a]! - p.ls[a]!));
    else if (inner) cap1[i] = p.gap[a]!;
    if (inner) cap2[i] = punctuationAki(p, a) * AKI_GROWTH;
    sum1 += cap1[i]!;
    sum2 += cap2[i]!;
    if (inner && isSlot(p, a)) slots++;
  }
  if (sum1 + sum2 <= 0 && slots === 0) return false;
  let left = amount;
  const first = slots === 0 && sum2 <= 0 ? left : Math.min(left, sum1);
  left -= first;
  const second = slots === 0 ? left : Math.min(left, sum2);
  left -= second;
  const perSlot = slots === 0 ? 0 : left / slots;
  for (let i = 0; i < limit; i++) {
    if (sum1 > 0) adj.after[i]! += (cap1[i]! / sum1) * first;
    if (sum2 > 0) adj.after[i]! += (cap2[i]! / sum2) * second;
    if (i < limit - 1 && isSlot(p, s + i)) adj.after[i]! += perSlot;
  }
  return true;
}

/** Punctuation aki between clusters a and a + 1 inside a line. */
function punctuationAki(p: Prepared, a: number): number {
  return (p.role[a] !== ROLE.none ? p.trail[a]! : 0) + (p.role[a + 1] !== ROLE.none ? p.lead[a + 1]! : 0);
}

/** May the gap after cluster a (before a + 1) be widened when spreading a line? */
function isSlot(p: Prepared, a: number): boolean {
  const ia = p.info[a]!;
  const ib = p.info[a + 1]!;
  const ka = kindOf(ia);
  const kb = kindOf(ib);
  if (kb === KIND.space) return false;
  if (ka === KIND.space) return true;
  if (ka > KIND.space || kb > KIND.space) return false; // newline, invisible
  if (isWordlike(ia) && isWordlike(ib)) return false;
  const cla = clOf(ia);
  const clb = clOf(ib);
  if (cla === CL.open || clb === CL.close || clb === CL.fullStop || clb === CL.comma) return false;
  if (cla === CL.inseparable && clb === CL.inseparable) return false;
  if (cla === CL.prefix && (ib & F_DIGIT) !== 0) return false;
  return !((ia & F_DIGIT) !== 0 && clb === CL.postfix);
}
