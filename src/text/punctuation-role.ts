/** The punctuation role of a character: which side of its frame its aki is on (punctuation.ts). */
import { CL, KIND, clOf, kindOf } from './classes.js';

/** What a cluster is for punctuation spacing. */
export const ROLE = { none: 0, open: 1, close: 2, stop: 3, comma: 4, middle: 5 } as const;

/** Role of a cluster's base character (its cluster must hold exactly one glyph). */
export function roleOf(info: number, cp: number): number {
  // Halfwidth forms (｢｣､｡･) are half-width by design; ASCII and curly quotes are not KIND.cjk.
  if (kindOf(info) !== KIND.cjk || (cp >= 0xff61 && cp <= 0xff65)) return ROLE.none;
  switch (clOf(info)) {
    case CL.open:
      return ROLE.open;
    case CL.close:
      return ROLE.close;
    case CL.fullStop:
      return ROLE.stop;
    case CL.comma:
      return ROLE.comma;
    case CL.middle:
      return ROLE.middle;
    default:
      return ROLE.none;
  }
}
