import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText, minContentWidth } from '../../src/text/compose.js';
import { fixture, options, run } from './helpers.js';

/** ~3000 characters of the real Okayama text (press release, policy, poster), as paragraphs. */
const document = `${fixture('okayama-seed.txt')}${fixture('policy.txt')}`.slice(0, 3000).split('\n').filter(Boolean);

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

describe('speed', () => {
  it('sets a 3000-character policy in a few milliseconds once warm (budget 10 ms)', () => {
    const o = options({ width: 480, indent: 10.5, align: 'justify', wrap: 'pretty' });
    // Fresh runs arrays each time, as layout builds them: only the per-font measurement cache is warm.
    const setAll = (): void => {
      for (const text of document) {
        const runs = [run(text, 10.5)];
        measureText(runs);
        minContentWidth(runs, o);
        composeParagraph(runs, o);
      }
    };
    for (let i = 0; i < 10; i++) setAll();
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      setAll();
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    console.info(`3000 characters in ${document.length} paragraphs: median ${ms.toFixed(2)} ms`);
    // Measured about 2 ms; the bound leaves room for a busy CI machine.
    expect(ms).toBeLessThan(20);
  });
});
