/**
 * Emergency breaking of over-long words (CSS overflow-wrap: break-word | anywhere). A Latin
 * word, number or URL is normally glued together (breaks.ts) and overflows a measure narrower
 * than itself. With overflow-wrap, a word that cannot fit on a line by itself — even squeezed —
 * may break inside, at boundaries between two word characters, in this order of preference:
 *   url    — after / - . ? & = (UAX #14-like: after a slash, hyphen, dot, query or parameter
 *            mark), but not inside a run of the same mark (//), nor inside a number;
 *   any    — between any two characters of the word (not inside a number);
 *   number — inside a number (086-803-1090, 1,000, 3.14): only when nothing else fits.
 * Kinsoku and ruby bases are untouched: only word-character pairs break, so 「…html。」 never
 * puts the 。 at a line start — and, as url, a 、 or 。 that breaks.ts glues to the digits
 * around it (１，０００; so also 1,000、2,000) from what follows. No hyphen is added (CSS does
 * not hyphenate for overflow-wrap).
 *
 * Only over-long words take part, and in them the url breaks are ordinary opportunities for the
 * line breakers: the line before such a word is filled with its start rather than left short
 * (the word has to be broken anyway). any / number breaks are a last resort: greedy uses them
 * only when nothing else fits (emergencyBreak), 'pretty' and 'balance' at a high cost.
 */
import { BRK } from './breaks.js';
import { CL, F_DIGIT, KIND, clOf, isWordlike, kindOf } from './classes.js';
import { lineFit } from './fit.js';
import { naturalWidth, type Prepared } from './prepare.js';
import { rubyInnerBoundaries } from './ruby.js';
import { type BreakContext, EPS, availFrom } from './span.js';
import type { OverflowWrap } from './types.js';

/** Emergency break classes, per boundary b (before cluster b); higher is preferred. */
export const EMERGENCY = { none: 0, number: 1, any: 2, url: 3 } as const;

/** Marks a URL may break after. */
const URL_BREAK_AFTER = new Set([...'/-.?&='].map((c) => c.codePointAt(0)!));
/** Separators inside a number: 1,000 3.14 086-803-1090 12:30 2025/4/1. */
const NUMBER_SEPARATORS = new Set([...',.-:/‐'].map((c) => c.codePointAt(0)!));

const isDigit = (inf: number): boolean => (inf & F_DIGIT) !== 0;

/** The class of every boundary of the paragraph, whatever the measure (cached on it). */
export function emergencyClasses(p: Prepared): Uint8Array {
  let cls = p.breakCache.get('emergency');
  if (cls) return cls;
  const { n, info, cp } = p;
  cls = new Uint8Array(n + 1);
  for (let b = 1; b < n; b++) {
    const a = b - 1;
    if (!isWordlike(info[b]!)) continue;
    if (!isWordlike(info[a]!)) {
      const cl = clOf(info[a]!);
      if (kindOf(info[a]!) === KIND.cjk && (cl === CL.comma || cl === CL.fullStop)) cls[b] = EMERGENCY.url;
      continue;
    }
    const inNumber =
      (isDigit(info[a]!) && isDigit(info[b]!)) ||
      (NUMBER_SEPARATORS.has(cp[a]!) && a > 0 && isDigit(info[a - 1]!) && isDigit(info[b]!)) ||
      (isDigit(info[a]!) && NUMBER_SEPARATORS.has(cp[b]!) && b + 1 < n && isDigit(info[b + 1]!));
    if (inNumber) cls[b] = EMERGENCY.number;
    else if (URL_BREAK_AFTER.has(cp[a]!) && cp[b] !== cp[a]) cls[b] = EMERGENCY.url;
    else cls[b] = EMERGENCY.any;
  }
  for (const b of rubyInnerBoundaries(p)) cls[b] = EMERGENCY.none;
  p.breakCache.set('emergency', cls);
  return cls;
}

/**
 * The emergency breaks usable at this measure: the classes inside words that cannot fit on a
 * line of their own. Undefined when there are none (or overflow-wrap is normal).
 */
export function emergencyBreaks(ctx: BreakContext, overflowWrap: OverflowWrap | undefined): Uint8Array | undefined {
  if (!overflowWrap || overflowWrap === 'normal') return undefined;
  const { p, brk } = ctx;
  const minBrk = ctx.phrases ? BRK.fallback : BRK.allowed;
  let out: Uint8Array | undefined;
  let s = 0;
  let lineStart = 0; // the paragraph start or just after a "\n"
  for (let b = 1; b <= p.n; b++) {
    if (brk[b]! < minBrk) continue;
    const e = Math.max(s, p.contentEnd[b]!);
    // Spaces at the start of the paragraph or after a "\n" stay on the line (a break after
    // them would leave it empty): a word after them is set from there.
    const from = p.contentEnd[s]! <= lineStart ? lineStart : s;
    if (e - s > 1) {
      const avail = availFrom(ctx, from);
      const fit = lineFit(p, from, e, ctx.hang, avail);
      if (fit.width - fit.shrink > avail + EPS) {
        const cls = emergencyClasses(p);
        for (let k = s + 1; k < e; k++) {
          if (cls[k]! === EMERGENCY.none) continue;
          out ??= new Uint8Array(p.n + 1);
          out[k] = cls[k]!;
        }
      }
    }
    s = b;
    if (brk[b] === BRK.forced) lineStart = b;
  }
  return out;
}

/**
 * Greedy's last resort for the line starting at s when no opportunity fits (`first` is the
 * first one after s, which would overflow): the last any-class break that fits, else the last
 * number-class one, else the first emergency break (the least overflow).
 */
export function emergencyBreak(ctx: BreakContext, s: number, first: number): number {
  const { p } = ctx;
  const em = ctx.emergency!;
  const avail = availFrom(ctx, s);
  const best = [-1, -1, -1, -1];
  let earliest = first;
  for (let b = s + 1; b < first; b++) {
    const c = em[b]!;
    if (c === EMERGENCY.none) continue;
    if (earliest === first) earliest = b;
    const fit = lineFit(p, s, b, ctx.hang, avail);
    if (fit.width - fit.shrink <= avail + EPS) best[c] = b;
    else if (naturalWidth(p, s, b) > avail + 2 * p.size[b - 1]!) break; // only wider from here
  }
  for (const c of [EMERGENCY.url, EMERGENCY.any, EMERGENCY.number]) if (best[c]! > 0) return best[c]!;
  return earliest;
}
