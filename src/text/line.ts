/**
 * Sets one broken line: squeezes it if it is set tighter than natural (追い込み), spreads it
 * if justified, aligns it, and positions each glyph. Glyph x is relative to its LineRun,
 * LineRun x to the line start; a line's width is the right edge of its last glyph's advance.
 * Letter-spacing and 和欧間 are not added after the last glyph of a line (so centred and
 * end-aligned lines sit where they should).
 */
import type { PositionedGlyph } from '../layout/display-list.js';
import { noAdjustment, spread, squeeze } from './adjust.js';
import { naturalWidth, type Prepared, squeezable } from './prepare.js';
import { EPS, type LineSpan } from './span.js';
import type { ComposedLine, InlineRun, LineRun } from './types.js';

export interface LineSetting {
  /** Where the line box starts (the first-line indent, else 0). */
  x0: number;
  /** The measure left for this line. */
  avail: number;
  align: 'start' | 'end' | 'center' | 'justify';
}

/** The promise to layout: no line is wider than its measure by more than this (pt). */
export const OVERFLOW_TOLERANCE = 0.01;

export function setLine(
  p: Prepared,
  runs: readonly InlineRun[],
  { start: s, end: e }: LineSpan,
  { x0, avail, align }: LineSetting,
): { line: ComposedLine; overflow: boolean } {
  const k = e - s;
  const adj = noAdjustment(k);
  const natural = naturalWidth(p, s, e);
  let justified = false;
  if (natural > avail + 1e-9) {
    const need = natural - avail;
    // Beyond what squeezing can take, the piece is unbreakable and overflows as it is.
    if (need <= squeezable(p, s, e) + EPS) squeeze(p, s, e, need, adj);
  } else if (align === 'justify' && k > 1 && avail - natural > 1e-9) {
    justified = spread(p, s, e, avail - natural, adj);
  }

  const lineRuns: LineRun[] = [];
  let pen = 0;
  let current: LineRun | undefined;
  for (let i = 0; i < k; i++) {
    const a = s + i;
    if (!current || p.run[a] !== p.run[a - 1]) {
      const source = runs[p.run[a]!]!;
      current = { style: source.style, x: pen, glyphs: [], ...(source.origin ? { origin: source.origin } : {}) };
      lineRuns.push(current);
    }
    const last = i === k - 1;
    const own = p.adv[a]! - (last ? p.ls[a]! : 0) + (last ? 0 : p.gap[a]!);
    const step = own - adj.cut[i]! + adj.after[i]!;
    let gx = pen - adj.cut[i]!;
    const g1 = p.glyphStart[a + 1]!;
    for (let j = p.glyphStart[a]!; j < g1; j++) {
      // The cluster's last glyph carries the spacing, so advances tile the line exactly.
      const advance = j === g1 - 1 ? pen + step - gx : p.gadv[j]!;
      current.glyphs.push(glyph(p.gid[j]!, p.gtext[j]!, gx - current.x, advance));
      gx += p.gadv[j]!;
    }
    pen += step;
  }

  const free = avail - pen;
  const offset =
    justified || free <= 0 || align === 'start' || align === 'justify' ? 0 : align === 'end' ? free : free / 2;
  const nonEmpty = lineRuns.filter((r) => r.glyphs.length > 0);
  for (const r of nonEmpty) r.x += x0 + offset;
  const { ascent, descent } = extents(p, s, e);
  return {
    line: {
      runs: nonEmpty,
      width: nonEmpty.length > 0 ? x0 + offset + pen : 0,
      text: p.text.slice(p.start[s], p.start[e]),
      ascent,
      descent,
    },
    overflow: nonEmpty.length > 0 && pen > avail + OVERFLOW_TOLERANCE,
  };
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
