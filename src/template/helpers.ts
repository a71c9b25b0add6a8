/** Handlebars helpers available to every template. Each is small and pure. */
import type Handlebars from 'handlebars';
import { toWareki } from '../content/wareki.js';

export function registerHelpers(hb: typeof Handlebars): void {
  // {{wareki policy.date}} → 令和7年8月29日: dates are stored as ISO and printed in 和暦.
  hb.registerHelper('wareki', (iso: unknown) => toWareki(String(iso)));
  hb.registerHelper('lower', (s: unknown) => String(s).toLowerCase());
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // {{#each items}}{{inc @index}}{{/each}} → 1-based numbers.
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  // {{{attr "data-src" value}}}: an HTML attribute only when the value is present.
  hb.registerHelper('emphasize', (text: unknown) => new hb.SafeString(emphasizeQuotes(String(text), hb.escapeExpression)));
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
  return escape(text).replace(/「[^「」]*」/g, (q) => `<span class="key">${q}</span>`);
}
