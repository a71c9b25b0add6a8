/** Handlebars helpers available to every template. Each is small and pure. */
import type Handlebars from 'handlebars';
import { toWareki } from '../content/wareki.js';
import { policyOutline } from './policy-outline.js';
import { rubyHtml, stripRuby } from '../furigana/markup.js';
import { formatDate, type Labels } from './labels.js';

export function registerHelpers(hb: typeof Handlebars): void {
  // {{wareki policy.date}} → 令和7年8月29日: dates are stored as ISO and printed in 和暦.
  hb.registerHelper('wareki', (iso: unknown) => toWareki(String(iso)));
  hb.registerHelper('lower', (s: unknown) => String(s).toLowerCase());
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // {{#each items}}{{inc @index}}{{/each}} → 1-based numbers.
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  // {{#with (outline policy) as |o|}}: policy.md as a tree of sections, with the pillars (the
  // first numbered list) and the last section picked out — for summaries (policy-outline.ts).
  hb.registerHelper('outline', (policy: unknown) => policyOutline(policy as Parameters<typeof policyOutline>[0]));
  // {{roman 2}} → "II" (ASCII, as list-style-type: upper-roman prints it).
  hb.registerHelper('roman', (n: unknown) => toRoman(Number(n)));
  // {{concat "icons[" @index "].label"}} → "icons[2].label".
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  // {{#each (array "a" "b")}}: a literal list, e.g. to print one block twice with a variant.
  hb.registerHelper('array', (...args: unknown[]) => args.slice(0, -1));
  // {{{src "poster" "checklist.items" @index}}} → data-src="content/…/poster.yaml:22#checklist.items[4]":
  // marks an element with the content field it prints, so layout errors (a missing glyph, text
  // that does not fit) name that file, line and field rather than the template.
  hb.registerHelper('src', function (this: unknown, file: string, field: string, ...rest: unknown[]) {
    const options = rest.pop() as Handlebars.HelperOptions;
    const index = rest[0];
    const path = typeof index === 'number' ? `${field}[${index}]` : field;
    const maps = (options.data?.root as { sources?: Record<string, Record<string, string> | undefined> })?.sources;
    const at = maps?.[file]?.[path];
    return at ? new hb.SafeString(` data-src="${hb.escapeExpression(`${at}#${path}`)}"`) : '';
  });
  // {{{attr "name" value}}}: an HTML attribute only when the value is present.
  hb.registerHelper('emphasize', (text: unknown) => new hb.SafeString(emphasizeQuotes(String(text), (s) => rubyHtml(s, hb.escapeExpression))));
  // {{ruby poster.lead}}: content text with its {漢字|かんじ} readings as <ruby> (src/furigana/markup.ts).
  hb.registerHelper('ruby', (text: unknown) => new hb.SafeString(rubyHtml(String(text), hb.escapeExpression)));
  // {{plain label}}: the text without readings, for attributes and <title>.
  hb.registerHelper('plain', (text: unknown) => stripRuby(String(text)));
  // {{localDate policy.date}}: the date as the variant's language writes it (labels `date`;
  // `wareki` → 令和7年8月29日), with readings for easy Japanese.
  hb.registerHelper('localDate', (iso: unknown, options: Handlebars.HelperOptions) => {
    const labels = (options.data?.root as { labels?: Labels } | undefined)?.labels;
    const text = !labels || labels.date === 'wareki' ? toWareki(String(iso)) : formatDate(String(iso), labels);
    return new hb.SafeString(rubyHtml(text, hb.escapeExpression));
  });
  hb.registerHelper('attr', (name: string, value: unknown) =>
    value === undefined || value === null || value === ''
      ? ''
      : new hb.SafeString(` ${name}="${hb.escapeExpression(String(value))}"`),
  );
}

/**
 * Wraps each 「…」 quotation in <span class="key"> so a template can colour the key phrase of
 * a headline without the content file carrying markup. The text itself is escaped.
 */
export function emphasizeQuotes(text: string, escape: (s: string) => string): string {
  // 「…」, and “…” as translations quote (the text is escaped first; “” are not HTML-special).
  return escape(text).replace(/「[^「」]*」|“[^“”]*”/g, (q) => `<span class="key">${q}</span>`);
}

/** 1 → I, 4 → IV, 12 → XII (ASCII, like CSS upper-roman); 0 and negatives print as digits. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}
