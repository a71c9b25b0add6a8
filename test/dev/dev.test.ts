/**
 * The live editor loop end to end, in headless Chromium (playwright-core, the system
 * browser; nothing is downloaded): `kasuhara-press dev --port 0` on a temporary copy of
 * content/okayama, then the page is watched while the content is edited, broken and fixed.
 * Skipped where /usr/bin/chromium is not installed (CI installs it, see .ci/run).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** How long an edit may take to reach the page. */
const BUDGET_MS = 2000;

/** The first page image's src once it is loaded, or null. */
const loadedSrc = (page: Page) =>
  page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>('main img.page');
    return img && img.complete && img.naturalWidth > 0 ? img.getAttribute('src') : null;
  });

async function pixels(png: Buffer): Promise<Buffer> {
  return sharp(png).removeAlpha().raw().toBuffer();
}

describe.skipIf(!existsSync(CHROMIUM))('kasuhara-press dev in headless Chromium', () => {
  let root: string;
  let posterFile: string;
  let original: string;
  let url: string;
  let browser: Browser | undefined;
  let page: Page;
  let stop: AbortController | undefined;
  let running: Promise<number> | undefined;
  const out: string[] = [];
  const err: string[] = [];
  /** The preview as first shown, and after the edit. */
  let firstSrc: string;
  let firstPng: Buffer;
  let editedSrc: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kp-dev-'));
    cpSync(path.join(REPO, 'content/okayama'), path.join(root, 'content/okayama'), { recursive: true });
    posterFile = path.join(root, 'content/okayama/poster.yaml');
    original = readFileSync(posterFile, 'utf8');
    stop = new AbortController();
    running = run(['dev', '--content', 'content/okayama', '--port', '0', '--lang', 'en'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: process.env,
      cwd: root,
      signal: stop.signal,
    });
    // The command prints the address once it listens; it must not end before that.
    const ended = running.then((code) => {
      throw new Error(`dev ended with ${code} before listening:\n${[...out, ...err].join('\n')}`);
    });
    const listening = (async () => {
      for (;;) {
        const found = out.map((l) => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(l)).find(Boolean);
        if (found) return found[0];
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    url = await Promise.race([listening, ended]);
    ended.catch(() => {});
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    stop?.abort();
    if (running) expect(await running).toBe(0);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 at a free port and shows the chosen job with its PDF link', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    await page.goto(`${url}?org=okayama&job=okayama/poster-a4&flavour=pdf`);
    await page.waitForFunction(() => document.body.dataset.status === 'ok' && document.querySelector<HTMLImageElement>('main img.page')?.naturalWidth, null, { timeout: 60_000 });
    firstSrc = (await loadedSrc(page))!;
    expect(firstSrc).toMatch(/^\/preview\/[0-9a-f]+\.png$/);

    const options = (id: string) => page.$$eval(`#${id} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await options('org')).toEqual(['okayama']);
    // One entry per product and size of products.yaml (which may list more products than these).
    expect(await options('job')).toEqual(expect.arrayContaining(['okayama/policy', 'okayama/poster-a4', 'okayama/poster-a3', 'okayama/poster-b2']));
    expect(await options('flavour')).toEqual(['pdf']);
    expect(await page.$eval('#job', (s) => (s as HTMLSelectElement).value)).toBe('okayama/poster-a4');

    const png = await page.request.get(new URL(firstSrc, url).href);
    expect(png.headers()['content-type']).toBe('image/png');
    firstPng = await png.body();
    const href = await page.$eval('#file', (a) => (a as HTMLAnchorElement).getAttribute('href'));
    const pdf = await page.request.get(new URL(href!, url).href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.isHidden('#overlay')).resolves.toBe(true);
    // Let the first build of the other jobs finish, so the timings below are those of an edit.
    await expect.poll(async () => (await (await page.request.get(`${url}api/state`)).json()).building, { timeout: 60_000 }).toBe(false);
  });

  it(`shows the new preview within ${BUDGET_MS} ms of a content edit, without a reload`, async () => {
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    writeFileSync(posterFile, original.replace(/^lead: .*$/m, 'lead: ～窓口は午前9時から午後5時まで～'));
    const started = Date.now();
    await page.waitForFunction((before) => {
      const img = document.querySelector<HTMLImageElement>('main img.page');
      return img !== null && img.getAttribute('src') !== before && img.complete && img.naturalWidth > 0;
    }, firstSrc, { timeout: BUDGET_MS });
    const elapsed = Date.now() - started;
    if (process.env.KP_DEV_TIMINGS) console.log(`edit → new preview: ${elapsed} ms`);
    expect(elapsed).toBeLessThan(BUDGET_MS);
    // Pushed, not reloaded: the page's own state survived.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    editedSrc = (await loadedSrc(page))!;
    const edited = await (await page.request.get(new URL(editedSrc, url).href)).body();
    const [a, b] = await Promise.all([pixels(firstPng), pixels(edited)]);
    expect(a.length).toBe(b.length);
    let changed = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
    expect(changed).toBeGreaterThan(100);
    // The other jobs of the organisation are rebuilt after the one on screen.
    await expect.poll(async () => (await (await page.request.get(`${url}api/state`)).json()).building, { timeout: 30_000 }).toBe(false);
  });

  it('shows a broken YAML file as an overlay with file:line and a hint, and the preview again once fixed', async () => {
    const edited = readFileSync(posterFile, 'utf8');
    const line = edited.split('\n').findIndex((l) => l.startsWith('lead:')) + 1;
    // A colon inside a plain value: YAML reads a second mapping there.
    writeFileSync(posterFile, edited.replace(/^lead: .*$/m, 'lead: 受付: 午前9時から'));
    const started = Date.now();
    await page.waitForSelector('#overlay:not([hidden])', { timeout: BUDGET_MS });
    if (process.env.KP_DEV_TIMINGS) console.log(`break → overlay: ${Date.now() - started} ms`);
    const text = await page.textContent('#overlay');
    expect(text).toContain(`content/okayama/poster.yaml:${line}:7`);
    expect(text).toContain('Cannot read this as YAML');
    expect(text).toMatch(/hint: .*indentation/);
    expect(await page.evaluate(() => document.body.dataset.status)).toBe('error');
    // The CLI printed it too, and the server is still running.
    expect(err.join('\n')).toContain(`error: content/okayama/poster.yaml:${line}:7: Cannot read this as YAML`);

    writeFileSync(posterFile, edited);
    const fixing = Date.now();
    await page.waitForSelector('#overlay', { state: 'hidden', timeout: BUDGET_MS });
    await page.waitForFunction(() => document.body.dataset.status === 'ok', null, { timeout: BUDGET_MS });
    if (process.env.KP_DEV_TIMINGS) console.log(`fix → preview: ${Date.now() - fixing} ms`);
    // The same content gives the same image (content-addressed src).
    expect(await loadedSrc(page)).toBe(editedSrc);
    expect(await page.isVisible('main img.page')).toBe(true);
  });
});
