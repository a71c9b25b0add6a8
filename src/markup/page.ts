/**
 * @page: page size, page margins and the six margin boxes we support. Page geometry is
 * resolved before the element cascade because vw/vh refer to the page area.
 */
import type { Atrule, CssNode } from 'css-tree';
import * as csstree from 'css-tree';
import type { ComputedStyle, PageMarginBox, PageMarks, PageStyle, RichBlack, Sides } from './types.js';
import { cssLoc, warn, type Diags, type Loc } from './diag.js';
import { parseDeclaration, valueNodes, type ParsedDecl } from './declarations.js';
import { computeStyle, pickWinners, type PageEnv } from './cascade.js';
import { SIDES } from './properties.js';
import { ValueError, ident, parseColor, parseLength, type SpecLength } from './values.js';
import { mmToPt as mm } from '../units.js';

/**
 * Named sizes in mm (portrait). B sizes are JIS B, what Japanese printers mean by B2 —
 * not ISO B as in the CSS spec (JIS-B4/JIS-B5 are accepted as CSS spells them).
 */
export const PAGE_SIZES: Readonly<Record<string, readonly [number, number]>> = {
  a1: [594, 841],
  a2: [420, 594],
  a3: [297, 420],
  a4: [210, 297],
  a5: [148, 210],
  b1: [728, 1030],
  b2: [515, 728],
  b3: [364, 515],
  b4: [257, 364],
  b5: [182, 257],
  'jis-b4': [257, 364],
  'jis-b5': [182, 257],
};
export const MARGIN_BOX_POSITIONS = ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'] as const;
const DEFAULT_SIZE = { w: mm(210), h: mm(297) };
const DEFAULT_MARGIN = mm(20);

type PageSize = { w: number; h: number; orientation?: 'portrait' | 'landscape' };
type PageDecl =
  | { prop: 'size'; value: PageSize; important: boolean }
  | { prop: Side; value: SpecLength; important: boolean }
  | { prop: 'bleed'; value: number; important: boolean }
  | { prop: 'marks'; value: PageMarks; important: boolean }
  | { prop: 'richBlack'; value: RichBlack | null; important: boolean }
  | { prop: 'safeMargin'; value: number; important: boolean };
type Side = keyof Sides<number>;
type Content = PageMarginBox['content'];

export interface MarginBoxRule {
  position: (typeof MARGIN_BOX_POSITIONS)[number];
  decls: ParsedDecl[];
  content?: { value: Content; important: boolean };
}
export interface PageRule {
  decls: PageDecl[];
  boxes: MarginBoxRule[];
}

const ABSOLUTE_DETAIL = {
  ja: '@page では mm や pt などの絶対単位を使ってください。',
  en: 'Use absolute units (mm, pt, …) in @page.',
};

function absolute(n: CssNode | undefined, percent = false): SpecLength {
  const l = parseLength(n, { percent });
  if (l.u !== 'pt' && l.u !== '%') throw new ValueError(ABSOLUTE_DETAIL);
  return l;
}

function parseSize(nodes: CssNode[]): PageSize {
  let size: PageSize | undefined;
  let orientation: PageSize['orientation'];
  const lengths: number[] = [];
  for (const n of nodes) {
    const k = ident(n);
    if (k === 'portrait' || k === 'landscape') {
      if (orientation) throw new ValueError();
      orientation = k;
    } else if (k === 'auto' && nodes.length === 1) {
      size = { ...DEFAULT_SIZE };
    } else if (k !== undefined && PAGE_SIZES[k] && !size && lengths.length === 0) {
      const [w, h] = PAGE_SIZES[k];
      size = { w: mm(w), h: mm(h) };
    } else if (!size && k === undefined) {
      lengths.push(absolute(n).n);
    } else throw new ValueError();
  }
  if (lengths.length > 2 || (lengths.length > 0 && orientation)) throw new ValueError();
  if (lengths.length > 0) size = { w: lengths[0]!, h: lengths[1] ?? lengths[0]! };
  size ??= { ...DEFAULT_SIZE };
  if (orientation) size.orientation = orientation;
  if (size.w <= 0 || size.h <= 0) throw new ValueError();
  return size;
}

/** `bleed: auto | <length>` (CSS Paged Media 3 §7.2); auto is 0 here (no marks implied). */
function parseBleed(nodes: CssNode[]): number {
  if (nodes.length !== 1) throw new ValueError();
  if (ident(nodes[0]) === 'auto') return 0;
  const n = absolute(nodes[0]).n;
  if (n < 0) throw new ValueError();
  return n;
}

/** `marks: none | [crop || cross]` (CSS Paged Media 3 §7.1). */
function parseMarks(nodes: CssNode[]): PageMarks {
  const words = nodes.map((n) => ident(n));
  if (words.length === 1 && words[0] === 'none') return { crop: false, cross: false };
  const marks = { crop: false, cross: false };
  if (words.length < 1 || words.length > 2) throw new ValueError();
  for (const w of words) {
    if ((w !== 'crop' && w !== 'cross') || marks[w]) throw new ValueError();
    marks[w] = true;
  }
  return marks;
}

/** The rich black `auto` stands for: C40 M40 Y40 K100 (220 % ink), print.md's usual mix. */
export const DEFAULT_RICH_BLACK: RichBlack = { c: 0.4, m: 0.4, y: 0.4, k: 1 };
/** Inks the print flavour allows in total (render/pdf/print/cmyk.ts INK_LIMIT, 300 %). */
const RICH_BLACK_INK_LIMIT = 3;

/**
 * `-kp-rich-black: none | auto | device-cmyk(c m y 1)`: a rich black is K100 plus some of C, M
 * and Y, within the ink limit and short of the registration colour; null for none.
 */
function parseRichBlack(nodes: CssNode[], text: string): RichBlack | null {
  if (nodes.length !== 1) throw new ValueError();
  const word = ident(nodes[0]);
  if (word === 'none') return null;
  if (word === 'auto') return { ...DEFAULT_RICH_BLACK };
  const color = parseColor(nodes[0], { note: () => {} }, text);
  const detail = {
    ja: 'K は 100 %、C+M+Y+K は 300 % 以下、C・M・Y のすべてが 100 % ではない色にしてください（例: device-cmyk(0.4 0.4 0.4 1)）。',
    en: 'K must be 100 %, C+M+Y+K at most 300 %, and not all of C, M, Y at 100 % (e.g. device-cmyk(0.4 0.4 0.4 1)).',
  };
  if (typeof color === 'string' || color.space !== 'cmyk') throw new ValueError(detail);
  const { c, m, y, k } = color;
  if (k < 1 || c + m + y + k > RICH_BLACK_INK_LIMIT + 1e-9 || (c >= 1 && m >= 1 && y >= 1)) throw new ValueError(detail);
  return { c, m, y, k };
}

/** `-kp-safe-margin: <length>`: how far inside the trim text must stay (default 5 mm). */
function parseSafeMargin(nodes: CssNode[]): number {
  if (nodes.length !== 1) throw new ValueError();
  const n = absolute(nodes[0]).n;
  if (n < 0) throw new ValueError();
  return n;
}

function parseContent(nodes: CssNode[]): Content {
  if (nodes.length === 1 && (ident(nodes[0]) === 'none' || ident(nodes[0]) === 'normal')) return [];
  return nodes.map((n) => {
    if (n.type === 'String') return { kind: 'string', value: n.value };
    if (n.type === 'Function' && n.name.toLowerCase() === 'counter') {
      const args = n.children.toArray().filter((c) => c.type !== 'WhiteSpace' && c.type !== 'Operator');
      const name = ident(args[0]);
      const style = args[1] ? ident(args[1]) : 'decimal';
      if ((name === 'page' || name === 'pages') && style === 'decimal' && args.length <= 2) return { kind: 'counter', name };
    }
    throw new ValueError({
      ja: 'content には文字列と counter(page)、counter(pages) だけを使えます。',
      en: 'content takes strings, counter(page) and counter(pages) only.',
    });
  });
}

/** What @page accepts (also the README's generated reference, markup/reference.ts). */
export const PAGE_SYNTAX: Record<string, string> = {
  size: 'A1–A5 | B1–B5 (JIS) [portrait | landscape] | <length>{1,2} | auto',
  margin: '<length>{1,4}',
  content: '<string> | counter(page) | counter(pages)',
  bleed: 'auto | <length>',
  marks: 'none | [crop || cross]',
  '-kp-rich-black': 'none | auto | device-cmyk(<c> <m> <y> 1)',
  '-kp-safe-margin': '<length>',
};

function badValue(diags: Diags, loc: Loc, prop: string, text: string, e: ValueError): void {
  const syntax = PAGE_SYNTAX[prop] ?? PAGE_SYNTAX['margin']!;
  warn(
    diags,
    'markup/unsupported-value',
    loc,
    (where) => ({
      ja: `@page の "${prop}" の値 "${text}" には対応していません（${where}）。`,
      en: `Unsupported value "${text}" for "${prop}" in @page (${where}).`,
    }),
    { ja: `使える値: ${syntax}。${e.detail?.ja ?? ''}`, en: `Accepted: ${syntax}.${e.detail ? ' ' + e.detail.en : ''}` },
  );
}

export function parsePageRule(rule: Atrule, file: string, diags: Diags): PageRule | undefined {
  if (rule.prelude) {
    const sel = csstree.generate(rule.prelude);
    warn(
      diags,
      'markup/unsupported-at-rule',
      cssLoc(file, rule),
      (where) => ({ ja: `@page ${sel} のようなページ選択には対応していません。この規則は無視します（${where}）。`, en: `Page selectors such as "@page ${sel}" are not supported; this rule is ignored (${where}).` }),
      { ja: 'セレクタのない @page { … } を 1 つだけ書いてください。', en: 'Write one plain @page { … } rule.' },
    );
    return undefined;
  }
  const out: PageRule = { decls: [], boxes: [] };
  rule.block?.children.forEach((n) => {
    if (n.type === 'Declaration') {
      const prop = n.property.toLowerCase();
      const important = n.important !== false;
      const nodes = valueNodes(n) ?? [];
      const text = csstree.generate(n.value).trim();
      try {
        if (prop === 'size') out.decls.push({ prop: 'size', value: parseSize(nodes), important });
        else if (prop === 'bleed') out.decls.push({ prop: 'bleed', value: parseBleed(nodes), important });
        else if (prop === 'marks') out.decls.push({ prop: 'marks', value: parseMarks(nodes), important });
        else if (prop === '-kp-rich-black') out.decls.push({ prop: 'richBlack', value: parseRichBlack(nodes, text), important });
        else if (prop === '-kp-safe-margin') out.decls.push({ prop: 'safeMargin', value: parseSafeMargin(nodes), important });
        else if (prop === 'margin') {
          if (nodes.length < 1 || nodes.length > 4) throw new ValueError();
          const v = nodes.map((x) => absolute(x, true));
          const [t, r = t, b = t, l = r] = v as [SpecLength, SpecLength?, SpecLength?, SpecLength?];
          [t, r, b, l].forEach((value, i) => out.decls.push({ prop: SIDES[i]!, value, important }));
        } else if (/^margin-(top|right|bottom|left)$/.test(prop) && nodes.length === 1) {
          out.decls.push({ prop: prop.slice(7) as Side, value: absolute(nodes[0], true), important });
        } else if (/^margin-(top|right|bottom|left)$/.test(prop)) throw new ValueError();
        else {
          warn(
            diags,
            'markup/unsupported-property',
            cssLoc(file, n),
            (where) => ({ ja: `@page では "${n.property}" を使えません（${where}）。`, en: `Unsupported property "${n.property}" in @page (${where}).` }),
            { ja: '@page で使えるのは size、margin、bleed、marks、-kp-rich-black、-kp-safe-margin だけです。', en: 'Only size, margin, bleed, marks, -kp-rich-black and -kp-safe-margin are supported in @page.' },
          );
        }
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        badValue(diags, cssLoc(file, n), prop, text, e);
      }
    } else if (n.type === 'Atrule') {
      const position = MARGIN_BOX_POSITIONS.find((p) => p === n.name.toLowerCase());
      if (!position) {
        warn(
          diags,
          'markup/unsupported-at-rule',
          cssLoc(file, n),
          (where) => ({ ja: `余白ボックス @${n.name} には対応していません（${where}）。`, en: `Unsupported page margin box @${n.name} (${where}).` }),
          { ja: `使える余白ボックス: ${MARGIN_BOX_POSITIONS.map((p) => '@' + p).join('、')}。`, en: `Supported margin boxes: ${MARGIN_BOX_POSITIONS.map((p) => '@' + p).join(', ')}.` },
        );
        return;
      }
      out.boxes.push(parseMarginBox(n, position, file, diags));
    }
  });
  return out;
}

function parseMarginBox(rule: Atrule, position: MarginBoxRule['position'], file: string, diags: Diags): MarginBoxRule {
  const box: MarginBoxRule = { position, decls: [] };
  rule.block?.children.forEach((d) => {
    if (d.type !== 'Declaration') return;
    if (d.property.toLowerCase() !== 'content') {
      box.decls.push(...parseDeclaration(d, file, diags));
      return;
    }
    try {
      box.content = { value: parseContent(valueNodes(d) ?? []), important: d.important !== false };
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      badValue(diags, cssLoc(file, d), 'content', csstree.generate(d.value), e);
    }
  });
  if (!box.content && box.decls.length > 0) {
    warn(
      diags,
      'markup/margin-box-without-content',
      cssLoc(file, rule),
      (where) => ({ ja: `@${position} に content がないため、何も表示されません（${where}）。`, en: `@${position} has no content, so nothing is shown (${where}).` }),
      { ja: '例: content: counter(page) " / " counter(pages);', en: 'For example: content: counter(page) " / " counter(pages);' },
    );
  }
  return box;
}

/** Page size, margins (and bleed/marks when declared) in pt; later rules win, !important wins over normal. */
export function resolvePage(rules: readonly PageRule[]): Omit<PageStyle, 'marginBoxes'> {
  let size: PageSize = { ...DEFAULT_SIZE };
  const margin: Partial<Record<Side, SpecLength>> = {};
  let bleed: number | undefined;
  let marks: PageMarks | undefined;
  let richBlack: RichBlack | null | undefined;
  let safeMargin: number | undefined;
  for (const important of [false, true]) {
    for (const r of rules) {
      for (const d of r.decls) {
        if (d.important !== important) continue;
        if (d.prop === 'size') size = d.value;
        else if (d.prop === 'bleed') bleed = d.value;
        else if (d.prop === 'marks') marks = d.value;
        else if (d.prop === 'richBlack') richBlack = d.value;
        else if (d.prop === 'safeMargin') safeMargin = d.value;
        else margin[d.prop] = d.value;
      }
    }
  }
  let { w: width, h: height } = size;
  if ((size.orientation === 'landscape' && width < height) || (size.orientation === 'portrait' && width > height)) {
    [width, height] = [height, width];
  }
  const side = (s: Side): number => {
    const v = margin[s];
    if (!v) return DEFAULT_MARGIN;
    // Percent page margins refer to the page width (left/right) or height (top/bottom).
    return v.u === '%' ? (v.n / 100) * (s === 'left' || s === 'right' ? width : height) : v.n;
  };
  const out: Omit<PageStyle, 'marginBoxes'> = {
    width,
    height,
    margin: { top: side('top'), right: side('right'), bottom: side('bottom'), left: side('left') },
  };
  // Only when declared, so documents without them stay exactly as before.
  if (bleed !== undefined) out.bleed = bleed;
  if (marks !== undefined) out.marks = marks;
  if (richBlack) out.richBlack = richBlack;
  if (safeMargin !== undefined) out.safeMargin = safeMargin;
  return out;
}

/** Margin boxes inherit from the root element (CSS Paged Media: the page context does). */
export function resolveMarginBoxes(rules: readonly PageRule[], root: ComputedStyle, env: PageEnv): PageMarginBox[] {
  const out: PageMarginBox[] = [];
  for (const position of MARGIN_BOX_POSITIONS) {
    const boxes = rules.flatMap((r) => r.boxes.filter((b) => b.position === position));
    if (boxes.length === 0) continue;
    let content: Content = [];
    for (const important of [false, true]) {
      for (const b of boxes) if (b.content && b.content.important === important) content = b.content.value;
    }
    if (content.length === 0) continue; // content: none (or missing) generates no box
    // UA default: each box aligns toward its own side.
    const align = position.endsWith('left') ? 'left' : position.endsWith('right') ? 'right' : 'center';
    const ua: ParsedDecl[] = [
      { prop: 'text-align', value: align, important: false },
      { prop: 'display', value: 'block', important: false },
    ];
    const matched = boxes.map((b, order) => ({ decls: b.decls, specificity: 0, order }));
    out.push({ position, content, style: computeStyle(pickWinners(ua, matched, []), root, env) });
  }
  return out;
}
