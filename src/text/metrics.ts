/**
 * Glyph lookup and advances in points, cached per (face, size, letter-spacing) so a paragraph
 * measured again — yoga asks several times per flex line — costs one Map lookup per character.
 */
import type { FontFace } from '../fonts/registry.js';

export interface StyleMetrics {
  readonly face: FontFace;
  readonly size: number;
  readonly letterSpacing: number;
  /** Points per font unit. */
  readonly scale: number;
  readonly ascent: number;
  readonly descent: number;
  /** Glyph id (0 = missing) and advance in pt without letter-spacing. */
  glyph(cp: number): GlyphMetrics;
}

export interface GlyphMetrics {
  readonly id: number;
  readonly advance: number;
  /** The code point as a string (shared, so positioned glyphs do not each allocate one). */
  readonly text: string;
}

// Keyed by the face object, not face.key: two registries may map one key to different files.
const perFace = new WeakMap<FontFace, Map<string, StyleMetrics>>();

export function styleMetrics(face: FontFace, size: number, letterSpacing: number): StyleMetrics {
  let bySize = perFace.get(face);
  if (!bySize) {
    bySize = new Map();
    perFace.set(face, bySize);
  }
  const key = `${size}|${letterSpacing}`;
  let m = bySize.get(key);
  if (!m) {
    m = makeMetrics(face, size, letterSpacing);
    bySize.set(key, m);
  }
  return m;
}

function makeMetrics(face: FontFace, size: number, letterSpacing: number): StyleMetrics {
  const scale = size / face.unitsPerEm;
  const glyphs = new Map<number, GlyphMetrics>();
  return {
    face,
    size,
    letterSpacing,
    scale,
    ascent: face.ascender * scale,
    descent: -face.descender * scale,
    glyph(cp) {
      let g = glyphs.get(cp);
      if (!g) {
        const id = face.glyphId(cp);
        g = { id, advance: id === 0 ? 0 : face.advance(id) * scale, text: String.fromCodePoint(cp) };
        glyphs.set(cp, g);
      }
      return g;
    },
  };
}
