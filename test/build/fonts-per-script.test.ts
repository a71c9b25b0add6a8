/**
 * Fonts per script, end to end: HTML with `lang` → markup → layout (fallback chains,
 * itemization) → our PDF backend, read back with pdf.js only. Vietnamese must come out of
 * Noto Sans with its diacritics inked (not tofu, not BIZ UD's missing glyphs); Chinese and
 * Korean from Noto Sans SC/TC/KR; a character no font has stops the build with the field.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { defaultFontRegistry } from '../../src/fonts/registry.js';
import { IconRegistry } from '../../src/icons/registry.js';
import type { DisplayDocument, GlyphRun } from '../../src/layout/display-list.js';
import { layoutDocument } from '../../src/layout/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { countInk, renderPdfPage } from '../helpers/pdfRender.js';
import { extractPdfText } from '../helpers/pdfText.js';

const VI = 'Tiếng Việt: Người trợ giúp sẽ liên hệ với bạn';
const SAMPLES = {
  'zh-Hans': '请勿对工作人员进行骚扰。',
  'zh-Hant': '請勿對工作人員進行騷擾。',
  ko: '직원에 대한 괴롭힘을 삼가 주십시오.',
} as const;
const SUBSET = /^[A-Z]{6}\+/;

function layoutHtml(body: string, lang = 'ja'): DisplayDocument {
  const html = `<!doctype html><html lang="${lang}"><head><title>t</title><style>
@page { size: A5; margin: 15mm } p { font-size: 16pt; line-height: 1.6; margin-bottom: 4mm }</style></head>
<body>${body}</body></html>`;
  const doc = parseMarkup(html, { file: 'templates/test.hbs' });
  return layoutDocument(doc, { fonts: defaultFontRegistry(), icons: new IconRegistry(), date: new Date(0), file: 'templates/test.hbs' });
}

const runs = (doc: DisplayDocument): GlyphRun[] => doc.pages[0]!.items.filter((i): i is GlyphRun => i.kind === 'glyphs');

function thrown(f: () => unknown): Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (isUserInputError(e)) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

describe('Vietnamese', () => {
  it('is set in Noto Sans and pdf.js extracts the exact text from Noto Sans subsets', async () => {
    const doc = layoutHtml(`<p>${VI}</p>`, 'vi');
    expect(runs(doc).map((r) => r.font.family)).toEqual(['Noto Sans']);
    const [page] = await extractPdfText(await renderPdf(doc));
    expect(page!.items.map((i) => i.str).join('')).toBe(VI);
    expect(page!.fonts.length).toBe(1);
    expect(page!.fonts[0]!.name).toMatch(SUBSET);
    expect(page!.fonts[0]!.name).toMatch(/\+NotoSans-Regular$/);
    expect(page!.fonts[0]!.embedded).toBe(true);
  });

  it('draws every glyph with ink, the accents above ế ệ ườ and the dot below ợ included', async () => {
    const doc = layoutHtml(`<p>${VI}</p>`, 'vi');
    const raster = await renderPdfPage(await renderPdf(doc), 1, 4);
    const [run] = runs(doc);
    const em = run!.size;
    const at = (ch: string) => run!.glyphs.find((g) => g.text === ch)!;
    for (const g of run!.glyphs.filter((g) => g.text.trim() !== '')) {
      expect(countInk(raster, { x: run!.x + g.x, y: run!.y - em, width: em * 0.6, height: em * 1.25 }), g.text).toBeGreaterThan(0);
    }
    // 0.73–1.0 em over the baseline: the accents of ế (top 0.81 em) and ờ (0.77 em) reach there;
    // n does not, nor would a .notdef box (0.71 em), so tofu cannot pass.
    const above = (ch: string) => countInk(raster, { x: run!.x + at(ch).x, y: run!.y - em, width: em * 0.5, height: em * 0.27 });
    const below = (ch: string) => countInk(raster, { x: run!.x + at(ch).x, y: run!.y + em * 0.04, width: em * 0.5, height: em * 0.25 });
    expect(above('n')).toBe(0);
    expect(above('ế')).toBeGreaterThan(10);
    expect(above('ờ')).toBeGreaterThan(5);
    expect(below('n')).toBe(0);
    expect(below('ợ')).toBeGreaterThan(10); // dot below
    expect(below('ệ')).toBeGreaterThan(10);
  });
});

describe('Chinese and Korean', () => {
  for (const [lang, text] of Object.entries(SAMPLES)) {
    it(`${lang}: extracted exactly, from its own Noto Sans font`, async () => {
      const doc = layoutHtml(`<p>${text}</p>`, lang);
      const family = { 'zh-Hans': 'Noto Sans SC', 'zh-Hant': 'Noto Sans TC', ko: 'Noto Sans KR' }[lang];
      expect(new Set(runs(doc).map((r) => r.font.family))).toEqual(new Set([family]));
      const [page] = await extractPdfText(await renderPdf(doc));
      expect(page!.items.map((i) => i.str).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      const ps = { 'zh-Hans': 'NotoSansSC-Regular', 'zh-Hant': 'NotoSansTC-Regular', ko: 'NotoSansKR-Regular' }[lang];
      expect(page!.fonts.map((f) => f.name)).toEqual([expect.stringMatching(new RegExp(`^[A-Z]{6}\\+${ps}$`))]);
    });
  }

  it('a page mixing five languages keeps one baseline per line and every font embedded', async () => {
    const doc = layoutHtml(`<p>日本語と <span lang="vi">Tiếng Việt</span>、<span lang="zh-Hans">中文</span>、<span lang="ko">한국어</span>、<span lang="zh-Hant">繁體</span></p>`);
    const line = runs(doc);
    expect(new Set(line.map((r) => r.font.family))).toEqual(new Set(['BIZ UDPGothic', 'Noto Sans', 'Noto Sans SC', 'Noto Sans KR', 'Noto Sans TC']));
    expect(new Set(line.map((r) => r.y)).size).toBe(1);
    const [page] = await extractPdfText(await renderPdf(doc));
    expect(page!.items.map((i) => i.str).join('').replace(/\s/g, '')).toBe('日本語とTiếngViệt、中文、한국어、繁體');
    expect(page!.fonts).toHaveLength(5);
    for (const f of page!.fonts) expect(f.embedded && SUBSET.test(f.name)).toBe(true);
  });
});

describe('the coverage gate', () => {
  it('a character no font of the chain has is an error naming it, its code point, the chain, document and field', () => {
    const ds = thrown(() =>
      layoutHtml(`<p data-src="content/okayama/variants/vi.yaml:12#poster.lead">Bùa hộ mệnh \u{1F9FF} và \uE000</p>`, 'vi'),
    );
    // One diagnostic per field (the CLI shows one per file:line), listing every missing character.
    expect(ds).toHaveLength(1);
    const [d] = ds;
    expect(d).toMatchObject({ severity: 'error', code: 'text/missing-glyph', file: 'content/okayama/variants/vi.yaml', line: 12, path: 'poster.lead' });
    expect(d!.message.en).toBe(
      'No font for lang="vi" text has "\u{1F9FF}" (U+1F9FF), "\uE000" (U+E000): Noto Sans → BIZ UDPGothic (p, templates/test.hbs).',
    );
    expect(d!.message.ja).toBe(
      '「\u{1F9FF}」（U+1F9FF）、「\uE000」（U+E000）の字形は、lang="vi" の文字に使うフォント（Noto Sans → BIZ UDPGothic）のどれにもありません（p、templates/test.hbs）。',
    );
    expect(d!.hint!.en).toContain('fonts/registry.yaml');
  });

  it('names a registered font outside the chain that has the character, and the lang to use', () => {
    const [d] = thrown(() => layoutHtml('<p>韓国語で 한국어</p>', 'ja'));
    expect(d!.message.en).toContain('"한" (U+D55C), "국" (U+AD6D), "어" (U+C5B4)');
    expect(d!.hint!.en).toBe('Noto Sans KR has it: mark that text with lang="ko", or add Noto Sans KR to fallback.ja in fonts/registry.yaml.');
    expect(d!.hint!.ja).toContain('lang="ko"');
  });
});
