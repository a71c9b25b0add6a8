/**
 * Web preflight rules on objects rather than content: fonts (embedded, with ToUnicode, so
 * every glyph has text — PDF/UA-1 §7.21) and annotations (structure tab order on their page,
 * §7.18.3; a description for links, §7.18.5; tied into the structure by /StructParent).
 */
import { PDFName, type PDFDict, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { Add } from './web.js';
import { arrayOf, dictOf, get, name, text } from './web-pdf.js';

const STANDARD_ENCODINGS = new Set(['WinAnsiEncoding', 'MacRomanEncoding', 'StandardEncoding']);

export function checkFonts(doc: PDFDocument, pages: readonly PDFPage[], add: Add): void {
  const seen = new Set<PDFDict>();
  const visitResources = (resources: PDFDict | undefined, page: number, depth: number): void => {
    if (!resources || depth > 8) return;
    const fonts = dictOf(doc, resources.get(PDFName.of('Font')));
    for (const [key, value] of fonts?.entries() ?? []) {
      const font = dictOf(doc, value);
      if (!font || seen.has(font)) continue;
      seen.add(font);
      checkFont(doc, font, `Font ${key.decodeText()} (${name(get(doc, font, 'BaseFont')) ?? '?'})`, page, add);
    }
    const xobjects = dictOf(doc, resources.get(PDFName.of('XObject')));
    for (const [, value] of xobjects?.entries() ?? []) {
      const x = dictOf(doc, value);
      if (x && name(get(doc, x, 'Subtype')) === 'Form') visitResources(dictOf(doc, x.get(PDFName.of('Resources'))), page, depth + 1);
    }
  };
  pages.forEach((p, i) => visitResources(dictOf(doc, p.node.get(PDFName.of('Resources'))), i + 1, 0));
}

function checkFont(doc: PDFDocument, font: PDFDict, label: string, page: number, add: Add): void {
  const subtype = name(get(doc, font, 'Subtype'));
  const descendant = subtype === 'Type0' ? dictOf(doc, arrayOf(doc, font.get(PDFName.of('DescendantFonts')))[0]) : font;
  const descriptor = dictOf(doc, descendant?.get(PDFName.of('FontDescriptor')));
  const embedded = subtype === 'Type3' || ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.get(PDFName.of(k)) !== undefined);
  if (!embedded) {
    add({ rule: 'fonts', status: 'fail', page, object: label, message: { ja: 'フォントが埋め込まれていません。', en: 'The font is not embedded.' } });
  }
  if (font.get(PDFName.of('ToUnicode')) === undefined) {
    const standard = subtype !== 'Type0' && subtype !== 'Type3' && STANDARD_ENCODINGS.has(name(get(doc, font, 'Encoding')) ?? '');
    add({
      rule: 'fonts',
      status: standard ? 'warn' : 'fail',
      page,
      object: label,
      message: standard
        ? { ja: 'ToUnicode がありません（標準の符号化からは文字が推定できます）。', en: 'No ToUnicode (text can be inferred from the standard encoding).' }
        : { ja: 'ToUnicode がなく、字形から文字を取り出せません。', en: 'No ToUnicode: the glyphs cannot be mapped to text.' },
    });
  }
}

export function checkAnnotations(doc: PDFDocument, pages: readonly PDFPage[], add: Add): void {
  pages.forEach((p, i) => {
    const page = i + 1;
    const annots = arrayOf(doc, p.node.get(PDFName.of('Annots')))
      .map((a) => dictOf(doc, a))
      .filter((a): a is PDFDict => !!a && name(get(doc, a, 'Subtype')) !== 'Popup');
    if (annots.length === 0) return;
    if (name(get(doc, p.node, 'Tabs')) !== 'S') {
      add({ rule: 'annotations', status: 'fail', page, object: 'Page /Tabs', message: { ja: '注釈のあるページに /Tabs /S（構造順）がありません。', en: 'A page with annotations has no /Tabs /S (structure order).' } });
    }
    annots.forEach((a, k) => {
      const subtype = name(get(doc, a, 'Subtype')) ?? '?';
      const object = `Annot #${k + 1} /${subtype}`;
      if (subtype === 'Link' && !text(get(doc, a, 'Contents'))?.trim()) {
        add({ rule: 'annotations', status: 'fail', page, object, message: { ja: 'リンクに説明（/Contents）がありません。', en: 'The link has no description (/Contents).' } });
      }
      if (a.get(PDFName.of('StructParent')) === undefined && subtype !== 'Widget') {
        add({ rule: 'annotations', status: 'fail', page, object, message: { ja: '注釈が構造ツリーにつながっていません（/StructParent がありません）。', en: 'The annotation is not in the structure tree (no /StructParent).' } });
      }
    });
  });
}
