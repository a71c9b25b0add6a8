/**
 * Documents built in parallel on worker threads (piscina), when that pays: each worker parses
 * the fonts and compiles the templates once, which costs about as much as a few documents, so
 * a small build stays on the main thread. The worker runs exactly the function the main
 * thread would (`runDocumentTask`), so both paths make the same bytes.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { BUNDLE_PREFIX, BUNDLED, CODE_DIR } from '../paths.js';
import type { DocumentTask, DocumentTaskResult } from './document-task.js';

/**
 * A worker costs about half a second of one core to start (modules, fonts, templates), and
 * the main thread builds documents too, with sharp and the garbage collector using further
 * cores. Measured on two cores (npm run bench), a worker made every build slower, even 63
 * documents; so workers are used only where cores are left over, one per 20 documents.
 */
const DOCUMENTS_PER_WORKER = 20;
/** Cores the main thread, sharp's threads and the garbage collector keep busy. */
const CORES_IN_USE = 3;

/**
 * How many worker threads a build of `documents` documents should use beside the main
 * thread, which builds documents too (0: the main thread alone). KASUHARA_WORKERS overrides.
 */
export function workerThreadsFor(documents: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.KASUHARA_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  return Math.max(0, Math.min(availableParallelism() - CORES_IN_USE, Math.floor(documents / DOCUMENTS_PER_WORKER)));
}

export class DocumentPool {
  private readonly pool: Piscina<DocumentTask, DocumentTaskResult>;

  constructor(threads: number) {
    this.pool = new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  }

  run(task: DocumentTask): Promise<DocumentTaskResult> {
    return this.pool.run(task);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The bundle's worker entry, tsc's worker.js beside this file, or worker.ts through tsx (tests). */
function workerFile(): string {
  if (BUNDLED) return join(CODE_DIR, `${BUNDLE_PREFIX}-worker.js`);
  return fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : './worker.js', import.meta.url));
}
