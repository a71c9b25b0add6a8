/**
 * Reading an exported page in tests: htmlparser2 + css-select (the DOM a browser would build
 * for these simple, well-formed pages), and the policy's source text from the content files.
 * Not a test file itself.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import { selectAll, selectOne } from 'css-select';
import type { AnyNode, Document, Element } from 'domhandler';
import { loadContent } from '../../src/content/index.js';
import { toWareki } from '../../src/content/wareki.js';
import { OKAYAMA_DIR, REPO_ROOT, squash } from '../build/support.js';

export interface Page {
  doc: Document;
  all(selector: string): Element[];
  one(selector: string): Element | null;
  text(el: Element | Element[]): string;
}

export function readPage(html: string): Page {
  const doc = parseDocument(html);
  return {
    doc,
    all: (s) => selectAll<AnyNode, Element>(s, doc),
    one: (s) => selectOne<AnyNode, Element>(s, doc),
    text: (el) => DomUtils.textContent(el),
  };
}

/** The headings' levels in document order. */
export function headingLevels(page: Page): number[] {
  return page.all('h1, h2, h3, h4, h5, h6').map((h) => Number(h.name[1]));
}

/** Every piece of text the policy prints, in order: title, body blocks, date, signer. */
export async function policySourceText(): Promise<string[]> {
  const content = await loadContent(OKAYAMA_DIR, { cwd: REPO_ROOT });
  const policy = content.policy!;
  return [policy.title, ...policy.blocks.map((b) => b.text), toWareki(policy.date), policy.signer.title, policy.signer.name];
}

export { squash };
