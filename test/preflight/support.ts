/** PDFs built directly with pdf-lib (not our renderer) for the preflight tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFPage,
  PDFString,
  cmyk,
  closePath,
  concatTransformationMatrix,
  drawObject,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingCmykColor,
  setLineWidth,
  setStrokingCmykColor,
  stroke,
} from 'pdf-lib';

export const MM = 72 / 25.4;
const FONT = fileURLToPath(new URL('../../node_modules/@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf', import.meta.url));

export interface PrintPage {
  page: PDFPage;
  doc: PDFDocument;
  /** Trim box origin and size in pt. */
  trim: { x: number; y: number; w: number; h: number };
}

/**
 * A PDF/X-1a-like document: A6 trim with 3 mm bleed and 15 mm slug, registration marks outside
 * the trim, CMYK artwork, an embedded subset font with K100 text, OutputIntent, Info keys,
 * trailer ID, no object streams, header patched to %PDF-1.3. `draw` adds more to the page.
 */
export async function compliantPdf(draw?: (p: PrintPage & { font: import('pdf-lib').PDFFont }) => void, options: { bleedMm?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(FONT), { subset: true, customName: 'ABCDEF+BIZUDPGothic-Regular' });
  const slug = 15 * MM;
  const bleed = (options.bleedMm ?? 3) * MM;
  const tw = 105 * MM;
  const th = 148 * MM;
  const page = doc.addPage([tw + 2 * slug, th + 2 * slug]);
  page.setTrimBox(slug, slug, tw, th);
  page.setArtBox(slug, slug, tw, th);
  page.setBleedBox(slug - bleed, slug - bleed, tw + 2 * bleed, th + 2 * bleed);
  // Artwork: a C0 M50 Y100 K0 area bled to the bleed box, and K100 text.
  page.pushOperators(setFillingCmykColor(0, 0.5, 1, 0), rectangle(slug - bleed, slug - bleed, tw + 2 * bleed, 40 * MM), fill());
  page.drawText('ABC', { x: slug + 10 * MM, y: slug + 100 * MM, size: 12, font, color: cmyk(0, 0, 0, 1) });
  // Registration marks: 0.1 pt lines outside the trim at the bottom-left corner.
  page.pushOperators(
    pushGraphicsState(),
    setStrokingCmykColor(1, 1, 1, 1),
    setLineWidth(0.1),
    moveTo(slug, slug - bleed),
    lineTo(slug, slug - bleed - 10 * MM),
    moveTo(slug - bleed, slug),
    lineTo(slug - bleed - 10 * MM, slug),
    stroke(),
    popGraphicsState(),
  );
  draw?.({ page, doc, font, trim: { x: slug, y: slug, w: tw, h: th } });
  markPdfX(doc);
  return patchHeader(await doc.save({ useObjectStreams: false }), '1.3');
}

/** OutputIntent, GTS_PDFXVersion, Trapped, Title and trailer ID. */
export function markPdfX(doc: PDFDocument): void {
  const ctx = doc.context;
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of('JC200103'),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of('Japan Color 2001 Coated'),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
  doc.setTitle('Preflight test');
  const info = ctx.lookup(ctx.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-1a:2001'));
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  const id = PDFHexString.of('0123456789abcdef0123456789abcdef');
  ctx.trailerInfo.ID = ctx.obj([id, id]);
}

/** Rewrites the version in "%PDF-1.7" in place (same length, so offsets stay right). */
export function patchHeader(bytes: Uint8Array, version: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const head = Buffer.from(out.subarray(0, 8)).toString('latin1');
  if (!/^%PDF-\d\.\d$/.test(head)) throw new Error(`unexpected header ${head}`);
  out.set(Buffer.from(`%PDF-${version}`, 'latin1'), 0);
  return out;
}

/** A CMYK image XObject of w×h pixels drawn into the given rectangle (pt). */
export function placeCmykImage(p: PrintPage, name: string, px: { w: number; h: number }, at: { x: number; y: number; w: number; h: number }): void {
  const ctx = p.doc.context;
  const data = new Uint8Array(px.w * px.h * 4).fill(64);
  const image = ctx.stream(data, { Type: 'XObject', Subtype: 'Image', Width: px.w, Height: px.h, ColorSpace: 'DeviceCMYK', BitsPerComponent: 8 });
  p.page.node.setXObject(PDFName.of(name), ctx.register(image));
  p.page.pushOperators(pushGraphicsState(), concatTransformationMatrix(at.w, 0, 0, at.h, at.x, at.y), drawObject(name), popGraphicsState());
}

export { closePath, fill, lineTo, moveTo, rectangle, setFillingCmykColor, setLineWidth, setStrokingCmykColor, stroke, pushGraphicsState, popGraphicsState };
