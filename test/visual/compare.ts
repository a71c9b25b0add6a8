/**
 * Image comparison for the visual regression tests: a rendered PNG against a committed
 * reference, with a tolerance (a per-pixel channel threshold and a maximum share of differing
 * pixels), so that anti-aliasing noise passes and a real change fails. A failure writes the
 * actual, expected and diff images to the artifacts folder and names them in its message.
 * References change only when asked for (`update: true`, from UPDATE_VISUAL=1). Not a test
 * file itself (no `.test.ts`).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { PROJECT_ROOT } from '../../src/fonts/registry.js';

export const UPDATE_COMMAND = 'UPDATE_VISUAL=1 npx vitest run test/visual';

export interface Tolerance {
  /** A pixel differs when one of its R, G, B channels differs by more than this (0–255). */
  channel: number;
  /** The comparison fails when more than this share (0–1) of the pixels differ. */
  maxRatio: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { channel: 48, maxRatio: 0.002 };

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes a pixel, rows top to bottom. */
  data: Uint8Array;
}

export async function decodePng(png: Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

export interface Comparison {
  /** Both images' sizes agree. */
  sameSize: boolean;
  /** Pixels compared: the larger width × the larger height (a pixel only one image has differs). */
  total: number;
  differing: number;
  ratio: number;
  /** Changed pixels in red over a faded grey copy of the expected image (of the actual where there is none). */
  diff: RgbImage;
}

export function compareImages(actual: RgbImage, expected: RgbImage, channel = DEFAULT_TOLERANCE.channel): Comparison {
  const width = Math.max(actual.width, expected.width);
  const height = Math.max(actual.height, expected.height);
  const diff = new Uint8Array(width * height * 3);
  let differing = 0;
  const at = (img: RgbImage, x: number, y: number): number => (x < img.width && y < img.height ? (y * img.width + x) * 3 : -1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = at(actual, x, y);
      const e = at(expected, x, y);
      let differs = a < 0 || e < 0;
      for (let c = 0; c < 3 && !differs; c++) differs = Math.abs(actual.data[a + c]! - expected.data[e + c]!) > channel;
      const o = (y * width + x) * 3;
      if (differs) {
        differing++;
        diff[o] = 255;
        diff[o + 1] = 0;
        diff[o + 2] = 0;
      } else {
        const src = e >= 0 ? expected : actual;
        const i = e >= 0 ? e : a;
        const grey = 0.299 * src.data[i]! + 0.587 * src.data[i + 1]! + 0.114 * src.data[i + 2]!;
        const faded = Math.round(255 - (255 - grey) * 0.25);
        diff[o] = diff[o + 1] = diff[o + 2] = faded;
      }
    }
  }
  const total = width * height;
  return {
    sameSize: actual.width === expected.width && actual.height === expected.height,
    total,
    differing,
    ratio: total === 0 ? 0 : differing / total,
    diff: { width, height, data: diff },
  };
}

export async function encodePng(img: RgbImage): Promise<Uint8Array> {
  return new Uint8Array(await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } }).png().toBuffer());
}

export interface ReferenceOptions {
  /** Where `<name>.png` references live. */
  referenceDir: string;
  /** Where a failure writes `<name>.{actual,expected,diff}.png`. */
  artifactsDir: string;
  /** Write the actual image as the new reference instead of comparing (UPDATE_VISUAL=1). */
  update: boolean;
  tolerance?: Tolerance;
  /** The reference's name when it differs from the artifacts' name (default: `name`). */
  reference?: string;
}

export type ReferenceResult =
  | { status: 'match'; ratio: number }
  | { status: 'updated'; reference: string }
  | { status: 'missing'; message: string; artifacts: { actual: string } }
  | { status: 'mismatch'; message: string; artifacts: { actual: string; expected: string; diff: string }; ratio: number };

const shown = (p: string): string => relative(PROJECT_ROOT, p).split('\\').join('/');

/**
 * Compares `actual` (PNG) with `<referenceDir>/<reference>.png`. Never writes a reference
 * unless `update` is set. On a match, artifacts left by an earlier failure are removed.
 */
export async function checkReference(name: string, actual: Uint8Array, options: ReferenceOptions): Promise<ReferenceResult> {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const refPath = join(options.referenceDir, `${options.reference ?? name}.png`);
  const artifact = (kind: 'actual' | 'expected' | 'diff') => join(options.artifactsDir, `${name}.${kind}.png`);
  const clearArtifacts = () => (['actual', 'expected', 'diff'] as const).forEach((k) => rmSync(artifact(k), { force: true }));

  if (options.update) {
    mkdirSync(options.referenceDir, { recursive: true });
    writeFileSync(refPath, actual);
    clearArtifacts();
    return { status: 'updated', reference: shown(refPath) };
  }
  mkdirSync(options.artifactsDir, { recursive: true });
  if (!existsSync(refPath)) {
    clearArtifacts();
    writeFileSync(artifact('actual'), actual);
    return {
      status: 'missing',
      artifacts: { actual: shown(artifact('actual')) },
      message:
        `visual "${name}": there is no reference image ${shown(refPath)}.\n` +
        `  Create it with: ${UPDATE_COMMAND}\n` +
        `  then look at the new PNG before committing it (this run's image: ${shown(artifact('actual'))}).`,
    };
  }
  const expectedPng = new Uint8Array(readFileSync(refPath));
  const cmp = compareImages(await decodePng(actual), await decodePng(expectedPng), tolerance.channel);
  if (cmp.sameSize && cmp.ratio <= tolerance.maxRatio) {
    clearArtifacts();
    return { status: 'match', ratio: cmp.ratio };
  }
  writeFileSync(artifact('actual'), actual);
  writeFileSync(artifact('expected'), expectedPng);
  writeFileSync(artifact('diff'), await encodePng(cmp.diff));
  const exp = await sharp(expectedPng).metadata();
  const act = await sharp(actual).metadata();
  const what = cmp.sameSize
    ? `${(cmp.ratio * 100).toFixed(2)}% of the pixels differ (${cmp.differing} of ${cmp.total}; allowed ${(tolerance.maxRatio * 100).toFixed(2)}%, a pixel differs when a channel differs by more than ${tolerance.channel}/255)`
    : `the size changed: ${act.width}×${act.height} px, the reference is ${exp.width}×${exp.height} px`;
  return {
    status: 'mismatch',
    ratio: cmp.ratio,
    artifacts: { actual: shown(artifact('actual')), expected: shown(artifact('expected')), diff: shown(artifact('diff')) },
    message:
      `visual "${name}" does not match ${shown(refPath)}: ${what}.\n` +
      `  Diff (changed pixels in red): ${shown(artifact('diff'))}\n` +
      `  Actual: ${shown(artifact('actual'))}  Expected: ${shown(artifact('expected'))}\n` +
      `  If the change is intended, update the references with: ${UPDATE_COMMAND}`,
  };
}
