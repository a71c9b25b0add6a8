/**
 * Image headers read synchronously: layout is synchronous and only needs a raster's format
 * and pixel size (sharp, which decodes everything else, has no synchronous API). PNG and
 * JPEG only: they are what logos and photos come as, and what print shops accept.
 * Returns undefined for anything that is not a well-formed header of one of those.
 */

export interface ImageHeader {
  format: 'png' | 'jpeg';
  /** Pixel size as displayed: EXIF orientations 5–8 (a quarter turn) swap the stored sides. */
  width: number;
  height: number;
  /** EXIF orientation (JPEG), 1 when absent. */
  orientation: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngHeader(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegHeader(bytes);
  return undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The IHDR chunk must come first (PNG §5.6). */
function pngHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes.length < 33) return undefined;
  const dv = view(bytes);
  if (dv.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const width = dv.getUint32(16);
  const height = dv.getUint32(20);
  if (width === 0 || height === 0) return undefined;
  return { format: 'png', width, height, orientation: 1 };
}

/** Walks the marker segments up to the first SOFn frame header, noting an EXIF orientation. */
function jpegHeader(bytes: Uint8Array): ImageHeader | undefined {
  const dv = view(bytes);
  let orientation = 1;
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) return undefined;
    const marker = bytes[p + 1]!;
    if (marker === 0xff) {
      p += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    const length = dv.getUint16(p + 2);
    if (length < 2 || p + 2 + length > bytes.length) return undefined;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (length < 8) return undefined;
      const height = dv.getUint16(p + 5);
      const width = dv.getUint16(p + 7);
      if (width === 0 || height === 0) return undefined;
      const turned = orientation >= 5 && orientation <= 8;
      return { format: 'jpeg', width: turned ? height : width, height: turned ? width : height, orientation };
    }
    if (marker === 0xe1) orientation = exifOrientation(bytes.subarray(p + 4, p + 2 + length)) ?? orientation;
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data before any frame header
    p += 2 + length;
  }
  return undefined;
}

/** Tag 0x0112 of IFD0 in an APP1 "Exif\0\0" segment (TIFF, either byte order). */
function exifOrientation(seg: Uint8Array): number | undefined {
  if (seg.length < 14 || String.fromCharCode(...seg.subarray(0, 4)) !== 'Exif') return undefined;
  const tiff = seg.subarray(6);
  const dv = view(tiff);
  const little = tiff[0] === 0x49;
  if (!little && tiff[0] !== 0x4d) return undefined;
  const ifd = dv.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const count = dv.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > tiff.length) return undefined;
    if (dv.getUint16(e, little) === 0x0112) {
      const v = dv.getUint16(e + 8, little);
      return v >= 1 && v <= 8 ? v : undefined;
    }
  }
  return undefined;
}
