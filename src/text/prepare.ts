/**
 * Turns runs into a flat, measured sequence of clusters (a base character plus any combining
 * marks / variation selectors) with everything line breaking needs precomputed as prefix sums,
 * so the width of any candidate line is O(1). The result is cached per runs array: layout
 * measures the same paragraph for max-content, min-content and each candidate width.
 */
import { CL, F_EXTEND, F_KANA_KANJI, KIND, clOf, info, isInvisible, kindOf } from './classes.js';
import { type GlyphMetrics, styleMetrics, type StyleMetrics } from './metrics.js';
import { type MissingGlyph, missingGlyphError } from './missing-glyph.js';
import type { InlineRun } from './types.js';

export interface Prepared {
  readonly n: number;
  /** All runs' text joined. */
  readonly text: string;
  /** UTF-16 offset of each cluster in `text` (n + 1 entries). */
  readonly start: Int32Array;
  readonly run: Int32Array;
  /** info() of each cluster's base character. */
  readonly info: Uint16Array;
  readonly cp: Int32Array;
  /** Font size of each cluster: the em that 和欧間 and aki are measured in. */
  readonly size: Float64Array;
  /** Natural advance including letter-spacing. */
  readonly adv: Float64Array;
  /** The letter-spacing inside `adv` (dropped at line end). */
  readonly ls: Float64Array;
  /** 和欧間 after the cluster. */
  readonly gap: Float64Array;
  /** Aki that 追い込み may remove before / after the glyph. */
  readonly lead: Float64Array;
  readonly trail: Float64Array;
  /** Prefix sums (n + 1): adv + gap, lead + trail + gap / 2, visible characters. */
  readonly P: Float64Array;
  readonly Q: Float64Array;
  readonly visible: Int32Array;
  /** For a break at boundary b: where the line's content ends (trailing spaces and "\n" dropped). */
  readonly contentEnd: Int32Array;
  readonly glyphStart: Int32Array;
  readonly gid: Int32Array;
  readonly gadv: Float64Array;
  readonly gtext: string[];
  readonly metrics: StyleMetrics[];
  /** Break opportunities per (level, phrases), filled by breaks.ts. */
  readonly breakCache: Map<string, Uint8Array>;
}

interface CacheEntry {
  sig: unknown[];
  prep: Prepared;
}
const cache = new WeakMap<readonly InlineRun[], CacheEntry>();

function signature(runs: readonly InlineRun[]): unknown[] {
  const sig: unknown[] = [];
  for (const r of runs) sig.push(r.text, r.style.face, r.style.size, r.style.letterSpacing);
  return sig;
}

/** Measured clusters for runs; throws text/missing-glyph for characters the font lacks. */
export function prepare(runs: readonly InlineRun[]): Prepared {
  const hit = cache.get(runs);
  const sig = signature(runs);
  if (hit && hit.sig.length === sig.length && hit.sig.every((v, i) => v === sig[i])) return hit.prep;
  const prep = build(runs);
  cache.set(runs, { sig, prep });
  return prep;
}

function build(runs: readonly InlineRun[]): Prepared {
  const text = runs.map((r) => r.text).join('');
  const cap = text.length;
  const start = new Int32Array(cap + 1);
  const run = new Int32Array(cap);
  const infos = new Uint16Array(cap);
  const cps = new Int32Array(cap);
  const size = new Float64Array(cap);
  const adv = new Float64Array(cap);
  const ls = new Float64Array(cap);
  const glyphStart = new Int32Array(cap + 1);
  const gid = new Int32Array(cap);
  const gadv = new Float64Array(cap);
  const gtext: string[] = [];
  const metrics = runs.map((r) => styleMetrics(r.style.face, r.style.size, r.style.letterSpacing));
  const missing: MissingGlyph[] = [];
  const missingSeen = new Set<string>();

  let n = 0;
  let g = 0;
  let offset = 0;
  for (let r = 0; r < runs.length; r++) {
    const t = runs[r]!.text;
    const m = metrics[r]!;
    let afterZwj = false;
    for (let i = 0; i < t.length; ) {
      const c = t.codePointAt(i)!;
      const len = c > 0xffff ? 2 : 1;
      const inf = info(c);
      // Marks join the cluster before them, but never across runs (they would change style).
      const joins = n > 0 && run[n - 1] === r && ((inf & F_EXTEND) !== 0 || afterZwj);
      if (!joins) {
        start[n] = offset + i;
        run[n] = r;
        infos[n] = inf;
        cps[n] = c;
        size[n] = m.size;
        glyphStart[n] = g;
        n++;
      }
      const glyph = glyphFor(c, kindOf(infos[n - 1]!), m);
      if (glyph) {
        if (glyph.id === 0) {
          const ch = String.fromCodePoint(c);
          const key = `${ch}|${r}`;
          if (!missingSeen.has(key)) {
            missingSeen.add(key);
            const origin = runs[r]!.origin;
            missing.push({ char: ch, face: m.face, ...(origin ? { origin } : {}) });
          }
        }
        gid[g] = glyph.id;
        gadv[g] = glyph.advance;
        gtext[g] = glyph.text; // a tab shows the space glyph, and says ' ' for copy-paste
        adv[n - 1]! += glyph.advance;
        ls[n - 1] = m.letterSpacing;
        g++;
      }
      afterZwj = c === 0x200d;
      i += len;
    }
    offset += t.length;
  }
  if (missing.length > 0) throw missingGlyphError(missing);
  start[n] = offset;
  glyphStart[n] = g;
  for (let k = 0; k < n; k++) adv[k]! += ls[k]!;
  return finish({ n, text, start, run, infos, cps, size, adv, ls, glyphStart, gid, gadv, gtext, metrics });
}

function glyphFor(c: number, clusterKind: number, m: StyleMetrics): GlyphMetrics | undefined {
  if (c === 0x09) return m.glyph(0x20);
  if (clusterKind === KIND.newline || isInvisible(c)) return undefined;
  const glyph = m.glyph(c);
  // Exotic spaces and NBSP fall back to the plain space rather than failing the build.
  if (glyph.id === 0 && (clusterKind === KIND.space || c === 0xa0)) return m.glyph(0x20);
  return glyph;
}

interface Raw {
  n: number;
  text: string;
  start: Int32Array;
  run: Int32Array;
  infos: Uint16Array;
  cps: Int32Array;
  size: Float64Array;
  adv: Float64Array;
  ls: Float64Array;
  glyphStart: Int32Array;
  gid: Int32Array;
  gadv: Float64Array;
  gtext: string[];
  metrics: StyleMetrics[];
}

function finish(raw: Raw): Prepared {
  const { n, infos, size, adv, gadv, glyphStart } = raw;
  const gap = new Float64Array(n);
  const lead = new Float64Array(n);
  const trail = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const inf = infos[k]!;
    const kind = kindOf(inf);
    let ink = 0;
    for (let j = glyphStart[k]!; j < glyphStart[k + 1]!; j++) ink += gadv[j]!;
    // Proportional fonts already set punctuation tight: only what exceeds half an em is aki.
    const excess = Math.max(0, ink - size[k]! / 2);
    const cl = clOf(inf);
    if (cl === CL.open) lead[k] = excess;
    else if (cl === CL.close || cl === CL.fullStop || cl === CL.comma) trail[k] = excess;
    else if (cl === CL.middle) lead[k] = trail[k] = excess / 2;
    else if (kind === KIND.space) trail[k] = Math.max(0, ink - size[k]! / 4); // word space down to ¼ em
    if (k + 1 < n) gap[k] = wabunGap(inf, infos[k + 1]!, size[k]!, size[k + 1]!);
  }
  const P = new Float64Array(n + 1);
  const Q = new Float64Array(n + 1);
  const visible = new Int32Array(n + 1);
  const contentEnd = new Int32Array(n + 1);
  const spaceTrim = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const kind = kindOf(infos[k]!);
    P[k + 1] = P[k]! + adv[k]! + gap[k]!;
    Q[k + 1] = Q[k]! + lead[k]! + trail[k]! + gap[k]! / 2;
    const shows = kind !== KIND.space && kind !== KIND.newline && kind !== KIND.ignore && kind !== KIND.zwsp;
    visible[k + 1] = visible[k]! + (shows ? 1 : 0);
    spaceTrim[k + 1] = kind === KIND.space ? spaceTrim[k]! : k + 1;
    contentEnd[k + 1] = kind === KIND.newline ? spaceTrim[k]! : spaceTrim[k + 1]!;
  }
  return {
    n,
    text: raw.text,
    start: raw.start.subarray(0, n + 1),
    run: raw.run.subarray(0, n),
    info: infos.subarray(0, n),
    cp: raw.cps.subarray(0, n),
    size: size.subarray(0, n),
    adv: adv.subarray(0, n),
    ls: raw.ls.subarray(0, n),
    gap,
    lead,
    trail,
    P,
    Q,
    visible,
    contentEnd,
    glyphStart: glyphStart.subarray(0, n + 1),
    gid: raw.gid,
    gadv: raw.gadv,
    gtext: raw.gtext,
    metrics: raw.metrics,
    breakCache: new Map(),
  };
}

/** 和欧間: ¼ em of the Japanese side between kana/kanji and a half-width letter or digit. */
function wabunGap(a: number, b: number, sizeA: number, sizeB: number): number {
  if ((a & F_KANA_KANJI) !== 0 && kindOf(b) === KIND.latin) return sizeA / 4;
  if (kindOf(a) === KIND.latin && (b & F_KANA_KANJI) !== 0) return sizeB / 4;
  return 0;
}

/** Natural width of clusters [s, e) set as one line: no 和欧間 or letter-spacing at its end. */
export function naturalWidth(p: Prepared, s: number, e: number): number {
  if (e <= s) return 0;
  return p.P[e]! - p.P[s]! - p.gap[e - 1]! - p.ls[e - 1]!;
}

/** How much 追い込み may take out of the line [s, e). */
export function squeezable(p: Prepared, s: number, e: number): number {
  if (e <= s) return 0;
  return p.Q[e]! - p.Q[s]! - p.gap[e - 1]! / 2;
}
