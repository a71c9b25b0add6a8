/**
 * Print colour: every colour becomes DeviceCMYK (PDF/X-1a allows no RGB).
 *
 * Rule (naive full GCR, documented so a press operator can predict it):
 *   k = 1 − max(r, g, b);  c = (1 − r − k)/(1 − k), m = (1 − g − k)/(1 − k), y = (1 − b − k)/(1 − k)
 * (c = m = y = 0 when k = 1). Black #000 thus becomes 0 0 0 1 — K100 for text and thin lines,
 * never rich black — and greys are K only. One of c, m, y is always 0, so the total ink is at
 * most 300 % (print.md's limit).
 *
 * CMYK colours given by the template pass through, with two guards: the total ink is scaled
 * down (C, M, Y only, K kept) to 300 %, and C100 M100 Y100 K100 — the registration colour,
 * reserved for printer's marks — is turned into K100.
 */
import type { Color, DisplayDocument, DisplayItem } from '../../../layout/display-list.js';

export const INK_LIMIT = 3;

type Cmyk = Extract<Color, { space: 'cmyk' }>;

export function toCmyk(color: Color): Cmyk {
  if (color.space === 'cmyk') return limitInk(color);
  const r = clamp01(color.r);
  const g = clamp01(color.g);
  const b = clamp01(color.b);
  const k = 1 - Math.max(r, g, b);
  if (k >= 1 - 1e-9) return { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 };
  return { space: 'cmyk', c: (1 - r - k) / (1 - k), m: (1 - g - k) / (1 - k), y: (1 - b - k) / (1 - k), k };
}

function limitInk(color: Cmyk): Cmyk {
  const c = clamp01(color.c);
  const m = clamp01(color.m);
  const y = clamp01(color.y);
  const k = clamp01(color.k);
  if (c >= 1 && m >= 1 && y >= 1 && k >= 1) return { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 };
  const cmy = c + m + y;
  if (cmy + k <= INK_LIMIT || cmy === 0) return { space: 'cmyk', c, m, y, k };
  const f = (INK_LIMIT - k) / cmy;
  return { space: 'cmyk', c: c * f, m: m * f, y: y * f, k };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A copy of the document with every fill, stroke and text colour in CMYK. */
export function cmykDocument(doc: DisplayDocument): DisplayDocument {
  return { ...doc, pages: doc.pages.map((p) => ({ ...p, items: p.items.map(cmykItem) })) };
}

function cmykItem(item: DisplayItem): DisplayItem {
  if (item.kind === 'glyphs') return { ...item, color: toCmyk(item.color) };
  const out = { ...item };
  if (item.fill) out.fill = toCmyk(item.fill);
  if (item.stroke) out.stroke = { ...item.stroke, color: toCmyk(item.stroke.color) };
  return out;
}
