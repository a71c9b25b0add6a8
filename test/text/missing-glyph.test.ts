import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/diagnostics/diagnostic.js';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import { options, run } from './helpers.js';

const origin = { element: 'h1.headline', file: 'templates/poster.hbs', line: 12 };

function thrown(f: () => unknown): UserInputError {
  try {
    f();
  } catch (e) {
    if (isUserInputError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

describe('missing glyphs', () => {
  it('a character the font lacks is a build error naming the font, character and source', () => {
    const e = thrown(() => composeParagraph([{ ...run('✔ 身体的な攻撃'), origin }], options()));
    expect(e.diagnostics).toHaveLength(1);
    const [d] = e.diagnostics;
    expect(d).toMatchObject({ severity: 'error', code: 'text/missing-glyph', file: 'templates/poster.hbs', line: 12 });
    expect(d!.message.en).toBe('The font "BIZ UDPGothic" has no glyph for "✔" (U+2714) in h1.headline.');
    expect(d!.message.ja).toBe('フォント「BIZ UDPGothic」には「✔」（U+2714）の字形がありません（h1.headline）。');
    expect(d!.hint!.en).toBe('Use "✓" (U+2713) instead, or an icon.');
  });

  it('reports every missing character of the paragraph at once, and from measureText too', () => {
    const e = thrown(() => measureText([{ ...run('✔ 暴言 ✖ 脅迫 ✔'), origin }]));
    expect(e.diagnostics.map((d) => d.message.en.match(/"(.)"/)![1])).toEqual(['✔', '✖']);
  });

  it('words the message without a source when the run has no origin', () => {
    const e = thrown(() => composeParagraph([run('\u{1F600}')], options()));
    expect(e.diagnostics[0]!.message.en).toBe('The font "BIZ UDPGothic" has no glyph for "\u{1F600}" (U+1F600).');
    expect(e.diagnostics[0]!.hint!.en).toBe('Use an icon instead, or another character that the font has.');
  });

  it('needs no glyph for invisible characters: variation selectors, joiners, ZWSP', () => {
    const para = composeParagraph([run('葛\u{E0100}城\u200Bです\u2060。\uFE0F')], options());
    expect(para.lines[0]!.runs[0]!.glyphs.map((g) => g.text).join('')).toBe('葛城です。');
  });
});
