/**
 * Rich black for large areas (`@page { -kp-rich-black }`), print flavour only: big black fills
 * become C40 M40 Y40 K100 (or the given colour); text, thin rules and strokes stay K100.
 * Content streams are read back with pdf-lib's parser.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.js';
import { isLargeBlackFill, renderPrintPdf, RICH_BLACK_MIN_AREA } from '../../src/render/pdf/print/index.js';
import { preflightPrint } from '../../src/preflight/print.js';
import { layout, styled } from '../layout/helpers.js';
import { operators, readPrintPdf } from '../helpers/printPdf.js';
import { rectPath } from '../helpers/displayDoc.js';

const MM = 72 / 25.4;
const K100 = { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 } as const;

const BODY = `<div class="box"></div><div class="rule"></div><div class="long"></div><p class="text">黒い文字はスミ K100 のまま</p>`;
const CSS = (page: string) => `@page { size: A5; margin: 12mm; ${page} }
  .box { width: 80mm; height: 50mm; background: black }
  .rule { width: 120mm; height: 0.5mm; background: #000; margin-top: 4mm }
  .long { width: 120mm; height: 2mm; background: device-cmyk(0 0 0 1); margin-top: 4mm }
  .text { color: black; font-size: 24pt; margin-top: 4mm }`;

interface Fill {
  color: string;
  width: number;
  height: number;
}

/** Filled paths (`… f` / `… f*`) with the fill colour in force and their extent, in pt. */
function fills(content: string): Fill[] {
  const out: Fill[] = [];
  let color = '0 g';
  const stack: string[] = [];
  let xs: number[] = [];
  let ys: number[] = [];
  for (const op of operators(content)) {
    const parts = op.split(/\s+/);
    const name = parts.at(-1)!;
    const nums = parts.slice(0, -1).map(Number);
    if (name === 'q') stack.push(color);
    else if (name === 'Q') color = stack.pop() ?? color;
    else if (name === 'k' || name === 'rg' || name === 'g') color = op;
    else if (name === 'm' || name === 'l' || name === 'c') {
      for (let i = 0; i + 1 < nums.length; i += 2) xs.push(nums[i]!), ys.push(nums[i + 1]!);
    } else if (name === 'f' || name === 'f*' || name === 'S' || name === 'B' || name === 'n') {
      if (name.startsWith('f')) out.push({ color, width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
      xs = [];
      ys = [];
    }
  }
  return out;
}

/** Colour of the fill whose extent is close to w × h mm. */
function colourOf(all: Fill[], wMm: number, hMm: number): string | undefined {
  return all.find((f) => Math.abs(f.width - wMm * MM) < 0.5 && Math.abs(f.height - hMm * MM) < 0.5)?.color;
}

/** The fill colour in force inside BT … ET. */
function textColours(content: string): string[] {
  const out: string[] = [];
  let inText = false;
  for (const op of operators(content)) {
    if (op === 'BT') inText = true;
    else if (op === 'ET') inText = false;
    else if (inText && / k$/.test(op)) out.push(op);
  }
  return out;
}

describe('rich black', () => {
  it('a big black box becomes C40 M40 Y40 K100; the thin rule, the 2 mm bar and the text stay K100', async () => {
    const doc = layout(CSS('-kp-rich-black: auto'), BODY);
    const { pages } = await readPrintPdf(await renderPrintPdf(doc));
    const all = fills(pages[0]!.content);
    expect(colourOf(all, 80, 50)).toBe('0.4 0.4 0.4 1 k');
    expect(colourOf(all, 120, 0.5)).toBe('0 0 0 1 k');
    expect(colourOf(all, 120, 2)).toBe('0 0 0 1 k');
    expect(textColours(pages[0]!.content)).toEqual(['0 0 0 1 k']);
  });

  it('takes the rich black given as device-cmyk()', async () => {
    const doc = layout(CSS('-kp-rich-black: device-cmyk(0.6 0.4 0.4 1)'), BODY);
    const { pages } = await readPrintPdf(await renderPrintPdf(doc));
    expect(colourOf(fills(pages[0]!.content), 80, 50)).toBe('0.6 0.4 0.4 1 k');
  });

  it('is off unless asked for, and never touches the plain flavour', async () => {
    const plainDoc = layout(CSS(''), BODY);
    const { pages } = await readPrintPdf(await renderPrintPdf(plainDoc));
    expect(colourOf(fills(pages[0]!.content), 80, 50)).toBe('0 0 0 1 k');
    const asked = layout(CSS('-kp-rich-black: auto'), BODY);
    const plain = await readPrintPdf(await renderPdf(asked));
    expect(colourOf(fills(plain.pages[0]!.content), 80, 50)).toBe('0 0 0 rg');
  });

  it('an outlined file keeps its glyphs K100 beside the rich-black box', async () => {
    const doc = layout(CSS('-kp-rich-black: auto'), BODY);
    const { pages } = await readPrintPdf(await renderPrintPdf(doc, { outlineText: true }));
    const all = fills(pages[0]!.content);
    expect(colourOf(all, 80, 50)).toBe('0.4 0.4 0.4 1 k');
    const glyphs = all.filter((f) => f.height > 10 && f.height < 30 && f.width > 100);
    expect(glyphs.length).toBeGreaterThan(0);
    expect(new Set(glyphs.map((g) => g.color))).toEqual(new Set(['0 0 0 1 k']));
  });

  it('stays within the ink limit: the preflight passes', async () => {
    const bytes = await renderPrintPdf(layout(CSS('-kp-rich-black: auto'), BODY));
    const results = await preflightPrint(bytes);
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(results.filter((r) => r.rule === 'ink').every((r) => r.status === 'pass')).toBe(true);
  });

  it.each(['device-cmyk(1 1 1 1)', 'device-cmyk(0.4 0.4 0.4 0.9)', 'device-cmyk(0.9 0.9 0.9 1)', '#000', 'red'])(
    'rejects %s with a warning and keeps K100',
    async (value) => {
      const s = styled(CSS(`-kp-rich-black: ${value}`), BODY);
      expect(s.diagnostics.map((d) => d.code)).toContain('markup/unsupported-value');
      expect(s.page.richBlack).toBeUndefined();
    },
  );

  it('measures area and width: 10 cm² and 3 mm mean width', () => {
    const fill = { fill: K100 };
    expect(isLargeBlackFill(rectPath(0, 0, 40 * MM, 25 * MM, fill))).toBe(true); // 10 cm², 15 mm wide
    expect(isLargeBlackFill(rectPath(0, 0, 40 * MM, 24 * MM, fill))).toBe(false); // 9.6 cm²
    expect(isLargeBlackFill(rectPath(0, 0, 600 * MM, 2 * MM, fill))).toBe(false); // 12 cm² but a 2 mm bar
    expect(isLargeBlackFill(rectPath(0, 0, 100 * MM, 100 * MM, { fill: { space: 'cmyk', c: 0.1, m: 0, y: 0, k: 1 } }))).toBe(false);
    expect(isLargeBlackFill(rectPath(0, 0, 100 * MM, 100 * MM, { stroke: { color: K100, width: 1 } }))).toBe(false);
    expect(RICH_BLACK_MIN_AREA).toBeCloseTo(1000 * MM * MM, 6);
  });
});
