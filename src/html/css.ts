/**
 * A template's print stylesheet → a screen stylesheet, with css-tree:
 * - @page (size, margins, running page numbers) and print-only properties are dropped, as are
 *   our own `-kp-*` properties (auto-fit has no meaning where text reflows);
 * - absolute and page-relative lengths become rem, so the reader's font-size setting and
 *   browser zoom scale everything: 1 rem of the template (our UA's 10.5 pt) is 1 rem of the
 *   browser, and the page's width (100vw) becomes the 40 rem reading measure;
 * - nothing may force a horizontal scroll at 320 px: `white-space: nowrap` becomes phrase
 *   breaking, page-height boxes (vh) go, and flex rows may wrap;
 * - DeviceCMYK colours become sRGB; font families are left to the page's font stack.
 */
import * as csstree from 'css-tree';
import { absoluteToPt } from '../markup/values.js';
import { decimal } from '../units.js';

export interface CssOptions {
  /** Page size in points (vw/vh refer to it in the template). */
  page: { width: number; height: number };
}

/** The template UA's root font size (src/markup/ua.ts): 1 rem there. */
const TEMPLATE_REM_PT = 10.5;
/** 100vw (the page width) → the reading column, this many rem wide at most (page.ts). */
const PAGE_WIDTH_REM = 40;
/** On a narrow screen the column is the viewport less the body's padding: about 90vw at 320 px. */
const COLUMN_VW = 0.9;
/** Smallest font size the export keeps (14 px at the default 16 px). */
const MIN_FONT_REM = 0.875;

const PRINT_ONLY = /^(-kp-|break-|page-break-|orphans$|widows$)/;
/** The page's font stack (page.ts) replaces the fonts we embed in PDFs. */
const LEFT_TO_PAGE = new Set(['font-family']);
/** Elements our markup knows that become other elements on the web (see dom.ts). */
const RENAMED_TYPES = new Set(['kp-icon', 'kp-qr']);

export function webStylesheet(css: string, options: CssOptions): string {
  const ast = csstree.parse(css, { parseValue: true, parseCustomProperty: false });
  const units = pageUnits(options.page);
  csstree.walk(ast, {
    enter(node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (node.type === 'Atrule' && node.name === 'page' && list) list.remove(item);
      else if (node.type === 'TypeSelector' && RENAMED_TYPES.has(node.name) && list) {
        list.replace(item, list.createItem({ type: 'ClassSelector', name: node.name } as csstree.ClassSelector));
      } else if (node.type === 'Rule' && node.block) adaptRule(node.block, units);
    },
  });
  return csstree.generate(ast);
}

/** Page-relative units → fractions of the page width (1vw = 0.01). */
type PageUnits = Record<string, number>;

function pageUnits(page: CssOptions['page']): PageUnits {
  const h = page.height / page.width;
  return { vw: 0.01, vh: 0.01 * h, vmin: 0.01 * Math.min(1, h), vmax: 0.01 * Math.max(1, h) };
}

function adaptRule(block: csstree.Block, units: PageUnits): void {
  let flexRow = false;
  let wraps = false;
  block.children.forEach((node, item, list) => {
    if (node.type !== 'Declaration') return;
    const value = csstree.generate(node.value).trim();
    const usesVh = /\d(vh|vmax)\b/.test(value);
    if (node.property === 'white-space' && value === 'nowrap') {
      // "Keep on one line" becomes "break only between phrases" (BudouX in Chromium).
      list.replace(item, list.createItem({ type: 'Declaration', important: false, property: 'word-break', value: { type: 'Raw', value: 'auto-phrase' } } as csstree.Declaration));
      return;
    }
    if (
      PRINT_ONLY.test(node.property) ||
      LEFT_TO_PAGE.has(node.property) ||
      (/^(min-|max-)?height$/.test(node.property) && usesVh)
    ) {
      list.remove(item);
      return;
    }
    if (node.property === 'display' && value === 'flex') flexRow = true;
    if (node.property === 'flex-direction' && value.startsWith('column')) flexRow = false;
    if (node.property === 'flex-wrap') wraps = true;
    convertLengths(node, units);
    if (/device-cmyk\(/.test(value)) node.value = { type: 'Raw', value: cmykToRgb(csstree.generate(node.value)) };
  });
  if (flexRow && !wraps) {
    block.children.appendData({ type: 'Declaration', important: false, property: 'flex-wrap', value: { type: 'Raw', value: 'wrap' } } as csstree.Declaration);
  }
}

function convertLengths(decl: csstree.Declaration, units: PageUnits): void {
  const font = decl.property === 'font-size';
  csstree.walk(decl.value, {
    enter(n: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (n.type !== 'Dimension') return;
      const unit = n.unit.toLowerCase();
      const value = Number(n.value);
      // Absolute units as the typesetter reads them (markup/values.ts), in the template's rem.
      const pt = absoluteToPt(value, unit);
      if (pt !== undefined) {
        const rem = pt / TEMPLATE_REM_PT;
        n.value = decimal(font ? Math.max(rem, MIN_FONT_REM) : rem);
        n.unit = 'rem';
      } else if (units[unit] !== undefined && list) {
        list.replace(item, list.createItem({ type: 'Raw', value: fluid(value * units[unit]!, font) }));
      }
    },
  });
}

/**
 * A fraction of the page width → the same fraction of the column: its full size in rem on a
 * wide screen, shrinking with the viewport on a narrow one. Text shrinks to half its size at
 * most and never below 14 px, so headings stay headings and nothing becomes unreadable.
 */
function fluid(fraction: number, font: boolean): string {
  const max = fraction * PAGE_WIDTH_REM;
  const narrow = `${decimal(fraction * 100 * COLUMN_VW)}vw`;
  if (!font) return `min(${decimal(max)}rem, ${narrow})`;
  const min = Math.max(MIN_FONT_REM, max / 2);
  return min >= max ? `${decimal(min)}rem` : `clamp(${decimal(min)}rem, ${narrow}, ${decimal(max)}rem)`;
}

/** device-cmyk(c m y k) with 0–1 or % components → rgb(), the naive conversion browsers use. */
export function cmykToRgb(value: string): string {
  return value.replace(/device-cmyk\(([^)]*)\)/g, (_m, args: string) => {
    const [c, m, y, k] = args.split(/[\s,]+/).filter(Boolean).map((a) => (a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a)));
    const ch = (x = 0) => Math.round(255 * (1 - Math.min(1, x)) * (1 - Math.min(1, k ?? 0)));
    return `rgb(${ch(c)} ${ch(m)} ${ch(y)})`;
  });
}
