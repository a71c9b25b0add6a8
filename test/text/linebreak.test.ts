import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import { advanceOf, drawnText, expectReconstructs, options, paragraphs, run } from './helpers.js';

const natural = (text: string): number => measureText([run(text)]);
const glyphsOf = (para: ReturnType<typeof composeParagraph>, line: number) => para.lines[line]!.runs.flatMap((r) => r.glyphs);

describe('追い込み and 追い出し', () => {
  it('追い込み squeezes 。 back instead of leaving it at line start', () => {
    const text = 'ありがとうございます。よろしくお願いします。';
    const width = natural('ありがとうございます。') - 0.5; // 。 misses by 0.5 pt; its line-end aki is ½ em = 5 pt
    const para = composeParagraph([run(text)], options({ width }));
    expect(para.lines.map((l) => l.text)).toEqual(['ありがとうございます。', 'よろしくお願いします。']);
    expect(para.overflows).toBe(false);
    // The line-end ½ em goes whole or not at all (JLReq §3.1.9): the 。 ends on its half-em frame.
    expect(para.lines[0]!.width).toBeCloseTo(width + 0.5 - 5, 6);
    const maru = glyphsOf(para, 0).at(-1)!;
    expect(maru.text).toBe('。');
    expect(maru.advance).toBeCloseTo(5, 6);
  });

  it('追い込み takes the aki from every mid-line 、 on the line, never more than down to half an em', () => {
    const text = 'はい、いいえ、はいっ'; // っ may not start a line: it is pulled back
    const width = natural(text) - 2.5; // two commas, ½ em = 5 pt of aki each
    const para = composeParagraph([run(text)], options({ width }));
    expect(para.lines).toHaveLength(1);
    expect(para.lines[0]!.width).toBeCloseTo(width, 6);
    for (const g of glyphsOf(para, 0).filter((g) => g.text === '、')) expect(g.advance).toBeCloseTo(10 - 1.25, 6);
  });

  it('追い出し pushes the previous character when squeezing is not enough', () => {
    const width = natural('ありがとうございます。') - 5.5; // more than the 。's ½ em
    const para = composeParagraph([run('ありがとうございます。')], options({ width }));
    expect(para.lines.map((l) => l.text)).toEqual(['ありがとうございま', 'す。']);
    for (const l of para.lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
  });

  it('a closing bracket has no aki to squeeze in this proportional font, so 」 pushes its character along', () => {
    const width = natural('「はい」') - 0.5;
    const para = composeParagraph([run('「はい」')], options({ width }));
    expect(para.lines.map((l) => l.text)).toEqual(['「は', 'い」']);
  });

  it('word spaces squeeze before punctuation does (JLReq reduction order)', () => {
    const text = 'BIZ UDP Gothic です。';
    const width = natural(text) - 0.5;
    const para = composeParagraph([run(text)], options({ width }));
    expect(para.lines).toHaveLength(1);
    const glyphs = glyphsOf(para, 0);
    expect(glyphs.at(-1)!.advance).toBeCloseTo(10, 6); // 。 untouched: its half-em frame and ½ em
    const spaces = glyphs.filter((g) => g.text === ' ');
    expect(spaces.every((g) => g.advance < advanceOf(' ') && g.advance >= 2.5 - 1e-9)).toBe(true);
  });

  it('never loses or duplicates a character in the Okayama policy at any measure', () => {
    for (const text of paragraphs('policy.txt')) {
      for (let width = 30; width < 400; width += 13.3) {
        const para = composeParagraph([run(text)], options({ width, align: 'justify' }));
        expectReconstructs(text, para);
        para.lines.forEach((l, i) => expect(drawnText(para, i)).toBe(l.text.replace(/ +$/, '')));
      }
    }
  });

  it('lines never exceed the measure unless a piece is unbreakable', () => {
    for (const text of paragraphs('policy.txt')) {
      for (let width = 30; width < 400; width += 7.1) {
        const para = composeParagraph([run(text)], options({ width, align: 'justify' }));
        if (!para.overflows) for (const l of para.lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
      }
    }
  });
});
