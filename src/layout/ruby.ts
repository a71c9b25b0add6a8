/**
 * Ruby in layout: `<ruby>` elements become InlineRuns carrying their reading (the composer,
 * src/text/ruby.ts, sets them), and lines that carry readings get the room they need.
 *
 * Line height: a reading sits on the base's em box (JLReq). When it fits inside the line box
 * — in the half-leading above the text, as with line-height 2 and half-size ruby — the line
 * keeps its pitch; otherwise that line alone grows, at the top, by just what the reading
 * lacks (as CSS ruby does), so the reading never reaches into the line or box above. Lines
 * without ruby keep the paragraph's pitch either way. A template that wants an even pitch
 * sets a line-height of at least (1 + ruby size / font size) em: 2 for half-size ruby.
 */
import type { FontRegistry } from '../fonts/registry.js';
import type { StyledElement, StyledNode } from '../markup/types.js';
import type { ComposedLine, ComposedParagraph, InlineRun } from '../text/types.js';
import type { ItemOrigin, GlyphRun } from './display-list.js';
import { textStyle, type TextBox } from './boxes.js';
import { fontExtents, lineHeightOf, scaledRuns } from './paragraph.js';

type Collect = (nodes: StyledNode[], origin: ItemOrigin, out: InlineRun[]) => void;

/**
 * Runs of a `<ruby>` element. Each `<rt>` annotates the base content before it (back to the
 * previous `<rt>`): one pair is mono-ruby (one base character) or group-ruby; several pairs
 * are a jukugo compound, which may break between its pairs. A base is one run in the style
 * of its first text (styles inside a base are not kept apart), without line breaks; base
 * content after the last `<rt>` is plain text. `<rp>` never gets here (UA display: none).
 */
export function rubyRuns(ruby: StyledElement, origin: ItemOrigin, fonts: FontRegistry, collect: Collect, out: InlineRun[]): void {
  const file = origin.file ?? '';
  const pairs: { base: InlineRun[]; rt: StyledElement }[] = [];
  let base: InlineRun[] = [];
  for (const child of ruby.children) {
    if (child.kind === 'element' && child.tag === 'rt') {
      pairs.push({ base, rt: child });
      base = [];
    } else collect([child], origin, base);
  }
  const kindFor = (text: string) => (pairs.length > 1 ? 'jukugo' : [...text].length > 1 ? 'group' : 'mono');
  for (const pair of pairs) {
    const text = pair.base
      .map((r) => r.text)
      .join('')
      .replace(/[\n ]+/g, ' ')
      .trim();
    const reading = textOf(pair.rt).replace(/\s+/g, ' ').trim();
    const first = pair.base[0];
    if (!first || text === '') continue; // a reading without a base shows nothing
    if (reading === '') {
      out.push(...pair.base);
      continue;
    }
    const rtOrigin = originOfRt(pair.rt, file, first.origin ?? origin);
    out.push({
      text,
      style: first.style,
      ...(first.origin ? { origin: first.origin } : {}),
      ruby: { text: reading, kind: kindFor(text), style: textStyle(pair.rt.style, fonts), origin: rtOrigin },
    });
  }
  out.push(...base);
}

function textOf(node: StyledNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textOf).join('');
}

function originOfRt(rt: StyledElement, file: string, base: ItemOrigin): ItemOrigin {
  const line = rt.source?.line ?? base.line;
  return { ...base, element: 'rt', file: rt.source?.file ?? base.file ?? file, ...(line !== undefined ? { line } : {}) };
}

/**
 * Extra height each line needs above it for its readings (0 for lines without), measured
 * against where paint puts the baseline: half-leading + ascent of the paragraph's first run.
 */
export function rubyLineExtras(box: TextBox, para: ComposedParagraph): number[] {
  const extras = para.lines.map(() => 0);
  if (!para.lines.some((l) => l.rubies)) return extras;
  const lh = lineHeightOf(box);
  const [strut] = scaledRuns([box.runs[0]!], box.scale);
  const { ascent, descent } = fontExtents(strut!.style);
  const baselineOffset = (lh - (ascent + descent)) / 2 + ascent;
  para.lines.forEach((line, i) => {
    extras[i] = Math.max(0, rubyTop(line) - baselineOffset);
  });
  return extras;
}

/** How far above the baseline the line's readings reach (0 without readings). */
function rubyTop(line: ComposedLine): number {
  let top = 0;
  for (const r of line.rubies ?? []) top = Math.max(top, r.rise + fontExtents(r.style).ascent);
  return top;
}

/** The readings of a line as glyph runs (x: line start; baseline: the line's). */
export function rubyGlyphRuns(line: ComposedLine, x: number, baseline: number, origin: ItemOrigin): GlyphRun[] {
  return (line.rubies ?? []).map((r) => ({
    kind: 'glyphs',
    font: r.style.face,
    size: r.style.size,
    color: r.style.color,
    x: x + r.x,
    y: baseline - r.rise,
    glyphs: r.glyphs,
    origin: r.origin ?? origin,
  }));
}
