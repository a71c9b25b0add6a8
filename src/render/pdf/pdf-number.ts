/**
 * Number formatting for content streams and font dictionaries. PDF has no exponent notation
 * and no NaN; a stray NaN would silently corrupt a page, so it is a bug we stop on.
 */
export function num(n: number, digits = 3): string {
  if (!Number.isFinite(n)) throw new Error(`renderPdf: non-finite number ${n} in display list`);
  const s = n.toFixed(digits);
  // Trim trailing zeros ("12.500" → "12.5", "3.000" → "3") and normalise "-0".
  const trimmed = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Rounds to a fixed number of decimals, so computations agree with what `num` writes. */
export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
