/** Validation of `preview --dpi N --format png|webp`. */
import { userError } from '../diagnostics/diagnostic.js';
import type { RasterFormat } from '../render/raster/index.js';

export function previewOptions(dpi: string | undefined, format: string | undefined): { dpi?: number; format?: RasterFormat } {
  const out: { dpi?: number; format?: RasterFormat } = {};
  if (dpi !== undefined) {
    const n = Number(dpi);
    if (!Number.isInteger(n) || n < 10 || n > 1200) {
      throw userError({
        code: 'cli/bad-option',
        message: { ja: `--dpi の値「${dpi}」は使えません。`, en: `--dpi cannot be "${dpi}".` },
        hint: { ja: '10 から 1200 までの整数を指定してください（例: --dpi 150）。', en: 'Give a whole number from 10 to 1200, e.g. --dpi 150.' },
      });
    }
    out.dpi = n;
  }
  if (format !== undefined) {
    if (format !== 'png' && format !== 'webp') {
      throw userError({
        code: 'cli/bad-option',
        message: { ja: `--format の値「${format}」は使えません。`, en: `--format cannot be "${format}".` },
        hint: { ja: '--format png か --format webp を指定してください。', en: 'Use --format png or --format webp.' },
      });
    }
    out.format = format;
  }
  return out;
}
