/**
 * Overflow checks and auto-fit. Text never silently overflows its box: either an element with
 * `-kp-fit-min-size` shrinks its text (binary search on one scale factor per element), or the
 * build fails naming the element, its source line and by how much it overflows.
 */
import { userError, type UserInputError } from '../diagnostics/diagnostic.js';
import type { StyledElement } from '../markup/types.js';
import type { Rect } from './decorations.js';
import type { PlacedParagraph } from './paint.js';

const TOLERANCE = 0.5; // pt: yoga and line metrics may differ by rounding only.

export interface Overflow {
  paragraph: PlacedParagraph;
  /** How far the text sticks out, in pt. */
  amount: number;
  direction: 'width' | 'height';
}

export function findOverflows(paragraphs: readonly PlacedParagraph[], page: Rect | undefined): Overflow[] {
  const out: Overflow[] = [];
  for (const p of paragraphs) {
    if (p.overflowsMeasure) {
      out.push({ paragraph: p, amount: 0, direction: 'width' });
      continue;
    }
    const limits = [p.rect, ...p.ancestors.filter((a) => a.fixedHeight).map((a) => a.rect), ...(page ? [page] : [])];
    const worst = Math.max(...limits.map((r) => p.textBottom - (r.y + r.h)));
    if (worst > TOLERANCE) out.push({ paragraph: p, amount: worst, direction: 'height' });
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
  const { origin } = o.paragraph.box;
  // The file and line lead the formatted message; the element names what to look for there.
  const where = origin.element;
  const text = o.paragraph.box.runs.map((r) => r.text).join('');
  const excerpt = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  const how =
    o.direction === 'width'
      ? { ja: '行の幅に収まらない語句があります', en: 'a word or phrase is wider than the line' }
      : { ja: `${o.amount.toFixed(1)}pt はみ出します`, en: `it overflows by ${o.amount.toFixed(1)} pt` };
  const atMin = minSize !== undefined;
  return userError({
    code: 'layout/text-overflow',
    message: {
      ja: `テキスト「${excerpt}」が枠に収まりません${atMin ? `（最小 ${minSize.toFixed(1)}pt まで縮小しても）` : ''}: ${where} — ${how.ja}。`,
      en: `Text "${excerpt}" does not fit its box${atMin ? ` even at the minimum size of ${minSize.toFixed(1)} pt` : ''}: ${where} — ${how.en}.`,
    },
    hint: atMin
      ? { ja: '文章を短くするか、テンプレートで枠を大きくしてください。', en: 'Shorten the text, or give it a larger box in the template.' }
      : {
          ja: '文章を短くするか、枠を大きくするか、CSS の -kp-fit-min-size で自動縮小を許可してください。',
          en: 'Shorten the text, enlarge its box, or allow automatic shrinking with the CSS property -kp-fit-min-size.',
        },
    ...(origin.file ? { file: origin.file } : {}),
    ...(origin.line ? { line: origin.line } : {}),
  });
}
