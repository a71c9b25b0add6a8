/** Test helpers: a throw-away copy of the minimal fixture with some files replaced. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { isUserInputError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { displayPath } from '../../src/content/index.js';

export const MINIMAL = fileURLToPath(new URL('../fixtures/content/minimal-org/', import.meta.url));
export const OKAYAMA = fileURLToPath(new URL('../../content/okayama/', import.meta.url));

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Copies minimal-org to a temp dir and writes `files` over it (null deletes a file). */
export function contentDir(files: Record<string, string | null>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kasuhara-content-'));
  made.push(dir);
  cpSync(MINIMAL, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    if (text === null) rmSync(path.join(dir, name));
    else writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The file name as diagnostics show it. */
export const shown = (dir: string, name: string) => displayPath(path.join(dir, name));

/** Runs `fn`, expects a UserInputError and returns its diagnostics. */
export async function diagnosticsOf(fn: () => unknown): Promise<Diagnostic[]> {
  try {
    await fn();
  } catch (e) {
    if (isUserInputError(e)) return e.diagnostics;
    throw e;
  }
  expect.fail('expected a UserInputError');
}
