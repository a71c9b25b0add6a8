/**
 * `kasuhara-press check FILE.pdf --print [--json] [--ink-limit N]`: print preflight of any PDF
 * (src/preflight); `check FILE.pdf --web [--json]`: the web (PDF/UA-1) preflight. Prints one line per finding (pass / warn / fail); exit code 1 when any
 * rule fails or the input is wrong, 0 otherwise (warnings alone do not fail).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Lang } from '../diagnostics/diagnostic.js';
import { preflightPrint, UnreadablePdfError, type PreflightResult } from '../preflight/print.js';
import { preflightWeb, type WebPreflightResult } from '../preflight/web.js';
import { formatDiagnostic } from './format.js';
import type { Io } from './main.js';

export interface CheckValues {
  print?: boolean | undefined;
  web?: boolean | undefined;
  json?: boolean | undefined;
  'ink-limit'?: string | undefined;
  [option: string]: unknown;
}

/** Options of other commands that mean nothing to check. */
const NOT_FOR_CHECK = ['content', 'out', 'product', 'dpi', 'format', 'measure', 'lines', 'name', 'port'] as const;
const USAGE = { ja: '例: kasuhara-press check 入稿.pdf --print、kasuhara-press check policy.web.pdf --web', en: 'For example: kasuhara-press check poster.pdf --print, or kasuhara-press check policy.web.pdf --web' };

const LABEL = {
  ja: { pass: '合格', warn: '警告', fail: '不合格', page: (n: number) => `${n}ページ`, summary: (f: number, w: number) => `不合格 ${f} 件、警告 ${w} 件。` },
  en: { pass: 'PASS', warn: 'WARN', fail: 'FAIL', page: (n: number) => `p${n}`, summary: (f: number, w: number) => `${f} failure(s), ${w} warning(s).` },
} as const;

export async function checkCommand(args: readonly string[], values: CheckValues, io: Io, lang: Lang): Promise<number> {
  const problems: Diagnostic[] = [];
  if (args.length === 0) problems.push(error('cli/missing-argument', { ja: 'check には確認する PDF ファイルが必要です。', en: 'check needs the PDF file to check.' }));
  if (args.length > 1) problems.push(error('cli/unexpected-argument', { ja: `余分な引数「${args[1]}」があります。`, en: `Unexpected argument "${args[1]}".` }));
  if (!values.print && !values.web) problems.push(error('cli/missing-option', { ja: 'check には確認の種類が必要です。印刷入稿用の確認は --print、Web 掲載用（アクセシビリティ）は --web です。', en: 'check needs the kind of check: --print for print submission, --web for web publishing (accessibility).' }));
  if (values.print && values.web) problems.push(error('cli/bad-option', { ja: '--print と --web は一度に一つだけ指定してください。', en: 'Give either --print or --web, not both.' }));
  if (values.web && values['ink-limit'] !== undefined) problems.push(error('cli/bad-option', { ja: '--ink-limit は --print の確認だけで使えます。', en: '--ink-limit applies to --print only.' }));
  for (const o of NOT_FOR_CHECK) {
    if (values[o] !== undefined) problems.push(error('cli/bad-option', { ja: `check では --${o} は使えません。`, en: `check does not take --${o}.` }));
  }
  let inkLimit: number | undefined;
  const rawInk = values['ink-limit'];
  if (rawInk !== undefined) {
    inkLimit = Number(rawInk.replace(/%$/, ''));
    if (!/^\d+(\.\d+)?%?$/.test(rawInk) || !(inkLimit > 0 && inkLimit <= 400)) {
      problems.push(error('cli/bad-option', { ja: `--ink-limit の値「${rawInk}」は使えません。0 より大きく 400 以下の数（%）を指定してください（例: --ink-limit 300）。`, en: `--ink-limit cannot be "${rawInk}"; give a percentage above 0 and at most 400, e.g. --ink-limit 300.` }));
    }
  }
  if (problems.length > 0) {
    for (const d of problems) io.err(formatDiagnostic(d, lang));
    return 1;
  }
  const file = path.resolve(io.cwd, args[0]!);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(formatDiagnostic({
      ...error('check/unreadable-file', code === 'ENOENT'
        ? { ja: `ファイル「${args[0]}」が見つかりません。`, en: `File "${args[0]}" not found.` }
        : { ja: `ファイル「${args[0]}」を読めません（${code ?? String(e)}）。`, en: `Cannot read "${args[0]}" (${code ?? String(e)}).` }),
      file: args[0]!,
    }, lang));
    return 1;
  }
  let results: (PreflightResult | WebPreflightResult)[];
  try {
    results = values.web ? await preflightWeb(bytes) : await preflightPrint(bytes, inkLimit !== undefined ? { inkLimit } : {});
  } catch (e) {
    if (!(e instanceof UnreadablePdfError)) throw e;
    io.err(formatDiagnostic({
      ...error('check/not-a-pdf', { ja: `「${args[0]}」は PDF として読めません（${e.message}）。`, en: `"${args[0]}" cannot be read as a PDF (${e.message}).` }),
      file: args[0]!,
    }, lang));
    return 1;
  }
  const failures = results.filter((r) => r.status === 'fail').length;
  const warnings = results.filter((r) => r.status === 'warn').length;
  if (values.json) io.out(JSON.stringify(results, null, 2));
  else {
    const l = LABEL[lang];
    for (const r of results) {
      const where = [r.page !== undefined ? l.page(r.page) : '', r.object ?? ''].filter(Boolean).join(' ');
      io.out(`${l[r.status].padEnd(lang === 'ja' ? 3 : 4)}  ${r.rule.padEnd(12)}  ${where ? `${where}: ` : ''}${r.message[lang]}`);
    }
    io.out(l.summary(failures, warnings));
  }
  return failures > 0 ? 1 : 0;
}

function error(code: string, message: Diagnostic['message']): Diagnostic {
  return { severity: 'error', code, message, hint: USAGE };
}
