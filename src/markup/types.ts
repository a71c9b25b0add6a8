/**
 * The styled tree: what the markup stage (HTML/CSS subset → cascade) hands to layout.
 * Lengths are resolved to points wherever the cascade can resolve them (mm, pt, px, em, rem,
 * vw/vh/vmin/vmax against the page area); percentages stay relative for layout to resolve.
 */
import type { Color } from '../layout/display-list.js';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';

export type Length = { unit: 'pt'; value: number } | { unit: '%'; value: number };
export type LengthOrAuto = Length | 'auto';

export type Display = 'block' | 'flex' | 'inline' | 'list-item' | 'none';
export type TextAlign = 'start' | 'end' | 'left' | 'right' | 'center' | 'justify';
export type BorderStyle = 'none' | 'solid' | 'dashed' | 'dotted';

export interface Sides<T> {
  top: T;
  right: T;
  bottom: T;
  left: T;
}

export interface BorderSide {
  width: number; // pt; 0 when style is none
  style: BorderStyle;
  color: Color;
}

export interface ComputedStyle {
  display: Display;
  // box model
  width: LengthOrAuto;
  height: LengthOrAuto;
  minWidth: LengthOrAuto;
  minHeight: LengthOrAuto;
  maxWidth: LengthOrAuto;
  maxHeight: LengthOrAuto;
  margin: Sides<LengthOrAuto>;
  padding: Sides<Length>;
  border: Sides<BorderSide>;
  /** Corner radii in pt: top-left, top-right, bottom-right, bottom-left. */
  borderRadius: [number, number, number, number];
  backgroundColor?: Color;
  // flexbox
  flexDirection: 'row' | 'column' | 'row-reverse' | 'column-reverse';
  flexWrap: 'nowrap' | 'wrap';
  justifyContent: 'flex-start' | 'flex-end' | 'center' | 'space-between' | 'space-around' | 'space-evenly';
  alignItems: 'stretch' | 'flex-start' | 'flex-end' | 'center' | 'baseline';
  alignSelf: 'auto' | 'stretch' | 'flex-start' | 'flex-end' | 'center' | 'baseline';
  alignContent: 'stretch' | 'flex-start' | 'flex-end' | 'center' | 'space-between' | 'space-around';
  flexGrow: number;
  flexShrink: number;
  flexBasis: LengthOrAuto;
  rowGap: number; // pt
  columnGap: number; // pt
  // text (inherited)
  color: Color;
  fontFamily: string[];
  fontSize: number; // pt
  fontWeight: number; // 100..900
  /**
   * The element's language: its `lang` attribute, else its parent's (HTML inheritance; the
   * root gets the document's). Not a CSS property; it picks the font fallback chain.
   */
  lang?: string;
  /** Line height in pt (numbers and percentages are multiplied by font-size at cascade time). */
  lineHeight: number;
  /**
   * Set when line-height is a unitless number (or `normal`, = 1.2): the factor that produced
   * `lineHeight`. Children inherit the factor, not the pt value (CSS), and auto-fit can rescale
   * the line height when it shrinks font-size. Undefined for lengths and percentages.
   */
  lineHeightMultiplier?: number;
  letterSpacing: number; // pt
  textAlign: TextAlign;
  /** Alignment of the last line of a justified paragraph (CSS text-align-last). */
  textAlignLast: 'auto' | 'start' | 'end' | 'left' | 'right' | 'center' | 'justify';
  textIndent: number; // pt (percentages unsupported)
  /** CSS line-break: JLReq strictness. "auto" means strict. */
  lineBreak: 'auto' | 'strict' | 'normal' | 'loose' | 'anywhere';
  /** CSS word-break; "auto-phrase" breaks Japanese only between BudouX phrases. */
  wordBreak: 'normal' | 'keep-all' | 'break-all' | 'auto-phrase';
  /** CSS text-wrap-style: "balance" evens out line lengths; "pretty" avoids short last lines. */
  textWrap: 'wrap' | 'balance' | 'pretty' | 'nowrap';
  whiteSpace: 'normal' | 'pre-line' | 'nowrap';
  /** CSS hanging-punctuation: a 、。，． ending a line may hang past the measure (ぶら下げ). */
  hangingPunctuation: 'none' | 'allow-end' | 'force-end';
  /** CSS text-spacing-trim: punctuation aki (normal = JLReq; trim-all = every mark half-width, 約物半角). */
  textSpacingTrim: 'normal' | 'space-all' | 'trim-start' | 'space-first' | 'trim-both' | 'trim-all';
  /** CSS overflow-wrap: may a word or URL wider than the line break inside? (UA: break-word on html) */
  overflowWrap: 'normal' | 'break-word' | 'anywhere';
  /** CSS writing-mode: vertical-rl sets a paragraph in columns, top to bottom, right to left. */
  writingMode: 'horizontal-tb' | 'vertical-rl';
  /** CSS text-combine-upright (vertical text only): tate-chu-yoko of the whole text, or of short digit runs. */
  textCombineUpright: 'none' | 'all' | 'digits 2' | 'digits 3' | 'digits 4';
  listStyleType: string; // 'disc', 'decimal', 'upper-roman', 'none', or a quoted string such as "・"
  /** Hanging indent of list markers (pt): CSS has no such property; we use padding-left of the list. */
  // pagination
  breakBefore: 'auto' | 'page' | 'avoid';
  breakAfter: 'auto' | 'page' | 'avoid';
  breakInside: 'auto' | 'avoid';
  orphans: number;
  widows: number;
  /**
   * Auto-fit (our extension, `-kp-fit-min-size`): when set, layout may shrink font-size down to
   * this size so the text fits its box; failing that is a build error.
   */
  fitMinSize?: number;
  /**
   * `transform: rotate(180deg)`: the box's display items are turned a half turn about its
   * centre (layout/transform.ts); layout itself is unaffected. Absent when not rotated.
   */
  rotate?: 180;
  /** CSS object-fit of an <img> (props-image.ts); absent means fill, the CSS initial value. */
  objectFit?: 'fill' | 'contain' | 'cover';
  /** CSS object-position as fractions of the free space (0 = left/top); absent means centre. */
  objectPosition?: { x: number; y: number };
}

export interface StyledElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  style: ComputedStyle;
  children: StyledNode[];
  /** Where the element came from: template file and line (and data-src from content, if given). */
  source?: SourceRef;
  /** `data-src="policy.md:12"` parsed: the content line this element shows (for layout errors). */
  dataSource?: SourceRef;
  /**
   * Set when the template used an unsupported element: `tag` is then the stand-in ("span" or
   * "div") and this is what the template wrote (a warning was reported).
   */
  originalTag?: string;
}

export interface StyledText {
  kind: 'text';
  /**
   * Whitespace already collapsed per white-space (inter-element whitespace removed).
   * "\n" is a forced line break: `<br>` becomes its own StyledText "\n", and with
   * `white-space: pre-line` preserved newlines stay inside the text.
   */
  text: string;
  style: ComputedStyle;
}

export type StyledNode = StyledElement | StyledText;

export interface PageMarginBox {
  /** e.g. "bottom-center". */
  position: string;
  /** Parsed `content`: literal strings and counters. */
  content: ({ kind: 'string'; value: string } | { kind: 'counter'; name: 'page' | 'pages' })[];
  style: ComputedStyle;
}

export interface PageStyle {
  /** Trim size of the page in pt. */
  width: number;
  height: number;
  margin: Sides<number>;
  marginBoxes: PageMarginBox[];
  /**
   * `@page { bleed: <length> }` in pt, when the template declares it. Absent: 0 for the
   * plain flavour, 3 mm for the print flavour (render/pdf/print/setup.ts).
   */
  bleed?: number;
  /** `@page { marks: crop || cross | none }`, when declared. Absent: none (plain), crop cross (print). */
  marks?: PageMarks;
  /** `@page { -kp-rich-black }`: the CMYK of large black areas in the print flavour; absent: K100 everywhere. */
  richBlack?: RichBlack;
  /** `@page { -kp-safe-margin }` in pt, when declared. Absent: 5 mm (layout/bleed.ts). */
  safeMargin?: number;
}

/** A rich black, K = 1 (C, M, Y 0–1). */
export interface RichBlack {
  c: number;
  m: number;
  y: number;
  k: number;
}

/** Printer's marks: crop = 日本式トンボ corner marks, cross = centre (registration) marks. */
export interface PageMarks {
  crop: boolean;
  cross: boolean;
}

export interface StyledDocument {
  page: PageStyle;
  root: StyledElement; // <body>
  lang: string;
  title: string;
  diagnostics: Diagnostic[];
}
