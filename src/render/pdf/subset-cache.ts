/**
 * Memoised font subsets. The print flavour renders the same display list as the plain one
 * right after it, with the same glyphs per face, so its subsets are the plain render's: a
 * subset is a pure function of (resource name, face, glyph → text map), and is reused while
 * that key is the same. A few recent keys per face are kept (weakly, by face).
 */
import type { FontFace } from '../../fonts/registry.js';
import { buildSubset, type FontUse, type SubsetFont } from './font-subset.js';

const KEEP = 4;
const cache = new WeakMap<FontFace, { key: string; subset: SubsetFont }[]>();

function keyOf(use: FontUse): string {
  const entries = [...use.texts].sort((a, b) => a[0] - b[0]);
  return `${use.resource}\0${JSON.stringify(entries)}`;
}

export function cachedSubset(use: FontUse): SubsetFont {
  const key = keyOf(use);
  const list = cache.get(use.face) ?? [];
  const hit = list.find((e) => e.key === key);
  if (hit) return hit.subset;
  const subset = buildSubset(use);
  list.unshift({ key, subset });
  list.length = Math.min(list.length, KEEP);
  cache.set(use.face, list);
  return subset;
}
