/**
 * Image pixels for the PDF writers, decoded and encoded with sharp once per process per
 * distinct file (by content hash) and flavour:
 *  - plain PDF: a baseline RGB/grey JPEG without orientation or ICC tag passes through as it is
 *    (DCTDecode); anything else becomes Flate-compressed RGB, its alpha a separate soft mask;
 *  - print PDF (PDF/X-1a: CMYK only, no transparency): flattened on white, separated to CMYK by
 *    libvips's built-in CMYK profile, CMYK JPEG (DCTDecode, DeviceCMYK).
 * Both are deterministic: the same file and sharp version give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { isUserInputError } from '../diagnostics/diagnostic.js';
import type { ImageSource, ItemOrigin } from '../layout/display-list.js';
import { shownName, undecodable } from './errors.js';

export interface EncodedImage {
  width: number;
  height: number;
  colorSpace: 'DeviceRGB' | 'DeviceGray' | 'DeviceCMYK';
  filter: 'DCTDecode' | 'FlateDecode';
  /** The stream data, already compressed by `filter`. */
  bytes: Uint8Array;
  /** PDF /Decode array, for Adobe-style (inverted) CMYK JPEGs. */
  decode?: number[];
  /** Alpha as 8-bit grey, Flate-compressed (plain flavour only). */
  smask?: Uint8Array;
}

export type ImageFlavour = 'plain' | 'print';

/** JPEG quality of re-encoded images: high, since print enlarges every artefact. */
const JPEG_QUALITY = 92;

const cache = new Map<string, Promise<EncodedImage>>();

/** `origin` names the element in the error if the file cannot be decoded. */
export function encodeImage(source: ImageSource, flavour: ImageFlavour, origin?: ItemOrigin): Promise<EncodedImage> {
  const key = `${flavour}:${source.hash}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (flavour === 'print' ? encodePrint(source) : encodePlain(source)).catch((e: unknown) => {
      cache.delete(key);
      throw isUserInputError(e) ? e : undecodable(shownName(source.path), { ...origin, element: origin?.element ?? 'img' });
    });
    cache.set(key, hit);
  }
  return hit;
}

async function encodePlain(source: ImageSource): Promise<EncodedImage> {
  const bytes = readFileSync(source.path);
  const meta = await sharp(bytes).metadata();
  const upright = (meta.orientation ?? 1) === 1;
  if (source.format === 'jpeg' && upright && !meta.hasProfile && !meta.hasAlpha && (meta.channels === 3 || meta.channels === 1)) {
    // Check it decodes fully: a truncated JPEG must fail here, not in the reader's viewer.
    await sharp(bytes, { failOn: 'truncated' }).stats();
    return { width: meta.width!, height: meta.height!, colorSpace: meta.channels === 1 ? 'DeviceGray' : 'DeviceRGB', filter: 'DCTDecode', bytes };
  }
  const { data, info } = await sharp(bytes, { failOn: 'truncated' }).rotate().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  const channels = info.channels;
  const rgb = Buffer.alloc(pixels * 3);
  const alpha = channels === 4 ? Buffer.alloc(pixels) : undefined;
  let opaque = true;
  for (let i = 0; i < pixels; i++) {
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = data[i * channels + Math.min(c, channels - 1)]!;
    if (alpha) {
      const a = data[i * channels + 3]!;
      alpha[i] = a;
      if (a !== 255) opaque = false;
    }
  }
  const out: EncodedImage = { width: info.width, height: info.height, colorSpace: 'DeviceRGB', filter: 'FlateDecode', bytes: deflateSync(rgb) };
  if (alpha && !opaque) out.smask = deflateSync(alpha);
  return out;
}

async function encodePrint(source: ImageSource): Promise<EncodedImage> {
  const { data, info } = await sharp(readFileSync(source.path), { failOn: 'truncated' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('cmyk')
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' })
    .toBuffer({ resolveWithObject: true });
  const out: EncodedImage = { width: info.width, height: info.height, colorSpace: 'DeviceCMYK', filter: 'DCTDecode', bytes: data };
  // libjpeg stores CMYK inverted behind an Adobe APP14 marker (as Photoshop does); PDF readers
  // take the samples literally, so the /Decode array turns them back (as img2pdf does).
  if (hasAdobeMarker(data)) out.decode = [1, 0, 1, 0, 1, 0, 1, 0];
  return out;
}

/** An APP14 segment starting "Adobe" among the JPEG's header segments. */
function hasAdobeMarker(jpeg: Uint8Array): boolean {
  let p = 2;
  while (p + 4 <= jpeg.length && jpeg[p] === 0xff) {
    const marker = jpeg[p + 1]!;
    if (marker === 0xda) return false;
    const length = (jpeg[p + 2]! << 8) | jpeg[p + 3]!;
    if (marker === 0xee && String.fromCharCode(...jpeg.subarray(p + 4, p + 9)) === 'Adobe') return true;
    p += 2 + length;
  }
  return false;
}
