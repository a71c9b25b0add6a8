/**
 * Print preflight (`check --print`) on PDFs that our renderer did not write: one from pdf-lib's
 * high-level API (RGB, standard font, no boxes), hand-built compliant ones, and one broken
 * thing at a time on top of the compliant one.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PDFDocument, StandardFonts, cmyk, rgb } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { lexContent } from '../../src/preflight/content-lexer.js';
import { preflightPrint, type PreflightResult } from '../../src/preflight/print.js';
import { run } from '../../src/cli/main.js';
import { MM, compliantPdf, fill, placeCmykImage, rectangle, setFillingCmykColor, setLineWidth, setStrokingCmykColor, stroke, moveTo, lineTo } from './support.js';

const bad = (rs: PreflightResult[]): PreflightResult[] => rs.filter((r) => r.status !== 'pass');
const of = (rs: PreflightResult[], rule: string, status?: string): PreflightResult[] => rs.filter((r) => r.rule === rule && (status === undefined || r.status === status));

async function foreignRgbPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Hello', { x: 50, y: 700, size: 24, font, color: rgb(1, 0, 0) });
  page.drawRectangle({ x: 50, y: 500, width: 200, height: 100, color: rgb(0, 0.5, 1) });
  return doc.save();
}

describe('content lexer', () => {
  it('reads operands, strings with nested parentheses, arrays, dictionaries and inline images', () => {
    const src = '% comment\nq 1 0 0 1 10 20 cm /CS0 cs 0.1 .5 -1 scn BT (a(b)\\)c) Tj [(x) -20 <4142>] TJ ET /P <</MCID 3>> BDC EMC BI /W 4 /H 2 /CS /G /BPC 8 ID \x00EI\xff\x01 EI Q';
    const ops = lexContent(Buffer.from(src, 'latin1'));
    expect(ops.map((o) => o.op)).toEqual(['q', 'cm', 'cs', 'scn', 'BT', 'Tj', 'TJ', 'ET', 'BDC', 'EMC', 'BI', 'Q']);
    expect(ops[3]!.operands).toEqual([{ kind: 'number', value: 0.1 }, { kind: 'number', value: 0.5 }, { kind: 'number', value: -1 }]);
    expect(ops[10]!.inlineImage?.get('W')).toEqual({ kind: 'number', value: 4 });
    expect(ops[11]!.index).toBe(12);
  });
});

describe('print preflight of a foreign RGB PDF (pdf-lib high-level API)', () => {
  it('fails boxes, colour space (page 1, rg), fonts (Helvetica not embedded) and the PDF/X keys', async () => {
    const rs = await preflightPrint(await foreignRgbPdf());
    expect(of(rs, 'boxes', 'fail').map((r) => [r.page, r.object])).toEqual([[1, 'TrimBox'], [1, 'BleedBox']]);
    const colour = of(rs, 'colour-space', 'fail');
    expect(colour.length).toBeGreaterThanOrEqual(2);
    expect(colour[0]).toMatchObject({ page: 1, object: expect.stringMatching(/^content stream op #\d+ rg$/) });
    expect(colour[0]!.message.en).toMatch(/DeviceRGB 1 0 0 rg/);
    expect(colour[0]!.message.ja).toMatch(/CMYK/);
    const fonts = of(rs, 'fonts', 'fail');
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatchObject({ page: 1, object: expect.stringMatching(/Font \S+ \(Helvetica\)/) });
    expect(of(rs, 'pdfx', 'fail').map((r) => r.object)).toEqual(expect.arrayContaining(['header', 'Catalog /OutputIntents', 'Info /GTS_PDFXVersion', 'Info /Trapped', 'Info /Title', 'trailer /ID', 'cross-reference']));
    // Red text is coloured, not black: no text-colour finding; no ink problem either.
    expect(of(rs, 'text-colour')).toEqual([expect.objectContaining({ status: 'pass' })]);
    expect(of(rs, 'ink')).toEqual([expect.objectContaining({ status: 'pass' })]);
  });
});

describe('print preflight of a hand-built compliant PDF', () => {
  it('passes every rule', async () => {
    const rs = await preflightPrint(await compliantPdf());
    expect(bad(rs)).toEqual([]);
    expect(rs.map((r) => r.rule)).toEqual(['boxes', 'colour-space', 'registration', 'text-colour', 'ink', 'fonts', 'images', 'pdfx']);
    for (const r of rs) {
      expect(r.message.ja).not.toBe('');
      expect(r.message.en).not.toBe('');
    }
  });

  it('warns about bleed under 3 mm and fails with none', async () => {
    const thin = await preflightPrint(await compliantPdf(undefined, { bleedMm: 2 }));
    expect(bad(thin)).toEqual([expect.objectContaining({ rule: 'boxes', status: 'warn', page: 1, object: 'BleedBox' })]);
    expect(thin[0]!.message.en).toMatch(/left 2\.0 mm/);
    const none = await preflightPrint(await compliantPdf(undefined, { bleedMm: 0 }));
    expect(of(none, 'boxes', 'fail')).toEqual([expect.objectContaining({ page: 1, object: 'BleedBox' })]);
  });
});

describe('print preflight: one mistake at a time', () => {
  it('fails rich-black text, naming the text operator and the colour', async () => {
    const rs = await preflightPrint(await compliantPdf(({ page, font, trim }) => {
      page.drawText('Rich', { x: trim.x + 20, y: trim.y + 200, size: 10, font, color: cmyk(0.4, 0.4, 0.4, 1) });
    }));
    expect(bad(rs)).toEqual([expect.objectContaining({ rule: 'text-colour', status: 'fail', page: 1, object: expect.stringMatching(/^content stream op #\d+ Tj \(colour op #\d+ k\)$/) })]);
    expect(bad(rs)[0]!.message.en).toMatch(/C40 M40 Y40 K100/);
  });

  it('fails four colours at 100 % as total ink (and as registration colour inside the trim)', async () => {
    const rs = await preflightPrint(await compliantPdf(({ page, trim }) => {
      page.pushOperators(setFillingCmykColor(1, 1, 1, 1), rectangle(trim.x + 10, trim.y + 10, 50, 50), fill());
    }));
    expect(of(rs, 'ink', 'fail')).toEqual([expect.objectContaining({ page: 1, object: expect.stringMatching(/^content stream op #\d+ k$/) })]);
    expect(of(rs, 'ink', 'fail')[0]!.message.en).toMatch(/400% .*300% limit/);
    expect(of(rs, 'registration', 'fail')).toHaveLength(1);
  });

  it('fails total ink above --ink-limit but not above the default', async () => {
    const bytes = await compliantPdf(({ page, trim }) => {
      page.pushOperators(setFillingCmykColor(0.6, 0.6, 0.6, 1), rectangle(trim.x + 10, trim.y + 10, 50, 50), fill());
    });
    expect(bad(await preflightPrint(bytes))).toEqual([]); // 280 %
    expect(of(await preflightPrint(bytes, { inkLimit: 250 }), 'ink', 'fail')).toHaveLength(1);
  });

  it('fails registration colour for a thin line inside the trim, passes the marks outside', async () => {
    const rs = await preflightPrint(await compliantPdf(({ page, trim }) => {
      page.pushOperators(setStrokingCmykColor(1, 1, 1, 1), setLineWidth(0.1), moveTo(trim.x + 10, trim.y + 10), lineTo(trim.x + 100, trim.y + 10), stroke());
    }));
    // Used as artwork, C100M100Y100K100 is also 400 % ink.
    expect(bad(rs).map((r) => r.rule)).toEqual(['registration', 'ink']);
    expect(bad(rs)[0]).toMatchObject({ status: 'fail', page: 1, object: expect.stringMatching(/^content stream op #\d+ S \(colour op #\d+ K\)$/) });
    expect(bad(rs)[0]!.message.en).toMatch(/inside the trim/);
  });

  it('fails registration colour for a thick line outside the trim', async () => {
    const rs = await preflightPrint(await compliantPdf(({ page, trim }) => {
      page.pushOperators(setStrokingCmykColor(1, 1, 1, 1), setLineWidth(2), moveTo(trim.x - 20, trim.y + 10), lineTo(trim.x - 20, trim.y + 100), stroke());
    }));
    expect(of(rs, 'registration', 'fail')).toHaveLength(1);
  });

  it('warns about an image placed at low resolution and passes one at 400 dpi', async () => {
    const rs = await preflightPrint(await compliantPdf((p) => {
      placeCmykImage(p, 'ImLow', { w: 100, h: 100 }, { x: p.trim.x + 10, y: p.trim.y + 10, w: 72, h: 72 }); // 100 dpi
      placeCmykImage(p, 'ImHigh', { w: 100, h: 100 }, { x: p.trim.x + 100, y: p.trim.y + 10, w: 18, h: 18 }); // 400 dpi
    }));
    expect(bad(rs)).toEqual([expect.objectContaining({ rule: 'images', status: 'warn', page: 1, object: 'Image ImLow' })]);
    expect(bad(rs)[0]!.message.en).toMatch(/100 dpi .*25\.4×25\.4 mm.*350 dpi/);
  });

  it('fails transparency in an ExtGState', async () => {
    const rs = await preflightPrint(await compliantPdf(({ page, doc }) => {
      page.node.setExtGState(page.node.newExtGStateKey('GS'), doc.context.obj({ Type: 'ExtGState', ca: 0.5, BM: 'Multiply' }));
    }));
    expect(bad(rs)).toEqual([expect.objectContaining({ rule: 'pdfx', status: 'fail', page: 1, object: expect.stringMatching(/^ExtGState GS/) })]);
    expect(bad(rs)[0]!.message.en).toMatch(/\/ca 0\.5, \/BM \/Multiply/);
  });

  it('throws a clear error for bytes that are not a PDF', async () => {
    await expect(preflightPrint(Buffer.from('hello'))).rejects.toThrow(/no %PDF- header/);
  });
});

describe('kasuhara-press check --print', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kp-preflight-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: { LANG: 'en_US.UTF-8' }, cwd: dir } };
  };

  it('exits 1 on failures and prints them; --json is the machine-readable list', async () => {
    writeFileSync(path.join(dir, 'rgb.pdf'), await foreignRgbPdf());
    const t = io();
    expect(await run(['check', 'rgb.pdf', '--print'], t.io)).toBe(1);
    expect(t.out.join('\n')).toMatch(/^FAIL  colour-space  p1 content stream op #\d+ rg: An RGB colour/m);
    expect(t.out.at(-1)).toMatch(/^\d+ failure\(s\), 0 warning\(s\)\.$/);
    const j = io();
    expect(await run(['check', 'rgb.pdf', '--print', '--json'], j.io)).toBe(1);
    const list = JSON.parse(j.out.join('\n')) as PreflightResult[];
    expect(list.find((r) => r.rule === 'fonts')).toMatchObject({ status: 'fail', page: 1, message: { ja: expect.any(String), en: expect.stringMatching(/Helvetica/) } });
    const ja = io();
    expect(await run(['check', 'rgb.pdf', '--print', '--lang', 'ja'], ja.io)).toBe(1);
    expect(ja.out.join('\n')).toMatch(/不合格  colour-space  1ページ content stream op #\d+ rg: RGB 系の色/);
  });

  it('exits 0 for a compliant PDF and for warnings alone', async () => {
    writeFileSync(path.join(dir, 'ok.pdf'), await compliantPdf());
    const t = io();
    expect(await run(['check', 'ok.pdf', '--print'], t.io)).toBe(0);
    expect(t.out.at(-1)).toBe('0 failure(s), 0 warning(s).');
    writeFileSync(path.join(dir, 'lowres.pdf'), await compliantPdf((p) => placeCmykImage(p, 'Im0', { w: 10, h: 10 }, { x: p.trim.x, y: p.trim.y, w: 72, h: 72 })));
    const w = io();
    expect(await run(['check', 'lowres.pdf', '--print'], w.io)).toBe(0);
    expect(w.out.at(-1)).toBe('0 failure(s), 1 warning(s).');
  });

  it('--ink-limit changes the limit', async () => {
    writeFileSync(path.join(dir, 'ink.pdf'), await compliantPdf(({ page, trim }) => page.pushOperators(setFillingCmykColor(0.6, 0.6, 0.6, 1), rectangle(trim.x, trim.y, 9 * MM, 9 * MM), fill())));
    expect(await run(['check', 'ink.pdf', '--print'], io().io)).toBe(0);
    const t = io();
    expect(await run(['check', 'ink.pdf', '--print', '--ink-limit', '250'], t.io)).toBe(1);
    expect(t.out.join('\n')).toMatch(/FAIL  ink .*Total ink 280%/);
  });

  it('reports user errors with exit code 1: missing file, not a PDF, no --print, bad --ink-limit', async () => {
    const missing = io();
    expect(await run(['check', 'nope.pdf', '--print'], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toMatch(/^error: nope\.pdf: File "nope\.pdf" not found\./);
    writeFileSync(path.join(dir, 'text.pdf'), 'not a pdf');
    const notPdf = io();
    expect(await run(['check', 'text.pdf', '--print'], notPdf.io)).toBe(1);
    expect(notPdf.err.join('\n')).toMatch(/cannot be read as a PDF/);
    const noKind = io();
    expect(await run(['check', 'text.pdf'], noKind.io)).toBe(1);
    expect(noKind.err.join('\n')).toMatch(/--print/);
    const badInk = io();
    expect(await run(['check', 'ok.pdf', '--print', '--ink-limit', 'lots'], badInk.io)).toBe(1);
    expect(badInk.err.join('\n')).toMatch(/--ink-limit cannot be "lots"/);
    const misplaced = io();
    expect(await run(['build', '--print'], misplaced.io)).toBe(1);
    expect(misplaced.err.join('\n')).toMatch(/--print belongs to the check command; build does not take it\./);
    const none = io();
    expect(await run(['check', '--print'], none.io)).toBe(1);
    expect(none.err.join('\n')).toMatch(/check needs the PDF file/);
  });
});

const CHROMIUM = '/usr/bin/chromium';
describe.skipIf(!existsSync(CHROMIUM))('a PDF printed by Chromium headless', () => {
  it('fails for RGB colour and missing boxes', async (ctx) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kp-chromium-'));
    try {
      const html = path.join(dir, 'x.html');
      const pdf = path.join(dir, 'x.pdf');
      writeFileSync(html, '<!doctype html><meta charset="utf-8"><p style="color:#c00;font:20px sans-serif">Hello 印刷</p><div style="background:#08f;width:100px;height:50px"></div>');
      try {
        execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, `file://${html}`], { timeout: 60_000, stdio: 'ignore' });
      } catch {
        /* Chromium may exit non-zero after writing the PDF; judged below. */
      }
      if (!existsSync(pdf)) return ctx.skip();
      const rs = await preflightPrint(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(pdf))));
      expect(of(rs, 'colour-space', 'fail')[0]).toMatchObject({ page: 1, object: expect.stringMatching(/op #\d+ (rg|RG|sc|scn|SC|SCN|cs|CS)$/) });
      expect(of(rs, 'boxes', 'fail').length).toBeGreaterThan(0);
      expect(of(rs, 'pdfx', 'fail').length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
