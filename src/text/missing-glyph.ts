/**
 * A character the font cannot draw is a build error, not tofu in a printed poster: the
 * message names the character, the font and where the text came from, and suggests a
 * look-alike the font does have when we know one.
 */
import { type Diagnostic, UserInputError } from '../diagnostics/diagnostic.js';
import type { FontFace } from '../fonts/registry.js';
import type { ItemOrigin } from '../layout/display-list.js';

export interface MissingGlyph {
  char: string;
  face: FontFace;
  origin?: ItemOrigin;
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

export function missingGlyphDiagnostic({ char, face, origin }: MissingGlyph): Omit<Diagnostic, 'severity'> {
  const code = hex(char.codePointAt(0)!);
  // The file, line and field lead the printed diagnostic; the message names the element.
  const en = `The font "${face.family}" has no glyph for "${char}" (${code})${origin?.element ? ` in ${origin.element}` : ''}.`;
  const ja = `フォント「${face.family}」には「${char}」（${code}）の字形がありません${origin?.element ? `（${origin.element}）` : ''}。`;
  const alike = LOOK_ALIKES[char];
  const usable = alike !== undefined && face.glyphId(alike.codePointAt(0)!) !== 0 ? alike : undefined;
  const hint = usable
    ? {
        ja: `「${usable}」（${hex(usable.codePointAt(0)!)}）に置き換えるか、アイコンを使ってください。`,
        en: `Use "${usable}" (${hex(usable.codePointAt(0)!)}) instead, or an icon.`,
      }
    : {
        ja: 'アイコンを使うか、このフォントにある別の文字に置き換えてください。',
        en: 'Use an icon instead, or another character that the font has.',
      };
  return {
    code: 'text/missing-glyph',
    message: { ja, en },
    hint,
    ...(origin?.file !== undefined ? { file: origin.file } : {}),
    ...(origin?.line !== undefined ? { line: origin.line } : {}),
    ...(origin?.path !== undefined ? { path: origin.path } : {}),
  };
}

/** One error carrying every missing character of the paragraph, so the author fixes them at once. */
export function missingGlyphError(missing: readonly MissingGlyph[]): UserInputError {
  return new UserInputError(missing.map((m) => ({ severity: 'error' as const, ...missingGlyphDiagnostic(m) })));
}
