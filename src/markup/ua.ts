/**
 * The UA stylesheet. Deliberately no margins on p/h1–h6/ul (unlike browsers): templates style
 * every gap themselves, and UA margins would only have to be reset in each one.
 * Font defaults sit on html (not body) so that 1rem is 10.5pt as well; body inherits them.
 * text-wrap: pretty sits there too, so p, li and h1–h6 never end on a line of one or two
 * characters when re-breaking can avoid it, while a template's text-wrap on a container still
 * reaches its paragraphs (a UA rule on p itself would beat that inherited value).
 * overflow-wrap: break-word too, unlike browsers (normal): on paper nobody can scroll, so a
 * URL or long word wider than its column breaks inside rather than overflow it.
 */
import type { ParsedDecl } from './declarations.js';
import { parseStylesheet } from './css.js';

export const UA_CSS = `
html { display: block; font-family: sans-serif; font-size: 10.5pt; line-height: 1.7; color: black; text-wrap: pretty; overflow-wrap: break-word }
head, title, style, meta { display: none }
body, div, section, header, footer, main, article, aside, nav,
h1, h2, h3, h4, h5, h6, p, ul, ol, figure, figcaption { display: block }
li { display: list-item }
ul { list-style-type: disc }
ol { list-style-type: decimal }
h1, h2, h3, h4, h5, h6, strong, b { font-weight: bold }
small { font-size: smaller }
rt { font-size: 50% }
rp { display: none }
img, kp-icon, kp-qr { display: block }
kp-icon { width: 1em; height: 1em }
kp-qr { width: 25mm; height: 25mm }
`;

/** UA declarations by tag name: the UA sheet uses type selectors only, so no matching needed. */
export const UA_DECLS: ReadonlyMap<string, readonly ParsedDecl[]> = (() => {
  const sheet = parseStylesheet(UA_CSS, { file: '<ua>', line: 1, column: 1 });
  if (sheet.diagnostics.length > 0) throw new Error(`UA stylesheet: ${sheet.diagnostics[0]!.message.en}`);
  const map = new Map<string, ParsedDecl[]>();
  for (const rule of sheet.rules) {
    for (const sel of rule.selectors) {
      if (sel.key.kind !== 'tag' || sel.text !== sel.key.name) throw new Error(`UA stylesheet: ${sel.text} is not a type selector`);
      const list = map.get(sel.key.name) ?? [];
      list.push(...rule.decls);
      map.set(sel.key.name, list);
    }
  }
  return map;
})();
