/**
 * The file of an image as a data: URI, for the SVG that the raster preview renders (librsvg
 * decodes PNG and JPEG itself). Read once per process per distinct file.
 */
import { readFileSync } from 'node:fs';
import type { ImageSource } from '../layout/display-list.js';

const cache = new Map<string, string>();

export function imageDataUri(source: ImageSource): string {
  let uri = cache.get(source.hash);
  if (uri === undefined) {
    const mime = source.format === 'png' ? 'image/png' : 'image/jpeg';
    uri = `data:${mime};base64,${readFileSync(source.path).toString('base64')}`;
    cache.set(source.hash, uri);
  }
  return uri;
}

/**
 * SVG matrix [a b c d e f] taking the stored image's unit square onto the rect (x, y, w, h) as
 * displayed: librsvg ignores EXIF orientation, so a camera JPEG stored on its side (6: turned
 * 90° clockwise to view) is turned here. A stored point (u, v) goes to (a·u + c·v + e, b·u + d·v + f).
 */
export function orientedMatrix(orientation: number, x: number, y: number, w: number, h: number): [number, number, number, number, number, number] {
  switch (orientation) {
    case 2: return [-w, 0, 0, h, x + w, y]; // mirrored left–right
    case 3: return [-w, 0, 0, -h, x + w, y + h]; // half turn
    case 4: return [w, 0, 0, -h, x, y + h]; // mirrored top–bottom
    case 5: return [0, h, w, 0, x, y]; // transposed
    case 6: return [0, h, -w, 0, x + w, y]; // quarter turn clockwise
    case 7: return [0, -h, -w, 0, x + w, y + h]; // transversed
    case 8: return [0, -h, w, 0, x, y + h]; // quarter turn anticlockwise
    default: return [w, 0, 0, h, x, y];
  }
}
