/** The print flavour of the PDF backend (入稿用 PDF/X-1a:2001 with bleed and 日本式トンボ). */
export { renderPrintPdf, pageBoxes, SHEET_MARGIN, type RenderPrintOptions, type PageBoxes } from './render.js';
export { toCmyk, cmykDocument, INK_LIMIT, type InkAdjustment, type CmykDocumentOptions } from './cmyk.js';
export { cornerMarks, centreMarks, marksOps, MARK_LENGTH, CENTRE_LENGTH, MARK_WIDTH, REGISTRATION } from './marks.js';
export { OUTPUT_CONDITION } from './pdfx.js';
export { outlineText } from './outline.js';
export { applyRichBlack, isLargeBlackFill, RICH_BLACK_MIN_AREA, RICH_BLACK_MIN_WIDTH } from './rich-black.js';
