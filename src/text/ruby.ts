/**
 * Ruby (furigana) in the line composer, after JLReq §3.3 and the JLReq "Rules for Simple
 * Placement of Ruby" (w3c/jlreq docs/simple-ruby). Only the base text is in the paragraph's
 * text; readings ride on their InlineRun (InlineRun.ruby) and are set by this module:
 *
 *  1. rubyFallback() — below RUBY_MIN_BASE_SIZE a reading would be unreadable, so it goes in
 *     parentheses after the base instead: 漢字（かんじ）.
 *  2. applyRuby() (called by prepare) — widths. A reading longer than its base protrudes by
 *     half the excess on each side. It may overhang an adjacent kana by at most one ruby
 *     character (and half the kana, so two readings never meet on it), a word space (within
 *     its squeezed width), or, inside a jukugo compound, the room a neighbour's shorter reading
 *     leaves; never kanji, punctuation or another reading. After the paragraph's last base it
 *     needs no room (the line end keeps it). What cannot overhang spaces the base out: before
 *     and after a group and between its characters, 1:2:1 as JLReq does. A compound with a
 *     character whose reading is longer than it is set as a whole (ruby-compound.ts, §3.3.7).
 *  3. rubyInnerBoundaries() (called by breaks) — no break inside a base.
 *  4. placeRuby() (called by compose, per line) — positions the readings: centred over the
 *     base (nakatsuki); a shorter reading over a group base is spread 1:2:1, its end spaces at
 *     most half a base character.
 *
 * How widths stay right at line edges without changing the breakers: the space before a base
 * is the full protrusion, and the glyph is shifted by it; an overhang is credited to the
 * cluster before the boundary as negative `ls`, which prepare drops at line end — so a base or
 * kana that ends a line gets its full width back and no reading sticks out past the measure.
 * At a line head (JLReq §3.3.8, fig. 3.3.35 variant: base flush with the line head, reading
 * starting with it) the protrusion before the base moves after it as far as the neighbour
 * there can take more overhang: that saving is prepare's dropStart of the base (and an `ls`
 * credit, for a base that also ends its line), so a ruby base at the start of a list item
 * lines up with the other lines, and its reading never sticks out before the line.
 */
import type { PositionedGlyph } from '../layout/display-list.js';
import { KIND, kindOf } from './classes.js';
import { type GlyphMetrics, styleMetrics } from './metrics.js';
import { type MissingGlyph, missingGlyphError } from './missing-glyph.js';
import type { Prepared } from './prepare.js';
import { mergeLongCompounds, type Unit } from './ruby-compound.js';
import type { LineSpan } from './span.js';
import type { ComposedLine, InlineRun, RubyAnnotation, RubyRun, TextStyle } from './types.js';

/** Base size (pt) below which readings are set in parentheses after the base (JLReq: about 7 pt). */
export const RUBY_MIN_BASE_SIZE = 7;

const EPS = 1e-9;

interface RubyPrep {
  units: Unit[];
  /** Space before the first glyph of a base (pt), per cluster: the glyph is set this far in. */
  pre: Float64Array;
  /** Per cluster starting a base: how far that base's first glyph is set in when it starts a line. */
  head: Float64Array;
}

const preps = new WeakMap<Prepared, RubyPrep>();

/** The style a reading is set in: its own, or the base style at half size. */
export function rubyStyle(run: InlineRun): TextStyle {
  return run.ruby?.style ?? { ...run.style, size: run.style.size / 2 };
}

const hasReading = (r: InlineRun): boolean => r.ruby !== undefined && r.ruby.text.trim() !== '';

function kindOfRun(r: InlineRun): NonNullable<RubyAnnotation['kind']> {
  return r.ruby?.kind ?? ([...r.text].length > 1 ? 'group' : 'mono');
}

// ---------------------------------------------------------------------------------------------
// 1. Parentheses below RUBY_MIN_BASE_SIZE

const fallbackCache = new WeakMap<readonly InlineRun[], { sig: unknown[]; out: InlineRun[] }>();

/**
 * The runs with readings of too small a base written out in parentheses after the base
 * (a jukugo compound as a whole: 漢字（かんじ）). Returns `runs` itself when there are none,
 * and the same array for the same runs, so prepare's cache keeps working.
 */
export function rubyFallback(runs: InlineRun[]): InlineRun[] {
  if (!runs.some((r) => hasReading(r) && r.style.size < RUBY_MIN_BASE_SIZE)) return runs;
  const sig = runs.flatMap((r) => [r.text, r.style.size, r.ruby?.text]);
  const hit = fallbackCache.get(runs);
  if (hit && hit.sig.length === sig.length && hit.sig.every((v, i) => v === sig[i])) return hit.out;
  const out: InlineRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (!hasReading(r) || r.style.size >= RUBY_MIN_BASE_SIZE) {
      out.push(r);
      continue;
    }
    let base = r.text;
    let reading = r.ruby!.text.trim();
    while (kindOfRun(r) === 'jukugo' && i + 1 < runs.length) {
      const next = runs[i + 1]!;
      if (!hasReading(next) || kindOfRun(next) !== 'jukugo' || next.style.size >= RUBY_MIN_BASE_SIZE) break;
      base += next.text;
      reading += next.ruby!.text.trim();
      i++;
    }
    out.push({ text: `${base}（${reading}）`, style: r.style, ...(r.origin ? { origin: r.origin } : {}) });
  }
  fallbackCache.set(runs, { sig, out });
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Widths

const isKana = (cp: number): boolean =>
  (cp >= 0x3041 && cp <= 0x309f) ||
  (cp >= 0x30a1 && cp <= 0x30ff && cp !== 0x30fb) ||
  (cp >= 0x31f0 && cp <= 0x31ff) ||
  (cp >= 0xff66 && cp <= 0xff9f);

/**
 * Finds the ruby of the paragraph, measures the readings and widens the bases that need it
 * (adv, ls and the prefix sums P, in place). Called by prepare on a freshly built paragraph.
 */
export function applyRuby(p: Prepared, runs: readonly InlineRun[]): Prepared {
  if (!runs.some(hasReading)) return p;
  const units = findUnits(p, runs);
  if (units.length === 0) return p;
  const unitAt = new Int32Array(p.n).fill(-1);
  units.forEach((u, i) => unitAt.fill(i, u.s, u.e));

  // How far a reading may reach over the neighbour on each side, from the natural widths.
  const slack = (v: Unit): number => {
    if (v.excess >= -EPS) return 0;
    const n = v.glyphs.length;
    return v.e - v.s === 1 || n <= 1 ? -v.excess / 2 : Math.min(-v.excess / (2 * n), v.baseSize / 2);
  };
  const longAt = (c: number): boolean => c >= 0 && c < p.n && unitAt[c]! >= 0 && units[unitAt[c]!]!.excess > EPS;
  /** c: the neighbour; far: the cluster beyond it (a reading from there may reach it too). */
  const allowance = (u: Unit, c: number, far: number): number => {
    if (c < 0) return 0; // the paragraph's first line head: see head below
    // After the paragraph's last base the reading only reaches into that line's end, which the
    // base keeps (the overhang credit below is dropped at line end): no base spacing needed.
    if (c >= p.n) return Number.POSITIVE_INFINITY;
    const one = u.style.size; // one ruby character
    const v = unitAt[c]! >= 0 ? units[unitAt[c]!]! : undefined;
    if (v) return u.compound >= 0 && v.compound === u.compound ? Math.min(one, slack(v)) : 0;
    if (isKana(p.cp[c]!)) return Math.min(one, p.adv[c]! / 2);
    // A word space (easy Japanese is written with spaces) is blank like the aki JLReq §3.3.8 c
    // lets ruby overhang: up to one ruby character, within the space as 追い込み may squeeze it,
    // and only half of it when a reading may come from the other side too.
    if (kindOf(p.info[c]!) === KIND.space) return Math.min(one, (p.adv[c]! - p.trail[c]!) / (longAt(far) ? 2 : 1));
    return 0;
  };
  const plans = units.map((u) => {
    if (u.excess <= EPS) return undefined;
    const before = allowance(u, u.s - 1, u.s - 2);
    const after = allowance(u, u.e, u.e + 1);
    const n = u.e - u.s;
    const E = u.excess;
    // What overhang cannot take is spread 1:2:1 over the base (between its characters twice
    // what goes before and after it); the reading stays centred on the base glyphs.
    const between = n > 1 ? Math.max(0, (E - Math.min(before, E / 2) - Math.min(after, E / 2)) / n) : 0;
    const protrusion = (E - between * (n - 1)) / 2;
    const over = Math.min(protrusion, after);
    // At a line head the base starts the line and the reading starts with it (JLReq §3.3.8,
    // the variant of fig. 3.3.35 with rules a, c, e, f): the protrusion before the base moves
    // after it, as far as the neighbour after can take more overhang (at most the allowance).
    const head = u.e >= p.n ? 0 : Math.max(0, Math.min(protrusion, after - over));
    return { between, protrusion, before: Math.min(protrusion, before), after: over, head };
  });

  const pre = new Float64Array(p.n);
  const head = new Float64Array(p.n);
  const delta = new Float64Array(p.n);
  const { adv, ls } = p;
  units.forEach((u, i) => {
    const plan = plans[i];
    if (!plan) return;
    pre[u.s] = plan.protrusion;
    head[u.s] = plan.head;
    delta[u.s]! += plan.protrusion;
    for (let k = u.s; k < u.e - 1; k++) delta[k]! += plan.between;
    delta[u.e - 1]! += plan.protrusion - plan.after;
    ls[u.e - 1]! -= plan.after;
    if (plan.before > 0) {
      delta[u.s - 1]! -= plan.before;
      ls[u.s - 1]! -= plan.before;
    }
    // The line-head saving: dropped when the base starts a line (prepare's startDrop), and
    // given back when it also ends one, where the neighbour that took the overhang is not.
    p.dropStart[u.s]! += plan.head;
    ls[u.e - 1]! -= plan.head;
  });
  let sum = 0;
  for (let k = 0; k < p.n; k++) {
    adv[k]! += delta[k]!;
    sum += delta[k]!;
    p.P[k + 1]! += sum;
  }
  preps.set(p, { units, pre, head });
  return p;
}

function findUnits(p: Prepared, runs: readonly InlineRun[]): Unit[] {
  const first = new Int32Array(runs.length).fill(-1);
  const end = new Int32Array(runs.length).fill(-1);
  for (let k = 0; k < p.n; k++) {
    const r = p.run[k]!;
    if (first[r] === -1) first[r] = k;
    end[r] = k + 1;
  }
  const units: Unit[] = [];
  const missing: MissingGlyph[] = [];
  let compound = -1;
  let compounds = 0;
  let lastRun = -2;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (!hasReading(run) || first[r] === -1) continue;
    const kind = kindOfRun(run);
    // Consecutive jukugo runs (no text between them) form one compound.
    if (kind === 'jukugo') compound = compound >= 0 && lastRun === r - 1 ? compound : compounds++;
    else compound = -1;
    lastRun = kind === 'jukugo' ? r : -2;
    const style = rubyStyle(run);
    const m = styleMetrics(style.face, style.size, style.letterSpacing);
    const glyphs: GlyphMetrics[] = [];
    let width = 0;
    for (const ch of run.ruby!.text.trim()) {
      const g = m.glyph(ch.codePointAt(0)!);
      if (g.id === 0) {
        const origin = run.ruby!.origin ?? run.origin;
        missing.push({ char: ch, face: style.face, ...(origin ? { origin } : {}) });
      }
      if (glyphs.length > 0) width += style.letterSpacing;
      glyphs.push(g);
      width += g.advance;
    }
    const s = first[r]!;
    const e = end[r]!;
    let base = 0;
    for (let k = s; k < e; k++) base += p.adv[k]!;
    base -= p.ls[e - 1]!;
    const bm = p.metrics[r]!;
    const origin = run.ruby!.origin ?? run.origin;
    units.push({
      s,
      e,
      kind,
      compound: kind === 'jukugo' ? compound : -1,
      style,
      glyphs,
      parts: [{ glyphs, width, ...(origin ? { origin } : {}) }],
      width,
      excess: width - base,
      baseSize: bm.size,
      // The reading's em box sits on the base's em box (JLReq: character frames flush).
      rise: (bm.size * bm.ascent) / (bm.ascent + bm.descent) + (m.size * m.descent) / (m.ascent + m.descent),
      ...(origin ? { origin } : {}),
    });
  }
  if (missing.length > 0) throw missingGlyphError(missing);
  return mergeLongCompounds(units);
}

// ---------------------------------------------------------------------------------------------
// 3. Breaks

/** Boundaries inside a base, where no line may break (a jukugo compound breaks between its runs). */
export function rubyInnerBoundaries(p: Prepared): number[] {
  const rp = preps.get(p);
  if (!rp) return [];
  const out: number[] = [];
  for (const u of rp.units) for (let b = u.s + 1; b < u.e; b++) out.push(b);
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Placement

interface GlyphRef {
  runX: number;
  g: PositionedGlyph;
}

/**
 * Shifts the bases of a set line into their space and adds its readings (line.rubies). A base
 * that starts a start-aligned or justified line (or that gave up space there) is set flush with
 * the line head and its reading starts with it (JLReq §3.3.8 a, c, e), so list text lines up.
 */
export function placeRuby(p: Prepared, { start: s, end: e }: LineSpan, line: ComposedLine, align?: string): void {
  const rp = preps.get(p);
  if (!rp || e <= s) return;
  const refs: GlyphRef[] = [];
  for (const r of line.runs) for (const g of r.glyphs) refs.push({ runX: r.x, g });
  const g0 = p.glyphStart[s]!;
  if (refs.length !== p.glyphStart[e]! - g0) return; // not the line we set: leave it alone
  const shift = new Float64Array(e - s);
  for (let a = s; a < e; a++) shift[a - s] = rp.pre[a]!;
  const lead = rp.units.find((u) => u.s === s && rp.pre[s]! > 0);
  const flush = lead !== undefined && (rp.head[s]! > 0 || align === 'start' || align === 'justify');
  if (lead && flush) {
    // setLine left the saving rp.head out before the first glyph: the first base glyph goes to
    // the line head, the rest of the base keeps its spacing relative to it.
    shift[0] = rp.head[s]!;
    for (let a = s + 1; a < Math.min(lead.e, e); a++) shift[a - s] = rp.pre[a]! + rp.head[s]! - rp.pre[s]!;
  }
  for (let a = s; a < e; a++) {
    const d = shift[a - s]!;
    const j0 = p.glyphStart[a]! - g0;
    const j1 = p.glyphStart[a + 1]! - g0;
    if (d === 0 || j1 === j0) continue;
    for (let j = j0; j < j1; j++) refs[j]!.g.x += d;
    refs[j1 - 1]!.g.advance -= d;
    if (j0 > 0) refs[j0 - 1]!.g.advance += d; // advances keep tiling the line
  }
  const rubies: RubyRun[] = [];
  for (const u of rp.units) {
    const us = Math.max(u.s, s);
    const ue = Math.min(u.e, e);
    if (ue <= us) continue;
    const firstRef = refs[p.glyphStart[us]! - g0];
    const lastIndex = p.glyphStart[ue]! - 1;
    const lastRef = refs[lastIndex - g0];
    if (!firstRef || !lastRef) continue;
    const x0 = firstRef.runX + firstRef.g.x;
    const x1 = lastRef.runX + lastRef.g.x + p.gadv[lastIndex]!;
    rubies.push(...setReading(u, x0, x1, ue - us > 1, flush && u === lead));
  }
  if (rubies.length > 0) line.rubies = rubies;
}

/** The reading of u over the base glyphs spanning [x0, x1] of the line: one run per part. */
function setReading(u: Unit, x0: number, x1: number, group: boolean, atHead: boolean): RubyRun[] {
  const n = u.glyphs.length;
  const ls = u.style.letterSpacing;
  const room = x1 - x0;
  let start = atHead ? x0 : (x0 + x1) / 2 - u.width / 2; // centred (nakatsuki), or from the line head
  let between = 0;
  if (group && n > 1 && u.width < room - EPS) {
    // Spread 1:2:1, the ends at most half a base character.
    const extra = room - u.width;
    let end = extra / (2 * n);
    if (end > u.baseSize / 2) end = u.baseSize / 2;
    between = (extra - 2 * end) / (n - 1);
    start = x0 + end;
  }
  const runs: RubyRun[] = [];
  let x = start;
  let i = 0;
  for (const part of u.parts) {
    const glyphs: PositionedGlyph[] = [];
    const runX = x;
    for (const g of part.glyphs) {
      const advance = g.advance + (i < n - 1 ? ls + between : 0);
      glyphs.push({ id: g.id, text: g.text, x: x - runX, advance });
      x += advance;
      i++;
    }
    if (glyphs.length === 0) continue;
    const origin = part.origin ?? u.origin;
    runs.push({ style: u.style, x: runX, glyphs, rise: u.rise, ...(origin ? { origin } : {}) });
  }
  return runs;
}
