/**
 * Pagination of one continuous flow into pages (CSS Fragmentation, simplified): fill each
 * page with whole break units, break at the last allowed boundary that fits, honour forced
 * breaks, and only when no allowed boundary fits break at the last one that does (so
 * content is never lost, only a keep-together rule yielded). A page's extent includes the
 * borders and padding of boxes that open or close on it.
 */
import type { BreakUnit } from './paint.js';

export interface PageSlice {
  /** Flow coordinate where the page's content starts. */
  start: number;
  /** Flow coordinate where the page's content ends (the lowest edge of what it holds). */
  end: number;
  firstUnit: number;
  lastUnit: number;
}

const top = (u: BreakUnit): number => Math.min(u.top, u.boxTop ?? u.top);
const bottom = (u: BreakUnit): number => Math.max(u.bottom, u.boxBottom ?? u.bottom);

export function paginate(units: readonly BreakUnit[], pageHeight: number): PageSlice[] {
  if (units.length === 0) return [{ start: 0, end: 0, firstUnit: 0, lastUnit: -1 }];
  const pages: PageSlice[] = [];
  let first = 0;
  while (first < units.length) {
    // Page 1 starts at the top of the flow (its first line may sit below a margin or padding);
    // later pages start at their first unit.
    const start = pages.length === 0 ? Math.min(0, top(units[0]!)) : top(units[first]!);
    let fit = first + 1; // units [first, fit) fit on the page; the first always goes on.
    while (fit < units.length && bottom(units[fit]!) - start <= pageHeight + 0.01 && units[fit]!.before !== 'page') fit++;
    let breakAt = fit;
    if (fit < units.length && units[fit]!.before !== 'page') {
      // Latest allowed boundary in (first, fit].
      let k = fit;
      while (k > first && units[k]!.before === 'avoid') k--;
      if (k > first) breakAt = k;
    }
    // Side-by-side items emit their units one column after the other: the last unit is not
    // always the lowest.
    let end = -Infinity;
    for (let i = first; i < breakAt; i++) end = Math.max(end, bottom(units[i]!));
    pages.push({ start, end, firstUnit: first, lastUnit: breakAt - 1 });
    first = breakAt;
  }
  return pages;
}
