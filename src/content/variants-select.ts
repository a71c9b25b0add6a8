/**
 * Which variants a build makes: by default each organisation's base (what a build always
 * made), `all` for every variant, or the ids asked for (`okayama-kita`, or just `kita` when
 * only one organisation has a variant of that name).
 */
import { userError } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import type { Content } from './load.js';

export type VariantSelection = readonly string[] | 'all' | undefined;

/** What a `--variant` name is matched against. */
export interface VariantLabel {
  id: string;
  name: string;
}

/**
 * The labels `wanted` names, in the order given; a name that matches none, or several
 * organisations' variants by its short name, is an error listing every id.
 */
export function pickVariants<T extends VariantLabel>(labels: readonly T[], wanted: readonly string[]): Set<T> {
  const picked = new Set<T>();
  for (const w of wanted) {
    const exact = labels.filter((l) => l.id === w);
    const byName = exact.length > 0 ? exact : labels.filter((l) => l.name === w);
    if (byName.length === 1 || (byName.length > 1 && exact.length > 0)) {
      byName.forEach((l) => picked.add(l));
      continue;
    }
    const ids = labels.map((l) => l.id);
    // A short name is compared with the short names (kitta → kita), an id with the ids.
    const guess = suggest(w, [...ids, ...labels.map((l) => l.name)]);
    throw userError({
      code: 'build/unknown-variant',
      message: byName.length > 1
        ? { ja: `--variant ${w} に当てはまるバリエーションが複数あります。`, en: `--variant ${w} matches several variants.` }
        : { ja: `--variant に指定したバリエーション「${w}」はありません。`, en: `There is no variant "${w}" (--variant ${w}).` },
      hint: {
        ja: `${guess ? `「${guess}」のことですか？ ` : ''}あるバリエーション: ${ids.join('、')}`,
        en: `${guess ? `Did you mean "${guess}"? ` : ''}Variants: ${ids.join(', ')}`,
      },
    });
  }
  return picked;
}

/** `orgs`: each organisation's variants, base first (as loadVariants returns them). */
export function selectVariants(orgs: readonly (readonly Content[])[], wanted: VariantSelection): Content[] {
  if (wanted === undefined) return orgs.map((o) => o[0]!);
  const all = orgs.flat();
  if (wanted === 'all') return all;
  const labelled = all.map((c) => ({ id: c.variant?.id ?? '', name: c.variant?.name ?? '', content: c }));
  const picked = new Set([...pickVariants(labelled, wanted)].map((l) => l.content));
  // In the order of the folders and files, whatever the order of the options.
  return all.filter((c) => picked.has(c));
}
