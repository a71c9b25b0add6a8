/**
 * Parsed font files are let go while idle and parsed again when needed (src/fonts/font-files.ts):
 * a face whose file was let go answers and draws exactly as before, idle files beyond the
 * budget go least recently used first, and a parse still held elsewhere is taken back rather
 * than the file read again. The PDFs are compared byte for byte against a registry whose
 * files were never let go.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FontFiles } from '../../src/fonts/font-files.js';
import { FontRegistry, type FontFace } from '../../src/fonts/registry.js';
import type { DisplayDocument } from '../../src/layout/display-list.js';
import { glyphSvgPath } from '../../src/render/glyph-outline.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { A4, makeDoc, textRun } from '../helpers/displayDoc.js';

const require = createRequire(import.meta.url);
const notoSans = (weight: '400Regular' | '700Bold') => require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`);

function doc(face: FontFace, text: string): DisplayDocument {
  return makeDoc([{ width: A4[0], height: A4[1], items: [textRun(face, text, 40, 100, { size: 14 })] }]);
}

describe('font files let go and parsed again', () => {
  it('a face whose file was let go is parsed again when needed and draws the same bytes', async () => {
    const kept = FontRegistry.load();
    const released = FontRegistry.load();
    const face = released.resolve(['BIZ UDPGothic'], 400);
    const first = '顧客対応の基本方針';
    expect(await renderPdf(doc(face, first), { id: 'a' })).toEqual(await renderPdf(doc(kept.resolve(['BIZ UDPGothic'], 400), first), { id: 'a' }));

    const before = face.font;
    const parses = released.files.parses;
    released.files.release(undefined, { reread: true });
    expect(released.files.residentFiles()).toEqual([]);
    // Characters the face has not looked up yet: answering them needs the file again.
    const second = '職員の安全を守ります・ハラスメント';
    const again = doc(face, second);
    expect(released.files.parses).toBe(parses + 1);
    expect(face.font).not.toBe(before);
    expect(released.files.residentFiles()).toEqual([face.file]);

    const other = kept.resolve(['BIZ UDPGothic'], 400);
    const reference = doc(other, second);
    expect(await renderPdf(again, { id: 'b' })).toEqual(await renderPdf(reference, { id: 'b' }));
    const ids = [...second].map((ch) => face.glyphId(ch.codePointAt(0)!));
    expect(ids).toEqual([...second].map((ch) => other.glyphId(ch.codePointAt(0)!)));
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(ids.map((id) => glyphSvgPath(face, id))).toEqual(ids.map((id) => glyphSvgPath(other, id)));
  });

  it('lets go of idle files beyond the budget, least recently used first, and keeps those in use', () => {
    const [regular, bold] = [notoSans('400Regular'), notoSans('700Bold')];
    const idle = new FontFiles({ budget: 1, idleMs: 0 });
    idle.get(regular);
    idle.get(bold);
    expect(idle.residentFiles()).toEqual([bold]);

    const busy = new FontFiles({ budget: 1, idleMs: 60_000 });
    busy.get(regular);
    busy.get(bold);
    expect(busy.residentFiles().sort()).toEqual([regular, bold].sort());

    const roomy = new FontFiles({ budget: 64 * 1024 * 1024, idleMs: 0 });
    roomy.get(regular);
    roomy.get(bold);
    expect(roomy.residentFiles().sort()).toEqual([regular, bold].sort());
  });

  it('takes back a parse that is still held elsewhere instead of reading the file again', () => {
    const files = new FontFiles();
    const path = notoSans('400Regular');
    const held = files.get(path);
    files.release([path]);
    expect(files.residentFiles()).toEqual([]);
    expect(files.get(path)).toBe(held);
    expect(files.parses).toBe(1);
    files.release([path], { reread: true });
    const fresh = files.get(path);
    expect(fresh).not.toBe(held);
    expect(files.parses).toBe(2);
    expect(fresh.glyphForCodePoint(0x1ebf).id).toBe(held.glyphForCodePoint(0x1ebf).id);
  });
});
