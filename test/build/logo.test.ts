/**
 * The organisation logo end to end (organisation.yaml `logo:` → poster/handout <img> → both PDF
 * flavours), on a made-up organisation with a generated emblem (test/fixtures/content/logo-org).
 * Read back with pdf.js and our preflight; the CLI's messages for a broken or unsafe logo.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { displayPath } from '../../src/content/index.js';
import { preflightPrint } from '../../src/preflight/print.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { extractPdfText } from '../helpers/pdfText.js';
import { buildInto, REPO_ROOT, type Built } from './support.js';

const LOGO_ORG = join(REPO_ROOT, 'test/fixtures/content/logo-org');

/** [x, y (top-left origin), width, height] of every image pdf.js paints on page 1. */
async function paintedImages(bytes: Uint8Array): Promise<{ rects: number[][]; pageHeight: number }> {
  const pdf = await loadPdf(bytes);
  const page = await pdf.getPage(1);
  const [, , , top] = page.view;
  const ops = await page.getOperatorList();
  const rects: number[][] = [];
  ops.fnArray.forEach((f, i) => {
    if (f !== OPS.paintImageXObject) return;
    for (let j = i - 1; j >= 0; j--) {
      if (ops.fnArray[j] !== OPS.transform) continue;
      const [a, , , d, e, f2] = ops.argsArray[j] as number[];
      rects.push([e!, top! - f2! - d!, a!, d!]);
      break;
    }
  });
  await pdf.destroy();
  return { rects, pageHeight: top! };
}

let built: Built;
beforeAll(async () => {
  built = await buildInto({ contentDirs: [LOGO_ORG] });
}, 120_000);
afterAll(() => built?.cleanup());

describe('organisation logo', () => {
  it.each(['poster-a4.pdf', 'handout.pdf'])('%s shows the logo once, just before the issuer, in the footer', async (file) => {
    const bytes = built.read('logo-org', file);
    const { rects, pageHeight } = await paintedImages(bytes);
    expect(rects.length).toBe(1);
    const [x, y, w, h] = rects[0]!;
    expect(w).toBeCloseTo(h!, 3); // square emblem, object-fit: contain
    expect(y!).toBeGreaterThan(pageHeight * 0.8);
    const issuer = (await extractPdfText(bytes))[0]!.items.find((i) => i.str.includes('架空町役場'))!;
    expect(issuer).toBeDefined();
    const gap = issuer.x - (x! + w!);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(20);
    // Vertically centred on the issuer line (its baseline lies within the logo's height).
    expect(issuer.y).toBeGreaterThan(y!);
    expect(issuer.y).toBeLessThan(y! + h!);
  });

  it('the print flavours pass preflight (CMYK JPEG logo, no soft mask, enough resolution)', async () => {
    for (const file of ['poster-a4.print.pdf', 'handout.print.pdf']) {
      const findings = await preflightPrint(built.read('logo-org', file));
      expect(findings.filter((f) => f.status !== 'pass').map((f) => `${file}: ${f.rule} ${f.message.en}`)).toEqual([]);
    }
  });

  it('reports no resolution warning for the 960 px logo at its size', () => {
    expect(built.result.diagnostics.filter((d) => d.code === 'print/image-resolution')).toEqual([]);
  });
});

describe('a broken or unsafe logo at the command line: exit 1, a clear message, no stack trace', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function sandbox(): { content: string; out: string } {
    const root = mkdtempSync(join(tmpdir(), 'kp-logo-'));
    dirs.push(root);
    const content = join(root, 'logo-org');
    cpSync(LOGO_ORG, content, { recursive: true });
    return { content, out: join(root, 'out') };
  }

  async function cli(argv: string[]): Promise<{ code: number; err: string }> {
    const err: string[] = [];
    const code = await run(argv, { out: () => {}, err: (l) => err.push(l), env: {}, cwd: process.cwd() });
    return { code, err: err.join('\n') };
  }

  it('a logo file that is not an image names organisation.yaml, the line and the field', async () => {
    const s = sandbox();
    writeFileSync(join(s.content, 'logo.png'), 'not an image');
    const o = await cli(['build', '--content', s.content, '--out', s.out, '--lang', 'en']);
    expect(o.code).toBe(1);
    expect(o.err).toBe([
      `error: ${displayPath(join(s.content, 'organisation.yaml'))}:7 (field: logo): The image file "logo.png" of img.logo is not a readable PNG or JPEG.`,
      '  hint: Save the image again as PNG (logos, drawings) or JPEG (photos).',
    ].join('\n'));
  });

  it('a logo path outside the content folder is refused before anything is read (Japanese)', async () => {
    const s = sandbox();
    writeFileSync(join(s.content, 'organisation.yaml'), 'name: 架空町\nnameEn: Kakū Town\npolicyUrl: https://example.jp/kaku/policy.html\nissuer: 架空町役場\nlogo: ../../../etc/passwd\n');
    const o = await cli(['build', '--content', s.content, '--out', s.out, '--lang', 'ja']);
    expect(o.code).toBe(1);
    expect(o.err).toContain(`${displayPath(join(s.content, 'organisation.yaml'))}:5:7 (項目: logo)`);
    expect(o.err).toContain('コンテンツフォルダの外');
    expect(o.err).not.toMatch(/^\s+at /m);
  });
});
