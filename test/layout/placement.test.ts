/**
 * Auto-fit's trial layouts only place paragraphs (src/layout/placement.ts) and paint once at
 * the end; placing must report exactly what painting reports, or the fitted sizes would
 * change. A paragraph that never wraps is composed once for all the widths yoga asks about.
 */
import { describe, expect, it } from 'vitest';
import { buildBoxTree, type Box, type TextBox } from '../../src/layout/boxes.js';
import { buildYogaTree, calculate, freeTree } from '../../src/layout/flex.js';
import { paintFlow } from '../../src/layout/paint.js';
import { placeParagraphs } from '../../src/layout/placement.js';
import { unwrapped } from '../../src/layout/paragraph.js';
import { fonts, icons, styled } from './helpers.js';

const PAGE = '@page { size: 300pt 300pt; margin: 10pt } body { height: 280pt; display: flex; flex-direction: column }';

/** Lays a document out once and returns what placement and painting say about its paragraphs. */
function both(css: string, body: string) {
  const doc = styled(`${PAGE} ${css}`, body);
  const boxes = buildBoxTree(doc.root, fonts, 'test.html');
  const laid = buildYogaTree(boxes);
  try {
    calculate(laid, 280, 280);
    return { placed: placeParagraphs(laid), painted: paintFlow(laid, icons).paragraphs };
  } finally {
    freeTree(laid);
  }
}

function textBoxes(box: Box): TextBox[] {
  if (box.kind === 'text') return [box];
  return box.kind === 'container' ? box.children.flatMap(textBoxes) : [];
}

describe('placing paragraphs without painting', () => {
  it('reports what painting reports: boxes, last lines, ancestors and overflows, for every kind of paragraph', () => {
    const { placed, painted } = both(
      [
        '.row { display: flex; flex-direction: row; padding: 4pt; border: 1pt solid #000000 }',
        '.label { white-space: nowrap; text-align: center; width: 60pt }',
        '.just { text-align: justify; text-wrap: pretty } .end { text-align: end }',
        '.v { writing-mode: vertical-rl; height: 80pt }',
        '.tight { height: 20pt }',
      ].join(' '),
      [
        '<h1 class="end">カスタマーハラスメントは許しません</h1>',
        '<div class="row"><p class="label">暴言・大声で威圧する</p><p class="label">長時間の拘束</p></div>',
        `<p class="just">${'従業員への不当な要求には応じられません。'.repeat(4)}</p>`,
        '<div class="tight"><p>枠より高い段落は、はみ出しとして報告されます。枠より高い段落です。</p></div>',
        '<div class="row"><p class="v">縦書きの段落も同じです</p></div>',
      ].join(''),
    );
    expect(placed).toHaveLength(painted.length);
    expect(placed.length).toBeGreaterThanOrEqual(6);
    placed.forEach((p, i) => {
      const q = painted[i]!;
      expect(p.box).toBe(q.box);
      expect(p.rect).toEqual(q.rect);
      expect(p.textBottom).toBe(q.textBottom);
      expect(p.ancestors).toEqual(q.ancestors);
      expect(p.overflowsMeasure).toBe(q.overflowsMeasure);
      expect(p.textLeft).toBe(q.textLeft);
      // Where a line sticking out ends (the overflow amount); a line that fits may be aligned differently.
      if (p.overflowsMeasure) expect(Math.abs(p.textRight! - q.textRight!)).toBeLessThanOrEqual(0.01);
    });
    // The squeezed labels overflow their 60 pt, and both readers say so.
    expect(placed.filter((p) => p.overflowsMeasure).length).toBeGreaterThan(0);
  });

  it('composes a paragraph that never wraps once for every width its lines fit in, and not for one they do not', () => {
    const doc = styled(PAGE, '<p style="white-space: nowrap">岡山市北区役所</p>');
    const [box] = textBoxes(buildBoxTree(doc.root, fonts, 'test.html'));
    const wide = unwrapped(box!, 500, 0)!;
    expect(wide.lines).toHaveLength(1);
    const width = wide.lines[0]!.width;
    expect(unwrapped(box!, width, 0)).toBe(wide);
    expect(unwrapped(box!, width - 0.005, 0.01)).toBe(wide); // placement's tolerance
    expect(unwrapped(box!, width - 1, 0)).toBeUndefined();
    const wrapping = styled(PAGE, '<p>岡山市北区役所</p>');
    expect(unwrapped(textBoxes(buildBoxTree(wrapping.root, fonts, 'test.html'))[0]!, 500, 0)).toBeUndefined();
  });
});
