/**
 * Loads PDFs with pdf.js (legacy build for Node 20) — an independent reader, so tests never
 * check our PDF output with our own code. Font faces are disabled: pdf.js then draws glyphs
 * from the embedded font program itself, which is what catches broken subsets.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    // pdf.js transfers (detaches) the buffer it is given; keep the caller's bytes intact.
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: true,
    isEvalSupported: false,
    // Node reads these with fs, so plain paths with a trailing slash.
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    verbosity: 0,
  }).promise;
}
