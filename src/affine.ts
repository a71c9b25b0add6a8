/**
 * 2-D affine matrices [a b c d e f], as PDF and SVG write them: (x, y) ↦ (a·x + c·y + e,
 * b·x + d·y + f). Shared by the renderers (glyph placement, rotated runs) and the print
 * preflight (the CTM of a content stream), so both multiply the same way.
 */
export type Affine = readonly [number, number, number, number, number, number];

/** The transform that applies `first`, then `second` (PDF's `cm` concatenates this way: first = the new matrix, second = the CTM). */
export function concat(first: Affine, second: Affine): Affine {
  return [
    first[0] * second[0] + first[1] * second[2],
    first[0] * second[1] + first[1] * second[3],
    first[2] * second[0] + first[3] * second[2],
    first[2] * second[1] + first[3] * second[3],
    first[4] * second[0] + first[5] * second[2] + second[4],
    first[4] * second[1] + first[5] * second[3] + second[5],
  ];
}

/** Six numbers (a `cm` operand list, a /Matrix array) as a matrix; undefined for any other count. */
export function affineOf(values: readonly number[]): Affine | undefined {
  return values.length === 6 ? [values[0]!, values[1]!, values[2]!, values[3]!, values[4]!, values[5]!] : undefined;
}

export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Exact cosine and sine for multiples of 90°, so a half turn is -1 0 0 -1 without rounding noise. */
export function cosSin(degrees: number): [number, number] {
  const d = ((degrees % 360) + 360) % 360;
  if (d === 0) return [1, 0];
  if (d === 90) return [0, 1];
  if (d === 180) return [-1, 0];
  if (d === 270) return [0, -1];
  const r = (d * Math.PI) / 180;
  return [Math.cos(r), Math.sin(r)];
}
