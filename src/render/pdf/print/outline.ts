/**
 * Outlined text (アウトライン化, `--outline-text`), for print shops that refuse live fonts:
 * every glyph run becomes one filled vector path in the run's colour (K100 for black text, as
 * the live text is), from our own font outlines with the preview's placement
 * (render/glyph-outline.ts: vertical runs, sideways glyphs, scaleX, run rotation). The
 * resulting document has no glyph runs, so its PDF embeds no font at all; the text can no
 * longer be searched or copied, which is why the normal print flavour keeps it live.
 */
import type { DisplayDocument, DisplayItem } from '../../../layout/display-list.js';
import { runOutline } from '../../glyph-outline.js';

/** A copy of the document with every glyph run replaced by its outline. */
export function outlineText(doc: DisplayDocument): DisplayDocument {
  return {
    ...doc,
    pages: doc.pages.map((page) => ({
      ...page,
      items: page.items.flatMap((item): DisplayItem[] => {
        if (item.kind !== 'glyphs') return [item];
        const commands = runOutline(item);
        if (commands.length === 0) return []; // spaces only: nothing to draw
        // TrueType outlines are drawn with the nonzero winding rule.
        return [{ kind: 'path', commands, fill: item.color, fillRule: 'nonzero', ...(item.origin ? { origin: item.origin } : {}) }];
      }),
    })),
  };
}
