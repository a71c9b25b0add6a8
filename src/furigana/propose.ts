/**
 * Proposes a reading for every kanji word of a content file with kuromoji (IPADIC), for a
 * person to check: the proposals go into a review file (`poster.readings.yaml`), each with
 * `reviewed: false`. A morphological analyser is often right and sometimes wrong (名 な/めい,
 * 日 ひ/にち), which is why the build never uses a reading nobody has reviewed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji, { type Tokenizer } from 'kuromoji';
import { formatPath } from '../content/yaml-source.js';
import { textFields } from './check.js';
import { KANJI, RUBY_MARKUP } from './markup.js';
import type { Readings } from './readings.js';

let tokenizer: Promise<Tokenizer> | undefined;

/** Loaded once per process (about half a second: the dictionary is 17 MB). */
export function loadTokenizer(): Promise<Tokenizer> {
  const dicPath = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  tokenizer ??= new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t))));
  return tokenizer;
}

function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * Splits a token into its kanji runs with their readings, using the kana around them:
 * 取り消し/とりけし → 取:と, 消:け. Undefined when the reading does not fit the spelling.
 */
export function alignReading(surface: string, reading: string): { word: string; reading: string }[] | undefined {
  const parts = surface.match(/[\p{Script=Han}々〆ヶ]+|[^\p{Script=Han}々〆ヶ]+/gu) ?? [];
  const kanji = parts.filter((p) => KANJI.test(p));
  const re = new RegExp(`^${parts.map((p) => (KANJI.test(p) ? '(.+?)' : escapeRe(toHiragana(p)))).join('')}$`, 'u');
  const m = re.exec(toHiragana(reading));
  if (!m) return undefined;
  return kanji.map((word, i) => ({ word, reading: m[i + 1]! }));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type Entry = Readings['readings'][number];

/**
 * One entry per kanji word and field (a word repeated in a field is one entry, as the build
 * applies an entry to every occurrence in its field). `lineOf` gives the line of a field.
 */
export function proposeReadings(data: unknown, t: Tokenizer, lineOf: (field: string) => number | undefined): Entry[] {
  const out: Entry[] = [];
  for (const { path: p, text } of textFields(data)) {
    const field = formatPath(p);
    const line = lineOf(field);
    const seen = new Set<string>();
    // Text already marked up has a reading someone wrote: only the rest is analysed.
    for (const segment of text.split(RUBY_MARKUP).filter((_, i) => i % 3 === 0)) {
      for (const tok of t.tokenize(segment)) {
        if (!KANJI.test(tok.surface_form)) continue;
        const reading = tok.reading && tok.reading !== '*' ? tok.reading : '';
        const aligned = (reading && alignReading(tok.surface_form, reading)) || [{ word: tok.surface_form, reading: toHiragana(reading) || '？' }];
        for (const a of aligned) {
          if (seen.has(a.word)) continue;
          seen.add(a.word);
          out.push({ field, word: a.word, reading: a.reading, reviewed: false, ...(line !== undefined ? { line } : {}) });
        }
      }
    }
  }
  return out;
}

/** Keeps what a person already reviewed; new proposals for the rest. */
export function mergeWithReviewed(proposed: readonly Entry[], previous: readonly Entry[]): Entry[] {
  const key = (e: Entry) => `${e.field}\u0000${e.word}`;
  const reviewed = new Map(previous.filter((e) => e.reviewed).map((e) => [key(e), e]));
  return proposed.map((e) => {
    const r = reviewed.get(key(e));
    return r ? { ...e, reading: r.reading, reviewed: true } : e;
  });
}
