/**
 * Writes a subset font as a Type0 / CIDFontType2 font with Identity-H encoding and
 * CIDToGIDMap Identity: the two-byte codes in our content streams are subset glyph ids.
 * We build the objects ourselves because pdf-lib's embedFont maps missing glyphs to .notdef,
 * ignores GPOS and (with @pdf-lib/fontkit) corrupts Japanese subsets.
 */
import { PDFArray, PDFContext, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { FontFace } from '../../fonts/registry.js';
import { deflate } from './compress.js';
import type { SubsetFont } from './font-subset.js';
import { round } from './pdf-number.js';
import { buildToUnicodeCMap } from './tounicode.js';

/**
 * What embedding a subset computes that depends on the subset alone: the Flate-compressed
 * FontFile2 and ToUnicode bytes and the /W entries. Subsets are memoised per (face, glyph set)
 * (subset-cache.ts), so the plain and print flavours — and repeated builds — share one entry and
 * compress each font once (with zlib, compress.ts). The bytes do not depend on the cache, so
 * the files are the same byte for byte as without it.
 */
interface EmbedParts {
  fontFile: Uint8Array;
  toUnicode: Uint8Array;
  dw: number;
  w: WEntry[];
}
const partsCache = new WeakMap<SubsetFont, EmbedParts>();

function embedParts(font: SubsetFont): EmbedParts {
  let parts = partsCache.get(font);
  if (!parts) {
    const { dw, w } = widthArray(font.widths);
    parts = { fontFile: deflate(font.bytes), toUnicode: deflate(buildToUnicodeCMap(font.unicode)), dw, w };
    partsCache.set(font, parts);
  }
  return parts;
}

export function embedSubsetFont(context: PDFContext, font: SubsetFont): PDFRef {
  const parts = embedParts(font);
  const { face } = font;
  const scale = 1000 / face.unitsPerEm;
  const s = (v: number) => round(v * scale);
  const fk = face.font;
  const bbox = fk.bbox;

  // = context.flateStream(font.bytes, { Length1 }) with the deflate done once per subset.
  const fontFile = context.stream(parts.fontFile, { Length1: font.bytes.length, Filter: 'FlateDecode' });
  const fontFileRef = context.register(fontFile);

  const descriptorRef = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: font.baseFont,
      Flags: fontFlags(face),
      FontBBox: [s(bbox.minX), s(bbox.minY), s(bbox.maxX), s(bbox.maxY)],
      ItalicAngle: fk.italicAngle,
      Ascent: s(face.ascender),
      Descent: s(face.descender),
      // OS/2 sCapHeight may be 0 in old fonts; the ascender is the usual stand-in.
      CapHeight: s(fk.capHeight || face.ascender),
      StemV: stemV(fk['OS/2']?.usWeightClass ?? face.weight),
      FontFile2: fontFileRef,
    }),
  );

  const { dw, w } = parts;
  const cidFontRef = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: font.baseFont,
      // context.obj turns JS strings into names; Registry and Ordering are literal strings.
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptorRef,
      DW: dw,
      W: toPdfArray(context, w),
      CIDToGIDMap: 'Identity',
    }),
  );

  const toUnicodeRef = context.register(context.stream(parts.toUnicode, { Filter: 'FlateDecode' }));

  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: font.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFontRef],
      ToUnicode: toUnicodeRef,
    }),
  );
}

/** FontDescriptor /Flags (PDF 32000-1 Table 123). */
function fontFlags(face: FontFace): number {
  const os2 = face.font['OS/2'];
  const post = (face.font as unknown as { post?: { isFixedPitch?: number } }).post;
  const panose = os2?.panose ?? [];
  const familyClass = (os2?.sFamilyClass ?? 0) >> 8;
  // PANOSE Latin Text (2) with serif styles 2–10, or an IBM serif family class 1–7.
  const serif = (panose[0] === 2 && panose[1]! >= 2 && panose[1]! <= 10) || (familyClass >= 1 && familyClass <= 7);
  let flags = 0;
  if (post?.isFixedPitch) flags |= 1 << 0;
  if (serif) flags |= 1 << 1;
  // Symbolic: the glyphs are outside the standard Latin character set (all CJK fonts).
  flags |= 1 << 2;
  if (familyClass === 10) flags |= 1 << 3; // script
  if (os2?.fsSelection?.italic || face.font.italicAngle !== 0) flags |= 1 << 6;
  return flags;
}

/** TrueType has no StemV; the usual estimate from the weight class (as Ghostscript). */
function stemV(weightClass: number): number {
  return Math.round(50 + (weightClass / 65) ** 2);
}

type WEntry = number | number[];

/**
 * A compact /W: the most common integer width becomes /DW and is left out; runs of three or more
 * equal widths use `first last w`, the rest `first [w1 w2 …]`.
 */
export function widthArray(widths: ReadonlyMap<number, number>): { dw: number; w: WEntry[] } {
  const counts = new Map<number, number>();
  for (const v of widths.values()) counts.set(v, (counts.get(v) ?? 0) + 1);
  let dw = 1000;
  let best = -1;
  for (const [v, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    // /DW is an integer (PDF 32000-1 Table 117); poppler ignores a real one and uses 1000.
    if (c > best && Number.isInteger(v)) [dw, best] = [v, c];
  }
  const cids = [...widths.keys()].filter((c) => widths.get(c) !== dw).sort((a, b) => a - b);
  const w: WEntry[] = [];
  let i = 0;
  while (i < cids.length) {
    // A stretch of consecutive CIDs.
    let j = i;
    while (j + 1 < cids.length && cids[j + 1] === cids[j]! + 1) j++;
    let list: number[] = [];
    let listStart = cids[i]!;
    for (let k = i; k <= j; ) {
      const v = widths.get(cids[k]!)!;
      let r = k;
      while (r + 1 <= j && widths.get(cids[r + 1]!) === v) r++;
      if (r - k >= 2) {
        if (list.length) w.push(listStart, list);
        w.push(cids[k]!, cids[r]!, v);
        list = [];
        listStart = cids[r + 1] ?? 0;
      } else {
        for (let q = k; q <= r; q++) list.push(v);
      }
      k = r + 1;
    }
    if (list.length) w.push(listStart, list);
    i = j + 1;
  }
  return { dw, w };
}

function toPdfArray(context: PDFContext, entries: readonly WEntry[]): PDFArray {
  const arr = PDFArray.withContext(context);
  for (const e of entries) {
    if (typeof e === 'number') arr.push(PDFNumber.of(e));
    else arr.push(context.obj(e));
  }
  return arr;
}
