/**
 * Where each paragraph's text ends, without painting anything: all that auto-fit's attempts
 * need to find overflows (fit.ts). Auto-fit lays a poster out several times while it searches
 * its font sizes; painting glyph runs, icons and QR codes every time cost about as much as
 * the yoga layout itself, so only the layout that is kept is painted (paint.ts).
 */
import { Edge } from 'yoga-layout';
import type { ComputedStyle } from '../markup/types.js';
import type { ComposedParagraph } from '../text/types.js';
import type { Box, TextBox } from './boxes.js';
import type { Rect } from './decorations.js';
import type { LaidOutBox } from './flex.js';
import type { Flow } from './paint.js';
import { compose, lineHeightOf, unwrapped } from './paragraph.js';
import { rubyLineExtras } from './ruby.js';
import { isVertical, paintVerticalText } from './vertical.js';

/** A paragraph where layout put it: what overflow checks (fit.ts) need. */
export interface PlacedParagraph {
  box: TextBox;
  /** Content box of the paragraph. */
  rect: Rect;
  /** Bottom of the last line. */
  textBottom: number;
  /** Content boxes of the ancestors, innermost first. */
  ancestors: { rect: Rect; fixedHeight: boolean }[];
  overflowsMeasure: boolean;
  /** Horizontal text: where its widest line ends (for the amount of a width overflow; fit.ts). */
  textRight?: number;
  /** Vertical text: the left edge of its last column (columns progress leftwards). */
  textLeft?: number;
}

/** Every paragraph of the laid-out tree, in document order, as paint would place it. */
export function placeParagraphs(root: LaidOutBox): PlacedParagraph[] {
  const out: PlacedParagraph[] = [];
  walk(root, 0, 0, [], out);
  return out;
}

function walk(laid: LaidOutBox, parentX: number, parentY: number, ancestors: PlacedParagraph['ancestors'], out: PlacedParagraph[]): void {
  const { node, box } = laid;
  if (!holdsText(box)) return;
  const x = parentX + node.getComputedLeft();
  const y = parentY + node.getComputedTop();
  const content = contentRect(laid, x, y, node.getComputedWidth(), node.getComputedHeight());
  if (box.kind === 'text') {
    const placed = placeText(box, content, ancestors);
    if (placed) out.push(placed);
    return;
  }
  const inner = innerAncestors(box.style, content, ancestors);
  for (const child of laid.children) walk(child, x, y, inner, out);
}

function placeText(box: TextBox, rect: Rect, ancestors: PlacedParagraph['ancestors']): PlacedParagraph | undefined {
  if (box.runs.length === 0) return undefined;
  if (isVertical(box.style)) {
    // Rare (desk tents): painted into a scratch flow, so where columns end has one definition.
    const scratch: Flow = { items: [], decorations: [], units: [], paragraphs: [] };
    paintVerticalText(box, rect, ancestors, scratch);
    return scratch.paragraphs[0];
  }
  // Line breaks do not depend on text-align (text/compose.ts), so the measuring composition
  // at this width (usually the one yoga's measure function just made, and cached) ends its
  // lines where the justified one paint makes does, and overflows where it does.
  return placedParagraph(box, rect, ancestors, unwrapped(box, rect.w, 0.01) ?? compose(box, rect.w, true));
}

/** A horizontal paragraph composed at its content box's width: where its last line ends. */
export function placedParagraph(
  box: TextBox,
  rect: Rect,
  ancestors: PlacedParagraph['ancestors'],
  para: ComposedParagraph,
): PlacedParagraph {
  // Lines carrying ruby may be taller (layout/ruby.ts).
  let room = 0;
  for (const extra of rubyLineExtras(box, para)) room += extra;
  let widest = 0;
  for (const line of para.lines) widest = Math.max(widest, line.width);
  return {
    box,
    rect,
    textBottom: rect.y + para.lines.length * lineHeightOf(box) + room,
    ancestors,
    overflowsMeasure: para.overflows || para.lines.some((l) => l.width > rect.w + 0.01),
    textRight: rect.x + widest,
  };
}

/** The ancestors a container's children see: its content box first. */
export function innerAncestors(s: ComputedStyle, content: Rect, ancestors: PlacedParagraph['ancestors']): PlacedParagraph['ancestors'] {
  return [{ rect: content, fixedHeight: s.height !== 'auto' || s.flexGrow > 0 }, ...ancestors];
}

const withText = new WeakMap<Box, boolean>();

/** Is the box a paragraph or does it contain one? (Other boxes have nothing to place.) */
function holdsText(box: Box): boolean {
  if (box.kind === 'text') return true;
  if (box.kind !== 'container') return false;
  let known = withText.get(box);
  if (known === undefined) {
    known = box.children.some(holdsText);
    withText.set(box, known);
  }
  return known;
}

/** The content box (inside padding and border) of a box laid out at (x, y, w, h). */
export function contentRect(laid: LaidOutBox, x: number, y: number, w: number, h: number): Rect {
  const left = inset(laid, Edge.Left, 'left');
  const top = inset(laid, Edge.Top, 'top');
  const right = inset(laid, Edge.Right, 'right');
  const bottom = inset(laid, Edge.Bottom, 'bottom');
  return { x: x + left, y: y + top, w: w - left - right, h: h - top - bottom };
}

/** Padding and border on one side; yoga is asked only when the style has some (every call crosses into wasm). */
function inset(laid: LaidOutBox, edge: Edge, side: 'top' | 'right' | 'bottom' | 'left'): number {
  const s = laid.box.style;
  const border = s.border[side];
  const padding = s.padding[side].value === 0 ? 0 : laid.node.getComputedPadding(edge);
  return padding + (border.style === 'none' || border.width === 0 ? 0 : laid.node.getComputedBorder(edge));
}
