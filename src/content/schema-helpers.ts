/**
 * Building blocks for the content schemas. zod's own messages are English-only, so every
 * check that is specific to us reports a ready-made bilingual diagnostic through the issue's
 * `params`; `issues.ts` turns the remaining generic zod issues into bilingual text.
 */
import * as z from 'zod';
import type { Localized } from '../diagnostics/diagnostic.js';
import { parseIsoDate } from './wareki.js';
import { suggest } from '../diagnostics/suggest.js';

/** What a custom check reports; file/line/column/path are filled in from the YAML node. */
export interface ContentIssue {
  code: string;
  message: Localized;
  hint?: Localized;
  /** For `content/unknown-field`: the key and its likely intended field (not part of the diagnostic). */
  misspelt?: Misspelt;
}

export interface Misspelt {
  key: string;
  /** The field of `known` that `key` is probably a misspelling of. */
  guess?: string;
  /** The fields expected where `key` is written. */
  known: readonly string[];
}

export function fieldList(fields: readonly string[]): Localized {
  return { ja: `ここに書ける項目: ${fields.join(', ')}`, en: `Fields expected here: ${fields.join(', ')}` };
}

/**
 * A key the schema does not know, with "did you mean" when it is close to a field. When that
 * field is required and missing, issues.ts reports both as one mistake.
 */
export function unknownField(key: string, known: readonly string[]): ContentIssue {
  const guess = suggest(key, known);
  return {
    code: 'content/unknown-field',
    message: { ja: `不明な項目「${key}」があります。`, en: `Unknown field \`${key}\`.` },
    hint: guess ? { ja: `「${guess}」のまちがいではありませんか？`, en: `Did you mean \`${guess}\`?` } : fieldList(known),
    misspelt: { key, known, ...(guess ? { guess } : {}) },
  };
}

interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; params: { content: ContentIssue }; path?: PropertyKey[]; input?: unknown }): void;
}

export function addContentIssue(ctx: IssueSink, issue: ContentIssue, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message: issue.message.en, params: { content: issue }, ...(path ? { path } : {}) });
}

/** Reads back the diagnostic a custom check attached, if any. */
export function contentIssueOf(issue: z.core.$ZodIssue): ContentIssue | undefined {
  if (issue.code !== 'custom') return undefined;
  const c = (issue.params as { content?: ContentIssue } | undefined)?.content;
  return c && typeof c.code === 'string' ? c : undefined;
}

/** Non-empty text. Content is printed verbatim, so we never trim or normalise it. */
export const text = z.string().min(1);

/** A string that must match `re`, with a bilingual explanation when it does not. */
export function textMatching(re: RegExp, issue: ContentIssue) {
  return text.superRefine((v, ctx) => {
    if (!re.test(v)) addContentIssue(ctx, issue);
  });
}

/** YYYY-MM-DD (YAML 1.2 reads an unquoted 2025-08-29 as a string, so no Date objects). */
export const isoDate = text.superRefine((v, ctx) => {
  if (!parseIsoDate(v)) {
    addContentIssue(ctx, {
      code: 'content/invalid-date',
      message: { ja: `日付「${v}」が正しくありません。`, en: `"${v}" is not a valid date.` },
      hint: {
        ja: '実在する日付を 年-月-日 の形で書いてください（例: 2025-08-29）。',
        en: 'Write a real date as YYYY-MM-DD, e.g. 2025-08-29.',
      },
    });
  }
});

export const httpUrl = textMatching(/^https?:\/\/[^\s/$.?#][^\s]*$/, {
  code: 'content/invalid-url',
  message: { ja: 'URLの形式が正しくありません。', en: 'This is not a valid URL.' },
  hint: {
    ja: 'http:// または https:// で始まるアドレスを書いてください。',
    en: 'Write an address starting with http:// or https://.',
  },
});

/** Lower-case kebab-case identifiers: icon names, template names, product ids, theme keys. */
export function identifier(what: Localized) {
  return textMatching(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    code: 'content/invalid-name',
    message: { ja: `${what.ja}の書き方が正しくありません。`, en: `Invalid ${what.en}.` },
    hint: {
      ja: '半角の小文字・数字・「-」だけで書いてください（例: hand-coins）。',
      en: 'Use lower-case letters, digits and "-" only, e.g. hand-coins.',
    },
  });
}

// Hex, functional notation (rgb(), hsl(), oklch() …) or a CSS colour keyword. The markup
// stage owns the exact parsing; this catches obvious slips such as a missing "#".
const CSS_COLOR = /^(#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|[a-z]+\([^()]*\)|[a-z]+)$/i;

export const cssColor = textMatching(CSS_COLOR, {
  code: 'content/invalid-color',
  message: { ja: '色の書き方が正しくありません。', en: 'This is not a CSS colour.' },
  hint: {
    ja: '"#c8102e" のように書いてください（# で始まる値は引用符で囲みます）。',
    en: 'Write it like "#c8102e" (quote values that start with #, or YAML reads them as comments).',
  },
});
