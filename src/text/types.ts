/**
 * Inline text: what layout hands to the line composer, and the composed lines it gets back.
 * Points throughout; x offsets are relative to the start of the line box.
 */
import type { FontChain } from '../fonts/chain.js';
import type { FontFace } from '../fonts/registry.js';
import type { Color, ItemOrigin, PositionedGlyph } from '../layout/display-list.js';

export interface TextStyle {
  face: FontFace;
  size: number; // pt
  color: Color;
  letterSpacing: number; // pt
  /**
   * The fallback chain `face` was picked from (layout sets it; itemize.ts splits runs by it).
   * Its primary face is the strut of the line; without a chain, `face` must have every glyph.
   */
  chain?: FontChain;
  /**
   * BCP 47 language of the text (layout sets the element's lang): Korean breaks between words,
   * Chinese sets its quotes and ？！ as CJK punctuation (language.ts). Absent: Japanese.
   */
  lang?: string;
}

/** A run of text in one style, in logical order. A paragraph is a list of runs. */
export interface InlineRun {
  text: string;
  style: TextStyle;
  origin?: ItemOrigin;
  /**
   * Vertical text only (vertical.ts): tate-chu-yoko — 'all' sets the whole run upright in one
   * 1 em cell; a number n does so for each run of at most n ASCII digits.
   */
  combineUpright?: 'all' | number;
  /** Ruby (furigana): `text` is the base it annotates, never broken inside (see RubyAnnotation). */
  ruby?: RubyAnnotation;
}

/**
 * A ruby annotation (JLReq §3.3) on the whole text of its InlineRun. Kinds:
 *  - mono: one base character, its reading centred over it (nakatsuki);
 *  - group: a base of several characters read as a whole; the reading is spread over the
 *    group, which is never broken across lines;
 *  - jukugo: one character (or group) of a compound, each with its own reading; consecutive
 *    jukugo runs form one compound, which may break between its runs, and a reading may
 *    overhang a neighbour of the compound whose reading leaves room; a compound with a reading
 *    longer than its character is set as a whole, like group (JLReq §3.3.7, ruby-compound.ts).
 * Default kind: mono for a one-character base, group otherwise. A reading longer than its base
 * overhangs adjacent kana by at most one ruby character (never kanji or other ruby); the rest
 * spaces the base out. Below RUBY_MIN_BASE_SIZE the reading is set in parentheses after the
 * base instead: 漢字（かんじ）. Implemented in ruby.ts.
 */
export interface RubyAnnotation {
  text: string;
  kind?: 'mono' | 'group' | 'jukugo';
  /** Style of the reading (the `<rt>`); default: the base style at half its size. */
  style?: TextStyle;
  /** Where the reading came from (the `<rt>`); default: the run's origin. */
  origin?: ItemOrigin;
}

export type LineBreakLevel = 'strict' | 'normal' | 'loose' | 'anywhere';

/**
 * Punctuation aki at line edges and between adjacent marks (CSS Text 4 text-spacing-trim;
 * punctuation.ts has the model and the table of what each value does):
 *  - normal: JLReq — full aki mid-line, consecutive marks collapsed, an opening bracket at line
 *    start set flush (天付き), 、，」）・ at line end solid, 。． keeping their ½ em there;
 *  - space-all: no trimming at all, not even between consecutive marks or at line edges;
 *  - trim-start: opening brackets flush at line start, closing marks at line end keep their aki
 *    unless the line only fits without it (allow-end), consecutive marks collapsed;
 *  - space-first: as trim-start, but the first line and lines after "\n" keep the aki before an
 *    opening bracket;
 *  - trim-both: as normal, but 。． are set flush at line end too;
 *  - trim-all: every mark set as its half-em glyph, no punctuation aki anywhere (約物半角, as the
 *    OpenType halt feature sets it): tight display setting for headlines, labels, posters.
 */
export type SpacingTrim = 'normal' | 'space-all' | 'trim-start' | 'space-first' | 'trim-both' | 'trim-all';

/**
 * Emergency breaking of words wider than the measure (CSS overflow-wrap):
 *  - normal: a Latin word, number or URL breaks only at spaces; one too wide overflows;
 *  - break-word: a word too wide for a line by itself may break inside: after / - . ? & = first
 *    (URL-like), else between any two characters, inside a number only when nothing else fits;
 *  - anywhere: as break-word, and min-content sizing counts those breaks (minContentWidth).
 */
export type OverflowWrap = 'normal' | 'break-word' | 'anywhere';

export interface ParagraphOptions {
  /** The measure (line length) in pt. */
  width: number;
  /** First-line indent in pt (may be negative for hanging indents). */
  indent: number;
  align: 'start' | 'end' | 'center' | 'justify';
  /** Alignment of the last line; 'auto' = start when align is justify, else align. */
  alignLast: 'auto' | 'start' | 'end' | 'center' | 'justify';
  lineBreak: LineBreakLevel;
  /** Break Japanese (and Chinese) only between BudouX phrases (CSS word-break: auto-phrase). */
  phrases: boolean;
  /**
   * CSS word-break: keep-all: no break between two letters (kana, kanji, hangul), so words of
   * a text written with spaces (やさしい日本語's 分かち書き) stay whole; breaks at spaces and
   * next to punctuation remain. A word wider than the line still breaks inside. Korean text
   * (lang ko) breaks between words whatever this says (language.ts).
   */
  keepAll?: boolean;
  /** 'balance' evens line lengths; 'pretty' avoids a last line of ≤ 2 characters; 'nowrap' never breaks. */
  wrap: 'wrap' | 'balance' | 'pretty' | 'nowrap';
  /**
   * Hanging punctuation (ぶら下げ; CSS hanging-punctuation): a 、。，． ending a line may sit
   * just outside the measure. 'allow-end' hangs it only when the line would not fit otherwise,
   * 'force-end' whenever it ends a line; default 'none'. See fit.ts.
   */
  hang?: 'none' | 'allow-end' | 'force-end';
  /** Punctuation trimming (CSS text-spacing-trim); default 'normal' (JLReq). */
  spacingTrim?: SpacingTrim;
  /** Breaking over-long Latin words and URLs (CSS overflow-wrap); default 'normal'. */
  overflowWrap?: OverflowWrap;
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
   * when the paragraph `overflows`. A hanging 、。 is not counted: see `hang`.
   */
  width: number;
  /**
   * Only on a line ending with a hanging 、。，． (ParagraphOptions.hang): how far that mark's
   * half-em frame reaches past `width` (the last glyph's advance ends at `width + hang`).
   */
  hang?: number;
  /** The source text of the line (for tests and diagnostics). */
  text: string;
  /** Largest ascent/descent (positive, pt) of the fonts used on this line. */
  ascent: number;
  descent: number;
  /**
   * Ruby readings set on this line, above their bases (only present when the line carries
   * ruby). They are not counted in `runs`, `width`, `text` or `ascent`: layout makes room.
   */
  rubies?: RubyRun[];
}

/** The glyphs of one ruby reading, positioned like a LineRun, on a raised baseline. */
export interface RubyRun extends LineRun {
  /** How far the reading's baseline sits above the line's baseline (pt, positive = up). */
  rise: number;
}

export interface ComposedParagraph {
  lines: ComposedLine[];
  /**
   * True when some unbreakable piece is wider than the measure, so a line overflows it.
   * Layout turns this into a "text does not fit" error unless auto-fit can shrink the text.
   */
  overflows: boolean;
}
