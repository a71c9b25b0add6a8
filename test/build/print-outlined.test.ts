/**
 * `build --outline-text`: beside every <name>.print.pdf an outlined <name>.print-outlined.pdf
 * with no fonts, drawn like the live file. Read back with pdf-lib's parser, pdf.js and (when
 * installed) pdffonts; the CLI runs in-process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFName } from 'pdf-lib';
import { run } from '../../src/cli/main.js';
import { preflightPrint } from '../../src/preflight/print.js';
import { extractPdfText } from '../helpers/pdfText.js';
import { differingShare, renderPdfPage } from '../helpers/pdfRender.js';
import { readPrintPdf } from '../helpers/printPdf.js';
import { buildInto, OKAYAMA_DIR, REPO_ROOT, type Built } from './support.js';

const PRODUCTS = ['poster-a3.pdf', 'tent-vertical.pdf'];
const outlined = (f: string) => f.replace(/\.pdf$/, '.print-outlined.pdf');
const live = (f: string) => f.replace(/\.pdf$/, '.print.pdf');

function hasPdffonts(): boolean {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('build --outline-text', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['poster', 'tent-vertical'], outlineText: true, env: {} });
  }, 120_000);
  afterAll(() => built?.cleanup());

  it('writes <name>.print-outlined.pdf beside <name>.print.pdf', () => {
    const files = built.result.outputs.map((o) => o.file.split('/').at(-1));
    for (const f of PRODUCTS) {
      expect(files).toContain(live(f));
      expect(files).toContain(outlined(f));
    }
  });

  it.each(PRODUCTS)('%s: no text, no font, same look as the live print file, preflight passes', async (file) => {
    const bytes = built.read('okayama', outlined(file));
    const liveBytes = built.read('okayama', live(file));
    for (const page of await extractPdfText(bytes)) expect(page.items.map((i) => i.str).join('').trim()).toBe('');
    expect((await extractPdfText(liveBytes))[0]!.text.length).toBeGreaterThan(10);
    const { doc } = await readPrintPdf(bytes);
    const types = doc.context.enumerateIndirectObjects().map(([, o]) => (o instanceof PDFDict ? o.get(PDFName.of('Type'))?.toString() : undefined));
    expect(types).not.toContain('/Font');
    const a = await renderPdfPage(liveBytes, 1, 0.5);
    const b = await renderPdfPage(bytes, 1, 0.5);
    expect(differingShare(a, b)).toBeLessThan(0.003);
    expect((await preflightPrint(bytes)).filter((r) => r.status === 'fail')).toEqual([]);
  }, 60_000);

  it.runIf(hasPdffonts())('pdffonts lists no font', () => {
    const out = execFileSync('pdffonts', [join(built.outDir, 'okayama', outlined('poster-a3.pdf'))], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(2); // the two header lines only
    const liveOut = execFileSync('pdffonts', [join(built.outDir, 'okayama', live('poster-a3.pdf'))], { encoding: 'utf8' });
    expect(liveOut.trim().split('\n').length).toBeGreaterThan(2);
  });

  it('is only written when asked for', async () => {
    const plain = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['poster'], env: {} });
    try {
      expect(plain.result.outputs.some((o) => o.file.includes('print-outlined'))).toBe(false);
    } finally {
      plain.cleanup();
    }
  }, 60_000);

  it('the CLI takes --outline-text for build only', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (l: string) => err.push(l), env: {}, cwd: REPO_ROOT };
    expect(await run(['preview', '--outline-text', '--lang', 'en'], io)).toBe(1);
    expect(err.join('\n')).toContain('--outline-text belongs to the build command');
  });
});
