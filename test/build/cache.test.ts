import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildCache, CacheKeys, MANIFEST, hashTree } from '../../src/build/cache.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kp-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function store(out: string, id: string, key: string, name: string, text: string): BuildCache {
  const cache = BuildCache.open(out);
  const bytes = new TextEncoder().encode(text);
  writeFileSync(join(out, name), bytes);
  cache.record(id, { key, files: [cache.fileRecord(join(out, name), bytes, 1)] });
  writeFileSync(join(out, MANIFEST), cache.serialise());
  return BuildCache.open(out);
}

describe('build cache', () => {
  it('reuses an output only while its key and its bytes are unchanged', async () => {
    const out = tmp();
    const cache = store(out, 'okayama/poster-a4', 'k1', 'poster-a4.pdf', '%PDF-1.7 one');
    expect(await cache.fresh('okayama/poster-a4', 'k1')).toBeDefined();
    expect(await cache.fresh('okayama/poster-a4', 'k2')).toBeUndefined();
    expect(await cache.fresh('okayama/other', 'k1')).toBeUndefined();
    writeFileSync(join(out, 'poster-a4.pdf'), '%PDF-1.7 two'); // same size, other bytes
    expect(await cache.fresh('okayama/poster-a4', 'k1')).toBeUndefined();
    rmSync(join(out, 'poster-a4.pdf'));
    expect(await cache.fresh('okayama/poster-a4', 'k1')).toBeUndefined();
    expect(cache.all()).toEqual([]);
  });

  it('trusts size and time as written, and hashes a file whose time changed', async () => {
    const out = tmp();
    const cache = BuildCache.open(out);
    const bytes = new TextEncoder().encode('%PDF-1.7 one');
    writeFileSync(join(out, 'a.pdf'), bytes);
    cache.record('a', { key: 'k', files: [cache.fileRecord(join(out, 'a.pdf'), bytes, 1)] });
    cache.noteWritten();
    expect(JSON.parse(new TextDecoder().decode(cache.serialise())).entries.a.files[0].mtimeMs).toBeGreaterThan(0);
    expect(await cache.fresh('a', 'k')).toBeDefined();
    writeFileSync(join(out, 'a.pdf'), '%PDF-1.7 two'); // same size, new time
    utimesSync(join(out, 'a.pdf'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(await cache.fresh('a', 'k')).toBeUndefined();
  });

  it('treats a damaged manifest as an empty cache', async () => {
    const out = tmp();
    writeFileSync(join(out, MANIFEST), '{ not json');
    expect(await BuildCache.open(out).fresh('x', 'k')).toBeUndefined();
  });

  it('serialises deterministically, entries sorted', () => {
    const out = tmp();
    const a = BuildCache.open(out);
    a.record('b', { key: '2', files: [] });
    a.record('a', { key: '1', files: [] });
    const text = new TextDecoder().decode(a.serialise());
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(JSON.parse(text).version).toBe(1);
  });

  it('keys change with the content, the job and SOURCE_DATE_EPOCH, and only with them', () => {
    const content = tmp();
    mkdirSync(join(content, 'variants'));
    writeFileSync(join(content, 'poster.yaml'), 'headline: a\n');
    const key = (env: NodeJS.ProcessEnv = {}, job: unknown = { product: 'poster', size: 'A4' }) =>
      new CacheKeys().document({ contentDir: content, job, env });
    const first = key();
    expect(key()).toBe(first);
    expect(key({ SOURCE_DATE_EPOCH: '0' })).not.toBe(first);
    expect(key({}, { product: 'poster', size: 'A3' })).not.toBe(first);
    writeFileSync(join(content, 'poster.yaml'), 'headline: b\n');
    expect(key()).not.toBe(first);
  });

  it('counts a text file of variants/ or i18n/ only for the variants that read it', () => {
    const content = tmp();
    mkdirSync(join(content, 'variants'));
    mkdirSync(join(content, 'i18n/en'), { recursive: true });
    const kita = join(content, 'variants', 'kita.yaml');
    const en = join(content, 'i18n/en/poster.yaml');
    const readings = join(content, 'i18n/en/poster.readings.yaml');
    writeFileSync(join(content, 'poster.yaml'), 'headline: a\n');
    writeFileSync(kita, 'extends: okayama\n');
    writeFileSync(en, 'headline: a\n');
    const keys = (inputs: string[]) => new CacheKeys().document({ contentDir: content, inputs, job: {}, env: {} });
    const before = { base: keys([]), kita: keys([kita]), en: keys([en, readings]) };
    writeFileSync(kita, 'extends: okayama\ntitle: Kita\n');
    expect(keys([])).toBe(before.base);
    expect(keys([en, readings])).toBe(before.en);
    expect(keys([kita])).not.toBe(before.kita);
    writeFileSync(readings, 'readings: []\n'); // a file looked for that did not exist yet
    expect(keys([en, readings])).not.toBe(before.en);
    // Anything else in the folder counts for every variant, an image under i18n/ too.
    writeFileSync(join(content, 'i18n/en/photo.png'), 'png');
    expect(keys([])).not.toBe(before.base);
  });

  it('hashes a tree by names and bytes', () => {
    const d = tmp();
    writeFileSync(join(d, 'a'), 'x');
    const h1 = hashTree(d);
    writeFileSync(join(d, 'a'), 'y');
    expect(hashTree(d)).not.toBe(h1);
    expect(hashTree(join(d, 'missing'))).toBe('');
    expect(readFileSync(join(d, 'a'), 'utf8')).toBe('y');
  });
});
