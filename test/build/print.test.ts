/**
 * Every product's print flavour, <name>.print.pdf, as the build writes it: read back with
 * pdf-lib's parser, pdf.js and (when installed) pdfinfo — never with our own code.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { loadContent } from '../../src/content/index.js';
import { buildDocument } from '../../src/build/build.js';
import { jobsFor } from '../../src/build/products.js';
import { renderPdfPage, pixelAt } from '../helpers/pdfRender.js';
import { operators, readPrintPdf, strokedSegments } from '../helpers/printPdf.js';
import { buildInto, MM, OKAYAMA_DIR, OKAYAMA_OUTPUTS, REPO_ROOT, type Built } from './support.js';

const B = 3 * MM;
const printName = (f: string) => f.replace(/\.pdf$/, '.print.pdf');

function hasTool(name: string): boolean {
  for (const flag of ['--version', '-v']) {
    try {
      execFileSync(name, [flag], { stdio: 'ignore' });
      return true;
    } catch {
      // try the next spelling, else the tool is missing
    }
  }
  return false;
}

describe('print flavour of every product', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], env: {} });
  }, 120_000);
  afterAll(() => built?.cleanup());

  it('writes <name>.print.pdf beside every <name>.pdf', () => {
    const files = built.result.outputs.map((o) => o.file.split('/').at(-1));
    for (const f of OKAYAMA_OUTPUTS) {
      expect(files).toContain(f);
      expect(files).toContain(printName(f));
    }
  });

  it.each(OKAYAMA_OUTPUTS)('%s: print flavour is PDF 1.3, CMYK only, with exact boxes and marks on every page', async (file) => {
    const plain = await readPrintPdf(built.read('okayama', file));
    const { pages, header } = await readPrintPdf(built.read('okayama', printName(file)));
    expect(header).toBe('%PDF-1.3');
    expect(pages).toHaveLength(plain.pages.length);
    pages.forEach((p, i) => {
      const [, , w, h] = plain.pages[i]!.media;
      [0, 0, w, h].forEach((v, j) => expect(p.trim![j]).toBeCloseTo(v, 2));
      [-B, -B, w + B, h + B].forEach((v, j) => expect(p.bleed![j]).toBeCloseTo(v, 2));
      [-72, -72, w + 72, h + 72].forEach((v, j) => expect(p.media[j]).toBeCloseTo(v, 2));
      const ops = operators(p.content);
      expect(ops.filter((o) => / (rg|RG)$/.test(o))).toEqual([]);
      const marks = strokedSegments(p.content).filter((s) => s.stroke === '1 1 1 1 K');
      expect(marks).toHaveLength(24); // 4 corners × 4 + 4 sides × 2
      expect(marks.every((m) => m.width === 0.1)).toBe(true);
      expect(ops.filter((o) => /^1 1 1 1 k$/.test(o))).toEqual([]);
    });
  });

  it('poster-a4: body text is K100 and the top band is filled 3 mm into the bleed', async () => {
    const bytes = built.read('okayama', 'poster-a4.print.pdf');
    const { pages } = await readPrintPdf(bytes);
    const text = pages[0]!.content.split('\n').filter((_, i, all) => all.slice(0, i).lastIndexOf('BT') > all.slice(0, i).lastIndexOf('ET'));
    expect(text).toContain('0 0 0 1 k');
    // Rendered over the whole sheet: the trim's top-left corner is at (72, 72) pt.
    const r = await renderPdfPage(bytes, 1, 2);
    const isWhite = (p: number[]) => p.every((c) => c > 245);
    expect(isWhite(pixelAt(r, 72 + 150, 72 - B / 2))).toBe(false); // top bleed, above the band
    expect(isWhite(pixelAt(r, 72 - B / 2, 72 + 10))).toBe(false); // left bleed, beside the band
    expect(isWhite(pixelAt(r, 72 + 150, 72 + 10))).toBe(false); // the band itself
    expect(isWhite(pixelAt(r, 72 + 150, 72 - B - 2))).toBe(true); // outside the bleed box
    expect(isWhite(pixelAt(r, 72 - B / 2, 72 + 400))).toBe(true); // no band there: the bleed stays empty
  }, 60_000);

  it.runIf(hasTool('pdfinfo'))('pdfinfo -box agrees', () => {
    const out = execFileSync('pdfinfo', ['-box', join(built.outDir, 'okayama', 'poster-a4.print.pdf')], { encoding: 'utf8' });
    const box = (name: string) => out.match(new RegExp(`${name}:\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)`))!.slice(1).map(Number);
    const w = 210 * MM;
    const h = 297 * MM;
    const near = (a: number[], b: number[]) => b.forEach((v, i) => expect(Math.abs(a[i]! - v)).toBeLessThan(0.006));
    near(box('TrimBox'), [0, 0, w, h]);
    near(box('ArtBox'), [0, 0, w, h]);
    near(box('BleedBox'), [-B, -B, w + B, h + B]);
    near(box('MediaBox'), [-72, -72, w + 72, h + 72]);
    expect(out).toMatch(/PDF version:\s+1\.3/);
  });

  it.runIf(hasTool('qpdf'))('qpdf --check finds no errors', () => {
    const out = execFileSync('qpdf', ['--check', join(built.outDir, 'okayama', 'poster-a4.print.pdf')], { encoding: 'utf8' });
    expect(out).toMatch(/No syntax or stream encoding errors/);
  });

  it.each(OKAYAMA_OUTPUTS)('%s: the plain flavour is unchanged (single-flavour buildDocument, PDF 1.7, no TrimBox, no marks)', async (file) => {
    const bytes = built.read('okayama', file);
    const content = await loadContent(OKAYAMA_DIR, { cwd: REPO_ROOT });
    const job = jobsFor(content.products, undefined, 'products.yaml').find((j) => j.output === file)!;
    const alone = await buildDocument(content, job, new DiagnosticBag(), {});
    expect(Buffer.from(alone.bytes).equals(Buffer.from(bytes))).toBe(true);
    const { pages, header } = await readPrintPdf(bytes);
    expect(header).toBe('%PDF-1.7');
    expect(pages[0]!.trim).toBeUndefined();
    expect(strokedSegments(pages[0]!.content).some((s) => s.stroke === '1 1 1 1 K')).toBe(false);
  }, 60_000);
});

describe('our print files pass our own preflight (an independent reader of any PDF)', () => {
  it('every default product’s print PDF passes check --print', async () => {
    const { buildAll } = await import('../../src/build/build.js');
    const { preflightPrint } = await import('../../src/preflight/print.js');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const out = mkdtempSync(join(tmpdir(), 'kp-preflight-own-'));
    const root = join(import.meta.dirname, '../..');
    const result = await buildAll({ cwd: root, contentDirs: ['content/okayama'], outDir: out });
    const prints = result.outputs.filter((o) => o.file.endsWith('.print.pdf'));
    expect(prints.length).toBeGreaterThanOrEqual(7);
    for (const o of prints) {
      const findings = await preflightPrint(readFileSync(join(root, o.file)));
      const failed = findings.filter((f) => f.status !== 'pass').map((f) => `${o.file}: ${f.rule} ${f.object ?? ''} ${f.message.en}`);
      expect(failed).toEqual([]);
    }
  });
});
