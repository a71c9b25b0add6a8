/** Page margin boxes (@page @bottom-center etc.): running page numbers, placed in the margins. */
import { describe, expect, it } from 'vitest';
import type { DisplayItem, GlyphRun } from '../../src/layout/display-list.js';
import { isRun, layout, metrics, runRight, runText } from './helpers.js';

const PAGE = 'body { font-size: 10pt; line-height: 20pt }';
const THREE_PAGES = '<p>一</p><p style="break-before: page">二</p><p style="break-before: page">三</p>';

function marginRuns(items: readonly DisplayItem[], position: string): GlyphRun[] {
  return items.filter(isRun).filter((r) => r.origin?.element === `@page @${position}`);
}

describe('page margin boxes', () => {
  it('@bottom-center prints "page / pages" on every page, centred horizontally within 0.5 pt', () => {
    const css = `@page { size: 200pt 300pt; margin: 20pt 30pt 40pt 10pt; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt } } ${PAGE}`;
    const doc = layout(css, THREE_PAGES);
    expect(doc.pages).toHaveLength(3);
    doc.pages.forEach((page, i) => {
      const runs = marginRuns(page.items, 'bottom-center');
      expect(runs.map(runText).join('')).toBe(`${i + 1} / 3`);
      const left = Math.min(...runs.map((r) => r.x));
      const right = Math.max(...runs.map(runRight));
      // Centred on the page (not on the page area, whose margins are uneven here).
      expect(Math.abs((left + right) / 2 - page.width / 2)).toBeLessThanOrEqual(0.5);
      for (const r of runs) {
        expect(r.size).toBe(9);
        expect(r.origin?.decorative).toBe(true);
        // Inside the bottom margin band, below the page area.
        const { asc, desc } = metrics(9);
        expect(r.y - asc).toBeGreaterThanOrEqual(page.height - 40);
        expect(r.y + desc).toBeLessThanOrEqual(page.height);
      }
    });
  });

  it('places left and right boxes against the page area edges and top boxes in the top margin', () => {
    const css = `@page { size: 200pt 300pt; margin: 20pt 30pt 40pt 10pt;
      @top-left { content: "左" } @top-right { content: "右" } @bottom-right { content: counter(page) } } ${PAGE}`;
    const doc = layout(css, '<p>本文</p>');
    const page = doc.pages[0]!;
    const [tl] = marginRuns(page.items, 'top-left');
    const [tr] = marginRuns(page.items, 'top-right');
    const [br] = marginRuns(page.items, 'bottom-right');
    expect(tl!.x).toBeCloseTo(10, 6);
    expect(runRight(tr!)).toBeCloseTo(200 - 30, 6);
    expect(runRight(br!)).toBeCloseTo(200 - 30, 6);
    expect(runText(br!)).toBe('1');
    const { asc, desc } = metrics(tl!.size);
    // Vertically centred in the 20 pt top margin.
    expect((tl!.y - asc + tl!.y + desc) / 2).toBeCloseTo(10, 6);
    expect(tr!.y).toBeCloseTo(tl!.y, 9);
  });

  it('does not count margin boxes as content: the body text starts at the page area', () => {
    const css = `@page { size: 200pt 300pt; margin: 20pt; @top-center { content: "見出し" } } ${PAGE}`;
    const doc = layout(css, '<p>本文</p>');
    const body = doc.pages[0]!.items.filter(isRun).filter((r) => !r.origin?.decorative);
    expect(body.map(runText)).toEqual(['本文']);
    expect(body[0]!.x).toBe(20);
  });
});
