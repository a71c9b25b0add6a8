/**
 * The markup stage: template HTML (a subset) + CSS (a subset) → StyledDocument.
 *
 *   parseHtml → stylesheets (cached) → @page geometry → cascade down from <html> →
 *   whitespace processing → margin boxes
 */
import { isTag, isText, type Element } from 'domhandler';
import { parseSourceRef, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import type { ComputedStyle, StyledDocument, StyledElement } from './types.js';
import { warn } from './diag.js';
import { parseInlineStyle, parseStylesheet, type StyleRule } from './css.js';
import { attrValueOffset, parseHtml, textContent } from './html.js';
import { computeStyle, pickWinners, type MatchedRule, type PageEnv } from './cascade.js';
import { resolveMarginBoxes, resolvePage, type PageRule } from './page.js';
import { SelectorIndex } from './selectors.js';
import { INITIAL_STYLE } from './style.js';
import { UA_DECLS } from './ua.js';
import { REPLACED, makeBreak, processWhitespace } from './whitespace.js';

export type * from './types.js';
export { SUPPORTED_PROPERTIES, PROPERTY_INFO, type PropertyInfo } from './declarations.js';
export { SUPPORTED_ELEMENTS } from './html.js';
export { SUPPORTED_SELECTORS } from './selectors.js';
export { SUPPORTED_AT_RULES } from './css.js';
export { SUPPORTED_UNITS } from './values.js';
export { NAMED_COLORS } from './colors.js';
export { LIST_STYLE_TYPES } from './properties.js';
export { PAGE_SIZES, MARGIN_BOX_POSITIONS } from './page.js';
export { UA_CSS } from './ua.js';
export { isEastAsianWide } from './whitespace.js';
export { templateReferenceMarkdown, withTemplatesReference } from './reference.js';

export interface ParseMarkupOptions {
  /** Template path, used in diagnostics and StyledElement.source. */
  file: string;
  /** Added to every reported line number (when the HTML starts further down a file). */
  lineOffset?: number;
}

/** `data-src` values: see parseSourceRef. */
export const parseDataSrc = parseSourceRef;

export function parseMarkup(html: string, options: ParseMarkupOptions): StyledDocument {
  const { file } = options;
  const diagnostics: Diagnostic[] = [];
  const doc = parseHtml(html, file, options.lineOffset ?? 0, diagnostics);

  const index = new SelectorIndex<StyleRule>();
  const pages: PageRule[] = [];
  let order = 0;
  for (const { text, pos } of doc.styles) {
    const sheet = parseStylesheet(text, pos);
    // Cached sheets replay their warnings; copy so callers may annotate them freely.
    for (const d of sheet.diagnostics) diagnostics.push({ ...d });
    for (const rule of sheet.rules) {
      for (const sel of rule.selectors) index.add(sel, rule, order);
      order++;
    }
    pages.push(...sheet.pages);
  }

  const geometry = resolvePage(pages);
  const areaW = Math.max(0, geometry.width - geometry.margin.left - geometry.margin.right);
  const areaH = Math.max(0, geometry.height - geometry.margin.top - geometry.margin.bottom);
  const env: PageEnv = { rem: INITIAL_STYLE.fontSize, vw: areaW / 100, vh: areaH / 100 };

  const styleOf = (el: Element, tag: string, parent: ComputedStyle): ComputedStyle => {
    const matched: MatchedRule[] = index.match(el).map((m) => ({ decls: m.rule.decls, specificity: m.sel.specificity, order: m.order }));
    let inline: ReturnType<typeof parseInlineStyle> = [];
    const styleAttr = el.attribs['style'];
    if (styleAttr?.trim()) {
      const at = attrValueOffset(doc.source, el, 'style') ?? el.startIndex ?? 0;
      inline = parseInlineStyle(styleAttr, { file, ...doc.locate(at) }, diagnostics);
    }
    return computeStyle(pickWinners(UA_DECLS.get(tag) ?? [], matched, inline), parent, env);
  };

  const htmlStyle = styleOf(doc.html, 'html', INITIAL_STYLE);
  htmlStyle.lang = doc.lang;
  env.rem = htmlStyle.fontSize; // rem is relative to the root element's font-size

  const build = (el: Element, parent: ComputedStyle, inFlex: boolean): StyledElement | undefined => {
    const standIn = doc.standIns.get(el);
    if (standIn === 'drop') return undefined;
    const tag = standIn ?? el.name;
    const style = styleOf(el, tag, parent);
    if (el.attribs['lang']?.trim()) style.lang = el.attribs['lang'].trim(); // inherited like CSS (createStyle)
    if (inFlex && style.display === 'inline') style.display = 'block'; // flex items are blockified
    // Layout needs a root box, so <body> itself is never dropped (nor inline).
    if (el === doc.body && (style.display === 'none' || style.display === 'inline')) style.display = 'block';
    if (style.display === 'none') return undefined;
    const out: StyledElement = { kind: 'element', tag, attrs: { ...el.attribs }, style, children: [] };
    out.source = { file, ...doc.locate(el.startIndex ?? 0) };
    if (standIn) out.originalTag = el.name;
    const dataSrc = el.attribs['data-src'];
    if (dataSrc) out.dataSource = parseDataSrc(dataSrc);
    if (REPLACED.has(tag)) {
      reportIgnoredContent(el, out.source, diagnostics);
      return out;
    }
    const flex = style.display === 'flex';
    for (const child of el.children) {
      if (isText(child)) out.children.push({ kind: 'text', text: child.data.replace(/\r\n?/g, '\n'), style });
      else if (isTag(child) && child.name === 'br') out.children.push(makeBreak(style));
      else if (isTag(child)) {
        const c = build(child, style, flex);
        if (c) out.children.push(c);
      }
    }
    return out;
  };

  const root = build(doc.body, htmlStyle, htmlStyle.display === 'flex')!;
  processWhitespace(root);
  // Report in reading order of the template (HTML, <style> and style="" warnings interleave).
  diagnostics.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));

  return {
    page: { ...geometry, marginBoxes: resolveMarginBoxes(pages, htmlStyle, env) },
    root,
    lang: doc.lang,
    title: doc.title,
    diagnostics,
  };
}

function reportIgnoredContent(el: Element, at: SourceRef, diagnostics: Diagnostic[]): void {
  if (!el.children.some((c) => isTag(c) || textContent(c).trim() !== '')) return;
  warn(
    diagnostics,
    'markup/ignored-content',
    at,
    (where) => ({ ja: `<${el.name}> の中身は表示されません（${where}）。`, en: `The content inside <${el.name}> is not rendered (${where}).` }),
    el.name === 'kp-icon' || el.name === 'kp-qr'
      ? { ja: '読み上げ用の文言は label 属性に書いてください。', en: 'Put accessible text in the label attribute.' }
      : { ja: '代替テキストは alt 属性に書いてください。', en: 'Put alternative text in the alt attribute.' },
  );
}
