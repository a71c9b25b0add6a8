/**
 * Fixed wording of the templates per language (templates/labels/<language>.yaml): 「基本方針の
 * 全文」, 「お問い合わせ」, the date format … A template prints them with {{ruby labels.x}}, so
 * easy Japanese labels carry readings. Every file must have the keys of ja.yaml: a missing
 * label would otherwise fail in strict mode, or worse print Japanese on an English poster.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type Labels = Record<string, unknown> & { date: string; monthNames?: string[] };

const cache = new Map<string, Labels>();

export function loadLabels(templatesDir: string, language: string): Labels {
  const file = join(templatesDir, 'labels', `${language}.yaml`);
  let labels = cache.get(file);
  if (!labels) {
    labels = parse(readFileSync(file, 'utf8')) as Labels;
    cache.set(file, labels);
  }
  return labels;
}

/** For the dev server: read the label files again. */
export function clearLabelsCache(): void {
  cache.clear();
}

/** 2025-08-29 in a label pattern: {year} {month} {day} {monthName}. `wareki` is handled by the caller. */
export function formatDate(iso: string, labels: Pick<Labels, 'date' | 'monthNames'>): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return labels.date
    .replaceAll('{year}', String(year))
    .replaceAll('{month}', String(month))
    .replaceAll('{day}', String(day))
    .replaceAll('{monthName}', labels.monthNames?.[month - 1] ?? String(month));
}
