/**
 * Reading QR codes back, for the QR tests: the module grid rebuilt from the display list's
 * path (rectangles → cells), the grid the `qrcode` package makes for a value, and — when
 * /usr/bin/zbarimg is installed (apt-get install zbar-tools) — a real decoder run on a
 * rendered image. Not a test file itself (no `.test.ts`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { DisplayPage, PathItem } from '../../src/layout/display-list.js';

export const ZBARIMG = '/usr/bin/zbarimg';
export const HAS_ZBAR = existsSync(ZBARIMG);

/** The QR code paths of a page (their origin names the <kp-qr> element). */
export function qrPaths(page: DisplayPage): PathItem[] {
  return page.items.filter((i): i is PathItem => i.kind === 'path' && (i.origin?.element ?? '').startsWith('kp-qr'));
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The path's subpaths as rectangles; throws on anything that is not an axis-aligned rectangle. */
export function rectanglesOf(path: PathItem): Rect[] {
  const out: Rect[] = [];
  const cmds = path.commands;
  for (let i = 0; i < cmds.length; i += 5) {
    const [m, a, b, c, z] = cmds.slice(i, i + 5);
    if (m?.op !== 'M' || a?.op !== 'L' || b?.op !== 'L' || c?.op !== 'L' || z?.op !== 'Z') {
      throw new Error(`subpath ${i / 5} of the QR path is not M L L L Z`);
    }
    const xs = [m.x, a.x, b.x, c.x];
    const ys = [m.y, a.y, b.y, c.y];
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    const r = { x: x0, y: y0, w: Math.max(...xs) - x0, h: Math.max(...ys) - y0 };
    // Axis-aligned: every corner lies on the rectangle's edges.
    for (let k = 0; k < 4; k++) {
      const onX = Math.abs(xs[k]! - r.x) < 1e-6 || Math.abs(xs[k]! - (r.x + r.w)) < 1e-6;
      const onY = Math.abs(ys[k]! - r.y) < 1e-6 || Math.abs(ys[k]! - (r.y + r.h)) < 1e-6;
      if (!onX || !onY) throw new Error(`subpath ${i / 5} is not an axis-aligned rectangle`);
    }
    out.push(r);
  }
  return out;
}

export interface DrawnGrid {
  /** grid[row][col]: dark. */
  grid: boolean[][];
  /** Module side in pt. */
  module: number;
  /** The symbol's extent on the page (without the quiet zone). */
  bounds: Rect;
}

/**
 * The module grid a QR path draws. The symbol's extent is the rectangles' bounding box (the
 * finder patterns reach three corners); the module size is the narrowest rectangle (the
 * timing patterns guarantee one-module runs). Every rectangle must sit on that grid.
 */
export function gridOf(path: PathItem): DrawnGrid {
  const rects = rectanglesOf(path);
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.w));
  const y1 = Math.max(...rects.map((r) => r.y + r.h));
  const module = Math.min(...rects.map((r) => Math.min(r.w, r.h)));
  const n = Math.round((x1 - x0) / module);
  const grid = Array.from({ length: n }, () => Array.from({ length: n }, () => false));
  const cell = (v: number, origin: number): number => {
    const c = (v - origin) / module;
    if (Math.abs(c - Math.round(c)) > 1e-6) throw new Error(`a rectangle edge (${v}) is off the module grid`);
    return Math.round(c);
  };
  for (const r of rects) {
    for (let row = cell(r.y, y0); row < cell(r.y + r.h, y0); row++) {
      for (let col = cell(r.x, x0); col < cell(r.x + r.w, x0); col++) grid[row]![col] = true;
    }
  }
  return { grid, module, bounds: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } };
}

/** The grid the `qrcode` package makes for `value` at error-correction level M. */
export function expectedGrid(value: string): boolean[][] {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => !!modules.get(r, c)));
}

export function turnHalf(grid: boolean[][]): boolean[][] {
  return [...grid].reverse().map((row) => [...row].reverse());
}

/**
 * Decodes every QR code in a PNG with zbarimg; undefined when zbarimg is not installed.
 * One string per symbol found (an image without a readable code gives []).
 */
export function zbarDecode(png: Uint8Array): string[] | undefined {
  if (!HAS_ZBAR) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kp-zbar-'));
  try {
    const file = join(dir, 'page.png');
    writeFileSync(file, png);
    const r = spawnSync(ZBARIMG, ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file], { encoding: 'utf8' });
    // zbarimg exits 4 when it finds no symbol.
    if (r.status !== 0 && r.status !== 4) throw new Error(`zbarimg failed (${r.status}): ${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
