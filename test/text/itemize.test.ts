/**
 * Itemization: runs are split into one-face segments by their fallback chain before the text
 * stage measures them. Words and clusters are never split between fonts; spaces and
 * half-width punctuation go with their neighbours; line breaking still sees one paragraph.
 */
import { describe, expect, it } from 'vitest';
import { defaultFontRegistry, FontRegistry } from '../../src/fonts/registry.js';
import { composeParagraph } from '../../src/text/compose.js';
import { itemizeRuns } from '../../src/text/itemize.js';
import type { MissingGlyph } from '../../src/text/missing-glyph.js';
import type { InlineRun, TextStyle } from '../../src/text/types.js';
import { options } from './helpers.js';

const fonts = defaultFontRegistry();
const BLACK = { space: 'rgb' as const, r: 0, g: 0, b: 0 };

function styleFor(lang: string, weight = 400): TextStyle {
  const chain = fonts.chain(['sans-serif'], weight, lang);
  return { chain, face: chain.primary, size: 10, color: BLACK, letterSpacing: 0 };
}

const run = (text: string, lang = 'ja'): InlineRun => ({ text, style: styleFor(lang) });
const pieces = (runs: readonly InlineRun[]): [string, string][] => runs.map((r) => [r.style.face.family, r.text]);

describe('itemizeRuns', () => {
  it('passes text its primary font has unchanged (the same run object)', () => {
    const r = run('岡山市は、カスタマーハラスメントに対応します。Tel 086-803-1000');
    expect(itemizeRuns([r])[0]).toBe(r);
  });

  it('opens no fallback font for text the primary font has: breaks, spaces and invisibles need no glyph', () => {
    const fresh = FontRegistry.load();
    const chain = fresh.chain(['sans-serif'], 400, 'ja');
    const r: InlineRun = { text: '一行目\n二行目\u3000全角\u00a0NBSP\u200bZWSP\u2060\ufe0f\u2003。', style: { ...styleFor('ja'), chain, face: chain.primary } };
    expect(itemizeRuns([r])[0]).toBe(r);
    expect(fresh.parsedFaces()).toEqual(['BIZ UDPGothic/400']);
  });

  it('sets a Vietnamese word inside Japanese whole in Noto Sans, never letter by letter', () => {
    expect(pieces(itemizeRuns([run('日本語 Tiếng Việt（ベトナム語）')]))).toEqual([
      ['BIZ UDPGothic', '日本語 '],
      ['Noto Sans', 'Tiếng Việt'],
      ['BIZ UDPGothic', '（ベトナム語）'],
    ]);
  });

  it('sets Vietnamese text in Noto Sans throughout, punctuation and spaces included', () => {
    const vi = 'Tiếng Việt: Người trợ giúp sẽ liên hệ với bạn.';
    expect(pieces(itemizeRuns([run(vi, 'vi')]))).toEqual([['Noto Sans', vi]]);
    // Marks only the Japanese font has come from it, the rest stays in Noto Sans.
    expect(pieces(itemizeRuns([run('Xin chào「Tiếng Việt」', 'vi')]))).toEqual([
      ['Noto Sans', 'Xin chào'],
      ['BIZ UDPGothic', '「'],
      ['Noto Sans', 'Tiếng Việt'],
      ['BIZ UDPGothic', '」'],
    ]);
  });

  it('composes decomposed Vietnamese (NFD) so letter and accents come from one glyph', () => {
    const nfd = 'Tie\u0302\u0301ng Vie\u0323\u0302t';
    const runs = itemizeRuns([run(nfd, 'ja')]);
    expect(pieces(runs)).toEqual([['Noto Sans', 'Tiếng Việt']]);
    // Han compatibility ideographs are never normalised (NFC would turn 﨑 into 崎).
    expect(itemizeRuns([run('山﨑')])[0]!.text).toBe('山﨑');
  });

  it('keeps a ruby base and its reading whole, each in one face', () => {
    const r: InlineRun = { text: 'Việt', style: styleFor('ja'), ruby: { text: 'ベト', style: { ...styleFor('ja'), size: 5 } } };
    const [out] = itemizeRuns([r]);
    expect(out!.style.face.family).toBe('Noto Sans');
    expect(out!.ruby!.style!.face.family).toBe('BIZ UDPGothic');
  });

  it('reports characters no font of the chain has, once per character and origin', () => {
    const missing: MissingGlyph[] = [];
    const origin = { element: 'p', file: 'content/x.yaml', line: 3 };
    itemizeRuns([{ ...run('お守り\u{1F9FF}と\u{1F9FF}、私用\uE000'), origin }], missing);
    expect(missing.map((m) => [m.char, m.chain?.lang, m.origin?.line])).toEqual([
      ['\u{1F9FF}', 'ja', 3],
      ['\uE000', 'ja', 3],
    ]);
  });

  it('lets line breaking work across fonts: kinsoku and whole-word breaks still hold', () => {
    const text = 'ベトナム語ではTiếng Việtと書きます。Người trợ giúp sẽ liên hệ với bạn」。';
    const words = ['Tiếng', 'Việt', 'Người', 'trợ', 'giúp', 'liên', 'với', 'bạn'];
    for (const width of [40, 55, 70, 90, 120]) {
      const para = composeParagraph(itemizeRuns([run(text)]), options({ width }));
      expect(para.lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const line of para.lines) expect(line.text).not.toMatch(/^[。、」）]/); // 行頭禁則 across the font change
      // No Vietnamese word is broken inside: each is whole on some line.
      for (const w of words) expect(para.lines.some((l) => l.text.includes(w))).toBe(true);
    }
  });
});
