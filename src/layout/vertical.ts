/**
 * Vertical paragraphs in layout (writing-mode: vertical-rl). The box's height is the measure;
 * its columns stand line-height apart, the first at the right edge of the content box, and
 * progress to the left: a box of auto width is as wide as its columns. A block container in
 * vertical-rl stacks its children right to left (flex.ts). The whole paragraph is one break
 * unit: its columns cannot be split between pages.
 */
import { MeasureMode } from 'yoga-layout';
import type { ComputedStyle } from '../markup/types.js';
import { composeVertical, type ComposedVertical } from '../text/vertical.js';
import type { InlineRun, ParagraphOptions } from '../text/types.js';
import type { TextBox } from './boxes.js';
import type { Rect } from './decorations.js';
import type { Flow, PlacedParagraph } from './paint.js';
import { lineHeightOf, scaledRuns, UNBOUNDED } from './paragraph.js';

export function isVertical(style: ComputedStyle): boolean {
  return style.writingMode === 'vertical-rl';
}

/** text-combine-upright as the composer takes it (only vertical text uses it). */
export function combineUpright(style: ComputedStyle): Pick<InlineRun, 'combineUpright'> {
  const v = style.textCombineUpright;
  if (v === 'none' || !isVertical(style)) return {};
  return { combineUpright: v === 'all' ? 'all' : Number(v.slice('digits '.length)) };
}

const cache = new WeakMap<TextBox, Map<string, ComposedVertical>>();

/** The paragraph in columns of length `measure` (cached per box, scale and measure). */
export function composeColumns(box: TextBox, measure: number, forMeasure: boolean): ComposedVertical {
  let perBox = cache.get(box);
  if (!perBox) {
    perBox = new Map();
    cache.set(box, perBox);
  }
  const key = `${box.scale}|${measure.toFixed(3)}|${forMeasure ? 'm' : 'p'}`;
  let result = perBox.get(key);
  if (!result) {
    const options: ParagraphOptions = {
      ...box.paragraph,
      indent: box.paragraph.indent * box.scale,
      width: measure,
      ...(forMeasure ? { align: 'start' as const, alignLast: 'start' as const } : {}),
    };
    result = composeVertical(scaledRuns(box.runs, box.scale), options);
    perBox.set(key, result);
  }
  return result;
}

const longest = (para: ComposedVertical): number => Math.max(0, ...para.columns.map((c) => c.length));

/** Yoga's measure function for a vertical paragraph: the height is the measure. */
export function measureVertical(
  box: TextBox,
  width: number,
  widthMode: MeasureMode,
  height: number,
  heightMode: MeasureMode,
): { width: number; height: number } {
  if (box.runs.length === 0) return { width: 0, height: 0 };
  // Without a definite height (an orthogonal flow in a horizontal page), the page area's
  // height is the available measure, as CSS Writing Modes §7.3 uses the initial containing
  // block; a box may still ask for less with `height`.
  const measure = heightMode === MeasureMode.Undefined ? (box.orthogonalMeasure ?? UNBOUNDED) : height;
  const para = composeColumns(box, measure, true);
  const natural = para.columns.length * lineHeightOf(box);
  const length = longest(para);
  return {
    width: widthMode === MeasureMode.Exactly ? width : widthMode === MeasureMode.AtMost ? Math.min(natural, width) : natural,
    height: heightMode === MeasureMode.Exactly ? height : heightMode === MeasureMode.AtMost ? Math.min(length, height) : length,
  };
}

/** Emits the columns of a vertical paragraph (one GlyphRun per style and column). */
export function paintVerticalText(box: TextBox, rect: Rect, ancestors: PlacedParagraph['ancestors'], flow: Flow): void {
  if (box.runs.length === 0) return;
  const para = composeColumns(box, rect.h, false);
  const lh = lineHeightOf(box);
  const unit = flow.units.length;
  flow.units.push({ top: rect.y, bottom: rect.y + rect.h, before: 'auto' });
  para.columns.forEach((col, i) => {
    const centre = rect.x + rect.w - (i + 0.5) * lh;
    for (const run of col.runs) {
      if (run.glyphs.length === 0) continue;
      flow.items.push({
        unit,
        item: {
          kind: 'glyphs',
          font: run.style.face,
          size: run.style.size,
          color: run.style.color,
          x: centre,
          y: rect.y,
          glyphs: run.glyphs,
          origin: run.origin ?? box.origin,
          vertical: true,
        },
      });
    }
  });
  const length = longest(para);
  flow.paragraphs.push({
    box,
    rect,
    textBottom: rect.y + length,
    ancestors,
    overflowsMeasure: para.overflows || length > rect.h + 0.01,
    textLeft: rect.x + rect.w - para.columns.length * lh,
  });
}
