/**
 * The template reference (README "Templates") rendered from the same tables the parser uses,
 * so the documentation cannot drift from what is accepted.
 */
import { PROPERTY_INFO } from './declarations.js';
import { SUPPORTED_AT_RULES } from './css.js';
import { SUPPORTED_ELEMENTS } from './html.js';
import { PAGE_SIZES, PAGE_SYNTAX } from './page.js';
import { SUPPORTED_SELECTORS } from './selectors.js';
import { SUPPORTED_UNITS } from './values.js';
import { NAMED_COLORS } from './colors.js';

const esc = (s: string) => s.replace(/\|/g, '\\|');

export function templateReferenceMarkdown(): string {
  const rows = Object.entries(PROPERTY_INFO).map(
    ([name, info]) => `| \`${name}\` | \`${esc(info.syntax)}\` | ${info.inherited ? 'yes' : 'no'} |`,
  );
  return [
    `**Elements:** ${SUPPORTED_ELEMENTS.map((e) => `\`${e}\``).join(', ')}. Others are warned about and rendered as \`<span>\`/\`<div>\`.`,
    '',
    `**Selectors:** ${SUPPORTED_SELECTORS.join(', ')}.`,
    '',
    `**At-rules:** ${SUPPORTED_AT_RULES.map((a) => `\`${a}\``).join(', ')} (margin boxes inside @page, with \`content\`: strings, counter(page), counter(pages)). Page sizes: ${Object.keys(PAGE_SIZES)
      .map((k) => k.toUpperCase())
      .join(', ')} (B = JIS B), \`portrait\`/\`landscape\`, or two lengths. Default: A4, 20mm margins.`,
    '',
    `**@page properties:** ${Object.entries(PAGE_SYNTAX)
      .filter(([name]) => name !== 'content') // margin boxes' own, described above
      .map(([name, syntax]) => `\`${name}: ${esc(syntax)}\``)
      .join('; ')}. \`bleed\`, \`marks\`, \`-kp-rich-black\` and \`-kp-safe-margin\` matter only for the print flavour (defaults 3mm, crop cross, none, 5mm).`,
    '',
    `**Units:** ${SUPPORTED_UNITS.join(', ')} (vw/vh = 1% of the page area). No \`calc()\`.`,
    '',
    `**Colours:** #rgb, #rrggbb, rgb(), device-cmyk(c m y k), transparent (backgrounds), and the names ${Object.keys(NAMED_COLORS).join(', ')}.`,
    '',
    '| Property | Values | Inherited |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const START = '<!-- templates-reference:start -->';
const END = '<!-- templates-reference:end -->';

/** README text with the generated reference between its markers (unchanged elsewhere). */
export function withTemplatesReference(readme: string, reference: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md lacks the templates-reference markers');
  return `${readme.slice(0, start + START.length)}\n${reference.trim()}\n${readme.slice(end)}`;
}
