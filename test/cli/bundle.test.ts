/**
 * The esbuild bundle that bin/kasuhara-press.js runs (scripts/bundle.mjs) makes the same bytes
 * as the TypeScript sources, on the main thread and in its worker entry, and finds the
 * project's folders (templates, assets, fonts) from dist/.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { tempDir } from '../build/support.js';
import { BIN, REPO, ensureCompiled } from '../helpers/compiled.js';

const made: string[] = [];
const dir = () => {
  const d = tempDir('kp-bundle-');
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

// The logo fixture (an image from the content folder) and the city's poster, handout and tent:
// seven documents. The main thread's four lanes take the first four, so with
// KASUHARA_WORKERS=1 the worker is handed the fifth at once (batch.ts runAll; checked by hand
// with a logging worker: it built okayama/tent.pdf, the main thread the other six).
const ARGS = [
  'build', '--content', join(REPO, 'content/okayama'), '--content', join(REPO, 'test/fixtures/content/logo-org'),
  '--product', 'poster', '--product', 'handout', '--product', 'tent', '--flavour', 'pdf',
];
const ENV = { SOURCE_DATE_EPOCH: '1700000000', LANG: 'C' };

function bin(out: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...ARGS, '--out', out], { cwd: REPO, env: { ...process.env, ...ENV, ...env } }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
    });
  });
}

/** Every PDF and HTML file under `d`, by relative path. */
function files(d: string): Map<string, Buffer> {
  const all = readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(pdf|html)$/.test(f)).sort();
  return new Map(all.map((f) => [relative(d, join(d, f)), readFileSync(join(d, f))]));
}

describe('the bundled CLI', () => {
  let fromSource: Map<string, Buffer>;
  let mainThread: Map<string, Buffer>;
  let worker: Map<string, Buffer>;
  beforeAll(async () => {
    await ensureCompiled();
    const a = dir();
    const b = dir();
    const c = dir();
    const code = await run([...ARGS, '--out', a], { out: () => {}, err: () => {}, env: { ...ENV, KASUHARA_WORKERS: '0' }, cwd: REPO });
    expect(code).toBe(0);
    const [onMain, inWorker] = await Promise.all([bin(b, { KASUHARA_WORKERS: '0' }), bin(c, { KASUHARA_WORKERS: '1' })]);
    expect(onMain).toEqual({ code: 0, stderr: '' });
    expect(inWorker).toEqual({ code: 0, stderr: '' });
    [fromSource, mainThread, worker] = [files(a), files(b), files(c)];
  }, 180_000);

  it('writes byte for byte what the sources write, on the main thread and in a worker', () => {
    expect([...fromSource.keys()].filter((f) => f.endsWith('.pdf')).length).toBe(7);
    expect([...mainThread.keys()]).toEqual([...fromSource.keys()]);
    expect([...worker.keys()]).toEqual([...fromSource.keys()]);
    for (const [file, bytes] of fromSource) {
      expect(Buffer.compare(mainThread.get(file)!, bytes), `main thread: ${file}`).toBe(0);
      expect(Buffer.compare(worker.get(file)!, bytes), `worker: ${file}`).toBe(0);
    }
  });

  it('has a bundle identity for the build cache', () => {
    expect(readFileSync(join(REPO, 'dist/kasuhara-press.id'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });
});
