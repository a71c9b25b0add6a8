/**
 * Previews: every page of every output as PNG or WebP, drawn from the same display list as
 * the PDF by the raster backend, plus one contact sheet per organisation. Files go to
 * <output>/<organisation>/preview/.
 */
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { contactSheet, renderPage, type RasterFormat } from '../render/raster/index.js';
import { layoutJob, planJobs, type BuildRequest, type BuildResult } from './build.js';
import { writeAllAtomic, type OutputFile } from './write.js';

export interface PreviewRequest extends BuildRequest {
  dpi?: number;
  format?: RasterFormat;
}

export async function previewAll(request: PreviewRequest): Promise<BuildResult> {
  const dpi = request.dpi ?? 96;
  const format = request.format ?? 'png';
  const bag = new DiagnosticBag();
  const files: (OutputFile & { pages: number; ms: number })[] = [];
  const perOrganisation = new Map<string, Uint8Array[]>();
  for (const { content, job, outDir } of await planJobs(request, bag)) {
    const started = performance.now();
    const doc = layoutJob(content, job, bag, request.env ?? process.env);
    const base = job.output.replace(/\.pdf$/i, '');
    const images = await Promise.all(doc.pages.map((page) => renderPage(page, { dpi, format })));
    const ms = (performance.now() - started) / images.length;
    images.forEach((bytes, i) => files.push({ path: join(outDir, 'preview', `${base}-p${i + 1}.${format}`), bytes, pages: 1, ms }));
    perOrganisation.set(outDir, [...(perOrganisation.get(outDir) ?? []), ...images]);
  }
  bag.throwIfErrors();
  for (const [outDir, images] of perOrganisation) {
    const started = performance.now();
    const bytes = await contactSheet(images, { height: 600, columns: 6, format });
    files.push({ path: join(outDir, 'preview', `contact-sheet.${format}`), bytes, pages: images.length, ms: performance.now() - started });
  }
  await writeAllAtomic(files);
  return {
    outputs: files.map((f) => ({ file: relative(request.cwd, f.path), bytes: f.bytes.length, pages: f.pages, ms: f.ms })),
    diagnostics: bag.items,
  };
}
