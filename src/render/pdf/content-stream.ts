/**
 * Turns one display-list page into a PDF content stream. The display list is top-left/y-down;
 * PDF user space is bottom-left/y-up, so every y becomes (page height − y) here and nowhere else.
 */
import type { Color, DisplayPage, GlyphRun, ImageItem, PathCommand, PathItem } from '../../layout/display-list.js';
import type { SubsetFont } from './font-subset.js';
import { imageOps } from './image.js';
import { cachedPathOps, cachedRunOps } from './op-cache.js';
import { num } from './pdf-number.js';
import { runRotationOp } from './run-rotation.js';
import { tjArray } from './tj.js';
import { isPlaced, placedRunOps } from './vertical.js';

export interface PageContent {
  /** The operators, uncompressed. */
  text: string;
  /** Resource names of the fonts the page uses. */
  fonts: Set<string>;
  /** Resource names of the image XObjects the page draws. */
  images: Set<string>;
}

/** `imageName` gives an image's XObject resource name (render/pdf/image.ts). */
export function pageContent(page: DisplayPage, fontFor: (run: GlyphRun) => SubsetFont, imageName?: (item: ImageItem) => string): PageContent {
  const out: string[] = [];
  const fonts = new Set<string>();
  const images = new Set<string>();
  let inText = false;
  // Text state carried between consecutive runs of one BT…ET block, to skip redundant ops.
  let curFont = '';
  let curColor = '';
  for (const item of page.items) {
    if (item.kind === 'glyphs') {
      if (item.glyphs.length === 0) continue;
      const font = fontFor(item);
      fonts.add(font.resource);
      // A rotated run (transform: rotate(180deg)) gets its own q … cm BT … ET Q.
      const rotation = runRotationOp(item, page.height);
      if (rotation && inText) {
        out.push('ET');
        inText = false;
      }
      if (rotation) out.push('q', rotation);
      if (!inText) {
        out.push('BT');
        inText = true;
        curFont = curColor = '';
      }
      const tf = `/${font.resource} ${num(item.size)} Tf`;
      if (tf !== curFont) out.push((curFont = tf));
      const color = colorOp(item.color, false);
      if (color !== curColor) out.push((curColor = color));
      // The operators are shared with the print flavour's copy of the run (op-cache.ts).
      const run = item;
      const runOps = () => (isPlaced(run) ? placedRunOps(run, font, page.height) : glyphRunOps(run, font, page.height));
      out.push(...cachedRunOps(run, font, page.height, runOps));
      if (rotation) {
        out.push('ET', 'Q');
        inText = false;
      }
    } else {
      if (inText) {
        out.push('ET');
        inText = false;
      }
      if (item.kind === 'image') {
        const name = imageName?.(item);
        if (!name) throw new Error('renderPdf: an image item without an XObject');
        images.add(name);
        out.push(imageOps(item, name, page.height));
        continue;
      }
      const ops = pathOps(item, page.height);
      if (ops) out.push(ops);
    }
  }
  if (inText) out.push('ET');
  return { text: out.join('\n') + '\n', fonts, images };
}

/**
 * `Tm` at the first glyph, then one TJ whose adjustments put every glyph at its display-list x.
 * After showing a glyph the pen advances by its /W width; an adjustment n moves it by
 * −n/1000 × size, so n = −(target − pen) × 1000 / size.
 */
function glyphRunOps(run: GlyphRun, font: SubsetFont, pageHeight: number): string[] {
  const first = run.glyphs[0]!;
  const ox = run.x + first.x;
  const ops = [`1 0 0 1 ${num(ox)} ${num(pageHeight - run.y)} Tm`];
  ops.push(tjArray(run.glyphs, (g) => g.x - first.x, run.size, font));
  return ops;
}


const CAP = { butt: 0, round: 1, square: 2 } as const;
const JOIN = { miter: 0, round: 1, bevel: 2 } as const;

function pathOps(item: PathItem, pageHeight: number): string | undefined {
  const stroke = item.stroke && item.stroke.width > 0 ? item.stroke : undefined;
  if (item.commands.length === 0 || (!item.fill && !stroke)) return undefined;
  const ops = ['q'];
  if (item.fill) ops.push(colorOp(item.fill, false));
  if (stroke) {
    ops.push(colorOp(stroke.color, true), `${num(stroke.width)} w`);
    ops.push(`${CAP[stroke.cap ?? 'butt']} J`, `${JOIN[stroke.join ?? 'miter']} j`);
    // PDF forbids negative dashes and an all-zero pattern; treat those as solid.
    const dash = stroke.dash;
    if (dash?.length && dash.every((d) => d >= 0) && dash.some((d) => d > 0)) {
      ops.push(`[${dash.map((d) => num(d)).join(' ')}] 0 d`);
    }
  }
  // The geometry is shared with the print flavour's copy of the item (op-cache.ts).
  ops.push(cachedPathOps(item.commands, pageHeight, () => pathConstruction(item.commands, pageHeight)));
  const evenOdd = item.fillRule === 'evenodd' ? '*' : '';
  ops.push(item.fill && stroke ? `B${evenOdd}` : item.fill ? `f${evenOdd}` : 'S', 'Q');
  return ops.join('\n');
}

function pathConstruction(commands: readonly PathCommand[], pageHeight: number): string {
  const ops: string[] = [];
  const y = (v: number) => num(pageHeight - v);
  for (const c of commands) {
    switch (c.op) {
      case 'M':
        ops.push(`${num(c.x)} ${y(c.y)} m`);
        break;
      case 'L':
        ops.push(`${num(c.x)} ${y(c.y)} l`);
        break;
      case 'C':
        ops.push(`${num(c.x1)} ${y(c.y1)} ${num(c.x2)} ${y(c.y2)} ${num(c.x)} ${y(c.y)} c`);
        break;
      case 'Z':
        ops.push('h');
        break;
    }
  }
  return ops.join('\n');
}

const clamp = (v: number) => num(Math.min(1, Math.max(0, v)), 4);

/** Non-stroking (`rg`/`k`) or stroking (`RG`/`K`) colour. */
export function colorOp(color: Color, stroking: boolean): string {
  if (color.space === 'rgb') {
    return `${clamp(color.r)} ${clamp(color.g)} ${clamp(color.b)} ${stroking ? 'RG' : 'rg'}`;
  }
  return `${clamp(color.c)} ${clamp(color.m)} ${clamp(color.y)} ${clamp(color.k)} ${stroking ? 'K' : 'k'}`;
}
