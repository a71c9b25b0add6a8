import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText, minContentWidth } from '../../src/text/compose.js';
import { advanceOf, options, run } from './helpers.js';

describe('measureText and minContentWidth', () => {
  it('measureText is the natural single-line width, trailing spaces and final letter-spacing excluded', () => {
    expect(measureText([run('対応 ')])).toBeCloseTo(advanceOf('対') + advanceOf('応'), 9);
    expect(measureText([run('対応', 10, 1)])).toBeCloseTo(advanceOf('対') + 1 + advanceOf('応'), 9);
    expect(measureText([run('予防\n対応策')])).toBeCloseTo(measureText([run('対応策')]), 9);
    expect(measureText([run('対応')], { indent: 10 })).toBeCloseTo(10 + measureText([run('対応')]), 9);
    expect(measureText([])).toBe(0);
  });

  it('a paragraph set at its measureText width is one line', () => {
    const runs = [run('カスタマー・ハラスメントの定義 '), run('(1) Definition', 12)];
    const para = composeParagraph(runs, options({ width: measureText(runs) }));
    expect(para.lines).toHaveLength(1);
    expect(para.lines[0]!.width).toBeCloseTo(measureText(runs), 9);
  });

  it('minContentWidth is the widest unbreakable piece', () => {
    const o = { lineBreak: 'strict', phrases: false, wrap: 'wrap' } as const;
    // 「す。」 cannot be split: す may not be left without its 。 (which keeps its ½ em: 1 em in all)
    expect(minContentWidth([run('ます。')], o)).toBeCloseTo(advanceOf('す') + 10, 9);
    expect(minContentWidth([run('直通086-803-1090 です')], o)).toBeCloseTo(measureText([run('086-803-1090')]), 9);
    expect(minContentWidth([run('あいう')], { ...o, wrap: 'nowrap' })).toBeCloseTo(measureText([run('あいう')]), 9);
  });

  it('at its minContentWidth a paragraph never overflows', () => {
    const runs = [run('本日から、市ホームページ(人事課)に掲載しています。¥1,000と50%')];
    const o = options({ width: minContentWidth(runs, { lineBreak: 'strict', phrases: false, wrap: 'wrap' }) });
    expect(composeParagraph(runs, o).overflows).toBe(false);
  });
});
