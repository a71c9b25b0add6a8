/**
 * Line boxes: a paragraph's lines are exactly line-height apart, and the first baseline sits
 * where CSS half-leading puts it (CSS 2 §10.8.1: the glyph box centred in the line box).
 */
import { describe, expect, it } from 'vitest';
import { gothic, gothicBold, halfLeadingBaseline, layout, lines } from './helpers.js';

const PAGE = '@page { size: 200pt 400pt; margin: 20pt }';
const TEXT = 'あいうえおかきくけこさしすせそたちつてとなにぬねの';

describe('line boxes', () => {
  it('the default face has the metrics these tests assume (ascent + descent = 1 em)', () => {
    expect(gothic.ascender - gothic.descender).toBe(gothic.unitsPerEm);
    expect(gothic.ascender / gothic.unitsPerEm).toBeCloseTo(0.8799, 4);
  });

  for (const [size, lineHeight, css] of [
    [10, 15, 'font-size: 10pt; line-height: 1.5'],
    [10, 20, 'font-size: 10pt; line-height: 20pt'],
    [12, 12 * 1.7, 'font-size: 12pt'], // UA default line-height 1.7
    [10, 8, 'font-size: 10pt; line-height: 0.8'], // negative half-leading
  ] as const) {
    it(`${css}: consecutive lines are exactly ${lineHeight.toFixed(2)} pt apart`, () => {
      const doc = layout(PAGE, `<p style="width: 40pt; ${css}">${TEXT}</p>`);
      const ys = lines(doc.pages[0]!).map((l) => l.y);
      expect(ys.length).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeCloseTo(lineHeight, 9);
    });

    it(`${css}: the first baseline is top + half-leading + ascent`, () => {
      const doc = layout(PAGE, `<p style="${css}">${TEXT.slice(0, 3)}</p>`);
      const { y } = lines(doc.pages[0]!)[0]!;
      expect(y).toBeCloseTo(20 + halfLeadingBaseline(size, lineHeight), 9);
    });
  }

  it('the half-leading uses the metrics of the paragraph’s own (bold) face', () => {
    const doc = layout(PAGE, '<h2 style="font-size: 16pt; line-height: 30pt">見出し</h2>');
    const [run] = lines(doc.pages[0]!)[0]!.runs;
    expect(run!.font).toBe(gothicBold);
    expect(run!.y).toBeCloseTo(20 + halfLeadingBaseline(16, 30, gothicBold), 9);
  });

  it('a paragraph’s box is its lines × line-height tall: the next paragraph starts right below', () => {
    const doc = layout(PAGE, `<p style="width: 40pt; font-size: 10pt; line-height: 15pt">${TEXT}</p><p style="font-size: 10pt; line-height: 30pt">次</p>`);
    const all = lines(doc.pages[0]!);
    const first = all.slice(0, -1);
    const next = all.at(-1)!;
    expect(next.text).toBe('次');
    const top = 20 + first.length * 15;
    expect(next.y).toBeCloseTo(top + halfLeadingBaseline(10, 30), 9);
  });

  it('lines keep the pitch across an inline run of another size (line-height of the block)', () => {
    const doc = layout(PAGE, `<p style="width: 60pt; font-size: 10pt; line-height: 20pt">あいう<small>えおかきくけこさしす</small>せそたちつてと</p>`);
    const ys = lines(doc.pages[0]!).map((l) => l.y);
    expect(ys.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeCloseTo(20, 9);
    // All runs of one line share its baseline.
    for (const l of lines(doc.pages[0]!)) for (const r of l.runs) expect(r.y).toBe(l.y);
  });
});
