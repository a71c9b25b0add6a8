/**
 * The display list as SVG, with every glyph drawn as a vector path from the font's own
 * outlines: no system fonts and no fontconfig are involved, so a preview looks the same on
 * every machine and cannot show tofu that the PDF does not have. Each glyph outline is
 * defined once per page and placed with <use>.
 */
import type { FontFace } from '../../fonts/registry.js';
import type { Color, DisplayPage, GlyphRun, ImageItem, PathCommand, PathItem } from '../../layout/display-list.js';
import { imageDataUri, orientedMatrix } from '../../images/data-uri.js';
import { glyphMatrix, glyphSvgPath } from '../glyph-outline.js';

export interface SvgOptions {
  /**
   * Text set smaller than this (in points) is drawn as grey bars instead of glyphs ("greeking"),
   * for thumbnails where it would be a few pixels tall anyway: parsing the glyph outlines is
   * most of what a rendering costs.
   */
  greekBelow?: number;
}

export function pageToSvg(page: DisplayPage, options: SvgOptions = {}): string {
  const defs = new Map<string, string>();
  const faces = new Map<FontFace, number>();
  const body: string[] = [];
  for (const item of page.items) {
    if (item.kind === 'glyphs' && options.greekBelow !== undefined && item.size < options.greekBelow) body.push(greeked(item));
    else if (item.kind === 'glyphs') body.push(glyphRun(item, defs, faces));
    else if (item.kind === 'image') body.push(imageElement(item, defs));
    else body.push(pathItem(item));
  }
  const w = num(page.width);
  const h = num(page.height);
  // Unitless width/height: sharp's density then maps one unit (one point) to dpi/72 pixels.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs>${[...defs.values()].join('')}</defs>` +
    `<rect width="${w}" height="${h}" fill="#fff"/>${body.join('')}</svg>`
  );
}

/** An <img>: the file itself (data URI), stretched onto its rect, clipped when object-fit: cover overflows. */
function imageElement(item: ImageItem, defs: Map<string, string>): string {
  let clip = '';
  if (item.clip) {
    const id = `clip${defs.size}`;
    const c = item.clip;
    defs.set(id, `<clipPath id="${id}"><rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${num(c.height)}"/></clipPath>`);
    clip = ` clip-path="url(#${id})"`;
  }
  const turn = item.rotation ? ` transform="rotate(180 ${num(item.x + item.width / 2)} ${num(item.y + item.height / 2)})"` : '';
  // The stored pixels fill a unit square that the matrix maps onto the rect, upright (EXIF orientation).
  const m = orientedMatrix(item.source.orientation ?? 1, item.x, item.y, item.width, item.height).map(num).join(' ');
  const image = `<g${turn}><image width="1" height="1" preserveAspectRatio="none" transform="matrix(${m})" xlink:href="${imageDataUri(item.source)}"/></g>`;
  return clip ? `<g${clip}>${image}</g>` : image;
}

function glyphRun(run: GlyphRun, defs: Map<string, string>, faces: Map<FontFace, number>): string {
  let faceIndex = faces.get(run.font);
  if (faceIndex === undefined) {
    faceIndex = faces.size;
    faces.set(run.font, faceIndex);
  }
  const uses: string[] = [];
  for (const g of run.glyphs) {
    const id = `g${faceIndex}-${g.id}`;
    if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${glyphSvgPath(run.font, g.id)}"/>`);
    // The placement the outlined PDF uses too (glyph-outline.ts: vertical text, rotate, scaleX).
    const [a, b, c, d, e, f] = glyphMatrix(run, g);
    uses.push(`<use xlink:href="#${id}" transform="matrix(${[a, b, c, d].map(scale).join(' ')} ${num(e)} ${num(f)})"/>`);
  }
  // A rotated run (transform: rotate(180deg)) turns about its origin, clockwise as SVG's rotate().
  const turn = run.rotation ? ` transform="rotate(${num(run.rotation)} ${num(run.x)} ${num(run.y)})"` : '';
  return `<g fill="${rgb(run.color)}"${turn}>${uses.join('')}</g>`;
}

/** A run as one bar, half an em thick at the x-height, in the text's colour, lightened. */
function greeked(run: GlyphRun): string {
  if (run.glyphs.length === 0) return '';
  const first = run.glyphs[0]!;
  const last = run.glyphs[run.glyphs.length - 1]!;
  const rect = run.vertical
    ? { x: run.x - run.size * 0.25, y: run.y + (first.y ?? 0), width: run.size * 0.5, height: (last.y ?? 0) - (first.y ?? 0) + last.advance }
    : { x: run.x + first.x, y: run.y - run.size * 0.6, width: last.x + last.advance - first.x, height: run.size * 0.5 };
  const turn = run.rotation ? ` transform="rotate(${num(run.rotation)} ${num(run.x)} ${num(run.y)})"` : '';
  return `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(Math.max(0, rect.width))}" height="${num(rect.height)}" fill="${rgb(run.color)}" fill-opacity="0.45"${turn}/>`;
}

function pathItem(p: PathItem): string {
  const attrs = [`d="${pathData(p.commands)}"`, `fill="${p.fill ? rgb(p.fill) : 'none'}"`];
  if (p.fill && p.fillRule === 'evenodd') attrs.push('fill-rule="evenodd"');
  if (p.stroke) {
    attrs.push(`stroke="${rgb(p.stroke.color)}"`, `stroke-width="${num(p.stroke.width)}"`);
    if (p.stroke.cap) attrs.push(`stroke-linecap="${p.stroke.cap}"`);
    if (p.stroke.join) attrs.push(`stroke-linejoin="${p.stroke.join}"`);
    if (p.stroke.dash?.length) attrs.push(`stroke-dasharray="${p.stroke.dash.map(num).join(' ')}"`);
  }
  return `<path ${attrs.join(' ')}/>`;
}

function pathData(commands: readonly PathCommand[]): string {
  return commands
    .map((c) => {
      switch (c.op) {
        case 'M':
        case 'L':
          return `${c.op}${num(c.x)} ${num(c.y)}`;
        case 'C':
          return `C${num(c.x1)} ${num(c.y1)} ${num(c.x2)} ${num(c.y2)} ${num(c.x)} ${num(c.y)}`;
        case 'Z':
          return 'Z';
      }
    })
    .join('');
}

/** Screen colour of a display-list colour (CMYK by the naive inverse, as viewers preview it). */
export function rgb(c: Color): string {
  const [r, g, b] = c.space === 'rgb' ? [c.r, c.g, c.b] : [(1 - c.c) * (1 - c.k), (1 - c.m) * (1 - c.k), (1 - c.y) * (1 - c.k)];
  const hex = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 255).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** Glyph scale factors are small (10.5 pt / 2048 units ≈ 0.005): 3 decimals would be 2 % off. */
function scale(n: number): string {
  return n === 0 ? '0' : String(Number(n.toPrecision(6)));
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}
