/**
 * 両端揃え: where a justified line puts its slack, in order — word spaces and 和欧間 (each up
 * to ½ em), then punctuation aki (each up to a quarter of itself), then evenly between
 * characters; never inside a Latin word. BIZ UDPGothic, 10 pt.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { ComposedLine } from '../../src/text/types.js';
import { options, run } from './helpers.js';

const EM = 10;

/** What justification added to each gap of the first line ("ab" → pt), against the same line set ragged. */
function added(text: string, width: number): { line: ComposedLine; extra: Map<string, number> } {
  const just = composeParagraph([run(text)], options({ width, align: 'justify' })).lines[0]!;
  const rag = composeParagraph([run(text)], options({ width })).lines[0]!;
  const pos = (l: ComposedLine) => l.runs.flatMap((r) => r.glyphs.map((g) => ({ t: g.text, x: r.x + g.x })));
  const a = pos(just);
  const b = pos(rag);
  expect(a.map((g) => g.t)).toEqual(b.map((g) => g.t));
  const extra = new Map<string, number>();
  a.slice(0, -1).forEach((g, i) => extra.set(g.t + a[i + 1]!.t, a[i + 1]!.x - g.x - (b[i + 1]!.x - b[i]!.x)));
  expect(just.width).toBeCloseTo(width, 9);
  return { line: just, extra };
}
/** A line `slack` pt shorter than the measure, followed by a word that does not fit. */
const withSlack = (text: string, slack: number) => ({ text: `${text}Continuation`, width: measureText([run(text)]) + slack });

describe('justification priority', () => {
  it('1. word spaces and 和欧間 first, each up to ½ em; kana and punctuation untouched', () => {
    const { text, width } = withSlack('これはBIZ UDPゴシック、です', 1);
    const { extra } = added(text, width);
    for (const k of [' U', 'はB', 'Pゴ']) expect(extra.get(k), k).toBeGreaterThan(0);
    expect(extra.get(' U')! + extra.get('はB')! + extra.get('Pゴ')!).toBeCloseTo(1, 9);
    for (const k of ['これ', 'ゴシ', 'ク、', '、で']) expect(extra.get(k), k).toBeCloseTo(0, 9);
  });

  it('2. then punctuation aki, each by at most a quarter of itself, before kana and kanji', () => {
    const { text, width } = withSlack('あいう、えお「かき」くけ・こ', 2);
    const { extra } = added(text, width);
    // Aki: 、 ½ em, 「 ½ em, 」 ½ em, ・ ¼ + ¼ em → capacities 1.25 + 1.25 + 1.25 + 0.625 + 0.625 = 5 pt.
    expect(extra.get('、え')).toBeCloseTo(0.5, 9);
    expect(extra.get('お「')).toBeCloseTo(0.5, 9);
    expect(extra.get('」く')).toBeCloseTo(0.5, 9);
    expect(extra.get('け・')).toBeCloseTo(0.25, 9);
    expect(extra.get('・こ')).toBeCloseTo(0.25, 9);
    for (const k of ['あい', 'いう', 'えお', 'かき', 'くけ']) expect(extra.get(k), k).toBeCloseTo(0, 9);
  });

  it('3. then evenly between kana and kanji — never after 「 or before 、」', () => {
    const { text, width } = withSlack('あいう、えお「かき」くけ', 10);
    const { extra } = added(text, width);
    const even = extra.get('あい')!;
    expect(even).toBeGreaterThan(0.1);
    for (const k of ['いう', 'えお', 'かき', 'くけ']) expect(extra.get(k), k).toBeCloseTo(even, 9);
    expect(extra.get('、え')).toBeCloseTo(1.25 + even, 9);
    for (const k of ['う、', '「か', 'き」']) expect(extra.get(k), k).toBeCloseTo(0, 9);
  });

  it('never letter-spaces a Latin word or number', () => {
    const { text, width } = withSlack('Webと086-803-1090へ', 12);
    const { extra } = added(text, width);
    for (const k of ['We', 'eb', '08', '86', '6-', '-8', '90']) expect(extra.get(k), k).toBeCloseTo(0, 9);
    // The 和欧間 took ¼ em more each (up to ½ em), then the rest went evenly to the same gaps.
    expect(extra.get('bと')).toBeGreaterThan(EM / 4);
    for (const k of ['と0', '0へ']) expect(extra.get(k), k).toBeCloseTo(extra.get('bと')!, 9);
  });

  it('a hanging-free justified line always ends exactly at the measure', () => {
    const text = 'カスタマー・ハラスメントとは、行政サービスの利用者等からのクレーム・言動のうち、当該クレーム・言動の要求の内容の妥当性に照らして、当該要求を実現するための手段・態様が社会通念上不相当なものであって、当該手段・態様により、職員の就業環境が害されるものをいいます。';
    for (let width = 80; width < 400; width += 6.1) {
      const para = composeParagraph([run(text)], options({ width, align: 'justify' }));
      for (const l of para.lines.slice(0, -1)) expect(l.width, `${l.text} @${width}`).toBeCloseTo(width, 6);
    }
  });
});
