/**
 * The box model as layout applies it: margins, borders and paddings offset the text by exact
 * amounts (border-box sizing, no margin collapsing, as the README documents), flex rows
 * distribute their items, and percentages resolve against the containing block.
 */
import { describe, expect, it } from 'vitest';
import { bounds, halfLeadingBaseline, layout, lineWith, lines, paths, runRight, runText, runWith } from './helpers.js';

/** Page area: x 20…180, y 20…380. */
const PAGE = '@page { size: 200pt 400pt; margin: 20pt } body { font-size: 10pt; line-height: 20pt }';
const BASE = halfLeadingBaseline(10, 20);

describe('margins, borders and paddings', () => {
  it('offset the text by margin + border + padding on the left and top', () => {
    const doc = layout(`${PAGE} .b { margin: 7pt 0 0 5pt; border: 3pt solid black; padding: 4pt 0 0 6pt }`, '<div class="b">箱</div>');
    const line = lineWith(doc, '箱');
    expect(line.x).toBeCloseTo(20 + 5 + 3 + 6, 9);
    expect(line.y).toBeCloseTo(20 + 7 + 3 + 4 + BASE, 9);
  });

  it('nest: each ancestor adds its own offsets', () => {
    const doc = layout(
      `${PAGE} .outer { padding: 10pt 0 0 12pt; border-left: 2pt solid red } .inner { margin: 3pt 0 0 4pt; padding: 1pt 0 0 1pt }`,
      '<div class="outer"><div class="inner"><p>中</p></div></div>',
    );
    const line = lineWith(doc, '中');
    expect(line.x).toBeCloseTo(20 + 2 + 12 + 4 + 1, 9);
    expect(line.y).toBeCloseTo(20 + 10 + 3 + 1 + BASE, 9);
  });

  it('right padding and border narrow the measure (width is the border box)', () => {
    const text = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほ';
    const doc = layout(`${PAGE} .b { width: 100pt; padding: 0 10pt 0 8pt; border-right: 5pt solid black }`, `<div class="b">${text}</div>`);
    const ls = lines(doc.pages[0]!);
    expect(ls.length).toBeGreaterThan(1);
    for (const l of ls) {
      expect(l.x).toBeCloseTo(28, 9);
      expect(l.right).toBeLessThanOrEqual(20 + 100 - 10 - 5 + 0.01);
    }
    // The measure is used, not just respected: the first line is nearly full.
    expect(ls[0]!.right).toBeGreaterThan(20 + 100 - 10 - 5 - 10);
    expect(ls.map((l) => l.text).join('')).toBe(text);
  });

  it('vertical margins between blocks add up (no collapsing) and bottom paddings/borders push the next block', () => {
    const doc = layout(
      `${PAGE} .a { margin-bottom: 10pt; padding-bottom: 3pt; border-bottom: 2pt solid black } .b { margin-top: 6pt }`,
      '<p class="a">上</p><p class="b">下</p>',
    );
    const a = lineWith(doc, '上');
    const b = lineWith(doc, '下');
    expect(b.y - a.y).toBeCloseTo(20 + 3 + 2 + 10 + 6, 9);
  });

  it('auto left and right margins centre a block of fixed width', () => {
    const doc = layout(`${PAGE} .c { width: 60pt; margin: 0 auto; background: #eeeeee }`, '<div class="c">中央</div>');
    const bg = bounds(paths(doc.pages[0]!)[0]!);
    expect(bg.x0).toBeCloseTo(20 + 50, 9);
    expect(bg.x1).toBeCloseTo(20 + 110, 9);
    expect(lineWith(doc, '中央').x).toBeCloseTo(70, 9);
  });
});

describe('flex rows', () => {
  it('justify-content: space-between puts the first item at the start edge and the last at the end edge', () => {
    const doc = layout(`${PAGE} .row { display: flex; justify-content: space-between; padding: 0 5pt }`, '<div class="row"><p>左端</p><p>右端</p></div>');
    const left = runWith(doc, '左端');
    const right = runWith(doc, '右端');
    expect(runText(left)).toBe('左端');
    expect(runText(right)).toBe('右端');
    expect(left.x).toBeCloseTo(25, 9);
    expect(runRight(right)).toBeCloseTo(175, 6);
    expect(right.y).toBe(left.y);
  });

  it('space-between with three items leaves equal gaps', () => {
    const doc = layout(
      `${PAGE} .row { display: flex; justify-content: space-between } .row > p { width: 30pt; background: #dddddd }`,
      '<div class="row"><p>一</p><p>二</p><p>三</p></div>',
    );
    const boxes = paths(doc.pages[0]!).map((p) => bounds(p)).sort((a, b) => a.x0 - b.x0);
    expect(boxes.map((b) => [b.x0, b.x1])).toEqual([
      [20, 50],
      [85, 115],
      [150, 180],
    ]);
  });

  it('flex-grow shares the free space and column-gap separates items', () => {
    const doc = layout(
      `${PAGE} .row { display: flex; column-gap: 10pt } .row > div { flex: 1 1 0; background: #dddddd } .row > .two { flex-grow: 2 }`,
      '<div class="row"><div>一</div><div class="two">二</div></div>',
    );
    const boxes = paths(doc.pages[0]!).map((p) => bounds(p)).sort((a, b) => a.x0 - b.x0);
    expect(boxes[0]!.x0).toBeCloseTo(20, 9);
    expect(boxes[0]!.x1).toBeCloseTo(20 + 50, 9);
    expect(boxes[1]!.x0).toBeCloseTo(80, 9);
    expect(boxes[1]!.x1).toBeCloseTo(180, 9);
    expect(runWith(doc, '二').x).toBeCloseTo(80, 9);
  });
});

describe('percentages', () => {
  it('width: 50% is half the containing block; text-align: right ends the line at its edge', () => {
    const doc = layout(`${PAGE} .h { width: 50%; text-align: right; background: #eeeeee }`, '<div class="h">右</div>');
    const bg = bounds(paths(doc.pages[0]!)[0]!);
    expect(bg.x1 - bg.x0).toBeCloseTo(80, 9);
    expect(lineWith(doc, '右').right).toBeCloseTo(100, 6);
  });

  it('percent widths and margins resolve against the parent’s content box', () => {
    const text = 'あいうえおかきくけこさしすせそ';
    const doc = layout(`${PAGE} .p { padding: 0 20pt } .q { width: 25%; margin-left: 50% }`, `<div class="p"><div class="q">${text}</div></div>`);
    // Parent content box: x 40…160, width 120 → margin 60, width 30.
    const ls = lines(doc.pages[0]!);
    expect(ls.length).toBeGreaterThan(2);
    for (const l of ls) {
      expect(l.x).toBeCloseTo(100, 9);
      expect(l.right).toBeLessThanOrEqual(130.01);
    }
    expect(ls.map((l) => l.text).join('')).toBe(text);
  });
});
