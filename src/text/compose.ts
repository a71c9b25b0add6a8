/**
 * The Japanese line composer's entry points. Stages, one file each:
 *   prepare (clusters, glyphs, widths) → breaks (kinsoku, phrases) → linebreak / optimal
 *   (where lines end) → line (squeeze, justify, align, position).
 * Pure: no I/O; measurements are cached per face, size and letter-spacing, prepared
 * paragraphs per runs array and text-spacing-trim. overflow-wrap's emergency breaks inside
 * over-long words come from overflow-wrap.ts.
 */
import { BRK, breakOpportunities, hasFallback } from './breaks.js';
import { KIND, kindOf } from './classes.js';
import { lineBreaks } from './linebreak.js';
import { setLine } from './line.js';
import { EMERGENCY, emergencyBreaks, emergencyClasses } from './overflow-wrap.js';
import { naturalWidth, prepare } from './prepare.js';
import { placeRuby, rubyFallback } from './ruby.js';
import type { BreakContext } from './span.js';
import type { ComposedLine, ComposedParagraph, InlineRun, ParagraphOptions } from './types.js';

export function composeParagraph(runs: InlineRun[], options: ParagraphOptions): ComposedParagraph {
  runs = rubyFallback(runs);
  const p = prepare(runs, options.spacingTrim);
  if (p.n === 0) return { lines: [], overflows: false };
  const brk = breakOpportunities(p, options.lineBreak, options.phrases, options.keepAll);
  const hang = options.hang ?? 'none';
  // Phrases, Korean words and keep-all words all leave fallback breaks for what does not fit.
  const phrases = options.phrases || hasFallback(brk);
  const ctx: BreakContext = { p, brk, width: options.width, indent: options.indent, phrases, hang };
  if (options.wrap !== 'nowrap') {
    const emergency = emergencyBreaks(ctx, options.overflowWrap);
    if (emergency) ctx.emergency = emergency;
  }
  const lastAlign = options.alignLast === 'auto' ? (options.align === 'justify' ? 'start' : options.align) : options.alignLast;
  const lines: ComposedLine[] = [];
  let overflows = false;
  for (const span of lineBreaks(ctx, options.wrap)) {
    const x0 = span.start === 0 ? options.indent : 0;
    // The last line and lines ended by "\n" take text-align-last, so they are never spread
    // unless alignLast asks for it.
    const align = brk[span.next] === BRK.forced ? lastAlign : options.align;
    const set = setLine(p, runs, span, { x0, avail: options.width - x0, align, hang });
    placeRuby(p, span, set.line, align);
    lines.push(set.line);
    overflows ||= set.overflow;
  }
  return { lines, overflows };
}

/**
 * Natural single-line width (max-content): the widest of the "\n"-separated lines, without
 * trailing spaces. `indent` is added to the first line, as text-indent is.
 */
export function measureText(runs: InlineRun[], options?: Pick<Partial<ParagraphOptions>, 'indent' | 'spacingTrim'>): number {
  const p = prepare(rubyFallback(runs), options?.spacingTrim);
  const indent = options?.indent ?? 0;
  let widest = 0;
  let s = 0;
  for (let b = 1; b <= p.n; b++) {
    if (b < p.n && kindOf(p.info[b - 1]!) !== KIND.newline) continue;
    const w = naturalWidth(p, s, Math.max(s, p.contentEnd[b]!)) + (s === 0 ? indent : 0);
    if (w > widest) widest = w;
    s = b;
  }
  return widest;
}

/**
 * Min-content width: the widest piece between break opportunities (in phrase mode, the widest
 * BudouX phrase, as CSS word-break: auto-phrase sizes boxes; with keep-all or in Korean, the
 * widest word), the first one indented. With
 * overflow-wrap: anywhere (not break-word, as CSS says) the breaks inside words count too.
 */
export function minContentWidth(
  runs: InlineRun[],
  options: Pick<ParagraphOptions, 'lineBreak' | 'phrases' | 'wrap'> &
    Partial<Pick<ParagraphOptions, 'indent' | 'spacingTrim' | 'overflowWrap' | 'keepAll'>>,
): number {
  if (options.wrap === 'nowrap') return measureText(runs, options);
  const p = prepare(rubyFallback(runs), options.spacingTrim);
  const brk = breakOpportunities(p, options.lineBreak, options.phrases, options.keepAll);
  const inWords = options.overflowWrap === 'anywhere' ? emergencyClasses(p) : undefined;
  const indent = options.indent ?? 0;
  let widest = 0;
  let s = 0;
  for (let b = 1; b <= p.n; b++) {
    if (brk[b]! < BRK.allowed && (inWords?.[b] ?? EMERGENCY.none) === EMERGENCY.none) continue;
    const w = naturalWidth(p, s, Math.max(s, p.contentEnd[b]!)) + (s === 0 ? indent : 0);
    if (w > widest) widest = w;
    s = b;
  }
  return widest;
}
