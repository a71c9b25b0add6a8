/**
 * text-spacing-trim (CSS Text 4; ParagraphOptions.spacingTrim): how much punctuation aki is set
 * at line edges and between consecutive marks, and trim-all (約物半角) for display text.
 * BIZ UDPGothic at 10 pt, as in punctuation.test.ts: every mark's half-em frame starts at its
 * glyph origin, so the aki can be read off glyph positions (1 em = 10 pt).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutJob } from '../../src/build/build.js';
import { jobsFor } from '../../src/build/products.js';
import { loadContent, type Content } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../../src/fonts/registry.js';
import { buildBoxTree, type TextBox } from '../../src/layout/boxes.js';
import { composeParagraph, measureText } from '../../src/text/compose.js';
import type { ComposedLine, ParagraphOptions, SpacingTrim } from '../../src/text/types.js';
import { fonts, lines, styled } from '../layout/helpers.js';
import { advanceOf, drawnText, expectReconstructs, options, paragraphs, run } from './helpers.js';

const EM = 10;
const A = advanceOf('あ');
const ALL: SpacingTrim[] = ['normal', 'space-all', 'trim-start', 'space-first', 'trim-both', 'trim-all'];

function xs(line: ComposedLine): { t: string; x: number; right: number }[] {
  return line.runs.flatMap((r) => r.glyphs.map((g) => ({ t: g.text, x: r.x + g.x, right: r.x + g.x + g.advance })));
}
const set = (text: string, spacingTrim: SpacingTrim, o: Partial<ParagraphOptions> = {}) =>
  composeParagraph([run(text)], options({ width: 400, spacingTrim, ...o }));
const one = (text: string, spacingTrim: SpacingTrim, o: Partial<ParagraphOptions> = {}) => set(text, spacingTrim, o).lines[0]!;
/** Offsets of the glyphs after the first あ of a one-line text, from the end of that あ. */
const after = (text: string, spacingTrim: SpacingTrim) =>
  xs(one(text, spacingTrim))
    .slice(1)
    .map((g) => g.x - A);
const closeTo = (vs: number[]) => vs.map((v) => expect.closeTo(v, 9));

describe('normal: JLReq, what the composer always did', () => {
  it('is the default: leaving spacingTrim out sets every paragraph exactly as normal', () => {
    for (const text of paragraphs('policy.txt').slice(0, 12)) {
      for (const width of [120, 231]) {
        const o = options({ width, indent: EM, align: 'justify', wrap: 'pretty' });
        const implicit = composeParagraph([run(text)], o);
        const explicit = composeParagraph([run(text)], { ...o, spacingTrim: 'normal' });
        expect(explicit).toEqual(implicit);
      }
    }
  });

  it('collapses consecutive marks, sets a line-start bracket flush and a line-end 」 solid, keeps 。 its ½ em', () => {
    expect(after('あ」、い', 'normal')).toEqual(closeTo([0, 5, 15]));
    expect(xs(one('「はい」', 'normal'))[0]!.x).toBeCloseTo(0, 9);
    expect(one('はい」', 'normal').width).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM / 2, 9);
    expect(one('はい。', 'normal').width).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM, 9);
  });
});

describe('space-all: no trimming at all', () => {
  it('keeps the ½ em before a bracket that starts a line, first line or not', () => {
    expect(xs(one('「はい」', 'space-all'))[0]!.x).toBeCloseTo(EM / 2, 9);
    const para = set('あいう\n「え」', 'space-all');
    expect(xs(para.lines[1]!)[0]!.x).toBeCloseTo(EM / 2, 9);
  });

  it('does not collapse consecutive marks: 」、 and 、「 are each a full em', () => {
    expect(after('あ」、い', 'space-all')).toEqual(closeTo([0, 10, 20]));
    expect(after('あ、「い', 'space-all')).toEqual(closeTo([0, 15, 20]));
    expect(after('あ「「い', 'space-all')).toEqual(closeTo([5, 15, 20]));
  });

  it('keeps the ½ em after 、」。 at line end, inside the measure', () => {
    for (const mark of ['、', '」', '。']) {
      const line = one(`はい${mark}`, 'space-all');
      expect(line.width, mark).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM, 9);
    }
  });

  it('mid-line, sets the same aki as normal', () => {
    expect(after('あ」い「う', 'space-all')).toEqual(after('あ」い「う', 'normal'));
  });
});

describe('trim-start and space-first: flush line starts, line-end marks spaced unless they must be trimmed (allow-end)', () => {
  it('trim-start sets a bracket flush at the start of every line, the first and after "\\n" too', () => {
    const para = set('「あ」\n「い」', 'trim-start');
    for (const l of para.lines) expect(xs(l)[0]!.x, l.text).toBeCloseTo(0, 9);
  });

  it('space-first keeps the ½ em before a bracket on the first line and after "\\n", trims it on wrapped lines', () => {
    const para = set('「あ」\n「え」', 'space-first');
    expect(para.lines.map((l) => l.text)).toEqual(['「あ」', '「え」']);
    for (const l of para.lines) expect(xs(l)[0]!.x, l.text).toBeCloseTo(EM / 2, 9);
    const width = measureText([run('あいうえおかきくけ')]) + 1;
    const wrapped = set('あいうえおかきくけ「はい」です', 'space-first', { width });
    expect(wrapped.lines.map((l) => l.text)).toEqual(['あいうえおかきくけ', '「はい」です']);
    expect(xs(wrapped.lines[1]!)[0]!.x).toBeCloseTo(0, 9);
  });

  it('keeps the ½ em after 」、 at line end when the line fits with it', () => {
    for (const trim of ['trim-start', 'space-first'] as const) {
      expect(one('はい」', trim).width, trim).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM, 9);
      expect(one('はい、', trim).width, trim).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM, 9);
    }
  });

  it('sets it flush when the line only fits without it, rather than pushing a character to the next line', () => {
    const solid = measureText([run('あいうえおかきくけ」')]); // 」 solid: its frame, no aki
    for (const trim of ['trim-start', 'space-first'] as const) {
      const para = set('あいうえおかきくけ」こさし', trim, { width: solid + 0.001 });
      expect(para.lines.map((l) => l.text), trim).toEqual(['あいうえおかきくけ」', 'こさし']);
      expect(para.lines[0]!.width).toBeCloseTo(solid, 6);
      expect(para.overflows).toBe(false);
    }
    // space-all never trims: け goes over with its 」 (追い出し), as 」 may not start a line.
    const spaced = set('あいうえおかきくけ」こさし', 'space-all', { width: solid + 0.001 });
    expect(spaced.lines.map((l) => l.text)).toEqual(['あいうえおかきく', 'け」こさし']);
  });
});

describe('trim-both: every line edge flush', () => {
  it('sets 。 flush at line end too (CSS counts it as closing punctuation in Japanese)', () => {
    expect(one('はい。', 'trim-both').width).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM / 2, 9);
    expect(one('はい」', 'trim-both').width).toBeCloseTo(advanceOf('は') + advanceOf('い') + EM / 2, 9);
    expect(xs(one('「はい」', 'trim-both'))[0]!.x).toBeCloseTo(0, 9);
  });

  it('mid-line, collapses and spaces exactly as normal', () => {
    const text = '彼は「はい」、「いいえ」。と・言った';
    expect(xs(one(text, 'trim-both'))).toEqual(xs(one(text, 'normal')));
  });
});

describe('trim-all: every mark half-width (約物半角)', () => {
  it('sets 「」、。（）・ as their half-em frames with no aki on either side', () => {
    const gs = xs(one('あ「い」、う。（え）・お', 'trim-all'));
    for (let i = 0; i + 1 < gs.length; i++) {
      const frameEnd = '「」、。（）・'.includes(gs[i]!.t) ? gs[i]!.x + EM / 2 : gs[i]!.right;
      expect(gs[i + 1]!.x, `${gs[i]!.t}${gs[i + 1]!.t}`).toBeCloseTo(frameEnd, 9);
    }
  });

  it('gives ・ no side spacing: カスタマー・ハラスメント is ½ em shorter than in normal', () => {
    const text = 'カスタマー・ハラスメント';
    expect(measureText([run(text)], { spacingTrim: 'normal' }) - measureText([run(text)], { spacingTrim: 'trim-all' })).toBeCloseTo(EM / 2, 9);
  });

  it('leaves 和欧間 and word spaces alone', () => {
    expect(after('あAい B', 'trim-all')).toEqual(after('あAい B', 'normal'));
  });

  it('leaves no hole after 」 in 「カスタマー・ハラスメント」かも？', () => {
    const gs = xs(one('「カスタマー・ハラスメント」かも？', 'trim-all'));
    const close = gs.findIndex((g) => g.t === '」');
    expect(gs[close + 1]!.x - gs[close]!.x).toBeCloseTo(EM / 2, 9);
    expect(gs[0]!.x).toBeCloseTo(0, 9);
  });
});

describe('every value', () => {
  it('loses no character, keeps every line inside the measure unless it reports an overflow, tiles its glyphs', () => {
    const token = fc.constantFrom(...'あいうかきく漢字「」（）、。・：！？ー'.split(''), 'AB', '12', ' ', '\n');
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 40 }).map((t) => t.join('')),
        fc.constantFrom(...ALL),
        fc.double({ min: 20, max: 200, noNaN: true }),
        fc.constantFrom('start', 'justify', 'center') as fc.Arbitrary<ParagraphOptions['align']>,
        fc.constantFrom('wrap', 'pretty', 'balance') as fc.Arbitrary<ParagraphOptions['wrap']>,
        fc.constantFrom('none', 'allow-end') as fc.Arbitrary<NonNullable<ParagraphOptions['hang']>>,
        (text, spacingTrim, width, align, wrap, hang) => {
          const para = composeParagraph([run(text)], options({ width, align, wrap, hang, spacingTrim }));
          expectReconstructs(text, para);
          expect(para.overflows).toBe(para.lines.some((l) => l.width > width + 0.01));
          para.lines.forEach((l, i) => {
            expect(drawnText(para, i)).toBe(l.text);
            const last = xs(l).at(-1);
            if (last) expect(last.right).toBeCloseTo(l.width + (l.hang ?? 0), 6);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the CSS property', () => {
  const box = (css: string): TextBox => {
    const tree = buildBoxTree(styled(css, '<div><p>「はい」</p></div>').root, fonts, 'test.html');
    const find = (b: typeof tree | TextBox): TextBox | undefined =>
      b.kind === 'text' ? b : b.kind === 'container' ? b.children.map((c) => find(c as typeof tree)).find(Boolean) : undefined;
    return find(tree)!;
  };

  it('is inherited and reaches the paragraph options; normal (and auto) leave them as they were', () => {
    expect(box('div { text-spacing-trim: trim-all }').paragraph.spacingTrim).toBe('trim-all');
    expect(box('p { text-spacing-trim: space-first }').paragraph.spacingTrim).toBe('space-first');
    expect(box('div { text-spacing-trim: auto }').paragraph).not.toHaveProperty('spacingTrim');
    expect(box('').paragraph).not.toHaveProperty('spacingTrim');
  });
});

describe('the Okayama display text (templates set trim-all on headlines and labels)', () => {
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(`${PROJECT_ROOT}/content/okayama`);
  });

  it('breaks the poster and tent headline as もしかしたらそれって／「カスタマー・ハラスメント」かも？ with no hole after 」', () => {
    const jobs = jobsFor(content.products, ['poster', 'tent'], 'products.yaml');
    expect(jobs.length).toBeGreaterThanOrEqual(4);
    for (const job of jobs) {
      const page = layoutJob(content, job, new DiagnosticBag(), {}).pages[0]!;
      // The tent's face A is the same text turned a half turn: read the upright face.
      const all = lines({ ...page, items: page.items.filter((item) => item.kind !== 'glyphs' || !item.rotation) });
      const i = all.findIndex((l) => l.text === 'もしかしたらそれって');
      expect(i, job.output).toBeGreaterThanOrEqual(0);
      const second = all.slice(i + 1).find((l) => l.text.includes('カスタマー'))!;
      expect(second.text, job.output).toBe('「カスタマー・ハラスメント」かも？');
      const glyphs = second.runs.flatMap((r) => r.glyphs.map((g) => ({ t: g.text, x: r.x + g.x, size: r.size })));
      const close = glyphs.findIndex((g) => g.t === '」');
      // 」 is set as its half-em frame: か starts ½ em after the bracket's origin.
      expect(glyphs[close + 1]!.x - glyphs[close]!.x, job.output).toBeCloseTo(glyphs[close]!.size / 2, 3);
    }
  });
});
