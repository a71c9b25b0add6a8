/**
 * writing-mode: vertical-rl in layout: a paragraph is set in columns inside its box — the
 * height is the measure, columns progress from the right edge to the left, line-height apart.
 */
import { describe, expect, it } from 'vitest';
import type { DisplayPage, GlyphRun } from '../../src/layout/display-list.js';
import type { StyledElement } from '../../src/markup/types.js';
import { bounds, contentRuns, gothic, layout, mm, paths, runText, styled, thrownDiagnostic } from './helpers.js';

/** 200 × 300 pt page, 10 pt margins: the body's content box starts at (10, 10). */
const PAGE = '@page { size: 200pt 300pt; margin: 10pt }';
const V = '.v { writing-mode: vertical-rl; font-size: 10pt; line-height: 20pt }';

interface Column {
  x: number;
  text: string;
  runs: GlyphRun[];
}

/** Vertical runs grouped into columns by their centre line, in reading order (right to left). */
function columns(page: DisplayPage): Column[] {
  const byX = new Map<number, GlyphRun[]>();
  for (const r of contentRuns(page)) {
    expect(r.vertical).toBe(true);
    const key = Math.round(r.x * 1000) / 1000;
    byX.set(key, [...(byX.get(key) ?? []), r]);
  }
  return [...byX.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([x, runs]) => {
      const glyphs = runs.flatMap((r) => r.glyphs.map((g) => ({ g, y: r.y + (g.y ?? 0) })));
      glyphs.sort((a, b) => a.y - b.y);
      return { x, runs, text: glyphs.map((q) => q.g.text).join('') };
    });
}

describe('vertical-rl layout', () => {
  it('sets columns right to left from the right edge of the box; the height is the measure', () => {
    const doc = layout(`${PAGE} ${V} .v { width: 100pt; height: 50pt }`, '<div class="v">お客様からの著しい迷惑行為には組織的に対応します</div>');
    const cols = columns(doc.pages[0]!);
    expect(cols.map((c) => c.text)).toEqual(['お客様から', 'の著しい迷', '惑行為には', '組織的に対', '応します']);
    // Centre lines: the first half a line-height inside the right edge (10 + 100), then 20 pt apart.
    cols.forEach((c, i) => expect(c.x).toBeCloseTo(110 - 10 - i * 20, 6));
    for (const c of cols) {
      for (const r of c.runs) {
        expect(r.y).toBeCloseTo(10, 6); // the column starts at the top of the content box
        // Upright glyphs hang from the top of their 1 em cell by the ascender.
        for (const g of r.glyphs) expect((g.y ?? 0) - (gothic.ascender / gothic.unitsPerEm) * 10 + g.advance).toBeLessThanOrEqual(50 + 0.01);
      }
    }
  });

  it('makes a box of auto width as wide as its columns', () => {
    const doc = layout(
      `${PAGE} ${V} .row { display: flex; height: 60pt } .v { background: #eee }`,
      '<div class="row"><div class="v">組織的に対応します。</div></div>',
    );
    const box = bounds(paths(doc.pages[0]!)[0]!);
    expect(box.x1 - box.x0).toBeCloseTo(2 * 20, 6); // 10 characters in 6 em columns: two columns
    expect(box.y1 - box.y0).toBeCloseTo(60, 6);
    expect(columns(doc.pages[0]!)).toHaveLength(2);
  });

  it('stacks the paragraphs of a vertical block right to left', () => {
    const doc = layout(`${PAGE} ${V} .v { height: 100pt; width: 150pt }`, '<div class="v"><p>第一の段落</p><p>第二の段落</p></div>');
    const cols = columns(doc.pages[0]!);
    expect(cols.map((c) => c.text)).toEqual(['第一の段落', '第二の段落']);
    expect(cols[0]!.x).toBeCloseTo(160 - 10, 6);
    expect(cols[1]!.x).toBeCloseTo(160 - 30, 6);
  });

  it('applies text-combine-upright: digits 2 from CSS (inherited): 29 shares one cell', () => {
    const doc = layout(`${PAGE} ${V} .v { height: 200pt; text-combine-upright: digits 2 }`, '<div class="v">令和7年8月<span>29</span>日</div>');
    const glyphs = contentRuns(doc.pages[0]!).flatMap((r) => r.glyphs);
    const [two, nine] = ['2', '9'].map((d) => glyphs.find((g) => g.text === d)!);
    expect(two!.y).toBe(nine!.y);
    expect(two!.rotate).toBeUndefined();
    expect(contentRuns(doc.pages[0]!).map(runText).join('')).toBe('令和7年8月29日');
  });

  it('leaves horizontal text as it was: no vertical runs, no per-glyph placement', () => {
    const doc = layout(PAGE, '<p>横書きの段落 12</p>');
    for (const r of contentRuns(doc.pages[0]!)) {
      expect(r.vertical).toBeUndefined();
      for (const g of r.glyphs) expect(g.y ?? g.rotate ?? g.scaleX).toBeUndefined();
    }
  });

  it('fails with layout/text-overflow when the columns need more width than the box has', () => {
    const d = thrownDiagnostic(() =>
      layout(`${PAGE} ${V} .v { width: 40pt; height: 50pt }`, '<div class="v">お客様からの著しい迷惑行為には組織的に対応します</div>'),
    );
    expect(d.code).toBe('layout/text-overflow');
    expect(d.message.en).toMatch(/columns need 60\.0 pt \(21\.2 mm\) more width/);
    expect(d.message.ja).toContain('縦書き');
  });

  it('shrinks vertical text with -kp-fit-min-size until its columns fit', () => {
    const doc = layout(
      `${PAGE} .v { writing-mode: vertical-rl; width: 40pt; height: 50pt; font-size: 10pt; line-height: 2; -kp-fit-min-size: 4pt }`,
      '<div class="v">お客様からの著しい迷惑行為には組織的に対応します</div>',
    );
    const runs = contentRuns(doc.pages[0]!);
    expect(runs[0]!.size).toBeLessThan(10);
    const cols = columns(doc.pages[0]!);
    expect(cols.map((c) => c.text).join('')).toBe('お客様からの著しい迷惑行為には組織的に対応します');
    const lh = runs[0]!.size * 2;
    expect(cols.length * lh).toBeLessThanOrEqual(40 + 0.5);
  });

  it('a desk sign: 100 × 260 mm box, columns inside its padding', () => {
    const doc = layout(
      `@page { size: 120mm 280mm; margin: 10mm } .sign { writing-mode: vertical-rl; text-combine-upright: digits 2; width: 100mm; height: 260mm; padding: 10mm; font-size: 28pt; line-height: 1.5 }`,
      '<div class="sign">「カスタマー・ハラスメントには、毅然として組織的に対応します。令和7年8月29日　岡山市」</div>',
    );
    const cols = columns(doc.pages[0]!);
    expect(cols.map((c) => c.text).join('')).toBe('「カスタマー・ハラスメントには、毅然として組織的に対応します。令和7年8月29日　岡山市」');
    const right = mm(10) + mm(100) - mm(10);
    expect(cols[0]!.x).toBeCloseTo(right - 21, 2);
    for (const c of cols) for (const r of c.runs) expect(r.y).toBeCloseTo(mm(20), 2);
  });
});

describe('writing-mode and text-combine-upright in CSS', () => {
  it('parses both, inherited, with digits defaulting to 2', () => {
    const doc = styled(
      '.v { writing-mode: vertical-rl; text-combine-upright: digits } .a { text-combine-upright: all } .d4 { text-combine-upright: digits 4 }',
      '<div class="v"><span>x</span><span class="a">!?</span><span class="d4">2025</span></div><p>y</p>',
    );
    expect(doc.diagnostics).toEqual([]);
    const div = doc.root.children[0] as StyledElement;
    expect(div.style.writingMode).toBe('vertical-rl');
    expect(div.style.textCombineUpright).toBe('digits 2');
    const [span, all, d4] = div.children as StyledElement[];
    expect(span!.style.writingMode).toBe('vertical-rl');
    expect(span!.style.textCombineUpright).toBe('digits 2');
    expect(all!.style.textCombineUpright).toBe('all');
    expect(d4!.style.textCombineUpright).toBe('digits 4');
    const p = doc.root.children[1] as StyledElement;
    expect([p.style.writingMode, p.style.textCombineUpright]).toEqual(['horizontal-tb', 'none']);
  });

  it('warns about values it does not support', () => {
    const doc = styled('.v { writing-mode: vertical-lr; text-combine-upright: digits 5 }', '<div class="v">x</div>');
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['markup/unsupported-value', 'markup/unsupported-value']);
    expect(doc.diagnostics[0]!.hint?.en).toContain('horizontal-tb | vertical-rl');
  });
});
