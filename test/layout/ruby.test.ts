/**
 * Ruby in layout: `<ruby>` becomes InlineRuns with readings (mono / group / jukugo), readings
 * are drawn as their own glyph runs above the base (content, not decoration), and a line
 * carrying ruby is made tall enough for it while lines without keep the paragraph's pitch.
 * End to end: the template snippet through markup, layout, the PDF backend and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { buildBoxTree, type TextBox } from '../../src/layout/boxes.js';
import type { GlyphRun } from '../../src/layout/display-list.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { extractPdfText } from '../helpers/pdfText.js';
import { contentRuns, fonts, gothic, halfLeadingBaseline, layout, layoutStyled, runText, styled } from './helpers.js';

const PAGE = '@page { size: 200pt 300pt; margin: 20pt } body { font-size: 10pt; line-height: 15pt }';
const ASC = gothic.ascender / gothic.unitsPerEm; // 0.88: ascender − descender = 1 em

function textBoxOf(css: string, body: string): TextBox {
  const root = buildBoxTree(styled(css, body).root, fonts, 'test.html');
  const box = root.children[0]!;
  if (box.kind !== 'text') throw new Error('expected a paragraph');
  return box;
}

const runsWith = (runs: GlyphRun[], text: string): GlyphRun => {
  const hit = runs.filter((r) => runText(r) === text);
  expect(hit).toHaveLength(1);
  return hit[0]!;
};
const rightOf = (r: GlyphRun): number => r.x + r.glyphs.at(-1)!.x + (gothic.advance(r.glyphs.at(-1)!.id) * r.size) / gothic.unitsPerEm;

describe('ruby: box building', () => {
  it('one base with one rt is group ruby (mono for a single character); several pairs are a jukugo compound', () => {
    const box = textBoxOf(PAGE, '<p>ここは<ruby>岡山<rt>おかやま</rt></ruby>、<ruby>字<rt>じ</rt></ruby>、<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>です</p>');
    expect(box.runs.map((r) => [r.text, r.ruby?.text, r.ruby?.kind])).toEqual([
      ['ここは', undefined, undefined],
      ['岡山', 'おかやま', 'group'],
      ['、', undefined, undefined],
      ['字', 'じ', 'mono'],
      ['、', undefined, undefined],
      ['漢', 'かん', 'jukugo'],
      ['字', 'じ', 'jukugo'],
      ['です', undefined, undefined],
    ]);
  });

  it('the reading takes the rt’s style (half size by default) and names the rt as its origin', () => {
    const box = textBoxOf(`${PAGE} rt { color: #c00 }`, '<p><ruby>岡山<rt>おかやま</rt></ruby></p>');
    const ruby = box.runs[0]!.ruby!;
    expect(ruby.style?.size).toBe(5);
    expect(ruby.style?.color).toMatchObject({ r: 0.8 });
    expect(ruby.origin).toMatchObject({ element: 'rt', file: 'test.html', line: 2 });
  });

  it('rp parentheses are not drawn; a base without rt stays plain text', () => {
    const box = textBoxOf(PAGE, '<p><ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp>です</ruby></p>');
    expect(box.runs.map((r) => [r.text, r.ruby?.text])).toEqual([
      ['漢字', 'かんじ'],
      ['です', undefined],
    ]);
  });
});

describe('ruby: painting', () => {
  it('readings are content glyph runs above their base: half size, centred, ToUnicode text', () => {
    const doc = layout(PAGE, '<p style="line-height: 20pt">ここは<ruby>岡山<rt>おかやま</rt></ruby>市</p>');
    const runs = contentRuns(doc.pages[0]!);
    const base = runsWith(runs, '岡山');
    const reading = runsWith(runs, 'おかやま');
    expect(reading.size).toBe(5);
    expect(reading.origin?.decorative).toBeFalsy();
    expect(reading.origin?.element).toBe('rt');
    expect(base.y - reading.y).toBeCloseTo(10 * ASC + 5 * (1 - ASC), 9);
    const mid = (r: GlyphRun) => (r.x + r.glyphs[0]!.x + rightOf(r)) / 2;
    expect(mid(reading)).toBeCloseTo(mid(base), 6);
  });

  it('a line carrying ruby is made tall enough for it; the other lines keep their pitch', () => {
    const doc = layout(PAGE, '<p>あいう<br>か<ruby>漢<rt>かん</rt></ruby>き<br>さしす</p><p>次</p>');
    const runs = contentRuns(doc.pages[0]!);
    const [l1, l2, l3] = ['あいう', 'か', 'さしす'].map((t) => runsWith(runs, t).y) as [number, number, number];
    const reading = runsWith(runs, 'かん');
    // The reading reaches 0.88 × 10 + 5 pt above its baseline; half-leading leaves 11.3 pt: 2.5 pt short.
    const need = 10 * ASC + 5 - halfLeadingBaseline(10, 15);
    expect(need).toBeCloseTo(2.5, 9);
    expect(l2 - l1).toBeCloseTo(15 + need, 9);
    expect(l3 - l2).toBeCloseTo(15, 9);
    // The top of the reading's em box is exactly the top of its (grown) line box.
    const lineTop = 20 + 15;
    expect(reading.y - 5 * ASC).toBeCloseTo(lineTop, 9);
    // The paragraph's box grew with it: the next paragraph starts that much lower.
    expect(runsWith(runs, '次').y).toBeCloseTo(20 + 3 * 15 + need + halfLeadingBaseline(10, 15), 9);
  });

  it('with line-height 2 a half-size reading fits in the leading: the pitch does not change', () => {
    const doc = layout(PAGE, '<p style="line-height: 2">あいう<br><ruby>漢字<rt>かんじ</rt></ruby><br>さしす</p>');
    const runs = contentRuns(doc.pages[0]!);
    const ys = ['あいう', '漢字', 'さしす'].map((t) => runsWith(runs, t).y);
    expect(ys[1]! - ys[0]!).toBeCloseTo(20, 9);
    expect(ys[2]! - ys[1]!).toBeCloseTo(20, 9);
    expect(runsWith(runs, 'かんじ').y - 5 * ASC).toBeGreaterThanOrEqual(20 + 20 - 1e-9);
  });

  it('below 7 pt the reading is set in parentheses, in the base size', () => {
    const doc = layout(PAGE, '<p style="font-size: 6pt">この<ruby>漢字<rt>かんじ</rt></ruby>は</p>');
    const runs = contentRuns(doc.pages[0]!);
    expect(runs.map(runText).join('')).toBe('この漢字（かんじ）は');
    expect(new Set(runs.map((r) => r.y)).size).toBe(1); // all on the baseline
    for (const r of runs) expect(r.size).toBe(6);
  });

  it('auto-fit scales the reading with its base', () => {
    const doc = layout(
      '@page { size: 200pt 300pt; margin: 20pt }',
      '<div style="width: 60pt; font-size: 20pt; -kp-fit-min-size: 8pt; white-space: nowrap"><ruby>岡山<rt>おかやま</rt></ruby>市役所です</div>',
    );
    const runs = contentRuns(doc.pages[0]!);
    const base = runs.find((r) => runText(r).startsWith('岡山'))!;
    const reading = runsWith(runs, 'おかやま');
    expect(base.size).toBeLessThan(20);
    expect(reading.size).toBeCloseTo(base.size / 2, 9);
  });
});

describe('ruby: end to end through the PDF', () => {
  it('<p><ruby>岡山<rt>おかやま</rt></ruby>市</p>: pdf.js finds 岡山 and おかやま, the reading above the base', async () => {
    const doc = styled('@page { size: 200pt 200pt; margin: 20pt } p { font-size: 20pt }', '<p><ruby>岡山<rt>おかやま</rt></ruby>市</p>');
    expect(doc.diagnostics).toEqual([]);
    const display = layoutStyled(doc);
    const [page] = await extractPdfText(await renderPdf(display));
    const base = page!.items.find((i) => i.str.includes('岡山'))!;
    const reading = page!.items.find((i) => i.str.includes('おかやま'))!;
    expect(base).toBeDefined();
    expect(reading).toBeDefined();
    expect(page!.text).toContain('市');
    // Above: a smaller y (top-left origin), by the reading's rise; half the size.
    expect(base.y - reading.y).toBeCloseTo(20 * ASC + 10 * (1 - ASC), 1);
    expect(reading.height).toBeCloseTo(base.height / 2, 1);
    // Centred over 岡山 (pdf.js widths come from the embedded /W, to a few hundredths).
    const okayamaWidth = (2 * 20 * gothic.advance(gothic.glyphId(0x5ca1))) / gothic.unitsPerEm;
    expect(reading.x + reading.width / 2).toBeCloseTo(base.x + okayamaWidth / 2, 1);
  });
});
