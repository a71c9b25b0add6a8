/**
 * Layout with auto-fit: lay out, and when text overflows, shrink the auto-fit groups
 * (elements with `-kp-fit-min-size`) until everything fits, or fail with an error that says
 * what does not fit and why. On a fixed-height page (a poster) whose content is taller than
 * the page, every auto-fit group on the page may shrink, since any of them makes room; if
 * that is not enough the error is about the page, not about whichever box yoga squeezed.
 *
 * Each attempt is a whole layout of the page, so attempts are made cheap and few: one yoga
 * tree serves them all, an attempt only places paragraphs (placement.ts) and the layout that
 * is kept is painted once; a page that is too full is searched with predictions from the
 * overflow amounts (fit-search.ts).
 */
import type { Node as YogaNode } from 'yoga-layout';
import type { IconRegistry } from '../icons/registry.js';
import type { StyledElement } from '../markup/types.js';
import type { Box, ContainerBox, TextBox } from './boxes.js';
import type { Rect } from './decorations.js';
import { findOverflows, fitGroups, overflowError, pageOverflowError, type Overflow } from './fit.js';
import { largestFitting } from './fit-search.js';
import { buildYogaTree, calculate, freeTree, type LaidOutBox } from './flex.js';
import type { LayoutEnv } from './index.js';
import { paintFlow, type Flow, type PlacedParagraph } from './paint.js';
import { placeParagraphs } from './placement.js';

interface FitGroup {
  element: StyledElement;
  members: TextBox[];
  lo: number;
  hi: number;
  /** The scale at the minimum size. */
  minLo: number;
}

/** Layouts (yoga passes) auto-fit has made in this process: tests hold the search to a budget. */
export const fitStats = { layouts: 0 };

/**
 * Steps of each group's range (from its minimum size to its styled size) the search tells
 * apart: 7 halvings. Sizes are written to 0.001 pt, so every step shows in the output; a
 * coarser search would change the fitted sizes.
 */
const HALVINGS = 7;
const STEPS = 2 ** HALVINGS;

export function layoutFitting(boxes: ContainerBox, area: Rect, fixed: boolean, env: LayoutEnv): Flow {
  // One yoga tree for every attempt: only the text boxes whose size changed are measured
  // again (building and freeing a tree per attempt was most of a poster's layout time).
  const tree = new ReusedTree(boxes, area, fixed);
  try {
    search(boxes, fixed ? area : undefined, env, tree);
    return tree.paint(env.icons);
  } finally {
    tree.free();
  }
}

/** Leaves the tree laid out at the largest sizes that fit, or throws why nothing fits. */
function search(boxes: ContainerBox, page: Rect | undefined, env: LayoutEnv, tree: ReusedTree): void {
  let overflows = findOverflows(tree.place(), page);
  if (overflows.length === 0) return;
  const tooFull = page !== undefined && naturalLayout(boxes, page, false).excess > 0;
  const members = fitMembers(boxes);
  const groups: FitGroup[] = [...(tooFull ? allFitGroups(boxes) : fitGroups(overflows))].map(([element, minSize]) => {
    const minLo = Math.min(1, minSize / element.style.fontSize);
    return { element, members: members.get(element) ?? [], lo: minLo, hi: 1, minLo };
  });
  const fail = (): never => {
    const natural = page ? naturalLayout(boxes, page, true) : undefined;
    if (natural && natural.excess > 0) throw pageOverflowError(natural.excess, tallest(natural.paragraphs), env.file);
    const first = overflows[0]!;
    throw overflowError(first, first.paragraph.box.fit?.minSize);
  };
  if (groups.length === 0) fail();
  const attempt = (scaleOf: (g: FitGroup) => number): Set<StyledElement> => {
    for (const g of groups) for (const m of g.members) tree.setScale(m, scaleOf(g));
    overflows = findOverflows(tree.place(), page);
    return new Set(overflows.flatMap((o) => (o.paragraph.box.fit ? [o.paragraph.box.fit.element] : [])));
  };
  // Smaller text never needs more room, so sizes that fit prove that the minimum sizes fit
  // too: those are tried only when nothing else fits.
  if (tooFull) {
    // Every group gives up the same share of its range, so one monotone search finds the
    // largest common step that fits. Step STEPS (the styled sizes) was the first layout.
    const at = (k: number) => (g: FitGroup) => g.lo + (k / STEPS) * (1 - g.lo);
    const k = largestFitting(STEPS, worstAmount(overflows), (k) => {
      attempt(at(k));
      return { fits: overflows.length === 0, amount: worstAmount(overflows) };
    });
    if (k === undefined) fail();
    attempt(at(k!)); // lays out again only if the last probe was another step
    return;
  }
  // Separate boxes: each group bisects its own size, all in the same layouts.
  for (let i = 0; i < HALVINGS; i++) {
    const failing = attempt((g) => (g.lo + g.hi) / 2);
    for (const g of groups) {
      const mid = (g.lo + g.hi) / 2;
      if (failing.has(g.element)) g.hi = mid;
      else g.lo = mid;
    }
  }
  attempt((g) => g.lo);
  // Sizes found in different steps may not fit together; the minimum sizes may.
  if (overflows.length > 0) attempt((g) => g.minLo);
  if (overflows.length > 0) fail();
}

class ReusedTree {
  private readonly laid: LaidOutBox;
  private readonly nodes = new Map<Box, YogaNode>();
  /** Paragraphs of the current layout; undefined once something changed since. */
  private placed: PlacedParagraph[] | undefined;

  constructor(
    boxes: ContainerBox,
    private readonly area: Rect,
    private readonly fixed: boolean,
  ) {
    this.laid = buildYogaTree(boxes);
    const index = (l: LaidOutBox): void => {
      this.nodes.set(l.box, l.node);
      l.children.forEach(index);
    };
    index(this.laid);
  }

  /** Lays the tree out, unless nothing changed since the last time, and places paragraphs. */
  place(): PlacedParagraph[] {
    if (!this.placed) {
      fitStats.layouts++;
      calculate(this.laid, this.area.w, this.fixed ? this.area.h : undefined);
      this.placed = placeParagraphs(this.laid);
    }
    return this.placed;
  }

  paint(icons: IconRegistry): Flow {
    this.place();
    return paintFlow(this.laid, icons);
  }

  /** A new auto-fit scale for a paragraph: yoga measures it again at the next layout. */
  setScale(box: TextBox, scale: number): void {
    if (box.scale === scale) return;
    box.scale = scale;
    this.nodes.get(box)?.markDirty();
    this.placed = undefined;
  }

  free(): void {
    freeTree(this.laid);
  }
}

/**
 * The content at its natural height, as if the page were endless: how much taller than the
 * page area it is (≤ 0: it fits), and (if asked) where each paragraph lands. A tree of its
 * own: yoga's caches in the reused tree would carry measurements made without a height
 * limit over to the page (which left a vertical paragraph a column short).
 */
function naturalLayout(boxes: ContainerBox, area: Rect, withParagraphs: boolean): { excess: number; paragraphs: PlacedParagraph[] } {
  const laid = buildYogaTree(boxes);
  try {
    laid.node.setHeight('auto');
    fitStats.layouts++;
    calculate(laid, area.w, undefined);
    return { excess: laid.node.getComputedHeight() - area.h - 0.5, paragraphs: withParagraphs ? placeParagraphs(laid) : [] };
  } finally {
    freeTree(laid);
  }
}

/** How far the worst overflow sticks out (0 when none says). */
function worstAmount(overflows: readonly Overflow[]): number {
  return Math.max(0, ...overflows.map((o) => o.amount));
}

function allFitGroups(root: Box, out = new Map<StyledElement, number>()): Map<StyledElement, number> {
  if (root.kind === 'text' && root.fit) out.set(root.fit.element, root.fit.minSize);
  if (root.kind === 'container') for (const c of root.children) allFitGroups(c, out);
  return out;
}

/** The paragraphs of each fit group (an element's text may be several paragraphs). */
function fitMembers(root: Box, out = new Map<StyledElement, TextBox[]>()): Map<StyledElement, TextBox[]> {
  if (root.kind === 'text' && root.fit) out.set(root.fit.element, [...(out.get(root.fit.element) ?? []), root]);
  if (root.kind === 'container') for (const c of root.children) fitMembers(c, out);
  return out;
}

/** The content paragraphs taking the most height, to tell the author where to shorten. */
function tallest(paragraphs: readonly PlacedParagraph[]): PlacedParagraph[] {
  return [...paragraphs]
    .filter((p) => p.box.origin.path !== undefined)
    .sort((a, b) => b.textBottom - b.rect.y - (a.textBottom - a.rect.y))
    .slice(0, 3);
}
