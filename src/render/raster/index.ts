/**
 * The raster backend: the only module that imports sharp. A page of the display list becomes
 * SVG (glyphs as outlines) and sharp rasterises it. Pixel size is exactly points × dpi / 72.
 */
import sharp from 'sharp';
import type { DisplayPage } from '../../layout/display-list.js';
import { pageToSvg } from './svg.js';

// Every rendering is of a new SVG: libvips's operation cache never hits, it only holds memory.
sharp.cache(false);

export type RasterFormat = 'png' | 'webp';

export interface RasterOptions {
  dpi: number;
  format: RasterFormat;
  /**
   * Draw text smaller than this many pixels as grey bars (thumbnails; see svg.ts), except the
   * page's largest text: a headline that auto-fit made small still tells what the page is.
   */
  greekBelowPx?: number;
}

export async function renderPage(page: DisplayPage, options: RasterOptions): Promise<Uint8Array> {
  const greek = options.greekBelowPx === undefined ? {} : { greekBelow: Math.min((options.greekBelowPx * 72) / options.dpi, largestText(page)) };
  const svg = Buffer.from(pageToSvg(page, greek));
  // The SVG is sized in points (unitless), so a density of `dpi` gives pt × dpi / 72 pixels.
  const image = sharp(svg, { density: options.dpi });
  const out = options.format === 'webp' ? image.webp({ lossless: true }) : image.png({ compressionLevel: 6 });
  return new Uint8Array(await out.toBuffer());
}

function largestText(page: DisplayPage): number {
  let size = 0;
  for (const item of page.items) if (item.kind === 'glyphs' && item.size > size) size = item.size;
  return size;
}

export function pixelSize(page: DisplayPage, dpi: number): { width: number; height: number } {
  return { width: Math.round((page.width * dpi) / 72), height: Math.round((page.height * dpi) / 72) };
}

/**
 * A contact sheet: the given page images side by side (wrapping after `columns`), scaled to
 * a common height, on a light grey ground — one glance at every output of a variant.
 */
export async function contactSheet(images: readonly Uint8Array[], options: { height: number; columns: number; format: RasterFormat }): Promise<Uint8Array> {
  const gap = Math.round(options.height / 20);
  const tiles = await Promise.all(
    images.map(async (img) => {
      const buf = await sharp(img).resize({ height: options.height }).png().toBuffer();
      const meta = await sharp(buf).metadata();
      return { buf, width: meta.width ?? 0 };
    }),
  );
  const rows: (typeof tiles)[] = [];
  for (let i = 0; i < tiles.length; i += options.columns) rows.push(tiles.slice(i, i + options.columns));
  const width = Math.max(...rows.map((r) => r.reduce((s, t) => s + t.width + gap, gap)));
  const height = rows.length * (options.height + gap) + gap;
  const composites = rows.flatMap((row, r) => {
    let x = gap;
    return row.map((t) => {
      const c = { input: t.buf, left: x, top: gap + r * (options.height + gap) };
      x += t.width + gap;
      return c;
    });
  });
  const sheet = sharp({ create: { width, height, channels: 3, background: '#e6e6e6' } }).composite(composites);
  return new Uint8Array(await (options.format === 'webp' ? sheet.webp({ lossless: true }) : sheet.png()).toBuffer());
}
