/**
 * HTML: parse with htmlparser2 (keeping start offsets for line:column), find the parts we
 * need (html, body, title, <style> blocks), and check elements against our subset.
 */
import { parseDocument } from 'htmlparser2';
import { Element, isTag, isText, type ChildNode, type Document, type ParentNode } from 'domhandler';
import { warn, type Diags } from './diag.js';
import type { TextPos } from './css.js';
import { collapseString } from './whitespace.js';

export const SUPPORTED_ELEMENTS = [
  'html', 'head', 'title', 'style', 'meta', 'body',
  'div', 'section', 'header', 'footer', 'main', 'article', 'aside', 'nav',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li',
  'span', 'strong', 'em', 'b', 'small', 'br', 'ruby', 'rt', 'rp',
  'figure', 'figcaption', 'img', 'kp-icon', 'kp-qr',
] as const; // prettier-ignore
const SUPPORTED = new Set<string>(SUPPORTED_ELEMENTS);

/** Unsupported elements that HTML renders inline stand in as <span>; all others as <div>. */
const INLINE_HTML = new Set(
  'a abbr bdi bdo cite code data del dfn i ins kbd label mark q rp rt ruby s samp sub sup time u var wbr font big tt'.split(' '),
);
/** Never rendered (HTML metadata and scripts): dropped, with the same warning. */
const NOT_RENDERED = new Set(['script', 'noscript', 'template', 'link', 'base']);

export type StandIn = 'span' | 'div' | 'drop';

export interface ParsedHtml {
  html: Element;
  body: Element;
  title: string;
  lang: string;
  styles: { text: string; pos: TextPos }[];
  /** Unsupported elements and how they are treated. */
  standIns: Map<Element, StandIn>;
  /** 1-based line:column (lineOffset applied) of an offset into the source. */
  locate(offset: number): { line: number; column: number };
  source: string;
}

function lineLocator(src: string, lineOffset: number): ParsedHtml['locate'] {
  const starts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + lineOffset, column: offset - starts[lo]! + 1 };
  };
}

function adopt(parent: ParentNode, children: ChildNode[]): void {
  for (const c of children) c.parent = parent;
  children.forEach((c, i) => {
    c.prev = children[i - 1] ?? null;
    c.next = children[i + 1] ?? null;
  });
}

/** Wraps `children` of `container` in a new element (for fragments without <html>/<body>). */
function wrap(container: ParentNode, name: string, keep: (n: ChildNode) => boolean): Element {
  const inner = container.children.filter((n) => !keep(n));
  const el = new Element(name, {}, inner);
  adopt(el, inner);
  const outer = [...container.children.filter(keep), el];
  container.children = outer;
  adopt(container, outer);
  return el;
}

export function textContent(n: ChildNode): string {
  if (isText(n)) return n.data;
  return isTag(n) ? n.children.map(textContent).join('') : '';
}

function* elements(n: ParentNode): Generator<Element> {
  for (const c of n.children) {
    if (isTag(c)) {
      yield c;
      yield* elements(c);
    }
  }
}

export function parseHtml(source: string, file: string, lineOffset: number, diags: Diags): ParsedHtml {
  const doc: Document = parseDocument(source, { withStartIndices: true, withEndIndices: true, recognizeSelfClosing: true });
  const locate = lineLocator(source, lineOffset);
  const html =
    doc.children.find((n): n is Element => isTag(n) && n.name === 'html') ?? wrap(doc, 'html', (n) => n.type === 'directive');
  const isHeadish = (n: ChildNode) => isTag(n) && ['head', 'title', 'style', 'meta', 'link'].includes(n.name);
  const body = html.children.find((n): n is Element => isTag(n) && n.name === 'body') ?? wrap(html, 'body', isHeadish);

  let title = '';
  const styles: ParsedHtml['styles'] = [];
  const unsupported = new Map<string, Element[]>();
  const standIns = new Map<Element, StandIn>();
  for (const el of elements(doc)) {
    if (el.name === 'title' && !title) title = collapseString(textContent(el));
    if (el.name === 'style') {
      const first = el.children[0];
      const text = textContent(el);
      if (first && text.trim()) styles.push({ text, pos: { file, ...locate(first.startIndex ?? 0) } });
    }
    if (!SUPPORTED.has(el.name)) {
      standIns.set(el, NOT_RENDERED.has(el.name) ? 'drop' : INLINE_HTML.has(el.name) ? 'span' : 'div');
      const list = unsupported.get(el.name) ?? [];
      list.push(el);
      unsupported.set(el.name, list);
    }
  }
  for (const [name, els] of unsupported) {
    const first = els[0]!;
    const as = standIns.get(first)!;
    const more = els.length > 1 ? els.length - 1 : 0;
    warn(
      diags,
      'markup/unsupported-element',
      { file, ...locate(first.startIndex ?? 0) },
      (where) => ({
        ja: `要素 <${name}> には対応していません（${where}${more ? `、ほか ${more} か所` : ''}）。${as === 'drop' ? '表示しません。' : `<${as}> として扱います。`}`,
        en: `Unsupported element <${name}> (${where}${more ? `, and ${more} more` : ''}); ${as === 'drop' ? 'it is not rendered' : `it is treated as <${as}>`}.`,
      }),
      {
        ja: `使える要素: ${SUPPORTED_ELEMENTS.join(', ')}。アイコンは <kp-icon name="…"> で入れてください。`,
        en: `Supported elements: ${SUPPORTED_ELEMENTS.join(', ')}. Use <kp-icon name="…"> for icons.`,
      },
    );
  }
  return { html, body, title, lang: html.attribs['lang'] || 'ja', styles, standIns, locate, source };
}

/** Position of an attribute's value inside the element's start tag (for style="" diagnostics). */
export function attrValueOffset(source: string, el: Element, name: string): number | undefined {
  const start = el.startIndex;
  if (start == null) return undefined;
  // Scan the start tag, honouring quotes, so a ">" inside a value does not end it.
  let quote = '';
  let end = start + 1;
  for (; end < source.length; end++) {
    const ch = source[end];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') break;
  }
  const tag = source.slice(start, end);
  const m = new RegExp(`[\\s/]${name}\\s*=\\s*(["']?)`, 'i').exec(tag);
  return m ? start + m.index + m[0].length : undefined;
}
