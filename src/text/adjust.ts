/**
 * Line adjustment (JLReq §3.8): how a line that is too long is squeezed (追い込み) and how a
 * justified line is spread. Works on one line [s, e) and writes, per cluster of the line,
 * `cut` (aki removed before the glyph: it moves left) and `after` (space added, or removed
 * when negative, after the glyph).
 *
 * Squeezing order (JLReq): word spaces down to ¼ em and 和欧間 down to ⅛ em, then the aki of
 * line-end punctuation, then the aki around middle dots, then mid-line punctuation aki —
 * proportionally within each step. Spreading: word spaces up to ½ em and 和欧間 up to ½ em
 * first, then the rest evenly over the gaps between characters, never inside a Latin word or
 * number, after an opening bracket, before 、。 or a closing bracket, or inside ——.
 */
import { CL, F_DIGIT, KIND, clOf, isWordlike, kindOf } from './classes.js';
import type { Prepared } from './prepare.js';

export interface Adjustment {
  cut: Float64Array;
  after: Float64Array;
}

export function noAdjustment(k: number): Adjustment {
  return { cut: new Float64Array(k), after: new Float64Array(k) };
}

type Tier = (i: number, last: boolean) => { lead: number; trail: number };

/** Removes `amount` (≤ squeezable(p, s, e)) from the line [s, e). */
export function squeeze(p: Prepared, s: number, e: number, amount: number, adj: Adjustment): void {
  const k = e - s;
  const isSpace = (a: number): boolean => kindOf(p.info[a]!) === KIND.space;
  const punct = (a: number, cls: readonly number[]): boolean => cls.includes(clOf(p.info[a]!));
  const none = { lead: 0, trail: 0 };
  const tiers: Tier[] = [
    (i, last) => ({ lead: 0, trail: (isSpace(s + i) ? p.trail[s + i]! : 0) + (last ? 0 : p.gap[s + i]! / 2) }),
    (i, last) => (last && punct(s + i, [CL.close, CL.fullStop, CL.comma, CL.middle]) ? { lead: 0, trail: p.trail[s + i]! } : none),
    (i, last) => (punct(s + i, [CL.middle]) ? { lead: p.lead[s + i]!, trail: last ? 0 : p.trail[s + i]! } : none),
    (i, last) => {
      const a = s + i;
      if (punct(a, [CL.open])) return { lead: p.lead[a]!, trail: 0 };
      return !last && punct(a, [CL.close, CL.fullStop, CL.comma]) ? { lead: 0, trail: p.trail[a]! } : none;
    },
  ];
  let left = amount;
  for (const tier of tiers) {
    if (left <= 0) break;
    let cap = 0;
    for (let i = 0; i < k; i++) {
      const t = tier(i, i === k - 1);
      cap += t.lead + t.trail;
    }
    if (cap <= 0) continue;
    const ratio = Math.min(1, left / cap);
    for (let i = 0; i < k; i++) {
      const t = tier(i, i === k - 1);
      adj.cut[i]! += t.lead * ratio;
      adj.after[i]! -= t.trail * ratio;
    }
    left -= cap * ratio;
  }
}

/** Spreads `amount` over the line [s, e); false when the line has nowhere to put it. */
export function spread(p: Prepared, s: number, e: number, amount: number, adj: Adjustment): boolean {
  const k = e - s;
  // First step: word spaces and 和欧間, each up to half an em.
  const cap = new Float64Array(k);
  let capSum = 0;
  let slots = 0;
  for (let i = 0; i < k; i++) {
    const a = s + i;
    if (kindOf(p.info[a]!) === KIND.space) cap[i] = Math.max(0, p.size[a]! / 2 - (p.adv[a]! - p.ls[a]!));
    else if (i < k - 1) cap[i] = p.gap[a]!;
    capSum += cap[i]!;
    if (i < k - 1 && isSlot(p, a)) slots++;
  }
  if (capSum <= 0 && slots === 0) return false;
  const first = slots === 0 ? amount : Math.min(amount, capSum);
  const perSlot = slots === 0 ? 0 : (amount - first) / slots;
  for (let i = 0; i < k; i++) {
    const a = s + i;
    adj.after[i]! += capSum > 0 ? (cap[i]! / capSum) * first : 0;
    if (i < k - 1 && isSlot(p, a)) adj.after[i]! += perSlot;
  }
  return true;
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
