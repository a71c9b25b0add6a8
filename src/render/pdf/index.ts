/** PDF backend: the display list to PDF bytes (the only place pdf-lib is used). */
export { renderPdf, PRODUCER, type RenderPdfOptions } from './document.js';
