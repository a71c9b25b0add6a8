/**
 * Output flavours the dev server can show for a job. A flavour turns one job (organisation ×
 * product × size) into preview images plus the files it would write. Today there is "pdf";
 * "print" (bleed, crop marks) and "web" (screen PDF or HTML) plug in here as further entries,
 * and the page's flavour selector lists whatever this array holds.
 */
import type { Content } from '../content/index.js';
import type { DiagnosticBag, Localized } from '../diagnostics/diagnostic.js';
import { layoutJob, renderPlain } from '../build/build.js';
import type { BuildJob } from '../build/products.js';
import type { DisplayPage } from '../layout/display-list.js';
import { pixelSize, renderPage } from '../render/raster/index.js';

export interface FlavourInput {
  content: Content;
  job: BuildJob;
  /** Warnings and errors of this build; a flavour throws (or leaves errors here) on bad input. */
  bag: DiagnosticBag;
  env: NodeJS.ProcessEnv;
  /** Preview resolution; by default each page is drawn about PREVIEW_WIDTH pixels wide. */
  dpi?: number;
}

export interface PreviewImage {
  png: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
}

export interface FlavourFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface FlavourOutput {
  pages: PreviewImage[];
  files: FlavourFile[];
}

export interface Flavour {
  id: string;
  label: Localized;
  build(input: FlavourInput): Promise<FlavourOutput>;
}

/** Wide enough for a sharp preview on a high-density screen, small enough to redraw at once. */
export const PREVIEW_WIDTH = 1000;

export function previewDpi(page: DisplayPage, dpi?: number): number {
  return dpi ?? Math.max(10, Math.round((PREVIEW_WIDTH * 72) / page.width));
}

async function previewImages(pages: readonly DisplayPage[], dpi: number | undefined): Promise<PreviewImage[]> {
  return Promise.all(
    pages.map(async (page) => {
      const d = previewDpi(page, dpi);
      return { png: await renderPage(page, { dpi: d, format: 'png' }), ...pixelSize(page, d) };
    }),
  );
}

/** The PDF exactly as `kasuhara-press build` makes it, and its pages drawn by the raster backend. */
const pdf: Flavour = {
  id: 'pdf',
  label: { ja: 'PDF', en: 'PDF' },
  async build({ content, job, bag, env, dpi }) {
    const display = layoutJob(content, job, bag, env);
    bag.throwIfErrors();
    const [pages, bytes] = await Promise.all([previewImages(display.pages, dpi), renderPlain(display, content, job.output)]);
    return { pages, files: [{ name: job.output, mime: 'application/pdf', bytes }] };
  },
};

export const FLAVOURS: readonly Flavour[] = [pdf];
