/** Options of batch builds: --flavour values are checked, and the summary says what was reused. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { REPO_ROOT, tempDir } from '../build/support.js';

const out = tempDir('kp-cli-options-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function cli(args: string[]) {
  const o: string[] = [];
  const e: string[] = [];
  const code = await run(args, { out: (l) => o.push(l), err: (l) => e.push(l), env: { SOURCE_DATE_EPOCH: '0' }, cwd: REPO_ROOT });
  return { code, out: o.join('\n'), err: e.join('\n') };
}

describe('build options', () => {
  it('rejects an unknown --flavour with a suggestion, in both languages', async () => {
    const en = await cli(['build', '--flavour', 'pdf,prnt', '--out', out, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.err).toBe('error: --flavour cannot be "prnt".\n  hint: Did you mean "print"? Use pdf, print, web, html (pdf plain, print for the print shop, web tagged, html web page).');
    const ja = await cli(['build', '--flavour', 'wbe', '--out', out, '--lang', 'ja']);
    expect(ja.err).toContain('--flavour の値「wbe」は使えません。');
    expect(ja.err).toContain('「web」のことですか？');
  });

  it('--flavour and --force are build options only', async () => {
    const r = await cli(['preview', '--force', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--force');
  });

  it('prints a summary table; a second run reports every document unchanged', async () => {
    const first = await cli(['build', '--product', 'poster', '--flavour', 'pdf', '--out', out, '--lang', 'en']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^document +flavours +pages +total +time$/m);
    expect(first.out).toMatch(/3 documents \(3 built, 0 unchanged\), 3 files/);
    const second = await cli(['build', '--product', 'poster', '--flavour', 'pdf', '--out', out, '--lang', 'ja']);
    expect(second.out).toMatch(/poster-a4\.pdf +pdf +1 +\d+ KB +変更なし/);
    expect(second.out).toMatch(/3 文書（作成 0・変更なし 3）/);
  }, 60_000);
});
