/**
 * Inline text: what layout hands to the line composer, and the composed lines it gets back.
 * Points throughout; x offsets are relative to the start of the line box.
 */
import type { FontFace } from '../fonts/registry.js';
import type { Color, ItemOrigin, PositionedGlyph } from '../layout/display-list.js';

export interface TextStyle {
  face: FontFace;
  size: number; // pt
  color: Color;
  letterSpacing: number; // pt
}

/** A run of text in one style, in logical order. A paragraph is a list of runs. */
export interface InlineRun {
  text: string;
  style: TextStyle;
  origin?: ItemOrigin;
}

export type LineBreakLevel = 'strict' | 'normal' | 'loose' | 'anywhere';

export interface ParagraphOptions {
  /** The measure (line length) in pt. */
  width: number;
  /** First-line indent in pt (may be negative for hanging indents). */
  indent: number;
  align: 'start' | 'end' | 'center' | 'justify';
  /** Alignment of the last line; 'auto' = start when align is justify, else align. */
  alignLast: 'auto' | 'start' | 'end' | 'center' | 'justify';
  lineBreak: LineBreakLevel;
  /** Break Japanese only between BudouX phrases (CSS word-break: auto-phrase). */
  phrases: boolean;
  /** 'balance' evens line lengths; 'pretty' avoids a last line of ≤ 2 characters; 'nowrap' never breaks. */
  wrap: 'wrap' | 'balance' | 'pretty' | 'nowrap';
}

/** A run of positioned glyphs inside a composed line. */
export interface LineRun {
  style: TextStyle;
  /** Offset of the run origin from the line start, in pt. */
  x: number;
  /** Glyph x values are relative to the run origin. */
  glyphs: PositionedGlyph[];
  origin?: ItemOrigin;
}

export interface ComposedLine {
  runs: LineRun[];
  /**
   * Width actually occupied by the glyphs after alignment/justification, in pt: the right edge
   * of the last glyph's advance measured from the line start, so it includes the first-line
   * indent and any centring/end offset (0 for an empty line). `width > measure + 0.01` only
   * when the paragraph `overflows`.
   */
  width: number;
  /** The source text of the line (for tests and diagnostics). */
  text: string;
  /** Largest ascent/descent (positive, pt) of the fonts used on this line. */
  ascent: number;
  descent: number;
}

export interface ComposedParagraph {
  lines: ComposedLine[];
  /**
   * True when some unbreakable piece is wider than the measure, so a line overflows it.
   * Layout turns this into a "text does not fit" error unless auto-fit can shrink the text.
   */
  overflows: boolean;
}
