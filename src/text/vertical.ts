/**
 * Vertical composition (writing-mode: vertical-rl, text-orientation: mixed). A paragraph is
 * set in columns whose length is the measure; the line composer (kinsoku, phrases, squeezing,
 * justification) is reused unchanged by giving it vertical advances:
 *  - upright characters (kana, kanji, fullwidth forms; UAX #50 U/Tu, and Tr when the font has a
 *    vertical form) advance 1 em. Their glyph is the font's GSUB `vert` alternate when there is
 *    one (、。 in the upper right, brackets and ー ～ … turned, small kana shifted). Vertical
 *    metrics from the font are never used: fontkit misreads `vhea` in the BIZ UD fonts.
 *  - everything else (Latin words, half-width digits and symbols) is turned 90° clockwise and
 *    advances by its horizontal width;
 *  - tate-chu-yoko (text-combine-upright): a run marked `all`, or a run of at most n ASCII
 *    digits (`digits n`), is one upright 1 em cell with its glyphs set side by side, centred,
 *    and compressed horizontally when wider than 1 em. It breaks like a kanji.
 * The measure-time trick: each run is split into upright / sideways / tate-chu-yoko pieces, and
 * upright pieces get a face whose advances are 1 em, a cell one placeholder character.
 *
 * Output glyph positions are relative to the column: x from its centre line (the central
 * baseline), y down from its top; each glyph's origin is where the font's (0, 0) goes.
 */
import type { FontFace } from '../fonts/registry.js';
import type { ItemOrigin, PositionedGlyph } from '../layout/display-list.js';
import { CL, F_EXTEND, info, isInvisible, jlreqClass } from './classes.js';
import { composeParagraph } from './compose.js';
import { type MissingGlyph, missingGlyphError } from './missing-glyph.js';
import type { ComposedLine, InlineRun, ParagraphOptions, TextStyle } from './types.js';
import { isUprightInVertical } from './vertical-orientation.js';

/** Glyphs of one style in one column (x across from the centre line, y down from the top). */
export interface ColumnRun {
  style: TextStyle;
  glyphs: PositionedGlyph[];
  origin?: ItemOrigin;
}

export interface ComposedColumn {
  runs: ColumnRun[];
  /** Length the column's glyphs occupy from its top, in pt (as ComposedLine.width). */
  length: number;
  /** The source text of the column. */
  text: string;
}

export interface ComposedVertical {
  /** In reading order: the first column is the rightmost. */
  columns: ComposedColumn[];
  /** Some unbreakable piece is longer than the measure. */
  overflows: boolean;
}

/** Stands for a tate-chu-yoko cell while composing: a kanji-like character, no 和欧間. */
const CELL = '\uFFFC';

type Kind = 'upright' | 'sideways' | 'cell';

interface Piece {
  kind: Kind;
  /** The source run's style (what is drawn). */
  style: TextStyle;
  /** A cell's text. */
  cell?: string;
}

interface Measuring {
  runs: InlineRun[];
  /** Keyed by the measuring run's style object, which is unique per piece. */
  pieces: Map<TextStyle, Piece>;
}

/**
 * Composes a vertical paragraph: `options.width` is the measure (the column length, i.e. the
 * box height); columns come back in reading order, right to left.
 */
export function composeVertical(runs: InlineRun[], options: ParagraphOptions): ComposedVertical {
  const m = measuring(runs);
  const para = composeParagraph(m.runs, options);
  return { columns: para.lines.map((line) => column(line, m)), overflows: para.overflows };
}

// ---------------------------------------------------------------------------------------------
// Splitting runs into measuring pieces

const measuringCache = new WeakMap<readonly InlineRun[], { sig: unknown[]; m: Measuring }>();

function measuring(runs: InlineRun[]): Measuring {
  const sig = runs.flatMap((r) => [r.text, r.style, r.combineUpright, r.ruby]);
  const hit = measuringCache.get(runs);
  if (hit && hit.sig.length === sig.length && hit.sig.every((v, i) => v === sig[i])) return hit.m;
  const m: Measuring = { runs: [], pieces: new Map() };
  const missing: MissingGlyph[] = [];
  runs.forEach((run, r) => {
    const before = runs[r - 1]?.text ?? '';
    const after = runs[r + 1]?.text ?? '';
    const segments = split(run, before, after);
    for (const seg of segments) {
      const face = run.style.face;
      const style: TextStyle = {
        ...run.style,
        face: seg.kind === 'upright' ? uprightFace(face) : seg.kind === 'cell' ? cellFace(face) : face,
      };
      m.pieces.set(style, { kind: seg.kind, style: run.style, ...(seg.kind === 'cell' ? { cell: seg.text } : {}) });
      if (seg.kind === 'cell') missing.push(...missingIn(seg.text, run));
      m.runs.push({
        text: seg.kind === 'cell' ? CELL : seg.text,
        style,
        ...(run.origin ? { origin: run.origin } : {}),
        // Ruby stays on a run only while it is one piece (its base is then all there).
        ...(run.ruby && segments.length === 1 ? { ruby: run.ruby } : {}),
      });
    }
  });
  if (missing.length > 0) throw missingGlyphError(missing);
  measuringCache.set(runs, { sig, m });
  return m;
}

interface Segment {
  kind: Kind;
  text: string;
}

function split(run: InlineRun, before: string, after: string): Segment[] {
  const { text } = run;
  const cells = cellRanges(text, run.combineUpright, before, after);
  const out: Segment[] = [];
  let current: Segment | undefined;
  let afterZwj = false;
  let c = 0;
  for (let i = 0; i < text.length; ) {
    const cell = cells[c];
    if (cell && cell[0] === i) {
      out.push({ kind: 'cell', text: text.slice(cell[0], cell[1]) });
      current = undefined;
      i = cell[1];
      c++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    // Marks, joiners and controls go with what precedes them.
    const neutral = (info(cp) & F_EXTEND) !== 0 || afterZwj || isInvisible(cp) || cp === 0x0a;
    const kind: Kind = neutral && current ? current.kind : orientation(run.style.face, cp);
    if (current?.kind === kind) current.text += text.slice(i, i + len);
    else out.push((current = { kind, text: text.slice(i, i + len) }));
    afterZwj = cp === 0x200d;
    i += len;
  }
  return out;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** [start, end) of each tate-chu-yoko cell in `text`. */
function cellRanges(text: string, combine: InlineRun['combineUpright'], before: string, after: string): [number, number][] {
  if (combine === undefined) return [];
  if (combine === 'all') return text.trim() === '' ? [] : [[0, text.length]];
  const out: [number, number][] = [];
  const at = (i: number): string | undefined =>
    i < 0 ? before[before.length + i] : i >= text.length ? after[i - text.length] : text[i];
  for (const m of text.matchAll(/[0-9]+/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (e - s > combine || isDigit(at(s - 1)) || isDigit(at(e))) continue;
    // Part of a longer number (1,000 or 3.5): leave the whole number sideways.
    if ((at(s - 1) === ',' || at(s - 1) === '.') && isDigit(at(s - 2))) continue;
    if ((at(e) === ',' || at(e) === '.') && isDigit(at(e + 1))) continue;
    out.push([s, e]);
  }
  return out;
}

function missingIn(cell: string, run: InlineRun): MissingGlyph[] {
  const out: MissingGlyph[] = [];
  for (const ch of cell) {
    const cp = ch.codePointAt(0)!;
    if (isInvisible(cp) || cp === 0x20) continue;
    if (run.style.face.glyphId(cp) === 0) out.push({ char: ch, face: run.style.face, ...(run.origin ? { origin: run.origin } : {}) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Glyph forms and measuring faces

interface VerticalForms {
  /** Code point → the glyph it shows upright. */
  ids: Map<number, number>;
  /** Vertical-form glyph → the code point it came from. */
  sources: Map<number, number>;
}
const vertCache = new WeakMap<FontFace, VerticalForms>();

function formsOf(face: FontFace): VerticalForms {
  let forms = vertCache.get(face);
  if (!forms) {
    forms = { ids: new Map(), sources: new Map() };
    vertCache.set(face, forms);
  }
  return forms;
}

/**
 * The glyph a code point shows in vertical text: the font's `vert` alternate (cached per face
 * and code point), else its ordinary glyph; 0 when the font lacks the character.
 */
export function verticalGlyphId(face: FontFace, cp: number): number {
  const base = face.glyphId(cp);
  if (base === 0) return 0;
  const forms = formsOf(face);
  let id = forms.ids.get(cp);
  if (id === undefined) {
    id = base;
    const ch = String.fromCodePoint(cp);
    const plain = face.font.layout(ch).glyphs;
    const vert = face.font.layout(ch, ['vert']).glyphs;
    if (plain.length === 1 && vert.length === 1 && vert[0]!.id !== plain[0]!.id) {
      id = vert[0]!.id;
      if (!forms.sources.has(id)) forms.sources.set(id, cp);
    }
    forms.ids.set(cp, id);
  }
  return id;
}

/** Upright or sideways: a vertical form makes any character upright; otherwise UAX #50 decides. */
export function orientation(face: FontFace, cp: number): 'upright' | 'sideways' {
  if (verticalGlyphId(face, cp) !== face.glyphId(cp)) return 'upright';
  return isUprightInVertical(cp) ? 'upright' : 'sideways';
}

const uprightFaces = new WeakMap<FontFace, FontFace>();
const cellFaces = new WeakMap<FontFace, FontFace>();
/** Measuring face → the face it measures (never let a measuring face reach the display list). */
const measured = new WeakMap<FontFace, FontFace>();
const drawn = (face: FontFace): FontFace => measured.get(face) ?? face;

/**
 * Measures upright text: vertical forms, 1 em advances (marks stay zero-width). Its `font`
 * answers getGlyph(id).bbox along the column (punctuation.ts frames marks by their ink along
 * the advance): x is the distance down from the top of the glyph's 1 em cell, as drawn here;
 * likewise layout(ch, ['halt']) answers the font's `vhal` box along the column.
 */
function uprightFace(face: FontFace): FontFace {
  let f = uprightFaces.get(face);
  if (!f) {
    f = {
      ...face,
      key: `${face.key}|upright`,
      font: columnFont(face),
      glyphId: (cp) => verticalGlyphId(face, cp),
      advance: (id) => (face.advance(id) === 0 ? 0 : face.unitsPerEm),
    };
    uprightFaces.set(face, f);
    measured.set(f, face);
  }
  return f;
}

/** Measures a tate-chu-yoko cell: one placeholder glyph, 1 em (its characters are checked apart). */
function cellFace(face: FontFace): FontFace {
  let f = cellFaces.get(face);
  if (!f) {
    f = { ...face, key: `${face.key}|cell`, glyphId: () => 1, advance: () => face.unitsPerEm };
    cellFaces.set(face, f);
    measured.set(f, face);
  }
  return f;
}

type Font = FontFace['font'];
type Glyph = ReturnType<Font['getGlyph']>;

function columnFont(face: FontFace): Font {
  const glyphs = new Map<number, Glyph>();
  const top = emBox(face).top;
  const getGlyph = (id: number): Glyph => {
    let g = glyphs.get(id);
    if (!g) {
      const real = face.font.getGlyph(id);
      const b = real.bbox;
      const cp = formsOf(face).sources.get(id);
      const shift = cp === undefined ? 0 : shiftUnits(face, cp, id);
      const bbox = { ...b, minX: top - b.maxY + shift, maxX: top - b.minY + shift, width: b.height, height: b.width };
      g = Object.create(real, { bbox: { value: bbox } }) as Glyph;
      glyphs.set(id, g);
    }
    return g;
  };
  // punctuation.ts asks for `halt`; along the column that is the font's `vhal` (never its
  // horizontal `halt`): the vertical form's vhal box as a box down the column. fontkit adds the
  // GPOS YAdvance to a yAdvance that starts at 0, and a vertical YAdvance grows downward (−½ em
  // halves the 1 em cell); YPlacement is y up, so the box starts yOffset below the cell top.
  const real = face.font.availableFeatures;
  const vhal = real.includes('vhal');
  const availableFeatures = [...real.filter((f) => f !== 'halt'), ...(vhal ? ['halt'] : [])];
  const layout = ((text: string, features?: string[]) => {
    if (!features?.includes('halt')) return face.font.layout(text, features);
    const run = face.font.layout(text, vhal ? ['vert', 'vhal'] : ['vert']);
    const cp = text.codePointAt(0)!;
    const positions = run.positions.map((p, i) => {
      const id = run.glyphs[i]!.id;
      const down = p.yOffset + (run.glyphs.length === 1 ? shiftUnits(face, cp, id) : 0);
      return { ...p, xAdvance: vhal ? face.unitsPerEm + p.yAdvance : 0, xOffset: -down, yAdvance: 0, yOffset: 0 };
    });
    return Object.assign(Object.create(run), { positions }) as typeof run;
  }) as Font['layout'];
  return Object.create(face.font, {
    getGlyph: { value: getGlyph },
    availableFeatures: { value: availableFeatures },
    layout: { value: layout },
  }) as Font;
}

/** The ideographic em box of a face, in font units: its top above the baseline and its middle. */
function emBox(face: FontFace): { top: number; middle: number } {
  const span = face.ascender - face.descender;
  // Fonts whose ascender and descender do not add up to the em are scaled to it.
  const top = span > 0 ? (face.ascender * face.unitsPerEm) / span : face.unitsPerEm * 0.88;
  return { top, middle: top - face.unitsPerEm / 2 };
}

// ---------------------------------------------------------------------------------------------
// Placing glyphs in a column

/** Positioned glyphs of a ruby reading as the ruby stage leaves them (read without depending on its types). */
interface RubyLike {
  style: TextStyle;
  x: number;
  glyphs: PositionedGlyph[];
  origin?: ItemOrigin;
}

function column(line: ComposedLine, m: Measuring): ComposedColumn {
  const runs: ColumnRun[] = [];
  const cells: string[] = [];
  for (const lr of line.runs) {
    // A run the composer made itself (none today) is drawn upright in its own style.
    const piece = m.pieces.get(lr.style) ?? { kind: 'upright', style: { ...lr.style, face: drawn(lr.style.face) } };
    const glyphs = place(piece, lr.x, lr.glyphs);
    if (piece.kind === 'cell') cells.push(piece.cell!);
    const last = runs[runs.length - 1];
    if (last && last.style === piece.style && last.origin === lr.origin) last.glyphs.push(...glyphs);
    else runs.push({ style: piece.style, glyphs, ...(lr.origin ? { origin: lr.origin } : {}) });
  }
  const rubies = (line as { rubies?: RubyLike[] }).rubies;
  for (const ruby of rubies ?? []) runs.push(rubyRun(ruby, line));
  let c = 0;
  const text = line.text.replace(/\uFFFC/g, () => cells[c++] ?? CELL);
  return { runs, length: line.width, text };
}

function place(piece: Piece, runX: number, glyphs: readonly PositionedGlyph[]): PositionedGlyph[] {
  const { face, size } = piece.style;
  const k = size / face.unitsPerEm;
  const box = emBox(face);
  const out: PositionedGlyph[] = [];
  let previous: { x: number; y: number; width: number } | undefined;
  for (const g of glyphs) {
    const pen = runX + g.x; // distance from the column top
    if (piece.kind === 'sideways') {
      // Turned clockwise about its origin, the em box's middle on the centre line.
      out.push({ id: g.id, text: g.text, x: -box.middle * k, y: pen, advance: g.advance, rotate: 90 });
      continue;
    }
    if (piece.kind === 'cell') {
      out.push(...cellGlyphs(piece, pen, g.advance, k, box.top));
      continue;
    }
    const width = face.advance(g.id) * k;
    if (width === 0 && previous) {
      // A combining mark sits where it would horizontally: after its base's advance.
      out.push({ id: g.id, text: g.text, x: previous.x + previous.width, y: previous.y, advance: g.advance });
      continue;
    }
    const cp = g.text.codePointAt(0)!;
    const y = pen + (box.top + shiftUnits(face, cp, g.id)) * k;
    const placed = { id: g.id, text: g.text, x: -width / 2, y, advance: g.advance };
    out.push(placed);
    previous = { x: placed.x, y, width };
  }
  return out;
}

/**
 * How far down a vertical form sits in its 1 em cell, in font units. Proportional fonts (BIZ UDP) draw the
 * vertical forms of half-width punctuation at the top of a cell as tall as the horizontal
 * glyph is wide; the composer gives every upright glyph a full em with the rest as aki —
 * before opening brackets, around middle dots, after everything else — so opening brackets
 * move to the bottom of the em and middle dots to its middle.
 */
function shiftUnits(face: FontFace, cp: number, id: number): number {
  const base = face.glyphId(cp);
  if (id === base) return 0;
  const slack = face.unitsPerEm - face.advance(base);
  if (slack <= 0) return 0;
  const cl = jlreqClass(cp);
  return cl === CL.open ? slack : cl === CL.middle ? slack / 2 : 0;
}

/** A tate-chu-yoko cell: its characters side by side, centred, squeezed into 1 em if wider. */
function cellGlyphs(piece: Piece, pen: number, advance: number, k: number, top: number): PositionedGlyph[] {
  const { face, size } = piece.style;
  const chars = [...piece.cell!].filter((ch) => !isInvisible(ch.codePointAt(0)!));
  const ids = chars.map((ch) => face.glyphId(ch.codePointAt(0)!));
  const widths = ids.map((id) => face.advance(id) * k);
  const total = widths.reduce((a, b) => a + b, 0);
  const scaleX = total > size ? size / total : 1;
  let x = (-total * scaleX) / 2;
  return chars.map((ch, i) => {
    const g: PositionedGlyph = { id: ids[i]!, text: ch, x, y: pen + top * k, advance: i === 0 ? advance : 0 };
    if (scaleX < 1) g.scaleX = scaleX;
    x += widths[i]! * scaleX;
    return g;
  });
}

/** A ruby reading in vertical text: upright, in vertical forms, to the right of its base. */
function rubyRun(ruby: RubyLike, line: ComposedLine): ColumnRun {
  const style = { ...ruby.style, face: drawn(ruby.style.face) };
  const { face, size } = style;
  const k = size / face.unitsPerEm;
  const box = emBox(face);
  const baseSize = line.runs[0]?.style.size ?? size;
  const centre = baseSize / 2 + size / 2;
  const glyphs = ruby.glyphs.map((g): PositionedGlyph => {
    const id = verticalGlyphId(face, g.text.codePointAt(0)!) || g.id;
    return { id, text: g.text, x: centre - (face.advance(id) * k) / 2, y: ruby.x + g.x + box.top * k, advance: g.advance };
  });
  return { style, glyphs, ...(ruby.origin ? { origin: ruby.origin } : {}) };
}
