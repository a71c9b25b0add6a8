#!/usr/bin/env node
// Conformance checks with external, independent tools from Debian (poppler-utils, qpdf,
// zbar-tools, ghostscript, chromium for the HTML pages): every default output is built into a temporary folder and checked. Prints one
// line per check and exits 1 when any fails. `.ci/run` installs the tools and runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkHtmlPage, haveChromium, launchChromium } from './html-check.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const out = mkdtempSync(join(tmpdir(), 'kasuhara-conformance-'));
let failures = 0;
const report = (ok, what, detail = '') => {
  if (!ok) failures++;
  console.log(`${ok ? 'pass' : 'FAIL'}  ${what}${detail ? `  — ${detail}` : ''}`);
};
const tool = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
for (const t of ['qpdf', 'pdffonts', 'pdfinfo', 'zbarimg', 'gs']) {
  if (!tool(t)) {
    console.error(`missing tool: ${t} (apt-get install -y qpdf poppler-utils zbar-tools ghostscript)`);
    process.exit(1);
  }
}
if (!haveChromium()) {
  console.error('missing tool: /usr/bin/chromium (apt-get install -y chromium), for the HTML pages');
  process.exit(1);
}

// ---- Print-flavour helpers (issue 5) ----------------------------------------------------------
const BLEED = (3 / 25.4) * 72; // 3 mm = 8.504 pt
const INK_LIMIT = 300; // % total area coverage, print.md's limit (src/render/pdf/print/cmyk.ts)
const TOL = 0.02; // pdfinfo -box prints two decimals
const near = (a, b) => Math.abs(a - b) <= TOL;
const fmt = (b) => b.map((v) => v.toFixed(2)).join(' ');

/** Per page: { size: [w, h], MediaBox: [x0, y0, x1, y1], BleedBox, TrimBox, ArtBox, … } from pdfinfo. */
function pageBoxes(pdf) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  const text = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), '-box', pdf], { encoding: 'utf8' });
  const result = Array.from({ length: pages }, () => ({}));
  for (const m of text.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)) result[m[1] - 1].size = [+m[2], +m[3]];
  for (const m of text.matchAll(/^Page\s+(\d+) (\w+Box):\s+(.+)$/gm)) result[m[1] - 1][m[2]] = m[3].trim().split(/\s+/).map(Number);
  return result;
}

/** MediaBox ⊇ BleedBox = TrimBox + 3 mm each side, TrimBox = ArtBox, trim size = the plain PDF's page size. */
function checkBoxes(page, plainSize) {
  const { MediaBox: media, BleedBox: bleed, TrimBox: trim, ArtBox: art } = page;
  if (!media || !bleed || !trim || !art) return 'missing box';
  const contains = (outer, inner) => outer[0] <= inner[0] + TOL && outer[1] <= inner[1] + TOL && outer[2] >= inner[2] - TOL && outer[3] >= inner[3] - TOL;
  if (!contains(media, bleed)) return `MediaBox ${fmt(media)} does not contain BleedBox ${fmt(bleed)}`;
  if (![-1, -1, 1, 1].every((s, i) => near(bleed[i], trim[i] + s * BLEED))) return `BleedBox ${fmt(bleed)} is not TrimBox ${fmt(trim)} + 3 mm`;
  if (!art.every((v, i) => near(v, trim[i]))) return `ArtBox ${fmt(art)} ≠ TrimBox ${fmt(trim)}`;
  if (!near(trim[2] - trim[0], plainSize[0]) || !near(trim[3] - trim[1], plainSize[1]))
    return `trim ${(trim[2] - trim[0]).toFixed(2)} x ${(trim[3] - trim[1]).toFixed(2)} ≠ plain page ${plainSize.join(' x ')}`;
  return '';
}

/** Ghostscript's coverage devices, one [c, m, y, k] per page. Both are averages over the page area:
 *  `inkcov` gives the FRACTION OF PIXELS marked by each ink (0–1, a pixel counts fully however light);
 *  `ink_cov` gives the AVERAGE INK PER PIXEL of each ink in % (0–100). Neither gives the maximum
 *  per-pixel total (C+M+Y+K at one spot), which is what an ink limit is about — see maxInk. */
function inkCoverage(device, pdf, extra = []) {
  const text = execFileSync('gs', ['-q', '-dSAFER', '-o', '-', `-sDEVICE=${device}`, ...extra, pdf], { encoding: 'utf8' });
  return [...text.matchAll(/^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK/gm)].map((m) => m.slice(1, 5).map(Number));
}

/** The true ink limit check: render each page to 8-bit CMYK (pamcmyk32, 72 dpi) cropped to the
 *  TrimBox — leaving out the trim marks, which are in registration colour (400 % by design) and
 *  touch the outermost pixel rows of a BleedBox crop — and return the largest C+M+Y+K of any
 *  single pixel, per page, in %. The bleed only extends what is inside the trim. */
function maxInk(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'kasuhara-tac-'));
  try {
    execFileSync('gs', ['-q', '-dSAFER', '-dUseTrimBox', '-r72', '-sDEVICE=pamcmyk32', '-o', join(dir, 'p%03d.pam'), pdf]);
    return readdirSync(dir).sort().map((f) => {
      const pam = readFileSync(join(dir, f));
      const start = pam.indexOf('ENDHDR\n') + 7;
      let max = 0;
      for (let i = start; i + 3 < pam.length; i += 4) max = Math.max(max, pam[i] + pam[i + 1] + pam[i + 2] + pam[i + 3]);
      return (max / 255) * 100;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Render every page with Ghostscript; any non-zero exit or error message is a failure. */
function gsRender(pdf) {
  const gs = spawnSync('gs', ['-q', '-dSAFER', '-dNOPAUSE', '-dBATCH', '-sDEVICE=nullpage', pdf], { encoding: 'utf8' });
  const messages = (gs.stdout + gs.stderr).trim();
  return gs.status === 0 && !/error/i.test(messages) ? '' : `exit ${gs.status}: ${messages.slice(0, 300)}`;
}

/** A tiny document with only black text, through the compiled pipeline (dist/), as a print PDF. */
async function writeTextOnlyPrintPdf(file) {
  const dist = (p) => import(join(root, 'dist', p));
  const { parseMarkup } = await dist('markup/index.js');
  const { layoutDocument } = await dist('layout/index.js');
  const { renderPrintFlavour } = await dist('build/print.js');
  const { defaultFontRegistry } = await dist('fonts/registry.js');
  const { IconRegistry } = await dist('icons/registry.js');
  const { DiagnosticBag } = await dist('diagnostics/diagnostic.js');
  const html = '<style>@page { size: A5; margin: 15mm } body { color: #000 }</style><p>カスタマーハラスメント対策 — black text only.</p>';
  const styled = parseMarkup(html, { file: 'text-only.html' });
  const bag = new DiagnosticBag();
  const display = layoutDocument(styled, { fonts: defaultFontRegistry(), icons: new IconRegistry(), date: new Date(0), diagnostics: bag, file: 'text-only.html' });
  writeFileSync(file, await renderPrintFlavour(display, 'text-only', bag));
}

/** Issue 5 acceptance: boxes, ink limit. */
function checkPrintPdf(pdf, name, plainPdf) {
  const plain = pageBoxes(plainPdf);
  const pages = pageBoxes(pdf);
  report(pages.length === plain.length, `${name}: same page count as the plain PDF (${pages.length})`, `${pages.length} vs ${plain.length}`);
  const boxErrors = pages.map((p, i) => checkBoxes(p, plain[i]?.size ?? [0, 0])).map((e, i) => e && `page ${i + 1}: ${e}`).filter(Boolean);
  report(boxErrors.length === 0, `${name}: MediaBox ⊇ BleedBox = TrimBox + 3 mm, TrimBox = ArtBox = plain page size`, boxErrors.join('; '));
  // ink_cov: page-average ink per channel (%); their sum bounds nothing per pixel but must be ≤ the limit too.
  const averages = inkCoverage('ink_cov', pdf, ['-dUseBleedBox']).map((cmyk) => cmyk.reduce((a, b) => a + b, 0));
  report(averages.length === pages.length && averages.every((t) => t <= INK_LIMIT), `${name}: ink_cov page-average C+M+Y+K ≤ ${INK_LIMIT} %`, averages.map((t) => t.toFixed(1)).join(', '));
  const peaks = maxInk(pdf);
  report(peaks.length === pages.length && peaks.every((t) => t <= INK_LIMIT + 1), `${name}: max per-pixel C+M+Y+K ≤ ${INK_LIMIT} % (pamcmyk32, TrimBox)`, peaks.map((t) => t.toFixed(0)).join(', '));
}

// ---- Web-flavour checks (issue 6): tagged PDF/UA-1 as poppler and qpdf see it -----------------
const squash = (t) => t.replace(/\s+/gu, '');
const pdftotext = (pdf) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

/** The policy's reading text (title, every block of policy.md, signer), through the compiled content loader. */
async function policyBlocks(org) {
  const { loadContent, policyTextBlocks } = await import(join(root, 'dist', 'content/index.js'));
  const policy = (await loadContent(join(root, 'content', org))).policy;
  return policy ? [policy.title, ...policyTextBlocks(policy), policy.signer.title, policy.signer.name] : [];
}

/** Each block in order in `text` (whitespace removed); returns the first missing one. */
function firstMissing(text, blocks) {
  let from = 0;
  const flat = squash(text);
  for (const block of blocks) {
    const at = flat.indexOf(squash(block), from);
    if (at < 0) return block;
    from = at + squash(block).length;
  }
  return '';
}

async function checkWebPdf(pdf, name, plainPdf, org) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const tagged = /^Tagged:\s+yes$/m.test(info);
  report(tagged, `${name}: pdfinfo says Tagged: yes`, tagged ? '' : (/^Tagged:.*$/m.exec(info) ?? ['no Tagged line'])[0]);
  const struct = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' });
  const blocks = name.endsWith('/policy.web.pdf') ? await policyBlocks(org) : [];
  const missing = firstMissing(struct, blocks);
  report(/^Document$/m.test(struct) && missing === '', `${name}: pdfinfo -struct-text prints the structure tree${blocks.length ? ' with the policy text in reading order' : ''}`, missing && `missing or out of order: ${missing}`);
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=inline', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const objects = json.qpdf[1];
  const value = (v) => (typeof v === 'string' && / R$/.test(v) ? objects[`obj:${v}`]?.value : v) ?? {};
  const catalog = value(objects.trailer.value['/Root']);
  const xmpStream = objects[`obj:${catalog['/Metadata']}`]?.stream;
  const xmp = xmpStream?.data ? Buffer.from(xmpStream.data, 'base64').toString('utf8') : '';
  const keys = { Lang: !!catalog['/Lang'], MarkInfo: value(catalog['/MarkInfo'])['/Marked'] === true, DisplayDocTitle: value(catalog['/ViewerPreferences'])['/DisplayDocTitle'] === true, pdfuaid: /<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp) };
  report(Object.values(keys).every(Boolean), `${name}: qpdf --json shows /Lang, /MarkInfo, DisplayDocTitle and XMP pdfuaid:part 1`, Object.entries(keys).filter(([, ok]) => !ok).map(([k]) => `no ${k}`).join(', '));
  const text = pdftotext(pdf);
  const same = squash(text) === squash(pdftotext(plainPdf));
  const textMissing = firstMissing(text, blocks);
  report(same && textMissing === '', `${name}: pdftotext equals the plain PDF's text${blocks.length ? ' and holds the policy text in order' : ''} (whitespace removed)`, textMissing && `missing: ${textMissing}`);
  const check = spawnSync(process.execPath, [cli, 'check', pdf, '--web', '--lang', 'en'], { encoding: 'utf8' });
  report(check.status === 0, `${name}: kasuhara-press check --web passes`, check.status === 0 ? '' : check.stdout.split('\n').filter((l) => l.startsWith('FAIL')).join('; '));
}

const cli = join(root, 'bin/kasuhara-press.js');
// With --outline-text: the outlined print files are checked too (no fonts at all).
execFileSync(process.execPath, [cli, 'build', '--out', out, '--outline-text'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [cli, 'preview', '--out', out, '--dpi', '150', '--product', 'poster'], { cwd: root, stdio: 'ignore' });

// Organisation folders only: beside them are the gallery, its thumbnails and the cache manifest.
const organisations = readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'thumbnails').map((e) => e.name);
for (const org of organisations) {
  for (const file of readdirSync(join(out, org)).filter((f) => f.endsWith('.pdf'))) {
    const pdf = join(out, org, file);
    const name = `${org}/${file}`;
    const qpdf = spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
    report(qpdf.status === 0, `${name}: qpdf --check`, qpdf.status === 0 ? '' : qpdf.stdout + qpdf.stderr);
    // pdffonts: name type encoding emb sub uni object ID — every font embedded, subset, with ToUnicode.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const bad = fonts.filter((l) => !/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/.test(l));
    if (file.endsWith('.print-outlined.pdf')) report(fonts.length === 0, `${name}: pdffonts lists no font (text outlined)`, fonts.join('; '));
    else report(fonts.length > 0 && bad.length === 0, `${name}: pdffonts (${fonts.length} fonts embedded, subset, ToUnicode)`, bad.join('; '));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    report(/Page size:\s+[\d.]+ x [\d.]+ pts/.test(info), `${name}: pdfinfo reads the page size`, (/Page size:.*/.exec(info) ?? [''])[0]);
    const rendered = gsRender(pdf);
    report(rendered === '', `${name}: Ghostscript renders every page without errors`, rendered);
    if (file.endsWith('.print.pdf')) checkPrintPdf(pdf, name, join(out, org, file.replace(/\.print\.pdf$/, '.pdf')));
    if (file.endsWith('.web.pdf')) await checkWebPdf(pdf, name, join(out, org, file.replace(/\.web\.pdf$/, '.pdf')), org);
  }
  // The QR code on the poster decodes to the organisation's policy page.
  const url = parse(readFileSync(join(root, 'content', org, 'organisation.yaml'), 'utf8')).policyUrl;
  const previews = join(out, org, 'preview');
  for (const png of readdirSync(previews).filter((f) => f.startsWith('poster') && f.endsWith('.png'))) {
    const zbar = spawnSync('zbarimg', ['--quiet', '--raw', join(previews, png)], { encoding: 'utf8' });
    report(zbar.stdout.trim() === url, `${org}/${png}: zbarimg decodes the QR code to ${url}`, zbar.stdout.trim());
  }
}

// Black text must print as K100 only: inkcov (fraction of the trimmed page each ink touches) has
// C = M = Y = 0 and K > 0. -dUseTrimBox leaves out the registration-colour trim marks.
const textOnly = join(out, 'text-only.print.pdf');
await writeTextOnlyPrintPdf(textOnly);
const cov = inkCoverage('inkcov', textOnly, ['-dUseTrimBox']);
report(cov.length > 0 && cov.every(([c, m, y, k]) => c === 0 && m === 0 && y === 0 && k > 0), 'text-only.print.pdf: inkcov C = M = Y = 0, K > 0 (K100 text)', cov.map((v) => v.join(' ')).join('; '));
const renderedTextOnly = gsRender(textOnly);
report(renderedTextOnly === '', 'text-only.print.pdf: Ghostscript renders every page without errors', renderedTextOnly);

// HTML pages (issue 6): axe-core in headless Chromium, and reflow without horizontal scrolling.
const browser = await launchChromium();
try {
  // '.': the gallery page, output/index.html, is checked like the web pages.
  for (const org of [...organisations, '.']) {
    for (const file of readdirSync(join(out, org)).filter((f) => f.endsWith('.html'))) {
      const name = org === '.' ? file : `${org}/${file}`;
      const { violations, widths } = await checkHtmlPage(browser, join(out, org, file));
      report(violations.length === 0, `${name}: axe-core (wcag2a, wcag2aa, wcag21aa, best-practice) 0 violations`, violations.map((v) => `${v.id} at ${v.nodes.join(', ')}`).join('; '));
      for (const w of widths) {
        report(w.scrollWidth <= w.viewport, `${name}: no horizontal scroll at ${w.name} (scrollWidth ${w.scrollWidth} ≤ ${w.viewport})`);
        // The gallery shows thumbnail files by design; the web pages must be standalone.
        if (org !== '.') report(w.requests.length === 0, `${name}: standalone at ${w.name} (loads nothing else)`, w.requests.join(', '));
      }
    }
  }
} finally {
  await browser.close();
}

console.log(failures === 0 ? 'conformance: all checks passed' : `conformance: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
