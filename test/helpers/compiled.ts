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

/** Newest modification time of the TypeScript sources that dist/ is compiled from. */
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
/** Compiles once per test file when the bundle is stale; call from beforeAll (allow ~2 min). */
export function ensureCompiled(): Promise<void> {
  compiling ??= (async () => {
    if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSource()) return;
    // tsc emits even when another part of the tree does not type-check yet; the runs tell.
    await promisify(execFile)(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO }).catch(() => undefined);
    await promisify(execFile)(process.execPath, [path.join(REPO, 'scripts/bundle.mjs')], { cwd: REPO });
  })();
  return compiling;
}
