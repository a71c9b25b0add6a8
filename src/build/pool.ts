/**
 * Documents built in parallel on worker threads (piscina), when that pays: each worker parses
 * the fonts and compiles the templates once, which costs about as much as a few documents, so
 * a small build stays on the main thread. The worker runs exactly the function the main
 * thread would (`runDocumentTask`), so both paths make the same bytes.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { DocumentTask, DocumentTaskResult } from './document-task.js';

/** Below this many documents per extra thread, starting workers costs more than it saves. */
const DOCUMENTS_PER_WORKER = 6;

export interface PoolChoice {
  threads: number;
}

/** How many worker threads a build of `documents` documents should use (0: main thread only). */
export function workerThreadsFor(documents: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.KASUHARA_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  const cores = availableParallelism();
  if (cores < 2) return 0;
  const useful = Math.floor(documents / DOCUMENTS_PER_WORKER);
  return useful < 2 ? 0 : Math.min(cores, useful);
}

export class DocumentPool {
  private readonly pool: Piscina<DocumentTask, DocumentTaskResult>;

  constructor(threads: number) {
    // Compiled: worker.js beside this file. From sources (tests, tsx): worker.ts through tsx.
    const url = new URL(import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : './worker.js', import.meta.url);
    this.pool = new Piscina({ filename: fileURLToPath(url), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  }

  run(task: DocumentTask): Promise<DocumentTaskResult> {
    return this.pool.run(task);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
