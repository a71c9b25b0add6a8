/**
 * 'pretty' and 'balance': re-break one forced-break segment by dynamic programming over its
 * break opportunities (total fit). Badness is the squared slack in ems; a last line of one or
 * two characters (「す。」 alone) costs far more than any re-breaking of earlier lines, so it
 * only survives when no legal alternative exists.
 *  - pretty: only when greedy left a short last line; first re-break the last few lines (a
 *    local change, as browsers do), then the whole segment if that is not enough.
 *  - balance: keep greedy's (minimal) line count and even out all line lengths: the badness
 *    of a line is its squared distance from the greedy lines' mean length, not from the measure,
 *    so breaks that change the total (punctuation aki dropped at line ends) are not favoured.
 */
import { BRK } from './breaks.js';
import { KIND, kindOf } from './classes.js';
import { LANG } from './language.js';
import { lineFit } from './fit.js';
import { naturalWidth } from './prepare.js';
import { type BreakContext, EPS, type LineSpan, availFrom, lineSpan } from './span.js';

const SHORT_LAST = 1e4; // a last line of ≤ 2 characters, or of one word (shortLast)
// Phrase mode: breaking inside a BudouX phrase. Dearer than a short last line, because it is
// only legal inside a phrase too long for the line: 「脅迫的な／言動」, not 「脅迫的／な言動」.
const FALLBACK = 1e5;
// overflow-wrap: a break inside a word too wide for any line (overflow-wrap.ts), by class.
// After / - . (URL-like) it is nearly an ordinary opportunity, as in greedy; between any two
// letters only where nothing else fits, as a phrase fallback; inside a number later still.
const EMERGENCY_COST = [0, 1e6, FALLBACK, 1];
const LINE = 4; // pretty: each line, so re-breaking never adds lines lightly
const SQUEEZE = 1; // a line set tighter than natural (追い込み), plus its amount squared
const TAIL_LINES = 4;
/** Beyond this many lines 'balance' is body text, not a headline: treated as 'pretty'. */
const MAX_BALANCED_LINES = 10;
const TOO_WIDE = -1;

export function optimalSegment(ctx: BreakContext, lines: LineSpan[], wrap: 'pretty' | 'balance'): LineSpan[] | undefined {
  if (lines.length < 2 || lines.some((l) => overflows(ctx, l))) return undefined;
  const end = lines[lines.length - 1]!.next;
  if (wrap === 'balance' && lines.length <= MAX_BALANCED_LINES) {
    let occupied = 0;
    for (const l of lines) occupied += startX(ctx, l.start) + naturalWidth(ctx.p, l.start, l.end);
    return solve(ctx, lines[0]!.start, end, lines.length, occupied / lines.length);
  }
  if (!isShort(ctx, lines[lines.length - 1]!)) return undefined;
  for (const tail of [TAIL_LINES, lines.length]) {
    const keep = Math.max(0, lines.length - tail);
    const rest = solve(ctx, lines[keep]!.start, end);
    if (rest && !isShort(ctx, rest[rest.length - 1]!)) return [...lines.slice(0, keep), ...rest];
    if (keep === 0) break;
  }
  return undefined;
}

function isShort(ctx: BreakContext, l: LineSpan): boolean {
  return shortLast(ctx, l.start, l.end);
}

/**
 * A last line too short to stand alone: one or two characters (「す。」), or — in a language
 * written with spaces between words (language.ts: not Japanese) — a single word filling less
 * than a third of the line, the orphan that CSS text-wrap: pretty avoids in English.
 */
function shortLast(ctx: BreakContext, s: number, end: number): boolean {
  const { p, brk } = ctx;
  if (p.visible[end]! - p.visible[s]! <= 2) return true;
  if (s === 0 || p.lang[s] === LANG.ja || kindOf(p.info[s - 1]!) !== KIND.space) return false;
  for (let b = s + 1; b < end; b++) if (brk[b]! >= BRK.fallback) return false;
  return naturalWidth(p, s, end) < availFrom(ctx, s) / 3;
}

function overflows(ctx: BreakContext, l: LineSpan): boolean {
  const avail = availFrom(ctx, l.start);
  const fit = lineFit(ctx.p, l.start, l.end, ctx.hang, avail);
  return fit.width - fit.shrink > avail + EPS;
}

/** Where a line starting at s begins: the first line after its indent. */
function startX(ctx: BreakContext, s: number): number {
  return s === 0 ? ctx.indent : 0;
}

/**
 * Cost of the line [s, next), TOO_WIDE if it cannot fit even squeezed, Infinity if empty.
 * `target` (balance only): the length, from the line box start, lines should have.
 */
function lineCost(ctx: BreakContext, s: number, next: number, last: boolean, balance: boolean, target = 0): number {
  const { p } = ctx;
  const end = Math.max(s, p.contentEnd[next]!);
  if (end === s) return last ? 0 : Infinity;
  const avail = availFrom(ctx, s);
  const fit = lineFit(p, s, end, ctx.hang, avail);
  const natural = fit.width;
  const em = p.size[s]!;
  let cost = 0;
  if (natural > avail + EPS) {
    if (natural - fit.shrink > avail + EPS) return TOO_WIDE;
    const over = (natural - avail) / em;
    cost += SQUEEZE + 25 * over * over;
  } else if (!last || balance) {
    const slack = ((balance ? Math.min(avail, target - startX(ctx, s)) : avail) - natural) / em;
    cost += slack * slack;
  }
  if (!balance) cost += LINE;
  if (ctx.brk[next] === BRK.fallback) cost += FALLBACK;
  if (ctx.emergency) cost += EMERGENCY_COST[ctx.emergency[next]!]!;
  if (last && shortLast(ctx, s, end)) cost += SHORT_LAST;
  return cost;
}

/**
 * Best breaks for clusters [from, to) where `to` is a forced break: with `lineCount`, exactly
 * that many lines (balance); otherwise any number (pretty).
 */
function solve(ctx: BreakContext, from: number, to: number, lineCount?: number, target?: number): LineSpan[] | undefined {
  const nodes = [from];
  for (let b = from + 1; b < to; b++) {
    if (ctx.brk[b] === BRK.allowed || ctx.brk[b] === BRK.fallback || (ctx.emergency?.[b] ?? 0) > 0) nodes.push(b);
  }
  nodes.push(to);
  const m = nodes.length;
  const layers = lineCount ?? 1; // pretty keeps one layer: the line count is free
  const cost = new Float64Array((layers + 1) * m).fill(Infinity);
  const prev = new Int32Array((layers + 1) * m).fill(-1);
  cost[0] = 0;
  const balance = lineCount !== undefined;
  const canJumpToStart = nodes[0] === 0 && ctx.indent < 0;
  for (let j = 1; j < m; j++) {
    const last = j === m - 1;
    for (let i = j - 1; i >= 0; i--) {
      const c = lineCost(ctx, nodes[i]!, nodes[j]!, last, balance, target);
      if (c === TOO_WIDE) {
        // Wider further back, except that a negative indent widens the very first line.
        if (canJumpToStart && i > 1) {
          i = 1;
          continue;
        }
        break;
      }
      if (c === Infinity) continue;
      if (!balance) {
        const via = cost[i]! + c;
        if (via < cost[j]!) {
          cost[j] = via;
          prev[j] = i;
        }
        continue;
      }
      for (let k = 1; k <= layers; k++) {
        const via = cost[(k - 1) * m + i]! + c;
        if (via < cost[k * m + j]!) {
          cost[k * m + j] = via;
          prev[k * m + j] = i;
        }
      }
    }
  }
  const lines: LineSpan[] = [];
  let layer = balance ? layers : 0;
  let j = m - 1;
  if (!Number.isFinite(cost[layer * m + j]!)) return undefined;
  while (j > 0) {
    const i = prev[layer * m + j]!;
    lines.push(lineSpan(ctx, nodes[i]!, nodes[j]!));
    j = i;
    if (balance) layer--;
  }
  return lines.reverse();
}
