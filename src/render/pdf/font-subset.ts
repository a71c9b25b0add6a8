/**
 * Collects the glyphs each face uses in a document and subsets the face with upstream
 * fontkit 2 (NOT @pdf-lib/fontkit, whose subsetter blanks Japanese glyphs: pdf-lib#1232).
 * One subset per face per document, shared by every page.
 */
import { createHash } from 'node:crypto';
import type { FontFace } from '../../fonts/registry.js';
import { userError } from '../../diagnostics/diagnostic.js';
import type { PositionedGlyph } from '../../layout/display-list.js';
import { round } from './pdf-number.js';
import { normalizeSfnt } from './sfnt.js';

/** What a document uses of one face; filled while walking the display list. */
export interface FontUse {
  /** Resource name on the pages, "F1", "F2", … in order of first use. */
  resource: string;
  face: FontFace;
  /** Original glyph id → the first text seen for it (ToUnicode has one entry per glyph). */
  texts: Map<number, string>;
}

export class FontCollector {
  private readonly uses = new Map<FontFace, FontUse>();

  add(face: FontFace, glyphs: readonly PositionedGlyph[]): FontUse {
    let use = this.uses.get(face);
    if (!use) {
      use = { resource: `F${this.uses.size + 1}`, face, texts: new Map() };
      this.uses.set(face, use);
    }
    const numGlyphs = face.font.numGlyphs;
    for (const g of glyphs) {
      if (!Number.isInteger(g.id) || g.id < 0 || g.id >= numGlyphs) {
        throw new Error(`renderPdf: glyph id ${g.id} out of range for ${face.key} (${numGlyphs} glyphs)`);
      }
      if (!use.texts.has(g.id)) use.texts.set(g.id, g.text);
    }
    return use;
  }

  all(): FontUse[] {
    return [...this.uses.values()];
  }
}

export interface SubsetFont {
  resource: string;
  face: FontFace;
  /** "ABCDEF+PostScriptName". */
  baseFont: string;
  /** The TrueType bytes for FontFile2. */
  bytes: Uint8Array;
  /** Subset glyph id (= CID under Identity-H / CIDToGIDMap Identity) for an original glyph id. */
  cidOf: Map<number, number>;
  /** Width of each CID we show, in 1/1000 em, rounded exactly as written to /W. */
  widths: Map<number, number>;
  /** CID → text, sorted by CID, for the ToUnicode CMap. */
  unicode: Array<[number, string]>;
}

/** The runtime API of fontkit 2's Subset; @types/fontkit says includeGlyph returns boolean. */
interface FontkitSubset {
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

export function buildSubset(use: FontUse): SubsetFont {
  const { face } = use;
  const font = face.font as unknown as { directory?: { tables?: Record<string, unknown> } };
  if (font.directory?.tables?.['CFF '] || font.directory?.tables?.['CFF2']) {
    // fontkit emits a bare CFF for these, which needs CIDFontType0/FontFile3 — not written yet.
    throw userError({
      code: 'render/pdf-cff-font',
      message: {
        ja: `フォント ${face.postscriptName} は CFF 形式（OpenType/CFF）のため、まだ PDF に埋め込めません。`,
        en: `Font ${face.postscriptName} has CFF outlines, which the PDF backend cannot embed yet.`,
      },
      hint: {
        ja: 'TrueType 形式（.ttf）のフォントを登録してください。',
        en: 'Register a TrueType (.ttf) font instead.',
      },
      file: face.file,
    });
  }
  // Include glyphs in original-id order so the subset depends only on the glyph set,
  // which is also what the tag is derived from.
  const gids = [...use.texts.keys()].sort((a, b) => a - b);
  const subset = face.font.createSubset() as unknown as FontkitSubset;
  const cidOf = new Map<number, number>();
  const widths = new Map<number, number>();
  const unicode: Array<[number, string]> = [];
  for (const gid of gids) {
    const cid = subset.includeGlyph(gid);
    cidOf.set(gid, cid);
    widths.set(cid, round((face.advance(gid) * 1000) / face.unitsPerEm));
    unicode.push([cid, use.texts.get(gid)!]);
  }
  unicode.sort((a, b) => a[0] - b[0]);
  return {
    resource: use.resource,
    face,
    baseFont: `${subsetTag(face.postscriptName, gids)}+${face.postscriptName}`,
    bytes: normalizeSfnt(subset.encode()),
    cidOf,
    widths,
    unicode,
  };
}

/** Six uppercase letters from a hash of the face and glyph set (PDF 32000-1 §9.6.4). */
export function subsetTag(postscriptName: string, gids: readonly number[]): string {
  const digest = createHash('sha256').update(`${postscriptName}\0${gids.join(',')}`).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}
