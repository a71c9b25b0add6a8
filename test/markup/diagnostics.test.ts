import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/markup/index.js';
import { find } from './helpers.js';

const SRC = [
  '<!doctype html>', // 1
  '<html lang="ja">', // 2
  '<head><title>ポスター</title>', // 3
  '<style>', // 4
  '  p {', // 5
  '    box-shadow: 0 0 1px red;', // 6
  '  }', // 7
  '  h2, .a + .b { color: red }', // 8
  '  @media print { p { color: red } }', // 9
  '  p { width: calc(1px + 1px) }', // 10
  '  p::before, li:nth-child(2) { color: red }', // 11
  '</style>', // 12
  '</head>', // 13
  '<body>', // 14
  '  <p style="color: red; text-shadow: 1px 1px red">x</p>', // 15
  '    <section><blink>y</blink><blink>z</blink></section>', // 16
  '</body></html>', // 17
].join('\n');

const at = (d: { line?: number; column?: number }) => `${d.line}:${d.column}`;

describe('diagnostics', () => {
  const doc = parseMarkup(SRC, { file: 'templates/poster.hbs' });
  const byCode = (code: string) => doc.diagnostics.filter((d) => d.code === code);

  it('are warnings with the file set', () => {
    expect(doc.diagnostics.length).toBeGreaterThan(0);
    for (const d of doc.diagnostics) {
      expect(d.severity).toBe('warning');
      expect(d.file).toBe('templates/poster.hbs');
      expect(d.message.ja).not.toBe('');
      expect(d.hint?.ja).toBeTruthy();
    }
  });

  it('unsupported property: message, location and hint', () => {
    const [d] = byCode('markup/unsupported-property').filter((x) => x.message.en.includes('box-shadow'));
    expect(at(d!)).toBe('6:5');
    expect(d!.message.en).toBe('Unsupported CSS property "box-shadow" (templates/poster.hbs:6:5).');
    expect(d!.message.ja).toContain('box-shadow');
    expect(d!.message.ja).toContain('templates/poster.hbs:6:5');
    expect(d!.hint!.en).toBe('Supported properties are listed in README.md under "Templates". Remove it or use border/background instead.');
  });

  it('unsupported selectors point at the offending part and keep the rest of the list', () => {
    const sels = byCode('markup/unsupported-selector');
    expect(sels.map((d) => [at(d), d.message.en.match(/"([^"]+)"/)![1]])).toEqual([
      ['8:10', '.a + .b'],
      ['11:4', 'p::before'],
      ['11:16', 'li:nth-child(2)'],
    ]);
    // "h2" in the same list still works (checked in the cascade tests); the hint lists what is supported
    expect(sels[0]!.hint!.en).toContain(':first-child');
  });

  it('unsupported at-rule and value (calc) with positions', () => {
    expect(byCode('markup/unsupported-at-rule').map(at)).toEqual(['9:3']);
    const [calc] = byCode('markup/unsupported-value');
    expect(at(calc!)).toBe('10:7');
    expect(calc!.message.en).toBe('Unsupported value "calc(1px + 1px)" for CSS property "width" (templates/poster.hbs:10:7).');
  });

  it('style="" declarations are located inside the attribute', () => {
    const d = byCode('markup/unsupported-property').find((x) => x.message.en.includes('text-shadow'))!;
    expect(at(d)).toBe('15:25');
    expect(find(doc, 'p').style.color).toEqual({ space: 'rgb', r: 1, g: 0, b: 0 });
  });

  it('unsupported element: one warning per tag at the first occurrence, rendered as a stand-in', () => {
    const [d, ...rest] = byCode('markup/unsupported-element');
    expect(rest).toEqual([]);
    expect(at(d!)).toBe('16:14');
    expect(d!.message.en).toBe('Unsupported element <blink> (templates/poster.hbs:16:14, and 1 more); it is treated as <div>.');
    expect(d!.hint!.en).toContain('kp-icon');
    const blink = find(doc, 'section').children[0]!;
    expect(blink).toMatchObject({ kind: 'element', tag: 'div', originalTag: 'blink' });
  });

  it('lineOffset shifts every line', () => {
    const shifted = parseMarkup(SRC, { file: 'x.hbs', lineOffset: 100 });
    expect(shifted.diagnostics.map(at)).toEqual(doc.diagnostics.map((d) => `${d.line! + 100}:${d.column}`));
    expect(shifted.root.source).toEqual({ file: 'x.hbs', line: 114, column: 1 });
  });

  it('CSS syntax errors are reported, and the rest of the sheet still applies', () => {
    const d = parseMarkup('<style>\np { color red; margin-top: 2pt }\n</style><p>t</p>', { file: 'a.hbs' });
    expect(d.diagnostics.map((x) => [x.code, at(x)])).toEqual([['markup/css-syntax', '2:11']]);
    expect(find(d, 'p').style.margin.top).toEqual({ unit: 'pt', value: 2 });
  });

  it('custom properties and var() are reported, not silently dropped', () => {
    const d = parseMarkup('<style>p { --brand: red; color: var(--brand) }</style><p>t</p>', { file: 'a.hbs' });
    expect(d.diagnostics.map((x) => x.code)).toEqual(['markup/unsupported-property', 'markup/unsupported-value']);
  });

  it('scripts are not rendered, and say so', () => {
    const d = parseMarkup('<body><script>alert(1)</script><p>t</p></body>', { file: 'a.hbs' });
    expect(d.diagnostics[0]!.message.en).toContain('it is not rendered');
    expect(d.root.children).toHaveLength(1);
  });

  it('content inside <kp-icon> is reported as not rendered', () => {
    const d = parseMarkup('<body><kp-icon name="phone">電話</kp-icon></body>', { file: 'a.hbs' });
    expect(d.diagnostics.map((x) => x.code)).toEqual(['markup/ignored-content']);
  });
});
