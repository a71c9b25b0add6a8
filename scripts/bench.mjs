#!/usr/bin/env node
// Benchmark (a script, not a test): typesetting throughput of the line composer on the
// regression corpus and on the whole policy, cold wall time of the default build as a fresh
// process, and warm milliseconds per document inside one process. Run with `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { buildDocument, layoutJob } = await import(join(root, 'dist/build/build.js'));
const { loadContent } = await import(join(root, 'dist/content/index.js'));
const { jobsFor } = await import(join(root, 'dist/build/products.js'));
const { DiagnosticBag } = await import(join(root, 'dist/diagnostics/diagnostic.js'));
const { composeParagraph } = await import(join(root, 'dist/text/compose.js'));
const { defaultFontRegistry } = await import(join(root, 'dist/fonts/registry.js'));
const { parse } = await import('yaml');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('kasuhara-press benchmark (median)');

// Typesetting: composeParagraph alone, in the policy's body style (BIZ UDPMincho 10.5 pt,
// text-indent 1em, justify, strict, text-wrap: pretty). Fresh runs arrays every time, so each
// paragraph is prepared, broken and set anew; fonts and glyph metrics are warm.
{
  const style = { face: defaultFontRegistry().resolve(['BIZ UDPMincho'], 400), size: 10.5, color: { space: 'rgb', r: 0, g: 0, b: 0 }, letterSpacing: 0 };
  const options = (width) => ({ width, indent: 10.5, align: 'justify', alignLast: 'auto', lineBreak: 'strict', phrases: false, wrap: 'pretty' });
  const setAll = (texts, width) => {
    const o = options(width);
    const t0 = performance.now();
    for (const text of texts) composeParagraph([{ text, style }], o);
    return performance.now() - t0;
  };
  const timed = (texts, width, runs = 41) => {
    for (let i = 0; i < 10; i++) setAll(texts, width); // warm-up: JIT, font and BudouX caches
    return median(Array.from({ length: runs }, () => setAll(texts, width)));
  };
  const corpus = parse(readFileSync(join(root, 'test/fixtures/corpus/paragraphs.yaml'), 'utf8')).paragraphs.map((p) => p.text);
  const chars = corpus.reduce((n, t) => n + [...t].length, 0);
  const corpusMs = timed(corpus, 22 * 10.5);
  console.log(`  corpus at 22em (${corpus.length} paragraphs, ${chars} characters): ${corpusMs.toFixed(2)} ms = ${(chars / corpusMs).toFixed(0)} characters/ms`);
  // The whole policy: every heading, paragraph and list item of policy.md at the policy's
  // measure (A4 less 22 mm margins = 166 mm).
  const policy = (await loadContent(join(root, 'content/okayama'))).policy.blocks.map((b) => b.text);
  const policyChars = policy.reduce((n, t) => n + [...t].length, 0);
  const policyMs = timed(policy, (166 * 72) / 25.4);
  console.log(`  typeset the whole policy (${policy.length} blocks, ${policyChars} characters at 166 mm): ${policyMs.toFixed(2)} ms   [target ≤ 10 ms]`);
  // For scale: the policy from content to display list (template, markup, layout; no PDF).
  const content = await loadContent(join(root, 'content/okayama'));
  const [policyJob] = jobsFor(content.products, ['policy'], 'products.yaml');
  const layoutTimes = Array.from({ length: 25 }, () => {
    const t0 = performance.now();
    layoutJob(content, policyJob, new DiagnosticBag(), { SOURCE_DATE_EPOCH: '0' });
    return performance.now() - t0;
  });
  console.log(`  layout of the policy (template → markup → layout, no PDF): ${median(layoutTimes.slice(5)).toFixed(1)} ms`);
}
const out = mkdtempSync(join(tmpdir(), 'kasuhara-bench-'));

// Cold: a new node process each time, as the CLI's `build` runs (the base organisation, every
// flavour); --force, so the cache of the previous run does not skip the work.
const cold = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/kasuhara-press.js'), 'build', '--out', out, '--force'], { cwd: root, encoding: 'utf8' });
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

console.log(`  cold default build (new process, ${jobs.length} documents): ${median(cold).toFixed(0)} ms   [target ≤ 1500 ms]`);
for (const [file, ms] of Object.entries(warm)) {
  const target = file.startsWith('poster') ? '   [target ≤ 50 ms]' : '';
  console.log(`  warm ${file.padEnd(16)} ${ms.toFixed(1).padStart(6)} ms/document${target}`);
}

// Preview: the A3 poster at 150 dpi (1754 × 2480 px), layout + raster, warm.
{
  const { renderPage } = await import(join(root, 'dist/render/raster/index.js'));
  const [a3] = jobsFor(content.products, ['poster'], 'products.yaml').filter((j) => j.output === 'poster-a3.pdf');
  const times = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const doc = layoutJob(content, a3, new DiagnosticBag(), {});
    await renderPage(doc.pages[0], { dpi: 150, format: 'png' });
    times.push(performance.now() - t0);
  }
  console.log(`  preview poster-a3 at 150 dpi (1754×2480 PNG, layout + raster): ${median(times.slice(2)).toFixed(0)} ms   [target ≤ 300 ms]`);
}

// Print flavour overhead: plain = layout + PDF; print adds bleed, marks, CMYK and PDF/X keys to
// the same display list. Target for issue 5: ≤ 20 % more than plain.
{
  const { renderPdf } = await import(join(root, 'dist/render/pdf/index.js'));
  const { renderPrintFlavour, renderOutlinedFlavour } = await import(join(root, 'dist/build/print.js'));
  let plain = 0;
  let print = 0;
  let outlined = 0;
  for (const job of jobs) {
    const p = [];
    const q = [];
    const o = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const doc = layoutJob(content, job, new DiagnosticBag(), {});
      await renderPdf(doc, { id: job.output });
      const t1 = performance.now();
      await renderPrintFlavour(doc, job.output, new DiagnosticBag());
      const t2 = performance.now();
      // --outline-text only: not part of the default build, so not of the +20 % target.
      await renderOutlinedFlavour(doc, job.output);
      const t3 = performance.now();
      p.push(t1 - t0);
      q.push(t2 - t1);
      o.push(t3 - t2);
    }
    plain += median(p.slice(3));
    print += median(q.slice(3));
    outlined += median(o.slice(3));
  }
  console.log(`  print flavour: plain ${plain.toFixed(0)} ms for ${jobs.length} documents, print adds ${print.toFixed(0)} ms (+${((print / plain) * 100).toFixed(0)} %)   [target ≤ +20 %]`);
  console.log(`  outlined print file (--outline-text): ${outlined.toFixed(0)} ms more for ${jobs.length} documents`);
}

// Batch builds (issue 7): every shipped variant × product × flavour, as `build --all` runs it,
// each in a new process. Cold: an empty output folder. Unchanged: the same command again on
// the built folder (the cache skips every document). Peak RSS from the child's resourceUsage.
{
  const child = (args, outDir) => {
    const code = `const { run } = await import(${JSON.stringify(join(root, 'dist/kasuhara-press.js'))});
const t0 = performance.now();
const rc = await run(${JSON.stringify(['build', ...args, '--out'])}.concat([${JSON.stringify(outDir)}]), { out: () => {}, err: () => {}, env: process.env, cwd: ${JSON.stringify(root)} });
console.log(JSON.stringify({ rc, ms: performance.now() - t0, rss: process.resourceUsage().maxRSS }));`;
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`build ${args.join(' ')} failed:\n${r.stderr}`);
    const { rc, rss } = JSON.parse(r.stdout.trim().split('\n').pop());
    if (rc !== 0) throw new Error(`build ${args.join(' ')} exited with ${rc}`);
    return { wall, rssMb: rss / 1024 };
  };
  const measure = (label, args, documents, targets) => {
    const cold = [];
    const unchanged = [];
    let rss = 0;
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'kasuhara-bench-batch-'));
      const first = child(args, dir);
      cold.push(first.wall);
      rss = Math.max(rss, first.rssMb);
      unchanged.push(child(args, dir).wall);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`  ${label} (${documents} documents; with thumbnails and the gallery):`);
    console.log(`    cold wall ${median(cold).toFixed(0)} ms${targets.cold ? `   [target ≤ ${targets.cold} ms]` : ''}, ${(median(cold) / documents).toFixed(0)} ms/document; peak RSS ${rss.toFixed(0)} MB${targets.rss ? `   [target ≤ ${targets.rss} MB]` : ''}`);
    console.log(`    unchanged rebuild (cache hits) ${median(unchanged).toFixed(0)} ms${targets.unchanged ? `   [target ≤ ${targets.unchanged} ms]` : ''}`);
  };
  const japanese = ['okayama', 'okayama-kita', 'okayama-naka', 'okayama-higashi', 'okayama-minami', 'okayama-shiminka', 'okayama-hoken-nenkin'];
  const posters = [...japanese.flatMap((v) => ['--variant', v]), '--product', 'poster'];
  measure('21 posters: 7 Japanese variants × A4/A3/B2, plain PDF only (as pdfme and Typst make one PDF each)', [...posters, '--flavour', 'pdf'], 21, { cold: 1200 });
  measure('the same 21 posters, every flavour', posters, 21, {});
  const { loadVariants } = await import(join(root, 'dist/content/variants.js'));
  const all = await loadVariants(join(root, 'content/okayama'), { cwd: root });
  const documents = all.reduce((n, c) => n + jobsFor(c.products, undefined, 'products.yaml', c.variant).length, 0);
  measure(`the whole default set: ${all.length} variants × their products, every flavour and web page`, ['--all'], documents, { unchanged: 300, rss: 400 });

  // Warm: the whole set again inside one process (fonts, templates, JIT warm), --force.
  const { buildAll } = await import(join(root, 'dist/build/build.js'));
  const dir = mkdtempSync(join(tmpdir(), 'kasuhara-bench-warm-'));
  const request = { cwd: root, variants: 'all', outDir: dir, force: true, env: { SOURCE_DATE_EPOCH: '0' } };
  await buildAll(request);
  const t0 = performance.now();
  await buildAll(request);
  console.log(`    warm (same process, --force): ${((performance.now() - t0) / documents).toFixed(1)} ms/document`);
  rmSync(dir, { recursive: true, force: true });
}
