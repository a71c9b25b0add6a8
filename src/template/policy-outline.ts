/**
 * A read-only outline of policy.md for summaries (the handout): the headings as a tree, each
 * with its paragraphs and list items, plus two conventions every policy shares with the policy
 * template — the first numbered list holds the pillars of the basic stance (policy.hbs styles
 * `ol` as that box), and the last top-level section says what the organisation does. Nothing
 * here knows any organisation: it only reads the Markdown's structure.
 *
 * Every entry carries `dataSrc` ("file:line"), so a template can write
 * `data-src="{{dataSrc}}"` and layout errors name the line in policy.md. (Not `src`: that
 * name is the template helper, and Handlebars prefers helpers over fields.)
 */
import type { Policy, PolicyBlock } from '../content/index.js';
import { userError } from '../diagnostics/diagnostic.js';

export interface OutlineEntry {
  text: string;
  /** `file:line` of the block in policy.md, for data-src. */
  dataSrc: string;
}

export interface OutlineSection extends OutlineEntry {
  /** Heading level as written (2 for "##"). */
  level: number;
  /** The heading without its leading number or mark: "3 市の対応" → "市の対応", "○予防" → "予防". */
  title: string;
  paragraphs: OutlineEntry[];
  /** List items directly in this section (any list depth), in order. */
  items: OutlineEntry[];
  /** True when `items` come from a numbered list. */
  ordered: boolean;
  sections: OutlineSection[];
}

export interface PolicyOutline {
  /** Top-level sections (the shallowest heading level in the body). */
  sections: OutlineSection[];
  /** The first numbered list and the heading it sits under, or null. */
  pillars: { title: string; heading: string; dataSrc: string; items: OutlineEntry[] } | null;
  /** The last top-level section, or null. */
  last: OutlineSection | null;
}

const DIGITS = '0-9０-９一二三四五六七八九十';
/** "3 ", "第2章 ", "(1) ", "（１）", "○" … at the start of a heading. */
const NUMBERING = new RegExp(`^(?:第?[${DIGITS}]+[章節条項]?[.．、)）]?\\s+|[(（][${DIGITS}]+[)）]\\s*|[○●◯■□◆◇・※]\\s*)`, 'u');

/** A heading without its leading number or mark. */
export function headingTitle(text: string): string {
  const stripped = text.replace(NUMBERING, '').trim();
  return stripped === '' ? text.trim() : stripped;
}

const cache = new WeakMap<object, PolicyOutline>();

export function policyOutline(policy: Pick<Policy, 'blocks' | 'file'> | undefined): PolicyOutline {
  if (!policy) {
    throw userError({
      code: 'content/missing-file',
      message: { ja: 'この印刷物には「policy.md」が必要ですが、ありません。', en: 'This product needs policy.md, which is missing.' },
      hint: { ja: 'content/okayama/policy.md を参考に作成してください。', en: 'Create it, using content/okayama/policy.md as an example.' },
    });
  }
  const hit = cache.get(policy);
  if (hit) return hit;
  const root: OutlineSection = { text: '', dataSrc: '', level: 0, title: '', paragraphs: [], items: [], ordered: false, sections: [] };
  const stack: OutlineSection[] = [root];
  let pillars: PolicyOutline['pillars'] = null;
  /** Still inside the first numbered list? Any other block at the top level ends it. */
  let inPillars = false;
  const src = (b: PolicyBlock) => `${policy.file}:${b.line}`;
  for (const b of policy.blocks) {
    const current = stack[stack.length - 1]!;
    if (b.kind !== 'list-item' || (b.depth === 1 && !b.ordered)) inPillars = false;
    if (b.kind === 'heading') {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= b.level) stack.pop();
      const section: OutlineSection = {
        text: b.text,
        dataSrc: src(b),
        level: b.level,
        title: headingTitle(b.text),
        paragraphs: [],
        items: [],
        ordered: false,
        sections: [],
      };
      stack[stack.length - 1]!.sections.push(section);
      stack.push(section);
    } else if (b.kind === 'paragraph') {
      current.paragraphs.push({ text: b.text, dataSrc: src(b) });
    } else {
      if (current.items.length === 0) current.ordered = b.ordered;
      current.items.push({ text: b.text, dataSrc: src(b) });
      if (b.ordered && b.depth === 1 && (!pillars || inPillars)) {
        pillars ??= { title: headingTitle(current.text), heading: current.text, dataSrc: current.dataSrc, items: [] };
        inPillars = true;
        pillars.items.push({ text: b.text, dataSrc: src(b) });
      }
    }
  }
  const outline: PolicyOutline = { sections: root.sections, pillars, last: root.sections.at(-1) ?? null };
  cache.set(policy, outline);
  return outline;
}
