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

const PT_PER: Record<string, number> = { pt: 1, px: 0.75, mm: 72 / 25.4, cm: 72 / 2.54, q: 18 / 25.4, in: 72, pc: 12 };
const PRINT_ONLY = /^(-kp-|break-|page-break-|orphans$|widows$)/;
/** The page's font stack (page.ts) replaces the fonts we embed in PDFs. */
const LEFT_TO_PAGE = new Set(['font-family']);
/** Elements our markup knows that become other elements on the web (see dom.ts). */
const RENAMED_TYPES = new Set(['kp-icon', 'kp-qr']);

export function webStylesheet(css: string, options: CssOptions): string {
  const ast = csstree.parse(css, { parseValue: true, parseCustomProperty: false });
  const scale = unitScale(options.page);
  csstree.walk(ast, {
    enter(node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (node.type === 'Atrule' && node.name === 'page' && list) list.remove(item);
      else if (node.type === 'TypeSelector' && RENAMED_TYPES.has(node.name) && list) {
        list.replace(item, list.createItem({ type: 'ClassSelector', name: node.name } as csstree.ClassSelector));
      } else if (node.type === 'Rule' && node.block) adaptRule(node.block, scale);
    },
  });
  return csstree.generate(ast);
}

interface UnitScale {
  /** Absolute units → rem. */
  rem: Record<string, number>;
  /** Page-relative units → fractions of the page width (1vw = 0.01). */
  page: Record<string, number>;
}

function unitScale(page: CssOptions['page']): UnitScale {
  const h = page.height / page.width;
  const rem: Record<string, number> = {};
  for (const [unit, pt] of Object.entries(PT_PER)) rem[unit] = pt / TEMPLATE_REM_PT;
  return { rem, page: { vw: 0.01, vh: 0.01 * h, vmin: 0.01 * Math.min(1, h), vmax: 0.01 * Math.max(1, h) } };
}

function adaptRule(block: csstree.Block, scale: UnitScale): void {
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
    convertLengths(node, scale);
    if (/device-cmyk\(/.test(value)) node.value = { type: 'Raw', value: cmykToRgb(csstree.generate(node.value)) };
  });
  if (flexRow && !wraps) {
    block.children.appendData({ type: 'Declaration', important: false, property: 'flex-wrap', value: { type: 'Raw', value: 'wrap' } } as csstree.Declaration);
  }
}

function convertLengths(decl: csstree.Declaration, scale: UnitScale): void {
  const font = decl.property === 'font-size';
  csstree.walk(decl.value, {
    enter(n: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (n.type !== 'Dimension') return;
      const unit = n.unit.toLowerCase();
      const value = Number(n.value);
      const factor = scale.rem[unit];
      if (factor !== undefined) {
        n.value = formatNumber(font ? Math.max(value * factor, MIN_FONT_REM) : value * factor);
        n.unit = 'rem';
      } else if (scale.page[unit] !== undefined && list) {
        list.replace(item, list.createItem({ type: 'Raw', value: fluid(value * scale.page[unit]!, font) }));
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
  const narrow = `${formatNumber(fraction * 100 * COLUMN_VW)}vw`;
  if (!font) return `min(${formatNumber(max)}rem, ${narrow})`;
  const min = Math.max(MIN_FONT_REM, max / 2);
  return min >= max ? `${formatNumber(min)}rem` : `clamp(${formatNumber(min)}rem, ${narrow}, ${formatNumber(max)}rem)`;
}

function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** device-cmyk(c m y k) with 0–1 or % components → rgb(), the naive conversion browsers use. */
export function cmykToRgb(value: string): string {
  return value.replace(/device-cmyk\(([^)]*)\)/g, (_m, args: string) => {
    const [c, m, y, k] = args.split(/[\s,]+/).filter(Boolean).map((a) => (a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a)));
    const ch = (x = 0) => Math.round(255 * (1 - Math.min(1, x)) * (1 - Math.min(1, k ?? 0)));
    return `rgb(${ch(c)} ${ch(m)} ${ch(y)})`;
  });
}
