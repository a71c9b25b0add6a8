import { describe, expect, it } from 'vitest';
import { find, parse } from './helpers.js';

const color = (v: string) => {
  const d = parse(`.x { color: ${v} }`, '<div class="x">t</div>');
  return { c: find(d, '.x').style.color, diagnostics: d.diagnostics };
};

describe('colours', () => {
  it.each([
    ['#f00', { space: 'rgb', r: 1, g: 0, b: 0 }],
    ['#FF8000', { space: 'rgb', r: 1, g: 128 / 255, b: 0 }],
    ['#00ff00ff', { space: 'rgb', r: 0, g: 1, b: 0 }],
    ['rgb(255, 0, 0)', { space: 'rgb', r: 1, g: 0, b: 0 }],
    ['rgb(0 51 255)', { space: 'rgb', r: 0, g: 0.2, b: 1 }],
    ['rgb(100% 0% 50%)', { space: 'rgb', r: 1, g: 0, b: 0.5 }],
    ['rgba(0, 0, 255, 1)', { space: 'rgb', r: 0, g: 0, b: 1 }],
    ['rgb(0 0 255 / 1)', { space: 'rgb', r: 0, g: 0, b: 1 }],
    ['white', { space: 'rgb', r: 1, g: 1, b: 1 }],
    ['Navy', { space: 'rgb', r: 0, g: 0, b: 128 / 255 }],
  ])('%s', (v, expected) => {
    const { c, diagnostics } = color(v);
    expect(diagnostics).toEqual([]);
    expect(c).toEqual(expected);
  });

  it.each([
    ['device-cmyk(0 1 1 0)', { c: 0, m: 1, y: 1, k: 0 }],
    ['device-cmyk(0% 50% 100% 10%)', { c: 0, m: 0.5, y: 1, k: 0.1 }],
    ['device-cmyk(0.1, 0.2, 0.3, 0.4)', { c: 0.1, m: 0.2, y: 0.3, k: 0.4 }],
    ['device-cmyk(0 0 0 1 / 1)', { c: 0, m: 0, y: 0, k: 1 }],
  ])('device-cmyk: %s', (v, expected) => {
    const { c, diagnostics } = color(v);
    expect(diagnostics).toEqual([]);
    expect(c).toEqual({ space: 'cmyk', ...expected });
  });

  it('translucent colours are flattened against white with a warning', () => {
    const { c, diagnostics } = color('rgba(0, 0, 0, 0.25)');
    expect(c).toEqual({ space: 'rgb', r: 0.75, g: 0.75, b: 0.75 });
    expect(diagnostics.map((d) => d.code)).toEqual(['markup/value-approximated']);
    expect(color('device-cmyk(0 1 0 0 / 50%)').c).toEqual({ space: 'cmyk', c: 0, m: 0.5, y: 0, k: 0 });
  });

  it('transparent background is no background; transparent text colour is rejected', () => {
    const d = parse('.x { background-color: red; background-color: transparent } .y { background: rgba(0,0,0,0) }', '<div class="x">a</div><div class="y">b</div>');
    expect(find(d, '.x').style.backgroundColor).toBeUndefined();
    expect(find(d, '.y').style.backgroundColor).toBeUndefined();
    expect(d.diagnostics).toEqual([]);
    expect(color('transparent').diagnostics[0]!.code).toBe('markup/unsupported-value');
  });

  it('unknown names, bad hex and unsupported functions warn and keep the inherited colour', () => {
    for (const v of ['rebeccapurple', '#12', 'hsl(0 100% 50%)', 'device-cmyk(0 0 0)']) {
      const { c, diagnostics } = color(v);
      expect(diagnostics.map((d) => d.code), v).toEqual(['markup/unsupported-value']);
      expect(c).toEqual({ space: 'rgb', r: 0, g: 0, b: 0 });
    }
  });

  it('currentcolor in borders and background follows the element colour', () => {
    const d = parse('.x { color: device-cmyk(1 0 0 0); border: 1pt solid currentcolor; background-color: currentColor }', '<div class="x">t</div>');
    const s = find(d, '.x').style;
    expect(s.border.top.color).toEqual({ space: 'cmyk', c: 1, m: 0, y: 0, k: 0 });
    expect(s.backgroundColor).toEqual(s.color);
  });
});
