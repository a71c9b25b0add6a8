/**
 * Maps the box tree onto yoga nodes. Block boxes are flex columns whose children stretch,
 * which is CSS block layout minus margin collapsing (documented in the README); flex
 * containers use their own flex properties. Paragraphs and icons are measured leaves.
 */
import Yoga, {
  Align,
  Direction,
  Edge,
  FlexDirection,
  Gutter,
  Justify,
  MeasureMode,
  Wrap,
  type Node as YogaNode,
} from 'yoga-layout';
import type { ComputedStyle, Length, LengthOrAuto } from '../markup/types.js';
import type { Box } from './boxes.js';
import { measureParagraph, UNBOUNDED } from './paragraph.js';
import { isVertical, measureVertical } from './vertical.js';
import { sizeImageNode } from './image.js';

const config = Yoga.Config.create();
// Yoga rounds to whole points by default; print layout needs exact positions.
config.setPointScaleFactor(0);

export interface LaidOutBox {
  box: Box;
  node: YogaNode;
  children: LaidOutBox[];
}

export function buildYogaTree(box: Box): LaidOutBox {
  const node = Yoga.Node.create(config);
  applyBoxStyle(node, box.style, box.kind === 'container');
  const children: LaidOutBox[] = [];
  if (box.kind === 'container') {
    box.children.forEach((child, i) => {
      const laid = buildYogaTree(child);
      node.insertChild(laid.node, i);
      children.push(laid);
    });
  } else if (box.kind === 'text') {
    node.setMeasureFunc((width, widthMode, height, heightMode) => {
      if (isVertical(box.style)) return measureVertical(box, width, widthMode, height, heightMode);
      const available = widthMode === MeasureMode.Undefined ? UNBOUNDED : width;
      const size = measureParagraph(box, available);
      return { width: widthMode === MeasureMode.Exactly ? width : Math.min(size.width, available), height: size.height };
    });
  } else if (box.kind === 'image') {
    sizeImageNode(node, box);
  } else {
    // An icon without a CSS size is 1em square, like an inline glyph.
    if (box.style.width === 'auto') node.setWidth(box.style.fontSize);
    if (box.style.height === 'auto') node.setHeight(box.style.fontSize);
  }
  return { box, node, children };
}

export function calculate(root: LaidOutBox, width: number, height: number | undefined): void {
  root.node.calculateLayout(width, height ?? 'auto', Direction.LTR);
}

export function freeTree(root: LaidOutBox): void {
  root.node.freeRecursive();
}

function applyBoxStyle(node: YogaNode, s: ComputedStyle, isContainer: boolean): void {
  const flex = s.display === 'flex';
  // Blocks in vertical-rl stack right to left (vertical.ts).
  const block = isContainer && isVertical(s) ? FlexDirection.RowReverse : FlexDirection.Column;
  node.setFlexDirection(flex ? FLEX_DIRECTION[s.flexDirection] : block);
  if (flex) {
    node.setFlexWrap(s.flexWrap === 'wrap' ? Wrap.Wrap : Wrap.NoWrap);
    node.setJustifyContent(JUSTIFY[s.justifyContent]);
    node.setAlignItems(ALIGN[s.alignItems]);
    node.setAlignContent(ALIGN[s.alignContent]);
  } else if (isContainer) {
    node.setAlignItems(Align.Stretch);
  }
  node.setAlignSelf(s.alignSelf === 'auto' ? Align.Auto : ALIGN[s.alignSelf]);
  node.setFlexGrow(s.flexGrow);
  node.setFlexShrink(s.flexShrink);
  setLength(node.setFlexBasis.bind(node), s.flexBasis);
  setLength(node.setWidth.bind(node), s.width);
  setLength(node.setHeight.bind(node), s.height);
  setLength(node.setMinWidth.bind(node), s.minWidth);
  setLength(node.setMinHeight.bind(node), s.minHeight);
  setLength(node.setMaxWidth.bind(node), s.maxWidth);
  setLength(node.setMaxHeight.bind(node), s.maxHeight);
  // Yoga's edges start at 0, so only the others are set: each call crosses into wasm, and
  // auto-fit builds a tree or two per page.
  for (const [edge, key] of EDGES) {
    const m = s.margin[key];
    if (m === 'auto') node.setMarginAuto(edge);
    else if (m.value !== 0) node.setMargin(edge, yogaValue(m));
    if (s.padding[key].value !== 0) node.setPadding(edge, yogaValue(s.padding[key]));
    const border = s.border[key].style === 'none' ? 0 : s.border[key].width;
    if (border !== 0) node.setBorder(edge, border);
  }
  if (s.rowGap) node.setGap(Gutter.Row, s.rowGap);
  if (s.columnGap) node.setGap(Gutter.Column, s.columnGap);
}

function yogaValue(l: Length): number | `${number}%` {
  return l.unit === '%' ? `${l.value}%` : l.value;
}

function setLength(setter: (v: number | `${number}%`) => void, l: LengthOrAuto): void {
  if (l === 'auto') return;
  setter(yogaValue(l));
}

const EDGES: [Edge, 'top' | 'right' | 'bottom' | 'left'][] = [
  [Edge.Top, 'top'],
  [Edge.Right, 'right'],
  [Edge.Bottom, 'bottom'],
  [Edge.Left, 'left'],
];

const FLEX_DIRECTION = {
  row: FlexDirection.Row,
  column: FlexDirection.Column,
  'row-reverse': FlexDirection.RowReverse,
  'column-reverse': FlexDirection.ColumnReverse,
} as const;

const JUSTIFY = {
  'flex-start': Justify.FlexStart,
  'flex-end': Justify.FlexEnd,
  center: Justify.Center,
  'space-between': Justify.SpaceBetween,
  'space-around': Justify.SpaceAround,
  'space-evenly': Justify.SpaceEvenly,
} as const;

const ALIGN = {
  stretch: Align.Stretch,
  'flex-start': Align.FlexStart,
  'flex-end': Align.FlexEnd,
  center: Align.Center,
  baseline: Align.Baseline,
  'space-between': Align.SpaceBetween,
  'space-around': Align.SpaceAround,
} as const;
