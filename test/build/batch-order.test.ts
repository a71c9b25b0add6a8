/**
 * A batch build makes each language's documents together (so that a language's fonts can be
 * let go after its stretch: src/fonts/font-files.ts), yet reports its outputs in plan order.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../src/build/build.js';
import { planJobs } from '../../src/build/plan.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { OKAYAMA_DIR, REPO_ROOT, tempDir } from './support.js';

// Plan order interleaves the languages: the base (ja), then by id en, kita (ja), ko.
const VARIANTS = ['okayama', 'okayama-en', 'okayama-kita', 'okayama-ko'];
const LANG: Record<string, string> = { okayama: 'ja', 'okayama-kita': 'ja', 'okayama-en': 'en', 'okayama-ko': 'ko' };

describe('batch order', () => {
  it('makes each language’s documents together and lists the outputs in plan order', async () => {
    const outDir = tempDir('kp-order-');
    const request = { cwd: REPO_ROOT, contentDirs: [OKAYAMA_DIR], variants: VARIANTS, products: ['poster'], flavours: ['pdf' as const], outDir };
    const made: string[] = [];
    try {
      const result = await buildAll({ ...request, env: { KASUHARA_WORKERS: '0' }, onProgress: (p) => p.file && made.push(p.file.split('/')[0]!) });
      const plan = (await planJobs(request, new DiagnosticBag())).map((p) => p.content.variant!.id);
      expect(new Set(plan)).toEqual(new Set(VARIANTS));
      expect(plan.map((v) => LANG[v])).not.toEqual([...plan.map((v) => LANG[v]!)].sort());

      // Made: one stretch per language, the languages in order of first appearance.
      const stretches = made.map((v) => LANG[v]).filter((l, i, all) => i === 0 || all[i - 1] !== l);
      expect(stretches).toEqual([...new Set(plan.map((v) => LANG[v]))]);
      expect(made).toHaveLength(plan.length);
      // Listed: as planned.
      expect(result.outputs.map((o) => o.file.split('/').slice(-2)[0])).toEqual(plan);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
