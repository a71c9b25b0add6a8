/**
 * The QR codes of the built products scan: the module grid drawn on each page is the grid of
 * organisation.yaml's policyUrl (read back from the display list), and a real decoder
 * (zbarimg, when installed) reads the URL from the poster rendered by the raster backend at
 * 150 dpi. Without /usr/bin/zbarimg the decoder test is skipped (apt-get install zbar-tools).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutJob } from '../../src/build/build.js';
import { jobsFor } from '../../src/build/products.js';
import { loadContent, type Content } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { DisplayDocument } from '../../src/layout/display-list.js';
import { renderPage } from '../../src/render/raster/index.js';
import { expectedGrid, gridOf, HAS_ZBAR, qrPaths, turnHalf, zbarDecode } from './qr-support.js';

const root = join(import.meta.dirname, '../..');

describe('QR codes of the Okayama products', () => {
  let content: Content;
  const docs = new Map<string, DisplayDocument>();
  beforeAll(async () => {
    content = await loadContent(join(root, 'content/okayama'));
    for (const job of jobsFor(content.products, ['poster', 'handout', 'tent'], 'products.yaml')) {
      docs.set(job.output, layoutJob(content, job, new DiagnosticBag(), {}));
    }
  });

  it.each([
    ['poster-a4.pdf', 1],
    ['poster-a3.pdf', 1],
    ['poster-b2.pdf', 1],
    ['handout.pdf', 1],
    ['tent.pdf', 2],
  ])('%s draws %i QR code(s) of policyUrl, upright or turned a half turn', (output, count) => {
    const url = content.organisation.policyUrl;
    const want = expectedGrid(url);
    const paths = docs.get(output)!.pages.flatMap((p) => qrPaths(p));
    expect(paths).toHaveLength(count);
    for (const path of paths) {
      const { grid, module } = gridOf(path);
      expect([want, turnHalf(want)]).toContainEqual(grid);
      // Big enough to scan from a phone held at reading distance: modules of 0.4 mm or more.
      expect(module * (25.4 / 72)).toBeGreaterThan(0.4);
    }
  });

  it.skipIf(!HAS_ZBAR)('the A4 poster rendered by the raster backend at 150 dpi decodes to policyUrl with zbarimg', async () => {
    const page = docs.get('poster-a4.pdf')!.pages[0]!;
    const png = await renderPage(page, { dpi: 150, format: 'png' });
    expect(zbarDecode(png)).toEqual([content.organisation.policyUrl]);
  });

  it.skipIf(!HAS_ZBAR)('both faces of the desk tent decode with zbarimg, the upside-down one too', async () => {
    const page = docs.get('tent.pdf')!.pages[0]!;
    const png = await renderPage(page, { dpi: 150, format: 'png' });
    expect(zbarDecode(png)).toEqual([content.organisation.policyUrl, content.organisation.policyUrl]);
  });
});
