/**
 * Visual regression tests: small HTML fixtures (test/fixtures/visual/<name>.html) laid out
 * with the real fonts and icons, rasterised by our raster backend at 72 dpi and compared with
 * the reference PNGs next to them (test/fixtures/visual/<name>.png), with a tolerance.
 *
 * A failure writes test/.artifacts/visual/<name>.{actual,expected,diff}.png (git-ignored;
 * the diff shows changed pixels in red over a faded copy) and names them in its message.
 *
 * References are never updated implicitly. After an intended change, or for a new fixture:
 *
 *     UPDATE_VISUAL=1 npx vitest run test/visual
 *
 * then LOOK at every changed PNG (git diff shows which) before committing it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplayPage } from '../../src/layout/display-list.js';
import { PROJECT_ROOT } from '../../src/fonts/registry.js';
import { checkReference, decodePng, type ReferenceOptions } from './compare.js';
import { ARTIFACTS_DIR, DPI, FIXTURE_DIR, layoutFixture, rasterise, shiftPage } from './render.js';

const UPDATE = process.env.UPDATE_VISUAL === '1' || process.env.UPDATE_VISUAL === 'true';
const options: ReferenceOptions = { referenceDir: FIXTURE_DIR, artifactsDir: ARTIFACTS_DIR, update: UPDATE };

const FIXTURES = {
  headline: 'a headline with its key phrase 「…」 in the primary colour, balanced over two lines',
  checklist: 'a checklist box: rounded border, header band, check icons before wrapped items',
  'icon-grid': 'four icons in round discs with their labels',
  vertical: 'vertical-rl columns: vertical punctuation forms, rotated brackets, upright digits, columns right to left',
} as const;

describe('visual regression (raster backend, 72 dpi)', () => {
  for (const [name, what] of Object.entries(FIXTURES)) {
    it(`${name}: ${what}`, async () => {
      const { page, pageCount, diagnostics } = layoutFixture(name);
      expect(diagnostics, 'the fixture uses only supported HTML/CSS').toEqual([]);
      expect(pageCount).toBe(1);
      const result = await checkReference(name, await rasterise(page), options);
      if (result.status === 'missing' || result.status === 'mismatch') expect.fail(result.message);
      expect(['match', 'updated']).toContain(result.status);
    });
  }

});

describe('the comparison catches a change', () => {
  // Against a reference made in this run (in a scratch folder), so these prove the comparison
  // itself, whatever the committed references say.
  const scratch = mkdtempSync(join(tmpdir(), 'kp-visual-'));
  const refs = join(scratch, 'refs');
  const scratchOptions: ReferenceOptions = { referenceDir: refs, artifactsDir: scratch, update: false };
  let page: DisplayPage;
  beforeAll(async () => {
    page = layoutFixture('headline').page;
    const made = await checkReference('headline', await rasterise(page), { ...scratchOptions, update: true });
    expect(made.status).toBe('updated');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('the headline moved by 2 pt fails, and writes actual, expected and diff images', async () => {
    const shifted = await rasterise(shiftPage(page, 2, 0));
    const result = await checkReference('headline.shifted', shifted, { ...scratchOptions, reference: 'headline' });
    expect(result.status).toBe('mismatch');
    if (result.status !== 'mismatch') return;
    expect(result.ratio).toBeGreaterThan(0.01);
    expect(result.message).toContain(result.artifacts.diff);
    expect(result.message).toContain('UPDATE_VISUAL=1 npx vitest run test/visual');
    for (const kind of ['actual', 'expected', 'diff'] as const) {
      const img = await decodePng(new Uint8Array(readFileSync(join(scratch, `headline.shifted.${kind}.png`))));
      expect([img.width, img.height]).toEqual([420 * (DPI / 72), 90 * (DPI / 72)]);
    }
    // The diff marks changed pixels in pure red, and only those.
    const diff = await decodePng(new Uint8Array(readFileSync(join(scratch, 'headline.shifted.diff.png'))));
    let red = 0;
    for (let i = 0; i < diff.data.length; i += 3) if (diff.data[i] === 255 && diff.data[i + 1] === 0 && diff.data[i + 2] === 0) red++;
    expect(red / (diff.width * diff.height)).toBeCloseTo(result.ratio, 6);
  });

  it('the same rendering passes, and a shift far below a pixel is within the tolerance', async () => {
    for (const [name, p] of [['headline.same', page], ['headline.nudged', shiftPage(page, 0.1, 0)]] as const) {
      expect(await checkReference(name, await rasterise(p), { ...scratchOptions, reference: 'headline' })).toMatchObject({ status: 'match' });
    }
  });

  it('a missing reference fails and says how to create it (never created implicitly)', async () => {
    const result = await checkReference('no-such-fixture', await rasterise(page), scratchOptions);
    expect(result.status).toBe('missing');
    if (result.status !== 'missing') return;
    expect(result.message).toContain('UPDATE_VISUAL=1 npx vitest run test/visual');
    expect(existsSync(join(refs, 'no-such-fixture.png'))).toBe(false);
    expect(readFileSync(join(scratch, 'no-such-fixture.actual.png')).length).toBeGreaterThan(0);
  });

  it('a change of size fails even with no other difference', async () => {
    const wider = await rasterise({ ...page, width: page.width + 10 });
    const result = await checkReference('headline.wider', wider, { ...scratchOptions, reference: 'headline' });
    expect(result.status).toBe('mismatch');
    if (result.status === 'mismatch') expect(result.message).toContain('the size changed: 430×90 px, the reference is 420×90 px');
  });

  it('failures of the real fixtures go to test/.artifacts/visual (git-ignored)', () => {
    expect(ARTIFACTS_DIR).toBe(join(PROJECT_ROOT, 'test/.artifacts/visual'));
    expect(readFileSync(join(PROJECT_ROOT, '.gitignore'), 'utf8')).toMatch(/^test\/\.artifacts\/$/m);
  });
});
