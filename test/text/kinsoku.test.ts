import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { LineBreakLevel } from '../../src/text/types.js';
import { expectReconstructs, options, paragraphs, run } from './helpers.js';

const policy = paragraphs('policy.txt');
const widths = Array.from({ length: 90 }, (_, i) => 40 + i * 3.7);

/** Every line of every policy paragraph at many measures (soft breaks only). */
function softLines(level: LineBreakLevel): { text: string; next: string | undefined }[] {
  const out: { text: string; next: string | undefined }[] = [];
  for (const text of policy) {
    for (const width of widths) {
      const para = composeParagraph([run(text)], options({ width, lineBreak: level }));
      const forced = expectReconstructs(text, para);
      para.lines.forEach((l, i) => {
        if (!forced[i] && i < para.lines.length - 1) out.push({ text: l.text, next: para.lines[i + 1]!.text });
      });
    }
  }
  return out;
}

describe('kinsoku', () => {
  const strict = softLines('strict');

  it('no line starts with 、 or 。', () => {
    const bad = strict.filter((l) => /^[、。，．]/.test(l.next ?? ''));
    expect(bad).toEqual([]);
    expect(strict.length).toBeGreaterThan(1000);
  });

  it('no line starts with a closing bracket, ・, ー, small kana or ！？ (strict)', () => {
    const bad = strict.filter((l) => /^[」』）)】・：ーぁぃぅぇぉっゃゅょァィゥェォッャュョ々！？]/.test(l.next ?? ''));
    expect(bad).toEqual([]);
  });

  it('no line ends with an opening bracket', () => {
    expect(strict.filter((l) => /[「『（(【]$/.test(l.text))).toEqual([]);
  });

  /** The second line when the measure holds exactly `fits` (plus a hair). */
  const second = (fits: string, rest: string, lineBreak: LineBreakLevel = 'strict'): string | undefined => {
    const width = measureText([run(fits)]) + 0.5;
    return composeParagraph([run(fits + rest)], options({ width, lineBreak })).lines[1]?.text;
  };

  it('strict keeps ー and small kana off the line start; normal lets them start a line', () => {
    expect(second('サービス', 'ーあ')).not.toMatch(/^ー/);
    expect(second('ああああ', 'ッあ')).not.toMatch(/^ッ/);
    expect(second('サービス', 'ーあ', 'normal')).toBe('ーあ');
    expect(second('ああああ', 'ッあ', 'normal')).toBe('ッあ');
  });

  it('々 may start a line only in loose (CSS line-break: loose)', () => {
    expect(second('あああ人', '々あ', 'normal')).not.toMatch(/^々/);
    expect(second('あああ人', '々あ', 'loose')).toBe('々あ');
  });

  it('loose allows 〜 and ・ at line start; "anywhere" still never starts a line with 、', () => {
    expect(second('ああああ', '・あ')).not.toMatch(/^・/);
    expect(second('ああああ', '・あ', 'loose')).toBe('・あ');
    expect(second('ああああ', '〜あ', 'loose')).toBe('〜あ');
    expect(second('ああああ', '、あ', 'anywhere')).not.toMatch(/^、/);
  });
});

describe('分離禁止 and Latin text', () => {
  const lines = (text: string, width: number, lineBreak: LineBreakLevel = 'strict'): string[] =>
    composeParagraph([run(text)], options({ width, lineBreak })).lines.map((l) => l.text);
  const everyWidth = (text: string, check: (ls: string[]) => void): void => {
    for (let w = 20; w < 160; w += 1.7) check(lines(text, w));
  };

  it('numbers with commas never break', () => {
    everyWidth('補償額は1,234,567.89円と１，０００円です', (ls) => {
      expect(ls.some((l) => l.includes('1,234,567.89'))).toBe(true);
      expect(ls.some((l) => l.includes('１，０００'))).toBe(true);
    });
  });

  it('¥100 and 50% stay together, in half- and fullwidth forms', () => {
    everyWidth('料金は¥100で割引は50%と￥２００と３０％です', (ls) => {
      for (const piece of ['¥100', '50%', '￥２００', '３０％']) expect(ls.some((l) => l.includes(piece)), piece).toBe(true);
    });
  });

  it('—— and …… never break', () => {
    everyWidth('それは——困ります……本当に‥‥はい', (ls) => {
      expect(ls.some((l) => l.includes('——'))).toBe(true);
      expect(ls.some((l) => l.includes('……'))).toBe(true);
      expect(ls.some((l) => l.includes('‥‥'))).toBe(true);
    });
  });

  it('phone numbers, URLs and Latin words break only at spaces', () => {
    const text = '直通086-803-1090 詳しくは<https://www.city.okayama.jp/shisei/0000074924.html>をご覧ください。Customer harassment policy';
    everyWidth(text, (ls) => {
      for (const piece of ['086-803-1090', '<https://www.city.okayama.jp/shisei/0000074924.html>', 'Customer', 'harassment']) {
        expect(ls.some((l) => l.includes(piece)), piece).toBe(true);
      }
    });
  });

  it('an unbreakable URL wider than the measure overflows and says so', () => {
    const para = composeParagraph([run('<https://www.city.okayama.jp/shisei/0000074924.html>')], options({ width: 100 }));
    expect(para.lines).toHaveLength(1);
    expect(para.overflows).toBe(true);
    expect(composeParagraph([run('カスタマー・ハラスメント')], options({ width: 100 })).overflows).toBe(false);
  });

  it('"anywhere" breaks inside words when it must', () => {
    const ls = lines('<https://www.city.okayama.jp/>', 60, 'anywhere');
    expect(ls.length).toBeGreaterThan(1);
    expect(ls.join('')).toBe('<https://www.city.okayama.jp/>');
  });

  it('"\\n" is a forced break and spaces at a break are dropped', () => {
    const text = '岡山市 人事課\n直通086-803-1090  内線3420・3428';
    const para = composeParagraph([run(text)], options({ width: measureText([run('直通086-803-1090  内')]) - 1 }));
    const forced = expectReconstructs(text, para);
    expect(para.lines.map((l) => l.text)).toEqual(['岡山市 人事課', '直通086-803-1090', '内線3420・3428']);
    expect(forced).toEqual([true, false, false]);
    for (const l of para.lines) expect(l.runs.flatMap((r) => r.glyphs.map((g) => g.text)).join('')).toBe(l.text);
  });

  it('an empty line between two "\\n" stays; a final "\\n" adds no line', () => {
    const para = composeParagraph([run('予防\n\n対応\n')], options());
    expect(para.lines.map((l) => l.text)).toEqual(['予防', '', '対応']);
    expect(para.lines[1]!.ascent).toBeGreaterThan(0);
    expect(composeParagraph([run('')], options()).lines).toEqual([]);
  });
});
