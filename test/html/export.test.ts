/**
 * The HTML export of the bundled Okayama products (products.yaml: `html: true` on policy and
 * poster), built with buildAll into a temporary folder: semantics, text, links, Open Graph
 * image, and byte-identical rebuilds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils } from 'htmlparser2';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../../src/build/build.js';
import { HtmlExports } from '../../src/build/html.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { formatFileSize } from '../../src/units.js';
import { OKAYAMA_DIR, buildInto, type Built } from '../build/support.js';
import { headingLevels, policySourceText, readPage, squash, type Page } from './support.js';

describe('HTML export of content/okayama', () => {
  let built: Built;
  let again: Built;
  let policy: Page;
  let poster: Page;
  let policyHtml: string;
  const file = (name: string) => join(built.outDir, 'okayama', name);

  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['policy', 'poster'], env: {} });
    again = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['policy', 'poster'], env: {} });
    policyHtml = readFileSync(file('policy.html'), 'utf8');
    policy = readPage(policyHtml);
    poster = readPage(readFileSync(file('poster.html'), 'utf8'));
  });
  afterAll(() => [built, again].forEach((b) => b?.cleanup()));

  it('reports policy.html and its Open Graph image among the outputs', () => {
    const files = built.result.outputs.map((o) => o.file.split('/').at(-1));
    expect(files).toEqual(expect.arrayContaining(['policy.html', 'policy.og.png', 'poster.html', 'poster.og.png']));
  });

  it('policy.html: lang="ja", a title, charset and viewport first in <head>', () => {
    expect(policy.one('html')?.attribs.lang).toBe('ja');
    expect(policy.text(policy.all('title'))).toBe('岡山市職員に対するカスタマー・ハラスメント対策基本方針');
    const head = policy.one('head')!.children.filter((c) => c.type === 'tag') as { attribs: Record<string, string> }[];
    expect(head[0]?.attribs.charset).toBe('utf-8');
    expect(head[1]?.attribs.name).toBe('viewport');
  });

  it.each(['policy', 'poster'])('%s.html: one h1, first, and heading levels never skip', (name) => {
    const levels = headingLevels(name === 'policy' ? policy : poster);
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
  });

  it('policy.html: section 3\'s "####" items become h3 under their h2 (policy.md skips h3 there)', () => {
    const levels = headingLevels(policy);
    expect(levels).toEqual([1, 2, 3, 2, 3, 3, 4, 4, 2, 3, 3, 3]);
    expect(policy.text(policy.all('h3')).includes('○予防')).toBe(true);
  });

  it('policy.html: header, main and footer landmarks, the h1 in the header', () => {
    expect(policy.all('body > header h1')).toHaveLength(1);
    expect(policy.all('body > main')).toHaveLength(1);
    expect(policy.all('body > footer')).toHaveLength(1);
  });

  it('policy.html: the policy text is all there, verbatim and in order (whitespace aside)', async () => {
    const source = await policySourceText();
    // A fresh copy without the PDF link and ruby readings (<rt>/<rp>: furigana, not source text).
    const copy = readPage(policyHtml);
    copy.all('.kp-downloads, rt, rp').forEach((e) => DomUtils.removeElement(e));
    expect(squash(copy.text(copy.one('body')!))).toBe(squash(source.join('')));
  });

  it('policy.html: lists are real ol/ul with li — the three pillars an ol', () => {
    const pillars = policy.all('main ol > li').map((li) => policy.text(li));
    expect(pillars).toEqual([
      '行政サービスの利用者等からの意見・要望に真摯に対応します',
      'カスタマー・ハラスメントから職員を守ります',
      'カスタマー・ハラスメントには、毅然として組織的に対応します',
    ]);
    expect(policy.all('main ul > li')).toHaveLength(17);
    expect(policy.all('li').every((li) => ['ul', 'ol'].includes((li.parent as { name?: string }).name ?? ''))).toBe(true);
  });

  it('policy.html: nothing for the typesetter is left (data-src, kp-*, @page, print units)', () => {
    expect(policyHtml).not.toMatch(/data-src|<kp-|@page|-kp-|counter\(page/);
    const css = policy.text(policy.all('style'));
    expect(css).not.toMatch(/\d(mm|pt|vw|vh)\b/);
    expect(css).toMatch(/max-width:42rem/);
    expect(css).toMatch(/overflow-wrap:anywhere/);
    expect(policyHtml).not.toMatch(/<script|<link|src="http|url\(/);
  });

  it('policy.html links the PDF with its size', () => {
    const links = policy.all('a[type="application/pdf"]');
    expect(links).toHaveLength(1);
    const href = links[0]!.attribs.href!;
    expect(['policy.web.pdf', 'policy.pdf']).toContain(href);
    if (existsSync(file('policy.web.pdf'))) expect(href).toBe('policy.web.pdf');
    const bytes = readFileSync(file(href)).length;
    expect(policy.text(links[0]!)).toBe(`PDF版（${formatFileSize(bytes)}）`);
    expect(formatFileSize(bytes)).toMatch(/^\d+ KB$/);
  });

  it('poster.html links each size; icons have their labels as names, check marks are hidden; the URL is a link', () => {
    expect(poster.all('a[type="application/pdf"]').map((a) => poster.text(a).replace(/（.*/, ''))).toEqual(['PDF版 A4', 'PDF版 A3', 'PDF版 B2']);
    expect(poster.all('svg[role="img"]').map((s) => s.attribs['aria-label'])).toEqual(['暴言・大声', '過度な要求', '脅迫的な言動', '長時間の拘束']);
    const hidden = poster.all('svg[aria-hidden="true"]');
    expect(hidden).toHaveLength(8);
    expect(poster.all('svg').every((s) => s.attribs.role === 'img' || s.attribs['aria-hidden'] === 'true')).toBe(true);
    expect(poster.all('a[href="https://www.city.okayama.jp/shisei/0000074924.html"]')).toHaveLength(1);
  });

  it('Open Graph: og:title, og:description, og:type, og:image → a 1200×630 PNG beside the page', async () => {
    const meta = (p: string) => policy.one(`meta[property="${p}"]`)?.attribs.content;
    expect(meta('og:title')).toBe('岡山市職員に対するカスタマー・ハラスメント対策基本方針');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:description')).toMatch(/^岡山市では、.*。$/);
    expect(policy.one('meta[name="description"]')?.attribs.content).toBe(meta('og:description'));
    expect(meta('og:image')).toBe('policy.og.png');
    const png = readFileSync(file('policy.og.png'));
    const info = await sharp(png).metadata();
    expect([info.format, info.width, info.height]).toEqual(['png', 1200, 630]);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    // Our rendering, not a blank card: dark text pixels and the theme's blue rule are there.
    const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let dark = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i]! < 80 && data[i + 1]! < 80 && data[i + 2]! < 80) dark++;
    expect(dark).toBeGreaterThan(5000);
  });

  it('the same page when the build has no display list on this thread (a worker laid it out)', async () => {
    const jobs = await planJobs({ cwd: built.outDir, contentDirs: [OKAYAMA_DIR], outDir: built.outDir, products: ['policy'] }, new DiagnosticBag());
    const exports = new HtmlExports();
    jobs.forEach((j) => exports.note(j));
    const sizes = new Map(['policy.pdf', 'policy.web.pdf'].filter((f) => existsSync(file(f))).map((f) => [file(f), built.read('okayama', f).length] as const));
    const files = await exports.outputs(sizes, {});
    expect(files.map((f) => f.path)).toEqual([file('policy.html'), file('policy.og.png')]);
    expect(Buffer.compare(Buffer.from(files[0]!.bytes), built.read('okayama', 'policy.html'))).toBe(0);
    expect(Buffer.compare(Buffer.from(files[1]!.bytes), built.read('okayama', 'policy.og.png'))).toBe(0);
  });

  it.each(['policy.html', 'policy.og.png', 'poster.html', 'poster.og.png'])('%s is byte-identical when built twice', (name) => {
    expect(Buffer.compare(built.read('okayama', name), again.read('okayama', name))).toBe(0);
  });
});
