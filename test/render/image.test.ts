/**
 * Images in every backend, read back with independent readers: pdf-lib's parser for the
 * XObjects, pdf.js for where they are painted and what colour they come out, our preflight for
 * the print flavour (PDF/X-1a: CMYK JPEG, no soft mask), and the raster preview's pixels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { DisplayDocument } from '../../src/layout/display-list.js';
import { preflightPrint } from '../../src/preflight/print.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { renderPrintPdf } from '../../src/render/pdf/print/index.js';
import { renderPage } from '../../src/render/raster/index.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { pixelAt, renderPdfPage } from '../helpers/pdfRender.js';
import { imageDir, layoutWithImages, type ImageDir } from '../images/support.js';
import sharp from 'sharp';

const RED = { r: 220, g: 20, b: 30 };
const BLUE = { r: 20, g: 40, b: 200 };
const GREEN_HALF = { r: 0, g: 160, b: 0, alpha: 0.5 };
/** Page 100×100 mm, no margin. Red PNG 200×100 pt at (0,0); blue JPEG covering 100×60 pt at (0,100); half-transparent green PNG 80 pt square at (100,100); the red PNG again. */
const CSS = '@page { size: 100mm 100mm; margin: 0 } .a { width: 200pt } .b { width: 100pt; height: 60pt; object-fit: cover } .c { width: 80pt; height: 80pt } .row { display: flex; flex-direction: row }';
const BODY = '<img class="a" src="red.png" alt="赤"><div class="row"><img class="b" src="blue.jpg" alt="青"><img class="c" src="half.png" alt=""><img class="b" src="red.png"></div>';
const PAGE_H = (100 / 25.4) * 72;

let d: ImageDir;
let doc: DisplayDocument;
let plain: Uint8Array;

beforeAll(async () => {
  d = imageDir();
  await d.make('red.png', 400, 200, RED);
  await d.make('blue.jpg', 300, 300, BLUE);
  await d.make('half.png', 100, 100, GREEN_HALF);
  doc = layoutWithImages(d.dir, CSS, BODY);
  plain = await renderPdf(doc);
});

/** The page's image XObjects by resource name, through pdf-lib's parser. */
async function xobjects(bytes: Uint8Array): Promise<Map<string, { dict: PDFDict; bytes: Uint8Array }>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const resources = pdf.getPages()[0]!.node.lookup(PDFName.of('Resources'), PDFDict);
  const xo = resources.lookup(PDFName.of('XObject'), PDFDict);
  const out = new Map<string, { dict: PDFDict; bytes: Uint8Array }>();
  for (const [name, ref] of xo.entries()) {
    const stream = pdf.context.lookup(ref as PDFRef);
    if (!(stream instanceof PDFRawStream)) throw new Error(`${name.decodeText()} is not a stream`);
    out.set(name.decodeText(), { dict: stream.dict, bytes: stream.contents });
  }
  return out;
}

const nameOf = (dict: PDFDict, key: string) => dict.lookup(PDFName.of(key))?.toString();

describe('plain PDF', () => {
  it('has one Image XObject per distinct file; the JPEG passes through byte for byte; alpha becomes an SMask', async () => {
    const xo = await xobjects(plain);
    expect([...xo.keys()].sort()).toEqual(['Im1', 'Im2', 'Im3']);
    const red = xo.get('Im1')!;
    expect(nameOf(red.dict, 'Subtype')).toBe('/Image');
    expect(nameOf(red.dict, 'ColorSpace')).toBe('/DeviceRGB');
    expect(nameOf(red.dict, 'Filter')).toBe('/FlateDecode');
    expect(red.dict.get(PDFName.of('SMask'))).toBeUndefined();
    const blue = xo.get('Im2')!;
    expect(nameOf(blue.dict, 'Filter')).toBe('/DCTDecode');
    expect(Buffer.from(blue.bytes).equals(readFileSync(join(d.dir, 'blue.jpg')))).toBe(true);
    expect(xo.get('Im3')!.dict.get(PDFName.of('SMask'))).toBeDefined();
  });

  it('pdf.js paints each image with the transform of its rect (PDF y up)', async () => {
    const pdf = await loadPdf(plain);
    const ops = await (await pdf.getPage(1)).getOperatorList();
    const painted: number[][] = [];
    ops.fnArray.forEach((f, i) => {
      if (f !== OPS.paintImageXObject) return;
      // The cm before each Do: the last transform since the save that opened it.
      for (let j = i - 1; j >= 0; j--) {
        if (ops.fnArray[j] === OPS.transform) {
          painted.push((ops.argsArray[j] as number[]).map((v) => Math.round(v * 100) / 100));
          break;
        }
      }
    });
    const expected = [
      [200, 0, 0, 100, 0, PAGE_H - 100],
      [100, 0, 0, 100, 0, PAGE_H - 180], // cover: the square JPEG at 100 pt, centred on the 60 pt box (y 80–180), clipped
      [80, 0, 0, 80, 100, PAGE_H - 180],
      [120, 0, 0, 60, 180 - 10, PAGE_H - 160], // the 2:1 PNG covering 100×60: 120×60, 10 pt cut off each side
    ];
    expect(painted.length).toBe(expected.length);
    painted.forEach((m, i) => m.forEach((v, k) => expect(v).toBeCloseTo(expected[i]![k]!, 1)));
    await pdf.destroy();
  });

  it('looks right in pdf.js: colours, the clip, and alpha over white', async () => {
    const raster = await renderPdfPage(plain, 1, 1);
    const [r, g, b] = pixelAt(raster, 100, 50);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(80);
    expect(pixelAt(raster, 50, 130)[2]).toBeGreaterThan(180); // blue inside its box
    expect(pixelAt(raster, 50, 170)).toEqual([255, 255, 255]); // the cover clip: the JPEG reaches 180, cut at 160
    const [gr, gg, gb] = pixelAt(raster, 140, 170);
    expect(gg).toBeGreaterThan(200); // half-transparent green over white
    expect(gr).toBeGreaterThan(100);
    expect(gb).toBeGreaterThan(100);
  });

  it('is byte-identical when rendered again', async () => {
    expect(Buffer.from(await renderPdf(doc)).equals(Buffer.from(plain))).toBe(true);
  });
});

describe('print PDF (PDF/X-1a)', () => {
  let print: Uint8Array;
  let bag: DiagnosticBag;
  beforeAll(async () => {
    bag = new DiagnosticBag();
    print = await renderPrintPdf(doc, { diagnostics: bag });
  });

  it('embeds every image as a DeviceCMYK JPEG without a soft mask', async () => {
    const xo = await xobjects(print);
    expect(xo.size).toBe(3);
    for (const { dict, bytes } of xo.values()) {
      expect(nameOf(dict, 'ColorSpace')).toBe('/DeviceCMYK');
      expect(nameOf(dict, 'Filter')).toBe('/DCTDecode');
      expect(dict.get(PDFName.of('SMask'))).toBeUndefined();
      expect((await sharp(bytes).metadata()).space).toBe('cmyk');
      // libjpeg's Adobe CMYK is stored inverted; /Decode turns it back.
      expect(dict.lookup(PDFName.of('Decode'), PDFArray).size()).toBe(8);
    }
  });

  it('keeps the colours when read back by pdf.js (the /Decode is right) and flattens alpha on white', async () => {
    const raster = await renderPdfPage(print, 1, 1);
    // The print page is the trim plus a sheet margin of 1 in on each side.
    const [r, g, b] = pixelAt(raster, 72 + 100, 72 + 50);
    expect(r).toBeGreaterThan(180);
    expect(g + b).toBeLessThan(140);
    const [br, , bb] = pixelAt(raster, 72 + 50, 72 + 130);
    expect(bb).toBeGreaterThan(120);
    expect(br).toBeLessThan(100);
    const [gr, gg] = pixelAt(raster, 72 + 140, 72 + 170);
    expect(gg).toBeGreaterThan(180);
    expect(gr).toBeGreaterThan(90);
  });

  it('warns below 350 dpi, naming element, file, line, the dpi and the pixels needed', () => {
    const warnings = bag.items.filter((i) => i.code === 'print/image-resolution');
    expect(warnings.length).toBe(4);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'test.html', line: 2 });
    expect(warnings[0]!.message.en).toBe('The image red.png (400×200 px) of img.a is placed at 70.6×35.3 mm, an effective 144 dpi (page 1); print needs at least 350 dpi.');
    expect(warnings[0]!.hint!.en).toBe('Supply an image of at least 973×487 px, or place it smaller.');
  });

  it('our preflight agrees: only the resolution warnings, no failure', async () => {
    const findings = (await preflightPrint(print)).filter((f) => f.status !== 'pass');
    expect(findings.every((f) => f.rule === 'images' && f.status === 'warn')).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('passes preflight cleanly with images of enough resolution', async () => {
    await d.make('sharp.png', 2000, 1000, RED);
    const hires = layoutWithImages(d.dir, CSS, '<img class="a" src="sharp.png" alt="">');
    const local = new DiagnosticBag();
    const bytes = await renderPrintPdf(hires, { diagnostics: local });
    expect(local.items.filter((i) => i.code === 'print/image-resolution')).toEqual([]);
    expect((await preflightPrint(bytes)).filter((f) => f.status !== 'pass')).toEqual([]);
  });
});

describe('raster preview', () => {
  it('draws the images where the PDF has them', async () => {
    const png = await renderPage(doc.pages[0]!, { dpi: 72, format: 'png' });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(at(100, 50)).toEqual([RED.r, RED.g, RED.b]);
    expect(at(50, 130)[2]).toBeGreaterThan(180);
    expect(at(50, 170)).toEqual([255, 255, 255]);
    expect(at(140, 170)[1]).toBeGreaterThan(200);
  });
});

describe('a camera JPEG stored on its side (EXIF orientation 6)', () => {
  it('is upright in the PDF and in the preview: red on top, blue below', async () => {
    // Stored 200×100: left half red, right half blue; viewed turned a quarter clockwise, so 100×200 with red on top.
    const left = await sharp({ create: { width: 100, height: 100, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer();
    const stored = sharp({ create: { width: 200, height: 100, channels: 3, background: { r: 0, g: 0, b: 255 } } }).composite([{ input: left, left: 0, top: 0 }]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(d.dir, 'side.jpg'), await stored.withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer());
    const turned = layoutWithImages(d.dir, '@page { size: 100mm 100mm; margin: 0 } img { width: 75pt }', '<img src="side.jpg">');
    const pdfRaster = await renderPdfPage(await renderPdf(turned), 1, 1);
    expect(pixelAt(pdfRaster, 37, 30)[0]).toBeGreaterThan(200);
    expect(pixelAt(pdfRaster, 37, 120)[2]).toBeGreaterThan(200);
    const png = await renderPage(turned.pages[0]!, { dpi: 72, format: 'png' });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(at(37, 30)[0]).toBeGreaterThan(200);
    expect(at(37, 120)[2]).toBeGreaterThan(200);
  });
});
