/** The TJ operator that places glyphs at exact offsets, shared by horizontal and vertical text. */
import type { PositionedGlyph } from '../../layout/display-list.js';
import type { SubsetFont } from './font-subset.js';
import { num, round } from './pdf-number.js';
import { cidHex } from './tounicode.js';

/**
 * One TJ that shows `glyphs`, each at its offset along the text direction (in points from the
 * first glyph). After a glyph the pen advances by its /W width; an adjustment n moves it by
 * −n/1000 × size, so n = −(target − pen) × 1000 / size. The pen follows what a reader computes
 * from the rounded adjustments, so rounding errors never add up.
 */
export function tjArray(glyphs: readonly PositionedGlyph[], offsetOf: (g: PositionedGlyph) => number, size: number, font: SubsetFont): string {
  const parts: string[] = [];
  let hex = '';
  let pen = 0;
  for (const g of glyphs) {
    const target = offsetOf(g);
    // Sub-0.001 pt gaps are width rounding noise (/W keeps 3 decimals); leave them out.
    const adj = Math.abs(target - pen) < 0.001 ? 0 : round((-(target - pen) * 1000) / size);
    if (adj !== 0) {
      if (hex) parts.push(`<${hex}>`);
      hex = '';
      parts.push(num(adj));
    }
    pen += (-adj * size) / 1000;
    const cid = font.cidOf.get(g.id)!;
    hex += cidHex(cid);
    pen += (font.widths.get(cid)! * size) / 1000;
  }
  if (hex) parts.push(`<${hex}>`);
  return `[${parts.join(' ')}] TJ`;
}
