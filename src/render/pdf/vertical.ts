/**
 * Glyphs placed one by one (vertical text): each gets its own text matrix, so the horizontal
 * Identity-H font serves vertical text too — no Identity-V font, no W2 metrics. Upright
 * glyphs: `sx 0 0 1 x y Tm` (sx < 1 compresses tate-chu-yoko); glyphs turned 90° clockwise:
 * `0 -sx 1 0 x y Tm`, whose text-space x axis points down the page, so a sideways word is one
 * TJ with the same pen arithmetic as horizontal runs. Glyphs are shown in the display list's
 * order (reading order), which is what text extraction follows.
 */
import type { GlyphRun, PositionedGlyph } from '../../layout/display-list.js';
import type { SubsetFont } from './font-subset.js';
import { num } from './pdf-number.js';
import { cidHex } from './tounicode.js';
import { tjArray } from './tj.js';

/** Runs whose glyphs carry their own placement (vertical runs, or any y / rotate / scaleX). */
export function isPlaced(run: GlyphRun): boolean {
  return run.vertical === true || run.glyphs.some((g) => g.y !== undefined || g.rotate !== undefined || g.scaleX !== undefined);
}

export function placedRunOps(run: GlyphRun, font: SubsetFont, pageHeight: number): string[] {
  const ops: string[] = [];
  const { glyphs } = run;
  for (let i = 0; i < glyphs.length; ) {
    const first = glyphs[i]!;
    let j = i + 1;
    // A sideways word: following sideways glyphs on the same line, with the same compression.
    if (first.rotate === 90) {
      while (j < glyphs.length && glyphs[j]!.rotate === 90 && glyphs[j]!.x === first.x && glyphs[j]!.scaleX === first.scaleX) j++;
    }
    ops.push(...showGlyphs(run, glyphs.slice(i, j), font, pageHeight));
    i = j;
  }
  return ops;
}

function showGlyphs(run: GlyphRun, glyphs: PositionedGlyph[], font: SubsetFont, pageHeight: number): string[] {
  const first = glyphs[0]!;
  const sx = first.scaleX ?? 1;
  const x = num(run.x + first.x);
  const y = num(pageHeight - (run.y + (first.y ?? 0)));
  const matrix = first.rotate === 90 ? `0 ${num(-sx)} 1 0` : `${num(sx)} 0 0 1`;
  const ops = [`${matrix} ${x} ${y} Tm`];
  if (glyphs.length === 1) {
    ops.push(`<${cidHex(font.cidOf.get(first.id)!)}> Tj`);
    return ops;
  }
  // As in content-stream.ts: adjustments put each glyph at its offset along the column.
  const y0 = first.y ?? 0;
  ops.push(tjArray(glyphs, (g) => ((g.y ?? 0) - y0) / sx, run.size, font));
  return ops;
}
