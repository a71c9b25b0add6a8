/**
 * Japanese era dates (和暦). Content stores ISO dates so that they sort and validate
 * simply; city documents print them in the era calendar, e.g. 令和7年8月29日.
 */
import { userError, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface IsoDate {
  year: number;
  month: number;
  day: number;
}

/** Parses YYYY-MM-DD and checks that the day exists (no 2025-02-30). */
export function parseIsoDate(value: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/** Eras, newest first; `start` is the first day of the era as YYYYMMDD. */
const ERAS: readonly { name: string; start: number; startYear: number }[] = [
  { name: '令和', start: 20190501, startYear: 2019 },
  { name: '平成', start: 19890108, startYear: 1989 },
  { name: '昭和', start: 19261225, startYear: 1926 },
  { name: '大正', start: 19120730, startYear: 1912 },
  // Japan used the lunisolar calendar until 明治5年; Gregorian dates start on 明治6年1月1日.
  { name: '明治', start: 18730101, startYear: 1868 },
];

export type DateLocation = Partial<Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>>;

/**
 * `2025-08-29` → `令和7年8月29日`; the first year of an era is 元年 (令和元年5月1日).
 * Throws a UserInputError naming the field (`where.path`, default `date`) when the date is
 * not a real YYYY-MM-DD date or lies before 1873 (before Japan adopted the Gregorian calendar).
 */
export function toWareki(isoDate: string, where: DateLocation = {}): string {
  const d = parseIsoDate(isoDate);
  const key = d ? d.year * 10000 + d.month * 100 + d.day : 0;
  const era = ERAS.find((e) => key >= e.start);
  if (!d || !era) {
    const field = where.path ?? 'date';
    throw userError({
      code: 'content/invalid-date',
      message: {
        ja: `「${field}」の日付「${isoDate}」は和暦にできません。`,
        en: `\`${field}\` has a date "${isoDate}" that cannot be converted to the Japanese era calendar.`,
      },
      hint: {
        ja: '実在する日付を 年-月-日 の形で書いてください（例: 2025-08-29）。1873年より前は使えません。',
        en: 'Write a real date as YYYY-MM-DD, e.g. 2025-08-29. Dates before 1873 are not supported.',
      },
      ...where,
      path: field,
    });
  }
  const year = d.year - era.startYear + 1;
  return `${era.name}${year === 1 ? '元' : year}年${d.month}月${d.day}日`;
}
