/** Page margin boxes (CSS Paged Media @bottom-center etc.): running page numbers and notes. */
import type { FontRegistry } from '../fonts/registry.js';
import type { PageMarginBox, PageStyle } from '../markup/types.js';
import { textStyle } from './boxes.js';
import type { GlyphRun } from './display-list.js';
import { fontExtents, singleLine } from './paragraph.js';
import { lineRuns } from './paint.js';

export function marginBoxRuns(page: PageStyle, pageNumber: number, pageCount: number, fonts: FontRegistry): GlyphRun[] {
  return page.marginBoxes.flatMap((box) => runsFor(box, page, pageNumber, pageCount, fonts));
}

function runsFor(box: PageMarginBox, page: PageStyle, n: number, total: number, fonts: FontRegistry): GlyphRun[] {
  const text = box.content.map((c) => (c.kind === 'string' ? c.value : String(c.name === 'page' ? n : total))).join('');
  if (text === '') return [];
  const style = textStyle(box.style, fonts);
  const line = singleLine({ text, style, origin: { element: `@page @${box.position}`, decorative: true } });
  if (!line) return [];
  const [vertical, horizontal] = box.position.split('-') as [string, string];
  const x =
    horizontal === 'left' ? page.margin.left : horizontal === 'right' ? page.width - page.margin.right - line.width : (page.width - line.width) / 2;
  const { ascent, descent } = fontExtents(style);
  // Centred vertically in its margin.
  const band = vertical === 'top' ? [0, page.margin.top] : [page.height - page.margin.bottom, page.height];
  const baseline = (band[0]! + band[1]!) / 2 - (ascent + descent) / 2 + ascent;
  return lineRuns(line, x, baseline, { element: `@page @${box.position}`, decorative: true, artifact: 'pagination' });
}
