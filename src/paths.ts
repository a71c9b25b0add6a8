/** Where the project's own folders are (templates/, assets/, fonts/), from any module, compiled or not. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the running code: src/ (tsx, vitest), dist/ (tsc) or the bundle's folder, which
 * is dist/ too (scripts/bundle.mjs writes its files flat, so this module's URL is always one
 * level below the project).
 */
export const CODE_DIR = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(CODE_DIR, '..');

declare const __KASUHARA_BUNDLED__: boolean | undefined;
/** True in the esbuild bundle the CLI runs (scripts/bundle.mjs defines the constant). */
export const BUNDLED = typeof __KASUHARA_BUNDLED__ !== 'undefined' && __KASUHARA_BUNDLED__;

/** The bundle's files all start with this name, so the unbundled code can skip them. */
export const BUNDLE_PREFIX = 'kasuhara-press';
/**
 * Beside the bundle: the SHA-256 of every file scripts/bundle.mjs wrote, the bundle's identity
 * for the build cache, computed once when it is made instead of on every run.
 */
export const BUNDLE_ID_FILE = `${BUNDLE_PREFIX}.id`;
