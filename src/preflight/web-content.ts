/**
 * Marked content of one page, as the web preflight reads it: which painting operators lie
 * outside any marked-content sequence that is an Artifact or has an MCID (PDF/UA-1 §7.1:
 * content is either tagged or an artifact), and which MCIDs the page uses.
 */
import { PDFName, PDFNumber, type PDFDict, type PDFDocument } from 'pdf-lib';
import { lexContent, type Operand, type Operation } from './content-lexer.js';
import { arrayOf, dictOf, get, streamBytes } from './web-pdf.js';

/** Operators that put something on the page. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI', 'EI']);

export interface PageMarking {
  /** Painting operators outside tagged or artifact content (first few). */
  unmarked: Operation[];
  unmarkedCount: number;
  /** MCIDs found on the page. */
  mcids: Set<number>;
  /** Set when the stream could not be read. */
  error?: string;
}

function pageContentBytes(doc: PDFDocument, page: PDFDict): Uint8Array {
  const parts = arrayOf(doc, page.get(PDFName.of('Contents'))).map((s) => streamBytes(doc, s) ?? new Uint8Array());
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 0x0a; // streams of one page are one content, separated by white space
    at += p.length + 1;
  }
  return out;
}

export function scanPage(doc: PDFDocument, page: PDFDict): PageMarking {
  const result: PageMarking = { unmarked: [], unmarkedCount: 0, mcids: new Set() };
  let ops: Operation[];
  try {
    ops = lexContent(pageContentBytes(doc, page));
  } catch (e) {
    return { ...result, error: e instanceof Error ? e.message : String(e) };
  }
  const properties = dictOf(doc, get(doc, dictOf(doc, page.get(PDFName.of('Resources'))), 'Properties'));
  // Each open sequence: does it (or an enclosing one) make its content tagged or an artifact?
  const stack: boolean[] = [];
  for (const op of ops) {
    if (op.op === 'BMC') stack.push((stack.at(-1) ?? false) || nameOperand(op.operands[0]) === 'Artifact');
    else if (op.op === 'BDC') {
      const tag = nameOperand(op.operands[0]);
      const props = propsOf(op.operands[1], properties, doc);
      const mcid = props.get('MCID');
      if (mcid?.kind === 'number') result.mcids.add(mcid.value);
      stack.push((stack.at(-1) ?? false) || tag === 'Artifact' || mcid?.kind === 'number');
    } else if (op.op === 'EMC') stack.pop();
    else if (PAINTING.has(op.op) && !(stack.at(-1) ?? false)) {
      result.unmarkedCount++;
      if (result.unmarked.length < 3) result.unmarked.push(op);
    }
  }
  return result;
}

function nameOperand(o: Operand | undefined): string | undefined {
  return o?.kind === 'name' ? o.value : undefined;
}

/** Inline property list, or a name looked up in the page's /Properties. */
function propsOf(o: Operand | undefined, properties: PDFDict | undefined, doc: PDFDocument): Map<string, Operand> {
  if (o?.kind === 'dict') return o.entries;
  const named = o?.kind === 'name' ? dictOf(doc, get(doc, properties, o.value)) : undefined;
  const out = new Map<string, Operand>();
  const mcid = named?.get(PDFName.of('MCID'));
  if (mcid instanceof PDFNumber) out.set('MCID', { kind: 'number', value: mcid.asNumber() });
  return out;
}
