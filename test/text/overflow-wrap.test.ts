/**
 * Emergency breaking of over-long Latin words, numbers and URLs (CSS overflow-wrap;
 * ParagraphOptions.overflowWrap; the UA sheet sets break-word on html). BIZ UDPGothic 10 pt.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../src/markup/index.js';
import { composeParagraph, measureText, minContentWidth } from '../../src/text/compose.js';
import type { ParagraphOptions } from '../../src/text/types.js';
import { layout, lines as pageLines } from '../layout/helpers.js';
import { expectReconstructs, options, run } from './helpers.js';

const URL = 'https://www.city.okayama.jp/shisei/0000074924.html';
const set = (text: string, width: number, o: Partial<ParagraphOptions> = {}) =>
  composeParagraph([run(text)], options({ width, overflowWrap: 'break-word', ...o }));
const texts = (text: string, width: number, o: Partial<ParagraphOptions> = {}) => set(text, width, o).lines.map((l) => l.text);
const w = (text: string) => measureText([run(text)]);

describe('overflow-wrap: normal (the composer default)', () => {
  it('leaves a URL wider than the measure whole: it overflows and says so', () => {
    const para = composeParagraph([run(URL)], options({ width: 100 }));
    expect(para.lines.map((l) => l.text)).toEqual([URL]);
    expect(para.overflows).toBe(true);
    expect(composeParagraph([run(URL)], options({ width: 100, overflowWrap: 'normal' }))).toEqual(para);
  });
});

describe('overflow-wrap: break-word', () => {
  it('breaks a URL wider than the measure after / and . instead of overflowing', () => {
    for (const width of [40, 60, 100, 150, 200]) {
      const para = set(URL, width);
      expect(para.overflows, `${width}`).toBe(false);
      expect(para.lines.map((l) => l.text).join(''), `${width}`).toBe(URL);
      for (const l of para.lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
      // 0000074924. alone is about 63 pt: narrower measures must break the number too.
      if (width > 70) for (const l of para.lines.slice(0, -1)) expect(l.text, `${width}`).toMatch(/[/.]$/);
    }
    expect(texts(URL, 150)).toEqual(['https://www.city.okayama.', 'jp/shisei/0000074924.', 'html']);
  });

  it('never splits // and breaks after - ? & = too', () => {
    for (const width of [50, 60, 80]) {
      const ls = texts(URL, width);
      expect(ls[0], `${width}`).toMatch(/^https:\/\//);
      ls.slice(1).forEach((l, i) => expect(ls[i]!.endsWith('/') && l.startsWith('/'), `${width}: ${ls.join(' | ')}`).toBe(false));
    }
    expect(texts('customer-harassment-taisaku.metro.tokyo.lg.jp/en', 80)).toEqual(['customer-', 'harassment-', 'taisaku.metro.', 'tokyo.lg.jp/en']);
    const query = 'https://example.jp/search?q=kasuhara&page=2';
    for (const l of texts(query, 70).slice(0, -1)) expect(l).toMatch(/[/.?&=-]$/);
  });

  it('breaks a word without such marks between any two letters, each line as full as it can be', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
    const para = set(word, 60);
    expect(para.overflows).toBe(false);
    expect(para.lines.map((l) => l.text).join('')).toBe(word);
    for (const [i, l] of para.lines.slice(0, -1).entries()) {
      expect(l.width).toBeLessThanOrEqual(60 + 0.01);
      expect(l.width + w(para.lines[i + 1]!.text[0]!), 'the next letter would not have fitted').toBeGreaterThan(60);
    }
  });

  it('breaks a word only when it cannot fit on a line by itself', () => {
    // "harassment" fits a line: it moves down whole, as without overflow-wrap.
    const width = w('Customer harassment') - 5;
    expect(texts('Customer harassment', width)).toEqual(['Customer', 'harassment']);
    expect(texts('お問い合わせはcustomer-harassmentまで', w('お問い合わせはcustomer-'))).toEqual(['お問い合わせは', 'customer-harassment', 'まで']);
  });

  it('fills the line before a word that must be broken anyway, rather than leaving it short', () => {
    const width = w('英語のサイトはcustomer-') + 0.5;
    expect(texts('英語のサイトはcustomer-harassment-taisaku.metro.tokyo.lg.jp/enです。', width)[0]).toBe('英語のサイトはcustomer-');
  });

  it('keeps a number whole unless nothing else fits: 086-803-1090', () => {
    const number = '086-803-1090';
    expect(texts(`TEL${number}`, w(number) + 1)).toEqual(['TEL', number]);
    expect(texts(`Tel.${number}`, w(number) + 1)).toEqual(['Tel.', number]);
    // Narrower than the number: it has to break, after a hyphen where it can.
    const split = texts(number, w('086-803-') + 1);
    expect(split).toEqual(['086-803-', '1090']);
    expect(set(number, w('086-8') + 0.5).overflows).toBe(false);
  });

  it('keeps kinsoku: a URL followed by 。 never starts a line with the 。', () => {
    for (let width = 20; width < 200; width += 7) {
      const ls = texts(`詳しくは${URL}。`, width);
      for (const l of ls.slice(1)) expect(l.startsWith('。'), `${width}: ${ls.join(' | ')}`).toBe(false);
    }
  });

  it('works with text-wrap pretty and balance, phrases, hanging punctuation and the first-line indent', () => {
    const text = `本市の基本方針は${URL}に掲載しています。`;
    for (const wrap of ['wrap', 'pretty', 'balance'] as const) {
      for (const phrases of [false, true]) {
        for (const width of [70, 110, 160]) {
          const para = set(text, width, { wrap, phrases, indent: 10, hang: 'allow-end', align: 'justify' });
          expectReconstructs(text, para);
          expect(para.overflows, `${wrap} ${phrases} ${width}`).toBe(false);
        }
      }
    }
  });

  it('does not change min-content: the URL is still the widest piece', () => {
    const o = { lineBreak: 'strict', phrases: false, wrap: 'wrap', overflowWrap: 'break-word' } as const;
    expect(minContentWidth([run(`詳しくは ${URL} へ`)], o)).toBeCloseTo(w(URL), 9);
  });

  it('nowrap never breaks', () => {
    expect(texts(URL, 60, { wrap: 'nowrap' })).toEqual([URL]);
  });
});

describe('overflow-wrap: anywhere', () => {
  it('breaks as break-word, and min-content counts the breaks inside words', () => {
    const runs = [run(`詳しくは ${URL} へ`)];
    expect(composeParagraph(runs, options({ width: 80, overflowWrap: 'anywhere' }))).toEqual(
      composeParagraph(runs, options({ width: 80, overflowWrap: 'break-word' })),
    );
    const o = { lineBreak: 'strict', phrases: false, wrap: 'wrap', overflowWrap: 'anywhere' } as const;
    const min = minContentWidth(runs, o);
    expect(min).toBeLessThan(w('詳しくは'));
    expect(composeParagraph(runs, options({ width: min, overflowWrap: 'anywhere' })).overflows).toBe(false);
  });
});

describe('properties', () => {
  const word = fc.stringMatching(/^[A-Za-z]{1,30}$/);
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'あいうえおかきくけこ漢字対応方針'.split('')) },
    // Marks next to kana, as in real text: none glues a Latin word to more than itself.
    { weight: 2, arbitrary: fc.constantFrom('あ、', 'い。', '「う', 'え」', ' ', '\n') },
    { weight: 3, arbitrary: word },
    { weight: 1, arbitrary: fc.constantFrom(URL, '086-803-1090', 'customer-harassment-taisaku.metro.tokyo.lg.jp/en', '1,000,000') },
  );
  const text = fc.array(token, { minLength: 1, maxLength: 30 }).map((ts) => ts.join(''));

  it('never overflows a measure of 4 em or more, loses nothing, and splits only words too wide for a line', () => {
    fc.assert(
      fc.property(
        text,
        fc.double({ min: 40, max: 300, noNaN: true }),
        fc.constantFrom('wrap', 'pretty', 'balance') as fc.Arbitrary<ParagraphOptions['wrap']>,
        fc.boolean(),
        fc.constantFrom('break-word', 'anywhere') as fc.Arbitrary<NonNullable<ParagraphOptions['overflowWrap']>>,
        (t, width, wrap, phrases, overflowWrap) => {
          const para = composeParagraph([run(t)], options({ width, wrap, phrases, overflowWrap, align: 'justify' }));
          expectReconstructs(t, para);
          expect(para.overflows).toBe(false);
          for (const l of para.lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
          let pos = 0;
          for (const [i, l] of para.lines.entries()) {
            pos = t.indexOf(l.text, pos) + l.text.length;
            const next = para.lines[i + 1];
            if (!next || !/[!-~]$/.test(l.text) || !/^[!-~]/.test(next.text) || t.slice(pos, t.indexOf(next.text, pos)) !== '') continue;
            // A break inside a run of ASCII: the run, with the marks kinsoku glues to it (「 before,
            // 」、。 after), must be wider than the measure.
            let a = pos;
            while (a > 0 && /[!-~]/.test(t[a - 1]!)) a--;
            while (a > 0 && t[a - 1] === '「') a--;
            let lead = a; // spaces starting the paragraph or a line after "\n" stay on the line
            while (lead > 0 && t[lead - 1] === ' ') lead--;
            if (lead === 0 || t[lead - 1] === '\n') a = lead;
            let b = pos;
            while (b < t.length && /[!-~]/.test(t[b]!)) b++;
            while (b < t.length && /[」、。]/.test(t[b]!)) b++;
            expect(w(t.slice(a, b)), `${t.slice(a, pos)}|${t.slice(pos, b)} at ${width}`).toBeGreaterThan(width - 0.01);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the CSS property', () => {
  it('is break-word by default (UA sheet on html), inherited, and overridable', () => {
    const doc = parseMarkup('<html><body><p>a</p><p style="overflow-wrap: normal">b</p><p style="overflow-wrap: anywhere">c</p></body></html>', { file: 't.html' });
    const ps = doc.root.children.filter((c) => c.kind === 'element');
    expect(ps.map((p) => p.style.overflowWrap)).toEqual(['break-word', 'normal', 'anywhere']);
  });

  it('lets a printed URL break in a narrow column instead of failing the build', () => {
    const doc = layout('p { width: 40mm; font-size: 9pt }', `<p>基本方針の全文：${URL}</p>`);
    const ls = pageLines(doc.pages[0]!);
    expect(ls.map((l) => l.text).join('')).toBe(`基本方針の全文：${URL}`);
    expect(ls.length).toBeGreaterThan(1);
    const x0 = Math.min(...ls.map((l) => l.x));
    for (const l of ls) expect(l.right - x0).toBeLessThanOrEqual((40 * 72) / 25.4 + 0.01);
  });
});
