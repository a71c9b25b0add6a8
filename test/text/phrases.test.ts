import { loadDefaultJapaneseParser } from 'budoux';
import { describe, expect, it } from 'vitest';
import { composeParagraph, measureText, minContentWidth } from '../../src/text/compose.js';
import { expectReconstructs, options, paragraphs, run } from './helpers.js';

const budoux = loadDefaultJapaneseParser();
const headlines = paragraphs('headlines.txt');

/** UTF-16 offsets where each line after the first starts. */
function breakOffsets(text: string, lines: { text: string }[]): number[] {
  const offsets: number[] = [];
  let pos = 0;
  for (const l of lines.slice(0, -1)) {
    pos = text.indexOf(l.text, pos) + l.text.length;
    while (text[pos] === ' ') pos++;
    offsets.push(pos);
  }
  return offsets;
}

describe('phrase mode (BudouX)', () => {
  it('breaks headlines only between phrases when every phrase fits', () => {
    for (const text of headlines) {
      const phrases = new Set(budoux.parseBoundaries(text));
      const widest = minContentWidth([run(text, 24)], { lineBreak: 'strict', phrases: true, wrap: 'wrap' });
      for (let width = widest; width < measureText([run(text, 24)]); width += 9) {
        const para = composeParagraph([run(text, 24)], options({ width, phrases: true }));
        expectReconstructs(text, para);
        expect(para.overflows).toBe(false);
        for (const at of breakOffsets(text, para.lines)) expect(phrases.has(at), `${text} @${width}: ${at}`).toBe(true);
      }
    }
  });

  it('keeps 「カスタマー・」「ハラスメントから」 whole where character breaking would split them', () => {
    const text = 'カスタマー・ハラスメントから職員を守ります';
    const width = measureText([run('カスタマー・ハラスメントから職', 24)]);
    const byChar = composeParagraph([run(text, 24)], options({ width }));
    const byPhrase = composeParagraph([run(text, 24)], options({ width, phrases: true }));
    expect(byChar.lines.map((l) => l.text)).toEqual(['カスタマー・ハラスメントから職', '員を守ります']);
    expect(byPhrase.lines.map((l) => l.text)).toEqual(['カスタマー・ハラスメントから', '職員を守ります']);
  });

  it('falls back to ordinary opportunities inside a phrase longer than the line, still with kinsoku', () => {
    const text = '岡山市職員に対するカスタマー・ハラスメント対策基本方針';
    const width = measureText([run('ハラスメント', 24)]);
    const para = composeParagraph([run(text, 24)], options({ width, phrases: true }));
    expectReconstructs(text, para);
    expect(para.overflows).toBe(false);
    for (const l of para.lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
    expect(para.lines.some((l) => l.text.startsWith('ー') || l.text.startsWith('・'))).toBe(false);
  });

  it('min-content in phrase mode is the widest phrase', () => {
    const text = 'カスタマー・ハラスメントから職員を守ります';
    expect(minContentWidth([run(text)], { lineBreak: 'strict', phrases: true, wrap: 'wrap' })).toBeCloseTo(
      measureText([run('ハラスメントから')]),
      6,
    );
  });
});

describe('phrase mode with balance', () => {
  it('keeps phrases whole rather than avoid a two-character last line: 「脅迫的な／言動」', () => {
    const label = [{ ...run('脅迫的な言動', 20) }];
    const width = measureText([run('脅迫的な言', 20)]);
    const o = options({ width, align: 'center', wrap: 'balance' });
    expect(composeParagraph(label, { ...o, phrases: true }).lines.map((l) => l.text)).toEqual(['脅迫的な', '言動']);
    expect(composeParagraph(label, o).lines.map((l) => l.text)).toEqual(['脅迫的', 'な言動']);
  });
});
