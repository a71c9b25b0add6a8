/**
 * Fonts with OpenType `halt` frame punctuation themselves (punctuation.ts): each mark's half-em
 * frame is the font's halt box [-xOffset, xAdvance - xOffset] (in glyph coordinates), not the
 * ink-box heuristic that BIZ UDP fonts (which have no halt) get.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../src/text/compose.js';
import { composeVertical } from '../../src/text/vertical.js';
import type { FontFace } from '../../src/fonts/registry.js';
import type { ComposedLine, InlineRun } from '../../src/text/types.js';
import { gothic, options, style } from './helpers.js';

const SIZE = 10;
const K = SIZE / gothic.unitsPerEm;

/** The stub's halt boxes, in font units (BIZ UDPGothic: 「」 advance 0.5 em, 、 0.6 em). */
const T = gothic.unitsPerEm / 10; // 0.1 em
const HALT: Record<string, { xOffset: number; xAdvance: number }> = {
  '「': { xOffset: -2 * T, xAdvance: 3 * T }, // frame [0.2 em, 0.5 em]
  '、': { xOffset: -1 * T, xAdvance: 4 * T }, // frame [0.1 em, 0.5 em]
  '」': { xOffset: 0, xAdvance: 3.5 * T }, // frame [0, 0.35 em]
};

/** BIZ UDPGothic with a made-up `halt` feature (and `vhal`: 、 moved up 0.1 em, 0.4 em tall). */
function haltFace(calls: string[], vhal = false): FontFace {
  const real = gothic.font;
  type Font = FontFace['font'];
  const layout = ((text: string, features?: string[]) => {
    const run = real.layout(text, features);
    if (vhal && features?.includes('vhal') && text === '、') {
      calls.push(`vhal ${text}`);
      const positions = run.positions.map((p) => ({ ...p, yOffset: T, yAdvance: -6 * T }));
      return Object.assign(Object.create(run), { positions }) as typeof run;
    }
    const box = HALT[text];
    if (!features?.includes('halt') || !box) return run;
    calls.push(text);
    const positions = run.positions.map((p) => ({ ...p, ...box }));
    return Object.assign(Object.create(run), { positions }) as typeof run;
  }) as Font['layout'];
  const font = Object.create(real, {
    availableFeatures: { value: [...real.availableFeatures, 'halt', ...(vhal ? ['vhal'] : [])] },
    layout: { value: layout },
  }) as Font;
  return { ...gothic, key: `${gothic.key}|halt-stub`, font };
}

function glyphs(line: ComposedLine): { t: string; x: number; right: number }[] {
  // right: where the glyph's own advance ends (g.advance also holds the aki after it).
  return line.runs.flatMap((r) =>
    r.glyphs.map((g) => ({ t: g.text, x: r.x + g.x, right: r.x + g.x + gothic.advance(g.id) * K })),
  );
}

function compose(text: string, face: FontFace): ComposedLine {
  const runs: InlineRun[] = [{ text, style: { ...style(SIZE), face } }];
  const para = composeParagraph(runs, options({ width: 400 }));
  expect(para.lines).toHaveLength(1);
  return para.lines[0]!;
}

describe('halt', () => {
  it('takes each mark’s half-em frame from the font’s halt box', () => {
    const calls: string[] = [];
    const g = glyphs(compose('あ「い、う」え', haltFace(calls)));
    expect(g.map((x) => x.t).join('')).toBe('あ「い、う」え');
    expect([...new Set(calls)].sort()).toEqual(['「', '、', '」'].sort());
    const frame = (i: number) => {
      const box = HALT[g[i]!.t]!;
      const start = g[i]!.x - box.xOffset * K;
      return { start, end: start + box.xAdvance * K };
    };
    // 「: ½ em before its frame, the next glyph right after it.
    expect(frame(1).start - g[0]!.right).toBeCloseTo(SIZE / 2, 9);
    expect(g[2]!.x).toBeCloseTo(frame(1).end, 9);
    // 、: its frame right after the previous glyph, ½ em after it.
    expect(frame(3).start).toBeCloseTo(g[2]!.right, 9);
    expect(g[4]!.x - frame(3).end).toBeCloseTo(SIZE / 2, 9);
    // 」: likewise.
    expect(frame(5).start).toBeCloseTo(g[4]!.right, 9);
    expect(g[6]!.x - frame(5).end).toBeCloseTo(SIZE / 2, 9);
    // In pt: 「 3 after あ (½ em − 0.2 em), 、 1 before い's end, 」 flush after う, え 8.5 after 」.
    expect(g[1]!.x).toBeCloseTo(g[0]!.right + 3, 9);
    expect(g[3]!.x).toBeCloseTo(g[2]!.right - 1, 9);
    expect(g[5]!.x).toBeCloseTo(g[4]!.right, 9);
    expect(g[6]!.x).toBeCloseTo(g[5]!.x + 8.5, 9);
  });

  it('uses vhal, never halt, for upright marks in vertical text', () => {
    const tops = (face: FontFace) => {
      const runs: InlineRun[] = [{ text: 'あ、い', style: { ...style(SIZE), face } }];
      const glyphs = composeVertical(runs, options({ width: 200 })).columns[0]!.runs.flatMap((r) => r.glyphs);
      return glyphs.map((g) => g.y ?? 0); // the same offset below each cell top
    };
    const [a, c, i] = tops(gothic);
    expect([c! - a!, i! - c!].map((d) => Math.round(d * 1e6) / 1e6)).toEqual([SIZE, SIZE]);
    // halt alone does not apply along the column.
    const haltOnly = tops(haltFace([]));
    expect(haltOnly[1]! - haltOnly[0]!).toBeCloseTo(SIZE, 9);
    // vhal: the frame is [0.1 em, 0.5 em] down the cell, so 、's cell starts 0.1 em early.
    const calls: string[] = [];
    const [a2, c2, i2] = tops(haltFace(calls, true));
    expect(calls).toContain('vhal 、');
    expect(c2! - a2!).toBeCloseTo(SIZE - 1, 9);
    expect(i2! - c2!).toBeCloseTo(SIZE, 9); // frame end 0.5 em + ½ em aki
  });

  it('keeps the ink-box frames for BIZ UDP fonts, which have no halt', () => {
    expect(gothic.font.availableFeatures).not.toContain('halt');
    const g = glyphs(compose('あ「い、う」え', gothic));
    const r = (n: number) => Math.round(n * 1000) / 1000;
    expect(g.map((x) => [x.t, r(x.x)])).toMatchInlineSnapshot(`
      [
        [
          "あ",
          0,
        ],
        [
          "「",
          14.8,
        ],
        [
          "い",
          19.8,
        ],
        [
          "、",
          29.8,
        ],
        [
          "う",
          39.8,
        ],
        [
          "」",
          48.901,
        ],
        [
          "え",
          58.901,
        ],
      ]
    `);
  });
});
