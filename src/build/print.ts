/**
 * The print flavour of every product (入稿用): `<name>.print.pdf` beside `<name>.pdf`, made
 * from the same display list (layout runs once) with bleed, marks, CMYK and PDF/X-1a keys.
 * With `--outline-text` also `<name>.print-outlined.pdf`: the same print file with every glyph
 * as a vector path and no fonts, for shops that demand outlined text; the .print.pdf keeps
 * its text live either way.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { renderPrintPdf } from '../render/pdf/print/index.js';

/** poster-a4.pdf → poster-a4.print.pdf */
export function printFileName(output: string): string {
  return output.replace(/(\.pdf)?$/i, '.print.pdf');
}

/** poster-a4.pdf → poster-a4.print-outlined.pdf */
export function outlinedFileName(output: string): string {
  return output.replace(/(\.pdf)?$/i, '.print-outlined.pdf');
}

export function renderPrintFlavour(display: DisplayDocument, id: string, bag: DiagnosticBag): Promise<Uint8Array> {
  return renderPrintPdf(display, { id, diagnostics: bag });
}

/**
 * The outlined print file. Its warnings are those of the print flavour, which the build
 * renders too and reports; so none are collected here.
 */
export function renderOutlinedFlavour(display: DisplayDocument, id: string): Promise<Uint8Array> {
  return renderPrintPdf(display, { id, outlineText: true });
}
