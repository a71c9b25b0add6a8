/**
 * The build stage: organisations × products × sizes → PDFs in the output folder.
 * Every document is made in memory first and written only when the whole build succeeded,
 * so a mistake in the content never leaves a mixture of old and new files behind.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiagnosticBag, UserInputError, userError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { displayPath, loadContent, type Content } from '../content/index.js';
import { defaultFontRegistry, PROJECT_ROOT } from '../fonts/registry.js';
import { IconRegistry } from '../icons/registry.js';
import { layoutDocument } from '../layout/index.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { parseMarkup } from '../markup/index.js';
import { renderPdf } from '../render/pdf/index.js';
import { printFileName, renderPrintFlavour } from './print.js';
import { TemplateEngine, type RenderedTemplate } from '../template/render.js';
import { documentDate } from './date.js';
import { jobsFor, type BuildJob } from './products.js';
import { loadTheme } from './theme.js';
import { writeAllAtomic } from './write.js';

export interface BuildRequest {
  cwd: string;
  /** Organisation folders; default: every folder in <cwd>/content with a products.yaml. */
  contentDirs?: readonly string[];
  /** Default <cwd>/output. */
  outDir?: string;
  products?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

export interface BuiltOutput {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

export interface BuildResult {
  outputs: BuiltOutput[];
  diagnostics: Diagnostic[];
}

interface Engines {
  templates: TemplateEngine;
  icons: IconRegistry;
}

let engines: Engines | undefined;
/** Parsed once per process: fonts (in the registry), icons and compiled templates. */
export function sharedEngines(): Engines {
  engines ??= { templates: new TemplateEngine(join(PROJECT_ROOT, 'templates')), icons: new IconRegistry() };
  return engines;
}

/** For the dev server: forget compiled templates and/or parsed icons after their files changed. */
export function resetSharedEngines(parts: { templates?: boolean; icons?: boolean }): void {
  if (!engines) return;
  engines = {
    templates: parts.templates ? new TemplateEngine(engines.templates.dir) : engines.templates,
    icons: parts.icons ? new IconRegistry() : engines.icons,
  };
}

export async function buildAll(request: BuildRequest): Promise<BuildResult> {
  const bag = new DiagnosticBag();
  const pending: { path: string; bytes: Uint8Array; pages: number; ms: number }[] = [];
  for (const { content, job, outDir } of await planJobs(request, bag)) {
    const started = performance.now();
    // Laid out once; the print flavour is a post-pass over the same display list.
    const display = layoutJob(content, job, bag, request.env ?? process.env);
    const bytes = await renderPlain(display, content, job.output);
    pending.push({ path: join(outDir, job.output), bytes, pages: display.pages.length, ms: performance.now() - started });
    const printStarted = performance.now();
    const printName = printFileName(job.output);
    const print = await renderPrintFlavour(display, documentId(content, printName), bag);
    pending.push({ path: join(outDir, printName), bytes: print, pages: display.pages.length, ms: performance.now() - printStarted });
  }
  bag.throwIfErrors();
  await writeAllAtomic(pending);
  const outputs = pending.map((p): BuiltOutput => ({ file: relative(request.cwd, p.path), bytes: p.bytes.length, pages: p.pages, ms: p.ms }));
  return { outputs, diagnostics: bag.items };
}

export interface PlannedJob {
  content: Content;
  job: BuildJob;
  /** The organisation's output folder. */
  outDir: string;
}

/** Every organisation × product × size the request asks for, with its content loaded. */
export async function planJobs(request: BuildRequest, bag: DiagnosticBag): Promise<PlannedJob[]> {
  const dirs = request.contentDirs ? existingDirs(request.contentDirs, request.cwd) : discoverContent(request.cwd);
  const outRoot = resolve(request.cwd, request.outDir ?? 'output');
  const planned: PlannedJob[] = [];
  for (const dir of dirs) {
    const content = await loadContent(dir, { cwd: request.cwd });
    content.warnings.forEach((w) => bag.add(w));
    const jobs = jobsFor(content.products, request.products, displayPath(join(dir, 'products.yaml'), request.cwd));
    for (const job of jobs) planned.push({ content, job, outDir: join(outRoot, basename(dir)) });
  }
  return planned;
}

/** One document, in memory: template → markup → layout → PDF (the plain flavour). */
export async function buildDocument(
  content: Content,
  job: BuildJob,
  bag: DiagnosticBag,
  env: NodeJS.ProcessEnv,
): Promise<{ bytes: Uint8Array; pages: number; display: DisplayDocument }> {
  const display = layoutJob(content, job, bag, env);
  return { bytes: await renderPlain(display, content, job.output), pages: display.pages.length, display };
}

/**
 * The plain PDF of a laid-out document. The first half of the trailer /ID names the document
 * and stays across revisions (PDF 32000-1 §14.4); the second half follows the content.
 */
export function renderPlain(display: DisplayDocument, content: Content, output: string): Promise<Uint8Array> {
  return renderPdf(display, { id: documentId(content, output) });
}

/** The stable name of an output, e.g. "okayama/poster-a4.pdf". */
export function documentId(content: Content, output: string): string {
  return `${basename(content.dir)}/${output}`;
}

/** The display list of one document (what every backend draws). */
export function layoutJob(content: Content, job: BuildJob, bag: DiagnosticBag, env: NodeJS.ProcessEnv): DisplayDocument {
  const { templates, icons } = sharedEngines();
  const data = templateData(content, job, templates.dir);
  const rendered = templates.render(job.template, data);
  const styled = parseMarkup(rendered.html, { file: rendered.file });
  styled.diagnostics.forEach((d) => bag.add(templatePosition(d, rendered)));
  // Elements printing content carry data-src, so layout errors name the content field.
  return layoutDocument(styled, {
    fonts: defaultFontRegistry(),
    icons,
    date: documentDate(env, content.policy?.date ?? content.pressRelease?.date),
    file: rendered.file,
    diagnostics: bag,
  });
}

function templateData(content: Content, job: BuildJob, templatesDir: string): object {
  return {
    lang: 'ja',
    org: content.organisation,
    poster: content.poster,
    policy: content.policy,
    press: content.pressRelease,
    theme: loadTheme(templatesDir, content.organisation.theme),
    page: { size: `${job.size.widthMm}mm ${job.size.heightMm}mm`, name: job.size.name },
    // Where each field is written, for data-src (see the `src` template helper).
    sources: content.sources,
  };
}

/**
 * The --content folders, resolved; every one that is not a folder is reported at once, with
 * a neighbouring folder of a similar name as a suggestion (content/okayma → content/okayama).
 */
function existingDirs(dirs: readonly string[], cwd: string): string[] {
  const resolved = dirs.map((d) => resolve(cwd, d));
  const missing = resolved.flatMap((abs, i): Diagnostic[] => {
    if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return [];
    const isFile = existsSync(abs);
    const parent = dirname(abs);
    const siblings = existsSync(parent) && statSync(parent).isDirectory()
      ? readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
      : [];
    const guess = isFile ? undefined : suggest(basename(abs), siblings);
    const shown = guess ? join(dirname(dirs[i]!), guess) : undefined;
    return [{
      severity: 'error',
      code: 'content/missing-dir',
      message: isFile
        ? { ja: `--content に指定した「${dirs[i]}」はフォルダではなくファイルです。`, en: `--content ${dirs[i]} is a file, not a folder.` }
        : { ja: `--content に指定したフォルダ「${dirs[i]}」がありません。`, en: `The folder given with --content does not exist: ${dirs[i]}` },
      hint: guess
        ? { ja: `「${shown}」のことですか？`, en: `Did you mean ${shown}?` }
        : {
            ja: 'organisation.yaml と products.yaml があるフォルダを指定してください（例: --content content/okayama）。',
            en: 'Name the folder that holds organisation.yaml and products.yaml, e.g. --content content/okayama.',
          },
    }];
  });
  if (missing.length > 0) throw new UserInputError(missing);
  return resolved;
}

function discoverContent(cwd: string): string[] {
  const root = join(cwd, 'content');
  const dirs = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'products.yaml')))
        .map((e) => join(root, e.name))
        .sort()
    : [];
  if (dirs.length > 0) return dirs;
  throw userError({
    code: 'build/no-content',
    message: { ja: `${root} に団体のフォルダがありません。`, en: `No organisation folder in ${root}.` },
    hint: {
      ja: '--content でフォルダを指定するか、content/<団体>/products.yaml を作成してください。',
      en: 'Name a folder with --content, or create content/<organisation>/products.yaml.',
    },
  });
}

/**
 * Markup positions are lines of the rendered HTML. Where those are still the template's own
 * lines they are exact; below the first {{#each}} or multi-line value they are not, so the
 * diagnostic names the rendered line in words instead of pretending it is a template line.
 */
function templatePosition(d: Diagnostic, rendered: RenderedTemplate): Diagnostic {
  if (d.file !== rendered.file || d.line === undefined || d.line <= rendered.exactLines) return d;
  const { line, column: _column, ...rest } = d;
  return {
    ...rest,
    message: {
      ja: `${d.message.ja}（テンプレートから生成した HTML の ${line} 行目）`,
      en: `${d.message.en} (line ${line} of the HTML rendered from the template)`,
    },
  };
}
