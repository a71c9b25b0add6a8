/**
 * The dev server without a browser: which outputs a changed file affects, that only those are
 * rebuilt, the HTTP surface (127.0.0.1, Host check, state, files), and the command line.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { classifyChanges, startDevServer, templatesUsingPartial, type BuildReport, type DevServer, type WatchRoots } from '../../src/dev/index.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('classifyChanges', () => {
  const roots: WatchRoots = {
    orgDirs: ['/p/content/okayama', '/p/content/kurashiki'],
    contentRoot: '/p/content',
    templatesDir: '/p/templates',
    assetsDir: '/p/assets',
    fontsDir: '/p/fonts',
  };

  it('sends a content file to its organisation only', () => {
    const i = classifyChanges(['/p/content/okayama/poster.yaml'], roots);
    expect([...i.orgDirs]).toEqual(['/p/content/okayama']);
    expect(i.all).toBe(false);
    expect(i.templates.size).toBe(0);
    expect(i.reset).toEqual({ templates: false, theme: false, icons: false, fonts: false });
  });

  it('sends a template to the jobs using it, and drops the compiled templates', () => {
    const i = classifyChanges(['/p/templates/poster.hbs'], roots);
    expect([...i.templates]).toEqual(['poster']);
    expect(i.all).toBe(false);
    expect(i.orgDirs.size).toBe(0);
    expect(i.reset.templates).toBe(true);
  });

  it('rebuilds everything for the theme, stylesheets, assets and fonts', () => {
    expect(classifyChanges(['/p/templates/theme.yaml'], roots)).toMatchObject({ all: true, reset: { theme: true } });
    expect(classifyChanges(['/p/templates/print.css'], roots)).toMatchObject({ all: true, reset: { templates: true } });
    expect(classifyChanges(['/p/assets/icons/counter.svg'], roots)).toMatchObject({ all: true, reset: { icons: true, fonts: false } });
    expect(classifyChanges(['/p/fonts/registry.yaml'], roots)).toMatchObject({ all: true, reset: { fonts: true, icons: false } });
  });

  it('notices a new organisation folder under content/ and ignores unrelated files', () => {
    expect([...classifyChanges(['/p/content/tamano/products.yaml'], roots).orgDirs]).toEqual(['/p/content/tamano']);
    const none = classifyChanges(['/p/README.md', '/p/content-old/x.yaml', '/p/content/okayama-old'], { orgDirs: roots.orgDirs, templatesDir: roots.templatesDir, assetsDir: roots.assetsDir, fontsDir: roots.fontsDir });
    expect(none.all).toBe(false);
    expect(none.orgDirs.size + none.templates.size).toBe(0);
  });
});

describe('templatesUsingPartial', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kp-partials-'));
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'poster.hbs'), '<body>{{> header}}</body>');
    writeFileSync(path.join(dir, 'policy.hbs'), '<body>{{#> footer}}x{{/footer}}</body>');
    writeFileSync(path.join(dir, 'partials/header.hbs'), '<h1>{{title}}</h1>');
    writeFileSync(path.join(dir, 'partials/footer.hbs'), '<p>{{~> small}}</p>');
    writeFileSync(path.join(dir, 'partials/small.hbs'), '<small>{{org.name}}</small>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows partials into partials', () => {
    expect(templatesUsingPartial(dir, 'header')).toEqual(['poster']);
    expect(templatesUsingPartial(dir, 'small')).toEqual(['policy']);
    expect(templatesUsingPartial(dir, 'unused')).toEqual([]);
  });

  it('gives up (every job) when a template names its partial dynamically', () => {
    writeFileSync(path.join(dir, 'tent.hbs'), '{{> (lookup . "which")}}');
    expect(templatesUsingPartial(dir, 'header')).toBeUndefined();
  });
});

describe('the dev server', () => {
  let root: string;
  let server: DevServer;
  const builds: BuildReport[] = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kp-dev-server-'));
    cpSync(path.join(REPO, 'content/okayama'), path.join(root, 'content/okayama'), { recursive: true });
    server = await startDevServer({ cwd: root, lang: 'en', port: 0, products: ['poster', 'policy'] }, { onBuild: (r) => builds.push(r) });
    await server.workspace.idle();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (pathname: string, host = `127.0.0.1:${server.port}`) =>
    new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: pathname, headers: { host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves the page, the state, images and the PDF on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<select id="flavour">');
    const state = JSON.parse((await get('/api/state')).body.toString());
    expect(state.building).toBe(false);
    const poster = state.orgs[0].jobs.find((j: { key: string }) => j.key === 'okayama/poster-a4').targets.pdf;
    expect(poster.status).toBe('ok');
    const png = await get(poster.pages[0].src);
    expect(png.type).toBe('image/png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    const pdf = await get(poster.files[0].href);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    // Another host name (DNS rebinding) gets nothing.
    expect((await get('/api/state', `attacker.example:${server.port}`)).status).toBe(403);
  });

  it('rebuilds only the jobs that use a changed template', async () => {
    builds.length = 0;
    server.workspace.applyChanges([path.join(REPO, 'templates/poster.hbs')]);
    await server.workspace.idle();
    expect(builds.map((b) => b.job).sort()).toEqual(['okayama/poster-a3', 'okayama/poster-a4', 'okayama/poster-b2']);
    expect(builds.every((b) => b.ok)).toBe(true);
  });

  it('rebuilds every job of an organisation whose content changed, and reports a content error', async () => {
    builds.length = 0;
    const file = path.join(root, 'content/okayama/organisation.yaml');
    server.workspace.applyChanges([file]);
    await server.workspace.idle();
    expect(builds.map((b) => b.job).sort()).toEqual(['okayama/policy', 'okayama/poster-a3', 'okayama/poster-a4', 'okayama/poster-b2']);

    builds.length = 0;
    writeFileSync(path.join(root, 'content/okayama/poster.yaml'), 'lead: [\n');
    server.workspace.applyChanges([path.join(root, 'content/okayama/poster.yaml')]);
    await server.workspace.idle();
    expect(builds).toEqual([]);
    const org = server.workspace.state().orgs[0]!;
    expect(org.error?.[0]).toMatchObject({ where: expect.stringMatching(/^content\/okayama\/poster\.yaml:\d+/), message: expect.stringContaining('YAML') });
    // The last good previews stay for the page to show under the error.
    expect(org.jobs.find((j) => j.key === 'okayama/poster-a4')!.targets.pdf!.pages).toHaveLength(1);
  });

  it('reports a busy port as an input error with a hint', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const e = await startDevServer({ cwd: root, lang: 'en', port, contentDirs: ['content/okayama'] }).then(() => undefined, (x: unknown) => x);
      expect(isUserInputError(e) && e.diagnostics[0]).toMatchObject({ code: 'dev/port', hint: { en: expect.stringContaining('--port 0') } });
    } finally {
      blocker.close();
    }
  });
});

describe('kasuhara-press dev (command line)', () => {
  const cli = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: REPO });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('rejects a bad port, a stray argument and options that write files', async () => {
    expect(await cli(['dev', '--port', '70000', '--lang', 'en'])).toMatchObject({ code: 1, err: expect.stringContaining('--port cannot be "70000"') });
    expect(await cli(['dev', 'content/okayama', '--lang', 'en'])).toMatchObject({ code: 1, err: expect.stringContaining('--content content/okayama') });
    expect(await cli(['dev', '--out', 'x', '--lang', 'ja'])).toMatchObject({ code: 1, err: expect.stringContaining('dev では --out は使えません') });
  });

  it('is listed in the help', async () => {
    expect((await cli(['--help', '--lang', 'en'])).out).toContain('kasuhara-press dev');
  });
});
