/**
 * Reproducible builds: the same content gives the same bytes — twice in one process, and in
 * another process with another time zone. The dates inside come from SOURCE_DATE_EPOCH when
 * set, otherwise from the policy's date, never from the clock; the trailer carries an /ID.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib';
import { PDFDateString } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPdf } from '../helpers/pdfjs.js';
import { buildInto, OKAYAMA_DIR, OKAYAMA_OUTPUTS, REPO_ROOT, tempDir, type Built } from './support.js';

const EPOCH = 1_700_000_000; // 2023-11-14T22:13:20Z
const POLICY_DATE = Date.UTC(2025, 7, 29); // policy.md: date: 2025-08-29

async function info(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await loadPdf(bytes);
  try {
    return (await doc.getMetadata()).info as Record<string, unknown>;
  } finally {
    await doc.destroy();
  }
}

async function fingerprint(bytes: Uint8Array): Promise<string | null> {
  const doc = await loadPdf(bytes);
  try {
    return doc.fingerprints[0] ?? null;
  } finally {
    await doc.destroy();
  }
}

/** The trailer's /ID as pdf-lib's parser reads it: two hex strings, or undefined. */
async function trailerId(bytes: Uint8Array): Promise<string[] | undefined> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const id = pdf.context.trailerInfo.ID;
  if (!(id instanceof PDFArray)) return undefined;
  return id.asArray().map((s) => (s instanceof PDFHexString ? s.asString() : `not a hex string: ${s.toString()}`));
}

function dateOf(value: unknown): number | undefined {
  return typeof value === 'string' ? PDFDateString.toDateObject(value)?.getTime() : undefined;
}

describe('reproducible output', () => {
  let first: Built;
  let second: Built;
  let epoch: Built;

  beforeAll(async () => {
    // env: {} — the tests must not depend on a SOURCE_DATE_EPOCH in the caller's environment.
    first = await buildInto({ contentDirs: [OKAYAMA_DIR], env: {} });
    second = await buildInto({ contentDirs: [OKAYAMA_DIR], env: {} });
    epoch = await buildInto({ contentDirs: [OKAYAMA_DIR], env: { SOURCE_DATE_EPOCH: String(EPOCH) } });
  });
  afterAll(() => [first, second, epoch].forEach((b) => b?.cleanup()));

  it('writes the same files each time', () => {
    // Every product also has its print flavour, <name>.print.pdf (test/build/print.test.ts),
    // and its web flavour, <name>.web.pdf (test/build/web.test.ts); the policy and the poster
    // also have a web page with its Open Graph image (test/html/).
    const html = ['policy.html', 'policy.og.png', 'poster.html', 'poster.og.png'];
    const all = [...OKAYAMA_OUTPUTS, ...OKAYAMA_OUTPUTS.map((f) => f.replace(/\.pdf$/, '.print.pdf')), ...OKAYAMA_OUTPUTS.map((f) => f.replace(/\.pdf$/, '.web.pdf')), ...html];
    for (const b of [first, second, epoch]) expect(readdirSync(join(b.outDir, 'okayama')).sort()).toEqual(all.sort());
  });

  it.each([...OKAYAMA_OUTPUTS, ...OKAYAMA_OUTPUTS.map((f) => f.replace(/\.pdf$/, '.web.pdf')), 'policy.html', 'policy.og.png'])('%s is byte-identical when built twice', (file) => {
    const a = first.read('okayama', file);
    const b = second.read('okayama', file);
    expect(a.length).toBeGreaterThan(1000);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('is byte-identical when built in another process, in another time zone', async () => {
    const out = tempDir();
    const script = join(out, 'build.mts');
    mkdirSync(join(out, 'pdf'));
    writeFileSync(
      script,
      `import { buildAll } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src/build/build.ts')).href)};\n` +
        `await buildAll({ cwd: ${JSON.stringify(REPO_ROOT)}, contentDirs: [${JSON.stringify(OKAYAMA_DIR)}], ` +
        `outDir: ${JSON.stringify(join(out, 'pdf'))}, env: {} });\n`,
    );
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: 'C' };
      delete env.SOURCE_DATE_EPOCH;
      await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, env });
      for (const file of OKAYAMA_OUTPUTS) {
        const other = new Uint8Array(readFileSync(join(out, 'pdf', 'okayama', file)));
        expect(Buffer.compare(other, first.read('okayama', file)), file).toBe(0);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it.each(OKAYAMA_OUTPUTS)('%s: without SOURCE_DATE_EPOCH, CreationDate and ModDate are the policy date 2025-08-29', async (file) => {
    const meta = await info(first.read('okayama', file));
    expect(meta.CreationDate).toMatch(/^D:20250829/);
    expect(dateOf(meta.CreationDate)).toBe(POLICY_DATE);
    expect(dateOf(meta.ModDate)).toBe(POLICY_DATE);
  });

  it.each(OKAYAMA_OUTPUTS)('%s: with SOURCE_DATE_EPOCH=1700000000, the dates are that instant', async (file) => {
    const meta = await info(epoch.read('okayama', file));
    expect(meta.CreationDate).toMatch(/^D:20231114221320(Z|\+00'?00'?)?$/);
    expect(dateOf(meta.CreationDate)).toBe(EPOCH * 1000);
    expect(dateOf(meta.ModDate)).toBe(EPOCH * 1000);
  });

  it.each(OKAYAMA_OUTPUTS)('%s has a trailer /ID of two 16-byte strings, which pdf.js uses as its fingerprint', async (file) => {
    const bytes = first.read('okayama', file);
    const id = await trailerId(bytes);
    expect(id).toHaveLength(2);
    for (const part of id!) expect(part).toMatch(/^[0-9A-Fa-f]{32}$/);
    expect(await fingerprint(bytes)).toBe(id![0]!.toLowerCase());
  });

  it('gives each document its own /ID, and a new second half when the content changes (dates)', async () => {
    const ids = await Promise.all(OKAYAMA_OUTPUTS.map(async (f) => (await trailerId(first.read('okayama', f)))!));
    expect(new Set(ids.map((id) => id[0])).size).toBe(OKAYAMA_OUTPUTS.length);
    for (const file of OKAYAMA_OUTPUTS) {
      const [, before] = (await trailerId(first.read('okayama', file)))!;
      const [, after] = (await trailerId(epoch.read('okayama', file)))!;
      expect(after, file).not.toBe(before);
    }
  });
});

describe('trailer /ID across revisions', () => {
  it('keeps the first half (the document) when the content changes, and changes the second', async () => {
    const { buildDocument } = await import('../../src/build/build.js');
    const { loadContent } = await import('../../src/content/index.js');
    const { jobsFor } = await import('../../src/build/products.js');
    const { DiagnosticBag } = await import('../../src/diagnostics/diagnostic.js');
    const content = await loadContent(join(import.meta.dirname, '../../content/okayama'));
    const [job] = jobsFor(content.products, ['poster'], 'products.yaml');
    const ids = async (c: typeof content) => {
      const { bytes } = await buildDocument(c, job!, new DiagnosticBag(), {});
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const arr = doc.context.trailerInfo.ID as PDFArray;
      return [0, 1].map((i) => (arr.get(i) as PDFHexString).asString());
    };
    const before = await ids(content);
    const revised = { ...content, poster: { ...content.poster!, lead: '～改訂版～' } };
    const after = await ids(revised);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});
