/**
 * Rasterises PDF pages with pdf.js and its own canvas factory (@napi-rs/canvas under Node),
 * and measures "ink" — dark pixels — in rectangles given in points, top-left origin.
 */
import { loadPdf } from './pdfjs.js';

export interface Raster {
  width: number;
  height: number;
  /** Pixels per point. */
  scale: number;
  /** RGBA, row-major, on a white background. */
  data: Uint8ClampedArray;
  png(): Promise<Uint8Array>;
}

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  encode?(format: 'png'): Promise<Uint8Array>;
  toBuffer?(mime: 'image/png'): Uint8Array;
}

/** Renders every page (or just `pageNumbers`, 1-based) at `scale` pixels per point. */
export async function renderPdfPages(bytes: Uint8Array, scale = 2, pageNumbers?: number[]): Promise<Raster[]> {
  const doc = await loadPdf(bytes);
  try {
    const wanted = pageNumbers ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const factory = doc.canvasFactory as {
      create(w: number, h: number): { canvas: CanvasLike; context: unknown };
      destroy(c: unknown): void;
    };
    const out: Raster[] = [];
    for (const n of wanted) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const cc = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: cc.canvas as unknown as HTMLCanvasElement, viewport, background: 'rgb(255,255,255)' })
        .promise;
      const { width, height } = cc.canvas;
      const data = cc.canvas.getContext('2d').getImageData(0, 0, width, height).data;
      const canvas = cc.canvas;
      out.push({
        width,
        height,
        scale,
        data: new Uint8ClampedArray(data),
        png: async () => (canvas.encode ? canvas.encode('png') : canvas.toBuffer!('image/png')),
      });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

export async function renderPdfPage(bytes: Uint8Array, pageNumber = 1, scale = 2): Promise<Raster> {
  return (await renderPdfPages(bytes, scale, [pageNumber]))[0]!;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels whose luminance is below `threshold` (0–255) inside `rect` (points, top-left origin). */
export function countInk(r: Raster, rect: Rect, threshold = 128): number {
  const x0 = Math.max(0, Math.floor(rect.x * r.scale));
  const y0 = Math.max(0, Math.floor(rect.y * r.scale));
  const x1 = Math.min(r.width, Math.ceil((rect.x + rect.width) * r.scale));
  const y1 = Math.min(r.height, Math.ceil((rect.y + rect.height) * r.scale));
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * r.width + x) * 4;
      const lum = 0.299 * r.data[i]! + 0.587 * r.data[i + 1]! + 0.114 * r.data[i + 2]!;
      if (lum < threshold) ink++;
    }
  }
  return ink;
}

/** The RGB of the pixel at a point (points, top-left origin). */
export function pixelAt(r: Raster, x: number, y: number): [number, number, number] {
  const i = (Math.floor(y * r.scale) * r.width + Math.floor(x * r.scale)) * 4;
  return [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!];
}

/** Share of pixels whose largest channel difference exceeds `threshold` between two renders of one size. */
export function differingShare(a: Raster, b: Raster, threshold = 64): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`renders of different sizes: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!));
    if (d > threshold) n++;
  }
  return n / (a.width * a.height);
}
