/** Runs once before every test file: the tests that start the real CLI need the bundle. */
import { ensureCompiled } from './helpers/compiled.js';

export default async function setup(): Promise<void> {
  await ensureCompiled();
}
