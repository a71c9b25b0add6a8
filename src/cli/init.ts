/**
 * `kasuhara-press init <dir> [--name 団体名]`: scaffolds an organisation folder (src/init) and
 * prints what was made and the next steps. Errors are thrown as UserInputError (exit 1).
 */
import { basename } from 'node:path';
import { userError, type Lang } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/index.js';
import { PLACEHOLDER_NAME, scaffoldOrganisation } from '../init/scaffold.js';
import type { Io } from './main.js';

const USAGE = {
  ja: '使い方: kasuhara-press init <フォルダ> [--name 団体名]（例: kasuhara-press init content/my-org --name 〇〇株式会社）',
  en: 'Usage: kasuhara-press init <folder> [--name NAME], e.g. kasuhara-press init content/my-org --name "Example Co."',
};

const ROLE: Record<string, { ja: string; en: string }> = {
  'organisation.yaml': { ja: '団体名・英語名・方針の URL・発行者', en: 'name, English name, policy URL, issuer' },
  'poster.yaml': { ja: 'ポスターの文言（厚生労働省マニュアルのチェックリスト）', en: 'poster wording (checklist from the MHLW manual)' },
  'policy.md': { ja: '基本方針の本文（〔ここに…〕を書き換え）', en: 'the policy text (replace each 〔ここに…〕)' },
  'products.yaml': { ja: '作成する印刷物（基本方針、ポスター A4・A3）', en: 'products to build (policy; poster A4 and A3)' },
};

/** A path as typed into a shell: quoted when it has spaces or shell characters. */
function shellWord(s: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

export function initCommand(args: readonly string[], name: string | undefined, io: Io, lang: Lang): number {
  const [dir, extra] = args;
  if (dir === undefined) {
    throw userError({
      code: 'cli/missing-argument',
      message: { ja: 'init には作成するフォルダを指定してください。', en: 'init needs the folder to create.' },
      hint: USAGE,
    });
  }
  if (extra !== undefined) {
    throw userError({
      code: 'cli/unexpected-argument',
      message: { ja: `余分な引数「${extra}」があります。`, en: `Unexpected argument "${extra}".` },
      hint: {
        ja: `団体名に空白を含めるときは引用符で囲んでください（--name "…"）。${USAGE.ja}`,
        en: `Quote a name that contains spaces (--name "…"). ${USAGE.en}`,
      },
    });
  }
  const result = scaffoldOrganisation({ cwd: io.cwd, dir, ...(name !== undefined ? { name } : {}) });
  const files = result.files.map((f) => displayPath(f, io.cwd));
  const width = Math.max(...files.map((f) => f.length));
  const build = `npx kasuhara-press build --content ${shellWord(result.shownDir)}`;
  const out = `output/${basename(result.dir)}/`;
  const rows = files.map((f) => `  ${f.padEnd(width)}  ${ROLE[basename(f)]?.[lang] ?? ''}`);
  if (lang === 'ja') {
    io.out(`新しい団体のフォルダ ${result.shownDir} を作成しました（団体名: ${result.name}）。`);
    rows.forEach((r) => io.out(r));
    io.out('');
    io.out('次の手順:');
    io.out(`  1. 〔 〕で囲んだ仮の文言${result.name === PLACEHOLDER_NAME ? '（団体名を含む）' : ''}と example.com の URL を書き換えます。`);
    io.out(`  2. PDF を作成します:  ${build}`);
    io.out(`     出力先: ${out}（--out で変更できます）`);
  } else {
    io.out(`Created the organisation folder ${result.shownDir} (name: ${result.name}).`);
    rows.forEach((r) => io.out(r));
    io.out('');
    io.out('Next steps:');
    io.out(`  1. Replace the placeholders in 〔 〕${result.name === PLACEHOLDER_NAME ? ' (the name among them)' : ''} and the example.com URL.`);
    io.out(`  2. Build the PDFs:  ${build}`);
    io.out(`     They are written to ${out} (change with --out).`);
  }
  return 0;
}
