/**
 * File watching for the dev server (chokidar). Events are gathered for a short moment, so an
 * editor's save (often write + rename, or several files at once) becomes one rebuild.
 */
import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface Watcher {
  close(): Promise<void>;
}

/** Editor droppings: swap, backup and lock files, and dot files. */
function ignored(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/i.test(name) || /^#.*#$/.test(name) || /^\d+$/.test(name);
}

export async function watchFiles(
  paths: readonly string[],
  onChange: (files: string[]) => void,
  onError: (e: unknown) => void,
  settleMs = 30,
): Promise<Watcher> {
  const watcher: FSWatcher = watch([...paths], { ignoreInitial: true, ignored, atomic: 50 });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, path) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      onChange(files);
    }, settleMs);
  });
  watcher.on('error', onError);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
