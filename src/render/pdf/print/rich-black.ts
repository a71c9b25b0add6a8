/**
 * Rich black for large areas, on request (`@page { -kp-rich-black: auto | device-cmyk(…) }`).
 * K100 alone prints as a dark grey on large solids; printers add C, M and Y under it. Fine
 * detail must stay K100, because four plates never register perfectly and a rich-black hairline
 * or letter shows coloured fringes (print.md). So only filled shapes that are both
 *
 *   - large: a filled area of at least 10 cm² (RICH_BLACK_MIN_AREA), and
 *   - not thin: a mean width, 2 × area / perimeter, of at least 3 mm (RICH_BLACK_MIN_WIDTH) —
 *     about the width of a rectangle's short side, or of a frame's bar —
 *
 * and filled with exactly K100 (after the CMYK conversion) become the rich black. Text (glyph
 * runs), strokes, and black mixed with colour are never changed. The rich black's total ink
 * (220 % for the default C40 M40 Y40 K100) is checked when the template is read (markup/page.ts).
 */
import type { Color, DisplayDocument, PathCommand, PathItem } from '../../../layout/display-list.js';
import { mmToPt, PT_PER_MM } from '../../../units.js';

/** 10 cm² in pt². */
export const RICH_BLACK_MIN_AREA = 1000 * PT_PER_MM * PT_PER_MM;
export const RICH_BLACK_MIN_WIDTH = mmToPt(3);

type Cmyk = Extract<Color, { space: 'cmyk' }>;

const isK100 = (c: Color | undefined): boolean => c?.space === 'cmyk' && c.c === 0 && c.m === 0 && c.y === 0 && c.k === 1;

/** A copy of the (CMYK) document with large K100 fills in `rich`; the same object when `rich` is absent. */
export function applyRichBlack(doc: DisplayDocument, rich: Omit<Cmyk, 'space'> | undefined): DisplayDocument {
  if (!rich) return doc;
  const color: Cmyk = { space: 'cmyk', c: rich.c, m: rich.m, y: rich.y, k: rich.k };
  return {
    ...doc,
    pages: doc.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.kind === 'path' && isLargeBlackFill(item) ? { ...item, fill: color } : item)),
    })),
  };
}

export function isLargeBlackFill(item: PathItem): boolean {
  if (!isK100(item.fill)) return false;
  const { area, perimeter } = measure(item.commands);
  return area >= RICH_BLACK_MIN_AREA && perimeter > 0 && (2 * area) / perimeter >= RICH_BLACK_MIN_WIDTH;
}

/** Curves are flattened into this many chords for measuring. */
const CHORDS = 8;

/**
 * Filled area (|Σ signed subpath areas|: holes wound the other way, as our shapes and fonts
 * draw them, subtract) and total outline length, of the path with its curves flattened.
 */
export function measure(commands: readonly PathCommand[]): { area: number; perimeter: number } {
  let signed = 0;
  let perimeter = 0;
  let sx = 0;
  let sy = 0;
  let x = 0;
  let y = 0;
  let open = false;
  const to = (nx: number, ny: number) => {
    signed += x * ny - nx * y;
    perimeter += Math.hypot(nx - x, ny - y);
    x = nx;
    y = ny;
  };
  const close = () => {
    if (open) to(sx, sy);
    open = false;
  };
  for (const c of commands) {
    switch (c.op) {
      case 'M':
        close();
        [sx, sy, x, y] = [c.x, c.y, c.x, c.y];
        open = true;
        break;
      case 'L':
        to(c.x, c.y);
        break;
      case 'C': {
        const [x0, y0] = [x, y];
        for (let i = 1; i <= CHORDS; i++) {
          const t = i / CHORDS;
          const u = 1 - t;
          to(
            u * u * u * x0 + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
            u * u * u * y0 + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
          );
        }
        break;
      }
      case 'Z':
        close();
        [x, y] = [sx, sy];
        break;
    }
  }
  close();
  return { area: Math.abs(signed) / 2, perimeter };
}
