/**
 * Bookmarks (document outline, ISO 32000-1 §12.3.3) from the headings H1–H6 in reading
 * order, nested by level, each opening its page at the heading's first line. The document
 * opens with the outline shown (/PageMode /UseOutlines). A heading with no content on any
 * page (nothing drawn) gets no bookmark.
 */
import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { DisplayPage, StructNode } from '../../../layout/display-list.js';
import { round } from '../pdf-number.js';
import type { NodeInfo, PageMarks } from './marked-content.js';

interface Entry {
  title: string;
  level: number;
  page: number;
  x: number;
  /** Top of the heading's first line, top-left origin. */
  top: number;
  children: Entry[];
}

export function writeOutline(
  pdf: PDFDocument,
  root: StructNode,
  nodes: ReadonlyMap<number, NodeInfo>,
  pages: readonly DisplayPage[],
  marks: readonly PageMarks[],
): void {
  if (pdf.catalog.get(PDFName.of('Outlines'))) return; // someone else wrote one
  const places = firstPlaces(marks, nodes);
  const top: Entry[] = [];
  const stack: Entry[] = [];
  walk(root, (node) => {
    const level = /^H([1-6])$/.exec(node.role)?.[1];
    const place = places.get(node.id);
    if (!level || !place || !node.title) return;
    const entry: Entry = { title: node.title, level: Number(level), ...place, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= entry.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.children : top).push(entry);
    stack.push(entry);
  });
  if (top.length === 0) return;
  const { context } = pdf;
  const pageRefs = pdf.getPages().map((p) => p.ref);
  const outlines = context.nextRef();
  const write = (entries: Entry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = entries.map(() => context.nextRef());
    let count = entries.length;
    entries.forEach((e, i) => {
      const dict = context.obj({
        Title: PDFHexString.fromText(e.title),
        Parent: parent,
        Dest: [pageRefs[e.page]!, PDFName.of('XYZ'), round(e.x), round(pages[e.page]!.height - e.top), PDFNull],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (e.children.length > 0) {
        const sub = write(e.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count)); // positive: shown open
        count += sub.count;
      }
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const all = write(top, outlines);
  context.assign(outlines, context.obj({ Type: 'Outlines', First: all.first, Last: all.last, Count: all.count }));
  pdf.catalog.set(PDFName.of('Outlines'), outlines);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function walk(node: StructNode, visit: (n: StructNode) => void): void {
  visit(node);
  node.children.forEach((c) => walk(c, visit));
}

/** Where each node's content first appears (its own or a descendant's). */
function firstPlaces(marks: readonly PageMarks[], nodes: ReadonlyMap<number, NodeInfo>) {
  const places = new Map<number, { page: number; x: number; top: number }>();
  marks.forEach((m, page) => {
    for (const g of m.groups) {
      if (!g.node) continue;
      const item = g.items[0]!;
      const place =
        item.kind === 'glyphs'
          ? { page, x: item.x, top: item.y - (item.font.ascender / item.font.unitsPerEm) * item.size }
          : { page, x: 0, top: 0 };
      for (let n: StructNode | undefined = g.node; n && !places.has(n.id); n = nodes.get(n.id)?.parent) places.set(n.id, place);
    }
  });
  return places;
}
