/**
 * The structure tree and tagged text of a PDF as pdf.js reads them (page.getStructTree and
 * getTextContent with marked content) — an independent reader of our tagged output.
 */
import { loadPdf } from '../helpers/pdfjs.js';

export interface TreeNode {
  role: string;
  alt?: string;
  lang?: string;
  /** Text of the node's own marked content and its descendants', in tree order. */
  text: string;
  children: TreeNode[];
  /** Marked-content and object references directly under the node. */
  refs: string[];
}

interface RawNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: RawNode[];
}

export interface TaggedPdf {
  /** One tree per page (pdf.js gives each page the part of the tree with content on it). */
  pages: TreeNode[];
  /** Text of each page outside artifacts, in content order, with the marked-content tag of each piece. */
  tagged: { tag: string; str: string }[][];
  /** Text inside /Artifact sequences. */
  artifacts: string[];
}

export async function readTagged(bytes: Uint8Array): Promise<TaggedPdf> {
  const doc = await loadPdf(bytes);
  try {
    const out: TaggedPdf = { pages: [], tagged: [], artifacts: [] };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const byId = new Map<string, string>();
      const pieces: { tag: string; str: string }[] = [];
      const stack: { tag: string; id: string | null }[] = [];
      for (const item of content.items as Array<{ type?: string; tag?: string; id?: string | null; str?: string }>) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push({ tag: item.tag ?? '', id: item.id ?? null });
        else if (item.type === 'endMarkedContent') stack.pop();
        else if (item.str !== undefined) {
          const inArtifact = stack.some((s) => s.tag === 'Artifact');
          const top = [...stack].reverse().find((s) => s.id);
          if (inArtifact) out.artifacts.push(item.str);
          else pieces.push({ tag: stack.at(-1)?.tag ?? '', str: item.str });
          if (top?.id) byId.set(top.id, (byId.get(top.id) ?? '') + item.str);
        }
      }
      out.tagged.push(pieces);
      const raw = (await page.getStructTree()) as RawNode | null;
      out.pages.push(convert(raw ?? { role: 'Root', children: [] }, byId));
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

function convert(raw: RawNode, byId: Map<string, string>): TreeNode {
  const node: TreeNode = { role: raw.role ?? 'Root', text: '', children: [], refs: [], ...(raw.alt ? { alt: raw.alt } : {}), ...(raw.lang ? { lang: raw.lang } : {}) };
  for (const c of raw.children ?? []) {
    if (c.type === 'content' || c.type === 'object' || c.type === 'annotation') {
      node.refs.push(c.id ?? '');
      node.text += byId.get(c.id ?? '') ?? '';
    } else {
      const child = convert(c, byId);
      node.children.push(child);
      node.text += child.text;
    }
  }
  return node;
}

/** Every node in depth-first (reading) order. */
export function flatten(node: TreeNode): TreeNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

export const squash = (s: string): string => s.replace(/\s+/gu, '');
