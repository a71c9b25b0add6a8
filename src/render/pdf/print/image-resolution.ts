/**
 * Print shops ask for 350 dpi at the placed size for colour images (print.md). Each image
 * placed below that is reported once per element: the effective resolution, and the pixel
 * size that would reach it. A warning, not an error: a soft logo may be accepted knowingly.
 */
import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import { shownName } from '../../../images/errors.js';
import type { DisplayDocument, ImageItem } from '../../../layout/display-list.js';
import { ptToMm } from '../../../units.js';

const MIN_IMAGE_DPI = 350;

/** Effective resolution of a placed image: the lower of its two axes, in pixels per inch. */
function effectiveDpi(item: ImageItem): number {
  return Math.min(item.source.pixelWidth / (item.width / 72), item.source.pixelHeight / (item.height / 72));
}

export function checkImageResolution(doc: DisplayDocument, bag: DiagnosticBag, fallbackFile?: string, minDpi = MIN_IMAGE_DPI): void {
  const reported = new Set<string>();
  doc.pages.forEach((page, i) => {
    for (const item of page.items) {
      if (item.kind !== 'image' || item.width <= 0 || item.height <= 0) continue;
      const dpi = effectiveDpi(item);
      if (dpi + 0.5 >= minDpi) continue;
      const o = item.origin;
      const key = JSON.stringify([item.source.hash, o?.element, o?.file, o?.line, Math.round(dpi)]);
      if (reported.has(key)) continue;
      reported.add(key);
      const name = shownName(item.source.path);
      const { pixelWidth: pw, pixelHeight: ph } = item.source;
      const needW = Math.ceil((item.width / 72) * minDpi);
      const needH = Math.ceil((item.height / 72) * minDpi);
      const mm = (pt: number) => ptToMm(pt).toFixed(1);
      const element = o?.element ?? 'img';
      const file = o?.file ?? fallbackFile;
      bag.warn({
        code: 'print/image-resolution',
        message: {
          ja: `${element} の画像 ${name}（${pw}×${ph} ピクセル）は ${mm(item.width)}×${mm(item.height)} mm に配置され、実効解像度が ${Math.round(dpi)} dpi です（${i + 1} ページ目）。印刷には ${minDpi} dpi 以上が必要です。`,
          en: `The image ${name} (${pw}×${ph} px) of ${element} is placed at ${mm(item.width)}×${mm(item.height)} mm, an effective ${Math.round(dpi)} dpi (page ${i + 1}); print needs at least ${minDpi} dpi.`,
        },
        hint: {
          ja: `${needW}×${needH} ピクセル以上の画像を用意するか、配置サイズを小さくしてください。`,
          en: `Supply an image of at least ${needW}×${needH} px, or place it smaller.`,
        },
        ...(file ? { file } : {}),
        ...(o?.line !== undefined ? { line: o.line } : {}),
        ...(o?.path ? { path: o.path } : {}),
      });
    }
  });
}
