/**
 * The half-em frame of a punctuation mark inside its advance (punctuation.ts explains the
 * model): from the font's `halt` feature when it has one, else from the glyph's ink box.
 */
import type { FontFace } from '../fonts/registry.js';
import { ROLE } from './punctuation-role.js';

/** A mark's half-em frame inside its advance, in font units: blank before / after it, its width. */
export interface Frame {
  before: number;
  after: number;
  width: number;
}

const frames = new WeakMap<FontFace, Map<number, Frame>>();

export function frameOf(face: FontFace, glyphId: number, role: number, cp: number): Frame {
  let perFace = frames.get(face);
  if (!perFace) {
    perFace = new Map();
    frames.set(face, perFace);
  }
  const key = glyphId * 8 + role;
  let f = perFace.get(key);
  if (!f) {
    f = haltFrame(face, glyphId, cp) ?? computeFrame(face, glyphId, role);
    perFace.set(key, f);
  }
  return f;
}

/** The frame the font's own `halt` sets for the glyph, if it has the feature (punctuation.ts). */
function haltFrame(face: FontFace, glyphId: number, cp: number): Frame | undefined {
  if (!face.font.availableFeatures.includes('halt')) return undefined;
  const { glyphs, positions } = face.font.layout(String.fromCodePoint(cp), ['halt']);
  if (glyphs.length !== 1 || glyphs[0]!.id !== glyphId) return undefined;
  const { xAdvance, xOffset } = positions[0]!;
  if (!(xAdvance > 0)) return undefined;
  const start = -xOffset;
  return { before: start, after: face.advance(glyphId) - (start + xAdvance), width: xAdvance };
}

function computeFrame(face: FontFace, glyphId: number, role: number): Frame {
  const adv = face.advance(glyphId);
  const half = face.unitsPerEm / 2;
  const box = face.font.getGlyph(glyphId).bbox;
  const inked = Number.isFinite(box.minX) && Number.isFinite(box.maxX) && box.maxX > box.minX;
  const minX = inked ? box.minX : adv / 2;
  const maxX = inked ? box.maxX : adv / 2;
  let start: number;
  let end: number;
  if (role === ROLE.open) {
    end = Math.max(adv, maxX);
    start = Math.min(end - half, minX);
  } else if (role === ROLE.middle) {
    start = Math.min(adv / 2 - half / 2, minX);
    end = Math.max(adv / 2 + half / 2, maxX);
  } else {
    start = Math.min(0, minX);
    end = Math.max(start + half, maxX);
  }
  return { before: start, after: adv - end, width: end - start };
}
