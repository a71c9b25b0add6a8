/**
 * The PDF backend: DisplayDocument → PDF bytes. The only module in the project that imports
 * pdf-lib, and only for its object model and writer; fonts and content streams are ours.
 * The output is a pure function of the input (no clocks, no randomness), byte for byte.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFRef, type PDFPage } from 'pdf-lib';
import type { DisplayDocument, DisplayPage, DocumentMeta, GlyphRun, ImageItem } from '../../layout/display-list.js';
import { flateStream } from './compress.js';
import { literalString } from './pdf-string.js';
import { pageContent, type PageContent } from './content-stream.js';
import { embedSubsetFont } from './font-embed.js';
import { FontCollector, type SubsetFont } from './font-subset.js';
import { embedImages, prepareImages } from './image.js';
import type { ImageFlavour } from '../../images/encode.js';
import { cachedSubset } from './subset-cache.js';

export interface RenderPdfOptions {
  /**
   * A stable identifier for the document (e.g. its content file path). When given, the first
   * half of the trailer /ID derives from it and stays the same across revisions, as PDF
   * 32000-1 §14.4 intends; otherwise both halves derive from the content.
   */
  id?: string;
}

export const PRODUCER = 'kasuhara-press';

/**
 * What the print flavour adds to the plain writer (render/pdf/print/render.ts): extra
 * operators after each page's content, the page boxes, and document-level PDF/X keys.
 * Absent for the plain flavour, whose output stays exactly as it was.
 */
export interface PdfFinish {
  pageExtra(page: DisplayPage): string;
  pageBoxes(pdfPage: PDFPage, page: DisplayPage): void;
  document(pdf: PDFDocument): void;
  /** How images are encoded: 'print' separates them to CMYK without transparency. */
  imageFlavour?: ImageFlavour;
  /**
   * The tagged (web) flavour writes each page itself, calling `plain` on parts of the page
   * and wrapping them in marked content (render/pdf/tagged/).
   */
  pageContent?(page: DisplayPage, index: number, plain: (part: DisplayPage) => PageContent): PageContent;
}

export async function renderPdf(doc: DisplayDocument, options: RenderPdfOptions = {}, finish?: PdfFinish): Promise<Uint8Array> {
  if (doc.pages.length === 0) throw new Error('renderPdf: the document has no pages');
  if (Number.isNaN(doc.meta.date.getTime())) throw new Error('renderPdf: meta.date is an invalid Date');

  // Pass 1: which glyphs each face needs, so one subset per face serves every page.
  const collector = new FontCollector();
  for (const page of doc.pages) {
    for (const item of page.items) {
      // Runs without glyphs draw nothing; a face used only by them gets no (empty) subset.
      if (item.kind === 'glyphs' && item.glyphs.length > 0) collector.add(item.font, item.glyphs);
    }
  }
  const subsets = new Map(collector.all().map((use) => [use.face, cachedSubset(use)] as const));
  const fontFor = (run: GlyphRun) => subsets.get(run.font)!;
  // Each distinct image once per document (and decoded once per process: images/encode.ts).
  const images = await prepareImages(doc, finish?.imageFlavour ?? 'plain');
  const imageName = (item: ImageItem) => images.get(item.source.hash)!.name;

  // Pass 2: content streams.
  const contents: PageContent[] = doc.pages.map((page, index) => {
    if (!(page.width > 0 && page.height > 0 && Number.isFinite(page.width) && Number.isFinite(page.height))) {
      throw new Error(`renderPdf: invalid page size ${page.width}×${page.height}`);
    }
    const content = finish?.pageContent
      ? finish.pageContent(page, index, (part) => pageContent(part, fontFor, imageName))
      : pageContent(page, fontFor, imageName);
    return finish ? { ...content, text: content.text + finish.pageExtra(page) } : content;
  });

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const { context } = pdf;
  const fontRefs = new Map<string, PDFRef>();
  for (const subset of subsets.values()) fontRefs.set(subset.resource, embedSubsetFont(context, subset));
  const imageRefs = embedImages(context, images);

  doc.pages.forEach((page, i) => {
    const content = contents[i]!;
    const pdfPage = pdf.addPage([page.width, page.height]);
    // Set Contents and Resources directly: pdf-lib's helpers would also add empty
    // /Annots, /ExtGState and /XObject entries.
    const fonts = context.obj({});
    for (const name of [...content.fonts].sort()) fonts.set(PDFName.of(name), fontRefs.get(name)!);
    const xobjects = context.obj({});
    for (const name of [...content.images].sort()) xobjects.set(PDFName.of(name), imageRefs.get(name)!);
    // No empty /Font: the outlined print flavour (print/outline.ts) must list no font at all.
    const resources = { ...(content.fonts.size > 0 ? { Font: fonts } : {}), ...(content.images.size > 0 ? { XObject: xobjects } : {}) };
    pdfPage.node.set(PDFName.of('Resources'), context.obj(resources));
    pdfPage.node.set(PDFName.of('Contents'), context.register(flateStream(context, content.text)));
    finish?.pageBoxes(pdfPage, page);
  });

  setMetadata(pdf, doc.meta);
  finish?.document(pdf);
  const hash = contentHash(doc.meta, doc.pages, contents, [...subsets.values()], [...images.keys()]);
  const second = PDFHexString.of(hash.slice(0, 32));
  const first = options.id === undefined ? second : PDFHexString.of(sha256Hex(options.id).slice(0, 32));
  context.trailerInfo.ID = context.obj([first, second]);

  // No object streams: a classic xref table is what print-shop tools handle best.
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

function setMetadata(pdf: PDFDocument, meta: DocumentMeta): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true }); // also sets DisplayDocTitle
  // pdf-lib's setLanguage writes the tag unescaped; a tag from a template is not to be trusted.
  pdf.catalog.set(PDFName.of('Lang'), literalString(meta.lang));
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  if (meta.keywords?.length) pdf.setKeywords(meta.keywords);
  pdf.setProducer(PRODUCER);
  pdf.setCreator(PRODUCER);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
}

/** SHA-256 over everything that determines the file: metadata, page streams, font bytes. */
function contentHash(
  meta: DocumentMeta,
  pages: readonly DisplayPage[],
  contents: readonly PageContent[],
  fonts: readonly SubsetFont[],
  imageHashes: readonly string[] = [],
): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([meta.title, meta.lang, meta.author, meta.subject, meta.keywords, meta.date.getTime()]));
  contents.forEach((c, i) => h.update(`\0page ${pages[i]!.width} ${pages[i]!.height}\0${c.text}`));
  for (const f of fonts) h.update(`\0font\0${f.baseFont}\0${fontDigest(f)}`);
  for (const i of imageHashes) h.update(`\0image\0${i}`);
  return h.digest('hex').toUpperCase();
}

/** A subset's bytes hashed once: the plain, print and web renders of a document share it. */
const fontDigests = new WeakMap<SubsetFont, string>();
function fontDigest(f: SubsetFont): string {
  let d = fontDigests.get(f);
  if (d === undefined) {
    d = createHash('sha256').update(f.bytes).digest('hex');
    fontDigests.set(f, d);
  }
  return d;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex').toUpperCase();
}
