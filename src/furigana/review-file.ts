/**
 * `kasuhara-press furigana FILE.yaml`: proposals for every kanji word of FILE.yaml, written to
 * FILE.readings.yaml for review. Entries a person already marked `reviewed: true` keep their
 * reading when the command runs again (after the text changed).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticBag, parseSourceRef, userError } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/load.js';
import { validateYaml } from '../content/validate.js';
import { parseYaml, sourceMap } from '../content/yaml-source.js';
import { mergeWithReviewed, loadTokenizer, proposeReadings, type Entry } from './propose.js';
import { readingsFileFor, readingsSchema } from './readings.js';

export interface FuriganaResult {
  /** The review file, relative to the working directory. */
  file: string;
  entries: Entry[];
  /** Entries still to review. */
  unreviewed: number;
}

export async function proposeFuriganaFile(file: string, cwd: string): Promise<FuriganaResult> {
  const abs = path.resolve(cwd, file);
  const shown = displayPath(abs, cwd);
  if (!/\.ya?ml$/i.test(abs)) {
    throw userError({
      code: 'furigana/not-yaml',
      message: { ja: `「${file}」は YAML ファイルではありません。`, en: `${file} is not a YAML file.` },
      hint: { ja: 'poster.yaml のような内容ファイルを指定してください。Markdown には {漢字|かんじ} を直接書きます。', en: 'Name a content file such as poster.yaml; in Markdown, write {漢字|かんじ} directly.' },
      file: shown,
    });
  }
  const text = await readFile(abs, 'utf8').catch(() => {
    throw userError({ code: 'furigana/missing-file', message: { ja: `ファイル「${file}」がありません。`, en: `File ${file} does not exist.` }, file: shown });
  });
  const bag = new DiagnosticBag();
  const parsed = parseYaml(text, shown, bag);
  bag.throwIfErrors();
  const lines = sourceMap(parsed.source);
  const lineOf = (field: string) => (lines[field] ? parseSourceRef(lines[field]).line : undefined);
  const proposed = proposeReadings(parsed.data, await loadTokenizer(), lineOf);

  const out = readingsFileFor(abs);
  const previousText = await readFile(out, 'utf8').catch(() => undefined);
  const previous = previousText === undefined ? [] : (validateYaml(previousText, displayPath(out, cwd), readingsSchema, bag).value?.readings ?? []);
  bag.throwIfErrors();
  const entries = mergeWithReviewed(proposed, previous);
  await writeFile(out, formatReadings(path.basename(abs), entries));
  return { file: displayPath(out, cwd), entries, unreviewed: entries.filter((e) => !e.reviewed).length };
}

const q = (s: string) => JSON.stringify(s);

function formatReadings(source: string, entries: readonly Entry[]): string {
  const head = [
    `# ${source} の漢字の読み（kuromoji による候補）。読みを確かめて直し、reviewed: true にしてください。`,
    '# ビルドは reviewed: true の読みだけを使い、読みのない漢字を警告します。',
    `# Proposed readings of the kanji in ${source} (kuromoji). Check and correct each reading,`,
    '# then set reviewed: true; the build uses reviewed readings only and warns about the rest.',
    `source: ${q(source)}`,
    'readings:',
  ];
  const body = entries.map((e) =>
    [`  - field: ${q(e.field)}`, ...(e.line !== undefined ? [`    line: ${e.line}`] : []), `    word: ${q(e.word)}`, `    reading: ${q(e.reading)}`, `    reviewed: ${e.reviewed}`].join('\n'),
  );
  return `${[...head, ...body].join('\n')}\n`;
}
