/**
 * Text never silently overflows: `-kp-fit-min-size` lets an element's text shrink until it
 * fits its box; without it (or below the minimum) layout fails with a UserInputError that
 * names the element and says what to do.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { contentRuns, halfLeadingBaseline, layout, lines, runRight, runText, thrownDiagnostic } from './helpers.js';

/** A fixed-size poster page: 200 × 100 pt, 10 pt margins, body as tall as the page area. */
const POSTER = '@page { size: 200pt 100pt; margin: 10pt } body { height: 80pt } .box { height: 60pt }';
const HEADLINE = 'カスタマーハラスメントは許しません';
const body = `<div class="box"><h1 class="headline">${HEADLINE}</h1></div>`;
const h1 = (extra: string) => `${POSTER} h1 { font-size: 40pt; line-height: 1.2; ${extra} }`;

describe('auto-fit (-kp-fit-min-size)', () => {
  it('shrinks a headline that overflows its fixed-size box until it fits, but not below the minimum', () => {
    const doc = layout(h1('-kp-fit-min-size: 10pt'), body);
    expect(doc.pages).toHaveLength(1);
    const runs = contentRuns(doc.pages[0]!);
    const size = runs[0]!.size;
    expect(size).toBeLessThan(40);
    expect(size).toBeGreaterThanOrEqual(10);
    for (const r of runs) expect(r.size).toBe(size);
    // All of the text is there, and inside the box (x 10…190, y 10…70).
    const ls = lines(doc.pages[0]!);
    expect(ls.map((l) => l.text).join('')).toBe(HEADLINE);
    const lh = size * 1.2; // the unitless line-height scales with the font
    expect(ls[0]!.y).toBeCloseTo(10 + halfLeadingBaseline(size, lh), 6);
    for (let i = 1; i < ls.length; i++) expect(ls[i]!.y - ls[i - 1]!.y).toBeCloseTo(lh, 6);
    expect(10 + ls.length * lh).toBeLessThanOrEqual(70 + 0.5);
    for (const r of runs) expect(runRight(r)).toBeLessThanOrEqual(190 + 0.01);
  });

  it('shrinks no further than needed: 2 % larger (no auto-fit) would overflow', () => {
    const doc = layout(h1('-kp-fit-min-size: 10pt'), body);
    const size = contentRuns(doc.pages[0]!)[0]!.size;
    expect(() => layout(`${POSTER} h1 { font-size: ${size * 1.02}pt; line-height: 1.2 }`, body)).toThrow(/does not fit/);
    expect(() => layout(`${POSTER} h1 { font-size: ${size}pt; line-height: 1.2 }`, body)).not.toThrow();
  });

  it('leaves text that fits at its styled size', () => {
    const doc = layout(`${POSTER} h1 { font-size: 12pt; -kp-fit-min-size: 6pt }`, body);
    for (const r of contentRuns(doc.pages[0]!)) expect(r.size).toBe(12);
  });

  it('without -kp-fit-min-size the same overflow is a layout/text-overflow error naming the element, with a hint', () => {
    let error: unknown;
    try {
      layout(h1(''), body);
    } catch (e) {
      error = e;
    }
    expect(isUserInputError(error)).toBe(true);
    const d = thrownDiagnostic(() => layout(h1(''), body));
    expect(d.severity).toBe('error');
    expect(d.code).toBe('layout/text-overflow');
    expect(d.message.en).toContain('h1.headline');
    expect(d.message.ja).toContain('h1.headline');
    expect(d.message.en).toContain(HEADLINE.slice(0, 10));
    expect(d.message.en).not.toMatch(/minimum/i);
    expect(d.hint?.en).toContain('-kp-fit-min-size');
    expect(d.hint?.ja).toContain('-kp-fit-min-size');
    expect(d.file).toBe('test.html');
    expect(d.line).toBe(2);
  });

  it('when even the minimum size overflows, the error says so', () => {
    const d = thrownDiagnostic(() => layout(h1('-kp-fit-min-size: 30pt'), body));
    expect(d.code).toBe('layout/text-overflow');
    expect(d.message.en).toMatch(/minimum size of 30\.0 pt/);
    expect(d.message.ja).toMatch(/最小.*30\.0pt/);
    expect(d.message.en).toContain('h1.headline');
    expect(d.hint?.en).toBeTruthy();
    expect(d.hint?.ja).toBeTruthy();
  });

  it('names the content source when the element carries data-src', () => {
    const d = thrownDiagnostic(() => layout(h1(''), `<div class="box"><h1 class="headline" data-src="poster.yaml:7">${HEADLINE}</h1></div>`));
    expect(d.file).toBe('poster.yaml');
    expect(d.line).toBe(7);
    expect(d.message.en).toContain('h1.headline');
  });

  it('shrinks only the element that allows it; its siblings keep their size', () => {
    const doc = layout(
      `${POSTER} .box { display: flex; flex-direction: column } h1 { font-size: 40pt; line-height: 1.2; -kp-fit-min-size: 8pt } p { font-size: 10pt; line-height: 12pt }`,
      `<div class="box"><h1>${HEADLINE}</h1><p>注記</p></div>`,
    );
    const runs = contentRuns(doc.pages[0]!);
    const note = runs.find((r) => runText(r) === '注記')!;
    expect(note.size).toBe(10);
    expect(runs.filter((r) => r !== note).every((r) => r.size < 40)).toBe(true);
  });
});

describe('overflow of the measure', () => {
  it('a phrase wider than the line with white-space: nowrap is an overflow error', () => {
    const d = thrownDiagnostic(() => layout('p { white-space: nowrap; width: 50pt }', `<p class="x">${HEADLINE}</p>`));
    expect(d.code).toBe('layout/text-overflow');
    expect(d.message.en).toContain('p.x');
    expect(d.message.en).toMatch(/wider than the line/);
    expect(d.message.en).not.toMatch(/height/);
  });

  it('the same nowrap text fits when it is allowed to shrink, staying on one line', () => {
    const doc = layout('p { white-space: nowrap; width: 100pt; font-size: 20pt; -kp-fit-min-size: 4pt }', `<p>${HEADLINE}</p>`);
    const ls = lines(doc.pages[0]!);
    expect(ls).toHaveLength(1);
    expect(ls[0]!.text).toBe(HEADLINE);
    expect(ls[0]!.right - ls[0]!.x).toBeLessThanOrEqual(100 + 0.01);
    expect(ls[0]!.runs[0]!.size).toBeLessThan(20);
  });

  it('wrapping text in the same box is not an overflow', () => {
    const doc = layout('p { width: 50pt }', `<p>${HEADLINE}</p>`);
    expect(lines(doc.pages[0]!).length).toBeGreaterThan(1);
  });
});
