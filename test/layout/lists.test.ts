/** List markers: outside markers before the first line of each item, decorative, by list-style-type. */
import { describe, expect, it } from 'vitest';
import type { GlyphRun } from '../../src/layout/display-list.js';
import { isRun, layout, lines, runRight, runText } from './helpers.js';

const PAGE = '@page { size: 200pt 300pt; margin: 20pt } body { font-size: 10pt; line-height: 20pt }';

function markers(doc: ReturnType<typeof layout>): GlyphRun[] {
  return doc.pages[0]!.items.filter(isRun).filter((r) => r.origin?.decorative);
}

describe('list markers', () => {
  it('ol { list-style-type: upper-roman } draws I. II. III. left of each item, on its first baseline', () => {
    const doc = layout(`${PAGE} ol { list-style-type: upper-roman; padding-left: 30pt }`, '<ol><li>一番目</li><li>二番目</li><li>三番目</li></ol>');
    const items = lines(doc.pages[0]!);
    const ms = markers(doc);
    expect(items.map((l) => l.text)).toEqual(['一番目', '二番目', '三番目']);
    expect(ms.map(runText)).toEqual(['I.', 'II.', 'III.']);
    ms.forEach((m, i) => {
      const item = items[i]!;
      expect(item.x).toBeCloseTo(20 + 30, 6); // the item text starts at the list's padding edge
      expect(m.y).toBe(item.y);
      // The marker ends before the text starts, with a small gap (less than an em).
      expect(runRight(m)).toBeLessThan(item.x);
      expect(item.x - runRight(m)).toBeLessThanOrEqual(10);
      expect(m.x).toBeGreaterThanOrEqual(20);
    });
    // Outside markers are aligned at their end, whatever their width.
    expect(runRight(ms[1]!)).toBeCloseTo(runRight(ms[0]!), 9);
    expect(runRight(ms[2]!)).toBeCloseTo(runRight(ms[0]!), 9);
    expect(ms[2]!.x).toBeLessThan(ms[0]!.x);
  });

  it('ol defaults to decimal markers counted per list', () => {
    const doc = layout(`${PAGE} ol { padding-left: 20pt }`, '<ol><li>あ</li><li>い</li></ol><ol><li>う</li></ol>');
    expect(markers(doc).map(runText)).toEqual(['1.', '2.', '1.']);
  });

  it('ul { list-style-type: "・" } uses the string as the marker', () => {
    const doc = layout(`${PAGE} ul { list-style-type: "・"; padding-left: 20pt }`, '<ul><li>点一</li><li>点二</li></ul>');
    const ms = markers(doc);
    expect(ms.map(runText)).toEqual(['・', '・']);
    const items = lines(doc.pages[0]!);
    ms.forEach((m, i) => {
      expect(m.y).toBe(items[i]!.y);
      expect(runRight(m)).toBeLessThan(items[i]!.x);
    });
  });

  it('list-style-type: none draws no marker, and the item text is unchanged', () => {
    const doc = layout(`${PAGE} ul { list-style-type: none; padding-left: 20pt }`, '<ul><li>なし</li><li>なし二</li></ul>');
    expect(markers(doc)).toEqual([]);
    expect(doc.pages[0]!.items.filter(isRun).map(runText)).toEqual(['なし', 'なし二']);
  });

  it('markers are decorative and the item text is not; only the first line of an item gets one', () => {
    const long = '長い項目の文章は次の行に折り返されても印は最初の行だけに付きます';
    const doc = layout(`${PAGE} ul { padding-left: 20pt }`, `<ul><li>${long}</li><li>短い</li></ul>`);
    const runs = doc.pages[0]!.items.filter(isRun);
    const ms = runs.filter((r) => r.origin?.decorative === true);
    const text = runs.filter((r) => !r.origin?.decorative);
    expect(ms.map(runText)).toEqual(['•', '•']);
    expect(text.every((r) => r.origin?.decorative === undefined || r.origin.decorative === false)).toBe(true);
    const itemLines = lines(doc.pages[0]!);
    expect(itemLines.length).toBeGreaterThan(2);
    expect(ms.map((m) => m.y)).toEqual([itemLines[0]!.y, itemLines.at(-1)!.y]);
    expect(ms[0]!.origin?.element).toBe('li');
  });

  it('the marker of an item that starts with a nested block sits on that block’s first line', () => {
    const doc = layout(`${PAGE} ol { padding-left: 20pt } li p { padding-left: 5pt }`, '<ol><li><p>段落の項目</p><p>続き</p></li></ol>');
    const [m] = markers(doc);
    const first = lines(doc.pages[0]!)[0]!;
    expect(runText(m!)).toBe('1.');
    expect(m!.y).toBe(first.y);
    expect(runRight(m!)).toBeLessThan(first.x);
  });
});
