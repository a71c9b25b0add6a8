/** The text stage's public API: the Japanese line composer and its measurements. */
export { composeParagraph, measureText, minContentWidth } from './compose.js';
export { CL, KIND, jlreqClass } from './classes.js';
export type * from './types.js';
