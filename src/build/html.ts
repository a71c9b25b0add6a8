/**
 * The build's HTML stage: a product with `html: true` in products.yaml is also published as
 * `<product id>.html` beside its PDFs, with `<product id>.og.png` (1200×630) as its Open
 * Graph image. The page is the same template rendered with the same data, made into a web
 * page by src/html; the image is the product's first page from our own raster backend.
 *
 * It runs after every PDF of the build is made (and before any is written), so the page can
 * link the PDF with its real size — the web flavour `<name>.web.pdf` when the build makes
 * one, else the plain `<name>.pdf`.
 */
import { performance } from 'node:perf_hooks';
import { basename, join } from 'node:path';
import type { Content } from '../content/index.js';
import { exportHtml, type Download } from '../html/index.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { CARD, socialCard } from '../render/raster/social-card.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { layoutJob, sharedEngines, templateData } from './build.js';
import type { BuildJob } from './products.js';
import { webFileName } from './web.js';

export interface PendingFile {
  path: string;
  bytes: Uint8Array;
  pages: number;
  ms: number;
}

interface Wanted {
  content: Content;
  outDir: string;
  product: string;
  /** Every size of the product, in build order; the first one is rendered as the page. */
  jobs: BuildJob[];
  /** The first job's display list, when the caller laid it out on this thread. */
  display?: DisplayDocument;
}

export class HtmlExports {
  private readonly wanted = new Map<string, Wanted>();

  /**
   * Called for every job of the build; remembers those whose product asks for HTML. Pass the
   * display list if this thread has it (else the first page is laid out again for the image).
   */
  note(planned: { content: Content; job: BuildJob; outDir: string }, display?: DisplayDocument): void {
    const { content, job, outDir } = planned;
    if (!content.products.find((p) => p.id === job.product)?.html) return;
    const key = join(outDir, job.product);
    const seen = this.wanted.get(key);
    if (seen) seen.jobs.push(job);
    else this.wanted.set(key, { content, outDir, product: job.product, jobs: [job], ...(display ? { display } : {}) });
  }

  /** The pages and their images, given every PDF the build is about to write. */
  /** `sizes`: the byte size of every PDF the pages may link, by absolute path. */
  async outputs(sizes: ReadonlyMap<string, number>, env: NodeJS.ProcessEnv = process.env): Promise<PendingFile[]> {
    // The cards are drawn by sharp on libuv's threads: all at once, while the pages are made here.
    const made = await Promise.all([...this.wanted.values()].map(async (w): Promise<PendingFile[]> => {
      const started = performance.now();
      // Its diagnostics are the PDF's, already reported: a fresh bag, dropped.
      const display = w.display ?? layoutJob(w.content, w.jobs[0]!, new DiagnosticBag(), env);
      const first = display.pages[0];
      const ogName = `${w.product}.og.png`;
      const card = first ? socialCard(first) : undefined;
      const { templates, icons } = sharedEngines();
      const rendered = templates.render(w.jobs[0]!.template, templateData(w.content, w.jobs[0]!, templates.dir));
      const html = exportHtml({
        html: rendered.html,
        page: { width: first?.width ?? 595.28, height: first?.height ?? 841.89 },
        icon: (name) => icons.get(name, { file: rendered.file }),
        downloads: downloads(w, sizes),
        ...(card ? { ogImage: { href: ogName, width: CARD.width, height: CARD.height } } : {}),
        siteName: w.content.organisation.name,
      });
      const page = { path: join(w.outDir, `${w.product}.html`), bytes: new TextEncoder().encode(html), pages: 1, ms: 0 };
      const og = card ? [{ path: join(w.outDir, ogName), bytes: await card, pages: 1, ms: 0 }] : [];
      page.ms = performance.now() - started;
      return [page, ...og];
    }));
    const files = made.flat();
    return files;
  }
}

function downloads(w: Wanted, sizes: ReadonlyMap<string, number>): Download[] {
  return w.jobs.flatMap((job): Download[] => {
    const path = [join(w.outDir, webFileName(job.output)), join(w.outDir, job.output)].find((p) => sizes.has(p));
    if (!path) return [];
    return [{ href: basename(path), bytes: sizes.get(path)!, ...(w.jobs.length > 1 ? { label: job.size.name } : {}) }];
  });
}
