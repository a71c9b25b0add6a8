/** `{漢字|かんじ}` markup: to <ruby>, to plain text, and which kanji still lack a reading. */
import { describe, expect, it } from 'vitest';
import { applyReading, rubyHtml, stripRuby, unmarkedKanji } from '../../src/furigana/markup.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('ruby markup', () => {
  it('turns a group reading into one ruby pair and a dotted reading into jukugo pairs', () => {
    expect(rubyHtml('{漢字|かんじ}です', esc)).toBe('<ruby>漢字<rt>かんじ</rt></ruby>です');
    expect(rubyHtml('{行動|こう.どう}', esc)).toBe('<ruby>行<rt>こう</rt>動<rt>どう</rt></ruby>');
    // Dots that do not match the characters are not split (and are dropped from the reading).
    expect(rubyHtml('{気持|き.も.ち}', esc)).toBe('<ruby>気持<rt>きもち</rt></ruby>');
  });

  it('escapes the text, so markup never lets HTML through', () => {
    expect(rubyHtml('<b>{a&b|x}</b>', esc)).toBe('&lt;b><ruby>a&amp;b<rt>x</rt></ruby>&lt;/b>');
  });

  it('leaves text that is not markup alone', () => {
    expect(rubyHtml('{} {a} {|b} a|b', esc)).toBe('{} {a} {|b} a|b');
  });

  it('strips readings for titles and attributes', () => {
    expect(stripRuby('{岡山市|おか.やま.し}の {決|き}まり')).toBe('岡山市の 決まり');
  });

  it('finds the kanji that have no reading', () => {
    expect(unmarkedKanji('{職員|しょく.いん}を 守る 人々')).toEqual([{ text: '守', index: 13 }, { text: '人々', index: 16 }]);
    expect(unmarkedKanji('ひらがな カタカナ ABC')).toEqual([]);
  });

  it('applies a reviewed reading to every unmarked occurrence, not inside existing markup', () => {
    expect(applyReading('言葉と {言葉|ことば}と言葉', '言葉', 'こと.ば')).toBe('{言葉|こと.ば}と {言葉|ことば}と{言葉|こと.ば}');
  });
});
