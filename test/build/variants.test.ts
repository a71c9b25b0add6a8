/**
 * Variants in the build: output/<variant>/<file>, --variant selection, and the languages as
 * printed — read back with pdf.js only. The やさしい日本語 poster has a reading over every kanji.
 *
 * zh-Hans, zh-Hant, ko and vi need the per-script fonts (Noto Sans SC/TC/KR, Noto Sans) of the
 * fonts work done alongside; their test fails, rather than skips, when those fonts are missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../../src/build/build.js';
import { DiagnosticBag, isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { extractPdfText } from '../helpers/pdfText.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { buildInto, OKAYAMA_DIR, pdfGlyphs, REPO_ROOT, squash, type Built, type PdfGlyph } from './support.js';

const KANJI = /[\p{Script=Han}々]/u;
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/**
 * Kanji glyphs with no reading above them: a reading is a kana glyph at most 0.6 the size,
 * overlapping the kanji horizontally, whose em box ends above the kanji's within one kanji size.
 */
function kanjiWithoutRuby(glyphs: readonly PdfGlyph[]): PdfGlyph[] {
  const readings = glyphs.filter((g) => KANA.test(g.unicode));
  return glyphs.filter((k) => {
    if (!KANJI.test(k.unicode)) return false;
    return !readings.some((r) =>
      r.size <= k.size * 0.6 &&
      r.box.x < k.box.x + k.box.width && r.box.x + r.box.width > k.box.x &&
      r.box.y + r.box.height <= k.box.y + k.size * 0.2 && r.box.y + r.box.height >= k.box.y - k.size);
  });
}

describe('やさしい日本語 and English posters and policies', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], variants: ['easy-ja', 'okayama-en'], products: ['poster', 'policy'] });
  }, 120_000);
  afterAll(() => built?.cleanup());

  it('writes each variant into output/<variant id>/', () => {
    const files = built.result.outputs.map((o) => o.file.replace(/^.*?(okayama-)/, '$1')).filter((f) => /\.pdf$/.test(f) && !/\.(print|web)\.pdf$/.test(f));
    expect(files.sort()).toEqual([
      'okayama-easy-ja/policy.pdf', 'okayama-easy-ja/poster-a3.pdf', 'okayama-easy-ja/poster-a4.pdf', 'okayama-easy-ja/poster-b2.pdf',
      'okayama-en/policy.pdf', 'okayama-en/poster-a3.pdf', 'okayama-en/poster-a4.pdf', 'okayama-en/poster-b2.pdf',
    ]);
  });

  it.each(['poster-a4.pdf', 'poster-b2.pdf', 'policy.pdf'])('easy Japanese %s: a reading over every kanji', async (file) => {
    const pages = await pdfGlyphs(built.read('okayama-easy-ja', file));
    const glyphs = pages.flatMap((p) => p.glyphs);
    const kanji = glyphs.filter((g) => KANJI.test(g.unicode));
    expect(kanji.length).toBeGreaterThan(file === 'policy.pdf' ? 150 : 40);
    // The URL and Latin text aside, none is left bare.
    expect(kanjiWithoutRuby(glyphs).map((g) => g.unicode).join('')).toBe('');
  });

  it('the same check finds the bare kanji of the Japanese poster (it can fail)', async () => {
    const ja = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['poster'] });
    try {
      const glyphs = (await pdfGlyphs(ja.read('okayama', 'poster-a4.pdf'))).flatMap((p) => p.glyphs);
      expect(kanjiWithoutRuby(glyphs).length).toBeGreaterThan(50);
    } finally {
      ja.cleanup();
    }
  }, 60_000);

  it('easy Japanese: the readings are text too, and the document is marked Japanese', async () => {
    const bytes = built.read('okayama-easy-ja', 'poster-a4.pdf');
    const text = squash((await extractPdfText(bytes))[0]!.text);
    for (const reading of ['こうげき', 'ことば', 'かえ', 'どげざ', 'おかやまし', 'くわしくはこちら']) expect(text).toContain(reading);
    const doc = await loadPdf(bytes);
    expect((await doc.getMetadata()).info).toMatchObject({ Language: 'ja' });
  });

  it('English: translated texts and labels, an English date, no Japanese kana', async () => {
    const poster = (await extractPdfText(built.read('okayama-en', 'poster-a4.pdf')))[0]!;
    for (const s of ['Could that be “customer harassment”?', 'Keeping staff for hours', 'Discriminatory behaviour', 'Full policy (in Japanese)', 'Okayama City']) {
      expect(squash(poster.text)).toContain(squash(s));
    }
    expect(poster.text).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
    const policy = (await extractPdfText(built.read('okayama-en', 'policy.pdf'))).map((p) => p.text).join('\n');
    expect(squash(policy)).toContain(squash('29 August 2025'));
    expect(squash(policy)).toContain(squash('the Japanese original prevails'));
    expect((await (await loadPdf(built.read('okayama-en', 'policy.pdf'))).getMetadata()).info).toMatchObject({ Language: 'en' });
  });
});

describe('Chinese, Korean and Vietnamese posters (need the per-script fonts)', () => {
  const EXPECTED: Record<string, string[]> = {
    'okayama-zh-hans': ['这也许就是“顾客骚扰”', '冈山市', '基本方针全文（日语）'],
    'okayama-zh-hant': ['這或許就是「顧客騷擾」', '岡山市', '基本方針全文（日語）'],
    'okayama-ko': ['고객 갑질', '오카야마시', '기본 방침 전문(일본어)'],
    'okayama-vi': ['quấy rối từ khách hàng', 'Lời lẽ, hành vi đe dọa', 'Thành phố Okayama', 'tiếng Nhật'],
  };
  let built: Built;
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], variants: Object.keys(EXPECTED), products: ['poster'] });
  }, 120_000);
  afterAll(() => built?.cleanup());

  it.each(Object.entries(EXPECTED))('%s: the text in its script, with no glyph missing', async (id, needles) => {
    const bytes = built.read(id, 'poster-a4.pdf');
    const page = (await extractPdfText(bytes))[0]!;
    for (const n of needles) expect(squash(page.text)).toContain(squash(n));
    const glyphs = (await pdfGlyphs(bytes)).flatMap((p) => p.glyphs);
    // pdf.js counts the (outline-less) space of the Noto subsets as not in the font; nothing else may be.
    expect(glyphs.filter((g) => !g.isInFont && g.unicode.trim() !== '').map((g) => g.unicode)).toEqual([]);
    if (id === 'okayama-vi') {
      // Vietnamese letters come from Noto Sans, which has them (BIZ UD fonts lack them).
      const marked = glyphs.filter((g) => /[ấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựđơư]/u.test(g.unicode));
      expect(marked.length).toBeGreaterThan(20);
      expect(new Set(marked.map((g) => g.baseFont.replace(/^[A-Z]{6}\+/, '').replace(/-.*/, '')))).toEqual(new Set(['NotoSans']));
    }
  });
});

describe('desk tents in every language', () => {
  // The message twice (one face upside down), and the assembly note in the variant's language.
  const EXPECTED: Record<string, string[]> = {
    'okayama-en': ['Could that be “customer harassment”?', 'To assemble: fold back along the dotted marks', 'Okayama City'],
    'okayama-zh-hans': ['这也许就是“顾客骚扰”', '组装方法', '冈山市'],
    'okayama-zh-hant': ['這或許就是「顧客騷擾」', '組裝方法', '岡山市'],
    'okayama-ko': ['고객 갑질', '조립 방법', '오카야마시'],
    'okayama-vi': ['quấy rối từ khách hàng', 'Cách lắp', 'Thành phố Okayama'],
    'okayama-easy-ja': ['カスタマー・ハラスメント', 'テープで とめます'],
  };
  let built: Built;
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], variants: Object.keys(EXPECTED), products: ['tent'] });
  }, 120_000);
  afterAll(() => built?.cleanup());

  it.each(Object.entries(EXPECTED))('%s: the translated tent, no Japanese assembly note, nothing missing', async (id, needles) => {
    const bytes = built.read(id, 'tent.pdf');
    const text = squash((await extractPdfText(bytes))[0]!.text);
    for (const n of needles) expect(text).toContain(squash(n));
    expect(text.split(squash(needles[0]!)).length - 1).toBe(2);
    expect(text).not.toContain('組み立て方');
    const [page] = await pdfGlyphs(bytes);
    const glyphs = page!.glyphs;
    expect(glyphs.filter((g) => !g.isInFont && g.unicode.trim() !== '').map((g) => g.unicode)).toEqual([]);
    // No content markup printed as it is ({岡山市|おか.やま.し}).
    expect(text).not.toMatch(/[{}|]/);
    if (id === 'okayama-easy-ja') {
      // The upright face and the base (the top face is printed upside down: its readings are below).
      const upright = glyphs.filter((g) => g.box.y > page!.size[1] / 3);
      expect(upright.filter((g) => KANJI.test(g.unicode)).length).toBeGreaterThan(10);
      expect(kanjiWithoutRuby(upright).map((g) => g.unicode).join('')).toBe('');
    }
  });
});

describe('handouts in English and easy Japanese', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], variants: ['okayama-en', 'okayama-easy-ja'], products: ['handout'] });
  }, 120_000);
  afterAll(() => built?.cleanup());

  it('English: the policy outline, an English date and footer, no Japanese kana', async () => {
    const page = (await extractPdfText(built.read('okayama-en', 'handout.pdf')))[0]!;
    for (const s of ['The three pillars of our basic stance', 'We protect our staff from customer harassment', '29 August 2025', 'Follow-up', 'The full policy (in Japanese) is on the website of Okayama City.']) {
      expect(squash(page.text)).toContain(squash(s));
    }
    expect(page.text).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
  });

  it('easy Japanese: a reading over every kanji, and no markup printed as it is', async () => {
    const bytes = built.read('okayama-easy-ja', 'handout.pdf');
    const glyphs = (await pdfGlyphs(bytes)).flatMap((p) => p.glyphs);
    expect(glyphs.filter((g) => KANJI.test(g.unicode)).length).toBeGreaterThan(60);
    expect(kanjiWithoutRuby(glyphs).map((g) => g.unicode).join('')).toBe('');
    expect(squash((await extractPdfText(bytes))[0]!.text)).not.toMatch(/[{}|]/);
  });
});

describe('planJobs with variants', () => {
  it('plans the base alone by default, every variant × product with "all"', async () => {
    const base = await planJobs({ cwd: REPO_ROOT, contentDirs: [OKAYAMA_DIR] }, new DiagnosticBag());
    expect(new Set(base.map((j) => j.outDir.split('/').pop()))).toEqual(new Set(['okayama']));
    const all = await planJobs({ cwd: REPO_ROOT, contentDirs: [OKAYAMA_DIR], variants: 'all' }, new DiagnosticBag());
    const count = (id: string) => all.filter((j) => j.outDir.endsWith(`/${id}`)).length;
    expect(count('okayama')).toBe(base.length);
    expect(count('okayama-kita')).toBe(base.length - 1); // a ward does not reissue the policy
    expect(count('okayama-en')).toBe(6); // policy, poster in three sizes, desk tent, handout
    expect(count('okayama-vi')).toBe(4); // poster in three sizes, desk tent
    expect(all.filter((j) => j.content.variant!.id === 'okayama-easy-ja').every((j) => j.content.variant!.htmlLang === 'ja')).toBe(true);
  });

  it('reports an unknown --variant with a suggestion', async () => {
    try {
      await planJobs({ cwd: REPO_ROOT, contentDirs: [OKAYAMA_DIR], variants: ['okayama-kta'] }, new DiagnosticBag());
      expect.fail('expected an error');
    } catch (e) {
      if (!isUserInputError(e)) throw e;
      expect(e.diagnostics[0]).toMatchObject({ code: 'build/unknown-variant' });
      expect(e.diagnostics[0]!.hint!.en).toContain('okayama-kita');
    }
  });
});
