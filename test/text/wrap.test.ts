import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { ComposedParagraph } from '../../src/text/types.js';
import { expectReconstructs, options, paragraphs, run } from './helpers.js';

const policy = paragraphs('policy.txt');
const headlines = paragraphs('headlines.txt');
const visible = (text: string): number => [...text.replace(/\s/g, '')].length;
const lastLine = (p: ComposedParagraph): string => p.lines.at(-1)!.text;

describe("wrap: 'pretty'", () => {
  it('pretty: the last line is never 「す。」', () => {
    const text = 'ありがとうございます。';
    const width = measureText([run(text)]) - 5.5; // more than the 。's line-end ½ em can give
    expect(composeParagraph([run(text)], options({ width })).lines.map((l) => l.text)).toEqual(['ありがとうございま', 'す。']);
    const pretty = composeParagraph([run(text)], options({ width, wrap: 'pretty' }));
    expect(pretty.lines.map((l) => l.text)).toEqual(['ありがとうござい', 'ます。']);
  });

  it('pretty: no policy paragraph ends with a line of one or two characters, at any measure', () => {
    let fixed = 0;
    for (const text of policy) {
      for (let width = 60; width < 420; width += 2.3) {
        const greedy = composeParagraph([run(text)], options({ width, align: 'justify' }));
        const pretty = composeParagraph([run(text)], options({ width, align: 'justify', wrap: 'pretty' }));
        expectReconstructs(text, pretty);
        expect(pretty.overflows).toBe(greedy.overflows);
        if (greedy.overflows) continue;
        for (const l of pretty.lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
        if (greedy.lines.length > 1 && visible(lastLine(greedy)) <= 2) {
          fixed++;
          expect(visible(lastLine(pretty)), `${text} @${width}`).toBeGreaterThan(2);
          // Re-breaking may also squeeze the orphan back (追い込み), so never more lines.
          expect(pretty.lines.length).toBeLessThanOrEqual(greedy.lines.length);
        }
      }
    }
    expect(fixed).toBeGreaterThan(20); // the case really occurs in the fixture
  });

  it('pretty leaves paragraphs alone when their last line is long enough', () => {
    const text = policy.find((t) => t.startsWith('一方で'))!;
    for (const width of [150, 230, 310]) {
      const greedy = composeParagraph([run(text)], options({ width }));
      if (visible(lastLine(greedy)) <= 2) continue;
      const pretty = composeParagraph([run(text)], options({ width, wrap: 'pretty' }));
      expect(pretty.lines.map((l) => l.text)).toEqual(greedy.lines.map((l) => l.text));
    }
  });

  it('pretty treats each "\\n"-ended part as its own paragraph ending', () => {
    const part = 'ありがとうございます。';
    const width = measureText([run(part)]) - 5.5;
    const para = composeParagraph([run(`${part}\n${part}`)], options({ width, wrap: 'pretty' }));
    expect(para.lines.map((l) => l.text)).toEqual(['ありがとうござい', 'ます。', 'ありがとうござい', 'ます。']);
  });
});

describe("wrap: 'balance'", () => {
  const spread = (p: ComposedParagraph): number => {
    const ws = p.lines.map((l) => l.width);
    return Math.max(...ws) - Math.min(...ws);
  };

  it('balance evens the headline', () => {
    const text = 'カスタマー・ハラスメントには、毅然として組織的に対応します';
    const width = measureText([run(text, 24)]) * 0.8;
    const greedy = composeParagraph([run(text, 24)], options({ width, align: 'center' }));
    const balanced = composeParagraph([run(text, 24)], options({ width, align: 'center', wrap: 'balance' }));
    expect(greedy.lines.map((l) => visible(l.text))).toEqual([23, 6]);
    expect(balanced.lines).toHaveLength(2);
    expect(spread(balanced)).toBeLessThanOrEqual(1.5 * 24); // 、・ are 1 em wide: compare widths
  });

  it('balance keeps the minimal number of lines and never widens the spread, in phrase mode too', () => {
    for (const text of headlines) {
      const full = measureText([run(text, 24)]);
      for (const ratio of [0.35, 0.5, 0.62, 0.75, 0.9]) {
        for (const phrases of [false, true]) {
          const o = options({ width: full * ratio, align: 'center', phrases });
          const greedy = composeParagraph([run(text, 24)], o);
          const balanced = composeParagraph([run(text, 24)], { ...o, wrap: 'balance' });
          expectReconstructs(text, balanced);
          expect(balanced.lines.length).toBe(greedy.lines.length);
          expect(spread(balanced)).toBeLessThanOrEqual(spread(greedy) + 1e-6);
          if (balanced.lines.length > 1) expect(visible(lastLine(balanced))).toBeGreaterThan(2);
        }
      }
    }
  });
});

describe("wrap: 'nowrap'", () => {
  it('never breaks, reports the overflow, still honours "\\n"', () => {
    const para = composeParagraph([run('来庁される方へ\n向けた掲示物')], options({ width: 40, wrap: 'nowrap' }));
    expect(para.lines.map((l) => l.text)).toEqual(['来庁される方へ', '向けた掲示物']);
    expect(para.overflows).toBe(true);
  });
});
