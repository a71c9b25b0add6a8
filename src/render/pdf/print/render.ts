/**
 * The print flavour of a document (入稿用, `<name>.print.pdf`): the same display list with
 * backgrounds extended into the bleed (layout/bleed.ts), every colour in DeviceCMYK
 * (cmyk.ts), 日本式トンボ (marks.ts), exact page boxes and the PDF/X-1a:2001 keys (pdfx.ts).
 *
 * Page geometry: the trim keeps the display list's coordinates, [0 0 W H] in PDF user space,
 * so the content stream is the plain one (bar colours) and nothing is translated:
 *   MediaBox = [−s −s W+s H+s] with s = 1 in (gentombow's sheet: trim + 1 in per side),
 *   BleedBox = [−b −b W+b H+b], TrimBox = ArtBox = [0 0 W H].
 */
import { PDFName, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import { applyBleed, printSetupOf, type PrintSetup } from '../../../layout/bleed.js';
import type { DisplayDocument, DisplayPage } from '../../../layout/display-list.js';
import { renderPdf, type RenderPdfOptions } from '../document.js';
import { mmToPt } from '../../../units.js';
import { round } from '../pdf-number.js';
import { cmykDocument } from './cmyk.js';
import { checkImageResolution } from './image-resolution.js';
import { marksOps } from './marks.js';
import { outlineText } from './outline.js';
import { setPdfVersion13, writePdfX } from './pdfx.js';
import { applyRichBlack } from './rich-black.js';

/** Room for the marks on each side of the trim: 1 in, as gentombow (≥ b + 10 mm for b ≤ 15 mm). */
export const SHEET_MARGIN = 72;

export interface RenderPrintOptions extends RenderPdfOptions {
  /** Overrides of the template's @page bleed/marks (default 3 mm, crop cross). */
  setup?: Partial<PrintSetup>;
  /** Safe-area and ink warnings (print/ink-limit, print/registration-colour) go here. */
  diagnostics?: DiagnosticBag;
  /** File named by warnings for items without an origin. */
  file?: string;
  /** Text as vector paths, no fonts (`--outline-text`, outline.ts); default: live text. */
  outlineText?: boolean;
}

export interface PageBoxes {
  media: [number, number, number, number];
  bleed: [number, number, number, number];
  trim: [number, number, number, number];
}

/** The boxes of one page, in PDF user space (trim at the origin), rounded as written. */
export function pageBoxes(width: number, height: number, bleed: number): PageBoxes {
  const w = round(width);
  const h = round(height);
  const b = round(bleed);
  const s = Math.max(SHEET_MARGIN, round(bleed + mmToPt(10) + mmToPt(3)));
  return { media: [-s, -s, round(w + s), round(h + s)], bleed: [-b, -b, round(w + b), round(h + b)], trim: [0, 0, w, h] };
}

export async function renderPrintPdf(doc: DisplayDocument, options: RenderPrintOptions = {}): Promise<Uint8Array> {
  const setup = printSetupOf(doc, options.setup);
  const bleedOptions = { ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}), ...(options.file ? { file: options.file } : {}) };
  // Rich black before outlining: outlined glyphs are paths, and text must stay K100.
  const cmyk = applyRichBlack(cmykDocument(applyBleed(doc, setup, bleedOptions), bleedOptions), setup.richBlack);
  const printable = options.outlineText ? outlineText(cmyk) : cmyk;
  if (options.diagnostics) checkImageResolution(printable, options.diagnostics, options.file);
  const renderOptions: RenderPdfOptions = options.id === undefined ? {} : { id: options.id };
  const bytes = await renderPdf(printable, renderOptions, {
    pageExtra: (page: DisplayPage) => marksOps(page.width, page.height, setup.bleed, setup.marks),
    pageBoxes: (pdfPage: PDFPage, page: DisplayPage) => {
      const boxes = pageBoxes(page.width, page.height, setup.bleed);
      const { context } = pdfPage.doc;
      pdfPage.node.set(PDFName.of('MediaBox'), context.obj(boxes.media));
      pdfPage.node.set(PDFName.of('BleedBox'), context.obj(boxes.bleed));
      pdfPage.node.set(PDFName.of('TrimBox'), context.obj(boxes.trim));
      pdfPage.node.set(PDFName.of('ArtBox'), context.obj(boxes.trim));
    },
    document: (pdf: PDFDocument) => writePdfX(pdf),
    // PDF/X-1a: images as CMYK JPEG, flattened on white (no soft masks).
    imageFlavour: 'print',
  });
  return setPdfVersion13(bytes);
}
