/**
 * The print flavour of every product (入稿用): `<name>.print.pdf` beside `<name>.pdf`, made
 * from the same display list (layout runs once) with bleed, marks, CMYK and PDF/X-1a keys.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { renderPrintPdf } from '../render/pdf/print/index.js';

/** poster-a4.pdf → poster-a4.print.pdf */
export function printFileName(output: string): string {
  return output.replace(/(\.pdf)?$/i, '.print.pdf');
}

export function renderPrintFlavour(display: DisplayDocument, id: string, bag: DiagnosticBag): Promise<Uint8Array> {
  return renderPrintPdf(display, { id, diagnostics: bag });
}
