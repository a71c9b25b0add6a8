import { parseMarkup } from '../../src/markup/index.js';
import type { StyledDocument, StyledElement, StyledNode } from '../../src/markup/types.js';

export const mm = (x: number) => (x * 72) / 25.4;

/** A template-shaped document; the <style> starts on line 1, the body on line 2. */
export function html(css: string, body: string): string {
  return `<!doctype html><html lang="ja"><head><title>t</title><style>${css}</style></head>\n<body>${body}</body></html>`;
}

export function parse(css: string, body: string): StyledDocument {
  return parseMarkup(html(css, body), { file: 't.hbs' });
}

/** First element matching "#id", ".class" or a tag name, depth-first. */
export function find(doc: StyledDocument | StyledElement, what: string): StyledElement {
  const root = 'root' in doc ? doc.root : doc;
  const test = (e: StyledElement) =>
    what.startsWith('#') ? e.attrs['id'] === what.slice(1) : what.startsWith('.') ? (e.attrs['class'] ?? '').split(/\s+/).includes(what.slice(1)) : e.tag === what;
  const walk = (n: StyledNode): StyledElement | undefined => {
    if (n.kind !== 'element') return undefined;
    if (test(n)) return n;
    for (const c of n.children) {
      const hit = walk(c);
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = walk(root);
  if (!hit) throw new Error(`no element ${what}`);
  return hit;
}

/** All text of an element, with "\n" for breaks. */
export function text(n: StyledNode): string {
  return n.kind === 'text' ? n.text : n.children.map(text).join('');
}

export function codes(doc: StyledDocument): string[] {
  return doc.diagnostics.map((d) => d.code);
}
