/** Shared test setup for the line composer: the real font, styles, fixtures and invariants. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { defaultFontRegistry, PROJECT_ROOT } from '../../src/fonts/registry.js';
import type { ComposedParagraph, InlineRun, ParagraphOptions, TextStyle } from '../../src/text/types.js';

/** BIZ UDPGothic 400: proportional; 、。 0.6 em, 「」（） 0.5 em, kana/kanji about 1 em. */
export const gothic = defaultFontRegistry().resolve(['sans-serif'], 400);

export function style(size = 10, letterSpacing = 0): TextStyle {
  return { face: gothic, size, color: { space: 'rgb', r: 0, g: 0, b: 0 }, letterSpacing };
}

export function run(text: string, size = 10, letterSpacing = 0): InlineRun {
  return { text, style: style(size, letterSpacing) };
}

export function options(overrides: Partial<ParagraphOptions> = {}): ParagraphOptions {
  return {
    width: 200,
    indent: 0,
    align: 'start',
    alignLast: 'auto',
    lineBreak: 'strict',
    phrases: false,
    wrap: 'wrap',
    ...overrides,
  };
}

export function fixture(name: string): string {
  return readFileSync(join(PROJECT_ROOT, 'test/fixtures/text', name), 'utf8');
}

/** Non-empty lines of a fixture file: each is one paragraph. */
export function paragraphs(name: string): string[] {
  return fixture(name)
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** Advance of one character in pt at `size`, as the font has it. */
export function advanceOf(ch: string, size = 10): number {
  return (gothic.advance(gothic.glyphId(ch.codePointAt(0)!)) * size) / gothic.unitsPerEm;
}

/**
 * Checks that the lines reproduce the input: between two lines only dropped break spaces and
 * at most one "\n" may be missing. Returns, per line, whether it ended with a forced break.
 */
export function expectReconstructs(input: string, para: ComposedParagraph): boolean[] {
  const forced: boolean[] = [];
  let pos = 0;
  for (const line of para.lines) {
    expect(input.slice(pos, pos + line.text.length)).toBe(line.text);
    pos += line.text.length;
    const gap = /^[ \t]*(\n)?/.exec(input.slice(pos))!;
    forced.push(gap[1] !== undefined);
    pos += gap[0].length;
  }
  expect(pos).toBe(input.length);
  return forced;
}

/** Glyph ids of a line, joined back into text (checks what is drawn, not only line.text). */
export function drawnText(para: ComposedParagraph, line: number): string {
  return para.lines[line]!.runs.flatMap((r) => r.glyphs.map((g) => g.text)).join('');
}
