/**
 * Test images made with sharp in a temporary folder (nothing binary committed), and a layout
 * of small HTML documents with an ImageRegistry rooted there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ImageRegistry } from '../../src/images/registry.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { DisplayDocument, ImageItem } from '../../src/layout/display-list.js';
import type { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { fonts, icons, styled } from '../layout/helpers.js';

export interface ImageDir {
  dir: string;
  /** Writes an image of `width`×`height` px in one colour (alpha < 1 gives a PNG with transparency). */
  make(name: string, width: number, height: number, colour?: { r: number; g: number; b: number; alpha?: number }): Promise<string>;
}

export function imageDir(): ImageDir {
  const dir = mkdtempSync(join(tmpdir(), 'kp-images-'));
  return {
    dir,
    async make(name, width, height, colour = { r: 200, g: 30, b: 40 }) {
      const alpha = colour.alpha ?? 1;
      const base = sharp({ create: { width, height, channels: alpha < 1 ? 4 : 3, background: { ...colour, alpha } } });
      const bytes = name.endsWith('.jpg') ? await base.jpeg({ quality: 90 }).toBuffer() : await base.png().toBuffer();
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}

/** Lays out `<body>` with images looked up in `dir`. */
export function layoutWithImages(dir: string, css: string, body: string, diagnostics?: DiagnosticBag): DisplayDocument {
  return layoutDocument(styled(css, body), {
    fonts,
    icons,
    images: new ImageRegistry({ contentDir: dir }),
    date: new Date(0),
    file: 'test.html',
    ...(diagnostics ? { diagnostics } : {}),
  });
}

export function imagesOf(doc: DisplayDocument): ImageItem[] {
  return doc.pages.flatMap((p) => p.items.filter((i): i is ImageItem => i.kind === 'image'));
}
