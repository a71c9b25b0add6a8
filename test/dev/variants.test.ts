/**
 * Variants in the dev server (`dev --variant kita`, `dev --all`), without a browser: each
 * selected variant is its own entry with unique job keys and file URLs; a change to a variant
 * file or a translation rebuilds that variant alone; a broken variant shows its error while
 * the others stay; an unknown --variant is build's error. Always on a temporary copy of
 * content/okayama.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { classifyChanges, Workspace, type BuildReport, type LoadReport, type StateView } from '../../src/dev/index.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function copyOkayama(prefix: string): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(REPO, 'content/okayama'), path.join(root, 'content/okayama'), { recursive: true });
  return root;
}

const pdfHref = (state: StateView, key: string) => {
  const job = state.orgs.flatMap((o) => o.jobs).find((j) => j.key === key);
  return job?.targets.pdf?.files[0]?.href;
};

describe('classifyChanges with variants', () => {
  const org = '/p/content/okayama';
  const roots = {
    orgDirs: [org],
    templatesDir: '/p/templates',
    assetsDir: '/p/assets',
    fontsDir: '/p/fonts',
    variants: [
      { id: 'okayama-kita', orgDir: org, inputs: [`${org}/variants/kita.yaml`] },
      { id: 'okayama-en', orgDir: org, inputs: [`${org}/variants/en.yaml`, `${org}/i18n/en/poster.yaml`, `${org}/i18n/en/poster.readings.yaml`] },
    ],
  };

  it('sends a variant file or a translation to the variants made from it', () => {
    const kita = classifyChanges([`${org}/variants/kita.yaml`], roots);
    expect([...kita.orgDirs]).toEqual([org]);
    expect([...kita.variantsOnly.get(org)!]).toEqual(['okayama-kita']);
    expect([...classifyChanges([`${org}/i18n/en/poster.readings.yaml`], roots).variantsOnly.get(org)!]).toEqual(['okayama-en']);
    // A variant file nobody shows: loaded again (a new one may appear with --all), nothing rebuilt.
    expect([...classifyChanges([`${org}/variants/minami.yaml`], roots).variantsOnly.get(org)!]).toEqual([]);
  });

  it('sends a base file (with or without variant files) to every document of the organisation', () => {
    expect(classifyChanges([`${org}/poster.yaml`], roots).variantsOnly.has(org)).toBe(false);
    // Even when a shown variant names the base's own file (files: { poster: poster.yaml }).
    const naming = { ...roots, variants: [{ id: 'okayama-kita', orgDir: org, inputs: [`${org}/variants/kita.yaml`, `${org}/poster.yaml`] }] };
    expect(classifyChanges([`${org}/poster.yaml`], naming).variantsOnly.has(org)).toBe(false);
    const both = classifyChanges([`${org}/variants/kita.yaml`, `${org}/organisation.yaml`], roots);
    expect([...both.orgDirs]).toEqual([org]);
    expect(both.variantsOnly.has(org)).toBe(false);
  });
});

// The workspace without the server: no file watcher races the changes these tests apply.
describe('dev --variant kita --variant okayama-en', () => {
  let root: string;
  let workspace: Workspace;
  let kitaFile: string;
  const builds: BuildReport[] = [];
  const loads: LoadReport[] = [];

  beforeAll(async () => {
    root = copyOkayama('kp-dev-variants-');
    kitaFile = path.join(root, 'content/okayama/variants/kita.yaml');
    workspace = new Workspace(
      { cwd: root, lang: 'en', products: ['poster'], variants: ['kita', 'okayama-en'] },
      { onBuild: (r) => builds.push(r), onLoad: (r) => loads.push(r) },
    );
    await workspace.init();
    await workspace.idle();
  }, 60_000);
  afterAll(async () => {
    workspace?.close();
    await workspace?.idle();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const rebuild = async (file: string) => {
    builds.length = 0;
    loads.length = 0;
    workspace.applyChanges([file]);
    await workspace.idle();
    return builds.map((b) => b.job).sort();
  };

  it('shows the base and each variant, labelled, under unique job keys and file URLs', () => {
    const state = workspace.state();
    expect(loads.map((l) => [l.org, l.ok, l.jobs])).toEqual([['okayama', true, 3], ['okayama-en', true, 3], ['okayama-kita', true, 3]]);
    expect(state.orgs.map((o) => [o.id, o.label, o.variantOf])).toEqual([
      ['okayama', '岡山市', undefined],
      ['okayama-en', 'English', 'okayama'],
      ['okayama-kita', '北区役所', 'okayama'],
    ]);
    const keys = state.orgs.flatMap((o) => o.jobs.map((j) => j.key));
    expect(keys).toContain('okayama-kita/poster-a4');
    expect(keys).toContain('okayama-en/poster-a4');
    expect(new Set(keys).size).toBe(keys.length);
    const hrefs = keys.map((k) => pdfHref(state, k));
    expect(hrefs.every(Boolean)).toBe(true);
    expect(new Set(hrefs.map((h) => h!.split('?')[0])).size).toBe(keys.length);
    expect(pdfHref(state, 'okayama-kita/poster-a4')).toMatch(/^\/file\/okayama-kita\/poster-a4\/pdf\/poster-a4\.pdf\?v=/);
    expect(builds.every((b) => b.ok)).toBe(true);
  });

  it('rebuilds only the variant whose file changed, and the new PDF differs', async () => {
    const before = workspace.state();
    writeFileSync(kitaFile, readFileSync(kitaFile, 'utf8').replace('phone: 〔要記入：電話番号〕', 'phone: 086-803-0000'));
    expect(await rebuild(kitaFile)).toEqual(['okayama-kita/poster-a3', 'okayama-kita/poster-a4', 'okayama-kita/poster-b2']);
    const after = workspace.state();
    expect(pdfHref(after, 'okayama-kita/poster-a4')).not.toBe(pdfHref(before, 'okayama-kita/poster-a4'));
    expect(pdfHref(after, 'okayama/poster-a4')).toBe(pdfHref(before, 'okayama/poster-a4'));
  });

  it('rebuilds only the translation\'s variant when a translated poster changes', async () => {
    const file = path.join(root, 'content/okayama/i18n/en/poster.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^lead: (.*)$/m, 'lead: Edited. $1'));
    expect(await rebuild(file)).toEqual(['okayama-en/poster-a3', 'okayama-en/poster-a4', 'okayama-en/poster-b2']);
  });

  it('shows a broken variant\'s error on that variant alone, and rebuilds it once fixed', async () => {
    const good = readFileSync(kitaFile, 'utf8');
    writeFileSync(kitaFile, good.replace(/^extends: okayama$/m, 'extends: nowhere'));
    expect(await rebuild(kitaFile)).toEqual([]);
    const state = workspace.state();
    const kita = state.orgs.find((o) => o.id === 'okayama-kita')!;
    expect(kita.error?.[0]).toMatchObject({ code: 'variant/unknown-parent', where: expect.stringMatching(/^content\/okayama\/variants\/kita\.yaml:\d+/) });
    expect(state.orgs.filter((o) => o.error).map((o) => o.id)).toEqual(['okayama-kita']);
    expect(loads.map((l) => [l.org, l.ok])).toEqual([['okayama', true], ['okayama-en', true], ['okayama-kita', false]]);
    // The last good preview stays under the error.
    expect(kita.jobs.find((j) => j.key === 'okayama-kita/poster-a4')!.targets.pdf!.pages).toHaveLength(1);

    writeFileSync(kitaFile, good);
    expect(await rebuild(kitaFile)).toEqual(['okayama-kita/poster-a3', 'okayama-kita/poster-a4', 'okayama-kita/poster-b2']);
    expect(workspace.state().orgs.some((o) => o.error)).toBe(false);
  });

  it('rebuilds the base and every variant when a base file changes', async () => {
    const jobs = await rebuild(path.join(root, 'content/okayama/organisation.yaml'));
    expect(jobs).toHaveLength(9);
    expect(new Set(jobs.map((j) => j.split('/')[0]))).toEqual(new Set(['okayama', 'okayama-en', 'okayama-kita']));
  });
});

describe('dev --all', () => {
  it('shows every variant of the folder, each once', async () => {
    const root = copyOkayama('kp-dev-all-');
    const workspace = new Workspace({ cwd: root, lang: 'ja', products: ['tent'], variants: 'all' });
    try {
      await workspace.init();
      await workspace.idle();
      const state = workspace.state();
      const ids = state.orgs.map((o) => o.id);
      expect(ids[0]).toBe('okayama');
      expect(ids).toEqual(expect.arrayContaining(['okayama-kita', 'okayama-en', 'okayama-easy-ja', 'okayama-zh-hant', 'okayama-hoken-nenkin']));
      expect(ids).toHaveLength(13);
      expect(state.orgs.find((o) => o.id === 'okayama-minami')!.jobs.map((j) => j.key)).toEqual(['okayama-minami/tent']);
      expect(state.orgs.every((o) => !o.error && o.jobs[0]?.targets.pdf?.status === 'ok')).toBe(true);
    } finally {
      workspace.close();
      await workspace.idle();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('dev --variant on the command line', () => {
  const cli = async (argv: string[], cwd = REPO, signal?: AbortSignal) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd, ...(signal ? { signal } : {}) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('rejects an unknown variant with the message build gives', async () => {
    const dev = await cli(['dev', '--variant', 'kitaa', '--lang', 'en']);
    expect(dev).toMatchObject({ code: 1, err: expect.stringContaining('There is no variant "kitaa"') });
    expect(dev.err).toContain('okayama-kita');
    const build = await cli(['build', '--variant', 'kitaa', '--lang', 'en', '--out', path.join(tmpdir(), 'kp-dev-variants-unused')]);
    expect(dev.err).toBe(build.err);
    expect((await cli(['dev', '--variant', 'kitaa', '--lang', 'ja'])).err).toContain('--variant に指定したバリエーション「kitaa」はありません');
  });

  it('takes --all (checked after the other options, like build)', async () => {
    expect(await cli(['dev', '--all', '--port', '70000', '--lang', 'en'])).toMatchObject({ code: 1, err: expect.stringContaining('--port cannot be "70000"') });
  });

  it('rebuilds the variant when its file is saved', async () => {
    const root = copyOkayama('kp-dev-variant-cli-');
    const stop = new AbortController();
    const out: string[] = [];
    const running = run(['dev', '--variant', 'kita', '--product', 'poster', '--port', '0', '--lang', 'en'], { out: (l) => out.push(l), err: () => {}, env: {}, cwd: root, signal: stop.signal });
    try {
      const built = (key: string) => out.filter((l) => l.startsWith(`${key} [pdf]`)).length;
      await expect.poll(() => built('okayama/poster-a4') + built('okayama-kita/poster-a4'), { timeout: 30_000 }).toBe(2);
      const file = path.join(root, 'content/okayama/variants/kita.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('phone: 〔要記入：電話番号〕', 'phone: 086-803-0000'));
      await expect.poll(() => built('okayama-kita/poster-a4'), { timeout: 10_000 }).toBe(2);
      expect(out).toContain('Changed: content/okayama/variants/kita.yaml');
      expect(built('okayama/poster-a4')).toBe(1);
    } finally {
      stop.abort();
      expect(await running).toBe(0);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
