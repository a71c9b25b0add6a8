/**
 * The PDF backend read back by independent readers: pdf.js for text, positions, fonts,
 * metadata and pixels; qpdf and pdffonts too when installed (skipped otherwise).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayDocument, DisplayPage, GlyphRun, PathItem } from '../../src/layout/display-list.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { A4, FIXED_DATE, gothic, makeDoc, mincho, rectPath, textRun } from '../helpers/displayDoc.js';
import { loadPdf } from '../helpers/pdfjs.js';
import { countInk, pixelAt, renderPdfPage } from '../helpers/pdfRender.js';
import { extractPdfText, type PdfPageText } from '../helpers/pdfText.js';

const TAG = /^[A-Z]{6}\+/;
const CHARS_FILE = new URL('./fixtures/policy-chars.txt', import.meta.url);

function textDoc(): DisplayDocument {
  const spaced = textRun(gothic(), '安心職場', 50, 300, { size: 12 });
  // Irregular gaps, wide enough that pdf.js reports each glyph as its own item.
  spaced.glyphs = spaced.glyphs.map((g, i) => ({ ...g, x: i * 37.123 + (i % 2) * 0.457 }));
  return makeDoc([
    {
      width: A4[0],
      height: A4[1],
      items: [
        textRun(gothic(700), 'カスタマー・ハラスメント対策基本方針', 40.5, 80.25, { size: 24 }),
        textRun(gothic(), '岡山市職員に対するカスタマー・ハラスメント対策', 40, 130, { size: 12, letterSpacing: 1.5 }),
        textRun(mincho(), '行政サービスの利用者等からの意見・要望に真摯に対応します', 40, 170, { size: 11 }),
        textRun(gothic(), '直通086-803-1090（人事課）', 40, 210, { size: 10 }),
        spaced,
      ],
    },
    { width: 400, height: 300, items: [textRun(gothic(), '二ページ目の本文', 20, 50, { size: 20 })] },
  ]);
}

const runsOf = (page: DisplayPage) => page.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
const runText = (run: GlyphRun) => run.glyphs.map((g) => g.text).join('');

describe('renderPdf read back with pdf.js', () => {
  let doc: DisplayDocument;
  let bytes: Uint8Array;
  let pages: PdfPageText[];

  beforeAll(async () => {
    doc = textDoc();
    bytes = await renderPdf(doc);
    pages = await extractPdfText(bytes);
  });

  it('writes a PDF with exactly the display list page sizes', () => {
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    expect(pages.map((p) => p.size)).toEqual([
      [595.28, 841.89],
      [400, 300],
    ]);
  });

  it('embeds every face as a tagged subset, one per face shared by all pages', () => {
    const names = pages.flatMap((p) => p.fonts.map((f) => f.name));
    for (const f of pages.flatMap((p) => p.fonts)) {
      expect(f.name).toMatch(TAG);
      expect(f.embedded).toBe(true);
    }
    expect(new Set(names.map((n) => n.slice(7)))).toEqual(
      new Set(['BIZUDPGothic-Bold', 'BIZUDPGothic-Regular', 'BIZUDPMincho-Regular']),
    );
    // Page 2's Gothic is the very same subset (same tag) as page 1's.
    const gothic1 = pages[0]!.fonts.find((f) => f.name.endsWith('+BIZUDPGothic-Regular'))!;
    expect(pages[1]!.fonts.map((f) => f.name)).toEqual([gothic1.name]);
  });

  it('extracts the glyph texts, run by run', () => {
    const runs = runsOf(doc.pages[0]!).slice(0, 4);
    const items = pages[0]!.items.filter((i) => i.str.trim() !== '');
    // pdf.js infers word spaces from gaps: it puts " " between the glyphs of the letter-spaced
    // run (1.5 pt at 12 pt), so spaces are ignored in the comparison.
    expect(items.slice(0, 4).map((i) => i.str.replaceAll(' ', ''))).toEqual(runs.map(runText));
    expect(items[0]!.str).toBe(runText(runs[0]!));
    expect(pages[1]!.text).toBe('二ページ目の本文');
  });

  it('puts every run at its display-list position (within 0.01 pt)', () => {
    const runs = runsOf(doc.pages[0]!).slice(0, 4);
    const items = pages[0]!.items.filter((i) => i.str.trim() !== '');
    runs.forEach((run, k) => {
      expect(Math.abs(items[k]!.x - (run.x + run.glyphs[0]!.x))).toBeLessThan(0.01);
      expect(Math.abs(items[k]!.y - run.y)).toBeLessThan(0.01);
      expect(items[k]!.height).toBeCloseTo(run.size, 6);
    });
    // The letter-spaced run ends where its last glyph ends (TJ adjustments add the spacing).
    const spacedRun = runs[1]!;
    const last = spacedRun.glyphs.at(-1)!;
    const lastWidth = last.advance - 1.5;
    expect(Math.abs(items[1]!.width - (last.x + lastWidth))).toBeLessThan(0.01);
  });

  it('places each glyph of a run at its own x (TJ adjustments)', () => {
    const run = runsOf(doc.pages[0]!)[4]!;
    const items = pages[0]!.items.filter((i) => i.str.trim() !== '' && Math.abs(i.y - run.y) < 0.5);
    expect(items.map((i) => i.str)).toEqual(run.glyphs.map((g) => g.text));
    items.forEach((item, i) => expect(Math.abs(item.x - (run.x + run.glyphs[i]!.x))).toBeLessThan(0.01));
  });

  it('writes metadata, language, DisplayDocTitle and a content-derived trailer /ID', async () => {
    const pdf = await loadPdf(bytes);
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info).toMatchObject({
      Title: 'テスト文書',
      Producer: 'kasuhara-press',
      Language: 'ja',
      CreationDate: 'D:20250115093000Z',
      ModDate: 'D:20250115093000Z',
    });
    expect(await pdf.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
    const [id1, id2] = pdf.fingerprints;
    expect(id1).toMatch(/^[0-9a-f]{32}$/);
    expect(id2).toBeNull(); // pdf.js reports null when both halves are equal (no options.id)
    await pdf.destroy();
  });
});

describe('renderPdf reproducibility', () => {
  it('gives byte-identical output for the same input, even after other documents', async () => {
    const a = await renderPdf(textDoc());
    await renderPdf(makeDoc([{ width: 200, height: 200, items: [textRun(mincho(700), '別の文書', 10, 50)] }]));
    const b = await renderPdf(textDoc());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('changes bytes and /ID when the content or date changes', async () => {
    const base = textDoc();
    const later = { ...base, meta: { ...base.meta, date: new Date(FIXED_DATE.getTime() + 1000) } };
    const ids = async (d: DisplayDocument, id?: string) => {
      const pdf = await loadPdf(await renderPdf(d, { id }));
      const f = pdf.fingerprints;
      await pdf.destroy();
      return f;
    };
    const [a] = await ids(base);
    const [b] = await ids(later);
    expect(a).not.toBe(b);
    // With options.id the first half is permanent, the second tracks the content.
    const [p1, c1] = await ids(base, 'content/policy.yaml');
    const [p2, c2] = await ids(later, 'content/policy.yaml');
    expect(p1).toBe(p2);
    expect(c1).not.toBe(c2);
    expect(p1).not.toBe(c1);
  });

  it('embeds only faces that show glyphs', async () => {
    const empty = { ...textRun(mincho(), '', 10, 20) };
    const bytes = await renderPdf(
      makeDoc([{ width: 200, height: 100, items: [empty, textRun(gothic(), '安全', 10, 50)] }]),
    );
    // No object streams, so every font dictionary is plain text in the file.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw.match(/\/FontFile2/g)).toHaveLength(1);
    expect(raw).not.toContain('Mincho');
  });

  it('derives the subset tag from the glyph set', async () => {
    const name = async (text: string) => {
      const [page] = await extractPdfText(
        await renderPdf(makeDoc([{ width: 200, height: 100, items: [textRun(gothic(), text, 10, 50)] }])),
      );
      return page!.fonts[0]!.name;
    };
    expect(await name('安全な職場')).toBe(await name('職場な安全')); // same glyph set
    expect(await name('安全な職場')).not.toBe(await name('安全な職員'));
  });
});

describe('renderPdf text details', () => {
  it('maps glyphs to multi-character texts and drops BOM/NUL from ToUnicode', async () => {
    const run = textRun(gothic(), 'ABC', 20, 50, { size: 10 });
    run.glyphs[1]!.text = 'fi';
    run.glyphs[2]!.text = '\uFEFFZ\u0000';
    const [page] = await extractPdfText(await renderPdf(makeDoc([{ width: 200, height: 100, items: [run] }])));
    expect(page!.text).toBe('AfiZ');
  });

  it('extracts characters outside the BMP (surrogate pairs)', async () => {
    const face = gothic();
    const cp = [...'𠮷𩸽'].map((c) => c.codePointAt(0)!).find((c) => face.glyphId(c) !== 0);
    if (cp === undefined) return; // the font has neither; nothing to check
    const ch = String.fromCodePoint(cp);
    const [page] = await extractPdfText(
      await renderPdf(makeDoc([{ width: 200, height: 100, items: [textRun(face, `吉${ch}野`, 20, 50)] }])),
    );
    expect(page!.text).toBe(`吉${ch}野`);
  });
});

function pathPage(): DisplayPage {
  const line = (y: number, cap: 'butt' | 'round' | 'square'): PathItem => ({
    kind: 'path',
    commands: [
      { op: 'M', x: 20, y },
      { op: 'L', x: 80, y },
    ],
    stroke: {
      color: { space: 'rgb', r: 0, g: 0, b: 0 },
      width: 10,
      cap,
      join: 'bevel',
      // Dashed so that the last dash still ends at x = 80 with its cap.
      ...(cap === 'round' && { dash: [6, 3] }),
    },
  });
  const donut = (x: number, rule: 'evenodd' | 'nonzero'): PathItem => ({
    kind: 'path',
    commands: [...rectPath(x, 100, 60, 60, {}).commands, ...rectPath(x + 20, 120, 20, 20, {}).commands],
    fill: { space: 'rgb', r: 0, g: 0, b: 0 },
    fillRule: rule,
  });
  const k = 0.5523 * 30; // circle of radius 30 at (230, 230) from four Béziers
  const circle: PathItem = {
    kind: 'path',
    commands: [
      { op: 'M', x: 260, y: 230 },
      { op: 'C', x1: 260, y1: 230 + k, x2: 230 + k, y2: 260, x: 230, y: 260 },
      { op: 'C', x1: 230 - k, y1: 260, x2: 200, y2: 230 + k, x: 200, y: 230 },
      { op: 'C', x1: 200, y1: 230 - k, x2: 230 - k, y2: 200, x: 230, y: 200 },
      { op: 'C', x1: 230 + k, y1: 200, x2: 260, y2: 230 - k, x: 260, y: 230 },
      { op: 'Z' },
    ],
    fill: { space: 'rgb', r: 0, g: 0, b: 0 },
  };
  return {
    width: 300,
    height: 300,
    items: [
      rectPath(20, 20, 60, 60, { fill: { space: 'rgb', r: 1, g: 0, b: 0 } }),
      rectPath(100, 20, 60, 60, { fill: { space: 'cmyk', c: 1, m: 0, y: 0, k: 0 } }),
      rectPath(180, 20, 60, 60, { stroke: { color: { space: 'rgb', r: 0, g: 0, b: 1 }, width: 4 } }),
      donut(20, 'evenodd'),
      donut(100, 'nonzero'),
      line(200, 'butt'),
      line(230, 'square'),
      line(260, 'round'),
      circle,
      textRun(gothic(700), '国', 180, 150, { size: 40, color: { space: 'rgb', r: 0, g: 0.6, b: 0 } }),
      textRun(gothic(700), '国', 240, 150, { size: 40, color: { space: 'cmyk', c: 0, m: 1, y: 0, k: 0 } }),
    ],
  };
}

describe('renderPdf paths and colours, rasterised by pdf.js', () => {
  let bytes: Uint8Array;
  let raster: Awaited<ReturnType<typeof renderPdfPage>>;

  beforeAll(async () => {
    bytes = await renderPdf(makeDoc([pathPage()]));
    raster = await renderPdfPage(bytes, 1, 2);
  });

  it('fills with rgb and cmyk colours', () => {
    expect(pixelAt(raster, 50, 50)).toEqual([255, 0, 0]);
    const [r, g, b] = pixelAt(raster, 130, 50);
    expect(r).toBeLessThan(60);
    expect(g).toBeGreaterThan(150);
    expect(b).toBeGreaterThan(200);
  });

  it('strokes without filling', () => {
    expect(pixelAt(raster, 210, 50)).toEqual([255, 255, 255]);
    const [r, g, b] = pixelAt(raster, 180, 50);
    expect(b).toBeGreaterThan(200);
    expect(r + g).toBeLessThan(120);
  });

  it('honours the fill rule', () => {
    expect(pixelAt(raster, 50, 130)).toEqual([255, 255, 255]); // evenodd hole
    expect(pixelAt(raster, 130, 130)).toEqual([0, 0, 0]); // nonzero, same winding
    expect(pixelAt(raster, 30, 110)).toEqual([0, 0, 0]);
  });

  it('draws curves and flips y to PDF space', () => {
    expect(pixelAt(raster, 230, 230)).toEqual([0, 0, 0]);
    expect(pixelAt(raster, 203, 203)).toEqual([255, 255, 255]); // outside the circle, inside its box
    expect(countInk(raster, { x: 0, y: 280, width: 300, height: 20 })).toBe(0);
  });

  it('applies line caps', () => {
    expect(countInk(raster, { x: 81, y: 198, width: 3, height: 4 })).toBe(0); // butt
    expect(countInk(raster, { x: 81, y: 228, width: 3, height: 4 })).toBeGreaterThan(10); // square
    expect(countInk(raster, { x: 81, y: 258, width: 3, height: 4 })).toBeGreaterThan(10); // round
    expect(countInk(raster, { x: 84, y: 255, width: 2, height: 1 })).toBe(0); // round, not square
  });

  it('colours text with rgb and cmyk', () => {
    const count = (x0: number, pred: (p: [number, number, number]) => boolean) => {
      let n = 0;
      for (let y = 115; y < 155; y += 0.5) for (let x = x0; x < x0 + 40; x += 0.5) if (pred(pixelAt(raster, x, y))) n++;
      return n;
    };
    expect(count(180, ([r, g, b]) => g > 120 && r < 60 && b < 60)).toBeGreaterThan(200);
    expect(count(240, ([r, g, b]) => r > 200 && g < 80 && b > 100)).toBeGreaterThan(200);
  });

  it('writes line width, cap and join operators', async () => {
    const pdf = await loadPdf(bytes);
    const ops = await (await pdf.getPage(1)).getOperatorList();
    const args = (op: number) => ops.fnArray.flatMap((f, i) => (f === op ? [ops.argsArray[i]![0]] : []));
    expect(args(OPS.setLineWidth)).toEqual([4, 10, 10, 10]);
    expect(args(OPS.setLineCap)).toEqual([0, 0, 2, 1]);
    expect(args(OPS.setLineJoin)).toEqual([0, 2, 2, 2]);
    expect(ops.fnArray.flatMap((f, i) => (f === OPS.setDash ? [ops.argsArray[i]] : []))).toEqual([[[6, 3], 0]]);
    await pdf.destroy();
  });
});

describe('renderPdf speed', () => {
  it('renders a poster-sized page (200 distinct glyphs, two faces) well within budget, warm', async () => {
    const chars = [...readFileSync(CHARS_FILE, 'utf8').trim()].slice(0, 200);
    const lines = Array.from({ length: 20 }, (_, i) => chars.slice(i * 10, i * 10 + 25).join(''));
    const band = rectPath(20, 20, 555, 100, { fill: { space: 'cmyk', c: 0, m: 0.2, y: 0.8, k: 0 } });
    const items: DisplayPage['items'] = [band];
    lines.forEach((l, i) => items.push(textRun(i % 5 ? gothic() : gothic(700), l, 40, 150 + i * 20, { size: 16 })));
    const poster = makeDoc([{ width: A4[0], height: A4[1], items }]);
    const times: number[] = [];
    for (let i = 0; i < 13; i++) {
      const t = performance.now();
      await renderPdf(poster);
      times.push(performance.now() - t);
    }
    const median = times.slice(3).sort((a, b) => a - b)[5]!;
    // Target is 30 ms (about 12 ms measured on an idle machine); the bound leaves room for
    // parallel test workers and only catches gross regressions such as re-parsing fonts.
    expect(median).toBeLessThan(90);
  }, 30_000);
});

describe('renderPdf rejects broken display lists', () => {
  const page = (items: DisplayPage['items']): DisplayPage => ({ width: 100, height: 100, items });

  it('refuses an empty document, a bad page size, a bad glyph id and NaN coordinates', async () => {
    await expect(renderPdf(makeDoc([]))).rejects.toThrow(/no pages/);
    await expect(renderPdf(makeDoc([{ width: 0, height: 100, items: [] }]))).rejects.toThrow(/page size/);
    const bad = textRun(gothic(), 'あ', 10, 50);
    bad.glyphs[0]!.id = 1e9;
    await expect(renderPdf(makeDoc([page([bad])]))).rejects.toThrow(/out of range/);
    const nan = textRun(gothic(), 'あ', Number.NaN, 50);
    await expect(renderPdf(makeDoc([page([nan])]))).rejects.toThrow(/non-finite/);
  });
});

const has = (cmd: string) => spawnSync(cmd, ['-v']).error === undefined;

describe('renderPdf checked by external tools (skipped when absent)', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kasuhara-pdf-'));
    file = join(dir, 'doc.pdf');
    writeFileSync(file, await renderPdf(textDoc()));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!has('qpdf'))('passes qpdf --check', () => {
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No syntax or stream encoding errors/);
  });

  it.skipIf(!has('pdffonts'))('pdffonts lists embedded CID TrueType subsets with ToUnicode', () => {
    const r = spawnSync('pdffonts', [file], { encoding: 'utf8' });
    const rows = r.stdout.trim().split('\n').slice(2);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });
});
