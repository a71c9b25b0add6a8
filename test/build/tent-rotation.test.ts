/**
 * `transform: rotate(180deg)` — what the desk tent's upside-down face is made with. Layout
 * turns the display items of the block a half turn about its centre (layout/transform.ts)
 * without moving anything else; the PDF backend writes the turned text as live text that
 * pdf.js reads upside down; the raster backend draws exactly the upright picture turned.
 */
import { describe, expect, it } from 'vitest';
import type { DisplayDocument, GlyphRun, PathItem } from '../../src/layout/display-list.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { renderPage } from '../../src/render/raster/index.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { contentRuns, layout, paths, runText, styled } from '../layout/helpers.js';
import sharp from 'sharp';

const CSS = `
  @page { size: 120mm 90mm; margin: 10mm; }
  .before, .after { font-size: 12pt; }
  .block { height: 40mm; background-color: #BFE4FF; border-top: 3mm solid #005AFF; padding: 4mm; }
  .block p { font-size: 14pt; }
  kp-icon { width: 8mm; height: 8mm; color: #FF4B00; }
`;
const BODY = (turn: string) =>
  `<p class="before">前の段落</p><div class="block" style="${turn}"><p>上下を逆さにする</p><kp-icon name="check"></kp-icon></div><p class="after">後の段落</p>`;

const upright = (): DisplayDocument => layout(CSS, BODY(''));
const turned = (): DisplayDocument => layout(CSS, BODY('transform: rotate(180deg)'));

/** The block's border box on the page: 10 mm margin, below the first paragraph. */
function blockBox(doc: DisplayDocument): { x: number; y: number; w: number; h: number } {
  const bg = paths(doc.pages[0]!).find((p) => p.origin?.element === 'div.block' && p.fill)!;
  const xs = bg.commands.flatMap((c) => (c.op === 'Z' ? [] : [c.x]));
  const ys = bg.commands.flatMap((c) => (c.op === 'Z' ? [] : [c.y]));
  return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
}

describe('transform: rotate(180deg)', () => {
  it('turns the text of the block a half turn about its centre, and leaves the paragraphs around it where they were', () => {
    const a = upright();
    const b = turned();
    const box = blockBox(a);
    const cx = box.x + box.w / 2;
    const cy = box.y + box.h / 2;
    const runsA = contentRuns(a.pages[0]!);
    const runsB = contentRuns(b.pages[0]!);
    expect(runsB.map(runText)).toEqual(runsA.map(runText));
    for (const [i, ra] of runsA.entries()) {
      const rb = runsB[i]!;
      if (runText(ra).includes('上下')) {
        expect(rb.rotation).toBe(180);
        expect(rb.x).toBeCloseTo(2 * cx - ra.x, 6);
        expect(rb.y).toBeCloseTo(2 * cy - ra.y, 6);
      } else {
        expect(rb.rotation).toBeUndefined();
        expect([rb.x, rb.y]).toEqual([ra.x, ra.y]);
      }
    }
  });

  it('turns paths (icons) point by point and keeps the background where the box is', () => {
    const a = upright();
    const b = turned();
    const box = blockBox(a);
    expect(blockBox(b)).toEqual(box);
    const icon = (d: DisplayDocument) => paths(d.pages[0]!).filter((p) => p.origin?.element.startsWith('kp-icon'));
    const [ia, ib] = [icon(a), icon(b)];
    expect(ib).toHaveLength(ia.length);
    const cx = box.x + box.w / 2;
    const cy = box.y + box.h / 2;
    ia.forEach((p, k) => {
      p.commands.forEach((c, j) => {
        const d = ib[k]!.commands[j]!;
        if (c.op === 'Z' || d.op === 'Z' || c.op === 'C' || d.op === 'C') return;
        expect(d.x).toBeCloseTo(2 * cx - c.x, 6);
        expect(d.y).toBeCloseTo(2 * cy - c.y, 6);
      });
    });
  });

  it('moves a one-sided border to the opposite side: the top border is drawn at the bottom', () => {
    const border = (d: DisplayDocument): PathItem => paths(d.pages[0]!).find((p) => p.origin?.element === 'div.block' && p.stroke)!;
    const ys = (p: PathItem) => p.commands.flatMap((c) => (c.op === 'Z' ? [] : [c.y]));
    const box = blockBox(upright());
    expect(Math.max(...ys(border(upright())))).toBeLessThan(box.y + box.h / 2);
    expect(Math.min(...ys(border(turned())))).toBeGreaterThan(box.y + box.h / 2);
  });

  it('undoes itself: a half turn inside a half turn is upright', () => {
    const twice = layout(CSS, `<p class="before">前の段落</p><div class="block" style="transform: rotate(180deg)"><p style="transform: rotate(180deg)">上下を逆さにする</p></div>`);
    const run = contentRuns(twice.pages[0]!).find((r) => runText(r).includes('上下'))!;
    expect(run.rotation).toBeUndefined();
  });

  it('reads rotate(0.5turn) and rotate(-180deg) as half turns and rotate(360deg) as none', () => {
    for (const [value, want] of [['rotate(0.5turn)', 180], ['rotate(-180deg)', 180], ['rotate(360deg)', undefined], ['none', undefined]] as const) {
      const doc = styled('', `<div style="transform: ${value}">x</div>`);
      expect(doc.diagnostics, value).toEqual([]);
      expect((doc.root.children[0] as { style: { rotate?: number } }).style.rotate, value).toBe(want);
    }
  });

  it('warns about other angles and draws the block upright', () => {
    const doc = styled('.r { transform: rotate(90deg) }', '<div class="r">x</div>');
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['markup/unsupported-value']);
    expect(doc.diagnostics[0]!.hint?.en ?? doc.diagnostics[0]!.message.en).toMatch(/rotate\(180deg\)/);
    expect((doc.root.children[0] as { style: { rotate?: number } }).style.rotate).toBeUndefined();
  });

  it('keeps the turned text live in the PDF: pdf.js reads it, upside down, at the turned position', async () => {
    const b = turned();
    const bytes = await renderPdf(b, { id: 'rotation-test' });
    const doc = await loadPdf(bytes);
    try {
      const page = await doc.getPage(1);
      const content = await page.getTextContent();
      const item = (content.items as { str: string; transform: number[] }[]).find((i) => i.str.includes('上下'))!;
      const run = contentRuns(b.pages[0]!).find((r) => runText(r).includes('上下')) as GlyphRun;
      const [ta, tb, tc, td] = item.transform as [number, number, number, number];
      expect([ta, Math.abs(tb), Math.abs(tc), td]).toEqual([-run.size, 0, 0, -run.size]);
      expect(item.transform[4]).toBeCloseTo(run.x, 2);
      expect(item.transform[5]).toBeCloseTo(b.pages[0]!.height - run.y, 2);
    } finally {
      await doc.destroy();
    }
  });

  it('draws the same picture turned in the raster backend: a turned full-page block is the upright page rotated', async () => {
    const css = `@page { size: 80mm 60mm; margin: 0; } body { height: 100vh; } .p { height: 100vh; padding: 5mm; background-color: #FFFFFF; } h1 { font-size: 20pt; color: #005AFF; }`;
    const body = (turn: string) => `<div class="p" style="${turn}"><h1>上の見出し</h1><p>左上から始まる本文</p><kp-icon name="check"></kp-icon></div>`;
    const png = async (turn: string) => (await renderPage(layout(css, body(turn)).pages[0]!, { dpi: 96, format: 'png' }));
    const a = await sharp(await png('')).rotate(180).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(await png('transform: rotate(180deg)')).raw().toBuffer({ resolveWithObject: true });
    expect([b.info.width, b.info.height]).toEqual([a.info.width, a.info.height]);
    let diff = 0;
    let ink = 0;
    for (let i = 0; i < a.data.length; i++) {
      diff += Math.abs(a.data[i]! - b.data[i]!);
      ink += 255 - a.data[i]!;
    }
    expect(ink).toBeGreaterThan(0);
    // Anti-aliasing may differ by a hair at pixel edges, nothing more.
    expect(diff / ink).toBeLessThan(0.05);
  });
});
