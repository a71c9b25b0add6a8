/**
 * The exported pages in headless Chromium (Debian's /usr/bin/chromium via playwright-core;
 * nothing is downloaded): axe-core finds no WCAG 2.0/2.1 A/AA or best-practice violation,
 * and there is no horizontal scroll at 320 px nor at 200 % zoom. A deliberately bad page
 * proves the checker can fail. Skipped without Chromium (CI installs it, see .ci/run).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script shared with scripts/conformance.mjs, no types.
import { checkHtmlPage, haveChromium, launchChromium } from '../../scripts/html-check.mjs';
import { OKAYAMA_DIR, buildInto, type Built } from '../build/support.js';

type Check = {
  violations: { id: string; help: string; nodes: string[] }[];
  widths: { name: string; viewport: number; scrollWidth: number; requests: string[] }[];
};

describe.skipIf(!haveChromium())('HTML export in headless Chromium', () => {
  let browser: Browser;
  let built: Built;
  let scratch: string;

  beforeAll(async () => {
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['policy', 'poster'], env: {} });
    scratch = mkdtempSync(join(tmpdir(), 'kp-html-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    built?.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it.each(['policy.html', 'poster.html'])('%s: axe-core finds 0 violations; no horizontal scroll at 320 px nor zoomed to 200 per cent; loads nothing', async (name) => {
    const result: Check = await checkHtmlPage(browser, join(built.outDir, 'okayama', name));
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.join(', ')})`)).toEqual([]);
    expect(result.widths.map((w) => w.name)).toEqual(['320px', '1280px at 200%', '1280px']);
    for (const w of result.widths) {
      expect(w.scrollWidth, w.name).toBeLessThanOrEqual(w.viewport);
      expect(w.requests, w.name).toEqual([]);
    }
  });

  it('the checker fails a page without lang, alt text or contrast, and one wider than 320 px', async () => {
    const bad = join(scratch, 'bad.html');
    writeFileSync(bad, '<!doctype html><html><head><title>x</title></head><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#ccc">薄い文字</p><div style="width:500px">幅</div></body></html>');
    const result: Check = await checkHtmlPage(browser, bad);
    const ids = result.violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast']));
    expect(result.widths[0]!.scrollWidth).toBeGreaterThan(320);
  });
});
