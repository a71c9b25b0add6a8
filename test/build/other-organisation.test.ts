/**
 * Nothing is Okayama-specific: `build --content <folder>` with another organisation
 * (test/fixtures/content/minimal-org) prints that organisation's texts, at its own sizes, and
 * none of Okayama's. Run through the CLI entry point (without the compiled bin launcher).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadContent, policyTextBlocks, type Content } from '../../src/content/index.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { extractPdfText, type PdfPageText } from '../helpers/pdfText.js';
import { MINIMAL_DIR, MM, OKAYAMA_DIR, orderProblems, REPO_ROOT, squash, tempDir } from './support.js';

interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

async function cli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: { LANG: 'C' }, cwd: REPO_ROOT });
  return { code, out, err };
}

interface Doc {
  pages: PdfPageText[];
  text: string;
  info: Record<string, unknown>;
}

async function readDoc(file: string): Promise<Doc> {
  const bytes = new Uint8Array(readFileSync(file));
  const pages = await extractPdfText(bytes);
  const pdf = await loadPdf(bytes);
  try {
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    return { pages, text: pages.map((p) => p.items.map((it) => it.str).join('')).join(''), info };
  } finally {
    await pdf.destroy();
  }
}

describe('another organisation (minimal-org fixture)', () => {
  let tmp: string;
  let mine: Content;
  let okayama: Content;
  let posterRun: CliRun;
  let policyRun: CliRun;
  /** Okayama's own texts that the fixture does not also contain. */
  let okayamaOnly: string[];

  beforeAll(async () => {
    tmp = tempDir('kp-other-org-');
    mine = await loadContent(MINIMAL_DIR);
    okayama = await loadContent(OKAYAMA_DIR);
    // The fixture as it is: its products.yaml asks for posters only.
    posterRun = await cli(['build', '--content', 'test/fixtures/content/minimal-org', '--out', join(tmp, 'posters')]);
    // A copy that also asks for the policy, from the fixture's own policy.md.
    const copy = join(tmp, 'content', 'minimal-org');
    cpSync(MINIMAL_DIR, copy, { recursive: true });
    const products = readFileSync(join(copy, 'products.yaml'), 'utf8');
    writeFileSync(join(copy, 'products.yaml'), `${products.trimEnd()}\npolicy:\n  template: policy\n  output: kaku-policy.pdf\n`);
    policyRun = await cli(['build', '--content', copy, '--out', join(tmp, 'policy'), '--product', 'policy']);

    const own = squash(
      [
        JSON.stringify(mine.organisation),
        JSON.stringify(mine.poster),
        mine.policy!.title,
        ...policyTextBlocks(mine.policy!),
        JSON.stringify(mine.policy!.signer),
      ].join(''),
    );
    const p = okayama.poster!;
    okayamaOnly = [
      okayama.organisation.name,
      okayama.organisation.issuer,
      p.lead,
      p.headline,
      ...p.icons.map((i) => i.label),
      p.checklist.title,
      ...p.checklist.items,
      ...(p.checklist.source ? [p.checklist.source] : []),
      okayama.policy!.title,
      okayama.policy!.signer.name,
    ].filter((t) => !own.includes(squash(t)));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is really another organisation', () => {
    expect(mine.organisation.name).not.toBe(okayama.organisation.name);
    expect(JSON.stringify([mine.organisation, mine.poster, mine.policy?.html])).not.toContain('岡山');
    expect(okayamaOnly.length).toBeGreaterThan(10);
  });

  it('builds the fixture\'s own products, and only those, into <out>/minimal-org/', () => {
    // The print flavour's safe-area check (trim − 5 mm) rightly flags the 100×148 mm card's
    // lead, whose em box starts 3.6 mm below the trim; nothing else may be reported.
    expect(posterRun.err.filter((l) => !l.includes('layout/outside-safe-area') && !l.includes('断裁の安全域'))).toEqual([]);
    expect(posterRun.code).toBe(0);
    // Beside the organisation's folder: the gallery, its thumbnails and the build cache's manifest.
    expect(readdirSync(join(tmp, 'posters')).sort()).toEqual(['.kasuhara-cache.json', 'index.html', 'minimal-org', 'thumbnails']);
    expect(readdirSync(join(tmp, 'posters', 'minimal-org')).sort()).toEqual([
      'kaku-poster-100x148mm.pdf',
      'kaku-poster-100x148mm.print.pdf',
      'kaku-poster-100x148mm.web.pdf',
      'kaku-poster-b3.pdf',
      'kaku-poster-b3.print.pdf',
      'kaku-poster-b3.web.pdf',
    ]);
    expect(policyRun.err).toEqual([]);
    expect(policyRun.code).toBe(0);
    expect(readdirSync(join(tmp, 'policy', 'minimal-org')).sort()).toEqual(['kaku-policy.pdf', 'kaku-policy.print.pdf', 'kaku-policy.web.pdf']);
  });

  describe.each([
    { file: 'kaku-poster-b3.pdf', mm: [364, 515] }, // JIS B3
    { file: 'kaku-poster-100x148mm.pdf', mm: [100, 148] },
  ])('poster $file', ({ file, mm }) => {
    let doc: Doc;
    beforeAll(async () => {
      doc = await readDoc(join(tmp, 'posters', 'minimal-org', file));
    });

    it(`is one page of ${mm[0]} × ${mm[1]} mm`, () => {
      expect(doc.pages).toHaveLength(1);
      expect(doc.pages[0]!.size[0]).toBeCloseTo(mm[0]! * MM, 2);
      expect(doc.pages[0]!.size[1]).toBeCloseTo(mm[1]! * MM, 2);
    });

    it('carries its own texts, in reading order, and its headline as the title', () => {
      const p = mine.poster!;
      const texts = [
        p.lead,
        p.headline,
        ...p.icons.map((i) => i.label),
        p.checklist.title,
        ...p.checklist.items,
        ...(p.checklist.source ? [p.checklist.source] : []),
        mine.organisation.issuer,
      ];
      expect(orderProblems(doc.text, texts)).toEqual([]);
      expect(doc.info.Title).toBe(p.headline);
    });

    it('has nothing of Okayama in its text or metadata', () => {
      const all = squash(doc.text + JSON.stringify(doc.info));
      expect(all).not.toContain('岡山');
      expect(okayamaOnly.filter((t) => all.includes(squash(t)))).toEqual([]);
    });
  });

  describe('policy', () => {
    let doc: Doc;
    beforeAll(async () => {
      doc = await readDoc(join(tmp, 'policy', 'minimal-org', 'kaku-policy.pdf'));
    });

    it('carries its own title, every block, its date in wareki and its signer, in reading order', () => {
      const policy = mine.policy!;
      const order = [policy.title, ...policyTextBlocks(policy), '令和元年5月1日', policy.signer.title, policy.signer.name];
      expect(order).toContain('山田 太郎');
      expect(orderProblems(doc.text, order)).toEqual([]);
      expect(doc.info.Title).toBe(policy.title);
    });

    it('is numbered "n / N" on A4', () => {
      doc.pages.forEach((page, i) => {
        expect(page.size[0]).toBeCloseTo(210 * MM, 2);
        expect(page.size[1]).toBeCloseTo(297 * MM, 2);
        expect(page.items.map((it) => squash(it.str))).toContain(`${i + 1}/${doc.pages.length}`);
      });
    });

    it('has nothing of Okayama in its text or metadata', () => {
      const all = squash(doc.text + JSON.stringify(doc.info));
      expect(all).not.toContain('岡山');
      expect(okayamaOnly.filter((t) => all.includes(squash(t)))).toEqual([]);
    });
  });
});
