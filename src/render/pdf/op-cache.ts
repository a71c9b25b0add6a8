/**
 * The print flavour draws the plain flavour's display list again, right after it: the same
 * glyph arrays and path command arrays (its copies change colours and extend a few
 * backgrounds, but share every untouched array). Formatting their coordinates was most of the
 * print flavour's time, so the operators are memoised per array object — weakly, so nothing
 * outlives its display list. A hit also checks every other input, so the output is exactly
 * what a fresh computation would write.
 */
import type { GlyphRun, PathCommand } from '../../layout/display-list.js';
import type { SubsetFont } from './font-subset.js';

interface RunEntry {
  font: SubsetFont;
  x: number;
  y: number;
  size: number;
  vertical: boolean;
  pageHeight: number;
  ops: string[];
}

const runs = new WeakMap<readonly unknown[], RunEntry>();
const paths = new WeakMap<readonly PathCommand[], { pageHeight: number; ops: string }>();

/** `compute()`'s operators for the run, reused when the same glyphs were drawn the same way. */
export function cachedRunOps(run: GlyphRun, font: SubsetFont, pageHeight: number, compute: () => string[]): string[] {
  const hit = runs.get(run.glyphs);
  const vertical = run.vertical === true;
  if (
    hit &&
    hit.font === font &&
    hit.x === run.x &&
    hit.y === run.y &&
    hit.size === run.size &&
    hit.vertical === vertical &&
    hit.pageHeight === pageHeight
  ) {
    return hit.ops;
  }
  const ops = compute();
  runs.set(run.glyphs, { font, x: run.x, y: run.y, size: run.size, vertical, pageHeight, ops });
  return ops;
}

/** `compute()`'s path construction operators for these commands on a page of this height. */
export function cachedPathOps(commands: readonly PathCommand[], pageHeight: number, compute: () => string): string {
  const hit = paths.get(commands);
  if (hit && hit.pageHeight === pageHeight) return hit.ops;
  const ops = compute();
  paths.set(commands, { pageHeight, ops });
  return ops;
}
