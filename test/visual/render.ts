/**
 * Lays out a visual fixture (test/fixtures/visual/<name>.html) with the real markup stage,
 * fonts and icons, and rasterises its first page with our raster backend. Not a test file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/fonts/registry.js';
import type { DisplayItem, DisplayPage, PathCommand } from '../../src/layout/display-list.js';
import { parseMarkup } from '../../src/markup/index.js';
import { renderPage } from '../../src/render/raster/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { layoutStyled } from '../layout/helpers.js';

export const FIXTURE_DIR = join(PROJECT_ROOT, 'test/fixtures/visual');
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'test/.artifacts/visual');
/** 72 dpi: one pixel a point, small references, still fine enough to see a 1 pt change. */
export const DPI = 72;

export interface LaidOutFixture {
  page: DisplayPage;
  pageCount: number;
  /** Markup warnings (unsupported CSS would silently change what the fixture shows). */
  diagnostics: Diagnostic[];
}

export function layoutFixture(name: string): LaidOutFixture {
  const file = `test/fixtures/visual/${name}.html`;
  const styled = parseMarkup(readFileSync(join(PROJECT_ROOT, file), 'utf8'), { file });
  const doc = layoutStyled(styled);
  return { page: doc.pages[0]!, pageCount: doc.pages.length, diagnostics: styled.diagnostics };
}

export async function rasterise(page: DisplayPage): Promise<Uint8Array> {
  return renderPage(page, { dpi: DPI, format: 'png' });
}

/** The page with everything on it moved by (dx, dy) points. */
export function shiftPage(page: DisplayPage, dx: number, dy: number): DisplayPage {
  const move = (c: PathCommand): PathCommand =>
    c.op === 'Z' ? c : c.op === 'C' ? { ...c, x1: c.x1 + dx, y1: c.y1 + dy, x2: c.x2 + dx, y2: c.y2 + dy, x: c.x + dx, y: c.y + dy } : { ...c, x: c.x + dx, y: c.y + dy };
  const items = page.items.map((i): DisplayItem => (i.kind === 'glyphs' || i.kind === 'image' ? { ...i, x: i.x + dx, y: i.y + dy } : { ...i, commands: i.commands.map(move) }));
  return { ...page, items };
}
