/**
 * The regression corpus (test/fixtures/corpus/) and its checks, shared by
 * test/text/corpus.test.ts (the composer) and test/cli/typeset.test.ts (the CLI path).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultFontRegistry, PROJECT_ROOT } from '../../src/fonts/registry.js';
import { CL, jlreqClass } from '../../src/text/classes.js';
import { composeParagraph } from '../../src/text/compose.js';
import type { ComposedParagraph, InlineRun, ParagraphOptions, TextStyle } from '../../src/text/types.js';

export interface CorpusEntry {
  id: string;
  kind?: 'quoted' | 'constructed';
  source: string;
  from: string;
  text: string;
}

const CORPUS_DIR = join(PROJECT_ROOT, 'test/fixtures/corpus');
export const SHARED = join(PROJECT_ROOT, '../shared');
export const PARAGRAPHS: CorpusEntry[] = parse(readFileSync(join(CORPUS_DIR, 'paragraphs.yaml'), 'utf8')).paragraphs;
export const HEADLINES: CorpusEntry[] = parse(readFileSync(join(CORPUS_DIR, 'headlines.yaml'), 'utf8')).headlines;

/** Measures in em of the policy body text (10.5 pt), as `typeset --measure 22em` takes them. */
export const MEASURES = [15, 22, 33] as const;
export const EM = 10.5;

const fonts = defaultFontRegistry();
const color = { space: 'rgb', r: 0, g: 0, b: 0 } as const;
/**
 * templates/policy.hbs: body BIZ UDPMincho 10.5 pt, justify; p text-indent 1em; UA text-wrap pretty
 * and overflow-wrap break-word (a URL wider than the measure breaks inside rather than overflow).
 */
const BODY: TextStyle = { face: fonts.resolve(['BIZ UDPMincho'], 400), size: EM, color, letterSpacing: 0 };
/** templates/policy.hbs h1: BIZ UDPGothic 700 16 pt, centred, word-break: auto-phrase, text-wrap: balance. */
export const HEADLINE: TextStyle = { face: fonts.resolve(['BIZ UDPGothic'], 700), size: 16, color, letterSpacing: 0 };

export function bodyOptions(em: number): ParagraphOptions {
  return {
    width: em * EM, indent: EM, align: 'justify', alignLast: 'auto', lineBreak: 'strict', phrases: false, wrap: 'pretty', overflowWrap: 'break-word',
  }; // prettier-ignore
}
export function headlineOptions(em: number): ParagraphOptions {
  return {
    width: em * EM, indent: 0, align: 'center', alignLast: 'auto', lineBreak: 'strict', phrases: true, wrap: 'balance', overflowWrap: 'break-word',
  }; // prettier-ignore
}

export const composeBody = (text: string, em: number): ComposedParagraph => composeParagraph([{ text, style: BODY }], bodyOptions(em));
export const composeHeadline = (text: string, em: number): ComposedParagraph =>
  composeParagraph([{ text, style: HEADLINE } satisfies InlineRun], headlineOptions(em));

/**
 * Known composer faults, `id@measure` → what is wrong. Each is `it.fails` in corpus.test.ts; remove the
 * entry when the composer is fixed (the test then fails as a reminder).
 */
export const KNOWN_FAULTS: Record<string, string> = {
  // None at present. (press-url and built-tokyo at 15 and 22 em overflowed with their URL,
  // 313.1 and 282.0 pt wide, until overflow-wrap: break-word let over-long words break.)
};

const START_FORBIDDEN = new Set<number>([
  CL.close, CL.hyphen, CL.divide, CL.middle, CL.fullStop, CL.comma, CL.iteration, CL.prolonged, CL.smallKana, CL.postfix,
]);
const END_FORBIDDEN = new Set<number>([CL.open, CL.prefix]);
const visible = (s: string): string[] => [...s.replace(/\s/g, '')];
const name = (ch: string): string => `${ch} (cl-${String(jlreqClass(ch.codePointAt(0)!)).padStart(2, '0')})`;

/** Where each line starts in `text`; undefined when the lines do not give the text back. */
export function lineStarts(text: string, lines: readonly string[]): number[] | undefined {
  const starts: number[] = [];
  let pos = 0;
  for (const [i, line] of lines.entries()) {
    if (i > 0) while (/\s/.test(text[pos] ?? '')) pos++; // spaces dropped at the break
    if (text.slice(pos, pos + line.length) !== line) return undefined;
    starts.push(pos);
    pos += line.length;
  }
  return pos === text.length ? starts : undefined;
}

/** Every fault of one composed paragraph, in words (empty when it is set correctly). */
export function faults(text: string, lines: readonly { text: string; width: number }[], width: number, overflows = false): string[] {
  const out: string[] = [];
  if (!lineStarts(text, lines.map((l) => l.text))) out.push(`lost text: the lines ${JSON.stringify(lines.map((l) => l.text))} do not give the paragraph back`);
  if (overflows) out.push('the composer reports an overflow');
  lines.forEach((l, i) => {
    const n = i + 1;
    if (l.width > width + 0.01) out.push(`line ${n} 「${l.text}」 is ${l.width.toFixed(2)} pt wide, over the ${width} pt measure`);
    const chars = [...l.text];
    if (i > 0 && chars.length > 0 && START_FORBIDDEN.has(jlreqClass(chars[0]!.codePointAt(0)!))) out.push(`line ${n} starts with ${name(chars[0]!)}`);
    const last = visible(l.text).at(-1);
    if (i < lines.length - 1 && last && END_FORBIDDEN.has(jlreqClass(last.codePointAt(0)!))) out.push(`line ${n} ends with ${name(last)}`);
  });
  const lastLine = lines.at(-1)?.text ?? '';
  if (lines.length > 1 && visible(lastLine).length <= 2) out.push(`last line 「${lastLine}」 has ${visible(lastLine).length} character(s)`);
  return out;
}

