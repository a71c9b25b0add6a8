/**
 * The build stage: organisations × products × sizes → PDFs in the output folder.
 * Every document is made in memory first and written only when the whole build succeeded,
 * so a mistake in the content never leaves a mixture of old and new files behind.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DiagnosticBag, UserInputError, userError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { displayPath, loadVariants, selectVariants, type Content, type VariantSelection } from '../content/index.js';
import { defaultFontRegistry, PROJECT_ROOT } from '../fonts/registry.js';
import { IconRegistry } from '../icons/registry.js';
import { ImageRegistry } from '../images/registry.js';
import { layoutDocument } from '../layout/index.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { parseMarkup } from '../markup/index.js';
import { renderPdf } from '../render/pdf/index.js';
import { TemplateEngine, type RenderedTemplate } from '../template/render.js';
import { documentDate } from './date.js';
import { jobsFor, type BuildJob } from './products.js';
import { loadTheme } from './theme.js';
import { loadLabels } from '../template/labels.js';

export interface BuildRequest {
  cwd: string;
  /** Organisation folders; default: every folder in <cwd>/content with a products.yaml. */
  contentDirs?: readonly string[];
  /** Default <cwd>/output. */
  outDir?: string;
  products?: readonly string[];
  /** Variant ids (`okayama-kita`, or `kita`), or 'all'; default: each organisation's base. */
  variants?: VariantSelection;
  env?: NodeJS.ProcessEnv;
  /** Also write `<name>.print-outlined.pdf`, the print flavour with text as paths (build/print.ts). */
  outlineText?: boolean;
  /** Rebuild every document, even those the cache says are up to date (cache.ts). */
  force?: boolean;
  /** Called before the first document and after each one (the CLI's progress bar). */
  onProgress?: (progress: { done: number; total: number; file?: string }) => void;
}

export interface BuiltOutput {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
  /** The variant the document belongs to (absent for web pages and the gallery). */
  variant?: string;
  /** Not rebuilt: the cache found its inputs unchanged (ms is then 0). */
  cached?: boolean;
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

/** The whole build (variants × products × flavours, cache, pool, gallery): batch.ts. */
export { buildAll } from './batch.js';

export interface PlannedJob {
  content: Content;
  job: BuildJob;
  /** The variant's output folder: <out>/<variant id>, e.g. output/okayama-kita. */
  outDir: string;
}

/** Every variant × product × size the request asks for, with its content loaded. */
export async function planJobs(request: BuildRequest, bag: DiagnosticBag): Promise<PlannedJob[]> {
  const dirs = request.contentDirs ? existingDirs(request.contentDirs, request.cwd) : discoverContent(request.cwd);
  const outRoot = resolve(request.cwd, request.outDir ?? 'output');
  const planned: PlannedJob[] = [];
  const orgs: Content[][] = [];
  for (const dir of dirs) orgs.push(await loadVariants(dir, { cwd: request.cwd }));
  const selected = selectVariants(orgs, request.variants);
  // --product names a product of any selected variant (a ward may drop the policy, say).
  const offered = new Set(selected.flatMap((c) => c.products.map((p) => p.id)));
  const unknown = request.products?.some((p) => !offered.has(p));
  for (const content of selected) {
    content.warnings.forEach((w) => bag.add(w));
    const file = content.variant?.file ?? displayPath(join(content.dir, 'products.yaml'), request.cwd);
    const only = request.products && !unknown ? request.products.filter((p) => content.products.some((q) => q.id === p)) : request.products;
    const jobs = jobsFor(content.products, only, file, content.variant);
    for (const job of jobs) planned.push({ content, job, outDir: join(outRoot, content.variant?.id ?? basename(content.dir)) });
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
  return `${content.variant?.id ?? basename(content.dir)}/${output}`;
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
    // <img src> is looked up in the organisation's folder, then templates/ and assets/.
    images: new ImageRegistry({ contentDir: content.dir, templatesDir: templates.dir }),
    date: documentDate(env, content.policy?.date ?? content.pressRelease?.date),
    file: rendered.file,
    diagnostics: bag,
  });
}

export function templateData(content: Content, job: BuildJob, templatesDir: string): object {
  return {
    // <html lang> (BCP 47); `language` is our id (easy-ja) and picks the labels.
    lang: content.variant?.htmlLang ?? 'ja',
    language: content.variant?.lang ?? 'ja',
    labels: loadLabels(templatesDir, content.variant?.lang ?? 'ja'),
    variant: content.variant,
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
