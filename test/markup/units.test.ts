import { describe, expect, it } from 'vitest';
import { find, mm, parse } from './helpers.js';

const width = (css: string, body = '<div class="x">t</div>') => find(parse(css, body), '.x').style.width;

describe('units', () => {
  it.each([
    ['10pt', 10],
    ['10px', 7.5],
    ['10mm', mm(10)],
    ['1cm', mm(10)],
    ['1in', 72],
    ['2pc', 24],
    ['4q', mm(1)],
    ['0', 0],
  ])('%s resolves to pt', (value, pt) => {
    const w = width(`.x { width: ${value} }`);
    expect(w).toMatchObject({ unit: 'pt' });
    expect((w as { value: number }).value).toBeCloseTo(pt, 9);
  });

  it('em is relative to the element font-size', () => {
    expect(width('.x { font-size: 20pt; width: 2em }')).toEqual({ unit: 'pt', value: 40 });
  });

  it('em and % on font-size are relative to the parent font-size', () => {
    const d = parse('.p { font-size: 12pt } .a { font-size: 1.5em } .b { font-size: 50% } .c { font-size: 2em; width: 1em }', '<div class="p"><p class="a">a</p><p class="b">b</p><p class="c">c</p></div>');
    expect(find(d, '.a').style.fontSize).toBe(18);
    expect(find(d, '.b').style.fontSize).toBe(6);
    expect(find(d, '.c').style.width).toEqual({ unit: 'pt', value: 24 });
  });

  it('rem is relative to the root (html) font-size', () => {
    expect(width('html { font-size: 9pt } body { font-size: 30pt } .x { width: 2rem }')).toEqual({ unit: 'pt', value: 18 });
    expect(width('.x { width: 1rem }')).toEqual({ unit: 'pt', value: 10.5 });
  });

  it('vw/vh/vmin/vmax are 1% of the page area (page minus @page margins)', () => {
    // A4 portrait with 10mm margins: area 190mm × 277mm.
    const page = '@page { size: A4; margin: 10mm } ';
    const v = (u: string) => (width(`${page}.x { width: 10${u} }`) as { value: number }).value;
    expect(v('vw')).toBeCloseTo(mm(19), 9);
    expect(v('vh')).toBeCloseTo(mm(27.7), 9);
    expect(v('vmin')).toBeCloseTo(mm(19), 9);
    expect(v('vmax')).toBeCloseTo(mm(27.7), 9);
  });

  it('vw on font-size follows the page, e.g. a B2 poster headline', () => {
    const d = parse('@page { size: B2; margin: 15mm } h1 { font-size: 8vw }', '<h1>h</h1>');
    expect(find(d, 'h1').style.fontSize).toBeCloseTo(mm(515 - 30) * 0.08, 9);
  });

  it('percentages stay relative for layout, except font-size and line-height', () => {
    const d = parse('.x { width: 50%; margin-left: 10%; padding-top: 5%; flex-basis: 25%; line-height: 200%; font-size: 200% }', '<div class="x">t</div>');
    const s = find(d, '.x').style;
    expect(s.width).toEqual({ unit: '%', value: 50 });
    expect(s.margin.left).toEqual({ unit: '%', value: 10 });
    expect(s.padding.top).toEqual({ unit: '%', value: 5 });
    expect(s.flexBasis).toEqual({ unit: '%', value: 25 });
    expect(s.fontSize).toBe(21);
    expect(s.lineHeight).toBe(42);
  });

  it('letter-spacing, text-indent, gaps and radii in em resolve to pt', () => {
    const s = find(parse('.x { font-size: 10pt; letter-spacing: 0.5em; text-indent: -1em; gap: 1em 2em; border-radius: 0.5em }', '<div class="x">t</div>'), '.x').style;
    expect([s.letterSpacing, s.textIndent, s.rowGap, s.columnGap, s.borderRadius]).toEqual([5, -10, 10, 20, [5, 5, 5, 5]]);
  });

  it('rejects calc(), unknown units and unitless non-zero lengths with a diagnostic', () => {
    const d = parse('.x { width: calc(10mm + 1em); height: 3ex; margin-top: 5 }', '<div class="x">t</div>');
    expect(d.diagnostics.map((x) => x.code)).toEqual(['markup/unsupported-value', 'markup/unsupported-value', 'markup/unsupported-value']);
    expect(d.diagnostics[0]!.hint!.en).toMatch(/calc\(\)/);
    expect(d.diagnostics[1]!.hint!.en).toMatch(/unit "ex"/);
    expect(find(d, '.x').style.width).toBe('auto');
  });

  it('rejects negative sizes and percentages where CSS has none for us', () => {
    const d = parse('.x { width: -1pt; padding: -2pt; text-indent: 10%; border-width: 10% }', '<div class="x">t</div>');
    expect(d.diagnostics).toHaveLength(4);
    expect(d.diagnostics.every((x) => x.code === 'markup/unsupported-value')).toBe(true);
  });

  it('accepts negative margins', () => {
    expect(find(parse('.x { margin-top: -2mm }', '<div class="x">t</div>'), '.x').style.margin.top).toEqual({ unit: 'pt', value: -mm(2) });
  });
});
