/**
 * Sets one broken line: squeezes it if it is set tighter than natural (追い込み), spreads it
 * if justified, aligns it, and positions each glyph. Glyph x is relative to its LineRun,
 * LineRun x to the line start; the last glyph of each cluster carries the space up to the next
 * glyph, so advances tile the line and its width is the right edge of the last glyph's advance.
 * Letter-spacing and 和欧間 are not added after the last glyph of a line (so centred and
 * end-aligned lines sit where they should); punctuation aki at the line edges is dropped as
 * punctuation.ts describes. A hanging 、。 (fit.ts) sits just past the measure: `width` stops
 * where its frame starts and `hang` is the frame's width.
 */
import type { PositionedGlyph } from '../layout/display-list.js';
import { noAdjustment, spread, squeeze } from './adjust.js';
import { type HangMode, lineFit } from './fit.js';
import { endDrop, type Prepared, startDrop } from './prepare.js';
import { EPS, type LineSpan } from './span.js';
import type { ComposedLine, InlineRun, LineRun } from './types.js';

export interface LineSetting {
  /** Where the line box starts (the first-line indent, else 0). */
  x0: number;
  /** The measure left for this line. */
  avail: number;
  align: 'start' | 'end' | 'center' | 'justify';
  /** Hanging punctuation (ParagraphOptions.hang). */
  hang?: HangMode;
}

/** The promise to layout: no line is wider than its measure by more than this (pt). */
export const OVERFLOW_TOLERANCE = 0.01;

export function setLine(
  p: Prepared,
  runs: readonly InlineRun[],
  { start: s, end: e }: LineSpan,
  { x0, avail, align, hang }: LineSetting,
): { line: ComposedLine; overflow: boolean } {
  const k = e - s;
  const adj = noAdjustment(k);
  const fit = lineFit(p, s, e, hang, avail);
  const { hanging } = fit;
  let justified = false;
  if (fit.width > avail + 1e-9) {
    const need = fit.width - avail;
    // Beyond what squeezing can take, the piece is unbreakable and overflows as it is.
    if (need <= fit.shrink + EPS) {
      const surplus = squeeze(p, s, e, need, adj, hanging);
      if (surplus > 1e-9 && align === 'justify') justified = spread(p, s, e, surplus, adj, hanging);
    }
  } else if (align === 'justify' && k > 1 && avail - fit.width > 1e-9) {
    justified = spread(p, s, e, avail - fit.width, adj, hanging);
  }

  const lineRuns: LineRun[] = [];
  // Every glyph and its line-relative x, so each cluster's last glyph can take the space up to
  // the next glyph as its advance.
  const g0 = p.glyphStart[s]!;
  const placed: PositionedGlyph[] = [];
  const placedX = new Float64Array(p.glyphStart[e]! - g0);
  let pen = 0;
  let contentEnd = 0;
  let hangEnd = 0;
  let current: LineRun | undefined;
  for (let i = 0; i < k; i++) {
    const a = s + i;
    if (!current || p.run[a] !== p.run[a - 1]) {
      const source = runs[p.run[a]!]!;
      current = { style: source.style, x: pen, glyphs: [], ...(source.origin ? { origin: source.origin } : {}) };
      lineRuns.push(current);
    }
    const last = i === k - 1;
    const hangs = hanging && last;
    const before = p.pre[a]! - (i === 0 ? startDrop(p, s) : 0);
    const afterAki = p.post[a]! - (hangs ? p.trail[a]! : last ? endDrop(p, a) : 0);
    if (hangs) {
      contentEnd = pen + p.lead[a]!; // where the mark's frame starts (a comma has no aki before)
      hangEnd = contentEnd + p.hangFrame[a]!;
    }
    const own = before + p.adv[a]! - (last ? p.ls[a]! : 0) + afterAki + (last ? 0 : p.gap[a]!);
    let gx = pen + before - adj.cut[i]!;
    const g1 = p.glyphStart[a + 1]!;
    for (let j = p.glyphStart[a]!; j < g1; j++) {
      const g = glyph(p.gid[j]!, p.gtext[j]!, gx - current.x, p.gadv[j]!);
      current.glyphs.push(g);
      placed.push(g);
      placedX[j - g0] = gx;
      gx += p.gadv[j]!;
    }
    pen += own - adj.cut[i]! + adj.after[i]!;
  }
  const end = hanging ? hangEnd : pen;
  for (let a = s; a < e; a++) {
    const j = p.glyphStart[a + 1]! - 1 - g0; // the cluster's last glyph
    if (j < p.glyphStart[a]! - g0) continue;
    placed[j]!.advance = (j + 1 < placed.length ? placedX[j + 1]! : end) - placedX[j]!;
  }
  const width = hanging ? contentEnd : pen;

  const free = avail - width;
  const offset =
    justified || free <= 0 || align === 'start' || align === 'justify' ? 0 : align === 'end' ? free : free / 2;
  const nonEmpty = lineRuns.filter((r) => r.glyphs.length > 0);
  for (const r of nonEmpty) r.x += x0 + offset;
  const { ascent, descent } = extents(p, s, e);
  const line: ComposedLine = {
    runs: nonEmpty,
    width: nonEmpty.length > 0 ? x0 + offset + width : 0,
    text: p.text.slice(p.start[s], p.start[e]),
    ascent,
    descent,
  };
  if (hanging && nonEmpty.length > 0) line.hang = hangEnd - contentEnd;
  return { line, overflow: nonEmpty.length > 0 && width > avail + OVERFLOW_TOLERANCE };
}

function glyph(id: number, text: string, x: number, advance: number): PositionedGlyph {
  return { id, text, x, advance };
}

/** Largest ascent and descent of the faces on the line; an empty line uses the style it is in. */
function extents(p: Prepared, s: number, e: number): { ascent: number; descent: number } {
  if (e === s) {
    const m = p.metrics[p.run[Math.min(s, p.n - 1)]!]!;
    return { ascent: m.ascent, descent: m.descent };
  }
  let ascent = 0;
  let descent = 0;
  let previous = -1;
  for (let a = s; a < e; a++) {
    const r = p.run[a]!;
    if (r === previous) continue;
    previous = r;
    const m = p.metrics[r]!;
    if (m.ascent > ascent) ascent = m.ascent;
    if (m.descent > descent) descent = m.descent;
  }
  return { ascent, descent };
}
