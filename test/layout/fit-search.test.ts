/**
 * The search auto-fit runs on a page that is too full (src/layout/fit-search.ts): it must find
 * what bisection finds (the largest step that fits, for monotone fitting), in fewer probes
 * when the overflow shrinks about linearly, and never in many more when it does not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestFitting, type Probe } from '../../src/layout/fit-search.js';

const N = 128;

/** Plain bisection over 0…n−1 (step n overflows): the answer the search must reproduce. */
function bisection(n: number, fits: (k: number) => boolean): number {
  let [lo, hi] = [0, n];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Steps up to `answer` fit; above, the overflow is amount(k) > 0. Counts the probes. */
function run(answer: number, amount: (k: number) => number): { result: number | undefined; probes: number[] } {
  const probes: number[] = [];
  const probe = (k: number): Probe => {
    probes.push(k);
    return k <= answer ? { fits: true, amount: 0 } : { fits: false, amount: amount(k) };
  };
  return { result: largestFitting(N, amount(N), probe), probes };
}

describe('largestFitting', () => {
  it('finds the step bisection finds, for any monotone outcome and any overflow amounts, in at most log2(n) + 6 probes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: N - 1 }),
        fc.func(fc.double({ min: 0, max: 500, noNaN: true })),
        fc.boolean(),
        (answer, noise, sorted) => {
          // Amounts that grow with k (as overflows do) or arbitrary ones (a rough layout).
          const amount = (k: number) => (sorted ? (k - answer) * 0.7 + 0.01 : noise(k));
          const { result, probes } = run(answer, amount);
          expect(result).toBe(bisection(N, (k) => k <= answer));
          expect(probes.length).toBeLessThanOrEqual(Math.log2(N) + 6);
          expect(new Set(probes).size).toBe(probes.length); // no step laid out twice
        },
      ),
    );
  });

  it('needs about three probes when the overflow shrinks linearly (bisection needs seven)', () => {
    const counts: number[] = [];
    for (let answer = 1; answer < N; answer++) {
      for (const slope of [0.2, 0.77, 3]) {
        const { result, probes } = run(answer, (k) => slope * (k - answer - 0.4));
        expect(result).toBe(answer);
        counts.push(probes.length);
      }
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThan(3.5);
  });

  it('probes step 0 (the minimum sizes) only when nothing above it fits, and gives up when it does not fit either', () => {
    expect(run(5, (k) => k).probes).not.toContain(0);
    const none = run(-1, (k) => k + 1);
    expect(none.result).toBeUndefined();
    expect(none.probes).toContain(0);
    expect(run(0, (k) => k).result).toBe(0);
  });

  it('without overflow amounts it is the bisection it replaces, probe for probe', () => {
    const { result, probes } = run(73, () => 0);
    expect(result).toBe(73);
    expect(probes).toEqual([64, 96, 80, 72, 76, 74, 73]);
  });
});
