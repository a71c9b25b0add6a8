/**
 * Page sizes for products: JIS paper names (A series = ISO A; B series = JIS B, which is
 * larger than ISO B — B2 is 515×728 mm) or a custom `{ width: 100mm, height: 148mm }`.
 */
import * as z from 'zod';
import { decimal, PT_PER_MM, ptToMm, roundTo } from '../units.js';
import { addContentIssue, unknownField, type ContentIssue } from './schema-helpers.js';

export interface PageSize {
  /** `A4`, `B2`, or `100x148mm` for a custom size; used for `{size}` in output names. */
  name: string;
  widthMm: number;
  heightMm: number;
  widthPt: number;
  heightPt: number;
}

/** Portrait width × height in mm. */
export const JIS_SIZES: Readonly<Record<string, readonly [number, number]>> = {
  A0: [841, 1189], A1: [594, 841], A2: [420, 594], A3: [297, 420], A4: [210, 297],
  A5: [148, 210], A6: [105, 148],
  B0: [1030, 1456], B1: [728, 1030], B2: [515, 728], B3: [364, 515], B4: [257, 364],
  B5: [182, 257], B6: [128, 182],
};

const MM_PER_UNIT: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: ptToMm(1) };

function makeSize(name: string, widthMm: number, heightMm: number): PageSize {
  return { name, widthMm, heightMm, widthPt: roundTo(widthMm * PT_PER_MM, 3), heightPt: roundTo(heightMm * PT_PER_MM, 3) };
}

export function jisSize(name: string): PageSize | undefined {
  const dims = JIS_SIZES[name.toUpperCase()];
  return dims ? makeSize(name.toUpperCase(), dims[0], dims[1]) : undefined;
}

const SIZE_LIST = Object.keys(JIS_SIZES).join(', ');

// No "did you mean" here: every wrong name is one edit away from some size (A7 → A0).
const unknownSize = (v: string): ContentIssue => ({
  code: 'content/unknown-page-size',
  message: { ja: `用紙サイズ「${v}」はありません。`, en: `Unknown page size "${v}".` },
  hint: {
    ja: `使えるサイズ: ${SIZE_LIST}、または { width: 100mm, height: 148mm }`,
    en: `Known sizes: ${SIZE_LIST}, or { width: 100mm, height: 148mm }.`,
  },
});

const badLength = (field: string, v: unknown): ContentIssue => ({
  code: v === undefined ? 'content/missing-field' : 'content/invalid-length',
  message: v === undefined
    ? { ja: `必須の項目「${field}」がありません。`, en: `Required field \`${field}\` is missing.` }
    : { ja: `「${field}」の長さ「${String(v)}」が読み取れません。`, en: `Cannot read the length "${String(v)}" of \`${field}\`.` },
  hint: {
    ja: '数値に単位（mm, cm, in, pt）を付けて書いてください（例: 100mm）。10mm〜2000mmの範囲です。',
    en: 'Write a number with a unit (mm, cm, in, pt), e.g. 100mm, between 10mm and 2000mm.',
  },
});

function lengthMm(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$/.exec(v) : null;
  if (!m) return undefined;
  const mm = roundTo(Number(m[1]) * MM_PER_UNIT[m[2]!]!, 3);
  return mm >= 10 && mm <= 2000 ? mm : undefined;
}

/** A page size as written in products.yaml, checked and resolved. */
export const pageSizeSchema = z.unknown().transform((v, ctx): PageSize => {
  if (typeof v === 'string') {
    const size = jisSize(v.trim());
    if (size) return size;
    addContentIssue(ctx, unknownSize(v));
    return z.NEVER;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    addContentIssue(ctx, unknownSize(String(v)));
    return z.NEVER;
  }
  const obj = v as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(obj)) {
    if (key === 'width' || key === 'height') continue;
    ok = false;
    addContentIssue(ctx, unknownField(key, ['width', 'height']), [key]);
  }
  const width = lengthMm(obj.width);
  const height = lengthMm(obj.height);
  if (width === undefined) addContentIssue(ctx, badLength('width', obj.width), ['width']);
  if (height === undefined) addContentIssue(ctx, badLength('height', obj.height), ['height']);
  if (!ok || width === undefined || height === undefined) return z.NEVER;
  return makeSize(`${decimal(width, 1)}x${decimal(height, 1)}mm`, width, height);
});
