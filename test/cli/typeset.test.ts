/**
 * `kasuhara-press typeset FILE.md`: any Markdown prose through the policy template at a chosen
 * measure. The regression corpus goes through the real path (CLI → content parser → template
 * → markup → layout → PDF, lines read back from the display list) and must come out with
 * exactly the lines the composer gives directly (test/text/corpus.test.ts), with no fault.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutJob } from '../../src/build/build.js';
import { jobsFor } from '../../src/build/products.js';
import { paragraphLines, type TypesetLines } from '../../src/build/typeset.js';
import { run } from '../../src/cli/main.js';
import { loadContent } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../../src/fonts/registry.js';
import { composeBody, EM, faults, KNOWN_FAULTS, MEASURES, PARAGRAPHS } from '../text/corpus-helpers.js';

const MM = 72 / 25.4;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kp-typeset-'));
  dirs.push(d);
  return d;
}

interface Outcome {
  code: number;
  out: string;
  err: string;
}
async function cli(argv: readonly string[], cwd = PROJECT_ROOT): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { SOURCE_DATE_EPOCH: '0' }, cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Markdown whose paragraphs are exactly `texts`: every ASCII punctuation mark escaped. */
function markdown(texts: readonly string[]): string {
  return `${texts.map((t) => t.replace(/[!-/:-@[-`{-~]/g, '\\$&')).join('\n\n')}\n`;
}

const readLines = (file: string): TypesetLines => JSON.parse(readFileSync(file, 'utf8')) as TypesetLines;

describe('typeset: the corpus through the CLI and the policy template', () => {
  for (const em of MEASURES) {
    it(`sets every corpus paragraph at ${em}em exactly as the composer does, without a fault`, async () => {
      const dir = tempDir();
      // Paragraphs the composer cannot fit at this measure make layout refuse the document;
      // they are checked on their own below.
      const entries = PARAGRAPHS.filter((p) => !KNOWN_FAULTS[`${p.id}@${em}`]?.startsWith('overflow'));
      writeFileSync(path.join(dir, 'corpus.md'), markdown(entries.map((e) => e.text)));
      const o = await cli(['typeset', 'corpus.md', '--measure', `${em}em`, '--lines', 'lines.json', '--lang', 'en'], dir);
      expect(o.err).toBe('');
      expect(o.code).toBe(0);
      expect(o.out).toMatch(/^corpus\.pdf {2}\d+ pages {2}\d+ KB {2}\d+ ms\nlines\.json {2}\d+ KB {2}\d+ ms$/);

      const pdf = await PDFDocument.load(readFileSync(path.join(dir, 'corpus.pdf')));
      // The page is the measure plus the policy's 22 mm side margins: the column is the measure.
      expect(pdf.getPage(0).getWidth()).toBeCloseTo(em * EM + 44 * MM, 2);

      const lines = readLines(path.join(dir, 'lines.json'));
      expect(lines).toMatchObject({ file: 'corpus.md', measure: `${em}em`, measurePt: em * EM, pages: pdf.getPageCount() });
      expect(lines.paragraphs.map((p) => p.text)).toEqual(entries.map((e) => e.text));
      for (const [i, e] of entries.entries()) {
        const got = lines.paragraphs[i]!;
        expect(got, e.id).toMatchObject({ element: 'p', kind: 'paragraph', source: `corpus.md:${2 * i + 1}` });
        const direct = composeBody(e.text, em);
        expect(got.lines, `${e.id} at ${em}em`).toEqual(direct.lines.map((l) => l.text));
        expect(faults(e.text, direct.lines, em * EM, direct.overflows), `${e.id} at ${em}em`).toEqual([]);
      }
    });
  }

  it('refuses a paragraph the composer cannot fit, naming its line in the Markdown (a 20 em dash rule at 15em)', async () => {
    // A URL no longer qualifies: overflow-wrap: break-word (the UA default) breaks it. A run of
    // ―― is inseparable (分離禁止) and no emergency break applies to it.
    const dir = tempDir();
    const rule = '―'.repeat(20);
    writeFileSync(path.join(dir, 'url.md'), markdown(['本日から、市ホームページ(人事課)に掲載しています。', rule]));
    for (const lang of ['en', 'ja'] as const) {
      const o = await cli(['typeset', 'url.md', '--measure', '15em', '--lang', lang], dir);
      expect(o.code).toBe(1);
      expect(o.err).toMatch(lang === 'en' ? /^error: url\.md:3: The text of p, "―{20}", does not fit its box: a word or phrase is wider than the line\./ : /^エラー: url\.md:3: p の文章「―{20}」が枠に収まりません（行の幅より長い語句があります）。/);
      expect(o.err).not.toMatch(/^\s+at /m);
      expect(existsSync(path.join(dir, 'url.pdf'))).toBe(false);
    }
  });
});

describe('typeset: Markdown prose with headings, lists and emphasis', () => {
  it('sets the press release (no front matter) as body text only, every block without a fault', async () => {
    const dir = tempDir();
    const file = path.join(PROJECT_ROOT, 'test/fixtures/corpus/press-release.md');
    // 33em: its URL fits on one line there (narrower, it would break: overflow-wrap).
    const o = await cli(['typeset', file, '--measure', '33em', '--out', path.join(dir, 'pr.pdf'), '--lines', path.join(dir, 'pr.json')]);
    expect(o.err).toBe('');
    expect(o.code).toBe(0);
    const lines = readLines(path.join(dir, 'pr.json'));
    expect(new Set(lines.paragraphs.map((p) => p.kind))).toEqual(new Set(['heading', 'paragraph', 'list-item']));
    expect(lines.paragraphs.map((p) => p.element)).toEqual(expect.arrayContaining(['h2', 'h3', 'h4', 'p', 'li']));
    // No title and no closing: only the Markdown's own blocks, each once.
    expect(lines.paragraphs.every((p) => p.source.startsWith('test/fixtures/corpus/press-release.md:') && p.text !== undefined)).toBe(true);
    expect(lines.paragraphs[0]).toMatchObject({ source: 'test/fixtures/corpus/press-release.md:1', element: 'h2' });
    // 「**毅然として組織的に**」: the emphasis is part of its list item's lines.
    const strong = lines.paragraphs.find((p) => p.text?.includes('毅然として組織的に対応します'))!;
    expect(strong).toMatchObject({ element: 'li', kind: 'list-item' });
    expect(strong.lines.join('')).toBe(strong.text);
    // A paragraph that is all emphasis is still named as a paragraph.
    expect(lines.paragraphs.find((p) => p.text === '【問い合わせ先】')).toMatchObject({ element: 'p', lines: ['【問い合わせ先】'] });
    for (const p of lines.paragraphs) {
      expect(faults(p.text!, p.lines.map((text) => ({ text, width: 0 })), Infinity), p.source).toEqual([]);
    }
  });

  it('without --measure sets a policy.md with front matter exactly as the policy build does', async () => {
    const dir = tempDir();
    const o = await cli(['typeset', 'content/okayama/policy.md', '--out', path.join(dir, 'p.pdf'), '--lines', path.join(dir, 'p.json')]);
    expect(o.err).toBe('');
    expect(o.code).toBe(0);
    const lines = readLines(path.join(dir, 'p.json'));
    expect(lines.measure).toBeNull();
    expect(lines.measurePt).toBeCloseTo(166 * MM, 6);
    const content = await loadContent(path.join(PROJECT_ROOT, 'content/okayama'), { cwd: PROJECT_ROOT });
    const job = jobsFor(content.products, ['policy'], 'products.yaml')[0]!;
    const built = paragraphLines(layoutJob(content, job, new DiagnosticBag(), { SOURCE_DATE_EPOCH: '0' }), content.policy!.blocks);
    expect(lines.paragraphs).toEqual(built);
    expect(lines.paragraphs[0]).toMatchObject({ element: 'h1', lines: ['岡山市職員に対するカスタマー・ハラスメント対策基本方針'] });
    expect(lines.paragraphs.at(-1)).toMatchObject({ element: 'p.signer', lines: ['大森 雅夫'] });
    expect(lines.pages).toBe((await PDFDocument.load(readFileSync(path.join(dir, 'p.pdf')))).getPageCount());
  });

  it('writes FILE.pdf beside FILE.md by default', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'texts'));
    writeFileSync(path.join(dir, 'texts', 'a.md'), 'カスタマー・ハラスメントから職員を守ります。\n');
    const o = await cli(['typeset', 'texts/a.md', '--lang', 'ja'], dir);
    expect(o.code).toBe(0);
    expect(o.out).toMatch(/^texts\/a\.pdf {2}1ページ {2}\d+ KB {2}\d+ ms$/);
    expect(readFileSync(path.join(dir, 'texts', 'a.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('typeset: bad input is exit 1 with one clear message', () => {
  const USAGE = { en: 'Run `kasuhara-press --help` for usage.', ja: '`kasuhara-press --help` で使い方を表示します。' };
  const MEASURE_HINT = {
    en: 'Give a number of body characters (22em; 1em = 10.5 pt) or a length (120mm, 12cm, 480Q, 340pt, 4.7in), between 5em and 1000mm.',
    ja: '本文の文字数（22em または 22字。1em = 10.5pt）か長さ（120mm、12cm、480Q、340pt、4.7in）で指定してください。範囲は 5em〜1000mm です。',
  };
  async function fails(argv: string[], cwd: string, expected: { en: string; ja: string }): Promise<void> {
    for (const lang of ['en', 'ja'] as const) {
      const o = await cli([...argv, '--lang', lang], cwd);
      expect(o.err).toBe(expected[lang]);
      expect(o.code).toBe(1);
      expect(o.out).toBe('');
    }
  }
  function sandbox(): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.md'), '本文です。\n');
    return dir;
  }

  it('a missing file, with a similar name as a suggestion', async () => {
    const dir = sandbox();
    await fails(['typeset', 'note.md'], dir, {
      en: 'error: The file note.md does not exist.\n  hint: Did you mean notes.md?',
      ja: 'エラー: ファイル「note.md」がありません。\n  ヒント: 「notes.md」のことですか？',
    });
    await fails(['typeset', 'nowhere/x.md'], dir, {
      en: 'error: The file nowhere/x.md does not exist.\n  hint: Check the path of the Markdown file (.md) to typeset.',
      ja: 'エラー: ファイル「nowhere/x.md」がありません。\n  ヒント: 組版する Markdown ファイル（.md）のパスを確認してください。',
    });
    expect(existsSync(path.join(dir, 'note.pdf'))).toBe(false);
  });

  it('a folder instead of a file', async () => {
    const dir = sandbox();
    mkdirSync(path.join(dir, 'texts'));
    await fails(['typeset', 'texts'], dir, {
      en: 'error: texts is a folder, not a file.\n  hint: Name the Markdown file (.md) to typeset.',
      ja: 'エラー: 「texts」はファイルではなくフォルダです。\n  ヒント: 組版する Markdown ファイル（.md）を指定してください。',
    });
  });

  it('a measure without a unit, with an unknown unit, or out of range', async () => {
    const dir = sandbox();
    for (const bad of ['22', '22px', 'wide', '-3em']) {
      await fails(['typeset', 'notes.md', `--measure=${bad}`], dir, {
        en: `error: --measure cannot be "${bad}".\n  hint: ${MEASURE_HINT.en}`,
        ja: `エラー: --measure の値「${bad}」は使えません。\n  ヒント: ${MEASURE_HINT.ja}`,
      });
    }
    for (const bad of ['4em', '2000mm']) {
      await fails(['typeset', 'notes.md', '--measure', bad], dir, {
        en: `error: --measure ${bad} is too narrow or too wide.\n  hint: ${MEASURE_HINT.en}`,
        ja: `エラー: --measure「${bad}」は狭すぎるか広すぎます。\n  ヒント: ${MEASURE_HINT.ja}`,
      });
    }
    expect(existsSync(path.join(dir, 'notes.pdf'))).toBe(false);
    // Every unit the hint names is accepted.
    for (const good of ['22em', '22字', '120mm', '12cm', '480Q', '340pt', '4.7in']) {
      expect((await cli(['typeset', 'notes.md', '--measure', good], dir)).code, good).toBe(0);
    }
  });

  it('no file, two files, and options of another command', async () => {
    const dir = sandbox();
    await fails(['typeset'], dir, {
      en: `error: typeset needs the Markdown file to typeset.\n  hint: For example: kasuhara-press typeset text.md --measure 22em --lines lines.json. ${USAGE.en}`,
      ja: `エラー: typeset には組版する Markdown ファイルが必要です。\n  ヒント: 例: kasuhara-press typeset 文書.md --measure 22em --lines 行.json。${USAGE.ja}`,
    });
    await fails(['typeset', 'notes.md', 'other.md'], dir, {
      en: `error: Unexpected argument "other.md".\n  hint: typeset takes one Markdown file, e.g. kasuhara-press typeset text.md --measure 22em. ${USAGE.en}`,
      ja: `エラー: 余分な引数「other.md」があります。\n  ヒント: typeset には Markdown ファイルを1つだけ指定します（例: kasuhara-press typeset 文書.md --measure 22em）。${USAGE.ja}`,
    });
    await fails(['typeset', 'notes.md', '--content', 'content/okayama'], dir, {
      en: `error: typeset does not take --content.\n  hint: ${USAGE.en}`,
      ja: `エラー: typeset では --content は使えません。\n  ヒント: ${USAGE.ja}`,
    });
    await fails(['build', '--measure', '22em'], dir, {
      en: `error: --measure belongs to the typeset command; build does not take it.\n  hint: ${USAGE.en}`,
      ja: `エラー: --measure は typeset コマンドのオプションです（build では使えません）。\n  ヒント: ${USAGE.ja}`,
    });
  });

  it('an output that would overwrite the input, and Markdown the policy parser refuses', async () => {
    const dir = sandbox();
    await fails(['typeset', 'notes.md', '--lines', 'notes.md'], dir, {
      en: 'error: notes.md: The output would overwrite the input file notes.md.\n  hint: Give --out and --lines other file names.',
      ja: 'エラー: notes.md: 出力先が入力ファイル「notes.md」と同じです。\n  ヒント: --out と --lines には別のファイル名を指定してください。',
    });
    // Line numbers are those of the file itself, not of the stand-in front matter.
    writeFileSync(path.join(dir, 'table.md'), '本文です。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    const o = await cli(['typeset', 'table.md', '--lang', 'en'], dir);
    expect(o.code).toBe(1);
    expect(o.err).toMatch(/^error: table\.md:3: The policy cannot contain a table\./);
    writeFileSync(path.join(dir, 'empty.md'), '\n');
    await fails(['typeset', 'empty.md'], dir, {
      en: 'error: empty.md: This file has no text to typeset.\n  hint: Write paragraphs, headings or lists in Markdown.',
      ja: 'エラー: empty.md: このファイルには組版する本文がありません。\n  ヒント: 段落・見出し・箇条書きを Markdown で書いてください。',
    });
  });
});
