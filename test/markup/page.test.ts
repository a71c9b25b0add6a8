import { describe, expect, it } from 'vitest';
import { mm, parse } from './helpers.js';

const page = (css: string) => parse(css, '<p>t</p>');

describe('@page', () => {
  it('defaults to A4 portrait with 20mm margins', () => {
    const d = page('');
    expect(d.page.width).toBeCloseTo(mm(210), 9);
    expect(d.page.height).toBeCloseTo(mm(297), 9);
    expect(d.page.margin).toEqual({ top: mm(20), right: mm(20), bottom: mm(20), left: mm(20) });
    expect(d.page.marginBoxes).toEqual([]);
  });

  it('size: B2 is JIS B2, exactly 515 × 728 mm', () => {
    const d = page('@page { size: B2 }');
    expect(d.page.width).toBe((515 * 72) / 25.4);
    expect(d.page.height).toBe((728 * 72) / 25.4);
  });

  it.each([
    ['A1', 594, 841],
    ['A2', 420, 594],
    ['A3', 297, 420],
    ['a4', 210, 297],
    ['B1', 728, 1030],
    ['B3', 364, 515],
    ['B4', 257, 364],
    ['JIS-B5', 182, 257],
  ])('size: %s', (name, w, h) => {
    const d = page(`@page { size: ${name} }`);
    expect([d.page.width, d.page.height]).toEqual([(w * 72) / 25.4, (h * 72) / 25.4]);
  });

  it('orientation keywords and explicit sizes', () => {
    let d = page('@page { size: A3 landscape }');
    expect([d.page.width, d.page.height]).toEqual([mm(420), mm(297)]);
    d = page('@page { size: landscape }');
    expect([d.page.width, d.page.height]).toEqual([mm(297), mm(210)]);
    d = page('@page { size: 100mm 50mm }');
    expect([d.page.width, d.page.height]).toEqual([mm(100), mm(50)]);
    d = page('@page { size: 4in }');
    expect([d.page.width, d.page.height]).toEqual([288, 288]);
  });

  it('margin shorthand and sides; later rules and !important win', () => {
    let d = page('@page { margin: 10mm 5mm } @page { margin-left: 1mm }');
    expect(d.page.margin).toEqual({ top: mm(10), right: mm(5), bottom: mm(10), left: mm(1) });
    d = page('@page { margin: 10mm !important } @page { margin: 1mm }');
    expect(d.page.margin.top).toBe(mm(10));
  });

  it('percent margins refer to the page width (left/right) and height (top/bottom)', () => {
    const d = page('@page { size: 100mm 200mm; margin: 10% }');
    expect(d.page.margin.left).toBeCloseTo(mm(10), 9);
    expect(d.page.margin.top).toBeCloseTo(mm(20), 9);
  });

  it('rejects bad sizes, relative units and page selectors with diagnostics', () => {
    const d = page('@page { size: C4; margin: 2em; color: red } @page :first { margin: 0 }');
    expect(d.diagnostics.map((x) => x.code)).toEqual([
      'markup/unsupported-value',
      'markup/unsupported-value',
      'markup/unsupported-property',
      'markup/unsupported-at-rule',
    ]);
    expect(d.page.margin.top).toBe(mm(20));
  });

  it('margin boxes: content with page counters, own style inherited from the root', () => {
    const d = page(`html { color: #ff0000; font-family: "BIZ UDPGothic" }
      @page {
        @bottom-center { content: "- " counter(page) " / " counter(pages) " -"; font-size: 8pt }
        @top-right { content: "カスハラ対策方針"; color: device-cmyk(0 0 0 0.6); text-align: left }
        @top-left { font-size: 9pt; content: counter(page, decimal) }
      }`);
    expect(d.diagnostics).toEqual([]);
    expect(d.page.marginBoxes.map((b) => b.position)).toEqual(['top-left', 'top-right', 'bottom-center']);
    const [tl, tr, bc] = d.page.marginBoxes;
    expect(bc!.content).toEqual([
      { kind: 'string', value: '- ' },
      { kind: 'counter', name: 'page' },
      { kind: 'string', value: ' / ' },
      { kind: 'counter', name: 'pages' },
      { kind: 'string', value: ' -' },
    ]);
    expect(bc!.style).toMatchObject({ fontSize: 8, textAlign: 'center', fontFamily: ['BIZ UDPGothic'], color: { space: 'rgb', r: 1, g: 0, b: 0 } });
    expect(tr!.style).toMatchObject({ textAlign: 'left', color: { space: 'cmyk', c: 0, m: 0, y: 0, k: 0.6 } });
    expect(tl!.content).toEqual([{ kind: 'counter', name: 'page' }]);
    expect(tl!.style.textAlign).toBe('left');
  });

  it('margin boxes: unsupported boxes, content values and a missing content warn', () => {
    const d = page('@page { @left-middle { content: "x" } @bottom-left { content: attr(title) } @bottom-right { font-size: 8pt } }');
    expect(d.diagnostics.map((x) => x.code)).toEqual(['markup/unsupported-at-rule', 'markup/unsupported-value', 'markup/margin-box-without-content']);
    expect(d.page.marginBoxes).toEqual([]);
  });
});
