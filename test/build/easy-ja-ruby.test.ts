/**
 * The やさしい日本語 poster as printed (pdf.js glyph boxes): 要求 (よう.きゅう) keeps its kanji
 * solid (JLReq §3.3.7: a compound with a long reading is set as a whole), and the checklist
 * items line up although some start with a kanji whose reading is longer than it (体 からだ:
 * JLReq §3.3.8, base flush with the line head, the reading starting with it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, OKAYAMA_DIR, pdfGlyphs, type Built, type PdfGlyph } from './support.js';

describe('やさしい日本語 poster: ruby at compounds and line heads', () => {
  let built: Built;
  let glyphs: PdfGlyph[];
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], variants: ['easy-ja'], products: ['poster'] });
    glyphs = (await pdfGlyphs(built.read('okayama-easy-ja', 'poster-a4.pdf'))).flatMap((p) => p.glyphs);
  }, 120_000);
  afterAll(() => built?.cleanup());

  const sameRow = (a: PdfGlyph, b: PdfGlyph) => Math.abs(a.box.y - b.box.y) < 0.01 && a.size === b.size;

  it('要求: no space between 要 and 求', () => {
    const you = glyphs.filter((g) => g.unicode === '要');
    const pairs = you.map((y) => [y, glyphs.find((g) => g.unicode === '求' && sameRow(g, y) && g.box.x > y.box.x)] as const);
    const found = pairs.filter(([, k]) => k !== undefined);
    expect(found).toHaveLength(1);
    const [y, k] = found[0]!;
    expect(k!.box.x - (y.box.x + y.box.width)).toBeLessThan(0.01 * y.size); // was ¼ em
  });

  it('the checklist items start at one x, and 体’s reading does not reach out before it', () => {
    const tai = glyphs.find((g) => g.unicode === '体')!;
    const rows = new Map<number, PdfGlyph[]>();
    for (const g of glyphs) {
      if (g.size !== tai.size || g.box.y < tai.box.y - 0.01) continue;
      const key = Math.round(g.box.y * 100);
      rows.set(key, [...(rows.get(key) ?? []), g]);
    }
    const firsts = [...rows.values()]
      .map((row) => row.reduce((a, b) => (b.box.x < a.box.x ? b : a)))
      .filter((g) => '体心そ何性土こ差'.includes(g.unicode) && Math.abs(g.box.x - tai.box.x) < tai.size);
    expect(firsts.map((g) => g.unicode).join('')).toBe('体心そ何性土こ差');
    for (const g of firsts) expect(g.box.x).toBeCloseTo(tai.box.x, 2); // 体 and 心 were ¼ em in
    const ka = glyphs.find((g) => g.unicode === 'か' && g.size < tai.size * 0.6 && Math.abs(g.box.x - tai.box.x) < tai.size / 2)!;
    expect(ka.box.x).toBeGreaterThanOrEqual(tai.box.x - 0.01);
  });
});
