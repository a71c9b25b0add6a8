/**
 * Turns runs into a flat, measured sequence of clusters (a base character plus any combining
 * marks / variation selectors) with everything line breaking needs precomputed as prefix sums,
 * so the width of any candidate line is O(1). The result is cached per runs array: layout
 * measures the same paragraph for max-content, min-content and each candidate width.
 */
import { F_EXTEND, F_KANA_KANJI, KIND, info, isInvisible, kindOf } from './classes.js';
import { infoIn, langCode } from './language.js';
import { type GlyphMetrics, styleMetrics, type StyleMetrics } from './metrics.js';
import { type MissingGlyph, missingGlyphError } from './missing-glyph.js';
import { ROLE, punctuationSpacing } from './punctuation.js';
import { applyRuby } from './ruby.js';
import type { InlineRun, SpacingTrim } from './types.js';

export interface Prepared {
  readonly n: number;
  /** All runs' text joined. */
  readonly text: string;
  /** UTF-16 offset of each cluster in `text` (n + 1 entries). */
  readonly start: Int32Array;
  readonly run: Int32Array;
  /** info() of each cluster's base character, as its language uses it (language.ts infoIn). */
  readonly info: Uint16Array;
  /** LANG code (language.ts) of each cluster's run. */
  readonly lang: Uint8Array;
  readonly cp: Int32Array;
  /** Font size of each cluster: the em that 和欧間 and aki are measured in. */
  readonly size: Float64Array;
  /** Natural advance including letter-spacing. */
  readonly adv: Float64Array;
  /** The letter-spacing inside `adv` (dropped at line end); minus any ruby overhang (ruby.ts). */
  readonly ls: Float64Array;
  /** 和欧間 after the cluster. */
  readonly gap: Float64Array;
  /**
   * Aki that 追い込み may remove before / after the glyph: punctuation aki (JLReq, collapsed;
   * punctuation.ts) and the word-space slack down to ¼ em.
   */
  readonly lead: Float64Array;
  readonly trail: Float64Array;
  /** Punctuation: space added before the glyph origin / after its advance for its aki. */
  readonly pre: Float64Array;
  readonly post: Float64Array;
  /** Punctuation role (punctuation.ts ROLE) and, for 、。，．, the width of the frame that may hang. */
  readonly role: Uint8Array;
  readonly hangFrame: Float64Array;
  /** text-spacing-trim the aki were set for, and what it does at line edges (punctuation.ts). */
  readonly trim: SpacingTrim;
  readonly dropStart: Float64Array;
  readonly dropEnd: Float64Array;
  readonly squeezeEnd: Float64Array;
  /**
   * Prefix sums (n + 1): pre + adv + post + gap; the aki 追い込み may take mid-line (lead + trail
   * + gap / 2, but never the ½ em after a full stop); visible characters.
   */
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
  /** Per text-spacing-trim: the aki, and so the prefix sums, differ. */
  preps: Map<SpacingTrim, Prepared>;
}
const cache = new WeakMap<readonly InlineRun[], CacheEntry>();

function signature(runs: readonly InlineRun[]): unknown[] {
  const sig: unknown[] = [];
  for (const r of runs) sig.push(r.text, r.style.face, r.style.size, r.style.letterSpacing, r.style.lang, r.ruby?.text, r.ruby?.kind, r.ruby?.style);
  return sig;
}

/** Measured clusters for runs; throws text/missing-glyph for characters the font lacks. */
export function prepare(runs: readonly InlineRun[], trim: SpacingTrim = 'normal'): Prepared {
  let entry = cache.get(runs);
  const sig = signature(runs);
  if (!entry || entry.sig.length !== sig.length || !entry.sig.every((v, i) => v === sig[i])) {
    entry = { sig, preps: new Map() };
    cache.set(runs, entry);
  }
  let prep = entry.preps.get(trim);
  if (!prep) {
    prep = applyRuby(build(runs, trim), runs);
    entry.preps.set(trim, prep);
  }
  return prep;
}

function build(runs: readonly InlineRun[], trim: SpacingTrim): Prepared {
  const text = runs.map((r) => r.text).join('');
  const cap = text.length;
  const start = new Int32Array(cap + 1);
  const run = new Int32Array(cap);
  const infos = new Uint16Array(cap);
  const langs = new Uint8Array(cap);
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
    const lc = langCode(runs[r]!.style.lang);
    let afterZwj = false;
    for (let i = 0; i < t.length; ) {
      const c = t.codePointAt(i)!;
      const len = c > 0xffff ? 2 : 1;
      const inf = infoIn(lc, c, info(c));
      // Marks join the cluster before them, but never across runs (they would change style).
      const joins = n > 0 && run[n - 1] === r && ((inf & F_EXTEND) !== 0 || afterZwj);
      if (!joins) {
        start[n] = offset + i;
        run[n] = r;
        infos[n] = inf;
        langs[n] = lc;
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
            const { origin, style } = runs[r]!;
            missing.push({ char: ch, face: m.face, ...(style.chain ? { chain: style.chain } : {}), ...(origin ? { origin } : {}) });
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
  return finish({ n, text, start, run, infos, langs, cps, size, adv, ls, glyphStart, gid, gadv, gtext, metrics }, trim);
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
  langs: Uint8Array;
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

function finish(raw: Raw, trim: SpacingTrim): Prepared {
  const { n, infos, size, adv, gadv, glyphStart } = raw;
  const gap = new Float64Array(n);
  const punct = punctuationSpacing({ ...raw, faces: raw.metrics.map((m) => m.face) }, trim);
  const { pre, post, role, hangFrame } = punct;
  const lead = punct.akiBefore;
  const trail = punct.akiAfter;
  for (let k = 0; k < n; k++) {
    const inf = infos[k]!;
    if (kindOf(inf) === KIND.space) {
      let ink = 0;
      for (let j = glyphStart[k]!; j < glyphStart[k + 1]!; j++) ink += gadv[j]!;
      trail[k] = Math.max(0, ink - size[k]! / 4); // word space down to ¼ em
    }
    if (k + 1 < n) gap[k] = wabunGap(inf, infos[k + 1]!, size[k]!, size[k + 1]!);
  }
  const P = new Float64Array(n + 1);
  const Q = new Float64Array(n + 1);
  const visible = new Int32Array(n + 1);
  const contentEnd = new Int32Array(n + 1);
  const spaceTrim = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const kind = kindOf(infos[k]!);
    P[k + 1] = P[k]! + pre[k]! + adv[k]! + post[k]! + gap[k]!;
    Q[k + 1] = Q[k]! + lead[k]! + (role[k] === ROLE.stop ? 0 : trail[k]!) + gap[k]! / 2;
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
    lang: raw.langs.subarray(0, n),
    cp: raw.cps.subarray(0, n),
    size: size.subarray(0, n),
    adv: adv.subarray(0, n),
    ls: raw.ls.subarray(0, n),
    gap,
    lead,
    trail,
    pre,
    post,
    role,
    hangFrame,
    trim,
    dropStart: punct.dropStart,
    dropEnd: punct.dropEnd,
    squeezeEnd: punct.squeezeEnd,
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

/**
 * Aki dropped before cluster s when it starts a line: in normal, an opening bracket is 天付き
 * (text-spacing-trim decides, punctuation.ts).
 */
export function startDrop(p: Prepared, s: number): number {
  return p.dropStart[s]!;
}

/** Aki dropped after cluster k when it ends a line: in normal, 、，」） and ・ are set solid, 。． keep theirs. */
export function endDrop(p: Prepared, k: number): number {
  return p.dropEnd[k]!;
}

/** The aki before an opening bracket that starts a line, dropped or kept: never squeezed. */
export function startAki(p: Prepared, s: number): number {
  return p.role[s] === ROLE.open ? p.lead[s]! : 0;
}

/**
 * Natural width of clusters [s, e) set as one line: no 和欧間 or letter-spacing at its end, and
 * punctuation aki at its edges as punctuation.ts describes.
 */
export function naturalWidth(p: Prepared, s: number, e: number): number {
  if (e <= s) return 0;
  return p.P[e]! - p.P[s]! - p.gap[e - 1]! - p.ls[e - 1]! - startDrop(p, s) - endDrop(p, e - 1);
}

/**
 * How much 追い込み may take out of the line [s, e): mid-line aki, plus the ½ em after a full
 * stop that ends the line (JLReq §3.8.3 b; with allow-end, after any closing mark), but no aki
 * at the line edges otherwise (dropped there, or kept and not squeezed).
 */
export function squeezable(p: Prepared, s: number, e: number): number {
  if (e <= s) return 0;
  const k = e - 1;
  const r = p.role[k]!;
  const trailInQ = r === ROLE.none || r === ROLE.stop ? 0 : p.trail[k]!; // Q never has a full stop's
  return p.Q[e]! - p.Q[s]! - p.gap[k]! / 2 - startAki(p, s) - trailInQ + p.squeezeEnd[k]!;
}
