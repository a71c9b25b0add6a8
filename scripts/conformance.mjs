#!/usr/bin/env node
// Conformance checks with external, independent tools from Debian (poppler-utils, qpdf,
// zbar-tools): every default output is built into a temporary folder and checked. Prints one
// line per check and exits 1 when any fails. `.ci/run` installs the tools and runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const out = mkdtempSync(join(tmpdir(), 'kasuhara-conformance-'));
let failures = 0;
const report = (ok, what, detail = '') => {
  if (!ok) failures++;
  console.log(`${ok ? 'pass' : 'FAIL'}  ${what}${detail ? `  — ${detail}` : ''}`);
};
const tool = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
for (const t of ['qpdf', 'pdffonts', 'pdfinfo', 'zbarimg']) {
  if (!tool(t)) {
    console.error(`missing tool: ${t} (apt-get install -y qpdf poppler-utils zbar-tools)`);
    process.exit(1);
  }
}

const cli = join(root, 'bin/kasuhara-press.js');
execFileSync(process.execPath, [cli, 'build', '--out', out], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [cli, 'preview', '--out', out, '--dpi', '150', '--product', 'poster'], { cwd: root, stdio: 'ignore' });

for (const org of readdirSync(out)) {
  for (const file of readdirSync(join(out, org)).filter((f) => f.endsWith('.pdf'))) {
    const pdf = join(out, org, file);
    const name = `${org}/${file}`;
    const qpdf = spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
    report(qpdf.status === 0, `${name}: qpdf --check`, qpdf.status === 0 ? '' : qpdf.stdout + qpdf.stderr);
    // pdffonts: name type encoding emb sub uni object ID — every font embedded, subset, with ToUnicode.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const bad = fonts.filter((l) => !/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/.test(l));
    report(fonts.length > 0 && bad.length === 0, `${name}: pdffonts (${fonts.length} fonts embedded, subset, ToUnicode)`, bad.join('; '));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    report(/Page size:\s+[\d.]+ x [\d.]+ pts/.test(info), `${name}: pdfinfo reads the page size`, (/Page size:.*/.exec(info) ?? [''])[0]);
  }
  // The QR code on the poster decodes to the organisation's policy page.
  const url = parse(readFileSync(join(root, 'content', org, 'organisation.yaml'), 'utf8')).policyUrl;
  const previews = join(out, org, 'preview');
  for (const png of readdirSync(previews).filter((f) => f.startsWith('poster') && f.endsWith('.png'))) {
    const zbar = spawnSync('zbarimg', ['--quiet', '--raw', join(previews, png)], { encoding: 'utf8' });
    report(zbar.stdout.trim() === url, `${org}/${png}: zbarimg decodes the QR code to ${url}`, zbar.stdout.trim());
  }
}

console.log(failures === 0 ? 'conformance: all checks passed' : `conformance: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
