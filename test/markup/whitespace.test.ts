import { describe, expect, it } from 'vitest';
import { isEastAsianWide } from '../../src/markup/index.js';
import { find, parse, text } from './helpers.js';

const body = (b: string, css = '') => parse(css, b).root;

describe('whitespace', () => {
  it('CJK segment break: a newline + indent between two wide characters disappears', () => {
    const p = find(body('<p>カスタマーハラスメントには\n      組織として対応します。</p>'), 'p');
    expect(text(p)).toBe('カスタマーハラスメントには組織として対応します。');
  });

  it('…including full-width punctuation, kanji/kana and half-width katakana', () => {
    expect(text(body('<p>対応します。\n  「方針」\n  ﾃｽﾄ</p>'))).toBe('対応します。「方針」ﾃｽﾄ');
  });

  it('…across element boundaries', () => {
    const p = find(body('<p>注意\n  <strong>\n    して</strong>\n  ください</p>'), 'p');
    expect(text(p)).toBe('注意してください');
    expect(p.children.map((c) => (c.kind === 'text' ? c.text : `<${c.tag}>`))).toEqual(['注意', '<strong>', 'ください']);
  });

  it('a newline next to a Latin letter, digit or ambiguous-width character becomes a space', () => {
    expect(text(body('<p>お問い合わせ\n  TEL 03-0000-0000\n  まで</p>'))).toBe('お問い合わせ TEL 03-0000-0000 まで');
    expect(text(body('<p>手順\n  ①</p>'))).toBe('手順 ①');
  });

  it('Hangul is excluded from the rule (Korean uses spaces between words)', () => {
    expect(text(body('<p>한국어\n문장</p>'))).toBe('한국어 문장');
    expect(isEastAsianWide('한'.codePointAt(0)!)).toBe(true);
  });

  it('a newline next to a zero-width space disappears', () => {
    expect(text(body('<p>a\u200b\nb</p>'))).toBe('a\u200bb');
  });

  it('plain spaces between CJK characters are kept (only segment breaks vanish)', () => {
    expect(text(body('<p>カスハラ  対策</p>'))).toBe('カスハラ 対策');
  });

  it('collapses runs of ASCII whitespace but keeps U+3000 and U+00A0', () => {
    expect(text(body('<p>  a \t b\u3000c\u00a0 d  </p>'))).toBe('a b\u3000c\u00a0 d');
  });

  it('drops whitespace-only text between block-level elements and trims block edges', () => {
    const root = body('\n  <div>\n    <p> one </p>\n    <p>two</p>\n  </div>\n');
    const div = find(root, 'div');
    expect(div.children.every((c) => c.kind === 'element')).toBe(true);
    expect(text(div)).toBe('onetwo');
  });

  it('keeps one space between inline elements', () => {
    const p = find(body('<p><strong>Ａ</strong> <em>b</em>\n<span>c</span></p>'), 'p');
    expect(text(p)).toBe('Ａ b c');
  });

  it('<br> is a StyledText "\\n"; whitespace around it is removed', () => {
    const p = find(body('<p>一行目  <br>\n   二行目<br/>three</p>'), 'p');
    expect(p.children.map((c) => (c.kind === 'text' ? c.text : c.tag))).toEqual(['一行目', '\n', '二行目', '\n', 'three']);
    expect(p.children[1]!.style).toBe(p.style);
  });

  it('white-space: pre-line keeps newlines and collapses spaces around them', () => {
    const p = find(body('<p class="x">  一行目  \n   二行目\n\nthree </p>', '.x { white-space: pre-line }'), 'p');
    expect(text(p)).toBe('一行目\n二行目\n\nthree');
  });

  it('white-space: nowrap collapses like normal', () => {
    expect(text(body('<p class="x">a\n   b</p>', '.x { white-space: nowrap }'))).toBe('a b');
  });

  it('text runs beside blocks are separate contexts', () => {
    const div = find(body('<div>\n  前文\n  <p>段落</p>\n  後文\n</div>'), 'div');
    expect(div.children.map((c) => (c.kind === 'text' ? c.text : c.tag))).toEqual(['前文', 'p', '後文']);
  });

  it('an inline icon counts as an object: spaces around it stay, no CJK joining across it', () => {
    const p = find(body('<p>電話 <kp-icon name="phone"></kp-icon>\n 窓口</p>', 'kp-icon { display: inline }'), 'p');
    expect(p.children.map((c) => (c.kind === 'text' ? c.text : c.tag))).toEqual(['電話 ', 'kp-icon', ' 窓口']);
  });

  it('normalises CRLF', () => {
    expect(text(body('<p>行\r\n  続き</p>'))).toBe('行続き');
  });
});
