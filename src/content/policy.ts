/**
 * policy.md → front matter + HTML. Only headings, paragraphs and lists are allowed: they are
 * what the policy template styles and the layout typesets; anything else Markdown knows
 * (tables, code, images, quotes, raw HTML …) is reported instead of printed wrongly.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import type { DiagnosticBag, Localized } from '../diagnostics/diagnostic.js';
import { splitFrontMatter } from './front-matter.js';
import { policyFrontMatterSchema, type PolicyFrontMatter } from './schema.js';
import { validateYaml } from './validate.js';
import { sourceMap, type SourceMap } from './yaml-source.js';
import { rubyHtml } from '../furigana/markup.js';


export type PolicyBlock =
  | { kind: 'heading'; level: number; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'list-item'; ordered: boolean; depth: number; text: string; line: number };

export interface Policy extends PolicyFrontMatter {
  /** policy.md as shown in diagnostics (relative to the working directory). */
  file: string;
  /** Body HTML; every block element has data-src="<file>:<line>" (see parseSourceRef in diagnostics). */
  html: string;
  /** Body text blocks in reading order. */
  blocks: PolicyBlock[];
  /** Front matter fields → `file:line` (title, date, signer.name …), for data-src. */
  sources: SourceMap;
}

// Raw HTML is parsed (html: true) only so that it can be found and reported; rendering uses
// html: false, so even a missed case would be escaped, never passed through.
const scanner = new MarkdownIt({ html: true });
const renderer = new MarkdownIt({ html: false });

// In Japanese a line break inside a paragraph is not a space: join wide characters directly.
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
function softbreak(before: string, after: string, space: string): string {
  return WIDE.test(before.slice(-1)) || WIDE.test(after.slice(0, 1)) ? '' : space;
}
// {漢字|かんじ} in the text becomes <ruby> (src/furigana/markup.ts); the rest is escaped as before.
renderer.renderer.rules.text = (tokens, idx) => rubyHtml(tokens[idx]!.content, renderer.utils.escapeHtml);
renderer.renderer.rules.softbreak = (tokens, idx) =>
  softbreak(tokens[idx - 1]?.content ?? '', tokens[idx + 1]?.content ?? '', '\n');

const ALLOWED_BLOCKS = new Set([
  'heading_open', 'heading_close', 'paragraph_open', 'paragraph_close', 'inline',
  'bullet_list_open', 'bullet_list_close', 'ordered_list_open', 'ordered_list_close',
  'list_item_open', 'list_item_close',
]);
const ALLOWED_INLINE = new Set(['text', 'softbreak', 'hardbreak', 'em_open', 'em_close', 'strong_open', 'strong_close']);

const NAMES: Record<string, Localized> = {
  table_open: { ja: '表', en: 'a table' },
  fence: { ja: 'コードブロック', en: 'a code block' },
  code_block: { ja: 'コードブロック（4文字以上の字下げ）', en: 'a code block (indented by 4 or more spaces)' },
  blockquote_open: { ja: '引用（>）', en: 'a blockquote (>)' },
  hr: { ja: '区切り線', en: 'a horizontal rule' },
  image: { ja: '画像', en: 'an image' },
  link_open: { ja: 'リンク', en: 'a link' },
  code_inline: { ja: 'コード（`…`）', en: 'inline code (`…`)' },
  s_open: { ja: '取り消し線', en: 'strikethrough' },
};

const ALLOWED_HINT: Localized = {
  ja: '使えるのは見出し（## / ### / ####）、段落、箇条書き（- ）、番号付きリスト（1. ）、強調（**…**）だけです。記号を文字として書くには前に「\\」を付けてください。',
  en: 'Only headings (## / ### / ####), paragraphs, bullet lists (- ), numbered lists (1. ) and emphasis (**…**) are supported. To write a symbol literally, put "\\" before it.',
};

const HTML_HINT: Localized = {
  ja: 'HTMLのタグは消してください。「<」を文字として書くには「\\<」と書きます。',
  en: 'Remove the HTML tag. To write "<" as text, write "\\<".',
};

function inlineText(children: Token[], space: string): string {
  return children
    .map((c, i) => {
      if (c.type === 'text') return c.content;
      if (c.type === 'hardbreak') return '\n';
      if (c.type === 'softbreak') return softbreak(children[i - 1]?.content ?? '', children[i + 1]?.content ?? '', space);
      return '';
    })
    .join('');
}

type Fail = (code: string, message: Localized, line: number | undefined, hint?: Localized) => void;

const rawHtml = (snippet: string): Localized => ({
  ja: `Markdownの中にHTML（${snippet}）は書けません。`,
  en: `Raw HTML (${snippet}) is not allowed in Markdown.`,
});
const unsupported = (type: string): Localized => {
  const what = NAMES[type] ?? { ja: type, en: type };
  return { ja: `基本方針には${what.ja}は使えません。`, en: `The policy cannot contain ${what.en}.` };
};

/** Checks the body tokens, reporting what is not allowed, and collects the text blocks. */
function scanBody(tokens: Token[], lineOf: (t: Token) => number | undefined, fail: Fail): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  const lists: boolean[] = []; // ordered? for each open list
  let heading: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const line = lineOf(tok);
    if (tok.type === 'html_block') {
      fail('content/raw-html', rawHtml(tok.content.trim().split('\n')[0]!), line, HTML_HINT);
    } else if (!ALLOWED_BLOCKS.has(tok.type)) {
      fail('content/unsupported-markdown', unsupported(tok.type), line);
      // Skip the element's contents: one diagnostic per table, not one per cell.
      if (tok.nesting === 1) {
        while (i + 1 < tokens.length && !(tokens[i + 1]!.level === tok.level && tokens[i + 1]!.nesting === -1)) i++;
        i++;
      }
    } else if (tok.type === 'heading_open') {
      heading = Number(tok.tag.slice(1));
      if (heading === 1) {
        fail('content/heading-level', {
          ja: '本文では「# 」（大見出し）は使えません。表題はフロントマターの title に書きます。',
          en: 'A top-level heading ("# ") is not allowed in the body; the title belongs in the front matter.',
        }, line, {
          ja: '章は「## 」、節は「### 」、項目は「#### 」で始めてください。',
          en: 'Start chapters with "## ", sections with "### " and items with "#### ".',
        });
      }
    } else if (tok.type === 'heading_close') heading = undefined;
    else if (tok.type === 'bullet_list_open' || tok.type === 'ordered_list_open') lists.push(tok.type === 'ordered_list_open');
    else if (tok.type === 'bullet_list_close' || tok.type === 'ordered_list_close') lists.pop();
    else if (tok.type === 'inline') {
      for (const c of tok.children ?? []) {
        if (c.type === 'html_inline') fail('content/raw-html', rawHtml(c.content), line, HTML_HINT);
        else if (!ALLOWED_INLINE.has(c.type) && !c.type.endsWith('_close')) fail('content/unsupported-markdown', unsupported(c.type), line);
      }
      const text = inlineText(tok.children ?? [], ' ');
      const at = line ?? 0;
      if (heading !== undefined) blocks.push({ kind: 'heading', level: heading, text, line: at });
      else if (lists.length > 0) blocks.push({ kind: 'list-item', ordered: lists[lists.length - 1]!, depth: lists.length, text, line: at });
      else blocks.push({ kind: 'paragraph', text, line: at });
    }
  }
  return blocks;
}

/** Parses policy.md; errors of the front matter and the body all go into `bag`. */
export function parsePolicy(text: string, file: string, bag: DiagnosticBag): Policy | undefined {
  const split = splitFrontMatter(text, file, bag);
  if (!split) return undefined;
  const front = validateYaml(split.yaml, file, policyFrontMatterSchema, bag, split.yamlLineOffset);
  const lineOf = (t: Token) => (t.map ? t.map[0] + 1 + split.bodyLineOffset : undefined);
  let bodyOk = true;
  const fail: Fail = (code, message, line, hint = ALLOWED_HINT) => {
    bodyOk = false;
    bag.error({ code, message, hint, file, ...(line !== undefined ? { line } : {}) });
  };
  const tokens = scanner.parse(split.body, {});
  const blocks = scanBody(tokens, lineOf, fail);
  if (!bodyOk || !front.value) return undefined;

  for (const tok of tokens) {
    const line = lineOf(tok);
    if (tok.nesting === 1 && line !== undefined) tok.attrSet('data-src', `${file}:${line}`);
  }
  const html = renderer.renderer.render(tokens, renderer.options, {});
  return { ...front.value, file, html, blocks, sources: sourceMap(front.source) };
}

/** Every heading, paragraph and list item of the body as plain text, in reading order. */
export function policyTextBlocks(policy: Pick<Policy, 'blocks'>): string[] {
  return policy.blocks.map((b) => b.text);
}

