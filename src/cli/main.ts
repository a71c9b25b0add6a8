/**
 * The command line. The only module that prints or decides exit codes: 0 success, 1 the
 * user's input was wrong (diagnostics printed, no stack trace), 2 an internal error (a bug).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { progressSink, summaryTable } from './build-report.js';
import { isUserInputError, userError, type Diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { FLAVOURS, type BuildRequest, type Flavour } from '../build/plan.js';
import type { VariantSelection } from '../content/index.js';
import { previewOptions } from './preview-options.js';
import { detectLang, distinctDiagnostics, formatBytes, formatDiagnostic } from './format.js';
import { HELP } from './help.js';
// Each command's modules are loaded when it runs: `--help`, `check` or a build whose outputs
// are all up to date do not pay for loading layout, PDF and image code they never use.

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stderr is a terminal: `build` shows a progress bar there (else a line per document). */
  tty?: boolean;
  /** Ends a long-running command (dev) as Ctrl+C would; for hosts such as tests. */
  signal?: AbortSignal;
}

const OPTIONS = {
  content: { type: 'string', multiple: true },
  out: { type: 'string' },
  product: { type: 'string', multiple: true },
  variant: { type: 'string', multiple: true },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  dpi: { type: 'string' },
  format: { type: 'string' },
  measure: { type: 'string' },
  lines: { type: 'string' },
  name: { type: 'string' },
  port: { type: 'string' },
  print: { type: 'boolean' },
  web: { type: 'boolean' },
  'ink-limit': { type: 'string' },
  'outline-text': { type: 'boolean' },
  flavour: { type: 'string', multiple: true },
  all: { type: 'boolean' },
  force: { type: 'boolean' },
} as const;
const COMMANDS = ['build', 'preview', 'typeset', 'init', 'dev', 'check', 'furigana', 'help'];
/** Options of typeset alone, and the options typeset does not take. */
const TYPESET_ONLY = ['measure', 'lines'] as const;
const NOT_FOR_TYPESET = ['content', 'product', 'variant', 'dpi', 'format', 'name', 'port'] as const;
/** Options of check alone (src/cli/check-command.ts rejects the other commands' options). */
const CHECK_ONLY = ['print', 'web', 'ink-limit'] as const;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  // Read before parsing, so that even a mistake in the other options is reported in --lang.
  let lang: Lang = detectLang(langOption(argv), io.env);
  const fail = (ds: readonly Diagnostic[]): number => {
    for (const d of distinctDiagnostics(ds)) io.err(formatDiagnostic(d, lang));
    return 1;
  };
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
    if (values.lang !== undefined && !/^(ja|en)/i.test(values.lang)) return fail([badLang(values.lang)]);
    lang = detectLang(values.lang, io.env);
    const [command = 'help', ...extra] = positionals;
    if (values.help || command === 'help') {
      io.out(HELP[lang]);
      return 0;
    }
    if (values.version) {
      io.out('kasuhara-press 0.1.0');
      return 0;
    }
    const checkOnly = command === 'check' || !COMMANDS.includes(command) ? [] : CHECK_ONLY.filter((o) => values[o] !== undefined);
    if (checkOnly.length > 0) return fail(checkOnly.map((o) => optionOf('check', o, command)));
    for (const option of ['outline-text', 'all', 'force', 'flavour'] as const) {
      // dev shows variants as build makes them (--variant, --all).
      if (option === 'all' && command === 'dev') continue;
      if (values[option] !== undefined && command !== 'build' && COMMANDS.includes(command)) return fail([optionOf('build', option, command)]);
    }
    if (command === 'init') return (await import('./init.js')).initCommand(extra, values.name, io, lang);
    if (command === 'dev') return await (await import('./dev-command.js')).devCommand(extra, { ...values, variants: variantsOption(values) }, io, lang);
    if (command === 'check') return await (await import('./check-command.js')).checkCommand(extra, values, io, lang);
    if (command === 'furigana') return await (await import('./furigana-command.js')).furiganaCommand(extra, io, lang);
    if (command !== 'build' && command !== 'preview' && command !== 'typeset') return fail([unknownCommand(command)]);
    const misplaced = command === 'typeset' ? NOT_FOR_TYPESET.filter((o) => values[o] !== undefined) : TYPESET_ONLY.filter((o) => values[o] !== undefined);
    if (misplaced.length > 0) return fail(misplaced.map((o) => optionNotFor(o, command)));
    if (command === 'typeset') {
      if (extra.length === 0) return fail([missingFile()]);
      if (extra.length > 1) return fail([unexpectedArgument(extra[1]!, command)]);
      const { typeset } = await import('../build/typeset.js');
      const result = await typeset({
        cwd: io.cwd,
        file: extra[0]!,
        ...(values.measure !== undefined ? { measure: values.measure } : {}),
        ...(values.out !== undefined ? { out: values.out } : {}),
        ...(values.lines !== undefined ? { lines: values.lines } : {}),
        env: io.env,
      });
      for (const d of distinctDiagnostics(result.diagnostics)) io.err(formatDiagnostic(d, lang));
      if (values.json) io.out(JSON.stringify(result.outputs));
      else for (const o of result.outputs) io.out(`${o.file}  ${o.pages !== undefined ? `${o.pages}${lang === 'ja' ? 'ページ' : ' pages'}  ` : ''}${formatBytes(o.bytes)}  ${o.ms.toFixed(0)} ms`);
      return 0;
    }
    if (extra.length > 0) return fail([unexpectedArgument(extra[0]!, command)]);
    const variants = variantsOption(values);
    const request: BuildRequest = {
      cwd: io.cwd,
      env: io.env,
      ...(values.content ? { contentDirs: values.content } : {}),
      ...(values.out ? { outDir: values.out } : {}),
      ...(values.product ? { products: values.product } : {}),
      ...(variants ? { variants } : {}),
      ...(values['outline-text'] ? { outlineText: true } : {}),
      ...(values.force ? { force: true } : {}),
      ...(values.flavour ? { flavours: flavoursOption(values.flavour) } : {}),
    };
    if (command === 'preview') {
      const { previewAll } = await import('../build/preview.js');
      const result = await previewAll({ ...request, ...previewOptions(values.dpi, values.format) });
      for (const d of distinctDiagnostics(result.diagnostics)) io.err(formatDiagnostic(d, lang));
      if (values.json) io.out(JSON.stringify(result.outputs.map(({ file, bytes, pages, ms }) => ({ file, bytes, pages, ms }))));
      else for (const o of result.outputs) io.out(`${o.file}  ${o.pages}${lang === 'ja' ? 'ページ' : ' pages'}  ${formatBytes(o.bytes)}  ${o.ms.toFixed(0)} ms`);
      return 0;
    }
    const started = performance.now();
    const progress = values.json ? undefined : progressSink(lang, io.tty === true, io.out);
    const { buildAll } = await import('../build/batch.js');
    const result = await buildAll({ ...request, ...(progress ? { onProgress: (p) => progress.update(p) } : {}) }).finally(() => progress?.stop());
    for (const d of distinctDiagnostics(result.diagnostics)) io.err(formatDiagnostic(d, lang));
    if (values.json) io.out(JSON.stringify(result.outputs.map(({ file, bytes, pages, ms, cached }) => ({ file, bytes, pages, ms, ...(cached ? { cached } : {}) }))));
    else for (const line of summaryTable(result.outputs, lang, performance.now() - started)) io.out(line);
    return 0;
  } catch (e) {
    if (isUserInputError(e)) return fail(e.diagnostics);
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return fail([badOption(e)]);
    io.err(lang === 'ja' ? '内部エラーです（kasuhara-press の不具合）。以下を開発者に報告してください:' : 'Internal error (a bug in kasuhara-press). Please report this:');
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 2;
  }
}

/** --all (every variant) or --variant ID…; undefined: each organisation's base. */
function variantsOption(values: { all?: boolean | undefined; variant?: string[] | undefined }): VariantSelection {
  return values.all ? 'all' : values.variant;
}

/** --flavour pdf --flavour print, or --flavour pdf,print. */
function flavoursOption(values: readonly string[]): Flavour[] {
  const wanted = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const bad = wanted.filter((v) => !(FLAVOURS as readonly string[]).includes(v));
  if (bad.length > 0) {
    const guess = suggest(bad[0]!, FLAVOURS);
    throw userError({
      code: 'cli/bad-option',
      message: { ja: `--flavour の値「${bad.join('、')}」は使えません。`, en: `--flavour cannot be "${bad.join('", "')}".` },
      hint: {
        ja: `${guess ? `「${guess}」のことですか？ ` : ''}使えるのは ${FLAVOURS.join('・')} です（pdf 標準、print 入稿用、web 掲載用、html ウェブページ）。`,
        en: `${guess ? `Did you mean "${guess}"? ` : ''}Use ${FLAVOURS.join(', ')} (pdf plain, print for the print shop, web tagged, html web page).`,
      },
    });
  }
  return wanted as Flavour[];
}

const USAGE = { ja: '`kasuhara-press --help` で使い方を表示します。', en: 'Run `kasuhara-press --help` for usage.' };

/** The value of --lang / --lang=…, if given (the last one wins, as in parseArgs). */
function langOption(argv: readonly string[]): string | undefined {
  let lang: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') lang = argv[i + 1];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  });
  return lang;
}

function unknownCommand(command: string): Diagnostic {
  const guess = suggest(command, COMMANDS);
  return {
    severity: 'error',
    code: 'cli/unknown-command',
    message: { ja: `「${command}」というコマンドはありません。`, en: `Unknown command "${command}".` },
    hint: guess
      ? { ja: `「${guess}」のことですか？ ${USAGE.ja}`, en: `Did you mean "${guess}"? ${USAGE.en}` }
      : USAGE,
  };
}

function unexpectedArgument(arg: string, command: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cli/unexpected-argument',
    message: { ja: `余分な引数「${arg}」があります。`, en: `Unexpected argument "${arg}".` },
    hint: command === 'typeset'
      ? {
          ja: `typeset には Markdown ファイルを1つだけ指定します（例: kasuhara-press typeset 文書.md --measure 22em）。${USAGE.ja}`,
          en: `typeset takes one Markdown file, e.g. kasuhara-press typeset text.md --measure 22em. ${USAGE.en}`,
        }
      : {
          ja: `フォルダを指定するには --content を付けてください（例: --content ${arg}）。${USAGE.ja}`,
          en: `To build one folder, put --content before it, e.g. --content ${arg}. ${USAGE.en}`,
        },
  };
}

function missingFile(): Diagnostic {
  return {
    severity: 'error',
    code: 'cli/missing-argument',
    message: { ja: 'typeset には組版する Markdown ファイルが必要です。', en: 'typeset needs the Markdown file to typeset.' },
    hint: {
      ja: `例: kasuhara-press typeset 文書.md --measure 22em --lines 行.json。${USAGE.ja}`,
      en: `For example: kasuhara-press typeset text.md --measure 22em --lines lines.json. ${USAGE.en}`,
    },
  };
}

function optionNotFor(option: string, command: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cli/bad-option',
    message: command === 'typeset'
      ? { ja: `typeset では --${option} は使えません。`, en: `typeset does not take --${option}.` }
      : { ja: `--${option} は typeset コマンドのオプションです（${command} では使えません）。`, en: `--${option} belongs to the typeset command; ${command} does not take it.` },
    hint: USAGE,
  };
}

/** An option of one command (`owner`) given to another. */
function optionOf(owner: 'check' | 'build', option: string, command: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cli/bad-option',
    message: { ja: `--${option} は ${owner} コマンドのオプションです（${command} では使えません）。`, en: `--${option} belongs to the ${owner} command; ${command} does not take it.` },
    hint: USAGE,
  };
}

function badLang(value: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cli/bad-option',
    message: { ja: `--lang の値「${value}」は使えません。`, en: `--lang cannot be "${value}".` },
    hint: { ja: '--lang ja か --lang en を指定してください。', en: 'Use --lang ja or --lang en.' },
  };
}

/** parseArgs' own messages are long and English-only; the common cases get ours. */
function badOption(e: TypeError): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  const unknown = /^Unknown option '([^']+)'/.exec(e.message)?.[1];
  const missing = /^Option '(-\S+)(?:, -\S+)?(?: <value>)?' argument missing/.exec(e.message)?.[1];
  const names = Object.keys(OPTIONS).map((o) => `--${o}`);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const guess = suggest(unknown, names);
    return {
      severity: 'error',
      code: 'cli/bad-option',
      message: { ja: `「${unknown}」というオプションはありません。`, en: `Unknown option "${unknown}".` },
      hint: guess ? { ja: `「${guess}」のことですか？ ${USAGE.ja}`, en: `Did you mean "${guess}"? ${USAGE.en}` } : USAGE,
    };
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && missing) {
    return {
      severity: 'error',
      code: 'cli/bad-option',
      message: { ja: `オプション ${missing} の後に値がありません。`, en: `Option ${missing} needs a value.` },
      hint: USAGE,
    };
  }
  const first = e.message.split(/(?<=\.)\s/)[0]!;
  return {
    severity: 'error',
    code: 'cli/bad-option',
    message: { ja: `オプションが正しくありません: ${first}`, en: `Bad option: ${first}` },
    hint: USAGE,
  };
}
