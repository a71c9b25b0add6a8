/**
 * What `build` shows while it runs and when it is done: a progress bar on a terminal (stderr,
 * cli-progress), one plain line per finished document otherwise (logs, CI), and a summary
 * table at the end — one row per document with its flavours, pages, size and time, cached
 * documents marked — followed by the totals.
 */
import cliProgress from 'cli-progress';
import type { BuiltOutput } from '../build/plan.js';
import type { Lang } from '../diagnostics/diagnostic.js';
import { formatBytes } from './format.js';

export interface ProgressSink {
  update(progress: { done: number; total: number; file?: string }): void;
  stop(): void;
}

/** A bar on a terminal; on anything else a line per document (only once the build is big enough to want one). */
export function progressSink(lang: Lang, tty: boolean, line: (text: string) => void, stream: NodeJS.WritableStream = process.stderr): ProgressSink {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: lang === 'ja' ? ' {bar} {value}/{total} 文書  {file}' : ' {bar} {value}/{total} documents  {file}',
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: ({ done, total, file }) => {
        if (!started) bar.start(total, done, { file: '' }), (started = true);
        else bar.update(done, { file: file ?? '' });
      },
      stop: () => started && bar.stop(),
    };
  }
  return {
    // A small build is over before a progress line would help; its summary is enough.
    update: ({ done, total, file }) => {
      if (file && total >= PLAIN_PROGRESS_FROM) line(`[${String(done).padStart(String(total).length)}/${total}] ${file}`);
    },
    stop: () => undefined,
  };
}

/** Documents from which a build without a terminal prints a line per finished document. */
const PLAIN_PROGRESS_FROM = 10;

const FLAVOUR_SUFFIX = /\.(print-outlined|print|web)\.pdf$/i;

interface Row {
  document: string;
  flavours: string[];
  pages: number;
  bytes: number;
  ms: number;
  cached: boolean;
}

/** The summary: one row per document (its flavours together), then the totals. */
export function summaryTable(outputs: readonly BuiltOutput[], lang: Lang, wallMs: number): string[] {
  const rows = new Map<string, Row>();
  const others: BuiltOutput[] = [];
  for (const o of outputs) {
    if (!o.file.endsWith('.pdf')) {
      others.push(o);
      continue;
    }
    const flavour = FLAVOUR_SUFFIX.exec(o.file)?.[1]?.toLowerCase() ?? 'pdf';
    const document = o.file.replace(FLAVOUR_SUFFIX, '.pdf');
    const row = rows.get(document) ?? { document, flavours: [], pages: o.pages, bytes: 0, ms: 0, cached: true };
    row.flavours.push(flavour);
    row.bytes += o.bytes;
    row.ms += o.ms;
    row.cached &&= o.cached === true;
    rows.set(document, row);
  }
  const ja = lang === 'ja';
  const head = ja ? ['文書', '種類', 'ページ', '合計', '時間'] : ['document', 'flavours', 'pages', 'total', 'time'];
  const body = [...rows.values()].map((r) => [
    r.document,
    r.flavours.join('+'),
    String(r.pages),
    formatBytes(r.bytes),
    r.cached ? (ja ? '変更なし' : 'unchanged') : `${r.ms.toFixed(0)} ms`,
  ]);
  body.push(...others.map((o) => [o.file, o.file.split('.').pop()!, String(o.pages), formatBytes(o.bytes), o.cached ? (ja ? '変更なし' : 'unchanged') : `${o.ms.toFixed(0)} ms`]));
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]!))));
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= 2 ? pad(c, widths[i]!, 'start') : pad(c, widths[i]!, 'end'))).join('  ').trimEnd();
  const built = [...rows.values()].filter((r) => !r.cached).length;
  const total = outputs.reduce((n, o) => n + o.bytes, 0);
  const footer = ja
    ? `${rows.size} 文書（作成 ${built}・変更なし ${rows.size - built}）、${outputs.length} ファイル、${formatBytes(total)}、${(wallMs / 1000).toFixed(2)} 秒`
    : `${rows.size} documents (${built} built, ${rows.size - built} unchanged), ${outputs.length} files, ${formatBytes(total)}, ${(wallMs / 1000).toFixed(2)} s`;
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt), footer];
}

/** Display width: East Asian wide characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, to: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, to - width(s)));
  return side === 'start' ? fill + s : s + fill;
}
