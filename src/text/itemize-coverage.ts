/**
 * The coverage gate: every character of a document must be in some font of its text's
 * fallback chain. One error per content field lists its missing characters (with the
 * document, the element and the field), and names a registered font outside the chain that
 * has one of them when there is one — finding that parses every registered font, which only a
 * failing build pays for.
 */
import type { UserInputError } from '../diagnostics/diagnostic.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { ItemOrigin } from '../layout/display-list.js';
import { type MissingGlyph, missingGlyphError } from './missing-glyph.js';

export function coverageError(missing: readonly MissingGlyph[], fonts: FontRegistry, document: string): UserInputError {
  const groups = new Map<ItemOrigin | undefined, Map<string, MissingGlyph>>();
  for (const m of missing) {
    let byChain = groups.get(m.origin);
    if (!byChain) groups.set(m.origin, (byChain = new Map()));
    const key = m.chain?.key ?? m.face.key;
    const group = byChain.get(key);
    if (!group) byChain.set(key, { ...m, document, others: [] });
    else if (group.char !== m.char && !group.others!.includes(m.char)) group.others!.push(m.char);
  }
  const merged = [...groups.values()].flatMap((byChain) => [...byChain.values()]);
  return missingGlyphError(merged.map((m) => ({ ...m, ...elsewhere(m, fonts) })));
}

function elsewhere(m: MissingGlyph, fonts: FontRegistry): Pick<MissingGlyph, 'elsewhere'> {
  const inChain = new Set(m.chain?.families ?? [m.face.family]);
  for (const ch of [m.char, ...(m.others ?? [])]) {
    const found = fonts.familiesWith(ch.codePointAt(0)!, m.face.weight).filter((f) => !inChain.has(f.family));
    if (found.length > 0) return { elsewhere: found };
  }
  return {};
}
