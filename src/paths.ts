/** Where the project's own folders are (templates/, assets/, fonts/), from any module, compiled or not. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
