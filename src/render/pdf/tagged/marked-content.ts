/**
 * Marked content (ISO 32000-1 §14.6, PDF/UA-1 §7.1): every item of a page is either real
 * content, wrapped in `/Role <</MCID n>> BDC … EMC` and tied to its structure node, or an
 * artifact (`/Artifact <</Type /Pagination …>> BDC … EMC`) — nothing is left unmarked.
 *
 * Consecutive items of one node (the lines of a paragraph, the shapes of an icon) share one
 * sequence. Each sequence is written by the plain content writer on its own, so it opens and
 * closes its own text object and graphics state: marked content and BT/ET never interleave,
 * and the plain writer needs no knowledge of tagging.
 */
import type { DisplayItem, DisplayPage, StructNode } from '../../../layout/display-list.js';
import type { PageContent } from '../content-stream.js';

export interface NodeInfo {
  node: StructNode;
  parent?: StructNode;
}

export interface MarkedGroup {
  items: DisplayItem[];
  /** Real content: its node and marked-content id on the page. */
  node?: StructNode;
  mcid?: number;
  /** Artifacts: the property list of the BDC. */
  artifact?: string;
}

export interface PageMarks {
  groups: MarkedGroup[];
  /** The node of each MCID of the page (index = MCID): the page's ParentTree entry. */
  owners: StructNode[];
}

/** Every node of the tree by id, with its parent. */
export function indexNodes(root: StructNode): Map<number, NodeInfo> {
  const map = new Map<number, NodeInfo>();
  const visit = (node: StructNode, parent: StructNode | undefined): void => {
    map.set(node.id, parent ? { node, parent } : { node });
    for (const c of node.children) visit(c, node);
  };
  visit(root, undefined);
  return map;
}

export function markPage(page: DisplayPage, nodes: ReadonlyMap<number, NodeInfo>): PageMarks {
  const groups: MarkedGroup[] = [];
  const owners: StructNode[] = [];
  let key = '';
  for (const item of page.items) {
    if (!draws(item)) continue;
    const struct = item.origin?.struct;
    const node = struct !== undefined ? nodes.get(struct)?.node : undefined;
    const artifact = node ? undefined : artifactProps(item);
    const k = node ? `s${node.id}` : `a${artifact}`;
    if (k === key) {
      groups[groups.length - 1]!.items.push(item);
      continue;
    }
    key = k;
    if (node) {
      groups.push({ items: [item], node, mcid: owners.length });
      owners.push(node);
    } else groups.push({ items: [item], artifact: artifact! });
  }
  return { groups, owners };
}

/** The page's content stream: each group through the plain writer, inside its BDC … EMC. */
export function markedContent(page: DisplayPage, marks: PageMarks, plain: (part: DisplayPage) => PageContent): PageContent {
  const out: string[] = [];
  const fonts = new Set<string>();
  const images = new Set<string>();
  for (const group of marks.groups) {
    const part = plain({ ...page, items: group.items });
    part.fonts.forEach((f) => fonts.add(f));
    part.images.forEach((f) => images.add(f));
    const props = group.node ? `/${group.node.role} <</MCID ${group.mcid}>>` : `/Artifact ${group.artifact}`;
    out.push(`${props} BDC\n${part.text}EMC\n`);
  }
  return { text: out.join(''), fonts, images };
}

/** Whether the plain writer draws anything for the item (empty runs and paths are skipped). */
function draws(item: DisplayItem): boolean {
  if (item.kind === 'glyphs') return item.glyphs.length > 0;
  if (item.kind === 'path') return item.commands.length > 0 && (!!item.fill || (!!item.stroke && item.stroke.width > 0));
  return true;
}

/** Page numbers and running heads are pagination artifacts; backgrounds, rules, decoration are layout. */
function artifactProps(item: DisplayItem): string {
  const o = item.origin;
  if (o?.artifact === 'pagination') {
    const subtype = o.element.includes('@top') ? 'Header' : o.element.includes('@bottom') ? 'Footer' : undefined;
    return `<</Type /Pagination${subtype ? ` /Subtype /${subtype}` : ''}>>`;
  }
  return '<</Type /Layout>>';
}
