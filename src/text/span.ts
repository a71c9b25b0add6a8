/** What the line breakers share: the paragraph being broken and the lines they produce. */
import type { Prepared } from './prepare.js';

/** Slack in fit decisions (pt): float noise only; the 0.01 pt promise is checked on the result. */
export const EPS = 0.005;

export interface BreakContext {
  p: Prepared;
  /** From breakOpportunities(). */
  brk: Uint8Array;
  width: number;
  indent: number;
  /** The break array has fallback opportunities (phrases, or words kept whole: breaks.ts). */
  phrases: boolean;
  /** Hanging punctuation (fit.ts); absent means none. */
  hang?: 'none' | 'allow-end' | 'force-end';
  /** overflow-wrap: emergency breaks inside over-long words (overflow-wrap.ts); absent means none. */
  emergency?: Uint8Array;
}

/** One line: clusters [start, end) are shown; the next line starts at `next`. */
export interface LineSpan {
  start: number;
  /** Content end: trailing break spaces and the "\n" are not part of the line. */
  end: number;
  next: number;
}

/** The measure of a line starting at cluster s: only the paragraph's first line is indented. */
export function availFrom(ctx: BreakContext, s: number): number {
  return s === 0 ? ctx.width - ctx.indent : ctx.width;
}

export function lineSpan(ctx: BreakContext, s: number, next: number): LineSpan {
  return { start: s, end: Math.max(s, ctx.p.contentEnd[next]!), next };
}
