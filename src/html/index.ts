/**
 * The HTML export: the markup a template rendered for the typesetter, turned into a
 * standalone, accessible web page (inline CSS, system fonts, landmarks, real lists, links to
 * the PDFs with their sizes, Open Graph metadata). The text is the template's — never a second
 * copy — so the page and the PDF cannot disagree. Pure: string in, string out; no pdf-lib,
 * no sharp, no file system.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { Element, Text, isText, type Document } from 'domhandler';
import render from 'dom-serializer';
import { webStylesheet } from './css.js';
import { bodyOf, elements, transformDom, type DomOptions } from './dom.js';
import { addDownloads, addHead, BASE_CSS, describe, FRAME_CSS, type Download, type OgImage } from './page.js';

export type { Download, OgImage } from './page.js';

export interface HtmlExportInput extends DomOptions {
  /** The rendered template (what the PDF is typeset from). */
  html: string;
  /** The template's page size in points (its vw/vh lengths refer to it). */
  page: { width: number; height: number };
  downloads: readonly Download[];
  ogImage?: Omit<OgImage, 'alt'> & { alt?: string };
  /** og:site_name, e.g. the organisation. */
  siteName?: string;
}

export function exportHtml(input: HtmlExportInput): string {
  const doc = parseDocument(input.html);
  const title = DomUtils.textContent(elements(doc, 'title')).trim() || DomUtils.textContent(elements(doc, 'h1')).trim();
  const lang = elements(doc, 'html')[0]?.attribs.lang ?? 'ja';
  transformDom(doc, input);
  restyle(doc, input.page);
  addDownloads(doc, input.downloads, lang);
  const description = describe(doc, title);
  addHead(doc, {
    lang,
    title,
    description,
    ...(input.siteName ? { siteName: input.siteName } : {}),
    ...(input.ogImage ? { ogImage: { alt: title, ...input.ogImage } } : {}),
  });
  bodyOf(doc); // a page without a body is a template bug, not a web page
  const html = render(doc, { encodeEntities: 'utf8' });
  return `${html.trimEnd()}\n`;
}

/** Every <style> of the template → one screen stylesheet framed by the base and frame rules. */
function restyle(doc: Document, page: HtmlExportInput['page']): void {
  const styles = elements(doc, 'style');
  const css = styles.map((s) => s.children.filter(isText).map((t) => t.data).join('')).map((t) => webStylesheet(t, { page }));
  // Style text is written unescaped, and css-tree writes strings back decoded (\3C becomes "<"):
  // a "</style" in one would end the element early and turn the rest into markup. In CSS, "\/"
  // is just "/".
  const text = `\n${BASE_CSS}\n${css.join('\n')}\n${FRAME_CSS}\n`.replace(/<\/(style)/gi, '<\\/$1');
  styles.slice(1).forEach((s) => DomUtils.removeElement(s));
  if (styles[0]) {
    styles[0].children = [new Text(text)];
    styles[0].children[0]!.parent = styles[0];
  } else {
    const head = elements(doc, 'head')[0];
    if (head) DomUtils.appendChild(head, new Element('style', {}, [new Text(text)]));
  }
}
