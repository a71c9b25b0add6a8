/**
 * Print colour: every colour becomes DeviceCMYK (PDF/X-1a allows no RGB).
 *
 * Rule (naive full GCR, documented so a press operator can predict it):
 *   k = 1 − max(r, g, b);  c = (1 − r − k)/(1 − k), m = (1 − g − k)/(1 − k), y = (1 − b − k)/(1 − k)
 * (c = m = y = 0 when k = 1). Black #000 thus becomes 0 0 0 1 — K100 for text and thin lines,
 * never rich black — and greys are K only. One of c, m, y is always 0, so the total ink is at
 * most 300 % (print.md's limit).
 *
 * CMYK colours given by the template pass through, with two guards: the total ink is scaled
 * down (C, M, Y only, K kept) to 300 %, and C100 M100 Y100 K100 — the registration colour,
 * reserved for printer's marks — is turned into K100. Neither happens silently: cmykDocument
 * reports each such colour, per element, as a warning (print/ink-limit, print/registration-colour).
 */
import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import type { Color, DisplayDocument, DisplayItem, ItemOrigin } from '../../../layout/display-list.js';

export const INK_LIMIT = 3;

type Cmyk = Extract<Color, { space: 'cmyk' }>;

/** Why a template's CMYK colour was changed by the print conversion. */
export type InkAdjustment = 'ink-limit' | 'registration';

/** The colour in CMYK; `onAdjust` hears of a template colour the guards changed. */
export function toCmyk(color: Color, onAdjust?: (kind: InkAdjustment, from: Cmyk, to: Cmyk) => void): Cmyk {
  if (color.space === 'cmyk') {
    const out = limitInk(color);
    if (onAdjust && out.kind) onAdjust(out.kind, color, out.color);
    return out.color;
  }
  const r = clamp01(color.r);
  const g = clamp01(color.g);
  const b = clamp01(color.b);
  const k = 1 - Math.max(r, g, b);
  if (k >= 1 - 1e-9) return { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 };
  return { space: 'cmyk', c: (1 - r - k) / (1 - k), m: (1 - g - k) / (1 - k), y: (1 - b - k) / (1 - k), k };
}

function limitInk(color: Cmyk): { color: Cmyk; kind?: InkAdjustment } {
  const c = clamp01(color.c);
  const m = clamp01(color.m);
  const y = clamp01(color.y);
  const k = clamp01(color.k);
  if (c >= 1 && m >= 1 && y >= 1 && k >= 1) return { color: { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 }, kind: 'registration' };
  const cmy = c + m + y;
  if (cmy + k <= INK_LIMIT || cmy === 0) return { color: { space: 'cmyk', c, m, y, k } };
  const f = (INK_LIMIT - k) / cmy;
  return { color: { space: 'cmyk', c: c * f, m: m * f, y: y * f, k }, kind: 'ink-limit' };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export interface CmykDocumentOptions {
  /** Changed template colours are reported here (once per element, colour and kind). */
  diagnostics?: DiagnosticBag;
  /** File named by warnings for items without an origin. */
  file?: string;
}

/** A copy of the document with every fill, stroke and text colour in CMYK. */
export function cmykDocument(doc: DisplayDocument, options: CmykDocumentOptions = {}): DisplayDocument {
  // Colour objects are shared by many items (every glyph run of a paragraph): convert each once.
  const converted = new Map<Color, { color: Cmyk; kind?: InkAdjustment; from?: Cmyk }>();
  const reported = new Set<string>();
  const convert = (color: Color, item: DisplayItem, pageNumber: number): Cmyk => {
    let hit = converted.get(color);
    if (!hit) {
      let adjusted: { kind: InkAdjustment; from: Cmyk } | undefined;
      const out = toCmyk(color, (kind, from) => (adjusted = { kind, from }));
      hit = adjusted ? { color: out, ...adjusted } : { color: out };
      converted.set(color, hit);
    }
    if (hit.kind && hit.from && options.diagnostics) {
      report(options.diagnostics, hit.kind, hit.from, hit.color, item.origin, pageNumber, options.file, reported);
    }
    return hit.color;
  };
  return {
    ...doc,
    pages: doc.pages.map((p, i) => ({ ...p, items: p.items.map((item) => cmykItem(item, (c) => convert(c, item, i + 1))) })),
  };
}

function cmykItem(item: DisplayItem, convert: (c: Color) => Cmyk): DisplayItem {
  if (item.kind === 'glyphs') return { ...item, color: convert(item.color) };
  // Images are separated to CMYK when they are embedded (print/image.ts).
  if (item.kind === 'image') return item;
  const out = { ...item };
  if (item.fill) out.fill = convert(item.fill);
  if (item.stroke) out.stroke = { ...item.stroke, color: convert(item.stroke.color) };
  return out;
}

const pct = (v: number) => `${Math.round(v * 100)}`;
const cmykText = (c: Cmyk) => `C${pct(c.c)} M${pct(c.m)} Y${pct(c.y)} K${pct(c.k)}`;

function report(
  bag: DiagnosticBag,
  kind: InkAdjustment,
  from: Cmyk,
  to: Cmyk,
  origin: ItemOrigin | undefined,
  pageNumber: number,
  fallbackFile: string | undefined,
  reported: Set<string>,
): void {
  const element = origin?.element ?? '?';
  const file = origin?.file ?? fallbackFile;
  const key = JSON.stringify([kind, element, file, origin?.line, origin?.path, cmykText(from)]);
  if (reported.has(key)) return;
  reported.add(key);
  const was = cmykText(from);
  const now = cmykText(to);
  const where = {
    ...(file ? { file } : {}),
    ...(origin?.line !== undefined ? { line: origin.line } : {}),
    ...(origin?.path ? { path: origin.path } : {}),
  };
  if (kind === 'registration') {
    bag.warn({
      code: 'print/registration-colour',
      message: {
        ja: `${element} の色 ${was} はレジストレーションカラー（トンボ専用）のため、入稿用 PDF では K100 に置き換えました（${pageNumber} ページ目）。`,
        en: `The colour ${was} of ${element} is the registration colour, reserved for printer's marks; the print PDF uses K100 instead (page ${pageNumber}).`,
      },
      hint: {
        ja: '黒は K100（cmyk(0 0 0 1)）、濃い黒が必要ならリッチブラック（例: C40 M40 Y40 K100）を指定してください。',
        en: 'Use K100 (cmyk(0 0 0 1)) for black, or a rich black such as C40 M40 Y40 K100.',
      },
      ...where,
    });
    return;
  }
  const total = (c: Cmyk) => Math.round((c.c + c.m + c.y + c.k) * 100);
  bag.warn({
    code: 'print/ink-limit',
    message: {
      ja: `${element} の色 ${was}（総インキ量 ${total(from)} %）が上限 ${INK_LIMIT * 100} % を超えるため、入稿用 PDF では ${now} に下げました（${pageNumber} ページ目）。`,
      en: `The colour ${was} of ${element} has ${total(from)} % total ink, over the ${INK_LIMIT * 100} % limit; the print PDF uses ${now} instead (page ${pageNumber}).`,
    },
    hint: {
      ja: `C・M・Y・K の合計が ${INK_LIMIT * 100} % 以下になる色を指定してください。`,
      en: `Choose a colour whose C + M + Y + K is at most ${INK_LIMIT * 100} %.`,
    },
    ...where,
  });
}
