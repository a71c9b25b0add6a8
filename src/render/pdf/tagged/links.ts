/**
 * Link annotations (ISO 32000-1 §12.5.6.5) for the Link nodes that have a target: one per
 * link and page, its /Rect around the link's glyphs as drawn (with /QuadPoints per line),
 * /Contents naming the target (PDF/UA-1 §7.18.5), and /StructParent tying it to its Link
 * element (which refers back through an OBJR, struct-tree.ts).
 */
import { PDFArray, PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';
import type { DisplayPage, GlyphRun, StructNode } from '../../../layout/display-list.js';
import { round } from '../pdf-number.js';
import { literalString } from '../pdf-string.js';
import type { NodeInfo } from './marked-content.js';
import type { AnnotationRef } from './struct-tree.js';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LinkArea {
  node: StructNode;
  page: number;
  /** One box per glyph run, top-left origin, points. */
  boxes: Box[];
}

/** Where each link with a target is drawn, per page, in content order. */
export function linkAreas(pages: readonly DisplayPage[], nodes: ReadonlyMap<number, NodeInfo>): LinkArea[] {
  const areas: LinkArea[] = [];
  pages.forEach((page, p) => {
    const byNode = new Map<number, LinkArea>();
    for (const item of page.items) {
      const node = item.origin?.struct !== undefined ? nodes.get(item.origin.struct)?.node : undefined;
      if (item.kind !== 'glyphs' || item.glyphs.length === 0 || node?.role !== 'Link' || !node.href) continue;
      let area = byNode.get(node.id);
      if (!area) {
        area = { node, page: p, boxes: [] };
        byNode.set(node.id, area);
        areas.push(area);
      }
      area.boxes.push(runBox(item));
    }
  });
  return areas;
}

/** Writes the annotations; their ParentTree keys follow the pages' (0 … pages − 1). */
export function writeLinks(pdf: PDFDocument, areas: readonly LinkArea[]): AnnotationRef[] {
  const { context } = pdf;
  const pages = pdf.getPages();
  const written: AnnotationRef[] = [];
  areas.forEach((area, i) => {
    const page = pages[area.page]!;
    const h = page.getHeight();
    const u = union(area.boxes);
    const quads = area.boxes.flatMap((b) => [b.x0, h - b.y1, b.x1, h - b.y1, b.x1, h - b.y0, b.x0, h - b.y0]);
    const key = pages.length + i;
    const ref = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [u.x0, h - u.y1, u.x1, h - u.y0].map((v) => round(v)),
        QuadPoints: quads.map((v) => round(v)),
        Border: [0, 0, 0],
        F: 4,
        P: page.ref,
        StructParent: key,
        Contents: PDFHexString.fromText(area.node.href!),
        A: context.obj({ S: 'URI', URI: literalString(asciiUri(area.node.href!)) }),
      }),
    );
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? context.obj([]);
    annots.push(ref);
    page.node.set(PDFName.of('Annots'), annots);
    // PDF/UA-1 §7.18.3: pages with annotations give the tab order by structure.
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    written.push({ node: area.node, ref, page: area.page, key });
  });
  return written;
}

/** The run's glyphs' em boxes (ascender to descender), turned as the run is. */
function runBox(run: GlyphRun): Box {
  const face = run.font;
  const asc = (face.ascender / face.unitsPerEm) * run.size;
  const desc = (-face.descender / face.unitsPerEm) * run.size;
  const pts: [number, number][] = [];
  for (const g of run.glyphs) {
    const ox = run.x + g.x;
    const oy = run.y + (g.y ?? 0);
    const w = run.vertical ? run.size : g.advance;
    pts.push([ox, oy - asc], [ox + w, oy + desc]);
  }
  const turned = run.rotation ? pts.map((p) => rotate(p, run.x, run.y, run.rotation!)) : pts;
  const xs = turned.map((p) => p[0]);
  const ys = turned.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Clockwise by `deg` about (cx, cy), y growing downwards. */
function rotate([x, y]: [number, number], cx: number, cy: number, deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  const dx = x - cx;
  const dy = y - cy;
  return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
}

function union(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/**
 * URIs are 7-bit ASCII (§12.6.4.7): a href with Japanese in it is percent-encoded, once (what
 * is already encoded is decoded first). A lone surrogate, which cannot be encoded, becomes
 * U+FFFD rather than failing the build.
 */
function asciiUri(href: string): string {
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // Not valid percent-encoding: encode the text as written.
  }
  // With the u flag, the class matches only unpaired surrogates.
  return encodeURI(decoded.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
}
