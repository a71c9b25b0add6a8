/**
 * The command line. The only module that prints or decides exit codes: 0 success, 1 the
 * user's input was wrong (diagnostics printed, no stack trace), 2 an internal error (a bug).
 */
import { parseArgs } from 'node:util';
import { isUserInputError, type Lang } from '../diagnostics/diagnostic.js';
import { buildAll, type BuildRequest } from '../build/build.js';
import { detectLang, formatBytes, formatDiagnostic } from './format.js';
import { HELP } from './help.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = detectLang(undefined, io.env);
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        content: { type: 'string', multiple: true },
        out: { type: 'string' },
        product: { type: 'string', multiple: true },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    lang = detectLang(values.lang, io.env);
    const [command = 'help'] = positionals;
    if (values.help || command === 'help') {
      io.out(HELP[lang]);
      return 0;
    }
    if (values.version) {
      io.out('kasuhara-press 0.1.0');
      return 0;
    }
    if (command !== 'build') {
      io.err(formatDiagnostic(unknownCommand(command), lang));
      return 1;
    }
    const request: BuildRequest = {
      cwd: io.cwd,
      ...(values.content ? { contentDirs: values.content } : {}),
      ...(values.out ? { outDir: values.out } : {}),
      ...(values.product ? { products: values.product } : {}),
    };
    const result = await buildAll(request);
    for (const d of result.diagnostics) io.err(formatDiagnostic(d, lang));
    if (values.json) io.out(JSON.stringify(result.outputs.map(({ file, bytes, pages, ms }) => ({ file, bytes, pages, ms }))));
    else for (const o of result.outputs) io.out(`${o.file}  ${o.pages}${lang === 'ja' ? 'ページ' : ' pages'}  ${formatBytes(o.bytes)}  ${o.ms.toFixed(0)} ms`);
    return 0;
  } catch (e) {
    if (isUserInputError(e)) {
      for (const d of e.diagnostics) io.err(formatDiagnostic(d, lang));
      return 1;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(formatDiagnostic(badOption(e.message), lang));
      return 1;
    }
    io.err(lang === 'ja' ? '内部エラーです（kasuhara-press の不具合）。以下を開発者に報告してください:' : 'Internal error (a bug in kasuhara-press). Please report this:');
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 2;
  }
}

function unknownCommand(command: string) {
  return {
    severity: 'error' as const,
    code: 'cli/unknown-command',
    message: { ja: `「${command}」というコマンドはありません。`, en: `Unknown command "${command}".` },
    hint: { ja: '`kasuhara-press --help` で使い方を表示します。', en: 'Run `kasuhara-press --help` for usage.' },
  };
}

function badOption(message: string) {
  return {
    severity: 'error' as const,
    code: 'cli/bad-option',
    message: { ja: `オプションが正しくありません: ${message}`, en: `Bad option: ${message}` },
    hint: { ja: '`kasuhara-press --help` で使い方を表示します。', en: 'Run `kasuhara-press --help` for usage.' },
  };
}
