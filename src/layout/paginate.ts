/**
 * Pagination of one continuous flow into pages (CSS Fragmentation, simplified): fill each
 * page with whole break units, break at the last allowed boundary that fits, honour forced
 * breaks, and only when no allowed boundary fits break at the last one that does (so
 * content is never lost, only a keep-together rule yielded).
 */
import type { BreakUnit } from './paint.js';

export interface PageSlice {
  /** Flow coordinate where the page's content starts. */
  start: number;
  /** Flow coordinate where the page's content ends (bottom of its last unit). */
  end: number;
  firstUnit: number;
  lastUnit: number;
}

export function paginate(units: readonly BreakUnit[], pageHeight: number): PageSlice[] {
  if (units.length === 0) return [{ start: 0, end: 0, firstUnit: 0, lastUnit: -1 }];
  const pages: PageSlice[] = [];
  let first = 0;
  while (first < units.length) {
    const start = units[first]!.top;
    let fit = first + 1; // units [first, fit) fit on the page; the first always goes on.
    while (fit < units.length && units[fit]!.bottom - start <= pageHeight + 0.01 && units[fit]!.before !== 'page') fit++;
    let breakAt = fit;
    if (fit < units.length && units[fit]!.before !== 'page') {
      // Latest allowed boundary in (first, fit].
      let k = fit;
      while (k > first && units[k]!.before === 'avoid') k--;
      if (k > first) breakAt = k;
    }
    pages.push({ start, end: units[breakAt - 1]!.bottom, firstUnit: first, lastUnit: breakAt - 1 });
    first = breakAt;
  }
  return pages;
}
