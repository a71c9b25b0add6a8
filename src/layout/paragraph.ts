/**
 * Paragraph composition for layout: scales a TextBox's runs by its auto-fit factor and caches
 * composed paragraphs per (box, scale, width, alignment), because yoga asks for the same
 * measurement several times while it resolves a flex line, and auto-fit lays a page out
 * several times (fitting.ts).
 */
import { composeParagraph } from '../text/compose.js';
import { itemizeRuns } from '../text/itemize.js';
import type { ComposedLine, ComposedParagraph, InlineRun, ParagraphOptions, TextStyle } from '../text/types.js';
import type { TextBox } from './boxes.js';
import { rubyLineExtras } from './ruby.js';

const cache = new WeakMap<TextBox, Map<string, ComposedParagraph>>();

/** Width given to the composer when yoga asks for the max-content size. */
export const UNBOUNDED = 1e7;

export function compose(box: TextBox, width: number, forMeasure: boolean): ComposedParagraph {
  let perBox = cache.get(box);
  if (!perBox) {
    perBox = new Map();
    cache.set(box, perBox);
  }
  // Start-aligned text is set for painting as it is for measuring: one composition serves both.
  const { align, alignLast } = box.paragraph;
  const measuring = forMeasure || (align === 'start' && (alignLast === 'start' || alignLast === 'auto'));
  const key = `${box.scale}|${width.toFixed(3)}|${measuring ? 'm' : 'p'}`;
  let result = perBox.get(key);
  if (!result) {
    const options: ParagraphOptions = {
      ...box.paragraph,
      indent: box.paragraph.indent * box.scale,
      width,
      // Measuring wants natural line widths, so lines are not spread by justification.
      ...(measuring ? { align: 'start' as const, alignLast: 'start' as const } : {}),
    };
    result = composeParagraph(scaledRuns(box.runs, box.scale), options);
    perBox.set(key, result);
  }
  return result;
}

const scaledCache = new WeakMap<InlineRun[], Map<number, InlineRun[]>>();

/**
 * The runs at an auto-fit scale. The same array is returned for the same runs and scale,
 * because the text stage caches prepared paragraphs by the identity of the runs array.
 */
export function scaledRuns(runs: InlineRun[], scale: number): InlineRun[] {
  if (scale === 1) return runs;
  let perScale = scaledCache.get(runs);
  if (!perScale) {
    perScale = new Map();
    scaledCache.set(runs, perScale);
  }
  let scaled = perScale.get(scale);
  if (!scaled) {
    scaled = scaleRuns(runs, scale);
    perScale.set(scale, scaled);
  }
  return scaled;
}

function scaleRuns(runs: InlineRun[], scale: number): InlineRun[] {
  return runs.map((r) => ({
    ...r,
    style: { ...r.style, size: r.style.size * scale, letterSpacing: r.style.letterSpacing * scale },
    ...(r.ruby?.style
      ? { ruby: { ...r.ruby, style: { ...r.ruby.style, size: r.ruby.style.size * scale, letterSpacing: r.ruby.style.letterSpacing * scale } } }
      : {}),
  }));
}

/**
 * The line pitch. Auto-fit scales a unitless line-height with the font (as CSS would, since
 * the factor is what inherits); a line-height given as a length stays as written.
 */
export function lineHeightOf(box: TextBox): number {
  return box.style.lineHeightMultiplier !== undefined ? box.style.lineHeight * box.scale : box.style.lineHeight;
}

/**
 * The lines of a paragraph that never wraps, at any width where they fit: they break only at
 * "\n", and a line that fits is not squeezed, so they come out as they do at an endless width.
 * Yoga measures such a paragraph (a label, a URL) at the width available and then at its own,
 * and placement sets it at its own: one composition serves all three. `slack`: how far a line
 * may stick out (placement's overflow tolerance, within which a squeezed line and an unsqueezed one
 * both count as fitting). Undefined when a line does not fit, or with hanging punctuation
 * (whether a mark hangs depends on the width).
 */
export function unwrapped(box: TextBox, width: number, slack: number): ComposedParagraph | undefined {
  if (box.paragraph.wrap !== 'nowrap' || (box.paragraph.hang ?? 'none') !== 'none') return undefined;
  const natural = compose(box, UNBOUNDED, true);
  if (natural.overflows) return undefined;
  for (const line of natural.lines) if (line.width > width + slack) return undefined;
  return natural;
}

/** Natural size of the paragraph at a given measure (height = lines × line-height). */
export function measureParagraph(box: TextBox, width: number): { width: number; height: number } {
  if (box.runs.length === 0) return { width: 0, height: 0 };
  const para = unwrapped(box, width, 0) ?? compose(box, width, true);
  let widest = 0;
  for (const line of para.lines) widest = Math.max(widest, line.width);
  const rubyRoom = rubyLineExtras(box, para).reduce((a, b) => a + b, 0); // lines carrying ruby may be taller
  return { width: widest, height: para.lines.length * lineHeightOf(box) + rubyRoom };
}

/** A short text set on one line without wrapping (list markers, running page numbers). */
export function singleLine(run: InlineRun): ComposedLine | undefined {
  return composeParagraph(itemizeRuns([run]), {
    width: UNBOUNDED,
    indent: 0,
    align: 'start',
    alignLast: 'start',
    lineBreak: 'strict',
    phrases: false,
    wrap: 'nowrap',
  }).lines[0];
}

/**
 * Ascent and descent (both positive, pt) of a style's font at its size: the primary font of
 * its fallback chain, so a line keeps one baseline whichever fonts its characters come from.
 */
export function fontExtents(style: TextStyle): { ascent: number; descent: number } {
  const face = style.chain?.primary ?? style.face;
  const k = style.size / face.unitsPerEm;
  return { ascent: face.ascender * k, descent: -face.descender * k };
}
