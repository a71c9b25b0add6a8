/**
 * Ruby in the line composer (JLReq §3.3; w3c/jlreq "Rules for Simple Placement of Ruby"):
 * readings are set half size on the base's em box, centred (mono), spread over a group that
 * never breaks, per character in a jukugo compound that may break; a longer reading overhangs
 * kana by at most one ruby character and never kanji, else the base is spaced out; below 7 pt
 * the reading goes in parentheses. Positions are checked on the composed lines themselves.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { ComposedLine, ComposedParagraph, InlineRun, RubyAnnotation } from '../../src/text/types.js';
import { advanceOf, gothic, options, run, style } from './helpers.js';

const rb = (text: string, reading: string, kind?: RubyAnnotation['kind'], size = 10): InlineRun => ({
  ...run(text, size),
  ruby: { text: reading, ...(kind ? { kind } : {}) },
});
const jukugo = (pairs: [string, string][], size = 10): InlineRun[] => pairs.map(([b, r]) => rb(b, r, 'jukugo', size));

interface Box {
  text: string;
  x0: number;
  x1: number;
}

/** Each drawn base glyph with its ink box along the line (x to x + the font's advance). */
function baseGlyphs(line: ComposedLine, size = 10): Box[] {
  return line.runs.flatMap((r) => r.glyphs.map((g) => ({ text: g.text, x0: r.x + g.x, x1: r.x + g.x + advanceOf(g.text, r.style.size ?? size) })));
}
const glyphOf = (line: ComposedLine, ch: string): Box => {
  const hits = baseGlyphs(line).filter((g) => g.text === ch);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};

/** The readings of a line: text, extent, size and rise. */
function readings(line: ComposedLine): (Box & { size: number; rise: number; glyphs: Box[] })[] {
  return (line.rubies ?? []).map((r) => {
    const glyphs = r.glyphs.map((g) => ({ text: g.text, x0: r.x + g.x, x1: r.x + g.x + advanceOf(g.text, r.style.size) }));
    return { text: glyphs.map((g) => g.text).join(''), x0: glyphs[0]!.x0, x1: glyphs.at(-1)!.x1, size: r.style.size, rise: r.rise, glyphs };
  });
}
const readingOf = (line: ComposedLine, text: string) => {
  const hits = readings(line).filter((r) => r.text === text);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};

const compose = (runs: InlineRun[], width = 200, more: Parameters<typeof options>[0] = {}): ComposedParagraph =>
  composeParagraph(runs, options({ width, ...more }));
const one = (runs: InlineRun[], width = 200): ComposedLine => {
  const para = compose(runs, width);
  expect(para.lines).toHaveLength(1);
  return para.lines[0]!;
};

describe('ruby: size and mono-ruby', () => {
  it('a reading is set at half the base size, its em box on top of the base em box', () => {
    const line = one([run('ここは'), rb('岡', 'おか'), run('です')]);
    const r = readingOf(line, 'おか');
    expect(r.size).toBe(5);
    // Base em box top = 0.88 em above the baseline; the reading's baseline is its descent (0.12 em of 5 pt) higher.
    const asc = gothic.ascender / gothic.unitsPerEm;
    expect(r.rise).toBeCloseTo(10 * asc + 5 * (1 - asc), 9);
    expect(line.text).toBe('ここは岡です'); // readings are not part of the line's text
  });

  it('mono-ruby is centred over its character (nakatsuki), with a shorter or longer reading', () => {
    for (const reading of ['か', 'かん', 'しょう']) {
      const line = one([run('ここは'), rb('漢', reading), run('字です')]);
      const base = glyphOf(line, '漢');
      const r = readingOf(line, reading);
      expect((r.x0 + r.x1) / 2).toBeCloseTo((base.x0 + base.x1) / 2, 6);
    }
  });

  it('the reading glyphs are the reading’s own characters, mapped to Unicode', () => {
    const line = one([rb('漢字', 'かんじ')]);
    expect(line.rubies![0]!.glyphs.map((g) => g.text).join('')).toBe('かんじ');
    for (const g of line.rubies![0]!.glyphs) expect(g.id).toBe(gothic.glyphId(g.text.codePointAt(0)!));
  });
});

describe('ruby: group-ruby', () => {
  it('a shorter reading is spread over the whole group, 1:2:1', () => {
    const line = one([run('山'), rb('東京', 'とう'), run('都')]);
    const to = glyphOf(line, '東');
    const kyo = glyphOf(line, '京');
    const r = readingOf(line, 'とう');
    const [a, b] = r.glyphs as [Box, Box];
    const before = a.x0 - to.x0;
    const between = b.x0 - a.x1;
    const after = kyo.x1 - b.x1;
    expect(before).toBeGreaterThan(0);
    expect(between).toBeCloseTo(2 * before, 6);
    expect(after).toBeCloseTo(before, 6);
  });

  it('the end spaces of a spread reading are at most half a base character', () => {
    const line = one([rb('東京都庁', 'とち')]);
    const r = readingOf(line, 'とち');
    const first = baseGlyphs(line)[0]!;
    expect(r.x0 - first.x0).toBeCloseTo(5, 6);
  });

  it('a group base is never broken across lines, at any measure', () => {
    const runs = [run('市民の皆さまへここは'), rb('岡山', 'おかやま'), run('市役所です。ご'), rb('理解', 'りかい'), run('ください。')];
    for (let width = 21; width <= 120; width += 1.5) {
      const para = compose(runs, width);
      for (const line of para.lines) {
        expect(line.text.endsWith('岡')).toBe(false);
        expect(line.text.endsWith('理')).toBe(false);
        for (const r of readings(line)) expect(['おかやま', 'りかい']).toContain(r.text);
      }
      expect(para.lines.flatMap((l) => readings(l).map((r) => r.text))).toEqual(['おかやま', 'りかい']);
    }
  });
});

describe('ruby: jukugo-ruby', () => {
  it('breaks between the characters of a compound, each keeping its own reading', () => {
    const runs = [run('ああ'), ...jukugo([['漢', 'かん'], ['字', 'じ']])];
    const para = compose(runs, 30);
    expect(para.lines.map((l) => l.text)).toEqual(['ああ漢', '字']);
    const [l1, l2] = para.lines as [ComposedLine, ComposedLine];
    expect(readings(l1).map((r) => r.text)).toEqual(['かん']);
    expect(readings(l2).map((r) => r.text)).toEqual(['じ']);
    const kan = glyphOf(l1, '漢');
    expect((readingOf(l1, 'かん').x0 + readingOf(l1, 'かん').x1) / 2).toBeCloseTo((kan.x0 + kan.x1) / 2, 6);
  });

  it('on one line each reading is centred over its own character', () => {
    const line = one(jukugo([['利', 'り'], ['用', 'よう'], ['者', 'しゃ']]));
    for (const [ch, reading] of [['利', 'り'], ['用', 'よう'], ['者', 'しゃ']] as const) {
      const g = glyphOf(line, ch);
      const r = readingOf(line, reading);
      expect((r.x0 + r.x1) / 2).toBeCloseTo((g.x0 + g.x1) / 2, 6);
    }
  });

  it('a long reading may reach over a neighbour of its compound whose reading leaves room, not past it', () => {
    const line = one([run('漢'), ...jukugo([['承', 'うけたまわ'], ['字', 'じ']]), run('山')]);
    const long = readingOf(line, 'うけたまわ');
    const short = readingOf(line, 'じ');
    expect(long.x1).toBeGreaterThan(glyphOf(line, '字').x0); // over the compound's own neighbour
    expect(long.x1).toBeLessThanOrEqual(short.x0 + 1e-6); // but readings never touch
    expect(long.x0).toBeGreaterThanOrEqual(glyphOf(line, '漢').x1 - 1e-6); // and never over kanji outside
  });
});

describe('ruby: a reading longer than its base', () => {
  const LONG = 'あいうえおか'; // about 3 base characters wide at half size

  it('overhangs adjacent kana by at most one ruby character', () => {
    const line = one([run('ああ'), rb('字', LONG), run('いい')]);
    const [, a2] = baseGlyphs(line).filter((g) => g.text === 'あ') as [Box, Box];
    const i1 = baseGlyphs(line).find((g) => g.text === 'い')!;
    const r = readingOf(line, LONG);
    expect(r.x0).toBeLessThan(a2.x1 - 1); // it does overhang…
    expect(a2.x1 - r.x0).toBeLessThanOrEqual(5 + 1e-6); // …by one ruby character (5 pt) at most
    expect(r.x1).toBeGreaterThan(i1.x0 + 1);
    expect(r.x1 - i1.x0).toBeLessThanOrEqual(5 + 1e-6);
  });

  it('never overhangs kanji: the base is spaced away from them instead', () => {
    const line = one([run('漢'), rb('字', LONG), run('山')]);
    const r = readingOf(line, LONG);
    expect(r.x0).toBeCloseTo(glyphOf(line, '漢').x1, 6);
    expect(r.x1).toBeCloseTo(glyphOf(line, '山').x0, 6);
    const base = glyphOf(line, '字');
    expect((r.x0 + r.x1) / 2).toBeCloseTo((base.x0 + base.x1) / 2, 6); // still centred
  });

  it('two readings overhanging the same kana from both sides never meet', () => {
    const line = one([rb('字', LONG), run('の'), rb('山', LONG)]);
    const [left, right] = readings(line);
    expect(left!.x1).toBeLessThanOrEqual(right!.x0 + 1e-6);
  });

  it('spaces a group base out 1:2:1 (between its characters twice the space at its ends)', () => {
    const line = one([run('山'), rb('東京', 'あいうえおかき'), run('都')]);
    const yama = glyphOf(line, '山');
    const to = glyphOf(line, '東');
    const kyo = glyphOf(line, '京');
    const end = to.x0 - yama.x1;
    expect(end).toBeGreaterThan(1);
    expect(kyo.x0 - to.x1).toBeCloseTo(2 * end, 6);
    expect(glyphOf(line, '都').x0 - kyo.x1).toBeCloseTo(end, 6);
    const r = readingOf(line, 'あいうえおかき');
    expect(r.x0).toBeCloseTo(yama.x1, 6);
    expect(r.x1).toBeCloseTo(glyphOf(line, '都').x0, 6);
  });

  it('the spacing is part of the measured width (max-content = the set line)', () => {
    const runs = [run('漢'), rb('字', LONG), run('山')];
    expect(measureText(runs)).toBeCloseTo(one(runs).width, 6);
    expect(measureText(runs)).toBeGreaterThan(3 * 10);
  });

  it('a reading at a line edge stays inside the measure (no overhang past the line start or end)', () => {
    const runs = [run('あいうえおかきくけこ'), rb('字', LONG), run('さしすせそたちつてと'), rb('山', LONG), run('なにぬねの')];
    for (let width = 20; width <= 100; width += 0.75) {
      for (const line of compose(runs, width).lines) {
        if (line.width > width + 0.01) continue; // an overflowing piece is an error for layout
        for (const r of readings(line)) {
          expect(r.x0).toBeGreaterThanOrEqual(-1e-6);
          expect(r.x1).toBeLessThanOrEqual(Math.max(width + 0.01, line.width) + 1e-6); // the composer's 0.01 pt promise
        }
      }
    }
  });
});

describe('ruby: small sizes', () => {
  it('below 7 pt the reading goes in parentheses after the base: 漢字（かんじ）', () => {
    const line = one([run('この', 6), rb('漢字', 'かんじ', undefined, 6), run('は', 6)]);
    expect(line.text).toBe('この漢字（かんじ）は');
    expect(line.rubies).toBeUndefined();
    for (const r of line.runs) expect(r.style.size).toBe(6);
  });

  it('a jukugo compound gets one parenthesis for the whole compound', () => {
    const line = one(jukugo([['漢', 'かん'], ['字', 'じ']], 6.5));
    expect(line.text).toBe('漢字（かんじ）');
  });

  it('from 7 pt up the reading is ruby again', () => {
    const line = one([rb('漢字', 'かんじ', undefined, 7)]);
    expect(line.text).toBe('漢字');
    expect(readingOf(line, 'かんじ').size).toBe(3.5);
  });
});

describe('ruby: line breaking', () => {
  it('kinsoku still holds around ruby: 。」 never start a line, 「 never ends one', () => {
    const runs = [run('次の「'), rb('要望', 'ようぼう'), run('」。「'), ...jukugo([['承', 'うけたまわ'], ['認', 'にん']]), run('」、以上。')];
    for (let width = 15; width <= 90; width += 0.5) {
      for (const level of ['strict', 'normal', 'loose'] as const) {
        const para = compose(runs, width, { lineBreak: level });
        for (const line of para.lines) {
          expect('。、」'.includes(line.text[0]!)).toBe(false);
          expect(line.text.endsWith('「')).toBe(false);
          expect(line.text.endsWith('要')).toBe(false);
        }
      }
    }
  });

  it('justification spreads the line and the group reading follows its base', () => {
    // 東京 mid-line (at a line head the reading starts with its base: 'ruby: line head' below).
    const para = compose([run('あいうえおかきくけこ'), rb('東京', 'とうきょう'), run('さしすせそたちつてと')], 125, { align: 'justify' });
    const line = para.lines.find((l) => l.rubies)!;
    const r = readingOf(line, 'とうきょう');
    const to = glyphOf(line, '東');
    const kyo = glyphOf(line, '京');
    expect(r.x0).toBeGreaterThanOrEqual(to.x0 - 5 - 1e-6);
    expect(r.x1).toBeLessThanOrEqual(kyo.x1 + 5 + 1e-6);
    expect((r.x0 + r.x1) / 2).toBeCloseTo((to.x0 + kyo.x1) / 2, 6);
  });

  it('a run without ruby, or with an empty reading, composes exactly as before', () => {
    const plain = compose([run('ここは岡山市です')], 40);
    const empty = compose([run('ここは'), { ...run('岡山'), ruby: { text: ' ' } }, run('市です')], 40);
    expect(empty.lines.map((l) => [l.text, l.width])).toEqual(plain.lines.map((l) => [l.text, l.width]));
    expect(empty.lines.some((l) => l.rubies)).toBe(false);
  });

  it('a reading may carry its own style (the rt)', () => {
    const line = one([{ ...run('字'), ruby: { text: 'じ', style: { ...style(4), letterSpacing: 0 } } }]);
    expect(readingOf(line, 'じ').size).toBe(4);
  });
});
