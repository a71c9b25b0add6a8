/**
 * The display list: what layout produces and every backend consumes (as typst's frames).
 * Units are points, origin top-left, y growing downwards. It knows nothing of pdf-lib or sharp.
 */
import type { FontFace } from '../fonts/registry.js';
import type { StructNode } from './structure.js';

export type { StructNode, StructRole } from './structure.js';

export type Color =
  | { space: 'rgb'; r: number; g: number; b: number } // 0..1
  | { space: 'cmyk'; c: number; m: number; y: number; k: number }; // 0..1

export interface DisplayDocument {
  pages: DisplayPage[];
  meta: DocumentMeta;
  /**
   * The template's `@page { bleed; marks }`, when it declares them (pt). Only the print
   * flavour reads this (layout/bleed.ts, render/pdf/print/); the plain PDF ignores it.
   */
  printSetup?: {
    bleed?: number;
    marks?: { crop: boolean; cross: boolean };
    /** `-kp-rich-black`: CMYK for large black fills (print flavour only). */
    richBlack?: { c: number; m: number; y: number; k: number };
    /** `-kp-safe-margin` in pt. */
    safeMargin?: number;
  };
  /** The logical structure (headings, lists, figures …), for the tagged web flavour. */
  structure?: StructNode;
}

export interface DocumentMeta {
  title: string;
  /** BCP 47, e.g. "ja". */
  lang: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** Fixed for reproducible output (SOURCE_DATE_EPOCH). */
  date: Date;
}

export interface DisplayPage {
  width: number;
  height: number;
  items: DisplayItem[];
}

export type DisplayItem = GlyphRun | PathItem | ImageItem;

/** One font, size and colour; glyphs positioned relative to the run origin (x, baseline y). */
export interface GlyphRun {
  kind: 'glyphs';
  font: FontFace;
  size: number;
  color: Color;
  x: number;
  /** Baseline. */
  y: number;
  glyphs: PositionedGlyph[];
  /** Where the text came from, for diagnostics and (later) tagging. */
  origin?: ItemOrigin;
  /**
   * Clockwise rotation of the whole run, as drawn, about its origin (x, y), in degrees; absent
   * means 0. Backends apply it around everything else (a transform of the run). Layout sets
   * 180 inside a `transform: rotate(180deg)` block (layout/transform.ts).
   */
  rotation?: number;
  /**
   * Vertical writing (writing-mode: vertical-rl): the run is (part of) one column; x is the
   * column's centre line and y its top. Glyphs advance downwards and are placed by their own
   * x and y offsets (PositionedGlyph.y, rotate, scaleX).
   */
  vertical?: true;
}

export interface PositionedGlyph {
  /** Glyph id in `font`. */
  id: number;
  /** The source text this glyph shows (for ToUnicode / copy-paste). */
  text: string;
  /** Offset of the glyph origin from the run origin along the baseline, in points. */
  x: number;
  /** Advance the glyph occupies in the line, in points (includes letter-spacing and aki). */
  advance: number;
  /**
   * Vertical runs: offset of the glyph origin below the run's y, in points. In every run the
   * glyph's origin (where the font's (0, 0) goes) is (run.x + x, run.y + (y ?? 0)).
   */
  y?: number;
  /** Drawn turned 90° clockwise about its origin, so it advances downwards (Latin in vertical text). */
  rotate?: 90;
  /** Horizontal compression of the glyph, 0 < scaleX < 1 (tate-chu-yoko wider than 1 em). */
  scaleX?: number;
}

export type PathCommand =
  | { op: 'M'; x: number; y: number }
  | { op: 'L'; x: number; y: number }
  | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'Z' };

export interface Stroke {
  color: Color;
  width: number;
  cap?: 'butt' | 'round' | 'square';
  join?: 'miter' | 'round' | 'bevel';
  /** Dash pattern in pt (on, off, …); solid when absent. */
  dash?: number[];
}

export interface PathItem {
  kind: 'path';
  commands: PathCommand[];
  fill?: Color;
  fillRule?: 'nonzero' | 'evenodd';
  stroke?: Stroke;
  origin?: ItemOrigin;
}

export interface ItemOrigin {
  /** The element's tag and a short selector-like description, e.g. "h1.headline". */
  element: string;
  file?: string;
  line?: number;
  /** Content field the text came from, e.g. "checklist.items[3]". */
  path?: string;
  /** True for decorations (backgrounds, borders, page numbers): PDF artifacts later. */
  decorative?: boolean;
  /**
   * The logical-structure node (DisplayDocument.structure) the item belongs to; items without
   * one are artifacts in the tagged PDF (list markers carry their Lbl although decorative).
   */
  struct?: number;
  /** What kind of artifact an item without `struct` is: 'pagination' for page numbers and running heads. */
  artifact?: 'pagination';
  /** Text alternative of an image (`<img alt>`), for tagging it as a Figure. */
  alt?: string;
}

/**
 * A raster image (`<img>`). x, y, width, height is where the whole image is drawn (after
 * object-fit); `clip`, when present, is the visible part (the element's content box, which
 * object-fit: cover overflows). Backends read the file; layout only knows its header.
 */
export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  clip?: { x: number; y: number; width: number; height: number };
  /** Inside a `transform: rotate(180deg)` block: the image is drawn turned a half turn in its rect. */
  rotation?: 180;
  source: ImageSource;
  origin?: ItemOrigin;
}

/** One image file, as the image registry (src/images) found it. */
export interface ImageSource {
  /** Absolute path of the file, checked to lie inside the content, templates or assets folder. */
  path: string;
  /** SHA-256 (hex) of the file's bytes: one PDF XObject per distinct image, one decode per process. */
  hash: string;
  format: 'png' | 'jpeg';
  /** Pixel size as displayed (EXIF orientation applied). */
  pixelWidth: number;
  pixelHeight: number;
  /** EXIF orientation (2–8) of a JPEG whose pixels are stored turned or mirrored; absent when upright. */
  orientation?: number;
}
