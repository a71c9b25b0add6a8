/**
 * An Open Graph / social card (1200×630 PNG) from a page of our own rendering: the page is
 * rasterised like a preview, its white margins trimmed, scaled to the card's width less a
 * margin, and its top shown — a policy's title and first lines, a poster's band and headline.
 * The cut at the bottom fades out, so no half line of text ends the card abruptly.
 */
import sharp from 'sharp';
import type { Color, DisplayPage } from '../../layout/display-list.js';
import { pageToSvg } from './svg.js';

export const CARD = { width: 1200, height: 630 } as const;
const PAD = 60;
const FADE = 90;

export async function socialCard(page: DisplayPage): Promise<Uint8Array> {
  const inner = CARD.width - 2 * PAD;
  const svg = pageToSvg(page);
  // The page's inked area, from the display list's geometry; then only the part the card
  // shows is rendered, at exactly the scale that fits the inked width to the card. (Rendering
  // is what costs: every rendering parses the page's glyph outlines again.)
  const ink = inkBox(page);
  const scale = inner / ink.width; // pixels per point
  const shownHeight = Math.min(ink.height, (CARD.height - PAD) / scale);
  const height = Math.max(1, Math.round(shownHeight * scale));
  const cropped = svg.replace(
    /^<svg ([^>]*?)width="[^"]*" height="[^"]*" viewBox="[^"]*"/,
    `<svg $1width="${inner}" height="${height}" viewBox="${ink.x} ${ink.y} ${ink.width} ${shownHeight}"`,
  );
  const shown = await sharp(Buffer.from(cropped), { density: 72 }).flatten({ background: '#ffffff' }).png({ compressionLevel: 0 }).toBuffer();
  const visible = height;
  const width = inner;
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
  // Full colour: quantising to a palette would halve the file but took half the time.
  return new Uint8Array(await card.png({ compressionLevel: 6 }).toBuffer());
}

/** Paper: white fills (the page's ground, white panels) are not ink. */
const isPaper = (c: Color | undefined) => !c || (c.space === 'rgb' ? c.r >= 0.97 && c.g >= 0.97 && c.b >= 0.97 : c.c + c.m + c.y + c.k <= 0.03);

/**
 * The bounding box of everything drawn that is not white, in points, from the items'
 * geometry (glyph boxes taken as one em tall, generously: a little paper more is harmless).
 * The whole page when nothing is drawn.
 */
export function inkBox(page: DisplayPage): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const add = (x: number, y: number, rotation: number | undefined, ox: number, oy: number) => {
    // A run turned 180° about its origin (transform: rotate(180deg)) lies mirrored through it.
    if (rotation === 180) (x = 2 * ox - x), (y = 2 * oy - y);
    x0 = Math.min(x0, x), x1 = Math.max(x1, x), y0 = Math.min(y0, y), y1 = Math.max(y1, y);
  };
  for (const item of page.items) {
    if (item.kind === 'path') {
      if (isPaper(item.fill) && (!item.stroke || isPaper(item.stroke.color))) continue;
      const w = item.stroke ? item.stroke.width / 2 : 0;
      for (const c of item.commands) {
        if (c.op === 'Z') continue;
        add(c.x - w, c.y - w, undefined, 0, 0);
        add(c.x + w, c.y + w, undefined, 0, 0);
      }
    } else if (item.kind === 'image') {
      add(item.x, item.y, item.rotation, item.x + item.width / 2, item.y + item.height / 2);
      add(item.x + item.width, item.y + item.height, item.rotation, item.x + item.width / 2, item.y + item.height / 2);
    } else if (item.glyphs.length > 0 && !isPaper(item.color)) {
      for (const g of item.glyphs) {
        if (item.vertical) {
          add(item.x - item.size / 2, item.y + (g.y ?? 0) - item.size, item.rotation, item.x, item.y);
          add(item.x + item.size / 2, item.y + (g.y ?? 0) + item.size, item.rotation, item.x, item.y);
        } else {
          add(item.x + g.x, item.y - item.size, item.rotation, item.x, item.y);
          add(item.x + g.x + g.advance, item.y + item.size * 0.25, item.rotation, item.x, item.y);
        }
      }
    }
  }
  x0 = Math.max(0, x0), y0 = Math.max(0, y0), x1 = Math.min(page.width, x1), y1 = Math.min(page.height, y1);
  if (!(x1 > x0 && y1 > y0)) return { x: 0, y: 0, width: page.width, height: page.height };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
