/**
 * The web flavour of every product (掲載用): `<name>.web.pdf` beside `<name>.pdf`, made from
 * the same display list (layout runs once): trim size, RGB, live text, tagged to PDF/UA-1
 * (render/pdf/tagged/) for publishing on a municipal website (JIS X 8341-3).
 */
import type { DisplayDocument } from '../layout/display-list.js';
import { renderTaggedPdf } from '../render/pdf/tagged/index.js';

/** policy.pdf → policy.web.pdf */
export function webFileName(output: string): string {
  return output.replace(/(\.pdf)?$/i, '.web.pdf');
}

export function renderWebFlavour(display: DisplayDocument, id: string): Promise<Uint8Array> {
  return renderTaggedPdf(display, { id });
}
