import { describe, expect, it } from 'vitest';
import { parseMarkup, SUPPORTED_ELEMENTS } from '../../src/markup/index.js';
import { find, html, parse, text } from './helpers.js';

describe('html', () => {
  it('returns the styled <body>, the title (whitespace-collapsed) and lang', () => {
    const d = parseMarkup('<!doctype html><html lang="ja"><head><title>\n  カスハラ\n  対策方針 </title></head><body><p>t</p></body></html>', { file: 'a.hbs' });
    expect(d.root.tag).toBe('body');
    expect(d.title).toBe('カスハラ対策方針');
    expect(d.lang).toBe('ja');
    expect(parseMarkup('<html lang="en"><body></body></html>', { file: 'a' }).lang).toBe('en');
    expect(parseMarkup('<p>x</p>', { file: 'a' }).lang).toBe('ja');
  });

  it('records each element\'s template position and keeps attributes', () => {
    const d = parse('', '<section id="s" class="a b">\n  <p data-src="content/policy.md:12">x</p></section>');
    expect(find(d, 'section')).toMatchObject({ source: { file: 't.hbs', line: 2, column: 7 }, attrs: { id: 's', class: 'a b' } });
    const p = find(d, 'p');
    expect(p.source).toEqual({ file: 't.hbs', line: 3, column: 3 });
    expect(p.attrs['data-src']).toBe('content/policy.md:12');
    expect(p.dataSource).toEqual({ file: 'content/policy.md', line: 12 });
  });

  it('kp-icon is a block-level replaced box, 1em square unless styled', () => {
    const d = parse('.big { font-size: 20pt } .w { width: 30pt; height: 10mm }', '<div class="big"><kp-icon name="megaphone" label="お知らせ"/><kp-icon class="w" name="phone"></kp-icon></div>');
    const [a, b] = find(d, '.big').children as [any, any];
    expect(a).toMatchObject({ tag: 'kp-icon', attrs: { name: 'megaphone', label: 'お知らせ' }, children: [] });
    expect(a.style).toMatchObject({ display: 'block', width: { unit: 'pt', value: 20 }, height: { unit: 'pt', value: 20 } });
    expect(b.style.width).toEqual({ unit: 'pt', value: 30 });
  });

  it('img keeps its attributes for layout', () => {
    const d = parse('', '<figure><img src="assets/qr.png" alt="QRコード"><figcaption>窓口</figcaption></figure>');
    expect(find(d, 'img')).toMatchObject({ attrs: { src: 'assets/qr.png', alt: 'QRコード' }, style: { display: 'block' } });
    expect(text(find(d, 'figcaption'))).toBe('窓口');
  });

  it('supports every listed element without warnings', () => {
    const body = SUPPORTED_ELEMENTS.filter((t) => !['html', 'head', 'title', 'style', 'meta', 'body'].includes(t))
      .map((t) => (t === 'br' || t === 'img' ? `<${t}>` : `<${t}>x</${t}>`))
      .join('');
    const d = parseMarkup(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`, { file: 'a' });
    expect(d.diagnostics.filter((x) => x.code !== 'markup/ignored-content')).toEqual([]);
  });

  it('unknown inline HTML stands in as <span>, unknown blocks as <div>', () => {
    const d = parse('', '<p>see <a href="https://example.jp">site</a></p><table><tr><td>x</td></tr></table>');
    expect(find(d, 'p').children[1]).toMatchObject({ tag: 'span', originalTag: 'a', attrs: { href: 'https://example.jp' }, style: { display: 'inline' } });
    expect(d.root.children[1]).toMatchObject({ tag: 'div', originalTag: 'table', style: { display: 'block' } });
    expect(d.diagnostics.map((x) => x.message.en.match(/<(\w+)>/)![1])).toEqual(['a', 'table', 'tr', 'td']);
  });

  it('author selectors still match the original tag of a stand-in', () => {
    const d = parse('a { color: red }', '<p><a>x</a></p>');
    expect(find(d, 'span').style.color).toEqual({ space: 'rgb', r: 1, g: 0, b: 0 });
  });

  it('fragments without <html>/<body> still work', () => {
    const d = parseMarkup('<style>p { color: red }</style>\n<p>a</p>', { file: 'a' });
    expect(d.root.tag).toBe('body');
    expect(find(d, 'p').style.color).toEqual({ space: 'rgb', r: 1, g: 0, b: 0 });
    expect(d.diagnostics).toEqual([]);
  });

  it('uses every <style> block in document order', () => {
    const d = parseMarkup(html('p { color: red }', '<style>p { color: blue }</style><p>t</p>'), { file: 'a' });
    expect(find(d, 'p').style.color).toEqual({ space: 'rgb', r: 0, g: 0, b: 1 });
  });
});
