/**
 * The build stage: organisations × products × sizes → PDFs in the output folder.
 * Every document is made in memory first and written only when the whole build succeeded,
 * so a mistake in the content never leaves a mixture of old and new files behind.
 */
import { basename, join } from 'node:path';
import type { DiagnosticBag, Diagnostic } from '../diagnostics/diagnostic.js';
import type { Content } from '../content/index.js';
import { defaultFontRegistry } from '../fonts/registry.js';
import { PROJECT_ROOT } from '../paths.js';
import { IconRegistry } from '../icons/registry.js';
import { ImageRegistry } from '../images/registry.js';
import { layoutDocument } from '../layout/index.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { parseMarkup } from '../markup/index.js';
import { renderPdf } from '../render/pdf/index.js';
import { TemplateEngine, type RenderedTemplate } from '../template/render.js';
import { documentDate } from './date.js';
import type { BuildJob } from './products.js';
import { loadTheme } from './theme.js';
import { loadLabels } from '../template/labels.js';

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
export { planJobs, type BuildRequest, type BuildResult, type BuiltOutput, type PlannedJob } from './plan.js';

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
