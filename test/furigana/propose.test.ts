/**
 * The furigana command: kuromoji proposes a reading for every kanji word into a review file;
 * the build uses only reviewed readings and warns, with file, line and field, about the rest.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadVariants } from '../../src/content/index.js';
import { alignReading, loadTokenizer, proposeReadings } from '../../src/furigana/propose.js';

const MINIMAL = path.resolve('test/fixtures/content/minimal-org');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** minimal-org with an easy-Japanese variant whose poster is `poster` (YAML). */
function easyOrg(poster: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kp-furigana-'));
  dirs.push(dir);
  cpSync(MINIMAL, dir, { recursive: true });
  mkdirSync(path.join(dir, 'i18n/easy-ja'), { recursive: true });
  mkdirSync(path.join(dir, 'variants'));
  writeFileSync(path.join(dir, 'i18n/easy-ja/poster.yaml'), poster);
  writeFileSync(path.join(dir, 'variants/easy.yaml'), `extends: ${path.basename(dir)}\nstatus: draft\nlang: easy-ja\nfiles: { poster: i18n/easy-ja/poster.yaml }\norganisation: { name: "{架空町|か.くう.ちょう}", issuer: "{架空町|か.くう.ちょう}" }\n`);
  return dir;
}

const POSTER = [
  'lead: みんなが 気持ちよく',
  'headline: それは カスハラかも',
  'icons: [{ icon: megaphone, label: "{大声|おお.ごえ}" }]',
  'checklist:',
  '  title: "{例|れい}"',
  '  items: [取り消しを 求める]',
].join('\n');

async function cli(argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { LANG: 'en_US.UTF-8' }, cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reading proposals (kuromoji)', () => {
  it('splits a word into its kanji runs using the kana around them', () => {
    expect(alignReading('取り消し', 'トリケシ')).toEqual([{ word: '取', reading: 'と' }, { word: '消', reading: 'け' }]);
    expect(alignReading('気持ちよく', 'キモチヨク')).toEqual([{ word: '気持', reading: 'きも' }]);
    expect(alignReading('長時間', 'チョウジカン')).toEqual([{ word: '長時間', reading: 'ちょうじかん' }]);
    expect(alignReading('取り', 'カエ')).toBeUndefined();
  });

  it('proposes a reading for every kanji word outside existing markup, unreviewed', async () => {
    const entries = proposeReadings(parse(POSTER), await loadTokenizer(), () => undefined);
    expect(entries.map((e) => [e.field, e.word, e.reading, e.reviewed])).toEqual([
      ['lead', '気持', 'きも', false],
      ['checklist.items[0]', '取', 'と', false],
      ['checklist.items[0]', '消', 'け', false],
      ['checklist.items[0]', '求', 'もと', false],
    ]);
  });
});

describe('kasuhara-press furigana and the build', () => {
  it('writes a review file; the build warns until a reading is reviewed, then uses it', async () => {
    const dir = easyOrg(POSTER);
    const r = await cli(['furigana', 'i18n/easy-ja/poster.yaml'], dir);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('4 words (4 to review)');
    const file = path.join(dir, 'i18n/easy-ja/poster.readings.yaml');
    const review = parse(readFileSync(file, 'utf8'));
    expect(review.readings[0]).toEqual({ field: 'lead', line: 1, word: '気持', reading: 'きも', reviewed: false });

    // Nothing reviewed yet: every kanji without markup is a warning naming file, line and field.
    const before = (await loadVariants(dir, { cwd: dir })).find((v) => v.variant!.name === 'easy')!;
    const warned = before.warnings.filter((w) => w.code === 'furigana/missing-reading');
    expect(warned.map((w) => [w.file, w.line, w.path])).toEqual([
      ['i18n/easy-ja/poster.yaml', 1, 'poster.lead'],
      ['i18n/easy-ja/poster.yaml', 6, 'poster.checklist.items[0]'],
    ]);
    expect(warned[1]!.message.en).toContain('取、消、求');
    expect(before.poster!.lead).toBe('みんなが 気持ちよく'); // unreviewed proposals are not used

    // A person reviews two entries (correcting none): those are used, the rest still warn.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/reviewed: false/, 'reviewed: true').replace(/(word: "取"\n    reading: "と"\n    reviewed: )false/, '$1true'));
    const after = (await loadVariants(dir, { cwd: dir })).find((v) => v.variant!.name === 'easy')!;
    expect(after.poster!.lead).toBe('みんなが {気持|きも}ちよく');
    expect(after.poster!.checklist.items[0]).toBe('{取|と}り消しを 求める');
    expect(after.warnings.filter((w) => w.code === 'furigana/missing-reading').map((w) => w.message.en)).toEqual([expect.stringContaining('消、求')]);

    // Running the command again keeps what was reviewed.
    await cli(['furigana', 'i18n/easy-ja/poster.yaml'], dir);
    expect(parse(readFileSync(file, 'utf8')).readings.filter((e: { reviewed: boolean }) => e.reviewed)).toHaveLength(2);
  });

  it('refuses a file that is not YAML, with a bilingual message', async () => {
    const r = await cli(['furigana', 'policy.md'], easyOrg(POSTER));
    expect(r.code).toBe(1);
    expect(r.err).toContain('not a YAML file');
  });
});
