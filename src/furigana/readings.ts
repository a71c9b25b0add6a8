/**
 * The review file of readings: `poster.readings.yaml` beside `poster.yaml`, written by
 * `kasuhara-press furigana` and corrected by a person. Only entries marked `reviewed: true`
 * are used; they become `{漢字|かんじ}` in the field they name when the variant is loaded.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { validateYaml } from '../content/validate.js';
import { text } from '../content/schema-helpers.js';
import { formatPath } from '../content/yaml-source.js';
import { applyReading } from './markup.js';

export const readingsSchema = z.strictObject({
  /** The file the readings are for, as named when proposed (for people; not checked). */
  source: text.optional(),
  readings: z.array(z.strictObject({
    /** Field path in the file, e.g. checklist.items[2]. */
    field: text,
    word: text,
    reading: text,
    reviewed: z.boolean(),
    line: z.number().optional(),
  })),
});

export type Readings = z.infer<typeof readingsSchema>;

/** `poster.yaml` → `poster.readings.yaml`. */
export function readingsFileFor(file: string): string {
  return file.replace(/\.ya?ml$/i, '') + '.readings.yaml';
}

/** The data with every reviewed reading applied (longer words first, so 取消 wins over 取). */
export async function applyReviewedReadings(data: unknown, abs: string, shown: string, bag: DiagnosticBag): Promise<unknown> {
  const text = await readFile(readingsFileFor(abs), 'utf8').catch(() => undefined);
  if (text === undefined) return data;
  const r = validateYaml(text, readingsFileFor(shown), readingsSchema, bag);
  if (!r.value) return data;
  const byField = new Map<string, { word: string; reading: string }[]>();
  for (const e of r.value.readings) if (e.reviewed) byField.set(e.field, [...(byField.get(e.field) ?? []), e]);
  for (const list of byField.values()) list.sort((a, b) => b.word.length - a.word.length);
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') return (byField.get(formatPath(path)) ?? []).reduce((t, e) => applyReading(t, e.word, e.reading), v);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };
  return walk(data, []);
}
