/**
 * Selectors: validation against our subset, specificity, and fast matching. css-select does
 * the matching on domhandler nodes; we only index selectors by their rightmost id/class/tag so
 * each element tests a handful of candidates instead of every rule (the browser trick).
 */
import * as csstree from 'css-tree';
import type { Selector, SelectorList } from 'css-tree';
import { compile } from 'css-select';
import type { Element } from 'domhandler';
import { cssLoc, warn, type Diags } from './diag.js';

export const SUPPORTED_SELECTORS = [
  'type (p)',
  'universal (*)',
  'class (.note)',
  'id (#x)',
  'compound (p.note#x)',
  'descendant (a b)',
  'child (a > b)',
  'lists (h1, h2)',
  ':first-child',
  ':last-child',
] as const;

export interface ParsedSelector {
  text: string;
  /** ids·2^16 + classes·2^8 + types: compares like the CSS (a, b, c) triple. */
  specificity: number;
  /** Rightmost-compound key used to index the selector. */
  key: { kind: 'id' | 'class' | 'tag' | 'any'; name: string };
  match: (el: Element) => boolean;
}

const compiled = new Map<string, (el: Element) => boolean>();
function compileCached(text: string): (el: Element) => boolean {
  let f = compiled.get(text);
  if (!f) {
    f = compile<Element, Element>(text);
    compiled.set(text, f);
  }
  return f;
}

const SUPPORTED_PSEUDO = new Set(['first-child', 'last-child']);

/** Returns the reason a selector node is outside our subset, or undefined. */
function unsupported(node: csstree.CssNode): string | undefined {
  switch (node.type) {
    case 'TypeSelector':
      return node.name.includes('|') ? 'namespace' : undefined;
    case 'ClassSelector':
    case 'IdSelector':
      return undefined;
    case 'Combinator':
      return node.name === ' ' || node.name === '>' ? undefined : `combinator "${node.name}"`;
    case 'PseudoClassSelector':
      return SUPPORTED_PSEUDO.has(node.name.toLowerCase()) && !node.children ? undefined : `:${node.name}`;
    case 'PseudoElementSelector':
      return `::${node.name}`;
    case 'AttributeSelector':
      return 'attribute selector';
    default:
      return node.type;
  }
}

function analyse(sel: Selector): Omit<ParsedSelector, 'match' | 'text'> {
  let ids = 0;
  let classes = 0;
  let types = 0;
  let key: ParsedSelector['key'] = { kind: 'any', name: '*' };
  sel.children.forEach((n) => {
    if (n.type === 'Combinator') {
      key = { kind: 'any', name: '*' }; // only the rightmost compound keys the index
    } else if (n.type === 'IdSelector') {
      ids++;
      key = { kind: 'id', name: n.name };
    } else if (n.type === 'ClassSelector') {
      classes++;
      if (key.kind !== 'id') key = { kind: 'class', name: n.name };
    } else if (n.type === 'PseudoClassSelector') {
      classes++;
    } else if (n.type === 'TypeSelector' && n.name !== '*') {
      types++;
      if (key.kind === 'any') key = { kind: 'tag', name: n.name.toLowerCase() };
    }
  });
  const cap = (x: number) => Math.min(x, 255);
  return { specificity: cap(ids) * 65536 + cap(classes) * 256 + cap(types), key };
}

/**
 * Parses each selector of a list. Unsupported ones are dropped with a warning, the rest of the
 * list still applies (friendlier than CSS, which drops the whole rule; the warning says so).
 */
export function parseSelectorList(list: SelectorList, file: string, diags: Diags, source?: string): ParsedSelector[] {
  const out: ParsedSelector[] = [];
  list.children.forEach((sel) => {
    if (sel.type !== 'Selector') return;
    let bad: { reason: string; node: csstree.CssNode } | undefined;
    sel.children.forEach((n) => {
      const reason = bad ? undefined : unsupported(n);
      if (reason) bad = { reason, node: n };
    });
    const text = csstree.generate(sel);
    if (bad) {
      const reason = bad.reason;
      // Quote the selector as written (generate() drops the spaces around combinators).
      const shown = source && sel.loc ? source.slice(sel.loc.start.offset, sel.loc.end.offset).trim() : text;
      warn(
        diags,
        'markup/unsupported-selector',
        cssLoc(file, bad.node),
        (where) => ({
          ja: `セレクタ "${shown}" の ${reason} には対応していません。このセレクタは無視します（${where}）。`,
          en: `Unsupported selector "${shown}": ${reason} is not supported; this selector is ignored (${where}).`,
        }),
        {
          ja: `使えるセレクタ: ${SUPPORTED_SELECTORS.join('、')}。要素に class を付けて指定してください。`,
          en: `Supported selectors: ${SUPPORTED_SELECTORS.join(', ')}. Give the element a class and select that.`,
        },
      );
      return;
    }
    out.push({ text, ...analyse(sel), match: compileCached(text) });
  });
  return out;
}

export interface Indexed<R> {
  sel: ParsedSelector;
  rule: R;
  order: number;
}

/** Selectors bucketed by their rightmost id, class, tag, or none. */
export class SelectorIndex<R> {
  private readonly byId = new Map<string, Indexed<R>[]>();
  private readonly byClass = new Map<string, Indexed<R>[]>();
  private readonly byTag = new Map<string, Indexed<R>[]>();
  private readonly any: Indexed<R>[] = [];

  add(sel: ParsedSelector, rule: R, order: number): void {
    const entry = { sel, rule, order };
    const { kind, name } = sel.key;
    const map = kind === 'id' ? this.byId : kind === 'class' ? this.byClass : kind === 'tag' ? this.byTag : undefined;
    if (!map) {
      this.any.push(entry);
      return;
    }
    const list = map.get(name);
    if (list) list.push(entry);
    else map.set(name, [entry]);
  }

  /** Every (selector, rule) whose selector matches `el`. */
  match(el: Element): Indexed<R>[] {
    const out: Indexed<R>[] = [];
    const test = (list: Indexed<R>[] | undefined) => {
      if (list) for (const e of list) if (e.sel.match(el)) out.push(e);
    };
    const id = el.attribs['id'];
    if (id) test(this.byId.get(id));
    const cls = el.attribs['class'];
    if (cls) {
      const seen = new Set<string>();
      for (const c of cls.split(/[ \t\n\f\r]+/)) {
        if (c && !seen.has(c)) {
          seen.add(c);
          test(this.byClass.get(c));
        }
      }
    }
    test(this.byTag.get(el.name));
    test(this.any);
    return out;
  }
}
