/**
 * Reads a print-flavour PDF with pdf-lib's parser (never our writer): page boxes, the decoded
 * content stream, its operators, Info and catalog entries.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';

export type Box = [number, number, number, number];

export interface PrintPage {
  media: Box;
  bleed?: Box;
  trim?: Box;
  art?: Box;
  content: string;
}

export async function readPrintPdf(bytes: Uint8Array): Promise<{ doc: PDFDocument; pages: PrintPage[]; header: string }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  const pages = doc.getPages().map((p): PrintPage => {
    const box = (name: string): Box | undefined => {
      const a = p.node.lookupMaybe(PDFName.of(name), PDFArray);
      return a ? (a.asArray().map((n) => (n as PDFNumber).asNumber()) as Box) : undefined;
    };
    const contents = p.node.get(PDFName.of('Contents'));
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    const content = streams
      .map((r) => {
        const s = doc.context.lookup(r as PDFRef);
        return s instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()) : '';
      })
      .join('\n');
    return { media: box('MediaBox')!, bleed: box('BleedBox'), trim: box('TrimBox'), art: box('ArtBox'), content };
  });
  return { doc, pages, header };
}

export function infoDict(doc: PDFDocument): PDFDict {
  return doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
}

/** Content-stream lines (our writer puts one operator per line) that are not inside strings. */
export function operators(content: string): string[] {
  return content.split('\n').map((l) => l.trim()).filter(Boolean);
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  stroke: string;
}

/**
 * Stroked straight segments (`x y m` `x y l` … `S`) with the line width and stroking colour
 * in force, following q/Q. Coordinates in PDF user space.
 */
export function strokedSegments(content: string): Line[] {
  const out: Line[] = [];
  let state = { width: 1, stroke: '0 G' };
  const stack: (typeof state)[] = [];
  let pending: { x1: number; y1: number; x2: number; y2: number }[] = [];
  let cur: [number, number] | undefined;
  for (const op of operators(content)) {
    const parts = op.split(/\s+/);
    const name = parts.at(-1)!;
    const nums = parts.slice(0, -1).map(Number);
    if (name === 'q') stack.push({ ...state });
    else if (name === 'Q') state = stack.pop() ?? state;
    else if (name === 'w') state.width = nums[0]!;
    else if (name === 'K' || name === 'RG' || name === 'G') state.stroke = op;
    else if (name === 'm') cur = [nums[0]!, nums[1]!];
    else if (name === 'l' && cur) {
      pending.push({ x1: cur[0], y1: cur[1], x2: nums[0]!, y2: nums[1]! });
      cur = [nums[0]!, nums[1]!];
    } else if (name === 'S') {
      out.push(...pending.map((s) => ({ ...s, width: state.width, stroke: state.stroke })));
      pending = [];
    } else if (['f', 'f*', 'B', 'B*', 'n', 'b', 'b*'].includes(name)) pending = [];
  }
  return out;
}
