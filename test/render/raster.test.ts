/**
 * The raster backend: exact pixel sizes, no dependence on system fonts, and agreement with
 * an independent renderer (pdf.js drawing our PDF) for every default product, so the two
 * backends cannot drift apart silently.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/index.js';
import type { DisplayDocument } from '../../src/layout/display-list.js';
import { renderPdfPage } from '../helpers/pdfRender.js';

// fontconfig reads this when sharp first starts: an empty configuration means no system font
// can be found, so any text in a preview must come from our own glyph outlines.
const emptyFonts = join(mkdtempSync(join(tmpdir(), 'kp-fontconfig-')), 'fonts.conf');
writeFileSync(emptyFonts, '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>');
process.env.FONTCONFIG_FILE = emptyFonts;

const { renderPage, pixelSize } = await import('../../src/render/raster/index.js');
const { renderPdf } = await import('../../src/render/pdf/index.js');
const { layoutJob } = await import('../../src/build/build.js');
const { jobsFor } = await import('../../src/build/products.js');
const { loadContent } = await import('../../src/content/index.js');
const { DiagnosticBag } = await import('../../src/diagnostics/diagnostic.js');
const sharp = (await import('sharp')).default;

const root = join(import.meta.dirname, '../..');

async function rgba(png: Uint8Array): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

interface Image {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Share of pixels (over the area both images cover: renderers may round a fractional page
 * size up or down by one pixel) whose colour differs by more than `tolerance` in a channel.
 */
function differingRatio(a: Image, b: Image, tolerance = 96): number {
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  let differing = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      for (let c = 0; c < 3; c++) {
        if (Math.abs(a.data[i + c]! - b.data[j + c]!) > tolerance) {
          differing++;
          break;
        }
      }
    }
  }
  return differing / (w * h);
}

function dark(a: Uint8Array | Uint8ClampedArray): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i]! + a[i + 1]! + a[i + 2]! < 3 * 128) n++;
  return n;
}

describe('raster backend', () => {
  let content: Content;
  const docs = new Map<string, DisplayDocument>();
  beforeAll(async () => {
    content = await loadContent(join(root, 'content/okayama'));
    for (const job of jobsFor(content.products, undefined, 'products.yaml')) docs.set(job.output, layoutJob(content, job, new DiagnosticBag(), {}));
  });

  it('makes exactly points × dpi / 72 pixels: the A3 poster at 150 dpi is 1754 × 2480', async () => {
    const page = docs.get('poster-a3.pdf')!.pages[0]!;
    expect(pixelSize(page, 150)).toEqual({ width: 1754, height: 2480 });
    const img = await rgba(await renderPage(page, { dpi: 150, format: 'png' }));
    expect([img.width, img.height]).toEqual([1754, 2480]);
    const webp = await sharp(await renderPage(docs.get('poster-a4.pdf')!.pages[0]!, { dpi: 72, format: 'webp' })).metadata();
    expect([webp.format, webp.width, webp.height]).toEqual(['webp', 595, 842]);
  });

  it('draws text without any system font (FONTCONFIG_FILE is empty): glyph ink is there', async () => {
    const page = docs.get('poster-a4.pdf')!.pages[0]!;
    const img = await rgba(await renderPage(page, { dpi: 72, format: 'png' }));
    // The checklist items are black text on white: their area must carry ink.
    const items = page.items.filter((i) => i.kind === 'glyphs' && i.glyphs.map((g) => g.text).join('') === content.poster!.checklist.items[0]);
    expect(items).toHaveLength(1);
    const run = items[0]! as Extract<(typeof page.items)[number], { kind: 'glyphs' }>;
    const last = run.glyphs.at(-1)!;
    let ink = 0;
    for (let y = Math.floor(run.y - run.size); y < run.y; y++) {
      for (let x = Math.floor(run.x); x < run.x + last.x + last.advance; x++) {
        const i = (y * img.width + x) * 4;
        if (img.data[i]! < 100) ink++;
      }
    }
    expect(ink).toBeGreaterThan(run.glyphs.length * 5);
  });

  it('greeks text under the threshold into bars, but never the largest text on the page', async () => {
    const page = docs.get('poster-a4.pdf')!.pages[0]!;
    const runs = page.items.filter((i): i is Extract<typeof i, { kind: 'glyphs' }> => i.kind === 'glyphs');
    const largest = Math.max(...runs.map((r) => r.size));
    const headline = runs.find((r) => r.size === largest)!;
    const item = runs.find((r) => r.glyphs.map((g) => g.text).join('') === content.poster!.checklist.items[0])!;
    const plain = await rgba(await renderPage(page, { dpi: 72, format: 'png' }));
    // A threshold above every size on the page: only the largest text keeps its glyphs.
    const greeked = await rgba(await renderPage(page, { dpi: 72, format: 'png', greekBelowPx: largest + 100 }));
    const same = (r: typeof item) => {
      const last = r.glyphs.at(-1)!;
      const region = { x: Math.floor(r.x), y: Math.floor(r.y - r.size), w: Math.ceil(last.x + last.advance), h: Math.ceil(r.size * 1.2) };
      let differing = 0;
      for (let y = region.y; y < region.y + region.h; y++) {
        for (let x = region.x; x < region.x + region.w; x++) {
          const i = (y * plain.width + x) * 4;
          if (Math.abs(plain.data[i]! - greeked.data[i]!) > 64) differing++;
        }
      }
      return differing / (region.w * region.h);
    };
    expect(same(headline)).toBeLessThan(0.01);
    expect(same(item)).toBeGreaterThan(0.05);
  });

  // pdf.js draws our PDF independently; the two images must agree almost everywhere. The
  // tolerance allows anti-aliasing differences at edges, not a missing or moved glyph.
  it('covers every default product', () => {
    expect([...docs.keys()]).toEqual(expect.arrayContaining(['policy.pdf', 'poster-a4.pdf', 'poster-a3.pdf', 'poster-b2.pdf', 'handout.pdf', 'tent.pdf']));
  });

  it('agrees with pdf.js on every page of every default product', async () => {
    for (const [output, doc] of docs) await agrees(output, doc);
  });

  async function agrees(output: string, doc: DisplayDocument): Promise<void> {
    const pdf = await renderPdf(doc);
    const dpi = 36;
    for (let p = 0; p < doc.pages.length; p++) {
      const ours = await rgba(await renderPage(doc.pages[p]!, { dpi, format: 'png' }));
      const theirs = await renderPdfPage(pdf, p + 1, dpi / 72);
      expect(Math.abs(theirs.width - ours.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(theirs.height - ours.height)).toBeLessThanOrEqual(1);
      const ratio = differingRatio(ours, theirs);
      expect(ratio, `${output} page ${p + 1}`).toBeLessThan(0.01);
      // And both have ink: agreement of two blank pages would prove nothing.
      expect(dark(ours.data)).toBeGreaterThan(ours.width * ours.height * 0.003);
    }
  }

  it('the agreement check fails when a glyph is missing from our raster', async () => {
    const doc = docs.get('poster-a4.pdf')!;
    const pdf = await renderPdf(doc);
    const page = doc.pages[0]!;
    // Drop the headline: a real drift between backends.
    const broken = { ...page, items: page.items.filter((i) => !(i.kind === 'glyphs' && i.size > 30)) };
    const ours = await rgba(await renderPage(broken, { dpi: 36, format: 'png' }));
    const theirs = await renderPdfPage(pdf, 1, 0.5);
    expect(differingRatio(ours, theirs)).toBeGreaterThan(0.01);
  });
});
