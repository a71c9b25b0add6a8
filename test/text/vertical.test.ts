import { describe, expect, it } from 'vitest';
import type { PositionedGlyph } from '../../src/layout/display-list.js';
import { CL, jlreqClass } from '../../src/text/classes.js';
import type { InlineRun } from '../../src/text/types.js';
import { composeVertical, orientation, type ComposedVertical } from '../../src/text/vertical.js';
import { isUprightInVertical } from '../../src/text/vertical-orientation.js';
import { gothic, options, run, style } from './helpers.js';

const SIZE = 10;
const em = SIZE;

function compose(runs: InlineRun[] | string, measure = 200, extra: Parameters<typeof options>[0] = {}): ComposedVertical {
  const list = typeof runs === 'string' ? [run(runs, SIZE)] : runs;
  return composeVertical(list, options({ width: measure, ...extra }));
}

const glyphsOf = (para: ComposedVertical, col = 0): PositionedGlyph[] => para.columns[col]!.runs.flatMap((r) => r.glyphs);
const glyph = (para: ComposedVertical, ch: string): PositionedGlyph => {
  const hits = para.columns.flatMap((c) => c.runs.flatMap((r) => r.glyphs)).filter((g) => g.text === ch);
  if (hits.length !== 1) throw new Error(`expected one glyph "${ch}", found ${hits.length}`);
  return hits[0]!;
};
const textOf = (para: ComposedVertical): string[] => para.columns.map((c) => c.text);

/** The ink box of an upright glyph in column coordinates (x from the centre line, y down from the top). */
function ink(g: PositionedGlyph): { x0: number; x1: number; y0: number; y1: number } {
  const k = SIZE / gothic.unitsPerEm;
  const b = gothic.font.getGlyph(g.id).bbox;
  return { x0: g.x + b.minX * k, x1: g.x + b.maxX * k, y0: (g.y ?? 0) - b.maxY * k, y1: (g.y ?? 0) - b.minY * k };
}
/** Top of the glyph's em cell: its origin sits on the baseline, ascender (1802/2048 em) below the top. */
const cellTop = (g: PositionedGlyph): number => (g.y ?? 0) - (gothic.ascender / gothic.unitsPerEm) * SIZE;

describe('vertical composition', () => {
  it('sets columns of at most the measure, in reading order', () => {
    const para = compose('お客様からの著しい迷惑行為には組織的に対応します', 10 * em);
    expect(textOf(para)).toEqual(['お客様からの著しい迷', '惑行為には組織的に対', '応します']);
    for (const c of para.columns) expect(c.length).toBeLessThanOrEqual(10 * em + 0.01);
  });

  it('gives kana and kanji an advance of 1 em down the column, centred on the column', () => {
    const para = compose('漢字かなカナ');
    const gs = glyphsOf(para);
    gs.forEach((g, i) => {
      expect(g.advance).toBeCloseTo(em, 6);
      expect(cellTop(g)).toBeCloseTo(i * em, 6);
      expect(g.x).toBeCloseTo(-(gothic.advance(g.id) * SIZE) / gothic.unitsPerEm / 2, 6);
      expect(g.rotate).toBeUndefined();
    });
    expect(para.columns[0]!.length).toBeCloseTo(6 * em, 6);
  });

  it('never starts a column with 、。」ー or small kana, nor ends one with 「', () => {
    const text = '「カスタマー・ハラスメント」には、毅然として組織的に対応します。ご理解ください。';
    for (let chars = 4; chars <= 14; chars++) {
      const para = compose(text, chars * em);
      for (const c of para.columns.slice(1)) expect('、。」ー・ッ', `${chars} em: ${textOf(para).join('/')}`).not.toContain(c.text[0]);
      for (const c of para.columns) expect(c.text.endsWith('「')).toBe(false);
      expect(textOf(para).join('')).toBe(text);
    }
  });

  it('uses the font’s vertical forms for 、。「」ー and small kana', () => {
    const chars = ['、', '。', '「', '」', 'ー', '～', 'ッ', '…'];
    const para = compose(chars.join('あ'));
    for (const ch of chars) {
      const g = glyph(para, ch);
      expect(g.id, ch).not.toBe(gothic.glyphId(ch.codePointAt(0)!));
      expect(g.rotate).toBeUndefined();
    }
  });

  it('puts 、 and 。 in the upper right of their cell and 「 in its lower half', () => {
    const para = compose('はい、そう。でも「本日」');
    for (const ch of ['、', '。']) {
      const g = glyph(para, ch);
      const b = ink(g);
      expect(b.x0, ch).toBeGreaterThan(0); // right of the centre line
      expect(b.y1 - cellTop(g), ch).toBeLessThan(em / 2); // upper half
    }
    // Mid-column 「 has ½ em of aki before it: its ink starts in the lower half of its 1 em.
    const before = cellTop(glyph(para, 'も')) + em;
    expect(ink(glyph(para, '「')).y0 - before).toBeGreaterThan(em / 2);
    expect(ink(glyph(para, '「')).y1 - before).toBeLessThan(em);
  });

  it('keeps JLReq punctuation spacing in columns: 」。 set solid, ½ em after 、', () => {
    const para = compose('はい、そう」。では');
    const gs = glyphsOf(para);
    const top = (ch: string) => cellTop(gs.find((g) => g.text === ch)!);
    expect(top('そ') - top('、')).toBeCloseTo(em, 6);
    // 」。: no aki between the two, so 。 follows ½ em after 」.
    expect(top('。') - top('」')).toBeCloseTo(em / 2, 6);
  });

  it('turns Latin words 90° clockwise; they advance by their horizontal width', () => {
    const para = compose('書式はPDFです');
    const word = glyphsOf(para).filter((g) => 'PDF'.includes(g.text));
    expect(word).toHaveLength(3);
    word.forEach((g, i) => {
      expect(g.rotate).toBe(90);
      // The last letter also carries the 和欧間 (¼ em) before で.
      expect(g.advance).toBeCloseTo((gothic.advance(g.id) * SIZE) / gothic.unitsPerEm + (i === 2 ? em / 4 : 0), 6);
      expect(g.id).toBe(gothic.glyphId(g.text.codePointAt(0)!));
    });
    // One word on one line: every glyph on the same vertical line, each below the previous.
    expect(new Set(word.map((g) => g.x)).size).toBe(1);
    expect(word[1]!.y! - word[0]!.y!).toBeCloseTo(word[0]!.advance, 6);
    // 和欧間: a quarter em between は and P.
    expect(word[0]!.y! - cellTop(glyph(para, 'は'))).toBeCloseTo(em + em / 4, 6);
    // The em box is centred on the column: the glyph's baseline is left of the centre line.
    expect(word[0]!.x).toBeLessThan(0);
  });

  it('sets "12" as tate-chu-yoko: upright, side by side, in one 1 em cell', () => {
    const runs = [{ ...run('第12条', SIZE), combineUpright: 2 }];
    const para = compose(runs);
    const [one, two] = ['1', '2'].map((d) => glyph(para, d));
    expect(one!.rotate).toBeUndefined();
    expect(two!.y).toBe(one!.y);
    expect(two!.x).toBeGreaterThan(one!.x);
    // Centred on the column and squeezed into the em when the digits are wider.
    const scale = one!.scaleX ?? 1;
    const right = two!.x + ((gothic.advance(two!.id) * SIZE) / gothic.unitsPerEm) * scale;
    expect(one!.x + right).toBeCloseTo(0, 6);
    expect(right - one!.x).toBeLessThanOrEqual(em + 1e-9);
    // The cell is one em: 条 starts one em below 第's cell… plus the cell.
    expect(cellTop(glyph(para, '条')) - cellTop(glyph(para, '第'))).toBeCloseTo(2 * em, 6);
    expect(para.columns[0]!.text).toBe('第12条');
  });

  it('leaves longer numbers sideways under digits 2, and combines a whole run with all', () => {
    const para = compose([
      { ...run('令和7年の2025年度', SIZE), combineUpright: 2 },
      { ...run('!?', SIZE), combineUpright: 'all' },
    ]);
    expect(glyph(para, '7').rotate).toBeUndefined(); // one digit: upright in its cell
    for (const g of glyphsOf(para).filter((g) => '025'.includes(g.text))) expect(g.rotate).toBe(90);
    const [bang, question] = [glyph(para, '!'), glyph(para, '?')];
    expect(bang.rotate).toBeUndefined();
    expect(question.y).toBe(bang.y);
    expect(textOf(para).join('')).toBe('令和7年の2025年度!?');
  });

  it('draws with the runs’ own faces and styles (measuring faces never leak)', () => {
    const para = compose([{ ...run('縦書き「ABC」12', SIZE), combineUpright: 2 }]);
    for (const r of para.columns[0]!.runs) expect(r.style).toEqual(style(SIZE));
    for (const r of para.columns[0]!.runs) expect(r.style.face).toBe(gothic);
  });

  it('reports a piece longer than the measure as an overflow', () => {
    expect(compose('Harassment', 3 * em).overflows).toBe(true);
    expect(compose('ハラスメント', 3 * em).overflows).toBe(false);
  });
});

describe('vertical orientation (UAX #50, text-orientation: mixed)', () => {
  it('keeps kana, kanji, fullwidth forms and 、。 upright; turns Latin, digits and arrows', () => {
    for (const ch of ['あ', '漢', 'ア', 'Ａ', '１', '、', '。', '※', '①', '℃', '〒']) expect(isUprightInVertical(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['A', 'z', '1', '-', '→', '(', 'ー', '「', '～', 'ｱ']) expect(isUprightInVertical(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('stands a Tr character upright when the font has a vertical form for it', () => {
    // ー 「 ～ are Tr in UAX #50; BIZ UDPGothic has vert forms for them.
    for (const ch of ['ー', '「', '～']) expect(orientation(gothic, ch.codePointAt(0)!), ch).toBe('upright');
    expect(orientation(gothic, 'A'.codePointAt(0)!)).toBe('sideways');
    expect(jlreqClass('「'.codePointAt(0)!)).toBe(CL.open);
  });
});
