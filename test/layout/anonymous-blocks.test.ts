/**
 * Anonymous blocks (CSS 2 §9.2.1.1): text that sits next to block children gets a paragraph
 * of its own, in document order, with the parent's text style but no box of its own.
 */
import { describe, expect, it } from 'vitest';
import { bounds, halfLeadingBaseline, layout, lineWith, lines, paths, runWith } from './helpers.js';

const PAGE = '@page { size: 200pt 200pt; margin: 20pt } body { font-size: 10pt; line-height: 20pt }';
const BASE = halfLeadingBaseline(10, 20);
const texts = (doc: ReturnType<typeof layout>): string[][] => doc.pages.map((p) => lines(p).map((l) => l.text));

describe('anonymous blocks', () => {
  it('text before and after a block child becomes separate paragraphs, in order, one line pitch apart', () => {
    const doc = layout(`${PAGE} .d { padding: 5pt; background: #eeeeee; color: blue } .d p { color: red }`, '<div class="d">前の文<strong>強調</strong><p>段落</p>後の文</div>');
    const ls = lines(doc.pages[0]!);
    expect(ls.map((l) => l.text)).toEqual(['前の文強調', '段落', '後の文']);
    ls.forEach((l, i) => {
      expect(l.x).toBeCloseTo(25, 9);
      expect(l.y).toBeCloseTo(25 + i * 20 + BASE, 9);
    });
    // Inline children stay in the anonymous paragraph with their own origin and style.
    expect(runWith(doc, '強調').origin?.element).toBe('strong');
    expect(runWith(doc, '前の文').origin?.element).toBe('div.d');
    expect(runWith(doc, '後の文').color).toEqual({ space: 'rgb', r: 0, g: 0, b: 1 });
    expect(runWith(doc, '段落').color).toEqual({ space: 'rgb', r: 1, g: 0, b: 0 });
  });

  it('anonymous paragraphs draw no decoration of their own: one background for the div', () => {
    const doc = layout(`${PAGE} .d { padding: 5pt; background: #eeeeee; border-radius: 4pt }`, '<div class="d">前<p>中</p>後</div>');
    const ps = paths(doc.pages[0]!);
    expect(ps).toHaveLength(1);
    expect(bounds(ps[0]!)).toEqual({ x0: 20, y0: 20, x1: 180, y1: 20 + 5 + 3 * 20 + 5 });
  });

  it('whitespace-only text between blocks makes no empty paragraph', () => {
    const doc = layout(PAGE, '<div>\n  <p>一</p>\n  <p>二</p>\n</div>');
    const ls = lines(doc.pages[0]!);
    expect(ls.map((l) => l.text)).toEqual(['一', '二']);
    expect(ls[1]!.y - ls[0]!.y).toBeCloseTo(20, 9);
  });

  it('text between two block children sits between them', () => {
    const doc = layout(PAGE, '<section><p>上</p>間の文<p>下</p></section>');
    expect(texts(doc)).toEqual([['上', '間の文', '下']]);
  });

  // Known bug: anonymousStyle() in src/layout/boxes.ts copies the parent's whole style and
  // resets only some box properties; break-before/break-after are kept, so the anonymous
  // paragraph repeats the parent's forced break at its own edges.
  it('break-after: page on a div with text and block children breaks only after the div', () => {
    const doc = layout(PAGE, '<p>前</p><div style="break-after: page">前文<p>子</p></div><p>後</p>');
    expect(texts(doc)).toEqual([['前', '前文', '子'], ['後']]);
  });

  // Known bug (same cause): the trailing anonymous paragraph starts with the parent's forced break.
  it('break-before: page on a div with block children and trailing text breaks only before the div', () => {
    const doc = layout(PAGE, '<p>最初</p><div style="break-before: page"><p>子</p>後文</div>');
    expect(texts(doc)).toEqual([['最初'], ['子', '後文']]);
  });

  // Known bug (same cause): min-height (and min-width, max-width, max-height, flex-basis,
  // align-self) are not reset, so the anonymous paragraph is sized like its parent.
  it('min-height of a div is not given to its anonymous paragraph', () => {
    const doc = layout(PAGE, '<div style="min-height: 60pt">前文<p>子</p></div>');
    expect(lineWith(doc, '子').y).toBeCloseTo(20 + 20 + BASE, 9);
  });

  it('max-width: 50% of a div is not applied again to its anonymous paragraph', () => {
    const text = 'あいうえおかきくけこさしすせそ';
    const doc = layout(PAGE, `<div style="max-width: 50%">${text}<p>子</p></div>`);
    // The div is 80 pt wide: its text fills lines of up to 80 pt, not 40 pt.
    const first = lines(doc.pages[0]!)[0]!;
    expect(first.right - first.x).toBeGreaterThan(70);
  });
});
