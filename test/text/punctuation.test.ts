/**
 * Punctuation spacing (約物, JLReq §3.1.2–3.1.9) with BIZ UDPGothic at 10 pt (1 em = 10 pt).
 * In this font every mark's half-em frame starts at its glyph origin (closing marks are drawn
 * from the origin, brackets and ・ are 0.5 em wide), so a mark's frame is [x, x + 5] and the
 * aki can be read off the glyph positions.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText, minContentWidth } from '../../src/text/compose.js';
import { roleOf, ROLE } from '../../src/text/punctuation.js';
import { info } from '../../src/text/classes.js';
import type { ComposedLine } from '../../src/text/types.js';
import { advanceOf, options, run } from './helpers.js';

const EM = 10;
const A = advanceOf('あ');

/** Line-relative x of each glyph, in line order. */
function xs(line: ComposedLine): { t: string; x: number; right: number }[] {
  return line.runs.flatMap((r) => r.glyphs.map((g) => ({ t: g.text, x: r.x + g.x, right: r.x + g.x + g.advance })));
}
const one = (text: string, width = 400) => composeParagraph([run(text)], options({ width })).lines[0]!;
/** x of each glyph of a one-line text, as offsets from the first glyph after 「あ」. */
const offsets = (text: string) => xs(one(text)).map((g) => g.x);

describe('each mark is its half-em glyph plus aki (1 em in all, as in a full-width font)', () => {
  it('½ em after 、。」 (the P font’s 0.6 em 、 and 。 get 0.4 em more)', () => {
    for (const mark of ['、', '。', '」', '）', '，', '．']) {
      const [, m, i] = offsets(`あ${mark}い`);
      expect(m, mark).toBeCloseTo(A, 9);
      expect(i! - m!, mark).toBeCloseTo(EM, 9);
    }
  });

  it('½ em before 「（', () => {
    for (const mark of ['「', '（', '『', '【']) {
      const [, m, i] = offsets(`あ${mark}い`);
      expect(m! - A, mark).toBeCloseTo(EM / 2, 9);
      expect(i! - m!, mark).toBeCloseTo(EM / 2, 9);
    }
  });

  it('¼ em on each side of ・：；', () => {
    for (const mark of ['・', '：', '；']) {
      const [, m, i] = offsets(`あ${mark}い`);
      expect(m! - A, mark).toBeCloseTo(EM / 4, 9);
      expect(i! - m!, mark).toBeCloseTo(EM / 2 + EM / 4, 9);
    }
  });

  it('leaves halfwidth forms, ASCII punctuation and curly quotes as the font sets them', () => {
    for (const mark of ['､', '｡', ',', '.', '(', '“']) {
      const [, m, i] = offsets(`あ${mark}い`);
      expect(m, mark).toBeCloseTo(A, 9);
      expect(i! - m!, mark).toBeCloseTo(advanceOf(mark), 9);
    }
    expect(roleOf(info(0x3001), 0x3001)).toBe(ROLE.comma);
    expect(roleOf(info(0xff64), 0xff64)).toBe(ROLE.none);
    expect(roleOf(info(0x2c), 0x2c)).toBe(ROLE.none);
  });
});

describe('consecutive punctuation collapses (JLReq §3.1.4, fig. 2.13)', () => {
  // Offsets of the two marks and of the い after them, from the end of あ.
  const pair = (marks: string): number[] => offsets(`あ${marks}い`).slice(1).map((x) => x - A);

  it('」、 and 。」: no space between, ½ em after the second', () => {
    expect(pair('」、')).toEqual([0, 5, 15].map((v) => expect.closeTo(v, 9)));
    expect(pair('。」')).toEqual([0, 5, 15].map((v) => expect.closeTo(v, 9)));
    expect(pair('、」')).toEqual([0, 5, 15].map((v) => expect.closeTo(v, 9)));
  });

  it('、「 」「 。「: ½ em between', () => {
    for (const marks of ['、「', '」「', '。「']) expect(pair(marks), marks).toEqual([0, 10, 15].map((v) => expect.closeTo(v, 9)));
  });

  it('「「: solid, ½ em before the first; 」」: solid, ½ em after the last', () => {
    expect(pair('「「')).toEqual([5, 10, 15].map((v) => expect.closeTo(v, 9)));
    expect(pair('」」')).toEqual([0, 5, 15].map((v) => expect.closeTo(v, 9)));
    expect(pair('（「')).toEqual([5, 10, 15].map((v) => expect.closeTo(v, 9)));
    expect(pair('」）')).toEqual([0, 5, 15].map((v) => expect.closeTo(v, 9)));
  });

  it('・ next to brackets: ¼ em before the dot after 」, ¼ em after it before 「', () => {
    // あ」・「い: 」 solid, ¼, ・, ¼, 「 solid, い.
    expect(offsets('あ」・「い').slice(1).map((x) => x - A)).toEqual([0, 7.5, 15, 20].map((v) => expect.closeTo(v, 9)));
    // 、・ like 」・; 。・ keeps the full stop's ½ em and adds nothing before the dot.
    expect(pair('、・')).toEqual([0, 7.5, 15].map((v) => expect.closeTo(v, 9)));
    expect(pair('。・')).toEqual([0, 10, 17.5].map((v) => expect.closeTo(v, 9)));
  });

  it('never double-spaces: any run of marks is set from half-em frames and single aki', () => {
    // 「……」、「……」。 between words: every gap is 0 or ½ em.
    const gs = xs(one('彼は「はい」、「いいえ」。と'));
    const frameEnd = (g: { t: string; x: number; right: number }) => ('「」、。'.includes(g.t) ? g.x + EM / 2 : g.x + advanceOf(g.t));
    const gaps = gs.slice(0, -1).map((g, i) => gs[i + 1]!.x - frameEnd(g));
    for (const gap of gaps) expect([0, 5].some((v) => Math.abs(gap - v) < 1e-9), `${gap}`).toBe(true);
  });
});

describe('line edges', () => {
  it('an opening bracket starts a line with no aki (天付き), the first line after its 1 em indent', () => {
    const first = composeParagraph([run('「予防」と「対応」です。')], options({ width: 400, indent: EM })).lines[0]!;
    expect(xs(first)[0]!.x).toBeCloseTo(EM, 9); // 全角下がり (JLReq fig. 2.15 ①)
    const width = measureText([run('あいうえおかきくけ')]) + 1;
    const para = composeParagraph([run('あいうえおかきくけ「はい」です')], options({ width, align: 'justify' }));
    expect(para.lines.map((l) => l.text)).toEqual(['あいうえおかきくけ', '「はい」です']);
    expect(xs(para.lines[1]!)[0]!.x).toBeCloseTo(0, 9);
    expect(measureText([run('「はい」')])).toBeCloseTo(EM / 2 + advanceOf('は') + advanceOf('い') + EM / 2, 9);
  });

  it('、 and 」 end a line solid: the line ends where their half-em frame does', () => {
    for (const mark of ['、', '」', '）']) {
      const line = one(`はい${mark}`);
      const last = xs(line).at(-1)!;
      expect(line.width, mark).toBeCloseTo(last.x + EM / 2, 9);
      expect(last.right).toBeCloseTo(line.width, 9);
    }
    expect(measureText([run('はい、')])).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM / 2, 9);
  });

  it('。 at line end keeps its ½ em inside the measure (JIS X 4051, JLReq §3.1.9)', () => {
    const line = one('はい。');
    expect(line.width).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM, 9);
    expect(minContentWidth([run('ます。')], { lineBreak: 'strict', phrases: false, wrap: 'wrap' })).toBeCloseTo(advanceOf('す') + EM, 9);
  });

  it('・ at line end keeps the ¼ em before it and is solid after it', () => {
    const line = composeParagraph([run('あいう・')], options({ width: 400, lineBreak: 'loose' })).lines[0]!;
    const dot = xs(line).at(-1)!;
    expect(dot.x - (xs(line).at(-2)!.x + advanceOf('う'))).toBeCloseTo(EM / 4, 9);
    expect(line.width).toBeCloseTo(dot.x + EM / 2, 9);
  });

  it('justified lines end flush with a 、 or 」 frame: no gap before the margin', () => {
    const text = '職員の人格を否定するような発言や、暴力・脅迫等の行為は、職員の尊厳を傷つけ、就業環境を悪化させるだけでなく、通常業務の遂行に深刻な影響を及ぼします。';
    let seen = 0;
    for (let width = 90; width < 260; width += 3.3) {
      const para = composeParagraph([run(text)], options({ width, align: 'justify' }));
      for (const l of para.lines.slice(0, -1)) {
        if (!/[、」]$/.test(l.text)) continue;
        seen++;
        const last = xs(l).at(-1)!;
        expect(last.x + EM / 2, `${l.text} @${width}`).toBeCloseTo(width, 6);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });
});
