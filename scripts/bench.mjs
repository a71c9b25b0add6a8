#!/usr/bin/env node
// Benchmark (a script, not a test): cold wall time of the default build as a fresh process,
// and warm milliseconds per document inside one process. Run with `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { buildDocument } = await import(join(root, 'dist/build/build.js'));
const { loadContent } = await import(join(root, 'dist/content/index.js'));
const { jobsFor } = await import(join(root, 'dist/build/products.js'));
const { DiagnosticBag } = await import(join(root, 'dist/diagnostics/diagnostic.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = mkdtempSync(join(tmpdir(), 'kasuhara-bench-'));

// Cold: a new node process each time, as `npm run build` runs it (after compilation).
const cold = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/kasuhara-press.js'), 'build', '--out', out], { cwd: root, encoding: 'utf8' });
  cold.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
}
rmSync(out, { recursive: true, force: true });

// Warm: same process, fonts/templates/icons already parsed; each document from content to bytes.
const content = await loadContent(join(root, 'content/okayama'));
const jobs = jobsFor(content.products, undefined, 'products.yaml');
const warm = {};
for (const job of jobs) {
  const times = [];
  for (let i = 0; i < 25; i++) {
    const t0 = performance.now();
    await buildDocument(content, job, new DiagnosticBag(), { SOURCE_DATE_EPOCH: '0' });
    times.push(performance.now() - t0);
  }
  warm[job.output] = median(times.slice(5));
}

console.log('kasuhara-press benchmark (median)');
console.log(`  cold default build (new process, ${jobs.length} documents): ${median(cold).toFixed(0)} ms   [target ≤ 1500 ms]`);
for (const [file, ms] of Object.entries(warm)) {
  const target = file.startsWith('poster') ? '   [target ≤ 50 ms]' : '';
  console.log(`  warm ${file.padEnd(16)} ${ms.toFixed(1).padStart(6)} ms/document${target}`);
}
