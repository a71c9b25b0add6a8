/**
 * Ruby where mono-ruby placement is not enough, checked on the composed positions:
 *  - a jukugo compound with a reading longer than its character (要求 よう.きゅう) is set as a
 *    whole, like group-ruby (JLReq §3.3.7 ¶2): its kanji stay solid when the reading can
 *    overhang what lies beside the compound (§3.3.8: kana, a word space, the paragraph end);
 *  - a base with a long reading at a line head is set flush with the line head and its reading
 *    starts with it (JLReq §3.3.8, fig. 3.3.35 variant, rules a and e), so list text lines up.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../src/text/compose.js';
import type { ComposedLine, InlineRun, RubyAnnotation } from '../../src/text/types.js';
import { advanceOf, options, run } from './helpers.js';

const rb = (text: string, reading: string, kind?: RubyAnnotation['kind']): InlineRun => ({
  ...run(text),
  ruby: { text: reading, ...(kind ? { kind } : {}) },
});
const jukugo = (pairs: [string, string][]): InlineRun[] => pairs.map(([b, r]) => rb(b, r, 'jukugo'));
const YOUKYUU = jukugo([['要', 'よう'], ['求', 'きゅう']]);

interface Box {
  text: string;
  x0: number;
  x1: number;
}
const bases = (line: ComposedLine): Box[] =>
  line.runs.flatMap((r) => r.glyphs.map((g) => ({ text: g.text, x0: r.x + g.x, x1: r.x + g.x + advanceOf(g.text) })));
const base = (line: ComposedLine, ch: string): Box => {
  const hits = bases(line).filter((g) => g.text === ch);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};
const reading = (line: ComposedLine, text: string): Box => {
  const hits = (line.rubies ?? [])
    .map((r) => {
      const gs = r.glyphs.map((g) => ({ x0: r.x + g.x, x1: r.x + g.x + advanceOf(g.text, r.style.size) }));
      return { text: r.glyphs.map((g) => g.text).join(''), x0: gs[0]!.x0, x1: gs.at(-1)!.x1 };
    })
    .filter((r) => r.text === text);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};
const lines = (runs: InlineRun[], width = 200, more: Parameters<typeof options>[0] = {}) =>
  composeParagraph(runs, options({ width, ...more })).lines;
const one = (runs: InlineRun[], more: Parameters<typeof options>[0] = {}): ComposedLine => {
  const ls = lines(runs, 200, more);
  expect(ls).toHaveLength(1);
  return ls[0]!;
};

describe('ruby: a jukugo compound with a long reading is set as a whole (JLReq §3.3.7)', () => {
  it('むりな 要求: the kanji stay solid, the readings solid and centred on the compound', () => {
    const line = one([run('むりな '), ...YOUKYUU], { align: 'center' });
    const you = base(line, '要');
    const kyuu = base(line, '求');
    expect(kyuu.x0 - you.x1).toBeLessThan(0.01); // was 2.5 pt (¼ em): 要　求
    const a = reading(line, 'よう');
    const b = reading(line, 'きゅう');
    expect(b.x0).toBeCloseTo(a.x1, 6); // each character keeps its own run, set solid
    expect((a.x0 + b.x1) / 2).toBeCloseTo((you.x0 + kyuu.x1) / 2, 6);
    expect(a.x0).toBeGreaterThanOrEqual(base(line, 'な').x1 - 1e-6); // over the word space, not the kana
    expect(b.x1).toBeLessThanOrEqual(line.width + 1e-6); // the paragraph end keeps the rest
  });

  it('followed by kana the reading overhangs it and the kanji stay solid', () => {
    const line = one([run('その '), ...YOUKYUU, run('を')]);
    expect(base(line, '求').x0 - base(line, '要').x1).toBeLessThan(0.01);
    const o = base(line, 'を');
    expect(reading(line, 'きゅう').x1 - o.x0).toBeLessThanOrEqual(5 + 1e-6); // one ruby character at most
  });

  it('between kanji, what cannot overhang spaces the compound out 1:2:1, the reading solid over it', () => {
    const line = one([run('漢'), ...YOUKYUU, run('山')]);
    const end = base(line, '要').x0 - base(line, '漢').x1;
    expect(end).toBeGreaterThan(0.5);
    expect(base(line, '求').x0 - base(line, '要').x1).toBeCloseTo(2 * end, 6);
    expect(base(line, '山').x0 - base(line, '求').x1).toBeCloseTo(end, 6);
    expect(reading(line, 'よう').x0).toBeCloseTo(base(line, '漢').x1, 6);
    expect(reading(line, 'きゅう').x1).toBeCloseTo(base(line, '山').x0, 6);
  });

  it('a compound whose readings fit their characters still breaks between them', () => {
    const para = lines([run('ああ'), ...jukugo([['行', 'こう'], ['動', 'どう']])], 30);
    expect(para.map((l) => l.text)).toEqual(['ああ行', '動']);
  });
});

describe('ruby: line head (JLReq §3.3.8)', () => {
  const item = [rb('体', 'からだ'), run('を こうげきする')];

  it('a base with a long reading starts flush with the line, its reading with it', () => {
    const line = one(item);
    const karada = reading(line, 'からだ');
    expect(base(line, '体').x0).toBeCloseTo(0, 6); // was 2.5 pt in
    expect(karada.x0).toBeCloseTo(0, 6); // never out past the line head
    const wo = base(line, 'を');
    expect(karada.x1).toBeGreaterThan(wo.x0); // overhanging the kana after it…
    expect(karada.x1 - wo.x0).toBeLessThanOrEqual(Math.min(5, (wo.x1 - wo.x0) / 2) + 1e-6); // …by its limit
  });

  it('lines up with a line without ruby, on every line it starts', () => {
    const runs = [run('ああああ'), rb('体', 'からだ'), run('をいう'), rb('心', 'こころ'), run('もある')];
    for (let width = 22; width <= 80; width += 1) {
      for (const line of lines(runs, width)) {
        const first = bases(line)[0]!;
        expect(first.x0).toBeCloseTo(0, 6);
        for (const r of line.rubies ?? []) {
          expect(r.x).toBeGreaterThanOrEqual(-1e-6);
          const last = r.glyphs.at(-1)!;
          if (line.width <= width + 0.01) expect(r.x + last.x + advanceOf(last.text, 5)).toBeLessThanOrEqual(width + 0.01);
        }
      }
    }
  });

  it('mid-line the same base keeps its reading centred', () => {
    const line = one([run('その '), ...item]);
    const tai = base(line, '体');
    const karada = reading(line, 'からだ');
    expect((karada.x0 + karada.x1) / 2).toBeCloseTo((tai.x0 + tai.x1) / 2, 6);
  });

  it('a centred line that gains nothing from it keeps its reading centred', () => {
    const line = one([rb('体', 'からだ'), run('山')], { align: 'center' });
    const tai = base(line, '体');
    const karada = reading(line, 'からだ');
    expect((karada.x0 + karada.x1) / 2).toBeCloseTo((tai.x0 + tai.x1) / 2, 6);
  });
});
