/** The build's progress display and summary table (src/cli/build-report.ts). */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressSink, summaryTable } from '../../src/cli/build-report.js';

describe('progress', () => {
  it('draws a bar on a terminal', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let drawn = '';
    stream.on('data', (c: Buffer) => (drawn += c.toString()));
    const sink = progressSink('en', true, () => undefined, stream as unknown as NodeJS.WritableStream);
    sink.update({ done: 0, total: 4 });
    sink.update({ done: 2, total: 4, file: 'okayama/poster-a4.pdf' });
    sink.stop();
    expect(drawn).toContain('documents');
    expect(drawn).toMatch(/[░█]/);
  });

  it('prints a plain line per document elsewhere, from ten documents on', () => {
    const lines: string[] = [];
    const small = progressSink('en', false, (l) => lines.push(l));
    small.update({ done: 1, total: 3, file: 'a/x.pdf' });
    expect(lines).toEqual([]);
    const big = progressSink('ja', false, (l) => lines.push(l));
    big.update({ done: 0, total: 12 });
    big.update({ done: 3, total: 12, file: 'okayama-kita/poster-a4.pdf' });
    expect(lines).toEqual(['[ 3/12] okayama-kita/poster-a4.pdf']);
  });
});

describe('summary table', () => {
  const outputs = [
    { file: 'output/okayama/poster-a4.pdf', bytes: 43_000, pages: 1, ms: 20 },
    { file: 'output/okayama/poster-a4.print.pdf', bytes: 44_000, pages: 1, ms: 4 },
    { file: 'output/okayama/policy.pdf', bytes: 110_000, pages: 2, ms: 0, cached: true },
    { file: 'output/okayama/policy.html', bytes: 8_000, pages: 1, ms: 30 },
  ];

  it('has one row per document with its flavours, and the totals', () => {
    const lines = summaryTable(outputs, 'en', 1234);
    expect(lines[0]).toMatch(/^document +flavours +pages +total +time$/);
    expect(lines.find((l) => l.startsWith('output/okayama/poster-a4.pdf'))).toMatch(/pdf\+print +1 +85 KB +24 ms$/);
    expect(lines.find((l) => l.startsWith('output/okayama/policy.pdf'))).toMatch(/unchanged$/);
    expect(lines.at(-1)).toBe('2 documents (1 built, 1 unchanged), 4 files, 200 KB, 1.23 s');
  });

  it('aligns columns by display width, counting Japanese characters as two', () => {
    const lines = summaryTable(outputs, 'ja', 500);
    const width = (t: string) => [...t].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
    // The size column ends at the same display column in the header and in every row.
    const sizeEnd = (l: string) => width(l.slice(0, l.search(/\d+ KB|合計/) + (l.match(/\d+ KB|合計/)?.[0].length ?? 0)));
    const rows = [lines[0]!, ...lines.slice(2, -1)];
    expect(new Set(rows.map(sizeEnd)).size).toBe(1);
    expect(lines.at(-1)).toBe('2 文書（作成 1・変更なし 1）、4 ファイル、200 KB、0.50 秒');
  });
});
