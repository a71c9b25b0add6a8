/**
 * Pagination of flowing documents: pages fill with whole lines inside the page area, in order,
 * and the CSS Fragmentation rules hold (forced breaks, break-after: avoid, orphans/widows,
 * break-inside: avoid). The page is 200 × 200 pt with 20 pt margins, so the page area is
 * 160 × 160 pt and holds exactly eight 20 pt lines.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/markup/index.js';
import type { DisplayDocument, DisplayPage } from '../../src/layout/display-list.js';
import { contentRuns, fixture, halfLeadingBaseline, layout, layoutStyled, lines, metrics, pageText, runRight, thrownDiagnostic } from './helpers.js';

const PAGE = '@page { size: 200pt 200pt; margin: 20pt } body { font-size: 10pt; line-height: 20pt }';
/** Baseline of the first line on any page: top margin plus half-leading. */
const FIRST_BASELINE = 20 + halfLeadingBaseline(10, 20);

const paras = (texts: readonly string[]): string => texts.map((t) => `<p>${t}</p>`).join('');
/** n one-line paragraphs "1" … "n". */
const numbered = (n: number): string[] => Array.from({ length: n }, (_, i) => `${i + 1}`);

function texts(page: DisplayPage): string[] {
  return lines(page).map((l) => l.text);
}

/** Every glyph box (advance × ascent/descent) of every content run lies inside the page area. */
function expectInsideArea(doc: DisplayDocument, margin: { top: number; right: number; bottom: number; left: number }): void {
  doc.pages.forEach((page, p) => {
    for (const r of contentRuns(page)) {
      const { asc, desc } = metrics(r.size, r.font);
      const where = `page ${p + 1} "${r.glyphs.map((g) => g.text).join('')}"`;
      expect(r.x, where).toBeGreaterThanOrEqual(margin.left - 0.01);
      expect(runRight(r), where).toBeLessThanOrEqual(page.width - margin.right + 0.01);
      expect(r.y - asc, where).toBeGreaterThanOrEqual(margin.top - 0.01);
      expect(r.y + desc, where).toBeLessThanOrEqual(page.height - margin.bottom + 0.01);
    }
  });
}

describe('pagination of a long flow', () => {
  it('fills pages with eight 20 pt lines each, keeping the order and every line inside the page area', () => {
    const source = numbered(30).map((n) => `段落${n}の本文です`);
    const doc = layout(PAGE, paras(source));
    // 30 one-line paragraphs at 8 lines per page.
    expect(doc.pages).toHaveLength(4);
    expect(doc.pages.map((p) => lines(p).length)).toEqual([8, 8, 8, 6]);
    expect(doc.pages.flatMap(texts)).toEqual(source);
    for (const page of doc.pages) {
      expect(page.width).toBe(200);
      expect(page.height).toBe(200);
      // Every page starts at the top of the page area.
      expect(lines(page)[0]!.y).toBeCloseTo(FIRST_BASELINE, 6);
    }
    expectInsideArea(doc, { top: 20, right: 20, bottom: 20, left: 20 });
  });

  it('lays out a realistic policy document: all text, in source order, inside the area, headings never last on a page', () => {
    const html = fixture('policy-flow.html');
    const styled = parseMarkup(html, { file: 'policy-flow.html' });
    expect(styled.diagnostics).toEqual([]);
    const doc = layoutStyled(styled);
    expect(doc.pages.length).toBeGreaterThanOrEqual(3);
    expectInsideArea(doc, styled.page.margin);

    // Source text of every block, in order (the fixture has one block element per line).
    const blocks = [...html.matchAll(/<(h1|h2|p|li)>(.*?)<\/\1>/g)].map((m) => m[2]!);
    expect(blocks.length).toBeGreaterThan(20);
    expect(doc.pages.map(pageText).join('')).toBe(blocks.join(''));

    doc.pages.slice(0, -1).forEach((page, i) => {
      const last = lines(page).at(-1)!;
      expect(last.runs[0]!.origin?.element, `last line of page ${i + 1}: ${last.text}`).not.toBe('h2');
    });

    // Orphans/widows (2): a paragraph split by a page break keeps two lines on each side.
    const perPage = new Map<number, number[]>(); // source line of the <p> → its line count per page
    doc.pages.forEach((page, i) => {
      for (const l of lines(page)) {
        const origin = l.runs[0]!.origin!;
        if (origin.element !== 'p') continue;
        const counts = perPage.get(origin.line!) ?? [];
        counts[i] = (counts[i] ?? 0) + 1;
        perPage.set(origin.line!, counts);
      }
    });
    const split = [...perPage.values()].filter((c) => c.filter((n) => n !== undefined).length > 1);
    expect(split.length).toBeGreaterThan(0); // the fixture does split paragraphs
    for (const counts of split) for (const n of counts.filter((x) => x !== undefined)) expect(n).toBeGreaterThanOrEqual(2);
  });
});

describe('forced breaks', () => {
  it('break-before: page starts the element on a new page', () => {
    const doc = layout(PAGE, '<p>一</p><p style="break-before: page">二</p><p>三</p>');
    expect(doc.pages.map(texts)).toEqual([['一'], ['二', '三']]);
    expect(lines(doc.pages[1]!)[0]!.y).toBeCloseTo(FIRST_BASELINE, 6);
  });

  it('break-after: page ends the page after the element', () => {
    const doc = layout(PAGE, '<p>一</p><p style="break-after: page">二</p><p>三</p>');
    expect(doc.pages.map(texts)).toEqual([['一', '二'], ['三']]);
  });

  it('break-before: page on the very first element makes no empty first page', () => {
    const doc = layout(PAGE, '<p style="break-before: page">一</p><p>二</p>');
    expect(doc.pages.map(texts)).toEqual([['一', '二']]);
  });

  it('a forced break on a nested block applies at its first line', () => {
    const doc = layout(PAGE, '<p>一</p><section style="break-before: page"><div><p>二</p></div></section>');
    expect(doc.pages.map(texts)).toEqual([['一'], ['二']]);
  });
});

describe('headings stay with what follows (h2 { break-after: avoid })', () => {
  const body = `${paras(numbered(7))}<h2>見出し</h2><p>本文</p>`;

  it('without the rule the heading would be the last line of page 1 (the setup)', () => {
    const doc = layout(PAGE, body);
    expect(doc.pages.map(texts)).toEqual([[...numbered(7), '見出し'], ['本文']]);
  });

  it('with the rule the heading moves to the next page, above its paragraph', () => {
    const doc = layout(`${PAGE} h2 { break-after: avoid }`, body);
    expect(doc.pages.map(texts)).toEqual([numbered(7), ['見出し', '本文']]);
  });

  it('a chain of avoid breaks moves back to the last allowed break', () => {
    const doc = layout(`${PAGE} h2, h3 { break-after: avoid }`, `${paras(numbered(6))}<h2>章</h2><h3>節</h3><p>本文</p>`);
    expect(doc.pages.map(texts)).toEqual([numbered(6), ['章', '節', '本文']]);
  });
});

describe('orphans and widows (CSS default 2)', () => {
  // 16 ideographs of 10 pt fill a 160 pt line exactly, so 16·n of them make n lines.
  const lineOf = (ch: string) => ch.repeat(16);

  it('moves a paragraph whose first line alone would end a page (orphan)', () => {
    const para = `<p>${lineOf('国')}${lineOf('語')}${lineOf('辞')}</p>`;
    const doc = layout(PAGE, paras(numbered(7)) + para);
    expect(doc.pages.map(texts)).toEqual([numbered(7), [lineOf('国'), lineOf('語'), lineOf('辞')]]);
  });

  it('the same break is taken when orphans is 1 (the setup)', () => {
    const para = `<p>${lineOf('国')}${lineOf('語')}${lineOf('辞')}</p>`;
    const doc = layout(`${PAGE} p { orphans: 1; widows: 1 }`, paras(numbered(7)) + para);
    expect(doc.pages.map(texts)).toEqual([[...numbered(7), lineOf('国')], [lineOf('語'), lineOf('辞')]]);
  });

  it('breaks a paragraph earlier so that its last line is not alone at the top of a page (widow)', () => {
    const para = `<p>${lineOf('一')}${lineOf('二')}${lineOf('三')}${lineOf('四')}</p>`;
    const doc = layout(PAGE, paras(numbered(5)) + para);
    // Three lines would fit on page 1, but then 四 would be a widow.
    expect(doc.pages.map(texts)).toEqual([[...numbered(5), lineOf('一'), lineOf('二')], [lineOf('三'), lineOf('四')]]);
  });

  it('fills the page when widows is 1 (the setup)', () => {
    const para = `<p>${lineOf('一')}${lineOf('二')}${lineOf('三')}${lineOf('四')}</p>`;
    const doc = layout(`${PAGE} p { widows: 1 }`, paras(numbered(5)) + para);
    expect(doc.pages.map(texts)).toEqual([[...numbered(5), lineOf('一'), lineOf('二'), lineOf('三')], [lineOf('四')]]);
  });

  it('honours larger values: orphans: 3 keeps three lines together at a page bottom', () => {
    const para = `<p>${lineOf('一')}${lineOf('二')}${lineOf('三')}${lineOf('四')}${lineOf('五')}</p>`;
    const doc = layout(`${PAGE} p { orphans: 3; widows: 1 }`, paras(numbered(6)) + para);
    expect(doc.pages.map(texts)).toEqual([numbered(6), [lineOf('一'), lineOf('二'), lineOf('三'), lineOf('四'), lineOf('五')]]);
  });
});

describe('break-inside: avoid', () => {
  const box = (style: string) => `<div style="${style}"><p>あ</p><p>い</p><p>う</p><p>え</p></div>`;

  it('without it, a block is split where the page ends (the setup)', () => {
    const doc = layout(PAGE, paras(numbered(5)) + box(''));
    expect(doc.pages.map(texts)).toEqual([[...numbered(5), 'あ', 'い', 'う'], ['え']]);
  });

  it('keeps the block together on the next page', () => {
    const doc = layout(PAGE, paras(numbered(5)) + box('break-inside: avoid'));
    expect(doc.pages.map(texts)).toEqual([numbered(5), ['あ', 'い', 'う', 'え']]);
  });
});

describe('content taller than a page', () => {
  it('a break-inside: avoid block taller than a page is still split, losing nothing', () => {
    const inner = numbered(20).map((n) => `項目${n}`);
    const doc = layout(PAGE, `<p>前</p><div style="break-inside: avoid">${paras(inner)}</div><p>後</p>`);
    const all = doc.pages.flatMap(texts);
    expect(all).toEqual(['前', ...inner, '後']);
    for (const page of doc.pages) expect(lines(page).length).toBeLessThanOrEqual(8);
    expectInsideArea(doc, { top: 20, right: 20, bottom: 20, left: 20 });
  });

  it('one paragraph longer than a page runs over several pages', () => {
    const rows = ['日', '月', '火', '水', '木', '金', '土', '春', '夏', '秋', '冬', '東', '西', '南', '北', '空', '海', '山', '川', '森'];
    const doc = layout(PAGE, `<p>${rows.map((c) => c.repeat(16)).join('')}</p>`);
    expect(doc.pages.flatMap(texts)).toEqual(rows.map((c) => c.repeat(16)));
    expect(doc.pages.map((p) => lines(p).length)).toEqual([8, 8, 4]);
  });

  it('a line that is taller than the page area still gets its own page', () => {
    const doc = layout(PAGE, '<p>前</p><p style="font-size: 10pt; line-height: 300pt">巨大</p><p>後</p>');
    expect(doc.pages.map(texts)).toEqual([['前'], ['巨大'], ['後']]);
  });

  it('an unsplittable part taller than the page is an error, never clipped at the page edge', () => {
    const d = thrownDiagnostic(() => layout(PAGE, '<p>前</p><kp-icon name="check" style="width: 250pt; height: 250pt"></kp-icon>'));
    expect(d.code).toBe('layout/page-overflow');
    expect(d.message.en).toMatch(/cannot be split across pages .* taller than the page/);
  });

  it('a vertical paragraph without a height uses the page height for its columns', () => {
    const body = '<p style="writing-mode: vertical-rl">カスタマー・ハラスメントから職員を守ります。毅然として組織的に対応します。</p>';
    const doc = layout(PAGE, body);
    expect(doc.pages).toHaveLength(1);
    // Several columns, all inside the page area.
    const runs = doc.pages[0]!.items.filter((i) => i.kind === 'glyphs');
    expect(new Set(runs.map((r) => r.x)).size).toBeGreaterThan(1);
    for (const r of runs) for (const g of r.glyphs) expect(r.y + (g.y ?? 0)).toBeLessThanOrEqual(180 + 0.5);
  });
});
