import { describe, expect, it } from 'vitest';
import { find, parse } from './helpers.js';

const pt = (value: number) => ({ unit: 'pt', value });
const style = (decls: string) => {
  const d = parse(`.x { ${decls} }`, '<div class="x">t</div>');
  return { s: find(d, '.x').style, diagnostics: d.diagnostics };
};

describe('shorthands', () => {
  it.each([
    ['1pt', [1, 1, 1, 1]],
    ['1pt 2pt', [1, 2, 1, 2]],
    ['1pt 2pt 3pt', [1, 2, 3, 2]],
    ['1pt 2pt 3pt 4pt', [1, 2, 3, 4]],
  ])('margin/padding: %s', (v, [t, r, b, l]) => {
    const { s } = style(`margin: ${v}; padding: ${v}`);
    expect(s.margin).toEqual({ top: pt(t!), right: pt(r!), bottom: pt(b!), left: pt(l!) });
    expect(s.padding).toEqual({ top: pt(t!), right: pt(r!), bottom: pt(b!), left: pt(l!) });
  });

  it('margin: auto and mixed units', () => {
    expect(style('margin: 0 auto').s.margin).toEqual({ top: pt(0), right: 'auto', bottom: pt(0), left: 'auto' });
    expect(style('margin: 10% 1em').s.margin.top).toEqual({ unit: '%', value: 10 });
  });

  it('padding: auto and five values are rejected', () => {
    expect(style('padding: auto').diagnostics).toHaveLength(1);
    expect(style('margin: 1pt 2pt 3pt 4pt 5pt').diagnostics).toHaveLength(1);
  });

  it('border sets all sides in any order; omitted parts reset (medium, none, currentColor)', () => {
    const { s } = style('color: #ff0000; border: dashed 2pt #0000ff');
    expect(s.border.top).toEqual({ width: 2, style: 'dashed', color: { space: 'rgb', r: 0, g: 0, b: 1 } });
    expect(s.border.left).toEqual(s.border.top);
    const t = style('color: #ff0000; border: solid').s;
    expect(t.border.bottom).toEqual({ width: 2.25, style: 'solid', color: { space: 'rgb', r: 1, g: 0, b: 0 } });
  });

  it('border-<side>, border-width/style/color with 1–4 values, thin/thick keywords', () => {
    const { s } = style('border-bottom: 1pt solid black; border-style: solid dotted; border-width: thin thick; border-color: red blue');
    expect(s.border.top).toEqual({ width: 0.75, style: 'solid', color: { space: 'rgb', r: 1, g: 0, b: 0 } });
    expect(s.border.right).toEqual({ width: 3.75, style: 'dotted', color: { space: 'rgb', r: 0, g: 0, b: 1 } });
    expect(s.border.bottom.style).toBe('solid');
  });

  it('border: none and hidden', () => {
    expect(style('border: 1pt solid; border-top: none').s.border.top).toMatchObject({ width: 0, style: 'none' });
    expect(style('border: 1pt hidden').s.border.top).toMatchObject({ width: 0, style: 'none' });
  });

  it('unsupported border styles warn', () => {
    const { s, diagnostics } = style('border: 1pt double red');
    expect(diagnostics[0]!.code).toBe('markup/unsupported-value');
    expect(s.border.top.width).toBe(0);
  });

  it.each([
    ['4pt', [4, 4, 4, 4]],
    ['4pt 2pt', [4, 2, 4, 2]],
    ['1pt 2pt 3pt', [1, 2, 3, 2]],
    ['1pt 2pt 3pt 4pt', [1, 2, 3, 4]],
  ])('border-radius: %s (top-left, top-right, bottom-right, bottom-left)', (v, radii) => {
    expect(style(`border-radius: ${v}`).s.borderRadius).toEqual(radii);
  });

  it('border-radius longhands, and elliptical radii are rejected', () => {
    expect(style('border-radius: 1pt; border-bottom-left-radius: 9pt').s.borderRadius).toEqual([1, 1, 1, 9]);
    expect(style('border-radius: 1pt / 2pt').diagnostics[0]!.hint!.en).toMatch(/Elliptical/);
  });

  it.each([
    ['none', 0, 0, 'auto'],
    ['auto', 1, 1, 'auto'],
    ['2', 2, 1, { unit: '%', value: 0 }],
    ['2 3', 2, 3, { unit: '%', value: 0 }],
    ['1 30%', 1, 1, { unit: '%', value: 30 }],
    ['10mm', 1, 1, { unit: 'pt', value: (10 * 72) / 25.4 }],
    ['1 0 20pt', 1, 0, pt(20)],
    ['1 1 0', 1, 1, pt(0)],
  ])('flex: %s', (v, grow, shrink, basis) => {
    const { s, diagnostics } = style(`flex: ${v}`);
    expect(diagnostics).toEqual([]);
    expect([s.flexGrow, s.flexShrink, s.flexBasis]).toEqual([grow, shrink, basis]);
  });

  it('gap, row-gap, column-gap', () => {
    expect(style('gap: 3pt').s).toMatchObject({ rowGap: 3, columnGap: 3 });
    expect(style('gap: 3pt 4pt; row-gap: 1pt').s).toMatchObject({ rowGap: 1, columnGap: 4 });
  });

  it('background takes a colour only', () => {
    expect(style('background: #000000').s.backgroundColor).toEqual({ space: 'rgb', r: 0, g: 0, b: 0 });
    expect(style('background: #000; background: none').s.backgroundColor).toBeUndefined();
    const { diagnostics } = style('background: url(x.png)');
    expect(diagnostics[0]!.hint!.en).toMatch(/colour only/);
  });

  it('list-style sets the type only; strings are kept quoted', () => {
    expect(style('list-style: none').s.listStyleType).toBe('none');
    expect(style('list-style: "・" outside').s.listStyleType).toBe('"・"');
    expect(style('list-style-type: upper-roman').s.listStyleType).toBe('upper-roman');
    expect(style('list-style: inside square').diagnostics).toHaveLength(1);
  });

  it('font-family lists with quoted and unquoted names', () => {
    expect(style(`font-family: "BIZ UDPGothic", Noto Sans JP, SANS-SERIF`).s.fontFamily).toEqual(['BIZ UDPGothic', 'Noto Sans JP', 'sans-serif']);
    expect(style('font-family: "A" B').diagnostics).toHaveLength(1);
  });

  it('font-weight keywords and numbers; the font shorthand is unsupported', () => {
    expect(style('font-weight: bold').s.fontWeight).toBe(700);
    expect(style('font-weight: 300').s.fontWeight).toBe(300);
    expect(style('font-weight: bolder').s.fontWeight).toBe(700);
    const { diagnostics } = style('font: bold 12pt serif');
    expect(diagnostics[0]!.code).toBe('markup/unsupported-property');
    expect(diagnostics[0]!.hint!.en).toMatch(/font-size/);
  });

  it('text-wrap, text-wrap-style and legacy page-break-* aliases', () => {
    expect(style('text-wrap: nowrap').s.textWrap).toBe('nowrap');
    expect(style('text-wrap-style: pretty').s.textWrap).toBe('pretty');
    expect(style('page-break-before: always; page-break-after: avoid; page-break-inside: avoid').s).toMatchObject({
      breakBefore: 'page',
      breakAfter: 'avoid',
      breakInside: 'avoid',
    });
    expect(style('break-before: page; break-after: avoid-page').s).toMatchObject({ breakBefore: 'page', breakAfter: 'avoid' });
  });

  it('flex container keywords, with start/end aliases', () => {
    expect(style('display: flex; flex-direction: column; flex-wrap: wrap; justify-content: space-between; align-items: center; align-content: end; align-self: start').s).toMatchObject({
      display: 'flex',
      flexDirection: 'column',
      flexWrap: 'wrap',
      justifyContent: 'space-between',
      alignItems: 'center',
      alignContent: 'flex-end',
      alignSelf: 'flex-start',
    });
  });

  it('max-width: none means no maximum; -kp-fit-min-size takes a length', () => {
    expect(style('max-width: 10pt; max-width: none').s.maxWidth).toBe('auto');
    expect(style('-kp-fit-min-size: 9pt').s.fitMinSize).toBe(9);
    expect(style('-kp-fit-min-size: 50%').diagnostics).toHaveLength(1);
  });
});
