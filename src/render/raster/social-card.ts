/**
 * An Open Graph / social card (1200×630 PNG) from a page of our own rendering: the page is
 * rasterised like a preview, its white margins trimmed, scaled to the card's width less a
 * margin, and its top shown — a policy's title and first lines, a poster's band and headline.
 * The cut at the bottom fades out, so no half line of text ends the card abruptly.
 */
import sharp from 'sharp';
import type { DisplayPage } from '../../layout/display-list.js';
import { pageToSvg } from './svg.js';

export const CARD = { width: 1200, height: 630 } as const;
const PAD = 60;
const FADE = 90;

export async function socialCard(page: DisplayPage): Promise<Uint8Array> {
  const inner = CARD.width - 2 * PAD;
  const svg = Buffer.from(pageToSvg(page));
  // The page's inked area, found on a small rendering; the page is then rendered once at
  // exactly the scale that fits that area to the card (no trimming or resizing of a large
  // image, which took most of the time).
  const ink = await inkBox(svg, page);
  const dpi = (inner * 72) / ink.width;
  const rendered = await sharp(svg, { density: dpi }).flatten({ background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
  const left = Math.max(0, Math.min(rendered.info.width - 1, Math.round((ink.x * dpi) / 72)));
  const top = Math.max(0, Math.min(rendered.info.height - 1, Math.round((ink.y * dpi) / 72)));
  const width = Math.min(inner, rendered.info.width - left);
  const visible = Math.min(rendered.info.height - top, Math.round((ink.height * dpi) / 72), CARD.height - PAD);
  const shown = await sharp(rendered.data, { raw: rendered.info }).extract({ left, top, width, height: visible }).png({ compressionLevel: 0 }).toBuffer();
  const fade = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${FADE}">` +
      '<defs><linearGradient id="f" x1="0" y1="0" x2="0" y2="1">' +
      '<stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#fff" stop-opacity="1"/>' +
      `</linearGradient></defs><rect width="${CARD.width}" height="${FADE}" fill="url(#f)"/></svg>`,
  );
  const card = sharp({ create: { width: CARD.width, height: CARD.height, channels: 3, background: '#ffffff' } }).composite([
    { input: shown, left: Math.round((CARD.width - width) / 2), top: PAD },
    ...(visible >= CARD.height - PAD ? [{ input: fade, left: 0, top: CARD.height - FADE }] : []),
  ]);
  // 128 colours: text edges and flat fills lose nothing visible, and the file halves (~60 KB).
  const flatCard = await card.raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(await sharp(flatCard.data, { raw: flatCard.info }).png({ palette: true, colours: 128, effort: 1, compressionLevel: 6 }).toBuffer());
}

const PROBE_DPI = 36;
/** Near-white (within 8 of 255 in every channel) counts as paper. */
const PAPER = 247;

/** The bounding box of everything not paper-white, in points (the whole page if blank). */
async function inkBox(svg: Buffer, page: DisplayPage): Promise<{ x: number; y: number; width: number; height: number }> {
  const { data, info } = await sharp(svg, { density: PROBE_DPI }).flatten({ background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
  let x0 = info.width, y0 = info.height, x1 = -1, y1 = -1;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i]! >= PAPER && data[i + 1]! >= PAPER && data[i + 2]! >= PAPER) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return { x: 0, y: 0, width: page.width, height: page.height };
  // One probe pixel of slack on each side: the small rendering blurs edges by up to a pixel.
  const pt = 72 / PROBE_DPI;
  const x = Math.max(0, (x0 - 1) * pt);
  const y = Math.max(0, (y0 - 1) * pt);
  return { x, y, width: Math.min(page.width, (x1 + 2) * pt) - x, height: Math.min(page.height, (y1 + 2) * pt) - y };
}
