/**
 * Hand-built display lists for backend tests: no shaping, no line breaking — one glyph per
 * code point from the cmap, advanced by its hmtx width (plus optional letter-spacing).
 */
import type { Color, DisplayDocument, DisplayPage, GlyphRun, PathItem } from '../../src/layout/display-list.js';
import { defaultFontRegistry, type FontFace } from '../../src/fonts/registry.js';

export const A4: [number, number] = [595.28, 841.89];
export const BLACK: Color = { space: 'rgb', r: 0, g: 0, b: 0 };
export const FIXED_DATE = new Date(Date.UTC(2025, 0, 15, 9, 30, 0));

export function gothic(weight: 400 | 700 = 400): FontFace {
  return defaultFontRegistry().resolve(['sans-serif'], weight);
}

export function mincho(weight: 400 | 700 = 400): FontFace {
  return defaultFontRegistry().resolve(['serif'], weight);
}

export interface RunOptions {
  size?: number;
  color?: Color;
  letterSpacing?: number;
}

export function textRun(face: FontFace, text: string, x: number, y: number, o: RunOptions = {}): GlyphRun {
  const size = o.size ?? 12;
  let pen = 0;
  const glyphs = [...text].map((ch) => {
    const id = face.glyphId(ch.codePointAt(0)!);
    const advance = (face.advance(id) * size) / face.unitsPerEm + (o.letterSpacing ?? 0);
    const g = { id, text: ch, x: pen, advance };
    pen += advance;
    return g;
  });
  return { kind: 'glyphs', font: face, size, color: o.color ?? BLACK, x, y, glyphs };
}

export function rectPath(x: number, y: number, w: number, h: number, style: Omit<PathItem, 'kind' | 'commands'>): PathItem {
  return {
    kind: 'path',
    commands: [
      { op: 'M', x, y },
      { op: 'L', x: x + w, y },
      { op: 'L', x: x + w, y: y + h },
      { op: 'L', x, y: y + h },
      { op: 'Z' },
    ],
    ...style,
  };
}

export function makeDoc(pages: DisplayPage[], title = 'テスト文書'): DisplayDocument {
  return { pages, meta: { title, lang: 'ja', date: FIXED_DATE } };
}
