/**
 * Properties over generated text mixing kana, kanji, punctuation, brackets, Latin words,
 * numbers, spaces and "\n", set at random measures, levels and wrap modes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../src/text/compose.js';
import type { InlineRun, LineBreakLevel, ParagraphOptions } from '../../src/text/types.js';
import { drawnText, expectReconstructs, style } from './helpers.js';

const chars = (s: string) => fc.constantFrom(...s);
const token = fc.oneof(
  { weight: 8, arbitrary: chars('あいうえおかきくけこさしすたちつてとなにのはまもやよらりるれろわをんアイカサタナハマラン') },
  { weight: 5, arbitrary: chars('岡山市職員対応方針基本姿勢行政利用者意見要望真摯暴言脅迫') },
  { weight: 2, arbitrary: chars('ぁぃぅぇぉっゃゅょァィゥェォッャュョー々') },
  { weight: 4, arbitrary: chars('、。，．・：；！？‐〜') },
  { weight: 3, arbitrary: chars('「」『』（）【】()[]') },
  { weight: 1, arbitrary: fc.constantFrom('——', '……', '‥‥') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z]{1,9}$/) },
  { weight: 2, arbitrary: fc.constantFrom('1,000', '3.14', '086-803-1090', '¥100', '50%', '２０２５', 'https://www.city.okayama.jp/') },
  { weight: 2, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: chars('%$¥') },
  { weight: 1, arbitrary: fc.constant('\n') },
);
const text = fc.array(token, { minLength: 1, maxLength: 60 }).map((ts) => ts.join(''));

const runsOf = (t: string, sizes: number[], letterSpacing: number): InlineRun[] => {
  // Split into as many runs as sizes, at code point boundaries.
  const cps = [...t];
  const step = Math.ceil(cps.length / sizes.length);
  return sizes
    .map((size, i) => ({ text: cps.slice(i * step, (i + 1) * step).join(''), style: style(size, letterSpacing) }))
    .filter((r) => r.text !== '');
};

const settings = fc.record({
  width: fc.double({ min: 8, max: 400, noNaN: true }),
  indent: fc.constantFrom(0, 10, -10),
  align: fc.constantFrom('start', 'end', 'center', 'justify'),
  alignLast: fc.constantFrom('auto', 'start', 'justify'),
  lineBreak: fc.constantFrom('strict', 'normal', 'loose', 'anywhere'),
  phrases: fc.boolean(),
  wrap: fc.constantFrom('wrap', 'pretty', 'balance', 'nowrap'),
  hang: fc.constantFrom('none', 'allow-end', 'force-end'),
}) as fc.Arbitrary<ParagraphOptions>;

const SMALL = 'ぁぃぅぇぉっゃゅょァィゥェォッャュョー';
const NEVER_START = '、。，．,.」』）)]】';
const START_FORBIDDEN: Record<LineBreakLevel, string> = {
  strict: `${NEVER_START}・：；:;！？!?‐〜々%${SMALL}`,
  normal: `${NEVER_START}・：；:;！？!?‐〜々%`,
  loose: NEVER_START,
  anywhere: NEVER_START,
};
const END_FORBIDDEN: Record<LineBreakLevel, string> = {
  strict: '「『（(【[¥$',
  normal: '「『（(【[¥$',
  loose: '「『（(【[',
  anywhere: '「『（(【[',
};
const LATIN = /[A-Za-z0-9,.%¥$:/\-]/;

describe('line composer properties', () => {
  it('no character lost or duplicated, kinsoku kept, no line wider than the measure unless reported', () => {
    fc.assert(
      fc.property(text, settings, fc.subarray([10, 8, 24], { minLength: 1 }), fc.constantFrom(0, 1), (t, o, sizes, ls) => {
        const para = composeParagraph(runsOf(t, sizes, ls), o);
        const forced = expectReconstructs(t, para);
        const tooWide = para.lines.filter((l) => l.width > o.width + 0.01);
        expect(para.overflows).toBe(tooWide.length > 0);
        para.lines.forEach((line, i) => {
          expect(drawnText(para, i)).toBe(line.text);
          // The glyphs end at the width, but for a hanging 、。，．, which may reach past it by at
          // most its own advance.
          const lastRun = line.runs.at(-1);
          const lastGlyph = lastRun?.glyphs.at(-1);
          if (lastRun && lastGlyph) {
            const hang = line.hang ?? 0;
            expect(lastRun.x + lastGlyph.x + lastGlyph.advance).toBeCloseTo(line.width + hang, 6);
            if (hang > 0) {
              expect(o.hang === 'allow-end' || o.hang === 'force-end').toBe(true);
              expect('、。，．'.includes(lastGlyph.text), line.text).toBe(true);
              const own = (lastRun.style.face.advance(lastGlyph.id) * lastRun.style.size) / lastRun.style.face.unitsPerEm;
              expect(hang).toBeLessThanOrEqual(own + 1e-9);
            }
          }
          const next = para.lines[i + 1];
          if (forced[i] || !next) return;
          const last = line.text.at(-1) ?? '';
          const first = next.text[0] ?? '';
          expect(START_FORBIDDEN[o.lineBreak].includes(first), `line starts with ${first}: ${next.text}`).toBe(false);
          expect(END_FORBIDDEN[o.lineBreak].includes(last), `line ends with ${last}: ${line.text}`).toBe(false);
          const spaceBetween = /\s$/.test(t.slice(0, offsetOf(t, para.lines, i + 1)));
          if (o.lineBreak !== 'anywhere' && !spaceBetween) {
            expect(LATIN.test(last) && LATIN.test(first), `a Latin word or number split: ${line.text}|${next.text}`).toBe(false);
            const inseparable = o.lineBreak === 'loose' ? /—/ : /[—…‥]/; // loose may break ……
            expect(inseparable.test(last) && last === first, '—— or …… split').toBe(false);
          }
        });
      }),
      { numRuns: 400 },
    );
  });
});

/** UTF-16 offset in t where line `index` starts. */
function offsetOf(t: string, lines: { text: string }[], index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) {
    pos += lines[i]!.text.length;
    pos += /^[ \t]*\n?/.exec(t.slice(pos))![0].length;
  }
  return pos;
}
