/**
 * The incremental build cache: an output is rebuilt only when something it is made from has
 * changed. Each document's key hashes the tool (its version and its own code), the project's
 * templates, assets and font registry (with the versions of the font packages), the content
 * folder, and the job itself. The manifest (`<out>/.kasuhara-cache.json`) records the key and
 * the SHA-256 of every file the document wrote; a document is skipped only when its key is
 * unchanged and every one of its files is still there with the same bytes, so a deleted or
 * hand-edited output is rebuilt too.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isVariantText } from '../content/variants-read.js';
import { BUNDLE_ID_FILE, BUNDLE_PREFIX, BUNDLED, CODE_DIR, PROJECT_ROOT } from '../paths.js';

export const MANIFEST = '.kasuhara-cache.json';

export interface CachedFile {
  /** Relative to the output root, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  pages: number;
  /** Modification time when written: size and time unchanged means the bytes are too (no need to hash). */
  mtimeMs?: number;
}

export interface CacheEntry {
  key: string;
  files: CachedFile[];
  /** Whatever the gallery needs to list the document without building it (languages, title…). */
  info?: Record<string, unknown>;
}

interface Manifest {
  version: 1;
  entries: Record<string, CacheEntry>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export class BuildCache {
  private constructor(
    readonly outRoot: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /** An unreadable or foreign manifest is an empty cache: the worst case is a full rebuild. */
  static open(outRoot: string): BuildCache {
    const entries = new Map<string, CacheEntry>();
    try {
      const manifest = JSON.parse(readFileSync(join(outRoot, MANIFEST), 'utf8')) as Manifest;
      if (manifest.version === 1) for (const [id, e] of Object.entries(manifest.entries)) entries.set(id, e);
    } catch {
      // No manifest yet, or a damaged one.
    }
    return new BuildCache(outRoot, entries);
  }

  /**
   * The cached entry when `key` matches and every file is intact, else undefined. A file whose
   * size and modification time are as written is intact; otherwise its bytes are hashed.
   */
  async fresh(id: string, key: string): Promise<CacheEntry | undefined> {
    const entry = this.entries.get(id);
    if (!entry || entry.key !== key) return undefined;
    for (const f of entry.files) {
      const abs = join(this.outRoot, f.path);
      const st = statSync(abs, { throwIfNoEntry: false });
      if (st?.size !== f.bytes) return undefined;
      if (f.mtimeMs !== undefined && st.mtimeMs === f.mtimeMs) continue;
      if (sha256(await readFile(abs)) !== f.sha256) return undefined;
      f.mtimeMs = st.mtimeMs;
    }
    return entry;
  }

  /** After writing: the files' modification times, so the next build need not hash them. */
  noteWritten(): void {
    for (const entry of this.entries.values()) {
      for (const f of entry.files) {
        if (f.mtimeMs !== undefined) continue;
        const st = statSync(join(this.outRoot, f.path), { throwIfNoEntry: false });
        if (st?.size === f.bytes) f.mtimeMs = st.mtimeMs;
      }
    }
  }

  record(id: string, entry: CacheEntry): void {
    this.entries.set(id, entry);
  }

  /**
   * Every recorded document whose files exist, or are about to be written (`coming`, absolute
   * paths): what the gallery lists.
   */
  all(coming: ReadonlySet<string> = new Set()): [string, CacheEntry][] {
    const there = (f: CachedFile) => coming.has(join(this.outRoot, f.path)) || existsSync(join(this.outRoot, f.path));
    return [...this.entries].filter(([, e]) => e.files.every(there)).sort(([a], [b]) => a.localeCompare(b));
  }

  /** The manifest as bytes, to be written with the outputs (atomically, like them). */
  serialise(): Uint8Array {
    const entries = Object.fromEntries([...this.entries].sort(([a], [b]) => a.localeCompare(b)));
    return new TextEncoder().encode(JSON.stringify({ version: 1, entries } satisfies Manifest, null, 1) + '\n');
  }

  fileRecord(abs: string, bytes: Uint8Array, pages: number): CachedFile {
    return { path: relative(this.outRoot, abs).split('\\').join('/'), sha256: sha256(bytes), bytes: bytes.length, pages };
  }
}

/**
 * Hash of every file under `dir` (names and bytes, sorted); '' for a missing folder. `skip`
 * gets each entry's name and its path relative to `dir` (with "/").
 */
export function hashTree(dir: string, skip: (name: string, rel: string) => boolean = () => false): string {
  if (!existsSync(dir)) return '';
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(d, e.name);
      if (skip(e.name, relative(dir, abs).split(sep).join('/'))) continue;
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) h.update(`\0${relative(dir, abs)}\0`).update(readFileSync(abs));
    }
  };
  walk(dir);
  return h.digest('hex');
}

let toolKey: string | undefined;
/**
 * The tool itself: its version and its own code (so a changed build never reuses old outputs).
 * The bundle's code was hashed when it was bundled; unbundled code (tsc's dist/, or src/ under
 * tsx and vitest) is hashed here, without the bundle's files beside it.
 */
function toolCodeKey(): string {
  if (toolKey === undefined) {
    const code = BUNDLED
      ? readFileSync(join(CODE_DIR, BUNDLE_ID_FILE), 'utf8')
      : hashTree(CODE_DIR, (n) => n.endsWith('.map') || n.startsWith(BUNDLE_PREFIX));
    toolKey = sha256(`${toolVersion()}\n${code}`);
  }
  return toolKey;
}

/**
 * The keys of one build. Files are hashed once per build (not per process: the dev server
 * and tests build again after editing templates or content).
 */
export class CacheKeys {
  private project: string | undefined;
  private readonly contents = new Map<string, string>();
  private readonly files = new Map<string, string>();

  /** What every document depends on besides its content: tool, templates, assets, fonts. */
  projectInputs(): string {
    this.project ??= sha256(
      [
        toolCodeKey(),
        hashTree(join(PROJECT_ROOT, 'templates')),
        hashTree(join(PROJECT_ROOT, 'assets')),
        hashTree(join(PROJECT_ROOT, 'fonts')),
        fontPackageVersions(),
        // Outside the bundle, and it draws thumbnails and converts print images.
        packageVersion('sharp'),
      ].join('\n'),
    );
    return this.project;
  }

  /**
   * One document: project inputs, its content, the job and the environment that matters. The
   * content is the organisation's folder without the text files of variants/ and i18n/, plus
   * the variant's own `inputs` (its files, its ancestors', the translations they name): so
   * editing one ward's file rebuilds that ward only. Any other file there (an image a template
   * shows, translations kept in another folder) counts for every variant.
   */
  document(parts: { contentDir: string; inputs?: readonly string[]; job: unknown; env: NodeJS.ProcessEnv }): string {
    let shared = this.contents.get(parts.contentDir);
    if (shared === undefined) this.contents.set(parts.contentDir, (shared = hashTree(parts.contentDir, (_, rel) => isVariantText(rel))));
    const own = (parts.inputs ?? []).map((file) => `${relative(parts.contentDir, file)}:${this.fileHash(file)}`);
    return sha256(JSON.stringify([this.projectInputs(), shared, own, parts.job, parts.env.SOURCE_DATE_EPOCH ?? '']));
  }

  private fileHash(file: string): string {
    let h = this.files.get(file);
    if (h === undefined) {
      h = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';
      this.files.set(file, h);
    }
    return h;
  }
}

export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** "npm:<package>/…" font files change only with their package's version. */
function fontPackageVersions(): string {
  const registry = readFileSync(join(PROJECT_ROOT, 'fonts/registry.yaml'), 'utf8');
  const packages = new Set<string>();
  for (const m of registry.matchAll(/npm:((?:@[^/\s]+\/)?[^/\s]+)/g)) packages.add(m[1]!);
  return [...packages].sort().map(packageVersion).join(',');
}

function packageVersion(name: string): string {
  try {
    return `${name}@${(JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`;
  } catch {
    return `${name}@?`;
  }
}
