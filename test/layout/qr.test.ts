/**
 * <kp-qr value="…">: a replaced box drawn as one vector path whose rectangles rebuild exactly
 * the module grid the `qrcode` package makes for the value, with the 4-module quiet zone
 * inside the box, in the CSS colour; and clear errors for values that cannot be printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeQr, qrRectangles, type QrMatrix } from '../../src/layout/qr.js';
import { layout, layoutStyled, mm, styled, thrownDiagnostic } from './helpers.js';
import { expectedGrid, gridOf, qrPaths, rectanglesOf } from './qr-support.js';

const URL = 'https://www.city.okayama.jp/shisei/0000074924.html';

function qrPage(css: string, attrs = `value="${URL}"`) {
  return layout(`body { margin: 0 } ${css}`, `<kp-qr ${attrs}></kp-qr>`).pages[0]!;
}

describe('<kp-qr>', () => {
  it('draws the value as one filled path whose rectangles rebuild the exact module grid of the value', () => {
    const [path, ...more] = qrPaths(qrPage('kp-qr { width: 30mm; height: 30mm }'));
    expect(more).toEqual([]);
    expect(path!.fill).toBeDefined();
    expect(path!.stroke).toBeUndefined();
    const { grid } = gridOf(path!);
    expect(grid).toEqual(expectedGrid(URL));
  });

  it('merges dark runs into rectangles: far fewer subpaths than dark modules, none overlapping', () => {
    const [path] = qrPaths(qrPage('kp-qr { width: 30mm; height: 30mm }'));
    const rects = rectanglesOf(path!);
    const { grid, module } = gridOf(path!);
    const dark = grid.flat().filter(Boolean).length;
    expect(rects.length).toBeLessThan(dark / 2);
    // The areas add up to the dark modules exactly, so no two rectangles overlap.
    const area = rects.reduce((s, r) => s + (r.w * r.h) / module ** 2, 0);
    expect(area).toBeCloseTo(dark, 6);
  });

  it('keeps a quiet zone of 4 modules inside its box, and centres the symbol in a box that is not square', () => {
    const side = mm(30);
    const square = gridOf(qrPaths(qrPage('kp-qr { width: 30mm; height: 30mm }'))[0]!);
    const n = square.grid.length;
    // Positions come from yoga, which computes in 32-bit floats: compare to 1e-4 pt.
    expect(square.module).toBeCloseTo(side / (n + 8), 4);
    // The page content starts at the 20 mm default margin.
    expect(square.bounds.x - mm(20)).toBeCloseTo(4 * square.module, 4);
    expect(square.bounds.y - mm(20)).toBeCloseTo(4 * square.module, 4);
    expect(mm(20) + side - (square.bounds.x + square.bounds.w)).toBeCloseTo(4 * square.module, 4);

    const wide = gridOf(qrPaths(qrPage('kp-qr { width: 50mm; height: 30mm }'))[0]!);
    expect(wide.module).toBeCloseTo(square.module, 4);
    expect(wide.bounds.x + wide.bounds.w / 2).toBeCloseTo(mm(20) + mm(25), 4);
    expect(wide.bounds.y + wide.bounds.h / 2).toBeCloseTo(mm(20) + mm(15), 4);
  });

  it('is 25 mm square unless styled', () => {
    const { module, grid } = gridOf(qrPaths(qrPage(''))[0]!);
    expect(module * (grid.length + 8)).toBeCloseTo(mm(25), 4);
  });

  it('fills with the CSS color, so print can ask for pure black (device-cmyk K100)', () => {
    const [path] = qrPaths(qrPage('kp-qr { color: device-cmyk(0 0 0 1) }'));
    expect(path!.fill).toEqual({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 });
  });

  it('takes part in flex layout like any box: the text after it starts below it', () => {
    const page = layout('body { margin: 0 } kp-qr { width: 20mm; height: 20mm; margin-bottom: 2mm }', `<kp-qr value="${URL}"></kp-qr><p>次の行</p>`).pages[0]!;
    const text = page.items.find((i) => i.kind === 'glyphs')!;
    expect(text.kind === 'glyphs' && text.y).toBeGreaterThan(mm(20) + mm(22));
  });

  it('stops the build with a clear error for an empty value, naming the element and the content field', () => {
    const doc = styled('', '<kp-qr value="" data-src="content/x/organisation.yaml:5#policyUrl"></kp-qr>');
    const d = thrownDiagnostic(() => layoutStyled(doc));
    expect(d).toMatchObject({ severity: 'error', code: 'layout/qr-empty', file: 'content/x/organisation.yaml', line: 5, path: 'policyUrl' });
    expect(d.message.ja).toContain('<kp-qr>');
    expect(d.message.en).toContain('<kp-qr>');
    expect(d.hint?.ja).toBeTruthy();
    expect(d.hint?.en).toBeTruthy();
  });

  it('treats a missing value attribute or one of spaces as empty', () => {
    expect(thrownDiagnostic(() => layout('', '<kp-qr></kp-qr>')).code).toBe('layout/qr-empty');
    expect(thrownDiagnostic(() => layout('', '<kp-qr value="   "></kp-qr>')).code).toBe('layout/qr-empty');
  });

  it('stops the build for a value too long to scan at print size, saying how long it is and the limit', () => {
    const long = `https://example.jp/${'a'.repeat(300)}`;
    const d = thrownDiagnostic(() => layout('', `<kp-qr value="${long}" data-src="content/x/organisation.yaml:5#policyUrl"></kp-qr>`));
    expect(d).toMatchObject({ code: 'layout/qr-too-long', path: 'policyUrl' });
    expect(d.message.en).toContain(`${long.length} bytes`);
    expect(d.message.en).toContain('213');
    expect(d.message.ja).toContain('213');
    // Beyond what any QR code holds is the same error, not a crash.
    expect(thrownDiagnostic(() => layout('', `<kp-qr value="${'x'.repeat(3000)}"></kp-qr>`)).code).toBe('layout/qr-too-long');
  });

  it('accepts the longest value that still fits version 10', () => {
    const value = `https://example.jp/${'a'.repeat(213 - 19)}`;
    const m = encodeQr(value) as QrMatrix;
    expect(m.version).toBe(10);
    expect(m.size).toBe(57);
  });

  it('warns about content inside the element, which is not drawn', () => {
    const doc = styled('', `<kp-qr value="${URL}">ここは表示されない</kp-qr>`);
    expect(doc.diagnostics.map((d) => d.code)).toContain('markup/ignored-content');
  });
});

describe('qrRectangles', () => {
  it('covers exactly the dark modules of any value, each module once', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }), (value) => {
        fc.pre(value.trim() !== '');
        const m = encodeQr(value);
        if ('kind' in m) return;
        const seen = new Uint8Array(m.size * m.size);
        for (const r of qrRectangles(m)) {
          for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) seen[y * m.size + x]! += 1;
        }
        expect([...seen]).toEqual([...m.data].map((d) => (d ? 1 : 0)));
      }),
      { numRuns: 60 },
    );
  });
});
