// Checks an exported HTML page in headless Chromium — Debian's /usr/bin/chromium driven by
// playwright-core; nothing is ever downloaded — with axe-core (WCAG 2.0/2.1 A and AA plus
// best practices), and for reflow: no horizontal scroll at 320 CSS px (WCAG 1.4.10) nor at
// 200 % zoom of a 1280 px window (a 640 CSS px layout viewport at device scale 2).
// Used by scripts/conformance.mjs and test/html/conformance.test.ts.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
export const VIEWPORTS = [
  { name: '320px', width: 320, height: 640, deviceScaleFactor: 1 },
  { name: '1280px at 200%', width: 640, height: 400, deviceScaleFactor: 2 },
  { name: '1280px', width: 1280, height: 800, deviceScaleFactor: 1 },
];

export const haveChromium = () => existsSync(CHROMIUM);

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * → { violations: [{ id, impact, help, nodes }], widths: [{ name, viewport, scrollWidth }],
 *     screenshots: { [name]: Buffer } }. `screenshots` asks for full-page PNGs per viewport.
 */
export async function checkHtmlPage(browser, file, { screenshots = false } = {}) {
  const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const url = pathToFileURL(file).href;
  const widths = [];
  const shots = {};
  let violations = [];
  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: vp.deviceScaleFactor, offline: true });
    const page = await context.newPage();
    // A standalone page loads nothing; anything but the file itself would be a defect.
    const requests = [];
    page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:')) requests.push(r.url()); });
    await page.goto(url, { waitUntil: 'load' });
    const scrollWidth = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    widths.push({ name: vp.name, viewport: vp.width, scrollWidth, requests });
    if (screenshots) shots[vp.name] = await page.screenshot({ fullPage: true });
    if (vp.width === 1280 || vp.width === 320) {
      await page.addScriptTag({ path: axeSource });
      const result = await page.evaluate((tags) => globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
      for (const v of result.violations) {
        if (violations.some((w) => w.id === v.id)) continue;
        violations.push({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5), at: vp.name });
      }
    }
    await context.close();
  }
  return { violations, widths, screenshots: shots };
}
