/**
 * The compiled CLI that bin/kasuhara-press.js runs: tsc's dist/ and the esbuild bundle
 * (npm run compile). Compiled here when missing or older than the sources, so the tests that
 * run the real process work on a fresh clone too.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(REPO, 'bin/kasuhara-press.js');
const BUNDLE = path.join(REPO, 'dist/kasuhara-press.js');

/** Newest modification time of what the bundle is made from: the sources, the script, the packages. */
function newestInput(): number {
  const files = ['scripts/bundle.mjs', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => path.join(REPO, f));
  return Math.max(newestSource(), ...files.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
}

function newestSource(dir = path.join(REPO, 'src')): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newestSource(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0;
    }),
  );
}

let compiling: Promise<void> | undefined;
/**
 * Compiles when the bundle is stale. test/global-setup.ts calls it once before the test files
 * run (in parallel, each compiling would replace the bundle under the others); a test file
 * calls it again from beforeAll, which then finds it fresh.
 */
export function ensureCompiled(): Promise<void> {
  compiling ??= (async () => {
    if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestInput()) return;
    // tsc emits even when another part of the tree does not type-check yet; the runs tell.
    await promisify(execFile)(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO }).catch(() => undefined);
    await promisify(execFile)(process.execPath, [path.join(REPO, 'scripts/bundle.mjs')], { cwd: REPO });
  })();
  return compiling;
}
