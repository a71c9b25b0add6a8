/**
 * The box tree: styled elements grouped into what layout positions. A block whose children
 * are all inline becomes one TextBox (a paragraph); a block with block children becomes a
 * ContainerBox, with runs of inline content wrapped in anonymous TextBoxes (CSS 2 §9.2.1.1);
 * `<kp-icon>` becomes an IconBox, `<kp-qr>` a QrBox (qr.ts). List markers are attached to the
 * item's first paragraph.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { ComputedStyle, StyledElement, StyledNode } from '../markup/types.js';
import type { InlineRun, ParagraphOptions } from '../text/types.js';
import type { ItemOrigin } from './display-list.js';
import { markerText } from './markers.js';
import { combineUpright } from './vertical.js';
import { itemizeRuns } from '../text/itemize.js';
import { coverageError } from '../text/itemize-coverage.js';
import type { MissingGlyph } from '../text/missing-glyph.js';
import { rubyRuns } from './ruby.js';
import { qrBox, type QrMatrix } from './qr.js';
import { contentStructOf, labelStructOf, linkSegments, tagRubyRuns } from './structure.js';
import { imageBox, type ImageBox, type ImageResolver } from './image.js';

interface BoxBase {
  style: ComputedStyle;
  origin: ItemOrigin;
  /** The element the box was made for (anonymous boxes share their parent's). */
  element: StyledElement;
}

export interface ContainerBox extends BoxBase {
  kind: 'container';
  children: Box[];
}

export interface TextBox extends BoxBase {
  kind: 'text';
  runs: InlineRun[];
  paragraph: Omit<ParagraphOptions, 'width'>;
  /** Font-size scale applied by auto-fit (1 = as styled). */
  scale: number;
  /** For a vertical paragraph: the column length to use when its box has no definite height. */
  orthogonalMeasure?: number;
  /** The element whose `-kp-fit-min-size` lets this paragraph shrink, if any. */
  fit?: { element: StyledElement; minSize: number };
  /** A list marker drawn before the first line, hanging outside the box. */
  marker?: InlineRun;
}

export interface IconBox extends BoxBase {
  kind: 'icon';
  name: string;
  /** Accessible name; an icon without one is decoration. */
  label?: string;
}

/** `<kp-qr value="…">`: a QR code of `value`, drawn as vector paths (qr.ts). */
export interface QrBox extends BoxBase {
  kind: 'qr';
  value: string;
  matrix: QrMatrix;
  /** Accessible name. */
  label?: string;
}

export type Box = ContainerBox | TextBox | IconBox | QrBox | ImageBox;

const INLINE_TAGS = new Set(['span', 'strong', 'em', 'b', 'small', 'br', 'a', 'ruby', 'rt']);

interface BoxContext {
  fonts: FontRegistry;
  /** File named in diagnostics for elements without a source position. */
  file: string;
  diagnostics?: DiagnosticBag;
  /** Finds <img> files (src/images); without it images are warned about and skipped. */
  images?: ImageResolver;
  /** Characters no font of their fallback chain has (the coverage gate), for one error at the end. */
  missing: MissingGlyph[];
}

export function buildBoxTree(root: StyledElement, fonts: FontRegistry, file: string, diagnostics?: DiagnosticBag, images?: ImageResolver): ContainerBox {
  const ctx: BoxContext = { fonts, file, ...(diagnostics ? { diagnostics } : {}), ...(images ? { images } : {}), missing: [] };
  const box = buildElement(root, ctx, undefined);
  if (ctx.missing.length > 0) throw coverageError(ctx.missing, fonts, file);
  if (box.kind === 'container') return box;
  return { kind: 'container', style: root.style, origin: box.origin, element: root, children: [box] };
}

function isInline(node: StyledNode): boolean {
  if (node.kind === 'text') return true;
  return node.style.display === 'inline' && node.tag !== 'kp-icon' && INLINE_TAGS.has(node.tag);
}

function buildElement(el: StyledElement, ctx: BoxContext, inheritedFit: TextBox['fit']): Box {
  const { fonts, file } = ctx;
  const origin = originOf(el, file);
  if (el.tag === 'img') return imageBox(el, origin, ctx.images, ctx.diagnostics) ?? { kind: 'container', style: el.style, origin, element: el, children: [] };
  if (el.tag === 'kp-qr') return qrBox(el, origin);
  const fit = el.style.fitMinSize !== undefined ? { element: el, minSize: el.style.fitMinSize } : inheritedFit;
  if (el.tag === 'kp-icon') {
    const label = el.attrs.label?.trim();
    return { kind: 'icon', style: el.style, origin, element: el, name: el.attrs.name ?? '', ...(label ? { label } : {}) };
  }
  const children = el.children.filter((c) => c.kind === 'text' || c.style.display !== 'none');
  if (children.every(isInline)) return textBox(el, children, ctx, origin, fit);
  const boxes: Box[] = [];
  let pending: StyledNode[] = [];
  const flush = (): void => {
    if (pending.some((n) => n.kind === 'element' || n.text.trim() !== '')) {
      boxes.push(textBox({ ...el, style: anonymousStyle(el.style) }, pending, ctx, origin, fit));
    }
    pending = [];
  };
  let counter = 0;
  for (const child of children) {
    if (isInline(child)) {
      pending.push(child);
      continue;
    }
    flush();
    const childBox = buildElement(child as StyledElement, ctx, fit);
    if ((child as StyledElement).style.display === 'list-item') {
      counter += 1;
      attachMarker(childBox, el, child as StyledElement, counter, fonts);
    }
    boxes.push(childBox);
  }
  flush();
  return { kind: 'container', style: el.style, origin, element: el, children: boxes };
}

/** Anonymous blocks inherit text properties only: no box decorations of their own. */
function anonymousStyle(style: ComputedStyle): ComputedStyle {
  const zero = { unit: 'pt' as const, value: 0 };
  const none = { width: 0, style: 'none' as const, color: style.color };
  return {
    ...style,
    display: 'block',
    width: 'auto',
    height: 'auto',
    margin: { top: zero, right: zero, bottom: zero, left: zero },
    padding: { top: zero, right: zero, bottom: zero, left: zero },
    border: { top: none, right: none, bottom: none, left: none },
    borderRadius: [0, 0, 0, 0],
    backgroundColor: undefined,
    minWidth: 'auto',
    minHeight: 'auto',
    maxWidth: 'auto',
    maxHeight: 'auto',
    flexGrow: 0,
    flexShrink: 1,
    flexBasis: 'auto',
    alignSelf: 'auto',
    breakBefore: 'auto',
    breakAfter: 'auto',
    breakInside: 'auto',
  };
}

function textBox(el: StyledElement, nodes: StyledNode[], ctx: BoxContext, origin: ItemOrigin, fit: TextBox['fit']): TextBox {
  const collected: InlineRun[] = [];
  collectRuns(nodes, ctx.fonts, origin, collected);
  trimEdges(collected);
  // One face per run from here on: the fallback chain splits runs by coverage (text/itemize.ts).
  const runs = itemizeRuns(collected, ctx.missing);
  const s = el.style;
  return {
    kind: 'text',
    style: s,
    origin,
    element: el,
    runs,
    scale: 1,
    ...(fit ? { fit } : {}),
    paragraph: {
      indent: s.textIndent,
      align: s.textAlign === 'left' ? 'start' : s.textAlign === 'right' ? 'end' : s.textAlign,
      alignLast: s.textAlignLast === 'left' ? 'start' : s.textAlignLast === 'right' ? 'end' : s.textAlignLast,
      lineBreak: s.lineBreak === 'auto' ? 'strict' : s.lineBreak,
      phrases: s.wordBreak === 'auto-phrase',
      ...(s.wordBreak === 'keep-all' ? { keepAll: true } : {}),
      wrap: s.whiteSpace === 'nowrap' ? 'nowrap' : s.textWrap,
      ...(s.hangingPunctuation !== 'none' ? { hang: s.hangingPunctuation } : {}),
      ...(s.textSpacingTrim !== 'normal' ? { spacingTrim: s.textSpacingTrim } : {}),
      ...(s.overflowWrap !== 'normal' ? { overflowWrap: s.overflowWrap } : {}),
    },
  };
}

function collectRuns(nodes: StyledNode[], fonts: FontRegistry, origin: ItemOrigin, out: InlineRun[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') {
      if (node.text === '') continue;
      // A URL in the text is a run of its own, tied to its Link node (layout/structure.ts).
      for (const seg of linkSegments(node)) {
        if (seg.text === '') continue;
        const o = seg.link === undefined ? origin : { ...origin, struct: seg.link };
        out.push({ text: seg.text, style: textStyle(node.style, fonts), origin: o, ...combineUpright(node.style) });
      }
    } else if (node.tag === 'br') {
      out.push({ text: '\n', style: textStyle(node.style, fonts), origin });
    } else if (node.tag === 'ruby') {
      const from = out.length;
      rubyRuns(node, originOf(node, origin.file ?? ''), fonts, (n, o, into) => collectRuns(n, fonts, o, into), out);
      tagRubyRuns(node, out, from);
    } else {
      collectRuns(node.children, fonts, originOf(node, origin.file ?? ''), out);
    }
  }
}

/** Leading/trailing collapsible spaces of a paragraph are not rendered (CSS Text §4.1.1). */
function trimEdges(runs: InlineRun[]): void {
  while (runs.length > 0 && runs[0]!.text.trimStart() === '') runs.shift();
  while (runs.length > 0 && runs[runs.length - 1]!.text.trimEnd() === '') runs.pop();
  if (runs.length === 0) return;
  runs[0] = { ...runs[0]!, text: runs[0]!.text.replace(/^ +/, '') };
  const last = runs.length - 1;
  runs[last] = { ...runs[last]!, text: runs[last]!.text.replace(/ +$/, '') };
}

/** The style of an element's text: its face is the primary of its fallback chain (font-family, weight, lang). */
export function textStyle(style: ComputedStyle, fonts: FontRegistry): InlineRun['style'] {
  const chain = fonts.chain(style.fontFamily, style.fontWeight, style.lang);
  return {
    chain,
    face: chain.primary,
    size: style.fontSize,
    color: style.color,
    letterSpacing: style.letterSpacing,
    // Line breaking and punctuation follow the language (text/language.ts).
    ...(style.lang ? { lang: style.lang } : {}),
  };
}

function attachMarker(box: Box, list: StyledElement, item: StyledElement, index: number, fonts: FontRegistry): void {
  const text = markerText(item.style.listStyleType, index);
  if (text === undefined) return;
  const first = firstTextBox(box);
  if (!first) return;
  // Decorative for the typeset lines, yet tagged: the marker is the list item's Lbl.
  const lbl = labelStructOf(item);
  const { struct: _paragraph, ...origin } = first.origin;
  first.marker = { text, style: textStyle(item.style, fonts), origin: { ...origin, decorative: true, ...(lbl !== undefined ? { struct: lbl } : {}) } };
  void list;
}

export function firstTextBox(box: Box): TextBox | undefined {
  if (box.kind === 'text') return box;
  if (box.kind === 'icon' || box.kind === 'qr' || box.kind === 'image') return undefined;
  for (const c of box.children) {
    const t = firstTextBox(c);
    if (t) return t;
  }
  return undefined;
}

export function originOf(el: StyledElement, file: string): ItemOrigin {
  const struct = contentStructOf(el);
  return struct === undefined ? sourceOriginOf(el, file) : { ...sourceOriginOf(el, file), struct };
}

function sourceOriginOf(el: StyledElement, file: string): ItemOrigin {
  const cls = el.attrs.class ? `.${el.attrs.class.trim().split(/\s+/).join('.')}` : '';
  const src = el.dataSource;
  if (src?.line !== undefined) {
    return { element: `${el.tag}${cls}`, file: src.file, line: src.line, ...(src.path ? { path: src.path } : {}) };
  }
  return {
    element: `${el.tag}${cls}`,
    file: el.source?.file ?? file,
    ...(el.source?.line !== undefined ? { line: el.source.line } : {}),
  };
}

