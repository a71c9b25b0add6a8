/**
 * The shipped variants of content/okayama: every ward, department and language loads, in the
 * right language and script, marked as a draft; the base stays what loadContent gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, loadContent, loadVariants, variantLabels, type Content } from '../../src/content/index.js';
import { unmarkedKanji } from '../../src/furigana/markup.js';
import { OKAYAMA } from './helpers.js';

let variants: Content[];
beforeAll(async () => {
  variants = await loadVariants(OKAYAMA);
});
const byId = (id: string) => variants.find((v) => v.variant!.id === id)!;

/** A character each language's poster must contain, and one it must not. */
const SCRIPTS: Record<string, { has: RegExp; not?: RegExp }> = {
  'easy-ja': { has: /\p{Script=Hiragana}/u },
  en: { has: /^[\p{Script=Latin}\p{P}\p{Zs}\d—]+$/u },
  'zh-Hans': { has: /[让么们]/u, not: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  'zh-Hant': { has: /[讓麼們]/u, not: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  ko: { has: /\p{Script=Hangul}/u, not: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  vi: { has: /[ểờđườợ]/u },
};

describe('content/okayama variants', () => {
  it('has the base, four wards, two departments and six languages', () => {
    expect(variants.map((v) => v.variant!.id)).toEqual([
      'okayama', 'okayama-easy-ja', 'okayama-en', 'okayama-higashi', 'okayama-hoken-nenkin', 'okayama-kita',
      'okayama-ko', 'okayama-minami', 'okayama-naka', 'okayama-shiminka', 'okayama-vi', 'okayama-zh-hans', 'okayama-zh-hant',
    ]);
    expect(variants.filter((v) => v.variant!.lang !== 'ja').map((v) => v.variant!.lang).sort()).toEqual(LANGUAGE_IDS.filter((l) => l !== 'ja').sort());
  });

  it('resolves only the variants a build asks for, by id or name', async () => {
    const ids = (cs: Content[]) => cs.map((c) => c.variant!.id);
    expect(ids(await loadVariants(OKAYAMA, { only: [] }))).toEqual(['okayama']);
    expect(ids(await loadVariants(OKAYAMA, { only: ['okayama-en', 'kita'] }))).toEqual(['okayama', 'okayama-en', 'okayama-kita']);
    const en = (await loadVariants(OKAYAMA, { only: ['en'] }))[1]!;
    expect(en).toEqual(byId('okayama-en'));
    expect(ids(await loadVariants(OKAYAMA, { only: ['kita', 'nowhere'] }))).toEqual(['okayama', 'okayama-kita']);
    expect(variantLabels(OKAYAMA)).toEqual(expect.arrayContaining([{ id: 'okayama', name: 'okayama' }, { id: 'okayama-kita', name: 'kita' }, { id: 'okayama-zh-hans', name: 'zh-hans' }]));
  });

  it('keeps the base exactly as the organisation folder describes it', async () => {
    const plain = await loadContent(OKAYAMA);
    const { variant, ...base } = byId('okayama');
    expect(base).toEqual(plain);
    expect(variant).toMatchObject({ lang: 'ja', htmlLang: 'ja', status: 'reviewed' });
  });

  it.each(Object.entries(SCRIPTS))('%s: every poster text is translated, in its script, as a draft', (lang, script) => {
    const v = variants.find((x) => x.variant!.lang === lang)!;
    expect(v.variant!.status).toBe('draft');
    const texts = [v.poster!.lead, v.poster!.headline, ...v.poster!.icons.map((i) => i.label), v.poster!.checklist.title, ...v.poster!.checklist.items];
    for (const t of texts) {
      if (lang !== 'en') expect(texts.join('')).toMatch(script.has);
      else expect(t).toMatch(script.has);
      if (script.not) expect(t).not.toMatch(script.not);
    }
    const base = byId('okayama').poster!;
    expect(v.poster!.headline).not.toBe(base.headline);
    expect(v.poster!.checklist.items).toHaveLength(base.checklist.items.length);
    expect(v.poster!.icons.map((i) => i.icon)).toEqual(base.icons.map((i) => i.icon));
  });

  it('translates the policy into easy Japanese and English only, saying what kind of translation', () => {
    expect(byId('okayama-en').policy!.html).toContain('full English translation');
    expect(byId('okayama-en').policy!.html).toContain('Japanese original prevails');
    expect(byId('okayama-easy-ja').policy!.blocks[0]!.text).toContain('まとめたものです');
    for (const id of ['okayama-zh-hans', 'okayama-zh-hant', 'okayama-ko', 'okayama-vi']) {
      expect(byId(id).policy).toBeUndefined();
      expect(byId(id).products.map((p) => p.id)).toEqual(['poster', 'tent']);
    }
  });

  it('gives easy Japanese a reviewed reading over every kanji, so loading warns about none', () => {
    const v = byId('okayama-easy-ja');
    expect(v.warnings.filter((w) => w.code === 'furigana/missing-reading')).toEqual([]);
    const texts = [...Object.values(v.poster!).flatMap((x) => JSON.stringify(x)), v.organisation.issuer, v.policy!.title, ...v.policy!.blocks.map((b) => b.text)];
    for (const t of texts) expect(unmarkedKanji(t)).toEqual([]);
    // The readings came from the reviewed file, e.g. the corrected 帰 (かえ, proposed き).
    expect(v.poster!.icons[3]!.label).toContain('{帰|かえ}');
  });

  it('marks every ward and department detail that is not known as a placeholder, with a warning', () => {
    for (const id of ['okayama-kita', 'okayama-naka', 'okayama-higashi', 'okayama-minami', 'okayama-shiminka', 'okayama-hoken-nenkin']) {
      const v = byId(id);
      expect(v.variant!.status).toBe('draft');
      expect(v.organisation.contact!.phone).toBe('〔要記入：電話番号〕');
      const w = v.warnings.find((d) => d.code === 'variant/placeholder' && d.path === 'organisation.contact.phone')!;
      expect(w.file).toMatch(/variants\/[a-z-]+\.yaml$/);
      expect(w.line).toBeGreaterThan(0);
      // No phone number that looks real: only the placeholder.
      expect(JSON.stringify(v.organisation)).not.toMatch(/\d{2,4}-\d{2,4}-\d{3,4}/);
    }
  });
});

describe('template labels', () => {
  const dir = path.join(OKAYAMA, '../../templates/labels');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const ja = parse(readFileSync(path.join(dir, 'ja.yaml'), 'utf8')) as Record<string, unknown>;

  it('exist for every language, with the keys of ja.yaml', () => {
    expect(files.map((f) => f.replace('.yaml', '')).sort()).toEqual([...LANGUAGE_IDS].sort());
    for (const f of files) {
      const labels = parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
      const { status: _s, monthNames: _m, ...keys } = labels;
      expect(Object.keys(keys).sort(), f).toEqual(Object.keys(ja).sort());
      if (f !== 'ja.yaml') expect(labels.status, f).toBe('draft');
    }
  });

  it('give every kanji of the easy Japanese labels a reading', () => {
    const easy = parse(readFileSync(path.join(dir, 'easy-ja.yaml'), 'utf8')) as Record<string, unknown>;
    for (const v of Object.values(easy)) if (typeof v === 'string') expect(unmarkedKanji(v)).toEqual([]);
  });
});
