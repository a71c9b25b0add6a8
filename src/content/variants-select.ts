/**
 * Which variants a build makes: by default each organisation's base (what a build always
 * made), `all` for every variant, or the ids asked for (`okayama-kita`, or just `kita` when
 * only one organisation has a variant of that name).
 */
import { userError } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import type { Content } from './load.js';

export type VariantSelection = readonly string[] | 'all' | undefined;

/** `orgs`: each organisation's variants, base first (as loadVariants returns them). */
export function selectVariants(orgs: readonly (readonly Content[])[], wanted: VariantSelection): Content[] {
  if (wanted === undefined) return orgs.map((o) => o[0]!);
  const all = orgs.flat();
  if (wanted === 'all') return all;
  const picked = new Set<Content>();
  for (const w of wanted) {
    const exact = all.filter((c) => c.variant?.id === w);
    const byName = exact.length > 0 ? exact : all.filter((c) => c.variant?.name === w);
    if (byName.length === 1 || (byName.length > 1 && exact.length > 0)) {
      byName.forEach((c) => picked.add(c));
      continue;
    }
    const ids = all.map((c) => c.variant?.id ?? '');
    const guess = suggest(w, ids);
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
  // In the order of the folders and files, whatever the order of the options.
  return all.filter((c) => picked.has(c));
}
