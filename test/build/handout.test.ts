/**
 * The A4 handout for counters (templates/handout.hbs): one A4 page summarising the policy —
 * the pillars, what counts as harassment (the poster checklist), what the organisation does,
 * and where the full policy is published (URL in words + a QR code that scans). Texts are
 * read back with pdf.js; the expected texts come from the content files.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type Content, type PolicyBlock } from '../../src/content/index.js';
import { isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { headingTitle, policyOutline } from '../../src/template/policy-outline.js';
import { contentDir } from '../content/helpers.js';
import { renderPdfPage } from '../helpers/pdfRender.js';
import { extractPdfText, type PdfPageText } from '../helpers/pdfText.js';
import { HAS_ZBAR, zbarDecode } from '../layout/qr-support.js';
import { buildAll } from '../../src/build/build.js';
import { buildInto, MM, OKAYAMA_DIR, orderProblems, pdfGlyphs, REPO_ROOT, squash, tempDir, type Built, type PdfGlyphPage } from './support.js';

/** The blocks of the last `##` chapter of the policy (what the organisation does). */
function lastChapter(blocks: readonly PolicyBlock[]): PolicyBlock[] {
  let start = blocks.length - 1;
  while (start > 0 && !(blocks[start]!.kind === 'heading' && (blocks[start] as { level: number }).level === 2)) start--;
  return blocks.slice(start);
}

describe('handout.pdf (Okayama)', () => {
  let built: Built;
  let content: Content;
  let bytes: Uint8Array;
  let text: PdfPageText[];
  let glyphs: PdfGlyphPage[];
  beforeAll(async () => {
    content = await loadContent(OKAYAMA_DIR);
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['handout'] });
    bytes = built.read('okayama', 'handout.pdf');
    text = await extractPdfText(bytes);
    glyphs = await pdfGlyphs(bytes);
  });
  afterAll(() => built?.cleanup());

  it('is exactly one A4 page (210 × 297 mm)', () => {
    expect(text).toHaveLength(1);
    expect(text[0]!.size[0]).toBeCloseTo(210 * MM, 1);
    expect(text[0]!.size[1]).toBeCloseTo(297 * MM, 1);
  });

  it('summarises the policy in reading order: title, pillars, checklist, the responses, where the full text is', () => {
    const policy = content.policy!;
    const poster = content.poster!;
    const pillars = policy.blocks.filter((b) => b.kind === 'list-item' && b.ordered && b.depth === 1).map((b) => b.text);
    const chapter = lastChapter(policy.blocks);
    const responses = chapter.flatMap((b) =>
      b.kind === 'heading' && b.level > 2 ? [b.text.replace(/^[○●◯]\s*/u, '')] : b.kind === 'list-item' ? [b.text] : [],
    );
    expect(pillars).toHaveLength(3);
    expect(responses).toEqual(expect.arrayContaining(['予防', '対応', 'フォローアップ']));
    // List markers ("・") are drawn after the first line of their item: leave them out.
    const all = text[0]!.items.filter((i) => i.str.trim() !== '・').map((i) => i.str).join('');
    expect(
      orderProblems(all, [
        policy.title,
        ...pillars,
        poster.checklist.title,
        ...poster.checklist.items,
        ...(poster.checklist.source ? [poster.checklist.source] : []),
        ...responses,
        `基本方針の全文は、${content.organisation.name}のホームページに掲載しています。`,
        content.organisation.policyUrl,
        content.organisation.issuer,
      ]),
    ).toEqual([]);
  });

  it('prints the policy URL in words, on one line', () => {
    const url = text[0]!.items.filter((i) => squash(i.str).includes('https://'));
    expect(url.map((i) => i.str).join('')).toBe(content.organisation.policyUrl);
    expect(new Set(url.map((i) => Math.round(i.y))).size).toBe(1);
  });

  it('keeps every glyph inside the 10 mm safe area of the sheet', () => {
    const [w, h] = text[0]!.size;
    const safe = 10 * MM;
    const outside = glyphs[0]!.glyphs.filter((g) => g.box.x < safe || g.box.y < safe || g.box.x + g.box.width > w - safe || g.box.y + g.box.height > h - safe);
    expect(outside.map((g) => g.unicode)).toEqual([]);
  });

  it('draws the QR code as vector paths, with no images', () => {
    const ops = glyphs[0]!.ops;
    expect([...ops.keys()].filter((op) => /image|jpeg/i.test(op))).toEqual([]);
    expect(ops.get('constructPath') ?? 0).toBeGreaterThan(0);
  });

  it.skipIf(!HAS_ZBAR)('has a QR code that zbarimg decodes to policyUrl (the PDF as pdf.js renders it, 150 dpi)', async () => {
    const raster = await renderPdfPage(bytes, 1, 150 / 72);
    expect(zbarDecode(await raster.png())).toEqual([content.organisation.policyUrl]);
  });
});

describe('handout for another organisation', () => {
  it('builds from a policy without numbered pillars or sub-sections: the last section lists its items', async () => {
    const dir = contentDir({
      'products.yaml': 'handout:\n  template: handout\n  output: kaku-handout.pdf\n',
    });
    const built = await buildInto({ contentDirs: [dir], products: ['handout'] });
    try {
      const org = dir.split(/[\\/]/).pop()!;
      const page = (await extractPdfText(built.read(org, 'kaku-handout.pdf')))[0]!;
      const all = page.items.map((i) => i.str).join('');
      expect(orderProblems(all, ['架空町カスハラ対策方針', '行為の例', '暴言', '長時間の居座り', '対応', '警告します', '警察に相談します', 'https://example.jp/kaku/policy.html', '架空町役場'])).toEqual([]);
    } finally {
      built.cleanup();
    }
  });

  it('stops with a page-overflow error instead of making a second page when the summary is too long', async () => {
    // Okayama's policy and 16 long checklist items: more than an A4 page holds.
    const long = Array.from({ length: 16 }, (_, i) => `    - 長い行為の例その${i + 1}：窓口で大きな声を出し続けたり、職員の説明を聞かずに同じ要求を何度も繰り返したりする行為`);
    const dir = contentDir({
      'organisation.yaml': readFileSync(join(OKAYAMA_DIR, 'organisation.yaml'), 'utf8'),
      'policy.md': readFileSync(join(OKAYAMA_DIR, 'policy.md'), 'utf8'),
      'products.yaml': 'handout:\n  template: handout\n  output: h.pdf\n',
      'poster.yaml': ['lead: ～お互いに～', 'headline: それはカスハラかも', 'icons:', '  - icon: megaphone', '    label: 大声', 'checklist:', '  title: 行為の例', '  items:', ...long, ''].join('\n'),
    });
    const out = tempDir();
    const error = await buildAll({ cwd: REPO_ROOT, contentDirs: [dir], products: ['handout'], outDir: out }).then(
      () => undefined,
      (e: unknown) => e,
    );
    rmSync(out, { recursive: true, force: true });
    expect(isUserInputError(error)).toBe(true);
    if (!isUserInputError(error)) return;
    expect(error.diagnostics[0]!.code).toMatch(/^layout\/(page|text)-overflow$/);
  });
});

describe('the outline helper the handout reads policy.md through', () => {
  it('finds the pillars (the first numbered list) and the last chapter with its sub-sections', async () => {
    const content = await loadContent(OKAYAMA_DIR);
    const o = policyOutline(content.policy);
    expect(o.pillars?.title).toBe('基本姿勢の3つの柱');
    expect(o.pillars?.items.map((i) => i.text)).toHaveLength(3);
    expect(o.pillars?.items[0]!.dataSrc).toMatch(/policy\.md:\d+$/);
    expect(o.last?.title).toBe('カスタマー・ハラスメントに対する市の対応等');
    expect(o.last?.sections.map((s) => s.title)).toEqual(['予防', '対応', 'フォローアップ']);
    expect(o.last?.sections[1]!.items.map((i) => i.text)).toContain('庁舎からの退去命令');
  });

  it('strips leading numbers and marks from headings, and keeps a heading that is only a number', () => {
    expect(headingTitle('3 カスタマー・ハラスメントに対する市の対応等')).toBe('カスタマー・ハラスメントに対する市の対応等');
    expect(headingTitle('(2) 該当しうるもの')).toBe('該当しうるもの');
    expect(headingTitle('（１）定義')).toBe('定義');
    expect(headingTitle('○予防')).toBe('予防');
    expect(headingTitle('第2章 対応')).toBe('対応');
    expect(headingTitle('3')).toBe('3');
    expect(headingTitle('3つの柱')).toBe('3つの柱');
  });

  it('takes only the first numbered list as the pillars', () => {
    const at = (kind: PolicyBlock['kind'], text: string, extra: object = {}): PolicyBlock =>
      ({ kind, text, line: 1, ...(kind === 'heading' ? { level: 2 } : {}), ...(kind === 'list-item' ? { ordered: true, depth: 1 } : {}), ...extra }) as PolicyBlock;
    const o = policyOutline({
      file: 'p.md',
      blocks: [at('heading', '1 柱'), at('list-item', 'a'), at('list-item', 'b'), at('paragraph', '本文'), at('list-item', 'c'), at('heading', '2 対応'), at('list-item', 'd')],
    });
    expect(o.pillars?.items.map((i) => i.text)).toEqual(['a', 'b']);
    expect(o.last?.items.map((i) => i.text)).toEqual(['d']);
  });
});
