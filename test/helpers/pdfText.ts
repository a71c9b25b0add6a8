/**
 * Text, positions and fonts of a PDF as pdf.js sees them, in the display list's coordinates
 * (points, origin top-left, y down) so tests compare directly against what layout produced.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdf } from './pdfjs.js';

export interface PdfTextItem {
  str: string;
  /** Start of the item's baseline, top-left origin. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** pdf.js' loaded font name (a key of `fonts`). */
  fontName: string;
}

export interface PdfFontInfo {
  loadedName: string;
  /** The font's name as in the PDF, e.g. "ABCDEF+BIZUDPGothic-Regular". */
  name: string;
  /** False when pdf.js fell back to a substitute (the embedded program was unusable). */
  embedded: boolean;
  missingFile: boolean;
}

export interface PdfPageText {
  /** [width, height] in points, from the page's view box. */
  size: [number, number];
  items: PdfTextItem[];
  /** Every item's str joined (pdf.js' own spacing and EOLs kept). */
  text: string;
  fonts: PdfFontInfo[];
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfPageText[]> {
  const doc = await loadPdf(bytes);
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const height = y1 - y0;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      let text = '';
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const it = raw as TextItem;
        text += it.str + (it.hasEOL ? '\n' : '');
        if (it.str === '') continue;
        items.push({
          str: it.str,
          x: it.transform[4] - x0,
          y: height - (it.transform[5] - y0),
          width: it.width,
          height: it.height,
          fontName: it.fontName,
        });
      }
      // Font objects only exist once the page's operator list has been built.
      await page.getOperatorList();
      const fonts: PdfFontInfo[] = [];
      for (const loadedName of new Set(items.map((i) => i.fontName))) {
        const f = page.commonObjs.get(loadedName) as {
          name?: string;
          missingFile?: boolean;
          fallbackName?: string;
        };
        fonts.push({
          loadedName,
          name: f.name ?? '',
          missingFile: !!f.missingFile,
          embedded: !f.missingFile,
        });
      }
      pages.push({ size: [x1 - x0, height], items, text, fonts });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
