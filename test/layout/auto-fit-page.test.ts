/**
 * Auto-fit on a page that is too full (a poster): every fit group gives up the same share of
 * its range, and the search (src/layout/fit-search.ts) must land on the largest step that
 * fits, as bisection did, with fewer layouts of the page.
 */
import { describe, expect, it } from 'vitest';
import { fitStats } from '../../src/layout/fitting.js';
import { contentRuns, layout } from './helpers.js';

const HEADLINE = 'カスタマーハラスメントは許しません';
const BODY = '従業員への暴言、威圧的な言動、長時間の拘束、不当な要求には応じられません。'.repeat(3);
const STEPS = 128;

/** A 200 × 160 pt page whose content is too tall at the styled sizes (24 pt and 14 pt). */
function page(h1: string, p: string): string {
  return [
    '@page { size: 200pt 160pt; margin: 10pt }',
    'body { height: 140pt; display: flex; flex-direction: column }',
    `h1 { ${h1}; line-height: 1.2; margin-bottom: 6pt }`,
    `p { ${p}; line-height: 1.3 }`,
  ].join(' ');
}
const BODY_HTML = `<h1>${HEADLINE}</h1><p>${BODY}</p>`;
const fitted = page('font-size: 24pt; -kp-fit-min-size: 10pt', 'font-size: 14pt; -kp-fit-min-size: 7pt');

/** The sizes at step k of STEPS: each group at k/STEPS of its range from its minimum. */
function sizesAt(k: number): [number, number] {
  const at = (size: number, min: number) => {
    const lo = min / size;
    return size * (lo + (k / STEPS) * (1 - lo));
  };
  return [at(24, 10), at(14, 7)];
}

describe('auto-fit of a page that is too full', () => {
  it('shrinks every group to the largest common step that fits: one step larger overflows', () => {
    const runs = contentRuns(layout(fitted, BODY_HTML).pages[0]!);
    const h1 = runs.find((r) => r.size > 0 && runs.indexOf(r) === 0)!.size;
    const k = Math.round(((h1 / 24 - 10 / 24) / (1 - 10 / 24)) * STEPS);
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(STEPS);
    const [s1, s2] = sizesAt(k);
    expect(h1).toBeCloseTo(s1, 9);
    expect(runs.some((r) => Math.abs(r.size - s2) < 1e-9)).toBe(true);
    // The same sizes written out (no auto-fit) fit; those of the next step do not.
    const fixedAt = (step: number) => {
      const [a, b] = sizesAt(step);
      return page(`font-size: ${a}pt`, `font-size: ${b}pt`);
    };
    expect(() => layout(fixedAt(k), BODY_HTML)).not.toThrow();
    expect(() => layout(fixedAt(k + 1), BODY_HTML)).toThrow(/taller than the page|does not fit/);
  });

  it('lays the page out at most 8 times (bisection took 11: first, natural, minimum, 7 steps, final)', () => {
    const before = fitStats.layouts;
    layout(fitted, BODY_HTML);
    const layouts = fitStats.layouts - before;
    expect(layouts).toBeGreaterThan(2); // it did search
    expect(layouts).toBeLessThanOrEqual(8);
  });
});
