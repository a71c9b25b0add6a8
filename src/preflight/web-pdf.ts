/**
 * Small readers over pdf-lib's object model shared by the web preflight's rules: names,
 * strings, number trees, content streams. pdf-lib is used as a READER only (as in print.ts).
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFDocument,
} from 'pdf-lib';

export const name = (o: PDFObject | undefined): string | undefined => (o instanceof PDFName ? o.decodeText() : undefined);
export const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
export const number = (o: PDFObject | undefined): number | undefined => (o instanceof PDFNumber ? o.asNumber() : undefined);

export function deref(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

export function dictOf(doc: PDFDocument, o: PDFObject | undefined): PDFDict | undefined {
  const v = deref(doc, o);
  if (v instanceof PDFDict) return v;
  return v instanceof PDFStream ? v.dict : undefined;
}

export function get(doc: PDFDocument, dict: PDFDict | undefined, key: string): PDFObject | undefined {
  return dict ? deref(doc, dict.get(PDFName.of(key))) : undefined;
}

export function arrayOf(doc: PDFDocument, o: PDFObject | undefined): PDFObject[] {
  const v = deref(doc, o);
  return v instanceof PDFArray ? v.asArray() : v === undefined ? [] : [v];
}

export function streamBytes(doc: PDFDocument, o: PDFObject | undefined): Uint8Array | undefined {
  const v = deref(doc, o);
  if (v instanceof PDFRawStream) return decodePDFRawStream(v).decode();
  return undefined;
}

/** All (key, value) pairs of a number tree (§7.9.7), leaves in order. */
export function numberTree(doc: PDFDocument, root: PDFDict | undefined, depth = 0): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  if (!root || depth > 32) return out;
  const nums = arrayOf(doc, root.get(PDFName.of('Nums')));
  for (let i = 0; i + 1 < nums.length; i += 2) {
    const key = number(nums[i]);
    if (key !== undefined) out.set(key, nums[i + 1]!);
  }
  for (const kid of arrayOf(doc, root.get(PDFName.of('Kids')))) {
    for (const [k, v] of numberTree(doc, dictOf(doc, kid), depth + 1)) out.set(k, v);
  }
  return out;
}

/** Resolves a structure type through the /RoleMap to a standard one. */
export function standardRole(role: string, roleMap: PDFDict | undefined, doc: PDFDocument): string {
  let r = role;
  for (let i = 0; i < 8 && roleMap; i++) {
    const mapped = name(get(doc, roleMap, r));
    if (!mapped || mapped === r) break;
    r = mapped;
  }
  return r;
}
