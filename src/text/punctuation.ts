/**
 * Punctuation spacing (約物のアキ, JLReq §3.1.2–3.1.9): every bracket, 、。，． and ・：； is
 * modelled as its half-em glyph (the inked half of a full-width character frame) plus aki:
 *   ½ em before cl-01 「（;  ½ em after cl-02 」）, cl-06 。． and cl-07 、，;  ¼ em each side of
 *   cl-05 ・：；
 * with consecutive marks collapsed as JLReq §3.1.4 specifies:
 *   」、 。」 」」 、」 → nothing between, ½ em after the last;   、「 」「 。「 → ½ em between;
 *   「「 → solid, ½ em before the first;   」・ 、・ → ¼ em before the dot;   ・「 → ¼ em after the dot;
 *   。・ → the ½ em after 。 (never reduced) and nothing before the dot.
 *
 * Line edges (what prepare.ts subtracts when a mark starts or ends a line):
 *   - an opening bracket at line start is 天付き: its ½ em before goes (the first-line indent
 *     stays 1 em, so a paragraph opening with 「 is 全角下がり, JLReq §3.1.5 pattern ①);
 *   - 、，」） and ・ at line end are set solid (JIS X 4051; JLReq §3.1.9 note 68);
 *   - 。． at line end keep their ½ em inside the measure, as JIS X 4051 and JLReq §3.1.9 set
 *     them (the full stop reads as a full-width character: its glyph ends ½ em before the
 *     measure). Following JLReq §3.8.3 (b) that line-end ½ em is the first punctuation aki to go
 *     when a line must be squeezed, and only whole ("half em or solid", §3.1.9); mid-line, the
 *     ½ em after a full stop is never reduced (§3.8.3 note 167).
 *
 * The half-em frame. BIZ UDPGothic / UDPMincho are proportional fonts: their marks already carry
 * part of the aki in the advance (、。 0.6 em, brackets and ・ 0.5 em) and they have no
 * halt/palt/chws. Their `fwid` feature does not help either: it maps 、。「」・ to themselves (the
 * glyphs are the only forms; checked with fontkit), so there is no full-width form to trim. We
 * therefore place each mark's half-em frame from its advance and ink box (fontkit bbox), on the
 * ink side of the glyph: a closing mark's frame starts at the glyph origin, an opening bracket's
 * ends at its advance, a middle dot's is centred on the advance — each widened, if a glyph is
 * drawn wider than half an em, so that it always contains the ink. The aki is measured from
 * that frame, so whatever blank the font put inside the advance counts towards it: 、 (advance
 * 0.6 em, frame [0, 0.5 em]) gets 0.4 em after its advance, 「 (advance 0.5 em, frame
 * [0, 0.5 em]) 0.5 em before it — each mark with its aki is exactly 1 em, as in a full-width font.
 *
 * Fonts with the OpenType feature take precedence: when a face lists `halt` (for vertical runs,
 * the measuring face of vertical.ts lists it when the font has `vhal`), each mark's frame is
 * the half-width box the font itself sets, i.e. the pen box [0, xAdvance] of the glyph laid out
 * with `halt`, which the font draws xOffset from the pen: in the glyph's own coordinates the
 * frame is [-xOffset, xAdvance - xOffset] (a full-width 「 with halt <-500 0 -500 0> → frame
 * [500, 1000]). Cached per face and glyph; the ink-box heuristic above is used only when the
 * feature is absent (BIZ UDP) or does not give one positive-width glyph.
 *
 * Only the Japanese (fullwidth-context) forms take part: halfwidth ｢｣､｡･ and the ASCII , . : ;
 * ( ) and curly quotes (which classes.ts glues to Latin words) keep their font spacing —
 * except in Chinese, where “”‘’ are CJK quotation marks (language.ts). Text in other
 * languages than Japanese is adjusted where its fonts and CLREQ differ: punctuation-lang.ts.
 *
 * text-spacing-trim (CSS Text 4; ParagraphOptions.spacingTrim) chooses how much of that aki is
 * set. Per value: the aki between consecutive marks, before an opening bracket starting a line,
 * and after a mark ending one ("dropped": set flush; "kept": set; "allow-end": kept, but the
 * first aki to go, whole, when the line does not fit otherwise — how 。 ends a line in normal):
 *
 *   value        consecutive   「 at line start          」、） at line end   ・ at line end  。． at line end
 *   normal       collapsed     dropped                   dropped             dropped        allow-end
 *   trim-both    collapsed     dropped                   dropped             dropped        dropped
 *   trim-start   collapsed     dropped                   allow-end           dropped        allow-end
 *   space-first  collapsed     kept on the first line    allow-end           dropped        allow-end
 *                              and after "\n", else dropped
 *   space-all    not collapsed kept                      kept                kept           kept
 *   trim-all     no aki at all: every mark is its half-em frame (約物半角, as OpenType halt sets it)
 *
 * normal is JLReq / JIS X 4051, not CSS Text 4's `normal` (which keeps a line-start bracket's
 * aki, and line-end marks' when they fit): in print, a bracket starting a line is set flush.
 * CSS calls dot punctuation (、。) closing in Japanese, so trim-both sets 。 flush at line end;
 * ・ is middle-dot punctuation, which CSS does not trim, but JLReq sets it solid at line end
 * (§3.1.9), and so do all values but space-all. Kept line-edge aki is never squeezed
 * (CSS: justification does not compress spacing at line edges); mid-line aki always may be.
 * 和欧間 is not punctuation aki: no value changes it.
 */
import type { FontFace } from '../fonts/registry.js';
import { CL, KIND, clOf, kindOf } from './classes.js';
import { LANG } from './language.js';
import { frameOf } from './punctuation-frame.js';
import { dropAkiAtSpaces, languageAki, languageRole } from './punctuation-lang.js';
import { ROLE, roleOf } from './punctuation-role.js';
import type { SpacingTrim } from './types.js';

export { ROLE, roleOf } from './punctuation-role.js';

/** Spacing of every cluster of a paragraph, in pt (see prepare.ts for how it is used). */
export interface PunctuationSpacing {
  /** Aki before / after the mark's frame after collapsing: what squeezing may take. */
  akiBefore: Float64Array;
  akiAfter: Float64Array;
  /** Space to add before the glyph origin / after its advance for that aki (may be negative). */
  pre: Float64Array;
  post: Float64Array;
  /** Width of the half-em frame of a mark that may hang (、。，．); 0 for everything else. */
  hangFrame: Float64Array;
  role: Uint8Array;
  /** Aki dropped before the cluster when it starts a line (a bracket set flush). */
  dropStart: Float64Array;
  /** Aki dropped after the cluster when it ends a line (a mark set solid). */
  dropEnd: Float64Array;
  /** Aki kept after the cluster at line end that squeezing may take, whole (allow-end). */
  squeezeEnd: Float64Array;
}

export interface SpacingInput {
  n: number;
  infos: Uint16Array;
  cps: Int32Array;
  size: Float64Array;
  run: Int32Array;
  glyphStart: Int32Array;
  gid: Int32Array;
  faces: readonly FontFace[];
  /** LANG code per cluster (language.ts); absent: all Japanese. Other languages: punctuation-lang.ts. */
  langs?: Uint8Array;
}

const closing = (r: number): boolean => r === ROLE.close || r === ROLE.stop || r === ROLE.comma;

export function punctuationSpacing(input: SpacingInput, trim: SpacingTrim = 'normal'): PunctuationSpacing {
  const { n, infos, cps, size, run, glyphStart, gid, faces, langs } = input;
  const akiBefore = new Float64Array(n);
  const akiAfter = new Float64Array(n);
  const pre = new Float64Array(n);
  const post = new Float64Array(n);
  const hangFrame = new Float64Array(n);
  const role = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    if (glyphStart[k + 1]! - glyphStart[k]! !== 1) continue;
    const lang = langs?.[k] ?? LANG.ja;
    const face = faces[run[k]!]!;
    const glyph = gid[glyphStart[k]!]!;
    let r = roleOf(infos[k]!, cps[k]!);
    if (lang !== LANG.ja) r = languageRole(lang, infos[k]!, r, () => frameOf(face, glyph, ROLE.stop, cps[k]!), face.unitsPerEm);
    if (r === ROLE.none) continue;
    role[k] = r;
    if (trim === 'trim-all') continue; // the half-em frame alone
    const em = size[k]!;
    const own = lang === LANG.ja ? undefined : languageAki(lang, r, cps[k]!, frameOf(face, glyph, r, cps[k]!), face.unitsPerEm, em);
    if (own) [akiBefore[k], akiAfter[k]] = own;
    else if (r === ROLE.open) akiBefore[k] = em / 2;
    else if (r === ROLE.middle) akiBefore[k] = akiAfter[k] = em / 4;
    else akiAfter[k] = em / 2;
  }
  if (langs && trim !== 'space-all') dropAkiAtSpaces(n, langs, infos, akiBefore, akiAfter);
  // Consecutive marks (JLReq §3.1.4): the aki between two marks is owned by one of them.
  for (let k = 0; k + 1 < n && trim !== 'space-all'; k++) {
    const a = role[k]!;
    const b = role[k + 1]!;
    if (a === ROLE.none || b === ROLE.none) continue;
    if (closing(a) && closing(b)) akiAfter[k] = 0; // 」、 。」 」」: solid, ½ em after the last
    else if (closing(a) && b === ROLE.open) akiBefore[k + 1] = 0; // 、「 」「 。「: ½ em between
    else if (a === ROLE.open && b === ROLE.open) akiBefore[k + 1] = 0; // 「「: ½ em before the first
    else if (a === ROLE.stop && b === ROLE.middle) akiBefore[k + 1] = 0; // 。・: the 。's ½ em
    else if (closing(a) && b === ROLE.middle) akiAfter[k] = 0; // 」・ 、・: ¼ em before the dot
    else if (a === ROLE.middle && b === ROLE.open) akiBefore[k + 1] = 0; // ・「: ¼ em after the dot
  }
  for (let k = 0; k < n; k++) {
    const r = role[k]!;
    if (r === ROLE.none) continue;
    const face = faces[run[k]!]!;
    const f = frameOf(face, gid[glyphStart[k]!]!, r, cps[k]!);
    const scale = size[k]! / face.unitsPerEm;
    pre[k] = akiBefore[k]! - f.before * scale;
    post[k] = akiAfter[k]! - f.after * scale;
    const cl = clOf(infos[k]!);
    if ((r === ROLE.stop || r === ROLE.comma) && (cl === CL.fullStop || cl === CL.comma)) hangFrame[k] = f.width * scale;
  }
  return { akiBefore, akiAfter, pre, post, hangFrame, role, ...lineEdges(n, infos, role, akiBefore, akiAfter, trim) };
}

/** What happens to each mark's aki at a line edge, per text-spacing-trim (the table above). */
function lineEdges(
  n: number,
  infos: Uint16Array,
  role: Uint8Array,
  akiBefore: Float64Array,
  akiAfter: Float64Array,
  trim: SpacingTrim,
): Pick<PunctuationSpacing, 'dropStart' | 'dropEnd' | 'squeezeEnd'> {
  const dropStart = new Float64Array(n);
  const dropEnd = new Float64Array(n);
  const squeezeEnd = new Float64Array(n);
  if (trim === 'trim-all' || trim === 'space-all') return { dropStart, dropEnd, squeezeEnd };
  const allowEnd = trim === 'trim-start' || trim === 'space-first';
  for (let k = 0; k < n; k++) {
    const r = role[k]!;
    if (r === ROLE.open) {
      const firstOfLine = k === 0 || kindOf(infos[k - 1]!) === KIND.newline;
      if (!(trim === 'space-first' && firstOfLine)) dropStart[k] = akiBefore[k]!;
    } else if (r === ROLE.middle || ((r === ROLE.close || r === ROLE.comma) && !allowEnd)) {
      dropEnd[k] = akiAfter[k]!;
    } else if (r === ROLE.stop && trim === 'trim-both') {
      dropEnd[k] = akiAfter[k]!;
    } else if (r !== ROLE.none) {
      squeezeEnd[k] = akiAfter[k]!; // 。． (and in trim-start / space-first 、」）) at line end
    }
  }
  return { dropStart, dropEnd, squeezeEnd };
}
