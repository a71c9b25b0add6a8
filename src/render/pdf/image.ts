/**
 * Raster images in the PDF: one Image XObject per distinct file per document (named /Im1,
 * /Im2… in order of first use, so names are stable), drawn with `q w 0 0 h x y cm /ImN Do Q`
 * and clipped to the element's box when object-fit: cover overflows it.
 */
import type { PDFContext, PDFRef } from 'pdf-lib';
import { encodeImage, type EncodedImage, type ImageFlavour } from '../../images/encode.js';
import type { DisplayDocument, ImageItem } from '../../layout/display-list.js';
import { num } from './pdf-number.js';

export interface PreparedImage {
  name: string;
  hash: string;
  data: EncodedImage;
}

/** Every distinct image of the document, encoded for the flavour; keyed by content hash. */
export async function prepareImages(doc: DisplayDocument, flavour: ImageFlavour): Promise<Map<string, PreparedImage>> {
  const firstUse = new Map<string, ImageItem>();
  for (const page of doc.pages) {
    for (const item of page.items) if (item.kind === 'image' && !firstUse.has(item.source.hash)) firstUse.set(item.source.hash, item);
  }
  const entries = await Promise.all(
    [...firstUse.values()].map(async (item, i): Promise<[string, PreparedImage]> => [
      item.source.hash,
      { name: `Im${i + 1}`, hash: item.source.hash, data: await encodeImage(item.source, flavour, item.origin) },
    ]),
  );
  return new Map(entries);
}

/** The XObjects, registered in the document; resource name → reference. */
export function embedImages(context: PDFContext, images: Map<string, PreparedImage>): Map<string, PDFRef> {
  const refs = new Map<string, PDFRef>();
  for (const { name, data } of images.values()) {
    const dict: Record<string, unknown> = {
      Type: 'XObject',
      Subtype: 'Image',
      Width: data.width,
      Height: data.height,
      ColorSpace: data.colorSpace,
      BitsPerComponent: 8,
      Filter: data.filter,
    };
    if (data.decode) dict.Decode = data.decode;
    if (data.smask) {
      const mask = { Type: 'XObject', Subtype: 'Image', Width: data.width, Height: data.height, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode' };
      dict.SMask = context.register(context.stream(data.smask, mask));
    }
    // context.stream sets /Length; the bytes are already compressed by /Filter.
    refs.set(name, context.register(context.stream(data.bytes, dict as never)));
  }
  return refs;
}

/** Operators drawing the image: clip (if any), then the unit square mapped onto its rect. */
export function imageOps(item: ImageItem, name: string, pageHeight: number): string {
  const ops = ['q'];
  if (item.clip) {
    const c = item.clip;
    ops.push(`${num(c.x)} ${num(pageHeight - c.y - c.height)} ${num(c.width)} ${num(c.height)} re W n`);
  }
  const bottom = pageHeight - item.y - item.height;
  // A half-turned image maps the unit square the other way round: (1,1) at the rect's origin.
  if (item.rotation === 180) ops.push(`${num(-item.width)} 0 0 ${num(-item.height)} ${num(item.x + item.width)} ${num(bottom + item.height)} cm`);
  else ops.push(`${num(item.width)} 0 0 ${num(item.height)} ${num(item.x)} ${num(bottom)} cm`);
  ops.push(`/${name} Do`, 'Q');
  return ops.join('\n');
}
