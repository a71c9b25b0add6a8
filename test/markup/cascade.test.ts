import { describe, expect, it } from 'vitest';
import { find, parse } from './helpers.js';

const RED = { space: 'rgb', r: 1, g: 0, b: 0 };
const BLUE = { space: 'rgb', r: 0, g: 0, b: 1 };
const GREEN = { space: 'rgb', r: 0, g: 128 / 255, b: 0 };

describe('cascade', () => {
  it('a more specific selector wins regardless of source order', () => {
    const d = parse('#x { color: red } .a { color: blue } p { color: green }', '<p id="x" class="a">t</p>');
    expect(find(d, 'p').style.color).toEqual(RED);
  });

  it('class beats type, and compound specificity adds up', () => {
    const d = parse('p.a { color: red } .a { color: blue } div p { color: green }', '<div><p class="a">t</p></div>');
    expect(find(d, 'p').style.color).toEqual(RED);
  });

  it('with equal specificity the later rule wins', () => {
    const d = parse('.a { color: red } .b { color: blue }', '<p class="a b">t</p><p class="b a">u</p>');
    expect(find(d, 'p').style.color).toEqual(BLUE);
    expect(parse('.b { color: blue } .a { color: red }', '<p class="a b">t</p>').root.children[0]).toMatchObject({ style: { color: RED } });
  });

  it('within one rule the later declaration wins, including longhand after shorthand', () => {
    const d = parse('p { margin: 1pt; margin-top: 5pt; color: red; color: blue }', '<p>t</p>');
    const s = find(d, 'p').style;
    expect(s.margin.top).toEqual({ unit: 'pt', value: 5 });
    expect(s.margin.bottom).toEqual({ unit: 'pt', value: 1 });
    expect(s.color).toEqual(BLUE);
  });

  it('inline style beats any selector', () => {
    const d = parse('#x.a.b { color: red }', '<p id="x" class="a b" style="color: blue">t</p>');
    expect(find(d, 'p').style.color).toEqual(BLUE);
  });

  it('!important beats specificity and inline style; inline !important beats author !important', () => {
    let d = parse('p { color: red !important } #x { color: blue }', '<p id="x" style="color: green">t</p>');
    expect(find(d, 'p').style.color).toEqual(RED);
    d = parse('p { color: red !important }', '<p style="color: blue !important">t</p>');
    expect(find(d, 'p').style.color).toEqual(BLUE);
    d = parse('#x { color: red !important } p { color: green !important }', '<p id="x">t</p>');
    expect(find(d, 'p').style.color).toEqual(RED);
  });

  it('descendant, child, universal and :first-child/:last-child select as in CSS', () => {
    const d = parse(
      '.box > p { color: red } .box span { color: blue } li:first-child { font-weight: bold } li:last-child { color: green } * { letter-spacing: 1pt }',
      '<div class="box"><p>a</p><div><p id="deep">b <span>c</span></p></div></div><ul><li id="one">1</li><li id="two">2</li></ul>',
    );
    expect(find(d, 'p').style.color).toEqual(RED);
    expect(find(d, '#deep').style.color).toEqual({ space: 'rgb', r: 0, g: 0, b: 0 });
    expect(find(d, 'span').style.color).toEqual(BLUE);
    expect(find(d, '#one').style.fontWeight).toBe(700);
    expect(find(d, '#two').style.fontWeight).toBe(400);
    expect(find(d, '#two').style.color).toEqual(GREEN);
    expect(find(d, 'span').style.letterSpacing).toBe(1);
  });

  it('selector lists apply to each member, and :first-child skips text nodes', () => {
    const d = parse('h1, h2 { color: red } p:first-child { color: blue }', '<h1>a</h1><h2>b</h2><div>\n text <p>x</p></div>');
    expect(find(d, 'h1').style.color).toEqual(RED);
    expect(find(d, 'h2').style.color).toEqual(RED);
    expect(find(d, 'p').style.color).toEqual(BLUE);
  });

  it('inherits text properties but not box properties', () => {
    const d = parse(
      '.outer { color: red; font-size: 14pt; font-family: "BIZ UDPMincho", serif; text-align: center; letter-spacing: 0.25em; line-break: strict; word-break: auto-phrase; text-wrap: balance; white-space: pre-line; list-style-type: "・"; orphans: 3; widows: 4; text-indent: 1em; text-align-last: center; margin: 5pt; padding: 5pt; border: 1pt solid; background: #eee; width: 10mm; display: flex; break-inside: avoid; -kp-fit-min-size: 8pt }',
      '<div class="outer"><p>t</p></div>',
    );
    const s = find(d, 'p').style;
    expect(s).toMatchObject({
      color: RED,
      fontSize: 14,
      fontFamily: ['BIZ UDPMincho', 'serif'],
      textAlign: 'center',
      letterSpacing: 3.5,
      lineBreak: 'strict',
      wordBreak: 'auto-phrase',
      textWrap: 'balance',
      whiteSpace: 'pre-line',
      listStyleType: '"・"',
      orphans: 3,
      widows: 4,
      textIndent: 14,
      textAlignLast: 'center',
      width: 'auto',
      breakInside: 'auto',
    });
    expect(s.margin.top).toEqual({ unit: 'pt', value: 0 });
    expect(s.padding.top).toEqual({ unit: 'pt', value: 0 });
    expect(s.border.top.width).toBe(0);
    expect(s.backgroundColor).toBeUndefined();
    expect(s.fitMinSize).toBeUndefined();
    // p's own UA display, and it is a flex item: blockified anyway
    expect(s.display).toBe('block');
  });

  it('a unitless line-height is inherited as a factor, a length as a fixed value', () => {
    let d = parse('.a { font-size: 10pt; line-height: 1.5 } p { font-size: 20pt }', '<div class="a"><p>t</p></div>');
    expect(find(d, '.a').style.lineHeight).toBe(15);
    expect(find(d, 'p').style.lineHeight).toBe(30);
    expect(find(d, 'p').style.lineHeightMultiplier).toBe(1.5);
    d = parse('.a { font-size: 10pt; line-height: 150% } p { font-size: 20pt }', '<div class="a"><p>t</p></div>');
    expect(find(d, '.a').style.lineHeight).toBe(15);
    expect(find(d, 'p').style.lineHeight).toBe(15);
    expect(find(d, 'p').style.lineHeightMultiplier).toBeUndefined();
  });

  it('inherit, initial and unset keywords', () => {
    const d = parse(
      '.a { margin-top: 7pt; color: red; font-size: 20pt } p { margin-top: inherit; color: initial; font-size: unset; border-top-color: initial; border-top-style: solid }',
      '<div class="a"><p>t</p></div>',
    );
    const s = find(d, 'p').style;
    expect(s.margin.top).toEqual({ unit: 'pt', value: 7 });
    expect(s.color).toEqual({ space: 'rgb', r: 0, g: 0, b: 0 });
    expect(s.fontSize).toBe(20); // unset on an inherited property = inherit
    expect(s.border.top.color).toEqual(s.color); // initial = currentColor
  });

  it('applies the UA stylesheet: blocks, list items, bold headings, body font, no UA margins', () => {
    const d = parse('', '<h1>h</h1><p>p <strong>s</strong> <em>e</em> <small>m</small></p><ul><li>x</li></ul><ol><li>y</li></ol>');
    expect(d.root.style).toMatchObject({ display: 'block', fontSize: 10.5, lineHeight: 10.5 * 1.7, fontFamily: ['sans-serif'] });
    expect(d.root.style.color).toEqual({ space: 'rgb', r: 0, g: 0, b: 0 });
    expect(find(d, 'h1').style).toMatchObject({ display: 'block', fontWeight: 700 });
    expect(find(d, 'h1').style.margin.top).toEqual({ unit: 'pt', value: 0 });
    expect(find(d, 'strong').style).toMatchObject({ display: 'inline', fontWeight: 700 });
    expect(find(d, 'em').style).toMatchObject({ display: 'inline', fontWeight: 400 });
    expect(find(d, 'small').style.fontSize).toBeCloseTo(10.5 / 1.2);
    expect(find(d, 'li').style).toMatchObject({ display: 'list-item', listStyleType: 'disc' });
    expect(find(d, 'ol').children[0]).toMatchObject({ style: { listStyleType: 'decimal' } });
  });

  it('border colour defaults to the element colour (currentColor)', () => {
    const d = parse('p { color: red; border: 1pt solid }', '<p>t</p>');
    expect(find(d, 'p').style.border.left).toEqual({ width: 1, style: 'solid', color: RED });
  });

  it('a border with style none has width 0', () => {
    const d = parse('p { border-width: 3pt }', '<p>t</p>');
    expect(find(d, 'p').style.border.top.width).toBe(0);
  });

  it('children of a flex container are blockified; display: none removes the element', () => {
    const d = parse('.row { display: flex } .gone { display: none }', '<div class="row"><span>a</span> <span>b</span><p class="gone">x</p></div>');
    const row = find(d, '.row');
    expect(row.children.map((c) => (c.kind === 'element' ? c.style.display : c.text))).toEqual(['block', 'block']);
  });

  it('the same stylesheet parses once and still reports its warnings on every build', () => {
    const a = parse('p { box-shadow: none }', '<p>t</p>');
    const b = parse('p { box-shadow: none }', '<p>t</p>');
    expect(a.diagnostics).toHaveLength(1);
    expect(b.diagnostics).toEqual(a.diagnostics);
  });
});
