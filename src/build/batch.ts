/**
 * A whole build: every planned document (variant × product × size), each in every flavour,
 * the web pages, the gallery and the cache manifest. Documents whose inputs did not change
 * since the last build are skipped (cache.ts); the others run on worker threads when there
 * are enough of them to pay for starting the workers (pool.ts), else on this thread.
 * Nothing is written until every document succeeded; then everything is written at once.
 */
import { basename, join, relative, resolve } from 'node:path';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { galleryHtml, type GalleryEntry } from '../gallery/index.js';
import { BuildCache, CacheKeys, MANIFEST, sha256, type CacheEntry } from './cache.js';
import { FLAVOURS, planJobs, type BuildRequest, type BuildResult, type BuiltOutput, type PlannedJob } from './plan.js';
// Types only: the modules that lay out and draw are loaded when a document needs building,
// so a build whose documents are all up to date starts in a fraction of the time.
import type { DocumentTask, DocumentTaskResult, PdfFlavour, TaskFile } from './document-task.js';
import { writeAllAtomic } from './write.js';

export const GALLERY = 'index.html';
const THUMBNAILS = 'thumbnails';

/** What the cache keeps apart: each flavour's PDF, the outlined print file and the thumbnail. */
type Part = PdfFlavour | 'outlined' | 'thumbnail';

function partOf(path: string, thumbnail: string | undefined): Part {
  if (path === thumbnail) return 'thumbnail';
  const flavour = FLAVOUR.exec(path)?.[1]?.toLowerCase();
  return flavour === 'print-outlined' ? 'outlined' : flavour === 'print' || flavour === 'web' ? flavour : 'pdf';
}

function thumbnailPath(outRoot: string, p: PlannedJob & { task: { variant: string } }): string {
  return join(outRoot, THUMBNAILS, p.task.variant, p.job.output.replace(/\.pdf$/i, '.png'));
}

interface Planned extends PlannedJob {
  id: string;
  key: string;
  task: DocumentTask;
  /** The first size of a product with a web page, whose first page becomes its Open Graph image. */
  pageImage: boolean;
}

export async function buildAll(request: BuildRequest): Promise<BuildResult> {
  const bag = new DiagnosticBag();
  const env = request.env ?? process.env;
  const outRoot = resolve(request.cwd, request.outDir ?? 'output');
  const cache = BuildCache.open(outRoot);
  const keys = new CacheKeys();
  const planned = (await planJobs(request, bag)).map((p) => plan(p, request, outRoot, keys, env));

  const outputs: BuiltOutput[] = [];
  const pending: TaskFile[] = [];
  // Each part of a document (a flavour's PDF, the thumbnail) is cached on its own, so that
  // `--flavour print` after a full build reuses the rest and rebuilds only what it must.
  const stale: Planned[] = [];
  for (const p of planned) {
    const parts: Part[] = [...p.task.flavours, ...(p.task.outlineText ? (['outlined'] as const) : []), 'thumbnail'];
    const missing: Part[] = [];
    for (const part of parts) {
      const hit = request.force ? undefined : await cache.fresh(`${p.id}#${part}`, p.key);
      if (!hit) missing.push(part);
      else if (part !== 'thumbnail') outputs.push(...hit.files.map((f) => cachedOutput(f, outRoot, request.cwd)));
    }
    if (missing.length === 0) continue;
    const { thumbnail, ...task } = p.task;
    stale.push({
      ...p,
      task: {
        ...task,
        flavours: task.flavours.filter((f) => missing.includes(f)),
        outlineText: missing.includes('outlined'),
        ...(missing.includes('thumbnail') && thumbnail ? { thumbnail } : {}),
      },
    });
  }
  let done = planned.length - stale.length;
  request.onProgress?.({ done, total: planned.length });

  // By id: `stale` holds copies of the planned documents (with only the missing parts to make).
  const displays = new Map<string, DisplayDocument>();
  const results = await runAll(stale, displays, (p) => request.onProgress?.({ done: ++done, total: planned.length, file: p.id }), env);
  results.forEach((result, i) => {
    result.diagnostics.forEach((d) => bag.add(d));
    const p = stale[i]!;
    const info = galleryInfo(p, result, relative(outRoot, thumbnailPath(outRoot, p)));
    const byPart = new Map<Part, TaskFile[]>();
    for (const f of result.files) {
      const part = partOf(f.path, p.task.thumbnail);
      byPart.set(part, [...(byPart.get(part) ?? []), f]);
      if (part !== 'thumbnail') outputs.push(builtOutput(f, request.cwd, p.task.variant));
    }
    for (const [part, files] of byPart) {
      cache.record(`${p.id}#${part}`, { key: p.key, files: files.map((f) => cache.fileRecord(f.path, f.bytes, f.pages)), ...(part === 'thumbnail' ? {} : { info }) });
    }
    pending.push(...result.files);
  });
  bag.throwIfErrors();

  const pages = (request.flavours ?? FLAVOURS).includes('html') ? await webPages(planned, new Set(stale.map((p) => p.id)), displays, cache, pending, request.force === true, env) : [];
  pending.push(...pages);
  outputs.push(...pages.map((f) => builtOutput(f, request.cwd)));

  // The gallery lists everything built into this folder so far, not only this build's part.
  const gallery = new TextEncoder().encode(galleryHtml(galleryEntries(cache, new Set(pending.map((f) => f.path)))));
  pending.push({ path: join(outRoot, GALLERY), bytes: gallery, pages: 1, ms: 0 });
  await writeAllAtomic(pending);
  // The manifest last, with the written files' times: should writing it fail, the next
  // build only rebuilds more than it needs to.
  cache.noteWritten();
  await writeAllAtomic([{ path: join(outRoot, MANIFEST), bytes: cache.serialise() }]);
  return { outputs, diagnostics: bag.items };
}

function plan(p: PlannedJob, request: BuildRequest, outRoot: string, keys: CacheKeys, env: NodeJS.ProcessEnv): Planned {
  const variant = p.content.variant?.id ?? basename(p.content.dir);
  const task: DocumentTask = {
    cwd: request.cwd,
    contentDir: p.content.dir,
    variant,
    product: p.job.product,
    size: p.job.size.name,
    outDir: p.outDir,
    flavours: (request.flavours ?? FLAVOURS).filter((f): f is PdfFlavour => f !== 'html'),
    outlineText: request.outlineText === true,
    thumbnail: join(outRoot, THUMBNAILS, variant, p.job.output.replace(/\.pdf$/i, '.png')),
    env: env.SOURCE_DATE_EPOCH === undefined ? {} : { SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH },
  };
  const id = `${variant}/${p.job.output}`;
  const product = p.content.products.find((q) => q.id === p.job.product);
  const pageImage = product?.html === true && product.sizes[0]?.name === p.job.size.name;
  // The key names what the document is made from, not which parts of it this build wants.
  const key = keys.document({ contentDir: p.content.dir, inputs: p.content.variant?.inputs ?? [], job: { variant, job: p.job }, env });
  return { ...p, id, key, task, pageImage };
}

/**
 * Every stale document, each language's together (byLanguage): on worker threads when that
 * pays, else here (keeping the display lists, which the web pages' images are drawn from).
 */
async function runAll(
  stale: readonly Planned[],
  displays: Map<string, DisplayDocument>,
  progress: (p: Planned) => void,
  env: NodeJS.ProcessEnv,
): Promise<DocumentTaskResult[]> {
  // This thread takes documents from the same queue as the workers: with two cores one worker
  // and this thread share the work, and nothing waits idle for the workers to start.
  if (stale.length === 0) return [];
  const [{ runDocumentTask }, { DocumentPool, workerThreadsFor }] = await Promise.all([import('./document-task.js'), import('./pool.js')]);
  const threads = workerThreadsFor(stale.length, env);
  const pool = threads > 0 ? new DocumentPool(threads) : undefined;
  const results = new Array<DocumentTaskResult>(stale.length);
  const order = byLanguage(stale);
  let next = 0;
  const here = async () => {
    while (next < stale.length) {
      const i = order[next++]!;
      const p = stale[i]!;
      results[i] = await runDocumentTask(p.task, { content: p.content, job: p.job, ...(p.pageImage ? { onDisplay: (d) => displays.set(p.id, firstPage(d)) } : {}) });
      progress(p);
    }
  };
  const worker = async () => {
    while (next < stale.length) {
      const i = order[next++]!;
      results[i] = await pool!.run(stale[i]!.task);
      progress(stale[i]!);
    }
  };
  try {
    // A few documents in flight here at once: while one waits for sharp (thumbnails and
    // images are drawn on libuv's threads) the next one is laid out.
    await Promise.all([...Array.from({ length: IN_FLIGHT }, here), ...Array.from({ length: threads }, worker)]);
  } finally {
    await pool?.close();
  }
  return results;
}

const IN_FLIGHT = 4;
/** Web pages made at once (webPages). */
const PAGES_IN_FLIGHT = 2;

/** What the web page's image needs of a document (html.ts): not its other pages, nor its structure. */
function firstPage(d: DisplayDocument): DisplayDocument {
  const { structure: _structure, ...rest } = d;
  return { ...rest, pages: d.pages.slice(0, 1) };
}

/**
 * The order to make the documents in: each language's together (in plan order within it, the
 * languages in order of first appearance), so that a language's fonts — a Chinese or Korean
 * one is 6–10 MB per weight — are needed for one stretch of the build and let go after it
 * (fonts/font-files.ts). Results stay in plan order, so the output does not change.
 */
function byLanguage(stale: readonly Planned[]): number[] {
  const lang = (p: Planned) => p.content.variant?.htmlLang ?? '';
  const rank = new Map<string, number>();
  for (const p of stale) if (!rank.has(lang(p))) rank.set(lang(p), rank.size);
  return stale.map((_, i) => i).sort((a, b) => rank.get(lang(stale[a]!))! - rank.get(lang(stale[b]!))! || a - b);
}

/**
 * The web pages of products with `html: true` (html.ts), each linking its PDFs with their
 * sizes. A page is made again when any document of its product was, or when it is missing.
 */
async function webPages(
  planned: readonly Planned[],
  stale: ReadonlySet<string>,
  displays: Map<string, DisplayDocument>,
  cache: BuildCache,
  pending: readonly TaskFile[],
  force: boolean,
  env: NodeJS.ProcessEnv,
): Promise<TaskFile[]> {
  const groups = new Map<string, Planned[]>();
  for (const p of planned) {
    if (!p.content.products.find((q) => q.id === p.job.product)?.html) continue;
    const id = `${p.task.variant}/${p.job.product}.html`;
    groups.set(id, [...(groups.get(id) ?? []), p]);
  }
  const keys = new Map<string, string>();
  for (const [id, group] of groups) {
    const key = sha256(group.map((p) => p.key).join('\n'));
    if (force || group.some((p) => stale.has(p.id)) || !(await cache.fresh(id, key))) keys.set(id, key);
  }
  if (keys.size === 0) return [];
  const { HtmlExports } = await import('./html.js');
  const outRoot = cache.outRoot;
  const sizes = new Map<string, number>();
  for (const [, entry] of cache.all()) for (const f of entry.files) sizes.set(join(outRoot, f.path), f.bytes);
  for (const f of pending) sizes.set(f.path, f.bytes.length);
  // Two pages at a time, not all at once: each image is drawn by sharp on a libuv thread, and
  // the C allocator keeps each such thread's peak of memory (several MB) to the end of the
  // process. Two keep both cores busy: this thread prepares a page while sharp draws another.
  const ids = [...keys.keys()];
  const made = new Array<TaskFile[]>(ids.length);
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const i = next++;
      const html = new HtmlExports();
      for (const p of groups.get(ids[i]!)!) html.note(p, displays.get(p.id));
      made[i] = await html.outputs(sizes, env);
      for (const p of groups.get(ids[i]!)!) displays.delete(p.id);
    }
  };
  await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, lane));
  const files = made.flat();
  for (const [id, key] of keys) {
    const [variant, page] = id.split('/') as [string, string];
    const mine = files.filter((f) => relative(outRoot, f.path).split('\\').join('/').startsWith(`${variant}/${page.replace(/\.html$/, '.')}`));
    cache.record(id, { key, files: mine.map((f) => cache.fileRecord(f.path, f.bytes, f.pages)) });
  }
  return files;
}

function galleryInfo(p: Planned, result: DocumentTaskResult, thumbnail: string | undefined): CacheEntry['info'] {
  const v = p.content.variant;
  return {
    variant: p.task.variant,
    variantName: v?.title ?? p.content.organisation.name,
    product: p.job.product,
    ...(p.content.products.find((q) => q.id === p.job.product)?.sizes.length === 1 ? {} : { size: p.job.size.name }),
    ...(result.title ? { title: result.title } : {}),
    // Our language id, so easy Japanese is named as such (its text is tagged plain ja).
    langs: [v?.lang ?? result.langs[0] ?? 'ja', ...result.langs.slice(1)],
    draft: v?.status === 'draft',
    base: v === undefined || v.file === undefined,
    ...(thumbnail ? { thumbnail: thumbnail.split('\\').join('/') } : {}),
  };
}

const FLAVOUR = /\.(print-outlined|print|web)\.pdf$/i;

/**
 * The gallery's rows: one per document, with every flavour made of it (each cached apart, see
 * Part) and, on the first size of a product, its web page.
 */
function galleryEntries(cache: BuildCache, coming: ReadonlySet<string>): GalleryEntry[] {
  const rows = new Map<string, GalleryEntry>();
  const pages = new Map<string, GalleryEntry['files']>();
  for (const [id, entry] of cache.all(coming)) {
    const files = entry.files.map((f) => ({ flavour: FLAVOUR.exec(f.path)?.[1]?.toLowerCase() ?? (f.path.endsWith('.html') ? 'html' : 'pdf'), file: f.path, bytes: f.bytes, pages: f.pages }));
    if (id.endsWith('.html')) {
      pages.set(id.slice(0, -'.html'.length), files.filter((f) => f.flavour === 'html'));
      continue;
    }
    const info = entry.info as Omit<GalleryEntry, 'files' | 'pages'> | undefined;
    if (!info || files.length === 0) continue;
    const document = id.slice(0, id.lastIndexOf('#'));
    const row = rows.get(document) ?? { ...info, files: [], pages: files[0]!.pages };
    row.files.push(...files.map(({ pages: _pages, ...f }) => f));
    rows.set(document, row);
  }
  const order = ['pdf', 'print', 'print-outlined', 'web'];
  const seen = new Set<string>();
  return [...rows.values()].map((row) => {
    row.files.sort((a, b) => order.indexOf(a.flavour) - order.indexOf(b.flavour));
    const product = `${row.variant}/${row.product}`;
    const page = pages.get(product);
    if (page && !seen.has(product)) row.files.push(...page);
    seen.add(product);
    return row;
  });
}

function builtOutput(f: TaskFile, cwd: string, variant?: string): BuiltOutput {
  return { file: relative(cwd, f.path), bytes: f.bytes.length, pages: f.pages, ms: f.ms, ...(variant ? { variant } : {}) };
}

function cachedOutput(f: { path: string; bytes: number; pages: number }, outRoot: string, cwd: string): BuiltOutput {
  return { file: relative(cwd, join(outRoot, f.path)), bytes: f.bytes, pages: f.pages, ms: 0, cached: true };
}

