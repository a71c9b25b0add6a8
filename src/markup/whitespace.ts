/**
 * White space processing (CSS Text 3 §4.1.1, with the CSS Text 4 segment-break rule).
 * It runs per inline formatting context, across element boundaries, because the characters
 * that decide whether a line break in the source becomes a space may sit in different
 * elements: `注意<strong>\n  して</strong>` must join to 注意して.
 */
import type { StyledElement, StyledNode, StyledText } from './types.js';

const BREAKS = new WeakSet<StyledText>();
/** `<br>`: a StyledText "\n" that the whitespace pass treats as a forced break. */
export function makeBreak(style: StyledText['style']): StyledText {
  const t: StyledText = { kind: 'text', text: '\n', style };
  BREAKS.add(t);
  return t;
}

/** Replaced elements: an inline one is an atomic object in its line, like a character. */
export const REPLACED = new Set(['img', 'kp-icon', 'kp-qr']);

const LF = 0x0a;
const BREAK = -1; // forced break (<br>)
const OBJECT = 0xfffc; // atomic inline
const ZWSP = 0x200b;
/** Only ASCII whitespace collapses; U+3000 and U+00A0 are content. */
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === LF || c === 0x0c || c === 0x0d;

function isHangul(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7ff) ||
    (c >= 0xffa0 && c <= 0xffdc)
  );
}

/**
 * East Asian Width F, W or H (not A: ①, ※, “ ” count as narrow, as the spec says).
 * A compact approximation of UAX #11 covering CJK, kana, fullwidth forms and common emoji.
 */
export function isEastAsianWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe10 && c <= 0xfe19) ||
    (c >= 0xfe30 && c <= 0xfe6f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xff61 && c <= 0xffdc) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xffe8 && c <= 0xffee) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** CSS Text 4 §4.1.3: a segment break between two wide (non-Hangul) characters vanishes. */
function segmentBreakVanishes(before: number, after: number): boolean {
  if (before === ZWSP || after === ZWSP) return true;
  return isEastAsianWide(before) && isEastAsianWide(after) && !isHangul(before) && !isHangul(after);
}

type Item = StyledText | 'break' | 'object';

function flush(items: Item[]): void {
  if (items.length === 0) return;
  const cps: number[] = [];
  const owner: number[] = [];
  const preLine: boolean[] = [];
  items.forEach((it, idx) => {
    if (typeof it === 'string') {
      cps.push(it === 'break' ? BREAK : OBJECT);
      owner.push(-1);
      preLine.push(false);
      return;
    }
    const pl = it.style.whiteSpace === 'pre-line';
    for (const ch of it.text) {
      cps.push(ch.codePointAt(0)!);
      owner.push(idx);
      preLine.push(pl);
    }
  });
  const out = items.map(() => '');
  const n = cps.length;
  for (let i = 0; i < n; ) {
    const c = cps[i]!;
    if (!isSpace(c)) {
      if (owner[i]! >= 0) out[owner[i]!] += String.fromCodePoint(c);
      i++;
      continue;
    }
    let j = i;
    let kept = false;
    let segmentBreak = false;
    for (; j < n && isSpace(cps[j]!); j++) {
      if (cps[j] !== LF) continue;
      if (preLine[j]) {
        // pre-line keeps the newline; the spaces around it go.
        out[owner[j]!] += '\n';
        kept = true;
      } else segmentBreak = true;
    }
    const before = i > 0 ? cps[i - 1]! : BREAK;
    const after = j < n ? cps[j]! : BREAK;
    // Spaces at the start or end of a line (context edge, <br>) are removed.
    const edge = before === BREAK || after === BREAK;
    if (!kept && !edge && !(segmentBreak && segmentBreakVanishes(before, after))) out[owner[i]!] += ' ';
    i = j;
  }
  items.forEach((it, idx) => {
    if (typeof it !== 'string') it.text = out[idx]!;
  });
}

function prune(el: StyledElement): void {
  el.children = el.children.filter((c) => c.kind === 'element' || c.text !== '' || BREAKS.has(c));
  for (const c of el.children) if (c.kind === 'element') prune(c);
}

/**
 * Collapses whitespace in place. Each block-level box (block, list-item, flex container and
 * each run of inline content inside one) is a context whose edges are line edges, which is
 * what drops whitespace-only text between blocks.
 */
export function processWhitespace(root: StyledElement): void {
  const block = (el: StyledElement) => {
    let items: Item[] = [];
    const visit = (node: StyledNode) => {
      if (node.kind === 'text') items.push(BREAKS.has(node) ? 'break' : node);
      else if (node.style.display === 'inline') {
        if (REPLACED.has(node.tag)) items.push('object');
        else node.children.forEach(visit);
      } else {
        flush(items);
        items = [];
        block(node);
      }
    };
    el.children.forEach(visit);
    flush(items);
  };
  block(root);
  prune(root);
}

/** Collapse for plain strings such as <title>. */
export function collapseString(s: string): string {
  const t: StyledText = { kind: 'text', text: s.replace(/\r\n?/g, '\n'), style: { whiteSpace: 'normal' } as StyledText['style'] };
  flush([t]);
  return t.text;
}
