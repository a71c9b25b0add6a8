/**
 * Web (accessibility) preflight of ANY PDF — ours or another program's — against the
 * machine-checkable rules of PDF/UA-1 and WCAG's PDF techniques (shared/reference/
 * accessibility.md): tagged with a structure tree, /Lang, a title shown as the window title,
 * XMP with pdfuaid:part, all page content marked (tagged or artifact), a consistent
 * ParentTree, figures with alt text, headings without skipped levels, embedded fonts with
 * ToUnicode, and annotations in structure order with descriptions. Same result shape as the
 * print preflight; pdf-lib only as a reader, nothing from our renderer.
 */
import { PDFName, PDFRef, type PDFDocument } from 'pdf-lib';
import type { Localized } from '../diagnostics/diagnostic.js';
import { openPdf } from './load.js';
import type { PreflightStatus } from './print.js';
import { checkAnnotations, checkFonts } from './web-objects.js';
import { scanPage } from './web-content.js';
import { headingLevels, readStructTree } from './web-structure.js';
import { arrayOf, dictOf, get, streamBytes, text } from './web-pdf.js';

export type WebRule = 'tagged' | 'lang' | 'title' | 'metadata' | 'marked-content' | 'parent-tree' | 'figures' | 'headings' | 'fonts' | 'annotations';
export const WEB_RULES: readonly WebRule[] = ['tagged', 'lang', 'title', 'metadata', 'marked-content', 'parent-tree', 'figures', 'headings', 'fonts', 'annotations'];

export interface WebPreflightResult {
  rule: WebRule;
  status: PreflightStatus;
  page?: number;
  object?: string;
  message: Localized;
}

export type Add = (r: WebPreflightResult) => void;

const PASS: Record<WebRule, Localized> = {
  tagged: { ja: 'タグ付き PDF です（MarkInfo /Marked true、構造ツリーあり）。', en: 'Tagged PDF (MarkInfo /Marked true, a structure tree).' },
  lang: { ja: '文書の言語（/Lang）が指定されています。', en: 'The document language (/Lang) is set.' },
  title: { ja: '文書の表題があり、ウィンドウの表題として表示されます（DisplayDocTitle）。', en: 'The document has a title, shown as the window title (DisplayDocTitle).' },
  metadata: { ja: 'XMP メタデータに dc:title と pdfuaid:part 1 があります。', en: 'The XMP metadata has dc:title and pdfuaid:part 1.' },
  'marked-content': { ja: 'すべてのページ内容がタグ付けされているか、アーティファクトです。', en: 'All page content is tagged or an artifact.' },
  'parent-tree': { ja: 'ParentTree とマーク付き内容（MCID）が一致しています。', en: 'The ParentTree agrees with the marked content (MCIDs).' },
  figures: { ja: 'すべての図（Figure）に代替テキスト（/Alt）があります。', en: 'Every Figure has alternate text (/Alt).' },
  headings: { ja: '見出しのレベルは飛んでいません。', en: 'Heading levels do not skip.' },
  fonts: { ja: 'すべてのフォントが埋め込まれ、ToUnicode があります。', en: 'All fonts are embedded and have ToUnicode.' },
  annotations: { ja: '注釈のあるページは構造順（/Tabs /S）で、リンクに説明（/Contents）があります。', en: 'Pages with annotations use structure order (/Tabs /S); links have /Contents.' },
};

export async function preflightWeb(bytes: Uint8Array): Promise<WebPreflightResult[]> {
  const { doc, version } = await openPdf(bytes);
  const found: WebPreflightResult[] = [];
  const add: Add = (r) => found.push(r);
  const fail = (rule: WebRule, ja: string, en: string, where: { page?: number; object?: string } = {}) =>
    add({ rule, status: 'fail', ...where, message: { ja, en } });
  const { catalog } = doc;

  const markInfo = dictOf(doc, catalog.get(PDFName.of('MarkInfo')));
  if (String(get(doc, markInfo, 'Marked')) !== 'true') fail('tagged', 'MarkInfo /Marked true がありません（タグ付き PDF ではありません）。', 'No MarkInfo /Marked true: the PDF is not tagged.', { object: 'Catalog /MarkInfo' });
  if (String(get(doc, markInfo, 'Suspects')) === 'true') fail('tagged', 'MarkInfo /Suspects true: タグが信頼できないと記録されています。', 'MarkInfo /Suspects true: the tags are marked as unreliable.', { object: 'Catalog /MarkInfo' });
  const tree = readStructTree(doc);
  if (!tree || tree.elements.length === 0) fail('tagged', '構造ツリー（StructTreeRoot）がないか空です。', 'No structure tree (StructTreeRoot), or an empty one.', { object: 'Catalog /StructTreeRoot' });

  if (!text(get(doc, catalog, 'Lang'))?.trim()) fail('lang', '文書の言語（カタログの /Lang）がありません。', 'No document language (catalog /Lang).', { object: 'Catalog /Lang' });

  const info = dictOf(doc, doc.context.trailerInfo.Info);
  const xmp = metadataText(doc);
  const xmpTitle = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmp ?? '')?.[1]?.trim();
  if (!text(get(doc, info, 'Title'))?.trim() && !xmpTitle) fail('title', '文書の表題（Info /Title、dc:title）がありません。', 'No document title (Info /Title, dc:title).', { object: 'Info /Title' });
  if (String(get(doc, dictOf(doc, catalog.get(PDFName.of('ViewerPreferences'))), 'DisplayDocTitle')) !== 'true') fail('title', '/ViewerPreferences <</DisplayDocTitle true>> がありません（ファイル名が表示されます）。', 'No /ViewerPreferences <</DisplayDocTitle true>>: viewers show the file name.', { object: 'Catalog /ViewerPreferences' });

  if (xmp === undefined) fail('metadata', 'XMP メタデータ（カタログの /Metadata）がありません。', 'No XMP metadata (catalog /Metadata).', { object: 'Catalog /Metadata' });
  else {
    if (!/pdfuaid:part(>\s*1\s*<|\s*=\s*["']1["'])/.test(xmp)) fail('metadata', 'XMP に PDF/UA の識別（pdfuaid:part 1）がありません。', 'The XMP has no PDF/UA identification (pdfuaid:part 1).', { object: 'XMP pdfuaid:part' });
    if (!xmpTitle) fail('metadata', 'XMP に dc:title がないか空です。', 'The XMP has no dc:title, or an empty one.', { object: 'XMP dc:title' });
  }
  if (version.major > 1 || version.minor > 7) add({ rule: 'metadata', status: 'warn', object: `%PDF-${version.text}`, message: { ja: 'PDF/UA-1 は PDF 1.7 までが対象です。', en: 'PDF/UA-1 is defined for PDF up to 1.7.' } });

  const pages = doc.getPages();
  const elementOf = new Map(tree?.elements.map((e) => [e.dict, e]) ?? []);
  pages.forEach((page, i) => {
    const pageNo = i + 1;
    const scan = scanPage(doc, page.node);
    if (scan.error) add({ rule: 'marked-content', status: 'warn', page: pageNo, message: { ja: `内容ストリームを読めません（${scan.error}）。`, en: `The content stream cannot be read (${scan.error}).` } });
    for (const op of scan.unmarked) fail('marked-content', `タグもアーティファクトの指定もない内容があります（${scan.unmarkedCount} 個の描画命令）。`, `Content that is neither tagged nor an artifact (${scan.unmarkedCount} painting operator(s)).`, { page: pageNo, object: `content stream op #${op.index} ${op.op}` });
    if (scan.mcids.size === 0) return;
    // A direct number as a rule, but an indirect one is legal too.
    const key = page.node.lookup(PDFName.of('StructParents'));
    const entry = key !== undefined ? tree?.parentTree.get(Number(String(key))) : undefined;
    const owners = arrayOf(doc, entry);
    if (!entry) {
      fail('parent-tree', 'MCID のあるページに /StructParents がないか、ParentTree にそのページの項目がありません。', 'The page has MCIDs but no /StructParents, or the ParentTree has no entry for it.', { page: pageNo, object: 'Page /StructParents' });
      return;
    }
    for (const mcid of [...scan.mcids].sort((a, b) => a - b)) {
      const elem = elementOf.get(dictOf(doc, owners[mcid])!);
      const listed = elem?.mcrs.some((m) => m.mcid === mcid && (!m.page || refEquals(m.page, page.ref)));
      if (!listed) fail('parent-tree', `MCID ${mcid} の構造要素が ParentTree にないか、その要素の /K に MCID がありません。`, `MCID ${mcid} has no element in the ParentTree, or that element's /K does not list it.`, { page: pageNo, object: `MCID ${mcid}` });
    }
  });

  for (const e of tree?.elements ?? []) {
    if (e.role === 'Figure' && !(e.alt?.trim() || e.actualText?.trim())) fail('figures', '図（Figure）に代替テキスト（/Alt）がありません。', 'A Figure has no alternate text (/Alt).', { object: `StructElem ${e.label}` });
  }
  let previous = 0;
  for (const { level, elem } of tree ? headingLevels(tree) : []) {
    if (level > previous + 1) fail('headings', `見出しのレベルが飛んでいます（H${previous || '—'} の次が H${level}）。`, `A heading level is skipped (H${level} after ${previous ? `H${previous}` : 'no heading'}).`, { object: `StructElem ${elem.label}` });
    previous = level;
  }
  checkFonts(doc, pages, add);
  checkAnnotations(doc, pages, add);

  return WEB_RULES.flatMap((rule) => {
    const mine = found.filter((r) => r.rule === rule);
    return mine.length > 0 ? mine : [{ rule, status: 'pass' as const, message: PASS[rule] }];
  });
}

function metadataText(doc: PDFDocument): string | undefined {
  const bytes = streamBytes(doc, doc.catalog.get(PDFName.of('Metadata')));
  return bytes ? new TextDecoder().decode(bytes) : undefined;
}

function refEquals(a: PDFRef, b: PDFRef): boolean {
  return a.objectNumber === b.objectNumber && a.generationNumber === b.generationNumber;
}
