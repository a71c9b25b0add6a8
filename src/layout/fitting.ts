/**
 * Layout with auto-fit: lay out, and when text overflows, shrink the auto-fit groups
 * (elements with `-kp-fit-min-size`) until everything fits, or fail with an error that says
 * what does not fit and why. On a fixed-height page (a poster) whose content is taller than
 * the page, every auto-fit group on the page may shrink, since any of them makes room; if
 * that is not enough the error is about the page, not about whichever box yoga squeezed.
 */
import type { StyledElement } from '../markup/types.js';
import type { Box, ContainerBox, TextBox } from './boxes.js';
import type { Rect } from './decorations.js';
import type { Node as YogaNode } from 'yoga-layout';
import { buildYogaTree, calculate, freeTree, type LaidOutBox } from './flex.js';
import { findOverflows, fitGroups, overflowError, pageOverflowError, type Overflow } from './fit.js';
import type { LayoutEnv } from './index.js';
import { paintFlow, type Flow } from './paint.js';

interface FitGroup {
  element: StyledElement;
  minSize: number;
  members: TextBox[];
  lo: number;
  hi: number;
  /** The scale at the minimum size. */
  minLo: number;
}

export function layoutFitting(boxes: ContainerBox, area: Rect, fixed: boolean, env: LayoutEnv): Flow {
  // One yoga tree for every attempt: only the text boxes whose size changed are measured
  // again (building and freeing a tree per attempt was most of a poster's layout time).
  const tree = new ReusedTree(boxes, area, fixed, env);
  try {
    return search(boxes, area, fixed, env, tree);
  } finally {
    tree.free();
  }
}

function search(boxes: ContainerBox, area: Rect, fixed: boolean, env: LayoutEnv, tree: ReusedTree): Flow {
  const page = fixed ? area : undefined;
  let flow = tree.layout();
  let overflows = findOverflows(flow.paragraphs, page);
  if (overflows.length === 0) return flow;
  const excess = fixed ? naturalLayout(boxes, area, env).excess : 0;
  const groups = [...(excess > 0 ? allFitGroups(boxes) : fitGroups(overflows))].map(([element, minSize]) => ({
    element,
    minSize,
    members: textBoxesOf(boxes, element),
    lo: Math.min(1, minSize / element.style.fontSize),
    hi: 1,
    minLo: Math.min(1, minSize / element.style.fontSize),
  }));
  const fail = (): never => {
    const natural = fixed ? naturalLayout(boxes, area, env) : undefined;
    if (natural && natural.excess > 0) throw pageOverflowError(natural.excess, tallest(natural.flow), env.file);
    const first = overflows[0]!;
    throw overflowError(first, first.paragraph.box.fit?.minSize);
  };
  if (groups.length === 0) fail();
  const attempt = (scaleOf: (g: FitGroup) => number): Set<StyledElement> => {
    for (const g of groups) for (const m of g.members) tree.setScale(m, scaleOf(g));
    flow = tree.layout();
    overflows = findOverflows(flow.paragraphs, page);
    return new Set(overflows.flatMap((o) => (o.paragraph.box.fit ? [o.paragraph.box.fit.element] : [])));
  };
  const failingAtMin = attempt((g) => g.lo);
  if (overflows.length > 0 && (failingAtMin.size > 0 || overflows.some((o) => !o.paragraph.box.fit))) fail();
  if (excess > 0) {
    // The page is too full: every group gives up the same share of its range, so one
    // monotone search finds the largest common step that fits.
    let [lo, hi] = [0, 1];
    for (let i = 0; i < 7; i++) {
      const t = (lo + hi) / 2;
      if (attempt((g) => g.lo + t * (1 - g.lo)).size === 0 && overflows.length === 0) lo = t;
      else hi = t;
    }
    attempt((g) => g.lo + lo * (1 - g.lo));
  } else {
    // Separate boxes: each group searches its own size, all in the same layouts.
    for (let i = 0; i < 7; i++) {
      const failing = attempt((g) => (g.lo + g.hi) / 2);
      for (const g of groups) {
        const mid = (g.lo + g.hi) / 2;
        if (failing.has(g.element)) g.hi = mid;
        else g.lo = mid;
      }
    }
    attempt((g) => g.lo);
  }
  // Sizes found in different steps may not fit together; the minimum sizes do (checked above).
  if (overflows.length > 0) attempt((g) => g.minLo);
  if (overflows.length > 0) fail();
  return flow;
}

class ReusedTree {
  private readonly laid: LaidOutBox;
  private readonly nodes = new Map<Box, YogaNode>();

  constructor(
    boxes: ContainerBox,
    private readonly area: Rect,
    private readonly fixed: boolean,
    private readonly env: LayoutEnv,
  ) {
    this.laid = buildYogaTree(boxes);
    const index = (l: LaidOutBox): void => {
      this.nodes.set(l.box, l.node);
      l.children.forEach(index);
    };
    index(this.laid);
  }

  layout(): Flow {
    calculate(this.laid, this.area.w, this.fixed ? this.area.h : undefined);
    return paintFlow(this.laid, this.env.icons);
  }

  /** A new auto-fit scale for a paragraph: yoga measures it again at the next layout. */
  setScale(box: TextBox, scale: number): void {
    if (box.scale === scale) return;
    box.scale = scale;
    this.nodes.get(box)?.markDirty();
  }

  free(): void {
    freeTree(this.laid);
  }
}

/**
 * The content at its natural height, as if the page were endless: how much taller than the
 * page area it is (≤ 0: it fits), and where each paragraph lands.
 */
function naturalLayout(boxes: ContainerBox, area: Rect, env: LayoutEnv): { excess: number; flow: Flow } {
  const laid = buildYogaTree(boxes);
  try {
    laid.node.setHeight('auto');
    calculate(laid, area.w, undefined);
    return { excess: laid.node.getComputedHeight() - area.h - 0.5, flow: paintFlow(laid, env.icons) };
  } finally {
    freeTree(laid);
  }
}

function allFitGroups(root: Box, out = new Map<StyledElement, number>()): Map<StyledElement, number> {
  if (root.kind === 'text' && root.fit) out.set(root.fit.element, root.fit.minSize);
  if (root.kind === 'container') for (const c of root.children) allFitGroups(c, out);
  return out;
}

function textBoxesOf(root: Box, element: StyledElement): TextBox[] {
  if (root.kind === 'text') return root.fit?.element === element ? [root] : [];
  if (root.kind !== 'container') return [];
  return root.children.flatMap((c) => textBoxesOf(c, element));
}

/** The content paragraphs taking the most height, to tell the author where to shorten. */
function tallest(flow: Flow): Overflow['paragraph'][] {
  return [...flow.paragraphs]
    .filter((p) => p.box.origin.path !== undefined)
    .sort((a, b) => b.textBottom - b.rect.y - (a.textBottom - a.rect.y))
    .slice(0, 3);
}
