/**
 * Per-language line breaking and punctuation (src/text/language.ts, punctuation-lang.ts):
 * Korean breaks between words, keep-all keeps Japanese words written with spaces whole,
 * Chinese quotes and ？！ squeeze as CLREQ asks, and Japanese text is set as before.
 */
import { describe, expect, it } from 'vitest';
import { defaultFontRegistry } from '../../src/fonts/registry.js';
import { composeParagraph, measureText, minContentWidth } from '../../src/text/compose.js';
import { itemizeRuns } from '../../src/text/itemize.js';
import { LANG, langCode } from '../../src/text/language.js';
import type { ComposedParagraph, InlineRun, ParagraphOptions, TextStyle } from '../../src/text/types.js';
import { expectReconstructs, options } from './helpers.js';

const fonts = defaultFontRegistry();
const BLACK = { space: 'rgb' as const, r: 0, g: 0, b: 0 };
const EM = 10;

function styleFor(lang: string | undefined, chainLang = lang): TextStyle {
  const chain = fonts.chain(['sans-serif'], 400, chainLang);
  return { chain, face: chain.primary, size: EM, color: BLACK, letterSpacing: 0, ...(lang ? { lang } : {}) };
}
const runs = (text: string, lang?: string, chainLang = lang): InlineRun[] => itemizeRuns([{ text, style: styleFor(lang, chainLang) }]);
const compose = (text: string, lang: string | undefined, o: Partial<ParagraphOptions> = {}): ComposedParagraph =>
  composeParagraph(runs(text, lang), options(o));

/** UTF-16 offsets where the lines after the first start. */
function breakOffsets(text: string, para: ComposedParagraph): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const l of para.lines.slice(0, -1)) {
    pos = text.indexOf(l.text, pos) + l.text.length;
    while (text[pos] === ' ') pos++;
    out.push(pos);
  }
  return out;
}

/** x of the glyph drawn for `ch` on the first line (pt from the line start). */
function glyphX(para: ComposedParagraph, ch: string): number {
  for (const r of para.lines[0]!.runs) for (const g of r.glyphs) if (g.text === ch) return r.x + g.x;
  throw new Error(`no ${ch}`);
}

describe('language codes', () => {
  it('map BCP 47 tags to the conventions they follow', () => {
    expect([undefined, 'ja', 'ja-x-easy', 'ko', 'ko-KR', 'zh', 'zh-CN', 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK', 'en', 'vi'].map(langCode)).toEqual([
      LANG.ja, LANG.ja, LANG.ja, LANG.ko, LANG.ko, LANG.zhHans, LANG.zhHans, LANG.zhHans, LANG.zhHant, LANG.zhHant, LANG.zhHant, LANG.other, LANG.other,
    ]);
  });
});

describe('Korean: lines break between words (KLREQ, word-break: keep-all)', () => {
  const text = '붙잡아 두는 행동(자리를 떠나지 않기 등) 지속적인(반복되는)·집요한(끈질긴) 언행을 하면 안 됩니다.';
  const words = text.split(' ');
  const widest = Math.max(...words.map((w) => measureText(runs(w, 'ko'))));

  it('breaks only at spaces while every word fits, at every measure', () => {
    let checked = 0;
    for (let width = widest; width < measureText(runs(text, 'ko')); width += 3) {
      const para = compose(text, 'ko', { width });
      expectReconstructs(text, para);
      expect(para.overflows).toBe(false);
      for (const at of breakOffsets(text, para)) expect(text[at - 1], `${width}: ${para.lines.map((l) => l.text).join(' | ')}`).toBe(' ');
      checked += para.lines.length - 1;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('min-content is the widest word, not a syllable', () => {
    expect(minContentWidth(runs(text, 'ko'), { lineBreak: 'strict', phrases: false, wrap: 'wrap' })).toBeCloseTo(widest, 3);
  });

  it('used to break between syllables when set by Japanese rules (the fault this fixes)', () => {
    const para = composeParagraph(runs(text, undefined, 'ko'), options({ width: widest + 5 }));
    expect(breakOffsets(text, para).some((at) => text[at - 1] !== ' ')).toBe(true);
  });

  it('a word wider than the line still breaks inside rather than overflow', () => {
    const para = compose('가나다라마바사아자차카타파하', 'ko', { width: 5 * EM });
    expect(para.overflows).toBe(false);
    expect(para.lines.length).toBeGreaterThan(1);
  });

  it('keeps kinsoku: no line starts with ? or a closing bracket', () => {
    const t = '혹시 그것은 “고객 갑질”이 아닐까요? 정말 그렇습니까?';
    for (let width = 30; width < 200; width += 2) {
      for (const l of compose(t, 'ko', { width }).lines.slice(1)) expect(l.text).not.toMatch(/^[?”)」]/);
    }
  });

  it('a non-breaking space keeps a quoted term whole: 혹시 그것은 / “고객 갑질”이 아닐까요?', () => {
    const t = '혹시 그것은 “고객\u00a0갑질”이 아닐까요?';
    const para = compose(t, 'ko', { width: measureText(runs(t, 'ko')) * 0.7, wrap: 'balance' });
    expect(para.lines.map((l) => l.text)).toEqual(['혹시 그것은', '“고객\u00a0갑질”이 아닐까요?']);
  });
});

describe('keep-all: Japanese written with spaces between words (やさしい日本語)', () => {
  const text = 'この 文は、市の 決まりを やさしい 日本語で 短く まとめたものです。正式な 文は 日本語の 基本方針です。';
  const widest = Math.max(...text.split(/(?<=[ 、。])/).map((w) => measureText(runs(w.trim(), 'ja'))));
  it('breaks only at spaces and after 、。 — never inside a word', () => {
    let checked = 0;
    for (let width = widest; width < 300; width += 3) {
      const para = compose(text, 'ja', { width, keepAll: true });
      expectReconstructs(text, para);
      for (const at of breakOffsets(text, para)) expect(text[at - 1], `${width}: ${para.lines.map((l) => l.text).join(' | ')}`).toMatch(/[ 、。]/);
      checked += para.lines.length - 1;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('without keep-all the same text breaks inside words (日本|語)', () => {
    const inside = [];
    for (let width = widest; width < 300; width += 3) {
      for (const at of breakOffsets(text, compose(text, 'ja', { width }))) if (!/[ 、。]/.test(text[at - 1]!)) inside.push(at);
    }
    expect(inside.length).toBeGreaterThan(10);
  });

  it('keeps a word with one reading per character (jukugo ruby) whole', () => {
    const style = styleFor('ja');
    const rubyRuns: InlineRun[] = [
      { text: 'やさしい ', style },
      ...['日', '本', '語'].map((t, i) => ({ text: t, style, ruby: { text: ['に', 'ほん', 'ご'][i]!, kind: 'jukugo' as const } })),
      { text: 'で 短く まとめました', style },
    ];
    let split = 0;
    for (let width = 40; width < 150; width += 2) {
      const lines = composeParagraph(rubyRuns, options({ width, keepAll: true })).lines.map((l) => l.text);
      for (const l of lines) expect(l.includes('日') === l.includes('語'), lines.join(' | ')).toBe(true);
      const jukugo = composeParagraph(rubyRuns, options({ width })).lines.map((l) => l.text);
      if (jukugo.some((l) => l.includes('日') !== l.includes('語'))) split++;
    }
    expect(split).toBeGreaterThan(0); // JLReq lets a jukugo compound break between its characters
  });
});

describe('Chinese punctuation (CLREQ)', () => {
  const width = (text: string, lang: string, spacingTrim: ParagraphOptions['spacingTrim'] = 'normal'): number =>
    measureText(runs(text, lang), { spacingTrim }) / EM;

  it('zh-Hans: ”？ take 1.5 em together, not 2 (curly quotes are CJK marks, ？ squeezes)', () => {
    expect(width('顾客骚扰”？', 'zh-Hans') - width('顾客骚扰', 'zh-Hans')).toBeCloseTo(1.5, 3);
    // The headline's display setting: every mark its half-em frame, no gap between ” and ？.
    expect(width('顾客骚扰”？', 'zh-Hans', 'trim-all') - width('顾客骚扰', 'zh-Hans', 'trim-all')).toBeCloseTo(1, 3);
    expect(width('是“顾客', 'zh-Hans', 'trim-all')).toBeCloseTo(3.5, 3);
  });

  it('zh-Hant: a centred ， keeps its place in the em (¼ em each side), not pushed left', () => {
    const para = compose('甲，乙', 'zh-Hant');
    expect(glyphX(para, '，')).toBeCloseTo(EM, 3);
    expect(glyphX(para, '乙')).toBeCloseTo(2 * EM, 3);
    // The same glyphs set by JLReq (no lang) move the comma to the left half of its em.
    const ja = composeParagraph(runs('甲，乙', undefined, 'zh-Hant'), options());
    expect(glyphX(ja, '，')).toBeCloseTo(0.75 * EM, 3);
  });

  it('zh-Hans: the interpunct · is half an em; a mark after a word space gets no aki', () => {
    expect(width('列夫·托尔斯泰', 'zh-Hans')).toBeCloseTo(6.5, 3);
    expect(width('출처 「매뉴얼」', 'ko') - width('출처 매뉴얼」', 'ko')).toBeCloseTo(0.5, 3);
  });

  it('phrases use the Chinese BudouX model; Latin text is not cut into Japanese phrases', () => {
    const t = '可能构成顾客骚扰的行为示例';
    const w = measureText(runs(t, 'zh-Hans')) * 0.6;
    const para = compose(t, 'zh-Hans', { width: w, phrases: true, wrap: 'balance' });
    expect(para.lines.map((l) => l.text).join('|')).toMatch(/^可能构成.*\|.*行为示例$/);
    const en = 'Examples of customer harassment at the counter';
    for (let x = 60; x < 250; x += 5) {
      expect(compose(en, 'en', { width: x, phrases: true }).lines.map((l) => l.text)).toEqual(compose(en, 'en', { width: x }).lines.map((l) => l.text));
    }
  });
});

describe('text-wrap: pretty in languages written with spaces', () => {
  it('avoids a last line of one short word (English orphan); Japanese keeps its own rule', () => {
    const t = 'Continued (repeated) or persistent words and actions';
    const w = measureText(runs('Continued (repeated) or persistent words and', 'en')) + 1;
    expect(compose(t, 'en', { width: w }).lines.at(-1)!.text).toBe('actions');
    const pretty = compose(t, 'en', { width: w, wrap: 'pretty' }).lines.map((l) => l.text);
    expect(pretty.length).toBe(2);
    expect(pretty[1]!.split(' ').length).toBeGreaterThan(1);
  });
});
