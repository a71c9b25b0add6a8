/**
 * The ink guards of the print flavour (cmyk.ts) change a template's CMYK colour only with a
 * warning naming the element: print/ink-limit (over 300 %) and print/registration-colour
 * (C100 M100 Y100 K100 → K100).
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { cmykDocument, toCmyk } from '../../src/render/pdf/print/cmyk.js';
import { renderPrintPdf } from '../../src/render/pdf/print/index.js';
import { A4, gothic, makeDoc, rectPath, textRun } from '../helpers/displayDoc.js';

const [W, H] = A4;
const OVER = { space: 'cmyk', c: 1, m: 1, y: 1, k: 0.9 } as const;
const REG = { space: 'cmyk', c: 1, m: 1, y: 1, k: 1 } as const;
const SAFE = { space: 'cmyk', c: 0.6, m: 0.4, y: 0, k: 0.2 } as const;

function doc() {
  return makeDoc([
    {
      width: W,
      height: H,
      items: [
        { ...rectPath(100, 300, 200, 100, { fill: OVER }), origin: { element: 'div.box', file: 'poster.hbs', line: 7, path: 'poster.box' } },
        { ...textRun(gothic(), '黒', 60, 200, { size: 20 }), color: REG, origin: { element: 'h1', file: 'poster.hbs', line: 3 } },
        // The same element and colour again: one warning, not one per run.
        { ...textRun(gothic(), '字', 60, 240, { size: 20 }), color: REG, origin: { element: 'h1', file: 'poster.hbs', line: 3 } },
        { ...rectPath(100, 500, 50, 50, { fill: SAFE }), origin: { element: 'div.ok' } },
      ],
    },
  ]);
}

describe('ink limit and registration colour', () => {
  it('toCmyk reports what it changed, and nothing else', () => {
    const seen: string[] = [];
    const note = (kind: string) => seen.push(kind);
    expect(toCmyk(REG, note)).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
    const over = toCmyk(OVER, note);
    expect(over.c + over.m + over.y + over.k).toBeCloseTo(3, 9);
    expect(over.k).toBe(0.9);
    expect(toCmyk(SAFE, note)).toEqual(SAFE);
    expect(toCmyk({ space: 'rgb', r: 0, g: 0, b: 0 }, note)).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
    expect(seen).toEqual(['registration', 'ink-limit']);
  });

  it('cmykDocument keeps the safe conversion and warns once per element and colour, bilingual with a hint', () => {
    const bag = new DiagnosticBag();
    const out = cmykDocument(doc(), { diagnostics: bag, file: 'fallback.hbs' });
    const items = out.pages[0]!.items;
    const fill = (i: number) => { const it = items[i]!; return it.kind === 'path' ? it.fill : undefined; };
    const color = (i: number) => { const it = items[i]!; return it.kind === 'glyphs' ? it.color : undefined; };
    expect(fill(0)).toMatchObject({ space: 'cmyk', k: 0.9 });
    expect(color(1)).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
    expect(color(2)).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
    expect(fill(3)).toEqual(SAFE);

    expect(bag.items).toHaveLength(2);
    const ink = bag.items.find((d) => d.code === 'print/ink-limit')!;
    expect(ink).toMatchObject({ severity: 'warning', file: 'poster.hbs', line: 7, path: 'poster.box' });
    expect(ink.message.en).toContain('div.box');
    expect(ink.message.en).toContain('C100 M100 Y100 K90');
    expect(ink.message.en).toContain('390 %');
    expect(ink.message.ja).toContain('div.box');
    expect(ink.hint?.ja).toBeTruthy();
    expect(ink.hint?.en).toBeTruthy();
    const reg = bag.items.find((d) => d.code === 'print/registration-colour')!;
    expect(reg).toMatchObject({ severity: 'warning', file: 'poster.hbs', line: 3 });
    expect(reg.message.en).toContain('h1');
    expect(reg.message.ja).toContain('レジストレーション');
    expect(reg.hint?.en).toContain('K100');
  });

  it('renderPrintPdf passes the warnings to the bag; RGB-only documents stay silent', async () => {
    const bag = new DiagnosticBag();
    await renderPrintPdf(doc(), { id: 'ink.print.pdf', diagnostics: bag });
    expect(bag.items.map((d) => d.code).sort()).toEqual(['print/ink-limit', 'print/registration-colour']);

    const quiet = new DiagnosticBag();
    const rgb = makeDoc([{ width: W, height: H, items: [textRun(gothic(), '黒', 60, 200, { size: 20 })] }]);
    await renderPrintPdf(rgb, { id: 'rgb.print.pdf', diagnostics: quiet });
    expect(quiet.items.filter((d) => d.code.startsWith('print/'))).toEqual([]);
  });
});
