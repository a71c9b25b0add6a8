/**
 * A character the fonts cannot draw is a build error, not tofu in a printed poster (the
 * coverage gate): the message names the character, its code point, the fonts tried (the
 * fallback chain of the text's language), the document and where the text came from, and
 * suggests a look-alike or a font that has it when we know one.
 */
import { type Diagnostic, type Localized, UserInputError } from '../diagnostics/diagnostic.js';
import type { FontChain } from '../fonts/chain.js';
import type { FontFace } from '../fonts/registry.js';
import type { ItemOrigin } from '../layout/display-list.js';

export interface MissingGlyph {
  char: string;
  face: FontFace;
  /** The fallback chain that was searched, when the text had one. */
  chain?: FontChain;
  origin?: ItemOrigin;
  /** More characters of the same field and chain, reported in the same diagnostic. */
  others?: string[];
  /** The document being built (its template), when it is not the origin's file. */
  document?: string;
  /** Registered families outside the chain that have the character, with their languages. */
  elsewhere?: { family: string; languages: readonly string[] }[];
}

// Common symbols missing from the BIZ UD fonts, with a look-alike those fonts include.
const LOOK_ALIKES: Record<string, string> = {
  '✔': '✓',
  '✅': '✓',
  '☑': '✓',
  '✖': '×',
  '✕': '×',
  '❌': '×',
  '➡': '→',
  '⚠': '※',
  '❗': '！',
  '❓': '？',
  '⭐': '★',
  '☎': '℡',
  '📞': '℡',
};

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function missingGlyphDiagnostic(m: MissingGlyph): Omit<Diagnostic, 'severity'> {
  if (m.chain && m.chain.families.length > 1) return missingInChain(m, m.chain);
  const { char, face, origin } = m;
  const code = hex(char.codePointAt(0)!);
  // The file, line and field lead the printed diagnostic; the message names the element.
  const en = `The font "${face.family}" has no glyph for "${char}" (${code})${origin?.element ? ` in ${origin.element}` : ''}.`;
  const ja = `フォント「${face.family}」には「${char}」（${code}）の字形がありません${origin?.element ? `（${origin.element}）` : ''}。`;
  const alike = LOOK_ALIKES[char];
  const hint = alike !== undefined && face.glyphId(alike.codePointAt(0)!) !== 0
    ? lookAlikeHint(alike)
    : {
        ja: 'アイコンを使うか、このフォントにある別の文字に置き換えてください。',
        en: 'Use an icon instead, or another character that the font has.',
      };
  return located({ code: 'text/missing-glyph', message: { ja, en }, hint }, origin);
}

function lookAlikeHint(alike: string): Localized {
  return {
    ja: `「${alike}」（${hex(alike.codePointAt(0)!)}）に置き換えるか、アイコンを使ってください。`,
    en: `Use "${alike}" (${hex(alike.codePointAt(0)!)}) instead, or an icon.`,
  };
}

/** The diagnostic at the content field the text came from. */
function located(d: Omit<Diagnostic, 'severity'>, origin: MissingGlyph['origin']): Omit<Diagnostic, 'severity'> {
  return {
    ...d,
    ...(origin?.file !== undefined ? { file: origin.file } : {}),
    ...(origin?.line !== undefined ? { line: origin.line } : {}),
    ...(origin?.path !== undefined ? { path: origin.path } : {}),
  };
}

function missingInChain({ char, others, origin, document, elsewhere }: MissingGlyph, c: FontChain): Omit<Diagnostic, 'severity'> {
  const chars = [char, ...(others ?? [])];
  const fonts = c.families.join(' → ');
  const where = [origin?.element, document !== undefined && document !== origin?.file ? document : undefined].filter(Boolean);
  const en = `No font for ${c.lang ? `lang="${c.lang}"` : 'this'} text has ${chars.map((ch) => `"${ch}" (${hex(ch.codePointAt(0)!)})`).join(', ')}: ${fonts}${where.length ? ` (${where.join(', ')})` : ''}.`;
  const ja = `${chars.map((ch) => `「${ch}」（${hex(ch.codePointAt(0)!)}）`).join('、')}の字形は、${c.lang ? `lang="${c.lang}" の` : 'この'}文字に使うフォント（${fonts}）のどれにもありません${where.length ? `（${where.join('、')}）` : ''}。`;
  const other = elsewhere?.find((e) => e.languages.length > 0);
  const alike = LOOK_ALIKES[char];
  const hint = other
    ? {
        ja: `${other.family} にはあります。その部分を lang="${other.languages[0]}" の要素で囲むか、fonts/registry.yaml の fallback.${c.lang ?? 'default'} に ${other.family} を加えてください。`,
        en: `${other.family} has it: mark that text with lang="${other.languages[0]}", or add ${other.family} to fallback.${c.lang ?? 'default'} in fonts/registry.yaml.`,
      }
    : alike !== undefined && c.indexOf(alike.codePointAt(0)!) >= 0
      ? lookAlikeHint(alike)
      : {
          ja: 'アイコンを使うか、別の文字に置き換えてください。その文字のあるフォントを fonts/registry.yaml に登録することもできます（README「フォント」）。',
          en: 'Use an icon or another character instead, or register a font that has it in fonts/registry.yaml (README, "Fonts").',
        };
  return located({ code: 'text/missing-glyph', message: { ja, en }, hint }, origin);
}

/** One error carrying every missing character of the paragraph, so the author fixes them at once. */
export function missingGlyphError(missing: readonly MissingGlyph[]): UserInputError {
  return new UserInputError(missing.map((m) => ({ severity: 'error' as const, ...missingGlyphDiagnostic(m) })));
}
