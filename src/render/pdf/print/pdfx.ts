/**
 * The PDF/X-1a:2001 keys we write (ISO 15930-1). What the rest of the print flavour
 * guarantees: DeviceCMYK only (cmyk.ts), no transparency (we never write ExtGState, soft
 * masks or blend modes), all fonts embedded (font-embed.ts), no encryption, no LZW, no object
 * streams (document.ts saves a classic xref table), TrimBox and BleedBox on every page.
 */
import { PDFDict, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/** Japan Color 2001 Coated, a condition registered at the ICC registry (print.md: de-facto standard). */
export const OUTPUT_CONDITION = {
  identifier: 'JC200103',
  registry: 'http://www.color.org',
  info: 'Japan Color 2001 Coated',
} as const;

export function writePdfX(pdf: PDFDocument): void {
  const { context } = pdf;

  // No ICC profile is embedded (no /DestOutputProfile): for a characterised printing
  // condition registered at the ICC registry, /OutputConditionIdentifier naming it together
  // with /RegistryName is sufficient in PDF/X-1a.
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION.identifier),
    RegistryName: PDFString.of(OUTPUT_CONDITION.registry),
    Info: PDFString.of(OUTPUT_CONDITION.info),
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));

  const info = context.lookup(context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-1:2001'));
  info.set(PDFName.of('GTS_PDFXConformance'), PDFString.of('PDF/X-1a:2001'));
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
}

/**
 * PDF/X-1a:2001 is based on PDF 1.3. pdf-lib 1.17 always writes `%PDF-1.7` (its writer
 * ignores context.header), so the version digit is patched in the saved bytes: same length,
 * so no offset in the xref table moves.
 */
export function setPdfVersion13(bytes: Uint8Array): Uint8Array {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (!/^%PDF-1\.\d$/.test(head)) throw new Error(`renderPrintPdf: unexpected PDF header ${JSON.stringify(head)}`);
  const out = bytes.slice();
  out[7] = 0x33; // '3'
  return out;
}
