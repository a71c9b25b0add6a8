/**
 * The structure tree (ISO 32000-1 §14.7): a StructElem per node that has content, its kids in
 * reading order (the order the content appears, which is DOM order), marked-content references
 * (MCIDs) and annotation references (OBJR); the ParentTree maps each page's MCIDs and each
 * annotation back to its element. Nodes without any content (an empty div) are left out.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { StructNode } from '../../../layout/display-list.js';
import { literalString } from '../pdf-string.js';
import type { NodeInfo, PageMarks } from './marked-content.js';

/** A link annotation already written, with its key in the ParentTree. */
export interface AnnotationRef {
  node: StructNode;
  ref: PDFRef;
  page: number;
  key: number;
}

type Kid = { node: StructNode } | { page: number; mcid: number } | { annotation: AnnotationRef };

export function writeStructTree(
  pdf: PDFDocument,
  root: StructNode,
  nodes: ReadonlyMap<number, NodeInfo>,
  marks: readonly PageMarks[],
  annotations: readonly AnnotationRef[],
): void {
  const { context } = pdf;
  const pages = pdf.getPages();
  const kids = new Map<number, Kid[]>([[root.id, []]]);
  /** Adds the node, and every ancestor not yet there, to its parent's kids. */
  const attach = (node: StructNode): Kid[] => {
    let n = node;
    while (!kids.has(n.id)) {
      kids.set(n.id, []);
      const parent = nodes.get(n.id)!.parent!;
      attach(parent).push({ node: n });
      n = parent;
    }
    return kids.get(node.id)!;
  };
  marks.forEach((m, page) => {
    for (const g of m.groups) if (g.node) attach(g.node).push({ page, mcid: g.mcid! });
  });
  for (const a of annotations) attach(a.node).push({ annotation: a });
  // A list item's label comes first, whatever order the marker was painted in.
  for (const [id, list] of kids) {
    if (nodes.get(id)?.node.role === 'LI') list.sort((a, b) => rank(a) - rank(b));
  }

  const treeRoot = context.nextRef();
  const refs = new Map<number, PDFRef>([...kids.keys()].map((id) => [id, context.nextRef()]));
  for (const [id, list] of kids) {
    const { node, parent } = nodes.get(id)!;
    const firstPage = list.find((k): k is { page: number; mcid: number } => 'mcid' in k)?.page;
    const k = context.obj([]) as PDFArray;
    for (const kid of list) {
      if ('node' in kid) k.push(refs.get(kid.node.id)!);
      else if ('mcid' in kid) {
        k.push(kid.page === firstPage ? PDFNumber.of(kid.mcid) : context.obj({ Type: 'MCR', Pg: pages[kid.page]!.ref, MCID: kid.mcid }));
      } else k.push(context.obj({ Type: 'OBJR', Obj: kid.annotation.ref, Pg: pages[kid.annotation.page]!.ref }));
    }
    const dict = context.obj({ Type: 'StructElem', S: node.role, P: parent ? refs.get(parent.id)! : treeRoot, K: k }) as PDFDict;
    if (firstPage !== undefined) dict.set(PDFName.of('Pg'), pages[firstPage]!.ref);
    if (node.alt) dict.set(PDFName.of('Alt'), PDFHexString.fromText(node.alt));
    if (node.actualText) dict.set(PDFName.of('ActualText'), PDFHexString.fromText(node.actualText));
    if (node.lang) dict.set(PDFName.of('Lang'), literalString(node.lang));
    if (node.listNumbering) dict.set(PDFName.of('A'), context.obj({ O: 'List', ListNumbering: node.listNumbering }));
    if (node.scope) dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: node.scope }));
    context.assign(refs.get(id)!, dict);
  }

  // ParentTree: a flat number tree, page i under key i, annotations after the pages.
  const nums = context.obj([]) as PDFArray;
  marks.forEach((m, i) => {
    nums.push(PDFNumber.of(i));
    nums.push(context.obj(m.owners.map((n) => refs.get(n.id)!)));
    pages[i]!.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
  });
  for (const a of annotations) {
    nums.push(PDFNumber.of(a.key));
    nums.push(refs.get(a.node.id)!);
  }
  const parentTree = context.register(context.obj({ Nums: nums }));
  const nextKey = marks.length + annotations.length;
  context.assign(treeRoot, context.obj({ Type: 'StructTreeRoot', K: refs.get(root.id)!, ParentTree: parentTree, ParentTreeNextKey: nextKey }));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), treeRoot);
  pdf.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
}

function rank(kid: Kid): number {
  return 'node' in kid && kid.node.role === 'Lbl' ? 0 : 1;
}
