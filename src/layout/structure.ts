/**
 * The logical structure of a document (for tagged PDF): a tree of PDF standard structure
 * types built from the markup's semantics in DOM order — headings, paragraphs, lists with
 * their labels, figures with alt text, tables, links, ruby and language changes.
 *
 * Layout records, per element, which node its content belongs to (`contentStructOf`), and
 * origins carry that id (ItemOrigin.struct), so every display item can be tied to its node.
 * Elements with no node of their own (div, span, strong …) pass their content to the nearest
 * ancestor's node. Unlabelled icons have no node: they are decoration (artifacts).
 * Pure data: no pdf-lib here.
 */
import type { StyledElement, StyledNode, StyledText } from '../markup/types.js';
import type { InlineRun } from '../text/types.js';
import { markerText } from './markers.js';

export type StructRole =
  | 'Document' | 'Art' | 'Sect' | 'Div' | 'Caption'
  | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P'
  | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Figure' | 'Table' | 'THead' | 'TBody' | 'TFoot' | 'TR' | 'TH' | 'TD'
  | 'Link' | 'Span' | 'Ruby' | 'RB' | 'RT'; // prettier-ignore

export interface StructNode {
  /** Unique in the document, ≥ 1, in DOM order. */
  id: number;
  role: StructRole;
  /** Figures: the text alternative (/Alt). */
  alt?: string;
  /** BCP 47, only where it differs from the enclosing language. */
  lang?: string;
  /** Replacement text for extraction (/ActualText). */
  actualText?: string;
  /** TH: which cells the header applies to. */
  scope?: 'Row' | 'Column' | 'Both';
  /** Links: the target URI. */
  href?: string;
  /** Headings: their text (for bookmarks). */
  title?: string;
  /** L: PDF /ListNumbering (Disc, Decimal, UpperRoman …, None). */
  listNumbering?: string;
  children: StructNode[];
}

/** Where each element's own content goes (absent: no node, e.g. an unlabelled icon). */
const CONTENT = new WeakMap<StyledElement, number>();
/** li → its Lbl node (the list marker). */
const LABEL = new WeakMap<StyledElement, number>();
/** ruby → its (base, reading) pairs, in order. */
const RUBY = new WeakMap<StyledElement, { rb: number; rt: number }[]>();
/** Text → the Link nodes of the URLs in it, in order. */
const LINKS = new WeakMap<StyledText, number[]>();

export const contentStructOf = (el: StyledElement): number | undefined => CONTENT.get(el);
export const labelStructOf = (el: StyledElement): number | undefined => LABEL.get(el);
export const rubyStructOf = (el: StyledElement): readonly { rb: number; rt: number }[] => RUBY.get(el) ?? [];

/** URLs written in the text become links (as a reader's autolinking would). */
const URL_RE = /https?:\/\/[^\s<>"'「」『』（）()、。，]+/g;

/** The text cut into plain parts and URLs, each URL with its Link node (when the text had one). */
export function linkSegments(text: StyledText): { text: string; link?: number; href?: string }[] {
  const ids = LINKS.get(text);
  const out: { text: string; link?: number; href?: string }[] = [];
  let last = 0;
  let k = 0;
  for (const url of urlsIn(text.text)) {
    if (url.index > last) out.push({ text: text.text.slice(last, url.index) });
    const id = ids?.[k++];
    out.push({ text: url.href, ...(id !== undefined ? { link: id, href: url.href } : {}) });
    last = url.index + url.href.length;
  }
  if (last < text.text.length || out.length === 0) out.push({ text: text.text.slice(last) });
  return out;
}

function urlsIn(text: string): { index: number; href: string }[] {
  return [...text.matchAll(URL_RE)].map((m) => ({ index: m.index!, href: m[0].replace(/[.,;:!?]+$/, '') }));
}

const ROLE: Readonly<Record<string, StructRole>> = {
  h1: 'H1', h2: 'H2', h3: 'H3', h4: 'H4', h5: 'H5', h6: 'H6', p: 'P', figcaption: 'Caption',
  section: 'Sect', header: 'Sect', footer: 'Sect', main: 'Sect', nav: 'Sect', aside: 'Sect', article: 'Art',
  table: 'Table', thead: 'THead', tbody: 'TBody', tfoot: 'TFoot', tr: 'TR', td: 'TD', ul: 'L', ol: 'L',
}; // prettier-ignore

const NUMBERING: Readonly<Record<string, string>> = {
  disc: 'Disc', circle: 'Circle', square: 'Square', decimal: 'Decimal', 'upper-roman': 'UpperRoman',
  'lower-roman': 'LowerRoman', 'upper-alpha': 'UpperAlpha', 'upper-latin': 'UpperAlpha',
  'lower-alpha': 'LowerAlpha', 'lower-latin': 'LowerAlpha',
}; // prettier-ignore

/** Builds the tree for `root` (the body) and records each element's node for layout. */
export function buildStructure(root: StyledElement, lang: string): StructNode {
  let next = 1;
  // Heading levels never skip in the structure (PDF/UA-1 §7.4.2): a heading deeper than one
  // below the previous one (## then ####, as in Okayama's policy) is tagged one level below it.
  // Its look stays the template's.
  let lastLevel = 0;
  const headingLevel = (role: StructRole): StructRole => {
    const m = /^H([1-6])$/.exec(role);
    if (!m) return role;
    lastLevel = Math.min(Number(m[1]), lastLevel + 1);
    return `H${lastLevel}` as StructRole;
  };
  const make = (role: StructRole, extra: Partial<StructNode> = {}): StructNode => ({ id: next++, role, ...extra, children: [] });
  const doc = make('Document');
  CONTENT.set(root, doc.id);

  const walk = (el: StyledElement, parent: StructNode, inherited: string): void => {
    for (const child of el.children) {
      if (child.kind === 'text') {
        addLinks(child, parent);
        continue;
      }
      if (child.style.display === 'none') continue;
      visit(child, parent, inherited);
    }
  };
  const addLinks = (text: StyledText, parent: StructNode): void => {
    const urls = urlsIn(text.text);
    if (urls.length === 0) return;
    LINKS.set(text, urls.map((u) => {
      const link = make('Link', { href: u.href });
      parent.children.push(link);
      return link.id;
    }));
  };

  const visit = (el: StyledElement, parent: StructNode, inherited: string): void => {
    const tag = el.originalTag ?? el.tag;
    const ownLang = el.attrs.lang?.trim();
    const langExtra = ownLang && ownLang !== inherited ? { lang: ownLang } : {};
    const lang = ownLang || inherited;
    const attach = (node: StructNode): StructNode => {
      parent.children.push(node);
      CONTENT.set(el, node.id);
      return node;
    };
    if (tag === 'kp-icon' || tag === 'img' || tag === 'kp-qr') {
      const alt = (tag === 'kp-icon' ? el.attrs.label : tag === 'img' ? el.attrs.alt : el.attrs.label ?? el.attrs.value)?.trim();
      if (alt) attach(make('Figure', { alt, ...langExtra }));
      return;
    }
    if (el.tag === 'ruby') return ruby(el, parent, lang);
    if (tag === 'li') {
      const li = attach(make('LI', langExtra));
      if (markerText(el.style.listStyleType, 1) !== undefined) {
        const lbl = make('Lbl');
        li.children.push(lbl);
        LABEL.set(el, lbl.id);
      }
      const body = make('LBody');
      li.children.push(body);
      CONTENT.set(el, body.id);
      return walk(el, body, lang);
    }
    if (tag === 'a') {
      const href = el.attrs.href?.trim();
      return walk(el, attach(make('Link', { ...(href ? { href } : {}), ...langExtra })), lang);
    }
    const role = ROLE[tag] ?? (tag === 'th' ? 'TH' : undefined);
    if (role) {
      const node = make(headingLevel(role), langExtra);
      if (/^H[1-6]$/.test(role)) node.title = textOf(el).replace(/\s+/g, ' ').trim();
      if (role === 'L') node.listNumbering = NUMBERING[el.style.listStyleType] ?? 'None';
      if (role === 'TH') node.scope = el.attrs.scope === 'row' ? 'Row' : el.attrs.scope === 'both' ? 'Both' : 'Column';
      return walk(el, attach(node), lang);
    }
    // div, span, strong …: no node of their own, unless they change the language.
    if (ownLang && ownLang !== inherited) return walk(el, attach(make('Span', { lang: ownLang })), lang);
    CONTENT.set(el, parent.id);
    walk(el, parent, lang);
  };

  /** Each base with its reading is a Ruby (RB, RT); base text after the last <rt> stays plain. */
  const ruby = (el: StyledElement, parent: StructNode, lang: string): void => {
    CONTENT.set(el, parent.id);
    const pairs: { rb: number; rt: number }[] = [];
    let base: StyledNode[] = [];
    for (const child of el.children) {
      if (child.kind !== 'element' || child.tag !== 'rt') {
        base.push(child);
        continue;
      }
      // As layout/ruby.ts: a pair without base shows nothing, one without reading is plain text.
      const hasBase = base.map(textOf).join('').trim() !== '';
      const hasReading = textOf(child).trim() !== '';
      if (hasBase && hasReading) {
        const pair = make('Ruby');
        const rb = make('RB');
        const rt = make('RT');
        pair.children.push(rb, rt);
        parent.children.push(pair);
        pairs.push({ rb: rb.id, rt: rt.id });
        CONTENT.set(child, rt.id);
      }
      base = [];
    }
    RUBY.set(el, pairs);
    for (const n of el.children) if (n.kind === 'element' && n.tag !== 'rt') visit(n, parent, lang);
  };

  walk(root, doc, lang);
  return doc;
}

/**
 * Ties the runs layout/ruby.ts made for `ruby` (from index `from` of `runs`) to their nodes:
 * each base to its RB, its reading to its RT, so a reader tells base and reading apart.
 */
export function tagRubyRuns(ruby: StyledElement, runs: InlineRun[], from: number): void {
  const pairs = rubyStructOf(ruby);
  let k = 0;
  for (let i = from; i < runs.length; i++) {
    const run = runs[i]!;
    if (!run.ruby) continue;
    const pair = pairs[k++];
    if (!pair) return;
    const origin = run.origin ?? { element: 'ruby' };
    runs[i] = {
      ...run,
      origin: { ...origin, struct: pair.rb },
      ruby: { ...run.ruby, origin: { ...(run.ruby.origin ?? origin), struct: pair.rt } },
    };
  }
}

function textOf(node: StyledNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textOf).join('');
}
