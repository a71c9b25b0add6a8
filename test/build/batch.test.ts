/**
 * Batch builds: worker threads make the same bytes as the main thread, the cache skips
 * unchanged documents (and only those), --force rebuilds, and the gallery lists every output
 * with a thumbnail. The gallery page is read with htmlparser2 and the thumbnails with sharp.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'css-select';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll, type BuildResult } from '../../src/build/build.js';
import { MINIMAL_DIR, OKAYAMA_DIR, REPO_ROOT, tempDir } from './support.js';

const made: string[] = [];
const dir = () => {
  const d = tempDir('kp-batch-');
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const WARDS = ['okayama-kita', 'okayama-naka', 'okayama-higashi', 'okayama-minami'];
const pdfs = (r: BuildResult) => r.outputs.filter((o) => o.file.endsWith('.pdf'));

describe('batch build of four wards × poster', () => {
  let mainOut: string;
  let poolOut: string;
  let onMain: BuildResult;
  let inPool: BuildResult;
  beforeAll(async () => {
    mainOut = dir();
    poolOut = dir();
    const request = { cwd: REPO_ROOT, contentDirs: [OKAYAMA_DIR], variants: WARDS, products: ['poster'] };
    onMain = await buildAll({ ...request, outDir: mainOut, env: { KASUHARA_WORKERS: '0' } });
    inPool = await buildAll({ ...request, outDir: poolOut, env: { KASUHARA_WORKERS: '2' } });
  }, 120_000);

  it('makes every variant × size × flavour', () => {
    expect(pdfs(onMain)).toHaveLength(4 * 3 * 3);
    for (const ward of WARDS) for (const f of ['poster-a4.pdf', 'poster-b2.print.pdf', 'poster-a3.web.pdf']) expect(existsSync(join(mainOut, ward, f))).toBe(true);
  });

  it('worker threads write byte for byte what the main thread writes', () => {
    const names = (r: BuildResult) => pdfs(r).map((o) => o.file.split('/').slice(-2).join('/')).sort();
    expect(names(inPool)).toEqual(names(onMain));
    for (const ward of WARDS) {
      for (const f of ['poster-a4.pdf', 'poster-a3.print.pdf', 'poster-b2.web.pdf', 'poster.html']) {
        expect(Buffer.compare(readFileSync(join(mainOut, ward, f)), readFileSync(join(poolOut, ward, f))), `${ward}/${f}`).toBe(0);
      }
    }
  });

  it('the gallery lists every document with its thumbnail, every file with its size, and the language', async () => {
    const html = readFileSync(join(mainOut, 'index.html'), 'utf8');
    const dom = parseDocument(html);
    const links = (selectAll('a', dom) as unknown as Element[]).map((a) => a.attribs.href!);
    const written = [...pdfs(onMain), ...onMain.outputs.filter((o) => o.file.endsWith('.html'))].map((o) => o.file.slice(o.file.indexOf('okayama-')));
    expect(links.sort()).toEqual(written.sort());
    const images = (selectAll('img', dom) as unknown as Element[]).map((i) => i.attribs);
    expect(images).toHaveLength(4 * 3); // one per document
    for (const img of images) {
      expect(img.alt).toBeTruthy();
      const meta = await sharp(join(mainOut, img.src!)).metadata();
      expect(meta.format).toBe('png');
      expect(meta.height).toBe(240);
    }
    expect(html).toContain('北区役所');
    expect(html).toContain('日本語');
  });
});

describe('the build cache', () => {
  let content: string;
  let out: string;
  const build = (extra: { force?: boolean } = {}) =>
    buildAll({ cwd: REPO_ROOT, contentDirs: [content], outDir: out, products: ['poster', 'handout'], env: {}, ...extra });
  beforeAll(() => {
    content = join(dir(), 'okayama');
    cpSync(OKAYAMA_DIR, content, { recursive: true });
    out = dir();
  });

  it('skips documents whose inputs did not change, and says so', async () => {
    const first = await build();
    expect(first.outputs.some((o) => o.cached)).toBe(false);
    const before = readFileSync(join(out, 'okayama', 'handout.pdf'));
    const second = await build();
    expect(pdfs(second).every((o) => o.cached)).toBe(true);
    expect(pdfs(second).map((o) => o.file).sort()).toEqual(pdfs(first).map((o) => o.file).sort());
    expect(Buffer.compare(readFileSync(join(out, 'okayama', 'handout.pdf')), before)).toBe(0);
  }, 60_000);

  it('rebuilds a deleted or altered output, and everything after a content change', async () => {
    rmSync(join(out, 'okayama', 'poster-a3.print.pdf'));
    writeFileSync(join(out, 'okayama', 'handout.web.pdf'), 'not a pdf');
    const repaired = await build();
    const rebuilt = pdfs(repaired).filter((o) => !o.cached).map((o) => o.file.split('/').pop());
    // Each flavour is cached on its own: only the two damaged files are made again.
    expect(rebuilt.sort()).toEqual(['handout.web.pdf', 'poster-a3.print.pdf']);
    expect(readFileSync(join(out, 'okayama', 'handout.web.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const poster = join(content, 'poster.yaml');
    writeFileSync(poster, readFileSync(poster, 'utf8').replace('～みんなが気持ちよく過ごせるように～', '～みんなが安心して過ごせるように～'));
    const changed = await build();
    expect(pdfs(changed).some((o) => o.cached)).toBe(false);
  }, 60_000);

  it('--flavour makes only the kinds asked for; a later full build reuses them', async () => {
    const fresh = dir();
    const printOnly = await buildAll({ cwd: REPO_ROOT, contentDirs: [content], outDir: fresh, products: ['poster'], flavours: ['print'], env: {} });
    expect(printOnly.outputs.map((o) => o.file.split('/').pop()).sort()).toEqual(['poster-a3.print.pdf', 'poster-a4.print.pdf', 'poster-b2.print.pdf']);
    expect(existsSync(join(fresh, 'okayama', 'poster.html'))).toBe(false);
    const full = await buildAll({ cwd: REPO_ROOT, contentDirs: [content], outDir: fresh, products: ['poster'], env: {} });
    expect(pdfs(full).filter((o) => o.cached).map((o) => o.file.split('/').pop()).sort()).toEqual(['poster-a3.print.pdf', 'poster-a4.print.pdf', 'poster-b2.print.pdf']);
    expect(pdfs(full).filter((o) => !o.cached)).toHaveLength(6);
    expect(existsSync(join(fresh, 'okayama', 'poster.html'))).toBe(true);
  }, 60_000);

  it('rebuilds only the variants that read an edited variant or translation file', async () => {
    const wards = await buildAll({ cwd: REPO_ROOT, contentDirs: [content], outDir: out, variants: ['okayama', 'okayama-kita', 'okayama-en'], products: ['poster'], flavours: ['pdf'], env: {} });
    expect(pdfs(wards).length).toBe(9);
    const edit = (rel: string, from: string, to: string) => {
      const file = join(content, rel);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    const rebuilt = async () => {
      const r = await buildAll({ cwd: REPO_ROOT, contentDirs: [content], outDir: out, variants: ['okayama', 'okayama-kita', 'okayama-en'], products: ['poster'], flavours: ['pdf'], env: {} });
      return [...new Set(pdfs(r).filter((o) => !o.cached).map((o) => o.file.split('/').slice(-2, -1)[0]))].sort();
    };
    edit('variants/kita.yaml', '〔要記入：電話番号〕', '086-000-0000');
    expect(await rebuilt()).toEqual(['okayama-kita']);
    edit('i18n/en/poster.yaml', 'lead: So that everyone feels at ease', 'lead: So that everyone can feel at ease');
    expect(await rebuilt()).toEqual(['okayama-en']);
    edit('organisation.yaml', 'name: 岡山市', 'name: 岡山市 ');
    expect(await rebuilt()).toEqual(['okayama', 'okayama-en', 'okayama-kita']);
  }, 90_000);

  it('--force rebuilds everything', async () => {
    await build();
    const forced = await build({ force: true });
    expect(pdfs(forced).some((o) => o.cached)).toBe(false);
  }, 60_000);
});

describe('a broken variant that the build does not ask for', () => {
  it('fails the build neither on the main thread nor in a worker', async () => {
    const content = join(dir(), 'okayama');
    cpSync(OKAYAMA_DIR, content, { recursive: true });
    writeFileSync(join(content, 'variants', 'broken.yaml'), 'extends: nowhere\nstatus: draft\n');
    // Five documents: the main thread's four lanes take the first four, a worker the fifth.
    const request = { cwd: REPO_ROOT, contentDirs: [content], products: ['poster', 'handout', 'tent'], flavours: ['pdf' as const] };
    for (const workers of ['0', '1']) {
      const result = await buildAll({ ...request, outDir: dir(), env: { KASUHARA_WORKERS: workers } });
      expect(pdfs(result).map((o) => o.file.split('/').pop()).sort(), `KASUHARA_WORKERS=${workers}`).toEqual(['handout.pdf', 'poster-a3.pdf', 'poster-a4.pdf', 'poster-b2.pdf', 'tent.pdf']);
    }
    // Nor when another organisation's variant is asked for.
    const other = await buildAll({ cwd: REPO_ROOT, contentDirs: [content, MINIMAL_DIR], variants: ['minimal-org'], flavours: ['pdf'], outDir: dir(), env: {} });
    expect(new Set(pdfs(other).map((o) => o.file.split('/').slice(-2, -1)[0]))).toEqual(new Set(['minimal-org']));
    // A mistyped name is reported as such, with a suggestion, whatever the files it did not name.
    await expect(buildAll({ ...request, outDir: dir(), variants: ['kitta'], env: {} })).rejects.toThrow(/kitta/);
    try {
      await buildAll({ ...request, outDir: dir(), variants: ['kitta'], env: {} });
    } catch (e) {
      expect((e as { diagnostics: { code: string; hint: { en: string } }[] }).diagnostics[0]).toMatchObject({ code: 'build/unknown-variant', hint: { en: expect.stringContaining('Did you mean "kita"?') } });
    }
    // Asked for, it is an error naming the file.
    await expect(buildAll({ ...request, outDir: dir(), variants: ['broken'], env: {} })).rejects.toThrow(/nowhere/);
  }, 120_000);
});
