/** Unit tests of the backend's small pieces: /W compaction, subset tags, ToUnicode, numbers. */
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { widthArray } from '../../src/render/pdf/font-embed.js';
import { buildSubset, FontCollector, subsetTag } from '../../src/render/pdf/font-subset.js';
import { num } from '../../src/render/pdf/pdf-number.js';
import { checksum } from '../../src/render/pdf/sfnt.js';
import { buildToUnicodeCMap, utf16beHex } from '../../src/render/pdf/tounicode.js';
import { gothic, textRun } from '../helpers/displayDoc.js';

/** Expands a /W array back to cid → width, as a PDF reader does. */
function expandW(dw: number, w: Array<number | number[]>, cids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of cids) out.set(c, dw);
  for (let i = 0; i < w.length; ) {
    const first = w[i] as number;
    const next = w[i + 1]!;
    if (Array.isArray(next)) {
      next.forEach((v, k) => out.set(first + k, v));
      i += 2;
    } else {
      for (let c = first; c <= next; c++) out.set(c, w[i + 2] as number);
      i += 3;
    }
  }
  return out;
}

describe('widthArray', () => {
  it('round-trips and leaves the most common width to /DW', () => {
    const widths = new Map<number, number>([
      [1, 1000],
      [2, 1000],
      [3, 500],
      [4, 500],
      [5, 500],
      [6, 250],
      [7, 1000],
      [9, 333.5],
      [10, 1000],
    ]);
    const { dw, w } = widthArray(widths);
    expect(dw).toBe(1000);
    expect(w).toEqual([3, 5, 500, 6, [250], 9, [333.5]]);
    expect(expandW(dw, w, widths.keys())).toEqual(widths);
  });

  it('round-trips the widths of a real subset', () => {
    const face = gothic();
    const collector = new FontCollector();
    collector.add(face, textRun(face, 'カスタマー・ハラスメント対策 ABC abc 123（）「」、。', 0, 0).glyphs);
    const subset = buildSubset(collector.all()[0]!);
    const { dw, w } = widthArray(subset.widths);
    expect(expandW(dw, w, subset.widths.keys())).toEqual(subset.widths);
    // /W agrees with the font's hmtx (rounded to 1/1000 of a glyph unit).
    for (const [gid, cid] of subset.cidOf) {
      expect(subset.widths.get(cid)).toBeCloseTo((face.advance(gid) * 1000) / face.unitsPerEm, 3);
    }
  });
});

/** TrueType version tag, records sorted by tag, 4-byte aligned, checksums right. */
function expectConformantSfnt(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint32(0)).toBe(0x00010000);
  const n = view.getUint16(4);
  const tags: string[] = [];
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
    tags.push(tag);
    const offset = view.getUint32(rec + 8);
    expect(offset % 4).toBe(0);
    if (tag !== 'head') expect(view.getUint32(rec + 4)).toBe(checksum(bytes, offset, view.getUint32(rec + 12)));
  }
  expect(tags).toEqual([...tags].sort());
  expect(tags).toEqual(expect.arrayContaining(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
  expect(checksum(bytes, 0, bytes.length)).toBe(0xb1b0afba); // head.checkSumAdjustment
}

describe('subset', () => {
  it('maps glyphs to consecutive CIDs from 1 (0 is .notdef) in glyph-id order', () => {
    const face = gothic();
    const collector = new FontCollector();
    collector.add(face, textRun(face, '職場安全', 0, 0).glyphs);
    const subset = buildSubset(collector.all()[0]!);
    const gids = [...subset.cidOf.keys()].sort((a, b) => a - b);
    expect(gids.map((g) => subset.cidOf.get(g))).toEqual([1, 2, 3, 4]);
    expect(subset.baseFont).toMatch(/^[A-Z]{6}\+BIZUDPGothic-Regular$/);
    expectConformantSfnt(subset.bytes);
    // And fontkit (an independent parser of the rewritten directory) reads the glyphs back.
    const reparsed = fontkit.create(Buffer.from(subset.bytes)) as fontkit.Font;
    expect(reparsed.numGlyphs).toBe(5);
    for (const [gid, cid] of subset.cidOf) {
      expect(reparsed.getGlyph(cid).path.commands).toEqual(face.font.getGlyph(gid).path.commands);
    }
  });

  it('tags depend on face and glyph set only', () => {
    expect(subsetTag('A', [1, 2, 3])).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('A', [1, 2, 3])).toBe(subsetTag('A', [1, 2, 3]));
    expect(subsetTag('A', [1, 2, 3])).not.toBe(subsetTag('A', [1, 2, 4]));
    expect(subsetTag('A', [1, 2, 3])).not.toBe(subsetTag('B', [1, 2, 3]));
  });
});

describe('ToUnicode', () => {
  it('writes UTF-16BE, surrogate pairs included, without NUL or BOMs', () => {
    expect(utf16beHex('あ')).toBe('3042');
    expect(utf16beHex('𠮷')).toBe('D842DFB7');
    expect(utf16beHex('\uFEFFf\u0000i\uFFFE')).toBe('00660069');
  });

  it('splits bfchar blocks at 100 and skips empty texts', () => {
    const entries = Array.from({ length: 150 }, (_, i) => [i + 1, i === 5 ? '' : 'あ'] as [number, string]);
    const cmap = buildToUnicodeCMap(entries);
    expect(cmap).toContain('100 beginbfchar');
    expect(cmap).toContain('49 beginbfchar');
    expect(cmap).not.toContain('<0006>');
    expect(cmap).toContain('<0007> <3042>');
  });
});

describe('num', () => {
  it('writes plain decimals without exponents or negative zero', () => {
    expect(num(12.5)).toBe('12.5');
    expect(num(3)).toBe('3');
    expect(num(-0.0001)).toBe('0');
    expect(num(1e-7)).toBe('0');
    expect(num(841.89 - 100.25)).toBe('741.64');
    expect(() => num(Number.NaN)).toThrow(/non-finite/);
  });
});
