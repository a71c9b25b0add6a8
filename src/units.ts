/**
 * Millimetres, points and the few number formats that every stage shares. Points are the unit
 * of everything after markup (1 pt = 1/72 in); paper sizes, bleed and print rules are stated in
 * millimetres, so the conversion lives here once instead of as a `72 / 25.4` in every module.
 */

/** Points per millimetre: for areas and thresholds stated in mm (10 cm² = 1000 · PT_PER_MM²). */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres → points with one rounding, so 297 mm is exactly 297 × 72 / 25.4 (as markup/values.ts). */
export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}

export function ptToMm(pt: number): number {
  return (pt * 25.4) / 72;
}

/** A length in points as millimetres for messages: "3.0 mm". */
export function formatMm(pt: number, digits = 1): string {
  return `${ptToMm(pt).toFixed(digits)} mm`;
}

/** Rounds to a fixed number of decimals. */
export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A number with at most `digits` decimals and no trailing zeros, for CSS, SVG and HTML attributes. */
export function decimal(n: number, digits = 3): string {
  return String(roundTo(n, digits));
}

/** 106 KB, 1.2 MB: file sizes as the build log, the gallery and the web page's download links show them. */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
