/**
 * QR codes: `<kp-qr value="https://…" label="…">` is a replaced box (sized by CSS, like
 * `<kp-icon>`) showing `value` as a QR code, drawn as vector paths in the CSS `color`.
 *
 * - The symbol comes from the npm `qrcode` package at error-correction level M (15 % of the
 *   symbol may be damaged or dirty and it still reads — a poster on a counter gets both).
 * - It is drawn as ONE filled path: each row's dark runs become rectangles, and a rectangle
 *   is merged with the one below when they cover the same columns. A 33×33 symbol becomes a
 *   few hundred rectangles, not a thousand squares, and one path cannot show hairline seams
 *   between neighbouring modules when rasterised.
 * - The quiet zone (4 modules, ISO/IEC 18004 §9.1) lies INSIDE the box: the box's size is the
 *   size the code needs on paper. A box that is not square gets the largest square centred in it.
 * - An empty value, or one too long for a code that still scans at print size (version 10,
 *   57×57 modules), is a user error naming the element and the content field (data-src).
 */
import QRCode from 'qrcode';
import { userError } from '../diagnostics/diagnostic.js';
import type { StyledElement } from '../markup/types.js';
import type { QrBox } from './boxes.js';
import type { Rect } from './decorations.js';
import type { ItemOrigin, PathCommand, PathItem } from './display-list.js';
import type { Flow } from './paint.js';

/** Light modules around the symbol, inside the box (ISO/IEC 18004: at least 4). */
export const QR_QUIET_ZONE = 4;
/**
 * The largest symbol we print: version 10 (57×57 modules) holds 213 bytes at level M. Longer
 * values make modules so small that phones fail to read the code at poster and handout sizes.
 */
export const QR_MAX_VERSION = 10;
const QR_MAX_BYTES_M = 213;

/** The module grid of a symbol: `size`×`size`, row-major, 1 = dark. */
export interface QrMatrix {
  size: number;
  version: number;
  data: Uint8Array;
}

/** A run of dark modules in module units (column x, row y, width w, height h). */
export interface ModuleRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type QrProblem = { kind: 'empty' } | { kind: 'too-long'; bytes: number };

/**
 * Symbols by value: a batch prints the same URL on every poster of every variant, and choosing
 * the mask alone costs the library about a millisecond. Bounded, for the long-running dev server.
 */
const encoded = new Map<string, QrMatrix | QrProblem>();
const ENCODED_MAX = 64;

/** The symbol for `value`, or what is wrong with the value. The result is shared: never change it. */
export function encodeQr(value: string): QrMatrix | QrProblem {
  let result = encoded.get(value);
  if (result === undefined) {
    if (encoded.size >= ENCODED_MAX) encoded.clear();
    result = encodeQrUncached(value);
    encoded.set(value, result);
  }
  return result;
}

function encodeQrUncached(value: string): QrMatrix | QrProblem {
  if (value.trim() === '') return { kind: 'empty' };
  const bytes = Buffer.byteLength(value, 'utf8');
  let code: QRCode.QRCode;
  try {
    code = QRCode.create(value, { errorCorrectionLevel: 'M' });
  } catch {
    // The library refuses data beyond version 40.
    return { kind: 'too-long', bytes };
  }
  if (code.version > QR_MAX_VERSION) return { kind: 'too-long', bytes };
  return { size: code.modules.size, version: code.version, data: Uint8Array.from(code.modules.data) };
}

/**
 * The dark modules as rectangles: runs along each row, then runs of equal extent in
 * consecutive rows merged into one taller rectangle. Covers exactly the dark modules.
 */
export function qrRectangles(m: QrMatrix): readonly ModuleRect[] {
  let out = rectangles.get(m);
  if (out === undefined) {
    out = rectanglesOf(m);
    rectangles.set(m, out);
  }
  return out;
}
const rectangles = new WeakMap<QrMatrix, readonly ModuleRect[]>();

function rectanglesOf(m: QrMatrix): ModuleRect[] {
  const out: ModuleRect[] = [];
  /** Rectangles still growing downwards, keyed by "x:w". */
  let open = new Map<string, ModuleRect>();
  for (let y = 0; y < m.size; y++) {
    const next = new Map<string, ModuleRect>();
    for (let x = 0; x < m.size; ) {
      if (!m.data[y * m.size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < m.size && m.data[y * m.size + x]) x++;
      const key = `${start}:${x - start}`;
      const above = open.get(key);
      if (above) {
        above.h++;
        open.delete(key);
        next.set(key, above);
      } else {
        const r = { x: start, y, w: x - start, h: 1 };
        out.push(r);
        next.set(key, r);
      }
    }
    open = next;
  }
  return out;
}

/** Side of one module in pt when the symbol and its quiet zone fill the square inside `rect`. */
export function qrModuleSize(m: QrMatrix, rect: Rect): number {
  return Math.min(rect.w, rect.h) / (m.size + 2 * QR_QUIET_ZONE);
}

/** The symbol as one filled path, centred in `rect` with its quiet zone inside. */
export function qrPath(m: QrMatrix, rect: Rect, fill: PathItem['fill'], origin: ItemOrigin): PathItem {
  const k = qrModuleSize(m, rect);
  const ox = rect.x + (rect.w - m.size * k) / 2;
  const oy = rect.y + (rect.h - m.size * k) / 2;
  const commands: PathCommand[] = [];
  for (const r of qrRectangles(m)) {
    const x0 = ox + r.x * k;
    const y0 = oy + r.y * k;
    const x1 = ox + (r.x + r.w) * k;
    const y1 = oy + (r.y + r.h) * k;
    // Every rectangle is wound the same way, so overlapping edges can never cancel (nonzero).
    commands.push({ op: 'M', x: x0, y: y0 }, { op: 'L', x: x1, y: y0 }, { op: 'L', x: x1, y: y1 }, { op: 'L', x: x0, y: y1 }, { op: 'Z' });
  }
  return { kind: 'path', commands, ...(fill ? { fill } : {}), fillRule: 'nonzero', origin };
}

/** The box for a `<kp-qr>` element; throws a user error when its value cannot be printed. */
export function qrBox(el: StyledElement, origin: ItemOrigin): QrBox {
  const value = el.attrs.value ?? '';
  const encoded = encodeQr(value);
  if ('kind' in encoded) throw qrValueError(encoded, value, origin);
  const label = el.attrs.label?.trim();
  return { kind: 'qr', style: el.style, origin, element: el, value, matrix: encoded, ...(label ? { label } : {}) };
}

function qrValueError(problem: QrProblem, value: string, origin: ItemOrigin): Error {
  // The formatter prints the file, line and content field (data-src) before the message.
  const where = {
    ...(origin.file ? { file: origin.file } : {}),
    ...(origin.line ? { line: origin.line } : {}),
    ...(origin.path ? { path: origin.path } : {}),
  };
  if (problem.kind === 'empty') {
    return userError({
      code: 'layout/qr-empty',
      message: {
        ja: `QRコード <kp-qr> の value が空です。`,
        en: `The QR code <kp-qr> has an empty value.`,
      },
      hint: {
        ja: 'QRコードにする URL を書いてください（例: organisation.yaml の policyUrl）。',
        en: 'Give the URL to encode, e.g. policyUrl in organisation.yaml.',
      },
      ...where,
    });
  }
  const excerpt = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return userError({
    code: 'layout/qr-too-long',
    message: {
      ja: `QRコード <kp-qr> の value「${excerpt}」が長すぎます（${problem.bytes} バイト。印刷して読み取れるのは ${QR_MAX_BYTES_M} バイトまで）。`,
      en: `The value of the QR code <kp-qr>, "${excerpt}", is too long: ${problem.bytes} bytes, but at most ${QR_MAX_BYTES_M} bytes still scan when printed.`,
    },
    hint: {
      ja: '短い URL（短縮 URL やトップページに近いページ）を使ってください。',
      en: 'Use a shorter URL (a short link, or a page nearer the site root).',
    },
    ...where,
  });
}

/** Paints a QR box: one break unit, one path (called from paint.ts). */
export function paintQr(box: QrBox, rect: Rect, flow: Flow): void {
  const unit = flow.units.length;
  flow.units.push({ top: rect.y, bottom: rect.y + rect.h, before: 'auto' });
  flow.items.push({ unit, item: qrPath(box.matrix, rect, box.style.color, box.origin) });
}
