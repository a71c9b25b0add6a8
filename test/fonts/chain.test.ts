/**
 * Fallback chains: which fonts a language's text may use, in which order, and that the
 * language — not mere coverage — picks the font of Han characters shared by Chinese,
 * Japanese and Korean. Faces are parsed only when a character asks for them.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { matchLanguage } from '../../src/fonts/chain.js';
import { FontRegistry, PROJECT_ROOT } from '../../src/fonts/registry.js';

const KNOWN = ['ja', 'zh-Hans', 'zh-Hant', 'ko', 'vi', 'en'];
const SANS = ['sans-serif'];

describe('matchLanguage', () => {
  it('matches BCP 47 tags by lookup: case, aliases, then shorter prefixes', () => {
    expect(matchLanguage('ja', KNOWN)).toBe('ja');
    expect(matchLanguage('JA-jp', KNOWN)).toBe('ja');
    expect(matchLanguage('ja-x-easy', KNOWN)).toBe('ja');
    expect(matchLanguage('zh-Hant-TW', KNOWN)).toBe('zh-Hant');
    expect(matchLanguage('zh-TW', KNOWN)).toBe('zh-Hant');
    expect(matchLanguage('zh-HK', KNOWN)).toBe('zh-Hant');
    expect(matchLanguage('zh-CN', KNOWN)).toBe('zh-Hans');
    expect(matchLanguage('zh', KNOWN)).toBe('zh-Hans');
    expect(matchLanguage('ko-KR', KNOWN)).toBe('ko');
    expect(matchLanguage('fr', KNOWN)).toBeUndefined();
    expect(matchLanguage(undefined, KNOWN)).toBeUndefined();
  });

  it('finds no alias in Object.prototype (lang="constructor" is just an unknown language)', () => {
    expect(matchLanguage('constructor', KNOWN)).toBeUndefined();
    expect(matchLanguage('__proto__-x', KNOWN)).toBeUndefined();
  });
});

describe('FontRegistry.chain', () => {
  const fonts = FontRegistry.load();

  it('puts the language chain of fonts/registry.yaml after the CSS families', () => {
    expect(fonts.chain(SANS, 400, 'ja').families).toEqual(['BIZ UDPGothic', 'Noto Sans']);
    expect(fonts.chain(SANS, 400, 'zh-Hans').families).toEqual(['Noto Sans SC', 'Noto Sans', 'BIZ UDPGothic']);
    expect(fonts.chain(SANS, 400, 'zh-TW').families).toEqual(['Noto Sans TC', 'Noto Sans', 'BIZ UDPGothic']);
    expect(fonts.chain(SANS, 400, 'ko').families).toEqual(['Noto Sans KR', 'Noto Sans', 'BIZ UDPGothic']);
    expect(fonts.chain(SANS, 400, 'vi').families).toEqual(['Noto Sans', 'BIZ UDPGothic']);
    // No language, or one without a chain: the generic mapping, then the default chain.
    expect(fonts.chain(SANS, 400).families).toEqual(['BIZ UDPGothic', 'Noto Sans']);
    expect(fonts.chain(SANS, 400, 'fr').families).toEqual(['BIZ UDPGothic', 'Noto Sans']);
  });

  it('maps a generic family only for the languages its font is made for', () => {
    expect(fonts.chain(['serif'], 400, 'ja').families).toEqual(['BIZ UDPMincho', 'BIZ UDPGothic', 'Noto Sans']);
    // Mincho is a Japanese design: Vietnamese "serif" text goes to the Vietnamese chain.
    expect(fonts.chain(['serif'], 400, 'vi').families).toEqual(['Noto Sans', 'BIZ UDPGothic']);
    // A family named in the CSS always comes first.
    expect(fonts.chain(['BIZ UDPMincho', 'sans-serif'], 400, 'vi').families).toEqual(['BIZ UDPMincho', 'Noto Sans', 'BIZ UDPGothic']);
  });

  it('resolves weights per family and caches chains', () => {
    const bold = fonts.chain(SANS, 700, 'vi');
    expect(bold.primary.key).toBe('Noto Sans/700');
    expect(bold.face(1).key).toBe('BIZ UDPGothic/700');
    expect(fonts.chain(SANS, 700, 'vi-VN')).toBe(bold);
  });

  it('finds each character the first face that has it', () => {
    const ja = fonts.chain(SANS, 400, 'ja');
    expect(ja.indexOf('あ'.codePointAt(0)!)).toBe(0);
    expect(ja.indexOf('A'.codePointAt(0)!)).toBe(0);
    expect(ja.indexOf('ế'.codePointAt(0)!)).toBe(1); // BIZ UD has no Vietnamese letters
    expect(ja.indexOf(0x1f9ff)).toBe(-1);
    expect(ja.indexForAll('Tiếng')).toBe(1);
    expect(ja.indexForAll('Tieng')).toBe(0);
  });

  it('takes Han glyph forms from the language, not from whichever font has the character', () => {
    // 骨 is in every CJK font, drawn differently in Chinese (SC, TC) and Japanese.
    const gu = '骨'.codePointAt(0)!;
    const outline = (lang: string): string => {
      const chain = fonts.chain(SANS, 400, lang);
      const face = chain.face(chain.indexOf(gu));
      return face.font.getGlyph(face.glyphId(gu)).path.toSVG();
    };
    const [ja, sc, tc] = [outline('ja'), outline('zh-Hans'), outline('zh-Hant')];
    expect(fonts.chain(SANS, 400, 'zh-Hant').face(fonts.chain(SANS, 400, 'zh-Hant').indexOf(gu)).family).toBe('Noto Sans TC');
    expect(new Set([ja, sc, tc]).size).toBe(3);
  });

  it('parses a face only when a character needs it', () => {
    const fresh = FontRegistry.load();
    const zh = fresh.chain(SANS, 400, 'zh-Hans');
    expect(fresh.parsedFaces()).toEqual([]);
    const ja = fresh.chain(SANS, 400, 'ja');
    for (const ch of '日本語のテキスト, ABC 123。') ja.indexOf(ch.codePointAt(0)!);
    expect(fresh.parsedFaces()).toEqual(['BIZ UDPGothic/400']);
    ja.indexOf('ế'.codePointAt(0)!);
    expect(fresh.parsedFaces()).toEqual(['BIZ UDPGothic/400', 'Noto Sans/400']);
    void zh.primary;
    expect(fresh.parsedFaces()).toContain('Noto Sans SC/400');
  });

  it('refuses a fallback chain that names an unregistered family', () => {
    const bad = { families: { A: { faces: [{ weight: 400, file: 'a.ttf' }] } }, fallback: { ja: ['A', 'Nope'] } };
    let error: unknown;
    try {
      new FontRegistry(bad, PROJECT_ROOT);
    } catch (e) {
      error = e;
    }
    expect(isUserInputError(error)).toBe(true);
    if (!isUserInputError(error)) return;
    expect(error.diagnostics[0]).toMatchObject({ code: 'fonts/unknown-fallback', file: 'fonts/registry.yaml', path: 'fallback.ja' });
    expect(error.diagnostics[0]!.message.en).toContain('Nope');
  });
});
