/**
 * Itemization by font coverage: splits each run into segments of one face, picked from the
 * run's fallback chain (fonts/chain.ts), before the text stage measures anything. After this,
 * a run still has one face, so measuring, line breaking (over the whole paragraph, JLReq
 * rules included) and painting need not know about fallback at all.
 *
 * Units that must not be split between fonts:
 *  - a cluster (base character with its combining marks and variation selectors);
 *  - a Latin word (letters and digits with their marks): it is set whole in the first face
 *    that has every letter, so a Vietnamese "Tiếng" inside Japanese text comes entirely from
 *    Noto Sans rather than "Ti" + "ế" + "ng" from two fonts; a decomposed word (e + U+0302 +
 *    U+0301) is composed (NFC) first, since we do not position marks;
 *  - spaces and half-width punctuation take the face of the text before them (after them at a
 *    run start) when it has them, so "Việt: Người" stays in one font.
 * Characters no face of the chain has keep the primary face and are reported (the coverage
 * gate); the text stage would refuse them too.
 */
import type { FontChain } from '../fonts/chain.js';
import { F_EXTEND, KIND, info, isInvisible, kindOf } from './classes.js';
import type { MissingGlyph } from './missing-glyph.js';
import type { InlineRun, TextStyle } from './types.js';

const WORD = 0;
const NEUTRAL = 1;
const OTHER = 2;

interface Cluster {
  start: number;
  end: number;
  cls: number;
  /** Chosen face index; -2 = not chosen yet. */
  face: number;
  /** Replacement text (NFC of a word), set on the first cluster of the word only. */
  text?: string;
  /** Other clusters of a composed word: their text is in the first one's. */
  merged?: boolean;
}

/** Needs no glyph: invisible characters and forced breaks. */
const noGlyph = (cp: number): boolean => isInvisible(cp) || kindOf(info(cp)) === KIND.newline;
/** Spaces fall back to U+0020 in the text stage (prepare.ts), so they never block a face. */
const optional = (cp: number): boolean => noGlyph(cp) || kindOf(info(cp)) === KIND.space || cp === 0xa0;

/**
 * Runs split into single-face segments. Characters that no face of their chain has are
 * pushed to `missing` (once per character and origin). Runs without a chain pass unchanged.
 */
export function itemizeRuns(runs: readonly InlineRun[], missing?: MissingGlyph[]): InlineRun[] {
  const out: InlineRun[] = [];
  let prev: { chain: FontChain; face: number } | undefined;
  for (const run of runs) {
    const chain = run.style.chain;
    if (!chain) {
      out.push(run);
      prev = undefined;
      continue;
    }
    if (run.ruby) {
      out.push(wholeRun(run, chain, missing));
      prev = undefined;
      continue;
    }
    if (allPrimary(run.text, chain)) {
      out.push(run.style.face === chain.primary ? run : { ...run, style: { ...run.style, face: chain.primary } });
      if (run.text.trim() !== '') prev = { chain, face: 0 };
      continue;
    }
    const clusters = choose(run, chain, prev?.chain === chain ? prev.face : -1, missing);
    out.push(...segments(run, chain, clusters));
    const last = clusters[clusters.length - 1];
    if (last) prev = { chain, face: last.face };
  }
  return out;
}

function allPrimary(text: string, chain: FontChain): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    // optional() first: looking up a newline would open the next font of the chain for nothing.
    if (!optional(cp) && chain.indexOf(cp) !== 0) return false;
  }
  return true;
}

function clustersOf(text: string): Cluster[] {
  const clusters: Cluster[] = [];
  let afterZwj = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const inf = info(cp);
    const last = clusters[clusters.length - 1];
    if (last && ((inf & F_EXTEND) !== 0 || afterZwj)) last.end = i + len;
    else {
      const kind = kindOf(inf);
      const cls = kind === KIND.latin ? WORD : kind === KIND.cjk || kind === KIND.wide ? OTHER : NEUTRAL;
      clusters.push({ start: i, end: i + len, cls, face: -2 });
    }
    afterZwj = cp === 0x200d;
    i += len;
  }
  return clusters;
}

function choose(run: InlineRun, chain: FontChain, before: number, missing: MissingGlyph[] | undefined): Cluster[] {
  const text = run.text;
  const clusters = clustersOf(text);
  const report = (s: string): void => reportMissing(s, run, chain, missing);
  for (let c = 0; c < clusters.length; ) {
    const cl = clusters[c]!;
    if (cl.cls === NEUTRAL) {
      c++;
      continue;
    }
    let e = c + 1;
    if (cl.cls === WORD) while (e < clusters.length && clusters[e]!.cls === WORD) e++;
    const raw = text.slice(cl.start, clusters[e - 1]!.end);
    const unit = cl.cls === WORD && /[\u0300-\u036f]/.test(raw) ? raw.normalize('NFC') : raw;
    const face = chain.indexForAll(unit, noGlyph);
    if (face >= 0 && unit !== raw) {
      cl.text = unit;
      for (let k = c + 1; k < e; k++) clusters[k]!.merged = true;
    }
    for (let k = c; k < e; k++) {
      const one = clusters[k]!;
      // No face has the whole word: each cluster on its own, as its base character asks.
      if (face < 0) one.face = clusterFace(text.slice(one.start, one.end), chain, report);
      else one.face = face;
    }
    c = e;
  }
  // Neutral clusters: the face before them if it has them, else the one after, else any.
  const right = new Int32Array(clusters.length + 1).fill(-1);
  for (let c = clusters.length - 1; c >= 0; c--) right[c] = clusters[c]!.cls !== NEUTRAL ? clusters[c]!.face : right[c + 1]!;
  let left = before;
  for (let c = 0; c < clusters.length; c++) {
    const cl = clusters[c]!;
    if (cl.cls !== NEUTRAL) {
      left = cl.face;
      continue;
    }
    const s = text.slice(cl.start, cl.end);
    const fits = (i: number): boolean => i >= 0 && covers(chain, i, s);
    if (fits(left)) cl.face = left;
    else if (fits(right[c + 1]!)) cl.face = right[c + 1]!;
    else {
      const any = chain.indexForAll(s, optional);
      if (any >= 0) cl.face = any;
      else {
        report(s);
        cl.face = left >= 0 ? left : 0;
      }
    }
    left = cl.face;
  }
  return clusters;
}

function covers(chain: FontChain, i: number, s: string): boolean {
  const face = chain.face(i);
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (!optional(cp) && face.glyphId(cp) === 0) return false;
  }
  return true;
}

/** A cluster no single face has whole: its base character decides; unknown characters are reported. */
function clusterFace(s: string, chain: FontChain, report: (s: string) => void): number {
  const whole = chain.indexForAll(s, noGlyph);
  if (whole >= 0) return whole;
  for (const ch of s) if (!noGlyph(ch.codePointAt(0)!) && chain.indexOf(ch.codePointAt(0)!) < 0) report(ch);
  const base = chain.indexOf(s.codePointAt(0)!);
  return base >= 0 ? base : 0;
}

function reportMissing(s: string, run: InlineRun, chain: FontChain, missing: MissingGlyph[] | undefined): void {
  if (!missing) return;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (optional(cp) || chain.indexOf(cp) >= 0) continue;
    const seen = missing.some((m) => m.char === ch && m.origin === run.origin);
    if (!seen) missing.push({ char: ch, face: chain.primary, chain, ...(run.origin ? { origin: run.origin } : {}) });
  }
}

function segments(run: InlineRun, chain: FontChain, clusters: readonly Cluster[]): InlineRun[] {
  const styles = new Map<number, TextStyle>();
  const styleOf = (i: number): TextStyle => {
    let s = styles.get(i);
    if (!s) {
      const face = chain.face(i);
      s = face === run.style.face ? run.style : { ...run.style, face };
      styles.set(i, s);
    }
    return s;
  };
  const out: InlineRun[] = [];
  let text = '';
  let face = -1;
  for (const cl of clusters) {
    if (cl.face !== face && text !== '') {
      out.push({ ...run, text, style: styleOf(face) });
      text = '';
    }
    face = cl.face;
    if (!cl.merged) text += cl.text ?? run.text.slice(cl.start, cl.end);
  }
  if (text !== '') out.push({ ...run, text, style: styleOf(face) });
  return out;
}

/** A ruby base (never split) and its reading each get the first face that has all of it. */
function wholeRun(run: InlineRun, chain: FontChain, missing: MissingGlyph[] | undefined): InlineRun {
  const pick = (text: string, c: FontChain, r: InlineRun): number => {
    const i = c.indexForAll(text, optional);
    if (i >= 0) return i;
    reportMissing(text, r, c, missing);
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!optional(cp) && c.indexOf(cp) >= 0) return c.indexOf(cp);
    }
    return 0;
  };
  const face = chain.face(pick(run.text, chain, run));
  const ruby = run.ruby!;
  const rubyChain = ruby.style?.chain;
  const rubyStyle = ruby.style && rubyChain
    ? { ...ruby.style, face: rubyChain.face(pick(ruby.text, rubyChain, { ...run, ...(ruby.origin ? { origin: ruby.origin } : {}) })) }
    : ruby.style;
  return {
    ...run,
    style: face === run.style.face ? run.style : { ...run.style, face },
    ruby: { ...ruby, ...(rubyStyle ? { style: rubyStyle } : {}) },
  };
}
