/**
 * One document of a build — a variant's product in one size — from content to every flavour's
 * bytes: plain, print (入稿用), web (tagged) and, on request, outlined print, plus a thumbnail
 * for the gallery. The same function runs on the main thread and on worker threads (pool.ts),
 * so a task and its result are plain data: the task names the content by folder and variant
 * id, and user mistakes come back as diagnostics rather than as thrown errors (an error
 * object does not survive the trip between threads).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiagnosticBag, isUserInputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadVariants } from '../content/variants.js';
import type { Content } from '../content/index.js';
import type { DisplayDocument, DisplayPage, StructNode } from '../layout/display-list.js';
import { glyphSvgPath } from '../render/glyph-outline.js';
import { renderPage } from '../render/raster/index.js';
import { documentId, layoutJob, renderPlain } from './build.js';
import { outlinedFileName, printFileName, renderOutlinedFlavour, renderPrintFlavour } from './print.js';
import { jobsFor, type BuildJob } from './products.js';
import { renderWebFlavour, webFileName } from './web.js';

export interface DocumentTask {
  cwd: string;
  contentDir: string;
  /** The variant's id (`okayama`, `okayama-kita`). */
  variant: string;
  product: string;
  /** The size's name as products.yaml gives it (A4, B2, or a custom name). */
  size: string;
  /** Absolute output folder of the variant. */
  outDir: string;
  /** Which PDFs to write: the plain one, the print (入稿用) and the web (tagged) flavour. */
  flavours: readonly PdfFlavour[];
  outlineText: boolean;
  /** Absolute path of the gallery thumbnail to make, if any. */
  thumbnail?: string;
  env: { SOURCE_DATE_EPOCH?: string };
}

export type PdfFlavour = 'pdf' | 'print' | 'web';
export const PDF_FLAVOURS: readonly PdfFlavour[] = ['pdf', 'print', 'web'];

export interface TaskFile {
  path: string;
  bytes: Uint8Array;
  pages: number;
  ms: number;
}

export interface DocumentTaskResult {
  files: TaskFile[];
  /** Warnings, and errors when the document could not be made (then `files` is empty). */
  diagnostics: Diagnostic[];
  title?: string;
  /** Languages the document's text is in (BCP 47, from the markup's lang attributes). */
  langs: string[];
}

/** What the main thread may hand over instead of having the task load it again. */
export interface Preloaded {
  content: Content;
  job: BuildJob;
  /** Receives the display list (the HTML export draws its Open Graph image from it). */
  onDisplay?: (display: DisplayDocument) => void;
}

/** Twice the 120 CSS px the gallery shows it at, for high-density screens. */
const THUMBNAIL_HEIGHT_PX = 240;
/**
 * Text under 8 image pixels is under 4 CSS px in the gallery: unreadable on any screen (a
 * kanji needs about 10 px). Drawn as bars it keeps the page's shape and costs sharp half the
 * time of its outlines (measured on the posters: 4 px → 8 px, 10 → 4 ms a page), while
 * headlines and icons, which tell the documents and languages apart, stay as they are.
 */
const GREEK_BELOW_PX = 8;

export async function runDocumentTask(task: DocumentTask, preloaded?: Preloaded): Promise<DocumentTaskResult> {
  const bag = new DiagnosticBag();
  try {
    const { content, job } = preloaded ?? (await findJob(task));
    const env = { ...task.env };
    const started = performance.now();
    // Laid out once; every flavour is drawn from the same display list.
    const display = layoutJob(content, job, bag, env);
    preloaded?.onDisplay?.(display);
    if (bag.hasErrors) return { files: [], diagnostics: bag.items, langs: [] };
    if (preloaded?.onDisplay) takeOutlines(display.pages[0]);
    const pages = display.pages.length;
    const files: TaskFile[] = [];
    const add = async (name: string, make: () => Promise<Uint8Array>, since = performance.now()) => {
      files.push({ path: join(task.outDir, name), bytes: await make(), pages, ms: performance.now() - since });
    };
    // The thumbnail is drawn by sharp on another thread while the PDFs are made here.
    const first = display.pages[0];
    const thumbnail = task.thumbnail && first
      ? renderPage(first, { dpi: (THUMBNAIL_HEIGHT_PX / first.height) * 72, format: 'png', greekBelowPx: GREEK_BELOW_PX })
      : undefined;
    const wants = (f: PdfFlavour) => task.flavours.includes(f);
    if (wants('pdf')) await add(job.output, () => renderPlain(display, content, job.output), started);
    const printName = printFileName(job.output);
    if (wants('print')) await add(printName, () => renderPrintFlavour(display, documentId(content, printName), bag));
    const webName = webFileName(job.output);
    if (wants('web')) await add(webName, () => renderWebFlavour(display, documentId(content, webName)));
    if (task.outlineText) {
      const outlinedName = outlinedFileName(job.output);
      await add(outlinedName, () => renderOutlinedFlavour(display, documentId(content, outlinedName)));
    }
    if (thumbnail) files.push({ path: task.thumbnail!, bytes: await thumbnail, pages: 1, ms: 0 });
    return { files, diagnostics: bag.items, title: display.meta.title, langs: documentLangs(display) };
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    return { files: [], diagnostics: [...bag.items, ...e.diagnostics], langs: [] };
  }
}

/**
 * The outlines of every glyph on a page, taken now while its fonts are in memory: the web
 * page's image is drawn from this page (render/raster/social-card.ts) after every document
 * is done, when the fonts of the earlier languages have been let go (fonts/font-files.ts).
 * The outlines are cached per face, so drawing it then reads no font file again.
 */
function takeOutlines(page: DisplayPage | undefined): void {
  for (const item of page?.items ?? []) if (item.kind === 'glyphs') for (const g of item.glyphs) glyphSvgPath(item.font, g.id);
}

/** The languages of a document: its own, then any other the structure marks (e.g. lang="en" spans). */
function documentLangs(display: DisplayDocument): string[] {
  const langs = new Set<string>([display.meta.lang]);
  const visit = (node: StructNode | undefined): void => {
    if (!node) return;
    if (node.lang) langs.add(node.lang);
    node.children.forEach(visit);
  };
  visit(display.structure);
  return [...langs];
}

/**
 * Workers load each variant once and keep it for the tasks that follow. Only the task's own
 * variant is resolved, as on the main thread (plan.ts): a broken variant the build did not ask
 * for must not fail it on one thread and not on the other.
 */
const loaded = new Map<string, Promise<Content[]>>();

async function findJob(task: DocumentTask): Promise<{ content: Content; job: BuildJob }> {
  const key = `${task.cwd}\0${task.contentDir}\0${task.variant}`;
  let variants = loaded.get(key);
  if (!variants) loaded.set(key, (variants = loadVariants(task.contentDir, { cwd: task.cwd, only: [task.variant] })));
  const content = (await variants).find((c) => (c.variant?.id ?? '') === task.variant);
  if (!content) throw new Error(`document task: no variant ${task.variant} in ${task.contentDir}`);
  const job = jobsFor(content.products, [task.product], task.product, content.variant).find((j) => j.size.name === task.size);
  if (!job) throw new Error(`document task: no ${task.product} ${task.size} in ${task.variant}`);
  return { content, job };
}
