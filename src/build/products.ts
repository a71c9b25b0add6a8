/** Expands an organisation's product specs into build jobs: one per product and size. */
import { userError } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { outputFileName, type PageSize, type ProductSpec } from '../content/index.js';

export interface BuildJob {
  product: string;
  template: string;
  size: PageSize;
  /** File name inside the organisation's output folder. */
  output: string;
}

export function jobsFor(products: readonly ProductSpec[], only: readonly string[] | undefined, file: string): BuildJob[] {
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
  return products
    .filter((p) => !only || only.includes(p.id))
    .flatMap((p) => p.sizes.map((size) => ({ product: p.id, template: p.template, size, output: outputFileName(p, size) })));
}
