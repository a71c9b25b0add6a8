/**
 * The build stage: organisations × products × sizes → PDFs in the output folder.
 * Every document is made in memory first and written only when the whole build succeeded,
 * so a mistake in the content never leaves a mixture of old and new files behind.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiagnosticBag, userError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadContent, type Content } from '../content/index.js';
import { defaultFontRegistry, PROJECT_ROOT } from '../fonts/registry.js';
import { IconRegistry } from '../icons/registry.js';
import { layoutDocument } from '../layout/index.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { parseMarkup } from '../markup/index.js';
import { renderPdf } from '../render/pdf/index.js';
import { TemplateEngine } from '../template/render.js';
import { documentDate } from './date.js';
import { jobsFor, type BuildJob } from './products.js';
import { loadTheme } from './theme.js';
import { writeAtomic } from './write.js';

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
function sharedEngines(): Engines {
  engines ??= { templates: new TemplateEngine(join(PROJECT_ROOT, 'templates')), icons: new IconRegistry() };
  return engines;
}

export async function buildAll(request: BuildRequest): Promise<BuildResult> {
  const dirs = request.contentDirs?.map((d) => resolve(request.cwd, d)) ?? discoverContent(request.cwd);
  const outRoot = resolve(request.cwd, request.outDir ?? 'output');
  const bag = new DiagnosticBag();
  const pending: { path: string; bytes: Uint8Array; pages: number; ms: number }[] = [];
  for (const dir of dirs) {
    const content = await loadContent(dir);
    content.warnings.forEach((w) => bag.add(w));
    const jobs = jobsFor(content.products, request.products, relative(request.cwd, join(dir, 'products.yaml')));
    for (const job of jobs) {
      const started = performance.now();
      const doc = await buildDocument(content, job, bag, request.env ?? process.env);
      pending.push({ path: join(outRoot, basename(dir), job.output), ...doc, ms: performance.now() - started });
    }
  }
  bag.throwIfErrors();
  const outputs: BuiltOutput[] = [];
  for (const p of pending) {
    await writeAtomic(p.path, p.bytes);
    outputs.push({ file: relative(request.cwd, p.path), bytes: p.bytes.length, pages: p.pages, ms: p.ms });
  }
  return { outputs, diagnostics: bag.items };
}

/** One document, in memory: template → markup → layout → PDF. */
export async function buildDocument(
  content: Content,
  job: BuildJob,
  bag: DiagnosticBag,
  env: NodeJS.ProcessEnv,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const display = layoutJob(content, job, bag, env);
  const bytes = await renderPdf(display);
  return { bytes, pages: display.pages.length };
}

/** The display list of one document (what every backend draws). */
export function layoutJob(content: Content, job: BuildJob, bag: DiagnosticBag, env: NodeJS.ProcessEnv): DisplayDocument {
  const { templates, icons } = sharedEngines();
  const data = templateData(content, job, templates.dir);
  const rendered = templates.render(job.template, data);
  const styled = parseMarkup(rendered.html, { file: rendered.file });
  styled.diagnostics.forEach((d) => bag.add(d));
  return layoutDocument(styled, {
    fonts: defaultFontRegistry(),
    icons,
    date: documentDate(env, content.policy?.date ?? content.pressRelease?.date),
    file: rendered.file,
    diagnostics: bag,
  });
}

function templateData(content: Content, job: BuildJob, templatesDir: string): object {
  const { sources } = content;
  return {
    lang: 'ja',
    org: content.organisation,
    poster: content.poster,
    policy: content.policy,
    press: content.pressRelease,
    theme: loadTheme(templatesDir, content.organisation.theme),
    page: { size: `${job.size.widthMm}mm ${job.size.heightMm}mm`, name: job.size.name },
    src: { ...sources.organisation, ...sources.policy, ...sources.poster },
  };
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
