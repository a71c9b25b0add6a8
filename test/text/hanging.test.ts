/**
 * ぶら下げ (hanging punctuation, JLReq §3.8.2 note 163; CSS hanging-punctuation): only 、。，．
 * may hang, only at the end of a line, outside the measure; the rest of the line fills the
 * measure exactly. BIZ UDPGothic, 10 pt.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { ComposedLine, ParagraphOptions } from '../../src/text/types.js';
import { layout, runText } from '../layout/helpers.js';
import { find, parse } from '../markup/helpers.js';
import { options, run } from './helpers.js';

const EM = 10;
const last = (l: ComposedLine) => {
  const r = l.runs.at(-1)!;
  const g = r.glyphs.at(-1)!;
  return { t: g.text, x: r.x + g.x, right: r.x + g.x + g.advance };
};
const FULL = 'あいうえおかきくけこ';
const width = measureText([run(FULL)]);
const set = (text: string, o: Partial<ParagraphOptions>) => composeParagraph([run(text)], options({ width, ...o }));

describe('hanging punctuation', () => {
  it("'allow-end' hangs a 、 that would otherwise have to start the next line", () => {
    for (const mark of ['、', '。', '，', '．']) {
      const para = set(`${FULL}${mark}さしすせそ`, { hang: 'allow-end', align: 'justify' });
      const line = para.lines[0]!;
      expect(line.text, mark).toBe(`${FULL}${mark}`);
      expect(line.width).toBeCloseTo(width, 9); // the glyphs before it fill the measure exactly
      expect(line.hang).toBeCloseTo(EM / 2, 9); // its half-em frame sits outside
      expect(last(line).x).toBeCloseTo(width, 9);
      expect(last(line).right).toBeCloseTo(width + EM / 2, 9);
      expect(para.overflows).toBe(false);
    }
  });

  it("without it, the same 、 is pushed out with the character before it (追い出し)", () => {
    for (const hang of [undefined, 'none'] as const) {
      const para = set(`${FULL}、さしすせそ`, { ...(hang ? { hang } : {}), align: 'justify' });
      expect(para.lines[0]!.text).toBe(FULL.slice(0, -1));
      expect(para.lines[0]!.hang).toBeUndefined();
    }
  });

  it("'allow-end' does not hang a mark that fits", () => {
    const para = set(`あいうえお、かきくけこさしすせそ`, { hang: 'allow-end', align: 'justify' });
    for (const l of para.lines) expect(l.hang).toBeUndefined();
    const fits = composeParagraph([run(`${FULL}、`)], options({ width: measureText([run(`${FULL}、`)]), hang: 'allow-end' }));
    expect(fits.lines[0]!.hang).toBeUndefined();
  });

  it("'allow-end' prefers hanging to squeezing the line", () => {
    const head = 'あいう、えおかき';
    const text = `${head}。さしすせそ`;
    const w = measureText([run(head)]);
    const commaStep = (l: ComposedLine) => {
      const gs = l.runs.flatMap((r) => r.glyphs.map((g) => ({ t: g.text, x: r.x + g.x })));
      const i = gs.findIndex((g) => g.t === '、');
      return gs[i + 1]!.x - gs[i]!.x;
    };
    const hung = composeParagraph([run(text)], options({ width: w, hang: 'allow-end', align: 'justify' })).lines[0]!;
    expect(hung.text).toBe(`${head}。`);
    expect(hung.hang).toBeCloseTo(EM / 2, 9);
    expect(commaStep(hung)).toBeCloseTo(EM, 9); // the comma keeps its ½ em
    // Without hanging the 。 is pulled in (追い込み) by squeezing the comma's aki.
    const pulled = composeParagraph([run(text)], options({ width: w, align: 'justify' })).lines[0]!;
    expect(pulled.text).toBe(`${head}。`);
    expect(commaStep(pulled)).toBeCloseTo(EM / 2, 9);
  });

  it("'force-end' hangs every 、。 that ends a line, even one that would fit", () => {
    const text = `${FULL}、`;
    const para = composeParagraph([run(text)], options({ width: measureText([run(text)]) + 2, hang: 'force-end', align: 'justify', alignLast: 'justify' }));
    const line = para.lines[0]!;
    expect(line.hang).toBeCloseTo(EM / 2, 9);
    expect(line.width).toBeCloseTo(measureText([run(text)]) + 2, 9);
    expect(last(line).x).toBeCloseTo(line.width, 9);
  });

  it('never hangs brackets, ・, or a mark alone on its line', () => {
    for (const mark of ['」', '・', '）']) {
      const para = set(`${FULL}${mark}さしすせそ`, { hang: 'force-end', lineBreak: 'strict' });
      for (const l of para.lines) expect(l.hang, mark).toBeUndefined();
    }
    const alone = composeParagraph([run('、')], options({ width: 3, hang: 'force-end' }));
    expect(alone.lines[0]!.hang).toBeUndefined();
  });

  it('the hanging mark reaches past the measure by no more than its own half-em frame', () => {
    const text = '岡山市では、誰もがくらしやすい社会の実現に向け、質の高い行政サービスの提供に努めています。行政サービスの利用者等から寄せられる意見や要望は、行政サービスの向上にあたって貴重なものであると認識しており、これらに対しては真摯に耳を傾け、誠実かつ丁寧に対応してまいります。';
    let hung = 0;
    for (let w = 60; w < 300; w += 2.7) {
      for (const hang of ['allow-end', 'force-end'] as const) {
        const para = composeParagraph([run(text)], options({ width: w, hang, align: 'justify', wrap: 'pretty' }));
        expect(para.overflows).toBe(false);
        for (const l of para.lines) {
          expect(l.width).toBeLessThanOrEqual(w + 0.01);
          if (l.hang === undefined) continue;
          hung++;
          expect(/[、。]$/.test(l.text)).toBe(true);
          expect(last(l).right).toBeLessThanOrEqual(w + EM / 2 + 0.01);
          if (l !== para.lines.at(-1)) expect(l.width).toBeCloseTo(w, 6);
        }
      }
    }
    expect(hung).toBeGreaterThan(20);
  });
});

describe('CSS hanging-punctuation', () => {
  it('accepts none | allow-end | force-end, inherited, and warns about the rest', () => {
    const ok = parse('.a { hanging-punctuation: allow-end } .b { hanging-punctuation: force-end }', '<p class="a">あ<span>い</span></p><p class="b">う</p><p>え</p>');
    expect(ok.diagnostics).toEqual([]);
    expect(find(ok, '.a').style.hangingPunctuation).toBe('allow-end');
    expect(find(ok, 'span').style.hangingPunctuation).toBe('allow-end');
    expect(find(ok, '.b').style.hangingPunctuation).toBe('force-end');
    expect(find(ok, 'p').style.hangingPunctuation).toBe('allow-end');
    expect(parse('', '<p>え</p>').root.style.hangingPunctuation).toBe('none');
    for (const v of ['first', 'last', 'first allow-end last']) {
      const bad = parse(`p { hanging-punctuation: ${v} }`, '<p>え</p>');
      expect(bad.diagnostics.map((d) => d.code), v).toEqual(['markup/unsupported-value']);
      expect(find(bad, 'p').style.hangingPunctuation).toBe('none');
    }
  });

  it('reaches the composer: a 、 hangs past the paragraph box', () => {
    const css = `@page { size: 200pt 400pt; margin: 20pt } body { font-size: 10pt } p { width: ${width}pt; text-align: justify }`;
    const text = `${FULL}、さしすせそ`;
    const hung = layout(`${css} p { hanging-punctuation: allow-end }`, `<p>${text}</p>`);
    const runs = hung.pages[0]!.items.filter((i) => i.kind === 'glyphs');
    const comma = runs.find((r) => runText(r).endsWith('、'))!;
    expect(runText(comma)).toBe(`${FULL}、`);
    const g = comma.glyphs.at(-1)!;
    expect(comma.x + g.x).toBeCloseTo(20 + width, 6);
    const plain = layout(css, `<p>${text}</p>`).pages[0]!.items.filter((i) => i.kind === 'glyphs');
    expect(plain.some((r) => runText(r) === FULL)).toBe(false);
  });
});
