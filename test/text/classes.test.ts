import { describe, expect, it } from 'vitest';
import { CL, F_DIGIT, F_KANA_KANJI, KIND, clOf, info, jlreqClass, kindOf } from '../../src/text/classes.js';

describe('JLReq character classes', () => {
  it.each([
    ['「（『【〔［｛〈《“‘(', CL.open],
    ['」）』】〕］｝〉》”’)', CL.close],
    ['‐〜゠–～', CL.hyphen],
    ['！？‼⁇⁈⁉!?', CL.divide],
    ['・：；:;', CL.middle],
    ['。．.', CL.fullStop],
    ['、，,', CL.comma],
    ['—…‥〳〴〵', CL.inseparable],
    ['ヽヾゝゞ々〻', CL.iteration],
    ['ー', CL.prolonged],
    ['ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶㇰㇿ', CL.smallKana],
    ['¥$£#€№￥＄', CL.prefix],
    ['°′″℃¢%‰㎏㎞％', CL.postfix],
  ])('%s are class %i, in ASCII, fullwidth and CJK forms alike', (chars, cl) => {
    for (const ch of chars) expect(jlreqClass(ch.codePointAt(0)!), ch).toBe(cl);
  });

  it('kana and kanji have no class but are the Japanese side of 和欧間', () => {
    for (const ch of 'あア漢々ーっ') expect(info(ch.codePointAt(0)!) & F_KANA_KANJI, ch).not.toBe(0);
    for (const ch of 'あア漢') expect(jlreqClass(ch.codePointAt(0)!), ch).toBe(CL.none);
    expect(info('・'.codePointAt(0)!) & F_KANA_KANJI).toBe(0);
  });

  it('sorts characters into kinds: Japanese, Latin words, fullwidth alphanumerics, spaces', () => {
    const kind = (ch: string): number => kindOf(info(ch.codePointAt(0)!));
    expect([...'あ漢。「✓○'].map(kind)).toEqual(Array(6).fill(KIND.cjk));
    expect([...'aZé1'].map(kind)).toEqual(Array(4).fill(KIND.latin));
    expect([...'Ａ１'].map(kind)).toEqual([KIND.wide, KIND.wide]);
    expect([...'-/.,(<'].map(kind)).toEqual(Array(6).fill(KIND.symbol));
    expect([' ', '\t'].map(kind)).toEqual([KIND.space, KIND.space]);
    expect(kind('\n')).toBe(KIND.newline);
    expect(kind('\u200b')).toBe(KIND.zwsp);
    expect(kind('\u2060')).toBe(KIND.ignore);
  });

  it('marks ASCII and fullwidth digits', () => {
    for (const ch of '09０９') expect(info(ch.codePointAt(0)!) & F_DIGIT, ch).not.toBe(0);
    expect(info('a'.codePointAt(0)!) & F_DIGIT).toBe(0);
    expect(clOf(info('，'.codePointAt(0)!))).toBe(CL.comma);
  });
});
