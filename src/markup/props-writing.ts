/** Writing modes (CSS Writing Modes 4): vertical text for desk signs and vertical posters. */
import { kw, def } from './registry.js';
import type { ComputedStyle } from './types.js';
import { ValueError, ident, parseNumber } from './values.js';

kw('writing-mode', 'writingMode', true, ['horizontal-tb', 'vertical-rl']);

type Combine = ComputedStyle['textCombineUpright'];
def<Combine>({
  name: 'text-combine-upright',
  inherited: true,
  syntax: 'none | all | digits <integer 2–4>',
  initial: 'none',
  parse: (nodes) => {
    const k = ident(nodes[0]);
    if ((k === 'none' || k === 'all') && nodes.length === 1) return k;
    if (k !== 'digits' || nodes.length > 2) throw new ValueError();
    // `digits` alone means `digits 2` (CSS Writing Modes 4 §9.1).
    const n = nodes.length === 2 ? parseNumber(nodes[1], { min: 2, max: 4, integer: true }) : 2;
    return `digits ${n}` as Combine;
  },
  apply: (s, v) => {
    s.textCombineUpright = v;
  },
  copy: (to, from) => {
    to.textCombineUpright = from.textCombineUpright;
  },
});
