/**
 * `<kp-icon>`: an SVG icon (lucide or assets/icons) becomes stroked paths scaled into the
 * element's content box, centred, in the element's colour. Unknown names are user errors.
 */
import { describe, expect, it } from 'vitest';
import type { DisplayDocument, PathItem } from '../../src/layout/display-list.js';
import { bounds, layout, paths, points, thrownDiagnostic } from './helpers.js';

const PAGE = '@page { size: 200pt 200pt; margin: 20pt } body { font-size: 10pt; line-height: 20pt }';
const BLUE = { space: 'rgb', r: 0, g: 0, b: 1 };

function iconPaths(doc: DisplayDocument): PathItem[] {
  return paths(doc.pages[0]!).filter((p) => p.origin?.element.startsWith('kp-icon'));
}

describe('icons', () => {
  it('draws "check" as stroked paths in the element colour, scaled to fit and centred in its box', () => {
    // Box: x 30…70 (margin-left 10), y 20…40. lucide's viewBox is 24 × 24, so the scale is
    // 20/24 and the icon is centred horizontally: its viewBox origin lands at (40, 20).
    const doc = layout(`${PAGE} kp-icon { width: 40pt; height: 20pt; margin-left: 10pt; color: #0000ff }`, '<kp-icon name="check"></kp-icon>');
    const ps = iconPaths(doc);
    expect(ps.length).toBeGreaterThan(0);
    const k = 20 / 24;
    for (const p of ps) {
      expect(p.stroke?.color).toEqual(BLUE);
      expect(p.stroke?.width).toBeCloseTo(2 * k, 9); // lucide's stroke-width 2, scaled
      expect(p.stroke?.cap).toBe('round');
      expect(p.fill).toBeUndefined();
      for (const pt of points(p.commands)) {
        expect(pt.x).toBeGreaterThanOrEqual(30 - 1e-9);
        expect(pt.x).toBeLessThanOrEqual(70 + 1e-9);
        expect(pt.y).toBeGreaterThanOrEqual(20 - 1e-9);
        expect(pt.y).toBeLessThanOrEqual(40 + 1e-9);
      }
    }
    // lucide "check" is M20 6 9 17 l-5-5: its points map through (40 + 24k·u, 20 + 24k·v).
    const pts = ps.flatMap((p) => points(p.commands));
    const expected = [
      [20, 6],
      [9, 17],
      [4, 12],
    ].map(([u, v]) => ({ x: 40 + u! * k, y: 20 + v! * k }));
    for (const e of expected) expect(pts.some((q) => Math.abs(q.x - e.x) < 1e-9 && Math.abs(q.y - e.y) < 1e-9)).toBe(true);
  });

  it('an icon with curves keeps every point (control points included) inside its 1em box by default', () => {
    const doc = layout(`${PAGE} kp-icon { font-size: 24pt; color: #0000ff }`, '<p>前</p><kp-icon name="circle-check"></kp-icon>');
    const ps = iconPaths(doc);
    expect(ps.some((p) => p.commands.some((c) => c.op === 'C'))).toBe(true);
    // Below the 20 pt line of "前", 24 × 24 pt (1em).
    const b = bounds(ps);
    expect(b.x0).toBeGreaterThanOrEqual(20);
    expect(b.x1).toBeLessThanOrEqual(44);
    expect(b.y0).toBeGreaterThanOrEqual(40);
    expect(b.y1).toBeLessThanOrEqual(64);
    // The circle (r = 10 of 24) spans 20/24 of the box.
    expect(b.x1 - b.x0).toBeCloseTo(20, 6);
    for (const p of ps) expect(p.stroke?.color).toEqual(BLUE);
  });

  it('an icon without a label is decorative; with a label it is content', () => {
    const doc = layout(PAGE, '<kp-icon name="check"></kp-icon><kp-icon name="check" label="確認"></kp-icon>');
    // Both are 1em (10 pt) square: the second starts at y 30.
    const ps = iconPaths(doc);
    const first = ps.filter((p) => bounds(p).y1 <= 30);
    const second = ps.filter((p) => bounds(p).y0 >= 30);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length + second.length).toBe(ps.length);
    expect(first.every((p) => p.origin?.decorative === true)).toBe(true);
    expect(second.every((p) => p.origin?.decorative === false)).toBe(true);
  });

  it('an unknown icon name is an icons/unknown-icon error with a "Did you mean" hint and the element’s line', () => {
    const d = thrownDiagnostic(() => layout(PAGE, '<p>前</p><kp-icon name="chek"></kp-icon>'));
    expect(d.severity).toBe('error');
    expect(d.code).toBe('icons/unknown-icon');
    expect(d.message.en).toContain('"chek"');
    expect(d.hint?.en).toContain('Did you mean "check"?');
    expect(d.hint?.ja).toContain('「check」');
    expect(d.file).toBe('test.html');
    expect(d.line).toBe(2);
  });
});

describe('a broken icon file of the organisation', () => {
  it('is a user error naming the file, not an internal error', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { IconRegistry } = await import('../../src/icons/registry.js');
    const dir = mkdtempSync(join(tmpdir(), 'kp-icons-'));
    writeFileSync(join(dir, 'logo.svg'), 'this is not svg');
    const icons = new IconRegistry([dir]);
    let error: unknown;
    try {
      icons.get('logo', { file: 'content/x/poster.yaml', line: 7 });
    } catch (e) {
      error = e;
    }
    const d = (error as { diagnostics?: { code: string; message: { en: string; ja: string }; line?: number }[] }).diagnostics?.[0];
    expect(d?.code).toBe('icons/invalid-svg');
    expect(d?.message.en).toMatch(/logo\.svg cannot be read as SVG/);
    expect(d?.message.ja).toMatch(/logo\.svg/);
    expect(d?.line).toBe(7);
  });
});
