/**
 * `check --web` (src/preflight/web.ts) on a PDF written by pdf-lib alone — untagged, no
 * language, no XMP, a standard font not embedded — and on our own web flavours, which pass
 * every rule. Each rule is also shown to catch its own defect in an otherwise tagged file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { preflightWeb, WEB_RULES, type WebPreflightResult } from '../../src/preflight/web.js';
import { buildInto, OKAYAMA_DIR, type Built } from '../build/support.js';

async function untaggedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText('Hello', { x: 20, y: 100, font: await doc.embedFont(StandardFonts.Helvetica), size: 18 });
  page.drawRectangle({ x: 20, y: 20, width: 50, height: 20 });
  return doc.save();
}

const failed = (rs: WebPreflightResult[]) => new Set(rs.filter((r) => r.status === 'fail').map((r) => r.rule));

describe('web preflight', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['policy', 'poster', 'handout'] });
  }, 120_000);
  afterAll(() => built?.cleanup());

  it('reports the missing tags, language, title, XMP, unmarked content and unembedded font of a pdf-lib PDF', async () => {
    const rs = await preflightWeb(await untaggedPdf());
    expect([...failed(rs)].sort()).toEqual(['fonts', 'lang', 'marked-content', 'metadata', 'tagged', 'title'].sort());
    expect(rs.find((r) => r.rule === 'marked-content')).toMatchObject({ page: 1, object: expect.stringMatching(/op #\d+ (TJ|Tj|f|S|B)/) });
    expect(rs.find((r) => r.rule === 'fonts' && r.status === 'fail')!.object).toMatch(/Helvetica/);
    // Every rule appears, as pass or as findings.
    expect(new Set(rs.map((r) => r.rule))).toEqual(new Set(WEB_RULES));
  });

  it.each(['policy.web.pdf', 'poster-a4.web.pdf', 'poster-b2.web.pdf', 'handout.web.pdf'])('passes every rule on our %s', async (file) => {
    const rs = await preflightWeb(built.read('okayama', file));
    expect(rs.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(rs.map((r) => r.rule)).toEqual([...WEB_RULES]);
  });

  it('fails the plain (untagged) flavour', async () => {
    expect(failed(await preflightWeb(built.read('okayama', 'policy.pdf')))).toContain('tagged');
  });

  it('catches a Figure without /Alt, a link without /Contents and a page without /Tabs', async () => {
    const doc = await PDFDocument.load(built.read('okayama', 'handout.web.pdf'));
    const { context } = doc;
    for (const [, obj] of context.enumerateIndirectObjects()) {
      const dict = obj as unknown as { get?(n: PDFName): unknown; delete?(n: PDFName): void };
      if (typeof dict.get !== 'function') continue;
      const role = String(dict.get(PDFName.of('S')) ?? '');
      if (role === '/Figure') dict.delete!(PDFName.of('Alt'));
      if (String(dict.get(PDFName.of('Subtype')) ?? '') === '/Link') dict.delete!(PDFName.of('Contents'));
    }
    doc.getPages()[0]!.node.delete(PDFName.of('Tabs'));
    const rs = await preflightWeb(await doc.save({ useObjectStreams: false }));
    expect([...failed(rs)].sort()).toEqual(['annotations', 'figures']);
    expect(rs.filter((r) => r.rule === 'annotations').map((r) => r.object)).toEqual(['Page /Tabs', 'Annot #1 /Link']);
  });

  it('catches MCIDs the ParentTree does not know and skipped heading levels', async () => {
    const doc = await PDFDocument.load(built.read('okayama', 'policy.web.pdf'));
    doc.getPages()[1]!.node.delete(PDFName.of('StructParents'));
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      const dict = obj as unknown as { get?(n: PDFName): unknown; set?(n: PDFName, v: unknown): void };
      if (typeof dict.get === 'function' && String(dict.get(PDFName.of('S'))) === '/H2') dict.set!(PDFName.of('S'), PDFName.of('H5'));
    }
    const rs = await preflightWeb(await doc.save({ useObjectStreams: false }));
    expect([...failed(rs)].sort()).toEqual(['headings', 'parent-tree']);
    expect(rs.find((r) => r.rule === 'parent-tree')).toMatchObject({ page: 2 });
  });
});

describe('kasuhara-press check --web', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kp-preflight-web-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: { LANG: 'en_US.UTF-8' }, cwd: dir } };
  };

  it('exits 1 on an untagged PDF and lists the failures; --json gives the list', async () => {
    writeFileSync(path.join(dir, 'plain.pdf'), await untaggedPdf());
    const t = io();
    expect(await run(['check', 'plain.pdf', '--web'], t.io)).toBe(1);
    expect(t.out.join('\n')).toMatch(/^FAIL {2}tagged +Catalog \/MarkInfo: No MarkInfo \/Marked true/m);
    const j = io();
    expect(await run(['check', 'plain.pdf', '--web', '--json'], j.io)).toBe(1);
    const list = JSON.parse(j.out.join('\n')) as WebPreflightResult[];
    expect(list.some((r) => r.rule === 'lang' && r.status === 'fail')).toBe(true);
  });

  it('rejects --print with --web, and --ink-limit with --web', async () => {
    writeFileSync(path.join(dir, 'plain.pdf'), await untaggedPdf());
    const both = io();
    expect(await run(['check', 'plain.pdf', '--web', '--print'], both.io)).toBe(1);
    expect(both.err.join('\n')).toMatch(/either --print or --web/);
    const ink = io();
    expect(await run(['check', 'plain.pdf', '--web', '--ink-limit', '300'], ink.io)).toBe(1);
    expect(ink.out).toEqual([]);
  });
});
