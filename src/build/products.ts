/** Expands an organisation's product specs into build jobs: one per product and size. */
import { userError } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { outputFileName, type PageSize, type ProductSpec, type VariantInfo } from '../content/index.js';

/** The text files each shipped template prints (a variant in another language must translate them). */
const TEMPLATE_TEXTS: Readonly<Record<string, readonly ('poster' | 'policy')[]>> = {
  poster: ['poster'], policy: ['policy'], handout: ['policy', 'poster'], tent: ['poster'], 'tent-vertical': ['poster'],
};

export interface BuildJob {
  product: string;
  template: string;
  size: PageSize;
  /** File name inside the organisation's output folder. */
  output: string;
}

export function jobsFor(products: readonly ProductSpec[], only: readonly string[] | undefined, file: string, variant?: VariantInfo): BuildJob[] {
  const ids = products.map((p) => p.id);
  for (const wanted of only ?? []) {
    if (ids.includes(wanted)) continue;
    const guess = suggest(wanted, ids);
    throw userError({
      code: 'build/unknown-product',
      // The file leads the printed line, so the message does not repeat it.
      message: { ja: `--product に指定した製品「${wanted}」はありません。`, en: `There is no product "${wanted}" (--product ${wanted}).` },
      hint: {
        ja: `${guess ? `「${guess}」のことですか？ ` : ''}このファイルにある製品: ${ids.join('、')}`,
        en: `${guess ? `Did you mean "${guess}"? ` : ''}Products in this file: ${ids.join(', ')}`,
      },
      file,
    });
  }
  const chosen = products.filter((p) => !only || only.includes(p.id));
  for (const p of chosen) {
    const missing = (TEMPLATE_TEXTS[p.template] ?? []).filter((t) => variant?.untranslated.includes(t));
    if (!variant || missing.length === 0) continue;
    const names = missing.map((m) => (m === 'poster' ? 'poster.yaml' : 'policy.md')).join(', ');
    throw userError({
      code: 'variant/untranslated',
      message: {
        ja: `${variant.id}（${variant.lang}）の製品「${p.id}」に必要な ${names} の翻訳がありません。`,
        en: `${variant.id} (${variant.lang}): product \`${p.id}\` needs ${names} in this language, which has no translation.`,
      },
      hint: {
        ja: `files: で翻訳のファイルを指定するか、products: の下に「${p.id}: null」と書いてこの製品を作らないようにしてください。`,
        en: `Name the translation under files:, or write "${p.id}: null" under products: so this variant does not build it.`,
      },
      file,
    });
  }
  return chosen
    .flatMap((p) => p.sizes.map((size) => ({ product: p.id, template: p.template, size, output: outputFileName(p, size) })));
}
