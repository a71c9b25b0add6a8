/**
 * The web flavour of a document (`<name>.web.pdf`): the plain PDF — trim size, RGB, live
 * text — tagged for PDF/UA-1: marked content on every page (marked-content.ts), a structure
 * tree with its ParentTree (struct-tree.ts), link annotations (links.ts), bookmarks from the
 * headings (outline.ts), XMP with pdfuaid:part 1 (xmp.ts), /MarkInfo, /Lang and
 * DisplayDocTitle (the latter two the plain writer sets already). Layout hands over the logical
 * structure as DisplayDocument.structure (layout/structure.ts).
 */
import type { DisplayDocument, StructNode } from '../../../layout/display-list.js';
import { renderPdf, type RenderPdfOptions } from '../document.js';
import { writeLinks, linkAreas } from './links.js';
import { indexNodes, markedContent, markPage } from './marked-content.js';
import { writeOutline } from './outline.js';
import { writeStructTree } from './struct-tree.js';
import { writeXmp } from './xmp.js';

export async function renderTaggedPdf(doc: DisplayDocument, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  // A display list without structure (a hand-made one) is tagged as one document of artifacts.
  const root: StructNode = doc.structure ?? { id: 0, role: 'Document', children: [] };
  const nodes = indexNodes(root);
  const marks = doc.pages.map((page) => markPage(page, nodes));
  const links = linkAreas(doc.pages, nodes);
  return renderPdf(doc, options, {
    pageExtra: () => '',
    pageBoxes: () => {},
    pageContent: (page, index, plain) => markedContent(page, marks[index]!, plain),
    document: (pdf) => {
      const annotations = writeLinks(pdf, links);
      writeStructTree(pdf, root, nodes, marks, annotations);
      writeOutline(pdf, root, nodes, doc.pages, marks);
      writeXmp(pdf, doc.meta);
    },
  });
}
