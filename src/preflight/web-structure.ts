/**
 * The structure tree as the web preflight reads it: every element in reading order with its
 * standard role, page and marked-content kids, so that rules can check figures' alt text,
 * heading levels and that each MCID the ParentTree names is a kid of that element.
 */
import { PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { arrayOf, deref, dictOf, get, name, numberTree, standardRole, text } from './web-pdf.js';

export interface StructElem {
  dict: PDFDict;
  role: string;
  /** "H2" or, when role-mapped, "Heading2 → H2". */
  label: string;
  alt?: string;
  actualText?: string;
  /** Marked-content kids as (page object, MCID). */
  mcrs: { page?: PDFRef; mcid: number }[];
}

export interface StructTree {
  elements: StructElem[];
  /** The ParentTree: key → value (an array of elements for pages, an element for objects). */
  parentTree: Map<number, PDFObject>;
}

export function readStructTree(doc: PDFDocument): StructTree | undefined {
  const root = dictOf(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
  if (!root) return undefined;
  const roleMap = dictOf(doc, root.get(PDFName.of('RoleMap')));
  const elements: StructElem[] = [];
  const seen = new Set<PDFDict>();
  const visit = (o: PDFObject | undefined, page: PDFRef | undefined, depth: number): void => {
    const dict = dictOf(doc, o);
    if (!dict || seen.has(dict) || depth > 200) return;
    const type = name(get(doc, dict, 'Type'));
    const s = name(get(doc, dict, 'S'));
    if (type !== 'StructElem' && s === undefined) return; // MCR, OBJR
    seen.add(dict);
    const pg = dict.get(PDFName.of('Pg'));
    const here = pg instanceof PDFRef ? pg : page;
    const role = standardRole(s ?? '', roleMap, doc);
    const alt = text(get(doc, dict, 'Alt'));
    const actualText = text(get(doc, dict, 'ActualText'));
    const elem: StructElem = { dict, role, label: role === s ? role : `${s} → ${role}`, ...(alt !== undefined ? { alt } : {}), ...(actualText !== undefined ? { actualText } : {}), mcrs: [] };
    elements.push(elem);
    for (const kid of arrayOf(doc, dict.get(PDFName.of('K')))) {
      if (kid instanceof PDFNumber) {
        elem.mcrs.push({ ...(here ? { page: here } : {}), mcid: kid.asNumber() });
        continue;
      }
      const kd = dictOf(doc, kid);
      if (kd && name(get(doc, kd, 'Type')) === 'MCR') {
        const kp = kd.get(PDFName.of('Pg'));
        const mcid = deref(doc, kd.get(PDFName.of('MCID')));
        if (mcid instanceof PDFNumber) elem.mcrs.push({ ...(kp instanceof PDFRef ? { page: kp } : here ? { page: here } : {}), mcid: mcid.asNumber() });
      } else visit(kid, here, depth + 1);
    }
  };
  for (const k of arrayOf(doc, root.get(PDFName.of('K')))) visit(k, undefined, 0);
  return { elements, parentTree: numberTree(doc, dictOf(doc, root.get(PDFName.of('ParentTree')))) };
}

/** H1–H6 levels in reading order (generic H and other roles ignored). */
export function headingLevels(tree: StructTree): { level: number; elem: StructElem }[] {
  return tree.elements.flatMap((elem) => {
    const m = /^H([1-6])$/.exec(elem.role);
    return m ? [{ level: Number(m[1]), elem }] : [];
  });
}
