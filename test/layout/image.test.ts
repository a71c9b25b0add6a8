/**
 * <img> in layout: CSS sizing of a replaced element (intrinsic size at 1 CSS px per pixel, the
 * aspect ratio filling in a missing side), object-fit/object-position, alt carried in the
 * origin, and clear user errors for missing, unsafe and unreadable files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { layoutDocument } from '../../src/layout/index.js';
import { fonts, icons, styled, thrownDiagnostic } from './helpers.js';
import { imageDir, imagesOf, layoutWithImages, type ImageDir } from '../images/support.js';

const PAGE = '@page { size: 200mm 200mm; margin: 0 }';
let d: ImageDir;

beforeAll(async () => {
  d = imageDir();
  await d.make('wide.png', 400, 200);
  await d.make('photo.jpg', 300, 600, { r: 20, g: 90, b: 200 });
  writeFileSync(join(d.dir, 'notes.png'), 'this is text, not a PNG');
  mkdirSync(join(d.dir, 'sub'));
});

/** The one image item of a one-image document, rounded to 0.01 pt. */
function placed(css: string, body: string) {
  const [item, ...rest] = imagesOf(layoutWithImages(d.dir, `${PAGE} ${css}`, body));
  expect(rest).toEqual([]);
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    rect: [r(item!.x), r(item!.y), r(item!.width), r(item!.height)],
    clip: item!.clip ? [r(item!.clip.x), r(item!.clip.y), r(item!.clip.width), r(item!.clip.height)] : undefined,
    item: item!,
  };
}

describe('<img> sizing', () => {
  it('without width or height has its intrinsic size, one CSS px (0.75 pt) per pixel', () => {
    expect(placed('', '<img src="wide.png" alt="a">').rect).toEqual([0, 0, 300, 150]);
  });

  it('a missing side follows from the aspect ratio (width, height, percentage)', () => {
    expect(placed('img { width: 100pt }', '<img src="wide.png">').rect).toEqual([0, 0, 100, 50]);
    expect(placed('img { height: 100pt }', '<img src="photo.jpg">').rect).toEqual([0, 0, 50, 100]);
    // 50% of a 200 mm page = 283.46 pt wide, so 141.73 pt high.
    expect(placed('img { width: 50% }', '<img src="wide.png">').rect).toEqual([0, 0, 283.46, 141.73]);
  });

  it('max-width shrinks the intrinsic size without distorting it', () => {
    expect(placed('img { max-width: 60pt }', '<img src="wide.png">').rect).toEqual([0, 0, 60, 30]);
  });

  it('takes its place in the flow: the next block starts below it', () => {
    const doc = layoutWithImages(d.dir, `${PAGE} img { width: 100pt } p { font-size: 10pt; line-height: 1 }`, '<img src="wide.png"><p>次</p>');
    const run = doc.pages[0]!.items.find((i) => i.kind === 'glyphs')!;
    expect(run.kind === 'glyphs' && run.y).toBeGreaterThan(50);
    expect(run.kind === 'glyphs' && run.y).toBeLessThan(62);
  });
});

describe('object-fit and object-position', () => {
  const box = 'img { width: 100pt; height: 100pt; margin-left: 10pt }';
  it('fill (the default) stretches the image onto the box', () => {
    expect(placed(box, '<img src="wide.png">').rect).toEqual([10, 0, 100, 100]);
  });
  it('contain fits it inside, centred, without a clip', () => {
    const p = placed(`${box} img { object-fit: contain }`, '<img src="wide.png">');
    expect(p.rect).toEqual([10, 25, 100, 50]);
    expect(p.clip).toBeUndefined();
  });
  it('cover fills the box, centred, clipped to it', () => {
    const p = placed(`${box} img { object-fit: cover }`, '<img src="wide.png">');
    expect(p.rect).toEqual([-40, 0, 200, 100]);
    expect(p.clip).toEqual([10, 0, 100, 100]);
  });
  it('object-position moves the image within the free space', () => {
    expect(placed(`${box} img { object-fit: contain; object-position: left top }`, '<img src="wide.png">').rect).toEqual([10, 0, 100, 50]);
    expect(placed(`${box} img { object-fit: contain; object-position: bottom }`, '<img src="wide.png">').rect).toEqual([10, 50, 100, 50]);
    expect(placed(`${box} img { object-fit: cover; object-position: 0% 50% }`, '<img src="wide.png">').rect).toEqual([10, 0, 200, 100]);
  });
});

describe('<img> source and alt', () => {
  it('carries alt (and the file, hash and pixel size) for the backends and tagging', () => {
    const { item } = placed('', '<img src="sub/../photo.jpg" alt="窓口の写真">');
    expect(item.origin).toMatchObject({ element: 'img', file: 'test.html', line: 2, alt: '窓口の写真' });
    expect(item.source).toMatchObject({ path: join(d.dir, 'photo.jpg'), format: 'jpeg', pixelWidth: 300, pixelHeight: 600 });
    expect(item.source.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('alt="" marks a decorative image', () => {
    expect(placed('', '<img src="wide.png" alt="">').item.origin).toMatchObject({ decorative: true });
  });
});

describe('<img> mistakes are user errors naming the element, file and line', () => {
  const fail = (src: string) => thrownDiagnostic(() => layoutWithImages(d.dir, PAGE, `<img class="logo" src="${src}">`));

  it('a missing file', () => {
    expect(fail('logo.png')).toMatchObject({ code: 'images/missing-file', file: 'test.html', line: 2 });
    expect(fail('logo.png').message.en).toBe('The image file "logo.png" of img.logo does not exist.');
    expect(fail('logo.png').hint?.ja).toContain('相対パス');
  });

  it.each(['../../../etc/passwd', '/etc/passwd', 'file:///etc/passwd', 'https://example.com/a.png', 'C:\\logo.png'])('an unsafe path: %s', (src) => {
    const diag = fail(src);
    expect(diag).toMatchObject({ code: 'images/unsafe-path', file: 'test.html', line: 2 });
    expect(diag.message.ja).toContain('img.logo');
    expect(diag.hint?.en).toContain('relative path');
  });

  it('a file that is not a PNG or JPEG', () => {
    expect(fail('notes.png')).toMatchObject({ code: 'images/unreadable', file: 'test.html', line: 2 });
  });

  it('an <img> without src', () => {
    expect(fail('')).toMatchObject({ code: 'layout/image-without-src', line: 2 });
  });

  it('without an image registry (typeset) an image is skipped with a warning, not a crash', () => {
    const bag = new DiagnosticBag();
    const doc = layoutDocument(styled(PAGE, '<img src="wide.png">'), { fonts, icons, date: new Date(0), file: 'test.html', diagnostics: bag });
    expect(imagesOf(doc)).toEqual([]);
    expect(bag.items.map((i) => i.code)).toEqual(['layout/image-unsupported']);
  });
});

describe('<img> in a half-turned block (desk tents)', () => {
  it('moves to the opposite side and is drawn turned', () => {
    const css = `${PAGE} .turn { width: 200pt; height: 100pt; transform: rotate(180deg) } img { width: 40pt }`;
    const [item] = imagesOf(layoutWithImages(d.dir, css, '<div class="turn"><img src="wide.png"></div>'));
    expect(item!.rotation).toBe(180);
    expect([item!.x, item!.y, item!.width, item!.height]).toEqual([160, 80, 40, 20]);
  });
});
