import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { PositionedGlyph } from '../../src/layout/display-list.js';
import type { ComposedLine } from '../../src/text/types.js';
import { advanceOf, gothic, options, run } from './helpers.js';

/** Glyphs of a line with x made relative to the line start. */
function placed(line: ComposedLine): (PositionedGlyph & { left: number })[] {
  return line.runs.flatMap((r) => r.glyphs.map((g) => ({ ...g, left: r.x + g.x })));
}
const one = (text: string, width = 400) => composeParagraph([run(text)], options({ width })).lines[0]!;
/** Space between the end of glyph i's natural advance and the start of glyph i + 1. */
function gapAfter(line: ComposedLine, ch: string): number {
  const gs = placed(line);
  const i = gs.findIndex((g) => g.text === ch);
  return gs[i + 1]!.left - (gs[i]!.left + advanceOf(ch));
}

describe('和欧間', () => {
  it('puts a quarter em between kana/kanji and Latin letters or digits', () => {
    const line = one('基本姿勢の3つの柱とUDフォント');
    expect(gapAfter(line, 'の')).toBeCloseTo(2.5, 9);
    expect(gapAfter(line, '3')).toBeCloseTo(2.5, 9);
    expect(gapAfter(line, 'と')).toBeCloseTo(2.5, 9);
    expect(gapAfter(line, 'D')).toBeCloseTo(2.5, 9);
    expect(gapAfter(line, 'U')).toBeCloseTo(0, 9);
  });

  it('takes the quarter em from the Japanese side’s size', () => {
    const para = composeParagraph([run('漢', 20), run('A', 10)], options({ width: 400 }));
    const [kan, a] = para.lines[0]!.runs;
    expect(a!.x - (kan!.x + advanceOf('漢', 20))).toBeCloseTo(5, 9);
  });

  it('adds nothing next to brackets or punctuation, nor at the line edges', () => {
    for (const ch of ['（', '「']) expect(gapAfter(one(`${ch}A）`), ch)).toBeCloseTo(0, 9);
    expect(gapAfter(one('漢(A)'), '漢')).toBeCloseTo(0, 9);
    expect(gapAfter(one('はい、3つ'), '、')).toBeCloseTo(10 - advanceOf('、'), 9); // its own aki only: 1 em in all
    const width = measureText([run('あいうえ')]) + 1;
    const para = composeParagraph([run('あいうえABC')], options({ width }));
    expect(para.lines.map((l) => l.text)).toEqual(['あいうえ', 'ABC']);
    expect(para.lines[0]!.width).toBeCloseTo(measureText([run('あいうえ')]), 9);
    expect(placed(para.lines[1]!)[0]!.left).toBe(0);
  });
});

describe('alignment and justification', () => {
  const text = '職員が安心して働くことができるよう、職員と行政サービスの利用者等の双方に働きかけ、カスタマー・ハラスメントの未然防止に努めます。';

  it('justify fills every line but the last to the measure', () => {
    const para = composeParagraph([run(text)], options({ width: 150, align: 'justify' }));
    expect(para.lines.length).toBeGreaterThan(2);
    for (const l of para.lines.slice(0, -1)) expect(l.width).toBeCloseTo(150, 6);
    expect(para.lines.at(-1)!.width).toBeLessThan(145);
    const last = composeParagraph([run(text)], options({ width: 150, align: 'justify', alignLast: 'justify' }));
    expect(last.lines.at(-1)!.width).toBeCloseTo(150, 6);
  });

  it('justify spreads Japanese evenly but never after 「 or before 、。」', () => {
    const text = '「予防」と「対応」、フォローアップの三つです。次の行';
    const para = composeParagraph([run(text)], options({ width: 192, align: 'justify' }));
    expect(para.lines[0]!.text).toBe('「予防」と「対応」、フォローアップの三つ');
    // What justification added to each gap: the same line set without it is the reference.
    const natural = placed(composeParagraph([run(text)], options({ width: 192 })).lines[0]!);
    const gs = placed(para.lines[0]!);
    const extra = gs.slice(0, -1).map((g, i) => gs[i + 1]!.left - g.left - (natural[i + 1]!.left - natural[i]!.left));
    const after = (ch: string) => extra[gs.findIndex((g) => g.text === ch)]!;
    expect(after('「')).toBeCloseTo(0, 9);
    expect(after('防')).toBeCloseTo(0, 9); // before 」
    expect(after('応')).toBeCloseTo(0, 9); // before 」
    expect(after('予')).toBeGreaterThan(0.01);
    const kana = extra.filter((_, i) => !/[「」、]/.test(gs[i]!.text + gs[i + 1]!.text));
    for (const x of kana) expect(x).toBeCloseTo(after('予'), 9); // even between kana and kanji
    // Each punctuation aki (½ em) took a quarter of itself more first (justify.test.ts has the order).
    expect(after('」')).toBeCloseTo(1.25 + after('予'), 9);
    expect(after('、')).toBeCloseTo(1.25 + after('予'), 9);
  });

  it('word spaces and 和欧間 widen first', () => {
    const head = 'BIZ UDPゴシックで組みます。';
    const width = measureText([run(head)]) + 2; // less than the space and 和欧間 can take
    const para = composeParagraph([run(`${head}あいうえおかきくけこ`)], options({ width, align: 'justify' }));
    const gs = placed(para.lines[0]!);
    expect(para.lines[0]!.width).toBeCloseTo(width, 6);
    const kana = gs.findIndex((g) => g.text === 'ゴ');
    expect(para.lines[0]!.text).toBe(head);
    expect(gs[kana + 1]!.left - gs[kana]!.left).toBeCloseTo(advanceOf('ゴ'), 9); // kana untouched
    const space = gs.find((g) => g.text === ' ')!;
    expect(space.advance).toBeGreaterThan(advanceOf(' '));
  });

  it('never justifies a line that ends with a forced break', () => {
    const para = composeParagraph([run('予防\n対応策を講じます')], options({ width: 150, align: 'justify' }));
    expect(para.lines[0]!.width).toBeCloseTo(measureText([run('予防')]), 9);
  });

  it('centres and end-aligns within the measure', () => {
    const w = measureText([run('対応')]);
    const center = composeParagraph([run('対応')], options({ width: 100, align: 'center' })).lines[0]!;
    expect(center.runs[0]!.x).toBeCloseTo((100 - w) / 2, 9);
    expect(center.width).toBeCloseTo((100 + w) / 2, 9);
    const end = composeParagraph([run('対応')], options({ width: 100, align: 'end' })).lines[0]!;
    expect(end.width).toBeCloseTo(100, 9);
  });

  it('indents the first line, also negatively for hanging markers', () => {
    const text = '・カスタマー・ハラスメントの防止を啓発する掲示物等';
    const hang = composeParagraph([run(text)], options({ width: 100, indent: -10 }));
    expect(hang.lines[0]!.runs[0]!.x).toBe(-10);
    expect(hang.lines[1]!.runs[0]!.x).toBe(0);
    for (const l of hang.lines) expect(l.width).toBeLessThanOrEqual(100 + 0.01);
    const indented = composeParagraph([run(text)], options({ width: 100, indent: 10 }));
    expect(indented.lines[0]!.runs[0]!.x).toBe(10);
  });
});

describe('glyphs and runs', () => {
  it('advance = glyph advance × size / unitsPerEm + letter-spacing, none after the last glyph', () => {
    const line = composeParagraph([run('守ります', 12, 2)], options({ width: 400 })).lines[0]!;
    const gs = line.runs[0]!.glyphs;
    expect(gs[0]!.advance).toBeCloseTo(advanceOf('守', 12) + 2, 9);
    expect(gs[0]!.id).toBe(gothic.glyphId('守'.codePointAt(0)!));
    expect(gs.at(-1)!.advance).toBeCloseTo(advanceOf('す', 12), 9);
    expect(line.width).toBeCloseTo(gs.at(-1)!.x + gs.at(-1)!.advance, 9);
  });

  it('keeps one LineRun per source run, glyph x relative to the run, ascent from the largest size', () => {
    const origin = { element: 'strong' };
    const para = composeParagraph([run('市の'), { ...run('対応', 20), origin }, run('等')], options({ width: 400 }));
    const [a, b, c] = para.lines[0]!.runs;
    expect(b!.origin).toBe(origin);
    expect(b!.x).toBeCloseTo(advanceOf('市') + advanceOf('の'), 9);
    expect(b!.glyphs.map((g) => g.x)).toEqual([0, advanceOf('対', 20)]);
    expect(c!.x).toBeCloseTo(b!.x + advanceOf('対', 20) + advanceOf('応', 20), 9);
    expect(a!.style.size).toBe(10);
    expect(para.lines[0]!.ascent).toBeCloseTo((gothic.ascender * 20) / gothic.unitsPerEm, 9);
    expect(para.lines[0]!.descent).toBeCloseTo((-gothic.descender * 20) / gothic.unitsPerEm, 9);
  });
});
