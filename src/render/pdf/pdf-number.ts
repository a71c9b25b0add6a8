/**
 * Number formatting for content streams and font dictionaries. PDF has no exponent notation
 * and no NaN; a stray NaN would silently corrupt a page, so it is a bug we stop on.
 */
import { roundTo } from '../../units.js';

export function num(n: number, digits = 3): string {
  // Hot (every coordinate of every page): integers skip toFixed, trimming skips regexps.
  if (Number.isInteger(n)) return n === 0 ? '0' : String(n);
  if (!Number.isFinite(n)) throw new Error(`renderPdf: non-finite number ${n} in display list`);
  const s = n.toFixed(digits);
  // Trim trailing zeros ("12.500" → "12.5", "3.000" → "3") and normalise "-0".
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (s.charCodeAt(end - 1) === 46 /* . */) end--;
  const trimmed = end === s.length ? s : s.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}

/** Rounds to a fixed number of decimals, so computations agree with what `num` writes. */
export function round(n: number, digits = 3): number {
  return roundTo(n, digits);
}
