/**
 * Every text in every default product has a contrast of at least 4.5:1 (WCAG 2.0 AA, as JIS
 * X 8341-3 asks) against what is painted beneath it. The background of a glyph run is the
 * last filled shape drawn before it that covers the run's centre; the page itself is white.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutJob } from '../../src/build/build.js';
import { jobsFor } from '../../src/build/products.js';
import { loadContent, type Content } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { Color, DisplayItem, PathItem } from '../../src/layout/display-list.js';

const root = join(import.meta.dirname, '../..');

function toRgb(c: Color): [number, number, number] {
  if (c.space === 'rgb') return [c.r, c.g, c.b];
  // Naive CMYK → RGB, enough to rank contrast.
  return [(1 - c.c) * (1 - c.k), (1 - c.m) * (1 - c.k), (1 - c.y) * (1 - c.k)];
}

/** WCAG 2.0 relative luminance and contrast ratio. */
export function contrast(a: Color, b: Color): number {
  const lum = (c: Color): number => {
    const [r, g, bl] = toRgb(c).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function bbox(p: PathItem): { x0: number; y0: number; x1: number; y1: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const c of p.commands) if (c.op !== 'Z') (xs.push(c.x), ys.push(c.y));
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const WHITE: Color = { space: 'rgb', r: 1, g: 1, b: 1 };

function textContrasts(items: DisplayItem[]): { text: string; ratio: number }[] {
  const out: { text: string; ratio: number }[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'glyphs' || item.glyphs.length === 0) return;
    const last = item.glyphs[item.glyphs.length - 1]!;
    // A run turned a half turn (transform: rotate(180deg)) extends left of and below its origin.
    const turn = item.rotation === 180 ? -1 : 1;
    const cx = item.x + (turn * (last.x + last.advance)) / 2;
    const cy = item.y - turn * item.size * 0.35;
    let background = WHITE;
    for (const under of items.slice(0, i)) {
      if (under.kind !== 'path' || !under.fill) continue;
      const b = bbox(under);
      if (cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1) background = under.fill;
    }
    out.push({ text: item.glyphs.map((g) => g.text).join(''), ratio: contrast(item.color, background) });
  });
  return out;
}

describe('colour contrast of the default products', () => {
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(join(root, 'content/okayama'));
  });

  it('computes WCAG ratios correctly (black on white is 21:1, CUD blue on white about 5.4:1)', () => {
    expect(contrast({ space: 'rgb', r: 0, g: 0, b: 0 }, WHITE)).toBeCloseTo(21, 5);
    expect(contrast({ space: 'rgb', r: 0, g: 90 / 255, b: 1 }, WHITE)).toBeGreaterThan(5.3);
    expect(contrast({ space: 'rgb', r: 1, g: 75 / 255, b: 0 }, WHITE)).toBeLessThan(4.5);
  });

  it('every text run in every product reaches 4.5:1 against its background', () => {
    const failures: string[] = [];
    let runs = 0;
    for (const job of jobsFor(content.products, undefined, 'products.yaml')) {
      const doc = layoutJob(content, job, new DiagnosticBag(), {});
      doc.pages.forEach((page, p) => {
        for (const { text, ratio } of textContrasts(page.items)) {
          runs++;
          if (ratio < 4.5) failures.push(`${job.output} p${p + 1} "${text}" ${ratio.toFixed(2)}:1`);
        }
      });
    }
    expect(runs).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('finds the coloured band behind the poster lead (the check sees backgrounds)', () => {
    const [job] = jobsFor(content.products, ['poster'], 'products.yaml');
    const doc = layoutJob(content, job!, new DiagnosticBag(), {});
    const lead = textContrasts(doc.pages[0]!.items).find((t) => t.text.includes('みんなが'));
    // White on CUD blue: about 5.4:1 — it would be 1:1 if the band were missed.
    expect(lead?.ratio).toBeGreaterThan(5);
    expect(lead?.ratio).toBeLessThan(6);
  });
});
