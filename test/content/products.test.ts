/** products.yaml: page sizes and output names are checked before anything is built. */
import { describe, expect, it } from 'vitest';
import { jisSize, loadContent, outputFileName } from '../../src/content/index.js';
import { contentDir, diagnosticsOf, shown } from './helpers.js';

const SIZES = 'A0, A1, A2, A3, A4, A5, A6, B0, B1, B2, B3, B4, B5, B6';

describe('products.yaml', () => {
  it('reports an unknown page size name with the list of known sizes', async () => {
    const dir = contentDir({ 'products.yaml': 'poster:\n  template: poster\n  sizes: [A4, Letter]\n  output: p-{size}.pdf\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toEqual([{
      severity: 'error',
      code: 'content/unknown-page-size',
      message: { ja: '用紙サイズ「Letter」はありません。', en: 'Unknown page size "Letter".' },
      hint: {
        ja: `使えるサイズ: ${SIZES}、または { width: 100mm, height: 148mm }`,
        en: `Known sizes: ${SIZES}, or { width: 100mm, height: 148mm }.`,
      },
      file: shown(dir, 'products.yaml'),
      line: 3,
      column: 15,
      path: 'poster.sizes[1]',
    }]);
  });

  it('checks custom sizes: units, misspelt and missing sides', async () => {
    const dir = contentDir({ 'products.yaml': 'poster:\n  template: poster\n  sizes:\n    - { width: 100, heigth: 5mm }\n  output: p.pdf\n' });
    const ds = await diagnosticsOf(() => loadContent(dir));
    expect(ds.map((d) => [d.code, d.path, d.column])).toEqual([
      ['content/invalid-length', 'poster.sizes[0].width', 16],
      ['content/unknown-field', 'poster.sizes[0].heigth', 21],
    ]);
    expect(ds[0]!.message.en).toBe('Cannot read the length "100" of `width`.');
    expect(ds[1]!.message.en).toBe('Unknown field `heigth`: did you mean `height`?');
    expect(ds[1]!.hint!.en).toBe('Fields expected here: width, height');
  });

  it('accepts JIS names in any case and custom sizes in mm, cm, in and pt', async () => {
    const dir = contentDir({ 'products.yaml': 'poster:\n  template: poster\n  sizes: [b2, { width: 10cm, height: 148mm }, { width: 8.5in, height: 792pt }]\n  output: p-{size}.pdf\n' });
    const [poster] = (await loadContent(dir)).products;
    expect(poster!.sizes.map((s) => [s.name, s.widthMm, s.heightMm])).toEqual([
      ['B2', 515, 728], ['100x148mm', 100, 148], ['215.9x279.4mm', 215.9, 279.4],
    ]);
    expect(poster!.sizes.map((s) => outputFileName(poster!, s))).toEqual(['p-b2.pdf', 'p-100x148mm.pdf', 'p-215.9x279.4mm.pdf']);
  });

  it('converts sizes to points for layout', () => {
    expect(jisSize('A4')).toEqual({ name: 'A4', widthMm: 210, heightMm: 297, widthPt: 595.276, heightPt: 841.89 });
  });

  it('rejects output names with folders, without {size} for several sizes, or colliding', async () => {
    const products = [
      'policy:\n  template: policy\n  output: ../policy.pdf',
      'poster:\n  template: poster\n  sizes: [A4, A3]\n  output: poster.pdf',
      'flyer:\n  template: poster\n  output: policy.pdf',
      'leaflet:\n  template: poster\n  output: policy.pdf',
      'Bad_Id:\n  template: poster\n  output: x.pdf',
      'x:\n  template: poster\n  output: x-{lang}.pdf',
    ].join('\n') + '\n';
    const ds = await diagnosticsOf(() => loadContent(contentDir({ 'products.yaml': products })));
    expect(ds.map((d) => [d.code, d.path, d.line])).toEqual([
      ['content/unsafe-path', 'policy.output', 3],
      ['content/invalid-output', 'poster.output', 7],
      ['content/invalid-name', 'Bad_Id', 14],
      ['content/invalid-output', 'x.output', 19],
      ['content/duplicate-output', 'leaflet.output', 13],
    ]);
    expect(ds[1]!.message.en).toBe('Several sizes are built but the output name has no {size}.');
    expect(ds[4]!.message.ja).toBe('「flyer」と「leaflet」が同じファイル policy.pdf を出力します。');
  });
});
