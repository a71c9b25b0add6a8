/**
 * Opening ANY PDF for a preflight (print or web): the header's version, then pdf-lib's object
 * model, used as a reader only. Both preflights fail the same way on bytes that are no PDF.
 */
import { PDFDocument } from 'pdf-lib';

/** Thrown when the bytes are not a PDF that can be read at all. */
export class UnreadablePdfError extends Error {}

export interface PdfVersion {
  major: number;
  minor: number;
  /** As written in the header, e.g. "1.7". */
  text: string;
}

export async function openPdf(bytes: Uint8Array): Promise<{ doc: PDFDocument; version: PdfVersion }> {
  // Readers (Acrobat first) accept the header anywhere in the first 1024 bytes, after stray bytes.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /%PDF-(\d+)\.(\d+)/.exec(head);
  if (!m) throw new UnreadablePdfError('no %PDF- header');
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return { doc, version: { major: Number(m[1]), minor: Number(m[2]), text: `${m[1]}.${m[2]}` } };
  } catch (e) {
    throw new UnreadablePdfError(e instanceof Error ? e.message : String(e));
  }
}
