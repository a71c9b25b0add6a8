/**
 * Line breaking: where each line starts and ends. Greedy first-fit, as JIS X 4051 composes:
 * fill the line; when what does not fit is glued to what does (the next character may not
 * start a line, or it sits inside a word), first try 追い込み — pull the glued piece back if
 * removing punctuation aki and word-space slack makes it fit — otherwise 追い出し: break at
 * the previous opportunity, pushing the piece to the next line.
 * With overflow-wrap, a URL-like break inside a word too wide for any line counts as an
 * opportunity, and other breaks inside it are the last resort (overflow-wrap.ts).
 * 'pretty' and 'balance' then re-break segments with optimal.ts.
 */
import { BRK } from './breaks.js';
import { lineFit } from './fit.js';
import { optimalSegment } from './optimal.js';
import { EMERGENCY, emergencyBreak } from './overflow-wrap.js';
import { naturalWidth } from './prepare.js';
import { type BreakContext, EPS, type LineSpan, availFrom, lineSpan } from './span.js';
import type { ParagraphOptions } from './types.js';

export function lineBreaks(ctx: BreakContext, wrap: ParagraphOptions['wrap']): LineSpan[] {
  if (wrap === 'nowrap') return segmentsOnly(ctx);
  const lines = greedy(ctx);
  if (wrap === 'wrap') return lines;
  return reflowSegments(ctx, lines, wrap);
}

function segmentsOnly(ctx: BreakContext): LineSpan[] {
  const lines: LineSpan[] = [];
  let s = 0;
  for (let b = 1; b <= ctx.p.n; b++) {
    if (ctx.brk[b] !== BRK.forced) continue;
    lines.push(lineSpan(ctx, s, b));
    s = b;
  }
  return lines;
}

function greedy(ctx: BreakContext): LineSpan[] {
  const lines: LineSpan[] = [];
  for (let s = 0; s < ctx.p.n; ) {
    let next = nextBreak(ctx, s, BRK.allowed);
    // Phrase mode: a phrase longer than the line falls back to the ordinary opportunities.
    if (next < 0 && ctx.phrases) next = nextBreak(ctx, s, BRK.fallback);
    if (next < 0 && ctx.emergency) next = emergencyBreak(ctx, s, -next);
    if (next < 0) next = -next; // overflowing: the first opportunity, the piece sticks out
    lines.push(lineSpan(ctx, s, next));
    s = next;
  }
  return lines;
}

/**
 * The break ending the line that starts at s, considering opportunities of at least `minBrk`.
 * Negative (−b) when the line cannot fit: b is then the first opportunity after s.
 */
function nextBreak(ctx: BreakContext, s: number, minBrk: number): number {
  const { p, brk, emergency } = ctx;
  const avail = availFrom(ctx, s) + EPS;
  let best = -1;
  for (let b = s + 1; b <= p.n; b++) {
    const t = brk[b]!;
    if (t < minBrk && emergency?.[b] !== EMERGENCY.url) continue;
    const end = Math.max(s, p.contentEnd[b]!);
    if (end === s && t !== BRK.forced) continue; // would leave an empty line
    const fit = lineFit(p, s, end, ctx.hang, avail - EPS);
    if (fit.width <= avail) {
      best = b;
      if (t === BRK.forced) return b;
      continue;
    }
    const fitsSqueezed = fit.width - fit.shrink <= avail;
    if (best < 0) return fitsSqueezed ? b : -b;
    // 追い込み only when the character after `best` itself fits: the obstacle is then kinsoku
    // or glue, not simply a full line.
    const gluedOverflow = naturalWidth(p, s, best + 1) <= avail;
    return gluedOverflow && fitsSqueezed ? b : best;
  }
  return best;
}

/** Splits greedy lines into forced-break segments and re-breaks those that need it. */
function reflowSegments(ctx: BreakContext, lines: LineSpan[], wrap: 'pretty' | 'balance'): LineSpan[] {
  const out: LineSpan[] = [];
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    if (ctx.brk[lines[i]!.next] !== BRK.forced) continue;
    const segment = lines.slice(first, i + 1);
    out.push(...(optimalSegment(ctx, segment, wrap) ?? segment));
    first = i + 1;
  }
  return out;
}
