/**
 * `kasuhara-press dev`: starts the live preview server (src/dev) and prints what it reports,
 * until Ctrl+C (or io.signal). Input mistakes found while it runs are printed and shown in
 * the page; only a bad command line or a busy port ends the command with exit code 1.
 */
import { isAbsolute, relative } from 'node:path';
import { userError, type Diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import { DEFAULT_PORT, startDevServer, type BuildReport, type LoadReport } from '../dev/index.js';
import { distinctDiagnostics, formatDiagnostic } from './format.js';
import type { VariantSelection } from '../content/index.js';
import type { Io } from './main.js';
import { previewOptions } from './preview-options.js';

export interface DevValues {
  content?: string[] | undefined;
  product?: string[] | undefined;
  /** From --variant / --all, as build reads them (main.ts). */
  variants?: VariantSelection;
  port?: string | undefined;
  dpi?: string | undefined;
  [option: string]: unknown;
}

/** Options of other commands that mean nothing here (nothing is written, previews are PNG). */
const NOT_FOR_DEV = ['out', 'json', 'format', 'measure', 'lines', 'name'] as const;

const TEXT = {
  ja: {
    listening: (url: string) => `プレビュー: ${url} （Ctrl+C で終了）`,
    changed: (files: string) => `変更: ${files}`,
    built: (r: BuildReport) => `${r.job} [${r.flavour}]  ${r.pages}ページ  ${r.ms.toFixed(0)} ms`,
    failed: (r: BuildReport) => `${r.job} [${r.flavour}] を作成できませんでした（${r.ms.toFixed(0)} ms）:`,
    loadFailed: (r: LoadReport) => `${r.org} の内容を読み込めませんでした:`,
    internal: '内部エラーです（kasuhara-press の不具合）。以下を開発者に報告してください:',
    stopped: 'プレビューサーバーを終了しました。',
  },
  en: {
    listening: (url: string) => `Preview at ${url} (Ctrl+C to stop)`,
    changed: (files: string) => `Changed: ${files}`,
    built: (r: BuildReport) => `${r.job} [${r.flavour}]  ${r.pages} ${r.pages === 1 ? 'page' : 'pages'}  ${r.ms.toFixed(0)} ms`,
    failed: (r: BuildReport) => `${r.job} [${r.flavour}] failed (${r.ms.toFixed(0)} ms):`,
    loadFailed: (r: LoadReport) => `Could not load the content of ${r.org}:`,
    internal: 'Internal error (a bug in kasuhara-press). Please report this:',
    stopped: 'Preview server stopped.',
  },
} as const;

export async function devCommand(extra: readonly string[], values: DevValues, io: Io, lang: Lang): Promise<number> {
  const t = TEXT[lang];
  const print = (ds: readonly Diagnostic[]) => distinctDiagnostics(ds).forEach((d) => io.err(formatDiagnostic(d, lang)));
  const problems: Diagnostic[] = [
    ...extra.slice(0, 1).map(unexpectedArgument),
    ...NOT_FOR_DEV.filter((o) => values[o] !== undefined).map(notForDev),
  ];
  if (problems.length > 0) {
    print(problems);
    return 1;
  }
  const port = parsePort(values.port);
  const { dpi } = previewOptions(values.dpi, undefined);
  // Warnings are printed when they first appear for an output, not after every rebuild; a
  // warning about a variant file, which every variant carries, once for all of them.
  const shownWarnings = new Map<string, Set<string>>();
  const warnOnce = (key: string, ds: readonly Diagnostic[]) => {
    const warnings = ds.filter((d) => d.severity === 'warning');
    const shown = new Set(warnings.map((w) => JSON.stringify(w)));
    const before = shownWarnings.get(key);
    shownWarnings.set(key, shown);
    const elsewhere = (text: string) => [...shownWarnings].some(([k, s]) => k !== key && k.startsWith('load:') && s.has(text));
    print(warnings.filter((w) => !before?.has(JSON.stringify(w)) && !(key.startsWith('load:') && elsewhere(JSON.stringify(w)))));
  };
  const internal = (e: unknown) => {
    io.err(t.internal);
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  };

  const server = await startDevServer(
    {
      cwd: io.cwd,
      env: io.env,
      lang,
      port,
      ...(values.content ? { contentDirs: values.content } : {}),
      ...(values.product ? { products: values.product } : {}),
      ...(values.variants ? { variants: values.variants } : {}),
      ...(dpi !== undefined ? { dpi } : {}),
    },
    {
      onChange: (files) => io.out(t.changed(files.map((f) => shown(io.cwd, f)).join(', '))),
      onLoad: (r) => {
        if (r.internalError !== undefined) internal(r.internalError);
        else if (!r.ok) {
          io.err(t.loadFailed(r));
          print(r.diagnostics.filter((d) => d.severity === 'error'));
        }
        warnOnce(`load:${r.org}`, r.diagnostics);
      },
      onBuild: (r) => {
        if (r.internalError !== undefined) internal(r.internalError);
        else if (r.ok) io.out(t.built(r));
        else {
          io.err(t.failed(r));
          print(r.diagnostics.filter((d) => d.severity === 'error'));
        }
        warnOnce(`${r.job}:${r.flavour}`, r.diagnostics);
      },
      onError: internal,
    },
  );
  io.out(t.listening(server.url));
  await untilStopped(io.signal);
  await server.close();
  io.out(t.stopped);
  return 0;
}

/** Relative to the working directory when inside it (content/okayama/poster.yaml), else absolute. */
function shown(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    signal?.addEventListener('abort', done, { once: true });
    if (signal?.aborted) done();
  });
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = Number(value);
  if (/^\d+$/.test(value) && n <= 65535) return n;
  throw userError({
    code: 'cli/bad-option',
    message: { ja: `--port の値「${value}」は使えません。`, en: `--port cannot be "${value}".` },
    hint: {
      ja: `0 から 65535 までの整数を指定してください（既定: ${DEFAULT_PORT}。0 なら空いているポートを使います）。`,
      en: `Give a whole number from 0 to 65535 (default ${DEFAULT_PORT}; 0 picks a free port).`,
    },
  });
}

function unexpectedArgument(arg: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cli/unexpected-argument',
    message: { ja: `余分な引数「${arg}」があります。`, en: `Unexpected argument "${arg}".` },
    hint: {
      ja: `フォルダを指定するには --content を付けてください（例: kasuhara-press dev --content ${arg}）。`,
      en: `To preview one folder, put --content before it, e.g. kasuhara-press dev --content ${arg}.`,
    },
  };
}

function notForDev(option: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cli/bad-option',
    message: { ja: `dev では --${option} は使えません。`, en: `dev does not take --${option}.` },
    hint: {
      ja: 'dev はファイルを書き出さず、ブラウザーにプレビューと PDF を表示します。ファイルを作るには build を使ってください。',
      en: 'dev writes no files; it shows previews and the PDF in the browser. Use build to write files.',
    },
  };
}
