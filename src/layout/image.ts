/**
 * `<img src alt>`: raster images. Layout never reads pixels: an ImageResolver (src/images,
 * injected by the build like the icon registry) finds the file safely and reads its header;
 * layout sizes the box (CSS intrinsic size and aspect ratio), applies object-fit and emits
 * one `image` display item. The backends decode and embed the file.
 */
import type { Node as YogaNode } from 'yoga-layout';
import { userError, type DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { ComputedStyle, StyledElement } from '../markup/types.js';
import type { Rect } from './decorations.js';
import type { ImageItem, ImageSource, ItemOrigin } from './display-list.js';
import type { Flow } from './paint.js';

/** Where an image was asked for, for messages. */
export type ImageLocation = { element: string; file?: string; line?: number; path?: string };

/** Finds `src` and reads its header; throws a UserInputError for a missing or unsafe file. */
export interface ImageResolver {
  get(src: string, where: ImageLocation): ImageSource;
}

export interface ImageBox {
  kind: 'image';
  style: ComputedStyle;
  origin: ItemOrigin;
  element: StyledElement;
  source: ImageSource;
}

/** A CSS pixel (1/96 in) in points: an image's intrinsic size is one CSS px per pixel. */
const PX = 0.75;

export function imageBox(el: StyledElement, origin: ItemOrigin, images: ImageResolver | undefined, diagnostics?: DiagnosticBag): ImageBox | undefined {
  const src = el.attrs.src?.trim() ?? '';
  const where = { ...(origin.file ? { file: origin.file } : {}), ...(origin.line ? { line: origin.line } : {}) };
  if (src === '') {
    throw userError({
      code: 'layout/image-without-src',
      message: { ja: `画像 ${origin.element} に src がありません。`, en: `The image ${origin.element} has no src.` },
      hint: {
        ja: '<img src="logo.png" alt="…"> のように、コンテンツフォルダからの相対パスを書いてください。',
        en: 'Write a path relative to the content folder, e.g. <img src="logo.png" alt="…">.',
      },
      ...where,
    });
  }
  if (!images) {
    // Contexts without files (typeset) cannot place images: say so instead of leaving a hole.
    diagnostics?.warn({
      code: 'layout/image-unsupported',
      message: { ja: `ここでは画像 ${src} を描画できません（${origin.element}）。`, en: `The image ${src} cannot be drawn here (${origin.element}).` },
      ...where,
    });
    return undefined;
  }
  const alt = el.attrs.alt;
  const source = images.get(src, { element: origin.element, ...where, ...(origin.path ? { path: origin.path } : {}) });
  // alt="" marks a decorative image (HTML); a missing alt is left for accessibility checks.
  const withAlt: ItemOrigin = { ...origin, ...(alt !== undefined && alt.trim() !== '' ? { alt: alt.trim() } : {}), ...(alt?.trim() === '' ? { decorative: true } : {}) };
  return { kind: 'image', style: el.style, origin: withAlt, element: el, source };
}

/**
 * CSS sizing of a replaced element: a missing width or height follows from the other and the
 * aspect ratio; with neither, the intrinsic size (1 CSS px per pixel). An explicit width is
 * kept even in a stretching column, as browsers keep an <img>'s width in block layout.
 */
export function sizeImageNode(node: YogaNode, box: ImageBox): void {
  const { pixelWidth: pw, pixelHeight: ph } = box.source;
  const { width, height } = box.style;
  if (width !== 'auto' && height !== 'auto') return; // object-fit places the image
  const ratio = pw / ph;
  node.setAspectRatio(ratio);
  if (width === 'auto' && height === 'auto') node.setWidth(intrinsicWidth(box.style, pw * PX, ratio));
  else if (width === 'auto' && height !== 'auto' && height.unit === 'pt') node.setWidth(height.value * ratio);
}

/**
 * The intrinsic width within min/max-width and max-height given in absolute units (yoga would
 * clamp the width after deriving the height, distorting the image). Percentages are not
 * resolved here: give such images a width instead.
 */
function intrinsicWidth(s: ComputedStyle, natural: number, ratio: number): number {
  const pt = (l: ComputedStyle['maxWidth']) => (l !== 'auto' && l.unit === 'pt' ? l.value : undefined);
  let w = natural;
  const maxW = pt(s.maxWidth);
  const maxH = pt(s.maxHeight);
  const minW = pt(s.minWidth);
  if (maxW !== undefined) w = Math.min(w, maxW);
  if (maxH !== undefined) w = Math.min(w, maxH * ratio);
  if (minW !== undefined) w = Math.max(w, minW);
  return w;
}

export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  clip?: { x: number; y: number; width: number; height: number };
}

/** CSS object-fit (fill | contain | cover) and object-position (fractions, default centre). */
export function fitImage(rect: Rect, pixelWidth: number, pixelHeight: number, fit: ComputedStyle['objectFit'], position = { x: 0.5, y: 0.5 }): Placement {
  if (!fit || fit === 'fill' || rect.w <= 0 || rect.h <= 0) return { x: rect.x, y: rect.y, width: rect.w, height: rect.h };
  const scale = fit === 'contain' ? Math.min(rect.w / pixelWidth, rect.h / pixelHeight) : Math.max(rect.w / pixelWidth, rect.h / pixelHeight);
  const width = pixelWidth * scale;
  const height = pixelHeight * scale;
  const placed: Placement = { x: rect.x + (rect.w - width) * position.x, y: rect.y + (rect.h - height) * position.y, width, height };
  if (width > rect.w + 1e-6 || height > rect.h + 1e-6) placed.clip = { x: rect.x, y: rect.y, width: rect.w, height: rect.h };
  return placed;
}

export function paintImage(box: ImageBox, rect: Rect, flow: Flow): void {
  const unit = flow.units.length;
  flow.units.push({ top: rect.y, bottom: rect.y + rect.h, before: 'auto' });
  if (rect.w <= 0 || rect.h <= 0) return;
  const placed = fitImage(rect, box.source.pixelWidth, box.source.pixelHeight, box.style.objectFit, box.style.objectPosition);
  const item: ImageItem = { kind: 'image', ...placed, source: box.source, origin: box.origin };
  flow.items.push({ item, unit });
}

export function translateImage(item: ImageItem, dx: number, dy: number): ImageItem {
  const out: ImageItem = { ...item, x: item.x + dx, y: item.y + dy };
  if (item.clip) out.clip = { ...item.clip, x: item.clip.x + dx, y: item.clip.y + dy };
  return out;
}

/** A half turn about (cx, cy): the rects move to the opposite side, the picture turns over. */
export function rotateImage(item: ImageItem, cx: number, cy: number): ImageItem {
  const { rotation, ...rest } = item;
  const out: ImageItem = { ...rest, x: 2 * cx - item.x - item.width, y: 2 * cy - item.y - item.height };
  if (item.clip) out.clip = { ...item.clip, x: 2 * cx - item.clip.x - item.clip.width, y: 2 * cy - item.clip.y - item.clip.height };
  if (!rotation) out.rotation = 180;
  return out;
}

/** The lowest point the image shows at. */
export function imageBottom(item: ImageItem): number {
  return item.clip ? item.clip.y + item.clip.height : item.y + item.height;
}
