/**
 * Overflow checks and auto-fit. Text never silently overflows its box: either an element with
 * `-kp-fit-min-size` shrinks its text (binary search on one scale factor per element), or the
 * build fails naming the element, its source line and by how much it overflows.
 */
import { userError, type UserInputError } from '../diagnostics/diagnostic.js';
import type { StyledElement } from '../markup/types.js';
import { ptToMm } from '../units.js';
import type { Rect } from './decorations.js';
import type { PlacedParagraph } from './paint.js';

const TOLERANCE = 0.5; // pt: yoga and line metrics may differ by rounding only.

export interface Overflow {
  paragraph: PlacedParagraph;
  /**
   * How far the text sticks out, in pt (width: past the right edge, for horizontal text; 0
   * when unknown). Auto-fit's search predicts from it where the overflow ends (fitting.ts).
   */
  amount: number;
  /** 'columns': vertical text whose columns run past the left edge of its box. */
  direction: 'width' | 'height' | 'columns';
}

export function findOverflows(paragraphs: readonly PlacedParagraph[], page: Rect | undefined): Overflow[] {
  const out: Overflow[] = [];
  for (const p of paragraphs) {
    if (p.overflowsMeasure) {
      const amount = p.textRight === undefined ? 0 : Math.max(0, p.textRight - (p.rect.x + p.rect.w));
      out.push({ paragraph: p, amount, direction: 'width' });
      continue;
    }
    const limits = [p.rect, ...p.ancestors.filter((a) => a.fixedHeight).map((a) => a.rect), ...(page ? [page] : [])];
    const worst = Math.max(...limits.map((r) => p.textBottom - (r.y + r.h)));
    if (worst > TOLERANCE) out.push({ paragraph: p, amount: worst, direction: 'height' });
    const left = p.textLeft === undefined ? 0 : Math.max(...[p.rect, ...(page ? [page] : [])].map((r) => r.x - p.textLeft!));
    if (left > TOLERANCE) out.push({ paragraph: p, amount: left, direction: 'columns' });
  }
  return out;
}

/** The fit groups whose text overflows, keyed by the element that allows shrinking. */
export function fitGroups(overflows: readonly Overflow[]): Map<StyledElement, number> {
  const groups = new Map<StyledElement, number>();
  for (const o of overflows) {
    const fit = o.paragraph.box.fit;
    if (fit) groups.set(fit.element, fit.minSize);
  }
  return groups;
}

export function overflowError(o: Overflow, minSize?: number): UserInputError {
  const { origin, style } = o.paragraph.box;
  // The file and line lead the formatted message; the element names what to look for there.
  const el = origin.element;
  const text = o.paragraph.box.runs.map((r) => r.text).join('');
  const excerpt = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  const atMin = minSize !== undefined;
  const pt = (n: number) => n.toFixed(1);
  const mm = (n: number) => ptToMm(n).toFixed(1);
  const how =
    o.direction === 'width'
      ? { ja: '行の幅より長い語句があります', en: 'a word or phrase is wider than the line' }
      : o.direction === 'columns'
        ? { ja: `縦書きの行を並べる幅が ${pt(o.amount)}pt（${mm(o.amount)}mm）足りません`, en: `its columns need ${pt(o.amount)} pt (${mm(o.amount)} mm) more width` }
        : { ja: `高さが ${pt(o.amount)}pt（${mm(o.amount)}mm）足りません`, en: `it needs ${pt(o.amount)} pt (${mm(o.amount)} mm) more height` };
  // A box without a fixed height gets the room its neighbours leave: a long text elsewhere
  // on the page can squeeze it, so the hint says where else to look.
  const squeezed = o.direction === 'height' && style.height === 'auto';
  return userError({
    code: 'layout/text-overflow',
    message: {
      ja: `${el} の文章「${excerpt}」が枠に収まりません（${atMin ? `最小の文字サイズ ${pt(minSize)}pt まで縮小しても、` : ''}${how.ja}）。`,
      en: `The text of ${el}, "${excerpt}", does not fit its box${atMin ? ` even at its minimum size of ${pt(minSize)} pt` : ''}: ${how.en}.`,
    },
    hint: atMin
      ? {
          ja: `文章を短くするか、テンプレートで ${el} の -kp-fit-min-size を小さくしてください。${squeezed ? 'この文章が短いなら、同じページの他の文章が場所を取っています。' : ''}`,
          en: `Shorten the text, or lower -kp-fit-min-size of ${el} in the template.${squeezed ? ' If this text is short, other text on the page is taking its room.' : ''}`,
        }
      : {
          ja: '文章を短くするか、枠を大きくするか、CSS の -kp-fit-min-size で自動縮小を許可してください。',
          en: 'Shorten the text, enlarge its box, or allow automatic shrinking with the CSS property -kp-fit-min-size.',
        },
    ...(origin.file ? { file: origin.file } : {}),
    ...(origin.line ? { line: origin.line } : {}),
    ...(origin.path ? { path: origin.path } : {}),
  });
}

/** The content of a fixed-size page (a poster) is taller than the page, even after auto-fit. */
export function pageOverflowError(
  excess: number,
  tallest: readonly PlacedParagraph[],
  file: string,
  cause: 'page' | 'unsplittable' = 'page',
): UserInputError {
  const pt = excess.toFixed(1);
  const mm = ptToMm(excess).toFixed(1);
  const list = tallest.map((p) => {
    const o = p.box.origin;
    const text = p.box.runs.map((r) => r.text).join('');
    const excerpt = text.length > 16 ? `${text.slice(0, 16)}…` : text;
    return `「${excerpt}」 (${o.file}:${o.line}${o.path ? ` ${o.path}` : ''})`;
  });
  return userError({
    code: 'layout/page-overflow',
    message:
      cause === 'page'
        ? {
            ja: `ページの内容がページより ${pt}pt（${mm}mm）高く、収まりません（自動縮小の後も）。`,
            en: `The content of the page is ${pt} pt (${mm} mm) taller than the page, even after auto-fit.`,
          }
        : {
            ja: `ページをまたいで分けられない部分（縦書きの段落、アイコン、break-inside: avoid の箱など）がページより ${pt}pt（${mm}mm）高く、収まりません。`,
            en: `A part that cannot be split across pages (a vertical paragraph, an icon, a break-inside: avoid box) is ${pt} pt (${mm} mm) taller than the page.`,
          },
    hint: {
      ja: `文章を短くしてください。高さを多く取っている文章: ${list.join('、')}`,
      en: `Shorten the text. The texts taking the most height: ${list.join(', ')}`,
    },
    file,
  });
}
