/**
 * What must fit in the measure for a candidate line, with hanging punctuation (ぶら下げ,
 * JLReq §3.8.2 note 163; CSS Text 3 hanging-punctuation): only 、。，． may hang, and only as the
 * last character of a line. A hanging mark sits outside the measure — its half-em frame starts
 * where the measure ends — so what has to fit is the line up to the start of that frame.
 *  - 'allow-end': the mark hangs only when the line would not fit otherwise (before squeezing:
 *    hanging is how JLReq resolves a 、 or 。 that may not start the next line);
 *  - 'force-end': a mark that ends a line always hangs.
 * The line breakers and setLine share this, so a line is set as it was measured.
 */
import { naturalWidth, type Prepared, squeezable, startAki, startDrop } from './prepare.js';
import { EPS } from './span.js';

export type HangMode = 'none' | 'allow-end' | 'force-end';

export interface LineFit {
  /** Width that must fit in the measure (without the hanging mark when `hanging`). */
  width: number;
  /** How much 追い込み may take out of that width. */
  shrink: number;
  /** The last cluster hangs past the measure. */
  hanging: boolean;
}

/** Can the line [s, e) hang its last character? */
export function canHang(p: Prepared, s: number, e: number): boolean {
  return e - 1 > s && p.hangFrame[e - 1]! > 0;
}

export function lineFit(p: Prepared, s: number, e: number, hang: HangMode | undefined, avail: number): LineFit {
  const width = naturalWidth(p, s, e);
  if (hang && hang !== 'none' && canHang(p, s, e) && (hang === 'force-end' || width > avail + EPS)) {
    // Up to the frame of the hanging mark (a comma or full stop has no aki before it). The
    // character before it is mid-line: its aki and letter-spacing stay.
    const m = e - 1;
    return {
      width: p.P[m]! - p.P[s]! - startDrop(p, s) + p.lead[m]!,
      shrink: p.Q[m]! - p.Q[s]! - startAki(p, s),
      hanging: true,
    };
  }
  return { width, shrink: squeezable(p, s, e), hanging: false };
}
