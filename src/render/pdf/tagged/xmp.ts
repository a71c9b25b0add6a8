/**
 * XMP metadata (ISO 16684-1) as PDF/UA-1 §7.1 wants it: dc:title (non-empty), the PDF/UA
 * identification pdfuaid:part = 1, plus dc:language and the same producer and dates as the
 * Info dictionary — the document's own date, so rebuilds are byte-identical. Uncompressed, so
 * that tools which scan files for XMP packets find it.
 */
import { PDFName, type PDFDocument } from 'pdf-lib';
import type { DocumentMeta } from '../../../layout/display-list.js';
import { PRODUCER } from '../document.js';

export function xmpPacket(meta: DocumentMeta): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const creator = meta.author
    ? `\n   <dc:creator><rdf:Seq><rdf:li>${esc(meta.author)}</rdf:li></rdf:Seq></dc:creator>`
    : '';
  return `<?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>${esc(meta.lang)}</rdf:li></rdf:Bag></dc:language>${creator}
   <pdf:Producer>${PRODUCER}</pdf:Producer>
   <xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
}

export function writeXmp(pdf: PDFDocument, meta: DocumentMeta): void {
  const { context } = pdf;
  const bytes = new TextEncoder().encode(xmpPacket(meta));
  const stream = context.stream(bytes, { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), context.register(stream));
}

/**
 * Text as XML character data. Characters XML 1.0 does not allow at all (C0 controls other than
 * tab and line breaks, unpaired surrogates, U+FFFE/U+FFFF) cannot even be escaped, and one of
 * them would make the whole packet unreadable, so they are dropped.
 */
function esc(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
