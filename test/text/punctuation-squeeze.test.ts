/**
 * 追い込み: the order in which a line set tighter than natural gives up its space (JLReq
 * §3.8.3): word spaces down to ¼ em, then the ½ em after a line-end full stop (whole), then the
 * ¼ em around middle dots, then mid-line ½ em aki, then 和欧間 down to ⅛ em. Each line below
 * ends with っ, which may not start a line, so the composer must squeeze it in (BIZ UDPGothic,
 * 10 pt: 1 em = 10 pt).
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { ComposedLine } from '../../src/text/types.js';
import { advanceOf, options, run } from './helpers.js';

const EM = 10;

/** Distance from each glyph to the next in the line, keyed "ab" by the two characters. */
function steps(line: ComposedLine): Map<string, number> {
  const gs = line.runs.flatMap((r) => r.glyphs.map((g) => ({ t: g.text, x: r.x + g.x })));
  const out = new Map<string, number>();
  gs.slice(0, -1).forEach((g, i) => out.set(g.t + gs[i + 1]!.t, gs[i + 1]!.x - g.x));
  return out;
}
/** The text squeezed by `by` pt: one line, never wider than the measure. */
function squeezed(text: string, by: number): ComposedLine {
  const width = measureText([run(text)]) - by;
  const para = composeParagraph([run(text)], options({ width }));
  expect(para.lines.map((l) => l.text)).toEqual([text]);
  expect(para.overflows).toBe(false);
  expect(para.lines[0]!.width).toBeLessThanOrEqual(width + 0.01);
  return para.lines[0]!;
}
const natural = (text: string) => steps(composeParagraph([run(text)], options({ width: 1000 })).lines[0]!);

describe('squeeze order (JLReq §3.8.3)', () => {
  it('1. word spaces first, and only down to a quarter em', () => {
    const text = 'Use A B で、いっ';
    const space = advanceOf(' ');
    const line = squeezed(text, 0.3);
    const s = steps(line);
    const n = natural(text);
    for (const k of [' A', ' B', ' で']) expect(s.get(k), k).toBeCloseTo(n.get(k)! - 0.1, 9); // the spaces took it
    expect(s.get('、い')).toBeCloseTo(n.get('、い')!, 9); // the comma's aki untouched
    // Beyond what the spaces have, they stop at ¼ em and the comma gives the rest.
    const more = squeezed(text, 3 * (space - EM / 4) + 1);
    const glyphs = more.runs.flatMap((r) => r.glyphs).filter((g) => g.text === ' ');
    for (const g of glyphs) expect(g.advance).toBeCloseTo(EM / 4, 9);
    expect(steps(more).get('、い')).toBeCloseTo(n.get('、い')! - 1, 9);
  });

  it('2. then the ½ em after a line-end 。, whole, before any mid-line aki', () => {
    const text = 'あいう・えお、かき。';
    const width = measureText([run(text)]) - 1;
    const para = composeParagraph([run(text)], options({ width })); // 。 may not start a line
    const line = para.lines[0]!;
    expect(line.text).toBe(text);
    expect(line.width).toBeCloseTo(width + 1 - EM / 2, 9); // the ½ em went whole: "half em or solid"
    const s = steps(line);
    const n = natural(text);
    for (const k of ['う・', '・え', 'お、', '、か']) expect(s.get(k), k).toBeCloseTo(n.get(k)!, 9);
  });

  it('   the surplus of that whole ½ em is spread again on a justified line', () => {
    const text = 'あいう、えおかき。';
    const width = measureText([run(text)]) - 1;
    const para = composeParagraph([run(`${text}ここ`)], options({ width, align: 'justify' }));
    expect(para.lines[0]!.text).toBe(text);
    expect(para.lines[0]!.width).toBeCloseTo(width, 9);
  });

  it('3. then the ¼ em around middle dots, before mid-line ½ em aki', () => {
    const text = 'あいう・えお、かき」っ';
    const n = natural(text);
    const s = steps(squeezed(text, 2));
    expect(s.get('う・')! + s.get('・え')!).toBeCloseTo(n.get('う・')! + n.get('・え')! - 2, 9);
    expect(s.get('う・')).toBeCloseTo(n.get('う・')! - 1, 9); // both sides alike
    expect(s.get('、か')).toBeCloseTo(n.get('、か')!, 9);
    // Past the dots' ¼ em + ¼ em (5 pt), the comma and the mid-line 」 share the rest.
    const t = steps(squeezed(text, 6));
    expect(t.get('う・')! + t.get('・え')!).toBeCloseTo(n.get('う・')! + n.get('・え')! - 5, 9);
    expect(t.get('、か')).toBeCloseTo(n.get('、か')! - 0.5, 9);
    expect(t.get('」っ')).toBeCloseTo(n.get('」っ')! - 0.5, 9);
  });

  it('4. then mid-line ½ em before 「 and after 」、 alike — never the ½ em after a mid-line 。', () => {
    const text = 'あ。い、う「え」おっ';
    const n = natural(text);
    const s = steps(squeezed(text, 3));
    expect(s.get('。い')).toBeCloseTo(n.get('。い')!, 9);
    expect(s.get('、う')).toBeCloseTo(n.get('、う')! - 1, 9);
    expect(s.get('う「')).toBeCloseTo(n.get('う「')! - 1, 9);
    expect(s.get('」お')).toBeCloseTo(n.get('」お')! - 1, 9);
    // A line whose only aki is after a mid-line 。 cannot be squeezed: っ pushes お along.
    const width = measureText([run('あ。いお')]) - 1;
    expect(composeParagraph([run('あ。いおっ')], options({ width })).lines.map((l) => l.text)).toEqual(['あ。い', 'おっ']);
  });

  it('5. 和欧間 last, down to ⅛ em', () => {
    const text = 'かなA、かなっ';
    const n = natural(text);
    const s = steps(squeezed(text, 1));
    expect(s.get('なA')).toBeCloseTo(n.get('なA')!, 9);
    expect(s.get('、か')).toBeCloseTo(n.get('、か')! - 1, 9);
    const t = steps(squeezed(text, EM / 2 + 0.5));
    expect(t.get('、か')).toBeCloseTo(n.get('、か')! - EM / 2, 9);
    expect(t.get('なA')! + t.get('A、')!).toBeCloseTo(n.get('なA')! + n.get('A、')! - 0.5, 9);
    expect(t.get('なA')).toBeCloseTo(n.get('なA')! - 0.5, 9); // the only 和欧間 here
    expect(n.get('なA')! - t.get('なA')!).toBeLessThanOrEqual(EM / 8 + 1e-9);
  });
});
