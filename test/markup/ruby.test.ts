/**
 * `<ruby>`, `<rt>` and `<rp>` in the markup stage: supported (no stand-in warning), kept as
 * inline elements in the styled tree, readings at half size, parenthesis fallbacks dropped.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_ELEMENTS } from '../../src/markup/index.js';
import type { StyledElement } from '../../src/markup/types.js';
import { codes, find, parse, text } from './helpers.js';

describe('ruby markup', () => {
  it('ruby, rt and rp are supported elements: no unsupported-element warning', () => {
    expect(SUPPORTED_ELEMENTS).toEqual(expect.arrayContaining(['ruby', 'rt', 'rp']));
    const d = parse('', '<p><ruby>岡山<rp>（</rp><rt>おかやま</rt><rp>）</rp></ruby>市</p>');
    expect(codes(d)).toEqual([]);
  });

  it('the styled tree keeps ruby and rt as inline elements, in source order', () => {
    const d = parse('', '<p>ここは<ruby>岡山<rt>おかやま</rt></ruby>市</p>');
    const ruby = find(d, 'ruby');
    expect(ruby.style.display).toBe('inline');
    expect(ruby.originalTag).toBeUndefined();
    const [base, rt] = ruby.children as [{ kind: 'text'; text: string }, StyledElement];
    expect(base).toMatchObject({ kind: 'text', text: '岡山' });
    expect(rt).toMatchObject({ kind: 'element', tag: 'rt' });
    expect(rt.style.display).toBe('inline');
    expect(text(rt)).toBe('おかやま');
  });

  it('rt is half the font size of its ruby by default, and templates may restyle it', () => {
    const d = parse('p { font-size: 14pt } .r rt { font-size: 6pt; color: #c00 }', '<p><ruby>漢字<rt>かんじ</rt></ruby><ruby class="r">字<rt>じ</rt></ruby></p>');
    const [first, second] = d.root.children[0]!.kind === 'element' ? (d.root.children[0]!.children as StyledElement[]) : [];
    expect((first!.children[1] as StyledElement).style.fontSize).toBe(7);
    const styled = second!.children[1] as StyledElement;
    expect(styled.style.fontSize).toBe(6);
    expect(styled.style.color).toMatchObject({ space: 'rgb', r: 0.8, g: 0, b: 0 });
  });

  it('rp (the fallback parentheses) is parsed and dropped, as browsers hide it', () => {
    const d = parse('', '<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby></p>');
    const ruby = find(d, 'ruby');
    expect(ruby.children.map((c) => (c.kind === 'element' ? c.tag : c.text))).toEqual(['漢字', 'rt']);
    expect(text(find(d, 'p'))).toBe('漢字かんじ');
  });

  it('whitespace around a base written on its own line vanishes between Japanese characters', () => {
    const d = parse('', '<p>市の\n  <ruby>\n    岡山<rt>おかやま</rt>\n  </ruby>\n  です</p>');
    expect(text(find(d, 'p'))).toBe('市の岡山おかやまです');
  });
});
