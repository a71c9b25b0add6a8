/**
 * Every kind of bad input ends the same way: exit code 1, one clear message per mistake (in
 * the chosen language, with where to look and a hint, no stack trace), and the output folder
 * exactly as it was — no half-written PDF, no temporary file, no previous output lost.
 *
 * Each case copies content/okayama to a temporary folder, breaks it, and runs the CLI
 * in-process. The messages are pinned word for word; line numbers are looked up in the copied
 * file, so editing content/okayama does not break these tests. Layout measurements (pt, mm)
 * depend on the template's design and are replaced by "N" before comparing.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { displayPath } from '../../src/content/index.js';
import { BIN, ensureCompiled } from '../helpers/compiled.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OKAYAMA = path.join(REPO, 'content/okayama');
/** What a previous, successful build left behind; a failed build must not touch it. */
const PREVIOUS_PDF = Buffer.from('%PDF-1.7\n% output of an earlier build: must survive a failed build\n%%EOF\n');
const USAGE = 'Run `kasuhara-press --help` for usage.';

interface Sandbox {
  root: string;
  /** The copy of content/okayama (named okayama, so outputs go to <out>/okayama/). */
  content: string;
  out: string;
}

const sandboxes: string[] = [];
afterEach(() => {
  for (const d of sandboxes.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sandbox(): Sandbox {
  const root = mkdtempSync(path.join(tmpdir(), 'kp-bad-input-'));
  sandboxes.push(root);
  const content = path.join(root, 'okayama');
  cpSync(OKAYAMA, content, { recursive: true });
  const out = path.join(root, 'out');
  mkdirSync(path.join(out, 'okayama'), { recursive: true });
  writeFileSync(path.join(out, 'okayama', 'poster-a4.pdf'), PREVIOUS_PDF);
  return { root, content, out };
}

/** Replaces `from` (which must occur exactly once) in a content file; returns the new text. */
function edit(s: Sandbox, file: string, from: string | RegExp, to: string): string {
  const p = path.join(s.content, file);
  const before = readFileSync(p, 'utf8');
  const hits = typeof from === 'string' ? before.split(from).length - 1 : (before.match(new RegExp(from, 'gm')) ?? []).length;
  expect(hits, `${file} should contain ${String(from)} once`).toBe(1);
  const after = before.replace(from, to);
  writeFileSync(p, after);
  return after;
}

/** 1-based line of the line that starts with `start` (after indentation) in a content file. */
function lineOf(s: Sandbox, file: string, start: string): number {
  const lines = readFileSync(path.join(s.content, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(start));
  expect(i, `${file} should have a line starting with ${start}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

/** A content file as diagnostics name it (relative to the working directory). */
const shown = (s: Sandbox, file: string) => displayPath(path.join(s.content, file));

interface Outcome {
  code: number;
  err: string;
  out: string;
}

async function cli(argv: readonly string[]): Promise<Outcome> {
  const err: string[] = [];
  const out: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: process.cwd() });
  return { code, err: err.join('\n'), out: out.join('\n') };
}

function build(s: Sandbox, lang: 'en' | 'ja' = 'en', extra: readonly string[] = []): Promise<Outcome> {
  return cli(['build', '--content', s.content, '--out', s.out, '--lang', lang, ...extra]);
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Exit 1, exactly `message` on stderr, nothing on stdout, no stack trace. */
function expectFailure(o: Outcome, message: string): void {
  expect(o.err).toBe(message);
  expect(o.code).toBe(1);
  expect(o.out).toBe('');
  expect(o.err).not.toMatch(/^\s+at /m);
  expect(o.err).not.toMatch(/Internal error|内部エラー/);
}

/** The output folder holds the earlier PDF, byte for byte, and nothing else. */
function expectOutputUntouched(s: Sandbox): void {
  expect(filesUnder(s.out)).toEqual(['okayama/poster-a4.pdf']);
  expect(readFileSync(path.join(s.out, 'okayama', 'poster-a4.pdf')).equals(PREVIOUS_PDF)).toBe(true);
}

/** Layout measurements depend on the template's design; the wording is what is pinned. */
const withoutNumbers = (text: string) => text.replace(/\d+\.\d/g, 'N');

const YAML_HINT_EN =
  'Check that indentation (spaces at the start of lines) lines up, that each ":" is followed by a space, and that quotes (" or \') are closed. Tabs are not allowed.';

describe('bad input: exit 1, one clear message, previous output kept', () => {
  // The YAML parser reports an over-indented key at the value it would nest under: the
  // `hand-coins` of the line above (column 11). It also reports a second, follow-up error at
  // the same place, which the content stage drops.
  it('1. broken YAML (bad indentation) names file:line:column and how to fix it — once, not once per follow-up error', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', '    label: 過度な要求', '      label: 過度な要求');
    const line = lineOf(s, 'poster.yaml', '- icon: hand-coins');
    expectFailure(await build(s), [
      `error: ${shown(s, 'poster.yaml')}:${line}:11: Cannot read this as YAML: Nested mappings are not allowed in compact mappings.`,
      `  hint: ${YAML_HINT_EN}`,
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('1. broken YAML (unclosed bracket) names file:line:column', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', /^ {2}title: /m, '  title: [');
    expectFailure(await build(s), [
      `error: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', 'items:')}:3: Cannot read this as YAML: Flow sequence in block collection must be sufficiently indented and end with a ].`,
      `  hint: ${YAML_HINT_EN}`,
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('1. broken YAML in Japanese (--lang ja)', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', '    label: 過度な要求', '      label: 過度な要求');
    const line = lineOf(s, 'poster.yaml', '- icon: hand-coins');
    expectFailure(await build(s, 'ja'), [
      `エラー: ${shown(s, 'poster.yaml')}:${line}:11: YAMLとして読み取れません。この値の中やその下に「項目名: 値」は書けません（次の行のインデントが深すぎるか、「: 」を含む値を引用符で囲んでいません）。`,
      '  ヒント: インデント（行頭の空白の数）がそろっているか、「:」の後に空白があるか、引用符（" や \'）を閉じ忘れていないかを確認してください。タブ文字は使えません。',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('2. a missing field names the field path and the fields expected there', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', /^headline: .*\n/m, '');
    expectFailure(await build(s), [
      `error: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', 'lead:')}:1 (field: headline): Required field \`headline\` is missing.`,
      '  hint: Fields expected here: lead, headline, icons, checklist',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  // A misspelt required field is one mistake: it is reported once, at the misspelt key,
  // not also as the missing `headline`.
  it('2. a misspelt field is one error at the misspelt key that suggests the right name', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', /^headline:/m, 'headlin:');
    expectFailure(await build(s), [
      `error: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', 'headlin:')}:1 (field: headlin): Unknown field \`headlin\`: did you mean \`headline\`?`,
      '  hint: Fields expected here: lead, headline, icons, checklist',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('2. a misspelt field in Japanese (--lang ja)', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', /^headline:/m, 'headlin:');
    expectFailure(await build(s, 'ja'), [
      `エラー: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', 'headlin:')}:1 (項目: headlin): 不明な項目「headlin」があります。「headline」のまちがいではありませんか？`,
      '  ヒント: ここに書ける項目: lead, headline, icons, checklist',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('2. a field written twice is one error that names both lines', async () => {
    const s = sandbox();
    const first = lineOf(s, 'poster.yaml', 'headline:');
    edit(s, 'poster.yaml', /^(headline: .*)$/m, '$1\n$1');
    expectFailure(await build(s), [
      `error: ${shown(s, 'poster.yaml')}:${first + 1}:1 (field: headline): Field \`headline\` is written twice, on line ${first} and on line ${first + 1}.`,
      '  hint: Delete one of them: a field can be written only once in the same block.',
    ].join('\n'));
    expectFailure(await build(s, 'ja'), [
      `エラー: ${shown(s, 'poster.yaml')}:${first + 1}:1 (項目: headline): 項目「headline」が2回書かれています（${first}行目と${first + 1}行目）。`,
      '  ヒント: どちらか一方を消してください。同じまとまりの中では、1つの項目は1回しか書けません。',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('3. an unknown icon is reported at the poster.yaml line that names it, with a suggestion', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', 'icon: megaphone', 'icon: megafone');
    expectFailure(await build(s), [
      `error: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', '- icon: megafone')} (field: icons[0].icon): There is no icon named "megafone".`,
      '  hint: Did you mean "megaphone"? Use a file name from assets/icons/ or an icon name from https://lucide.dev/icons.',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('4. a character the font lacks names the character, its code point, the element and the content line', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', '    - 性的な行動', '    - ✔性的な行動');
    expectFailure(await build(s), [
      `error: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', '- ✔性的な行動')} (field: checklist.items[4]): No font for lang="ja" text has "✔" (U+2714): BIZ UDPGothic → Noto Sans (p.check-text, templates/poster.hbs).`,
      '  hint: Use "✓" (U+2713) instead, or an icon.',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('4. … and in Japanese', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', '    - 性的な行動', '    - ✔性的な行動');
    expectFailure(await build(s, 'ja'), [
      `エラー: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', '- ✔性的な行動')} (項目: checklist.items[4]): 「✔」（U+2714）の字形は、lang="ja" の文字に使うフォント（BIZ UDPGothic → Noto Sans）のどれにもありません（p.check-text、templates/poster.hbs）。`,
      '  ヒント: 「✓」（U+2713）に置き換えるか、アイコンを使ってください。',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('5. a poster whose text cannot fit the page says by how much and which texts take the room', async () => {
    const s = sandbox();
    const headline = 'カスタマー・ハラスメントかも？'.repeat(14); // 210 characters
    edit(s, 'poster.yaml', /^headline: .*$/m, `headline: ${headline}`);
    const o = await build(s);
    const at = (key: string) => `${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', key)}`;
    expectFailure({ ...o, err: withoutNumbers(o.err) }, [
      'error: templates/poster.hbs: The content of the page is N pt (N mm) taller than the page, even after auto-fit.',
      `  hint: Shorten the text. The texts taking the most height: 「${headline.slice(0, 16)}…」 (${at('headline:')} headline), ` +
        `「～みんなが気持ちよく過ごせるよう…」 (${at('lead:')} lead), ` +
        `「カスタマー・ハラスメントに該当し…」 (${at('title:')} checklist.title)`,
      // B2 gives the headline more room, so there it is the headline that does not fit its box.
      `error: ${at('headline:')} (field: headline): The text of h1.headline, "${headline.slice(0, 24)}…", does not fit its box even at its minimum size of N pt: it needs N pt (N mm) more height.`,
      '  hint: Shorten the text, or lower -kp-fit-min-size of h1.headline in the template. If this text is short, other text on the page is taking its room.',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('5b. a label wider than its box even at its minimum size names the element, the field and why', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', /label: 長時間の拘束/, 'label: 長時間にわたる執拗な拘束および居座り');
    const o = await build(s);
    expectFailure({ ...o, err: withoutNumbers(o.err) }, [
      `error: ${shown(s, 'poster.yaml')}:${lineOf(s, 'poster.yaml', 'label: 長時間にわたる')} (field: icons[3].label): The text of p.icon-label, "長時間にわたる執拗な拘束および居座り", does not fit its box even at its minimum size of N pt: a word or phrase is wider than the line.`,
      '  hint: Shorten the text, or lower -kp-fit-min-size of p.icon-label in the template.',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('6. an asset path outside the content and assets folders is content/unsafe-path, with the field', async () => {
    const s = sandbox();
    edit(s, 'organisation.yaml', /^# logo: .*$/m, 'logo: ../../etc/passwd');
    expectFailure(await build(s), [
      `error: ${shown(s, 'organisation.yaml')}:${lineOf(s, 'organisation.yaml', 'logo:')}:7 (field: logo): \`logo\` points outside the content folder: "../../etc/passwd".`,
      "  hint: Put the file in the content folder (or the project's assets/ folder) and write a relative path, e.g. logo.png.",
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('7. an unknown --product suggests the closest one and lists them all', async () => {
    const s = sandbox();
    expectFailure(await build(s, 'en', ['--product', 'postr']), [
      `error: ${shown(s, 'products.yaml')}: There is no product "postr" (--product postr).`,
      '  hint: Did you mean "poster"? Products in this file: policy, poster, handout, tent, tent-vertical',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('7. an unknown --product in Japanese (--lang ja)', async () => {
    const s = sandbox();
    expectFailure(await build(s, 'ja', ['--product', 'postr']), [
      `エラー: ${shown(s, 'products.yaml')}: --product に指定した製品「postr」はありません。`,
      '  ヒント: 「poster」のことですか？ このファイルにある製品: policy、poster、handout、tent、tent-vertical',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('7. an unknown command suggests the closest one', async () => {
    const s = sandbox();
    expectFailure(await cli(['bild', '--content', s.content, '--out', s.out, '--lang', 'en']), [
      'error: Unknown command "bild".',
      `  hint: Did you mean "build"? ${USAGE}`,
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('7. a --content folder that does not exist is a plain message, not ENOENT', async () => {
    const s = sandbox();
    const missing = path.join(s.root, 'nowhere');
    expectFailure(await cli(['build', '--content', missing, '--out', s.out, '--lang', 'en']), [
      `error: The folder given with --content does not exist: ${missing}`,
      '  hint: Name the folder that holds organisation.yaml and products.yaml, e.g. --content content/okayama.',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('7. a misspelt --content folder suggests the folder next to it', async () => {
    const s = sandbox();
    const typo = path.join(s.root, 'okayma');
    expectFailure(await cli(['build', '--content', typo, '--out', s.out, '--lang', 'en']), [
      `error: The folder given with --content does not exist: ${typo}`,
      `  hint: Did you mean ${s.content}?`,
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('an unknown option, an option without its value and a stray argument are reported in --lang, with a suggestion', async () => {
    const s = sandbox();
    const base = ['build', '--content', s.content, '--out', s.out];
    expectFailure(await cli([...base, '--lang', 'en', '--prodcut', 'poster']), [
      'error: Unknown option "--prodcut".',
      `  hint: Did you mean "--product"? ${USAGE}`,
    ].join('\n'));
    expectFailure(await cli([...base, '--lang', 'en', '--product']), [
      'error: Option --product needs a value.',
      `  hint: ${USAGE}`,
    ].join('\n'));
    expectFailure(await cli(['build', '--lang', 'en', '--out', s.out, s.content]), [
      `error: Unexpected argument "${s.content}".`,
      `  hint: To build one folder, put --content before it, e.g. --content ${s.content}. ${USAGE}`,
    ].join('\n'));
    expectFailure(await cli([...base, '--lang', 'fr']), [
      'error: --lang cannot be "fr".',
      '  hint: Use --lang ja or --lang en.',
    ].join('\n'));
    expectOutputUntouched(s);
  });

  it('an output folder that cannot be written is reported, and no earlier output is replaced', async () => {
    const s = sandbox();
    // The last output of the build is blocked by a folder of its name: nothing may be
    // replaced, although every other PDF could have been written.
    mkdirSync(path.join(s.out, 'okayama', 'poster-b2.pdf'));
    mkdirSync(path.join(s.out, 'okayama', 'poster-b2.pdf', 'keep'));
    expectFailure(await build(s, 'en', ['--product', 'poster']), [
      `error: ${displayPath(path.join(s.out, 'okayama', 'poster-b2.pdf'))}: Cannot write this file: a folder of that name is in the way.`,
      '  hint: Name a folder you can write to with --out. The previous output files are unchanged.',
    ].join('\n'));
    rmSync(path.join(s.out, 'okayama', 'poster-b2.pdf'), { recursive: true });
    expectOutputUntouched(s);
  });

  it('an --out that is a file is reported as such, not as a crash', async () => {
    const s = sandbox();
    const file = path.join(s.root, 'out.txt');
    writeFileSync(file, 'not a folder');
    const o = await cli(['build', '--content', s.content, '--out', file, '--lang', 'en', '--product', 'policy']);
    expectFailure(o, [
      `error: ${displayPath(path.join(file, 'okayama', 'policy.pdf'))}: Cannot write this file: a file is in the way where a folder is needed.`,
      '  hint: Name a folder you can write to with --out. The previous output files are unchanged.',
    ].join('\n'));
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
    expect(readdirSync(s.root).sort()).toEqual(['okayama', 'out', 'out.txt']);
  });
});

describe('the compiled CLI as a real process', () => {
  beforeAll(ensureCompiled, 120_000);

  it('exits with code 1 and prints the message without a stack trace', async () => {
    const s = sandbox();
    edit(s, 'poster.yaml', 'icon: megaphone', 'icon: megafone');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, 'build', '--content', s.content, '--out', s.out, '--lang', 'en'], { cwd: s.root }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
    const file = path.relative(s.root, path.join(s.content, 'poster.yaml'));
    expect(result.stderr).toBe([
      `error: ${file}:${lineOf(s, 'poster.yaml', '- icon: megafone')} (field: icons[0].icon): There is no icon named "megafone".`,
      '  hint: Did you mean "megaphone"? Use a file name from assets/icons/ or an icon name from https://lucide.dev/icons.',
      '',
    ].join('\n'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOutputUntouched(s);
  });
});
