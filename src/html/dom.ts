/**
 * The template's markup → web markup, in place on the htmlparser2 DOM. The text is never
 * rewritten; only what exists for the typesetter changes:
 * - data-src (content positions for build errors) is dropped;
 * - <kp-icon> becomes an inline SVG: role="img" with its label as the accessible name, or
 *   aria-hidden when it has no label (a decoration, as in the tagged PDF);
 * - <kp-qr> is dropped (a QR code on the screen that shows it helps no one) — its URL is a
 *   link instead, as is every other URL in the text;
 * - heading levels are made consecutive (a `####` directly under a `##` becomes h3), so the
 *   outline never skips a level;
 * - a page without <main> gets one around the body's content.
 */
import { DomUtils } from 'htmlparser2';
import { Element, Text, isTag, isText, type AnyNode, type Document } from 'domhandler';
import type { IconGeometry } from '../icons/svg-to-paths.js';
import type { PathCommand } from '../layout/display-list.js';
import { decimal } from '../units.js';

export interface DomOptions {
  /** Icon geometry by name (the same icons the PDF draws). */
  icon(name: string): IconGeometry;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'（）「」、。]*[^\s<>"'（）「」、。.,;:!?)]/g;
const HAS_URL = /https?:\/\//;

export function transformDom(doc: Document, options: DomOptions): void {
  for (const el of DomUtils.findAll(() => true, doc.children)) delete el.attribs['data-src'];
  for (const el of elements(doc, 'kp-icon')) DomUtils.replaceElement(el, iconSvg(el, options.icon(el.attribs.name ?? '')));
  const qrs = elements(doc, 'kp-qr');
  for (const qr of qrs) DomUtils.removeElement(qr);
  linkUrls(doc);
  // A QR code's target that the text does not also print stays reachable as a link.
  for (const qr of qrs) {
    const href = qr.attribs.value ?? '';
    if (href && !DomUtils.findOne((e) => e.name === 'a' && e.attribs.href === href, doc.children)) {
      appendTo(ensureFooter(doc), new Element('p', {}, [new Element('a', { href }, [new Text(qr.attribs.label || href)])]));
    }
  }
  normaliseHeadings(doc);
  for (const img of elements(doc, 'img')) img.attribs.alt ??= '';
  ensureMain(doc);
}

export function elements(doc: Document | Element, name: string): Element[] {
  return DomUtils.getElementsByTagName(name, doc.children, true);
}

export function bodyOf(doc: Document): Element {
  const body = elements(doc, 'body')[0];
  if (!body) throw new Error('the rendered template has no <body>');
  return body;
}

export function appendTo(parent: Element, child: Element): void {
  DomUtils.appendChild(parent, new Text('\n'));
  DomUtils.appendChild(parent, child);
  DomUtils.appendChild(parent, new Text('\n'));
}

export function ensureFooter(doc: Document): Element {
  const body = bodyOf(doc);
  const existing = body.children.find((c): c is Element => isTag(c) && c.name === 'footer');
  if (existing) return existing;
  const footer = new Element('footer', {});
  appendTo(body, footer);
  return footer;
}

function iconSvg(el: Element, icon: IconGeometry): Element {
  const label = el.attribs.label?.trim();
  const cls = ['kp-icon', el.attribs.class].filter(Boolean).join(' ');
  const paths = icon.shapes.map(
    (s) => new Element('path', { d: pathData(s.commands), ...(s.filled ? { fill: 'currentColor' } : {}) }),
  );
  return new Element('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    class: cls,
    viewBox: icon.viewBox.join(' '),
    fill: 'none',
    ...(icon.stroked
      ? { stroke: 'currentColor', 'stroke-width': String(icon.strokeWidth), 'stroke-linecap': icon.cap, 'stroke-linejoin': icon.join }
      : {}),
    ...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': 'true' }),
    focusable: 'false',
  }, paths);
}

function pathData(commands: readonly PathCommand[]): string {
  const n = (v: number) => decimal(v);
  return commands
    .map((c) => {
      if (c.op === 'Z') return 'Z';
      if (c.op === 'C') return `C${[c.x1, c.y1, c.x2, c.y2, c.x, c.y].map(n).join(' ')}`;
      return `${c.op}${n(c.x)} ${n(c.y)}`;
    })
    .join('');
}

/** Wraps URLs in text (outside links, titles and style sheets) in <a href>. */
function linkUrls(doc: Document): void {
  const texts = DomUtils.filter((n) => isText(n) && HAS_URL.test(n.data), doc.children, true) as Text[];
  for (const text of texts) {
    if (hasAncestor(text, ['a', 'title', 'style', 'script'])) continue;
    const parts: AnyNode[] = [];
    let last = 0;
    for (const m of text.data.matchAll(URL_IN_TEXT)) {
      if (m.index > last) parts.push(new Text(text.data.slice(last, m.index)));
      parts.push(new Element('a', { href: m[0] }, [new Text(m[0])]));
      last = m.index + m[0].length;
    }
    if (last < text.data.length) parts.push(new Text(text.data.slice(last)));
    const parent = text.parent!;
    const at = parent.children.indexOf(text);
    parent.children.splice(at, 1, ...parts);
    parts.forEach((p, i) => {
      p.parent = parent;
      p.prev = parent.children[at + i - 1] ?? null;
      p.next = parent.children[at + i + 1] ?? null;
      if (p.prev) p.prev.next = p;
      if (p.next) p.next.prev = p;
    });
  }
}

function hasAncestor(node: AnyNode, names: readonly string[]): boolean {
  for (let p = node.parent; p; p = p.parent) if (isTag(p) && names.includes(p.name)) return true;
  return false;
}

/** Each heading one level below the nearest preceding heading of a higher (smaller) level. */
function normaliseHeadings(doc: Document): void {
  const open: { level: number; web: number }[] = [];
  for (const h of DomUtils.findAll((e) => /^h[1-6]$/.test(e.name), doc.children)) {
    const level = Number(h.name[1]);
    while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
    const web = Math.min(level, (open[open.length - 1]?.web ?? 0) + 1);
    open.push({ level, web });
    if (web !== level) h.name = `h${web}`;
  }
}

function ensureMain(doc: Document): void {
  if (elements(doc, 'main').length > 0) return;
  const body = bodyOf(doc);
  const main = new Element('main', {}, body.children);
  for (const c of main.children) c.parent = main;
  body.children = [main];
  main.parent = body;
}
