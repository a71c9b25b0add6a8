/**
 * The policy PDF as a reader gets it: all of policy.md's text, verbatim and in reading order,
 * on A4 pages with page numbers, Gothic headings over Mincho body, and no heading stranded at
 * the foot of a page. Read back with pdf.js only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, policyTextBlocks, type Content, type Policy } from '../../src/content/index.js';
import { extractPdfText, type PdfPageText, type PdfTextItem } from '../helpers/pdfText.js';
import { buildInto, findRun, MM, OKAYAMA_DIR, orderProblems, squash, type Built } from './support.js';

const A4 = { width: 595.2756, height: 841.8898 };
/** The running footer "n / N", which is not part of the reading text. */
const PAGE_NUMBER = /^(\d+)\/(\d+)$/;

interface Placed extends PdfTextItem {
  page: number;
}

describe('policy.pdf (Okayama)', () => {
  let built: Built;
  let content: Content;
  let policy: Policy;
  let pages: PdfPageText[];
  /** Every text item of every page in content-stream order, page footers excluded. */
  let body: Placed[];

  beforeAll(async () => {
    content = await loadContent(OKAYAMA_DIR);
    policy = content.policy!;
    built = await buildInto({ contentDirs: [OKAYAMA_DIR] });
    pages = await extractPdfText(built.read('okayama', 'policy.pdf'));
    body = pages.flatMap((p, i) =>
      p.items.filter((it) => !isFooter(p, it)).map((it) => ({ ...it, page: i + 1 })),
    );
  });
  afterAll(() => built?.cleanup());

  function isFooter(page: PdfPageText, item: PdfTextItem): boolean {
    return PAGE_NUMBER.test(squash(item.str)) && item.y > page.size[1] - 22 * MM;
  }

  /** The reading order: title, every block of the body, then the date and the signer. */
  function readingOrder(): string[] {
    return [policy.title, ...policyTextBlocks(policy), '令和7年8月29日', policy.signer.title, policy.signer.name];
  }

  it('reads the policy front matter the test relies on', () => {
    expect(policy.date).toBe('2025-08-29');
    expect(policy.signer).toEqual({ title: '岡山市長', name: '大森 雅夫' });
    expect(policyTextBlocks(policy).length).toBeGreaterThan(30);
  });

  it('contains the title, every heading, paragraph and list item, the date and the signer, verbatim and in reading order', () => {
    const text = body.map((it) => it.str).join('');
    expect(orderProblems(text, readingOrder())).toEqual([]);
  });

  it('has no other text: between the blocks there are only list markers (・, I., II. …)', () => {
    const text = squash(body.map((it) => it.str).join(''));
    const gaps: string[] = [];
    let from = 0;
    for (const block of readingOrder()) {
      const at = text.indexOf(squash(block), from);
      if (at < 0) return expect.fail(`not found in order: ${block}`);
      gaps.push(text.slice(from, at));
      from = at + squash(block).length;
    }
    gaps.push(text.slice(from));
    expect(gaps.filter((g) => g !== '' && !/^(・|[IVX]+\.)+$/u.test(g))).toEqual([]);
  });

  it('is A4 portrait on every page, to the hundredth of a point', () => {
    for (const page of pages) {
      expect(page.size[0]).toBeCloseTo(A4.width, 2);
      expect(page.size[1]).toBeCloseTo(A4.height, 2);
    }
  });

  it('runs to several pages, each numbered "n / N" at the bottom centre', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      const numbers = page.items.filter((it) => PAGE_NUMBER.test(squash(it.str)));
      expect(numbers.map((it) => squash(it.str)), `page ${i + 1}`).toEqual([`${i + 1}/${pages.length}`]);
      const n = numbers[0]!;
      expect(n.y, 'in the bottom margin').toBeGreaterThan(page.size[1] - 22 * MM);
      expect(n.y, 'on the page').toBeLessThan(page.size[1]);
      expect(Math.abs(n.x + n.width / 2 - page.size[0] / 2), 'centred').toBeLessThan(3);
      // Below every other text on its page.
      const others = page.items.filter((it) => it !== n);
      expect(Math.max(...others.map((it) => it.y))).toBeLessThan(n.y);
    });
  });

  it('never leaves a heading as the last text of a page: body text follows it on the same page', () => {
    const headings = [policy.title, ...policy.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)];
    const stranded: string[] = [];
    let from = 0;
    for (const heading of headings) {
      const run = findRun(body, heading, from);
      expect(run, `heading "${heading}" as whole text items`).toBeDefined();
      const [first, last] = run!;
      from = last + 1;
      const page = body[first]!.page;
      // A heading broken over two pages is stranded too.
      if (body[last]!.page !== page) stranded.push(`${heading} (split over pages)`);
      const bottom = Math.max(...body.slice(first, last + 1).map((it) => it.y));
      const next = body[last + 1];
      if (!next || next.page !== page || next.y <= bottom) stranded.push(heading);
    }
    expect(stranded).toEqual([]);
  });

  it('sets headings in Gothic and the body in Mincho (at least two fonts)', () => {
    const fontNames = new Map(pages.flatMap((p) => p.fonts.map((f) => [f.loadedName, f.name] as const)));
    expect(new Set(fontNames.values()).size).toBeGreaterThanOrEqual(2);
    const fontsOf = (text: string, kind: string) => {
      const run = findRun(body, text);
      expect(run, `${kind} "${text}"`).toBeDefined();
      return body.slice(run![0], run![1] + 1).map((it) => fontNames.get(it.fontName) ?? it.fontName);
    };
    for (const b of policy.blocks) {
      if (b.kind === 'heading') for (const f of fontsOf(b.text, 'heading')) expect(f, b.text).toMatch(/Gothic/);
      if (b.kind === 'paragraph') for (const f of fontsOf(b.text, 'paragraph')) expect(f, b.text).toMatch(/Mincho/);
    }
    for (const f of fontsOf(policy.title, 'title')) expect(f).toMatch(/Gothic/);
  });
});
