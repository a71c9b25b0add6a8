/**
 * Variants: inheritance (maps merge, lists replace, null deletes, chains, several parents),
 * and the mistakes a person makes in a variant file, each reported with file:line:column.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVariants, variantLabels, type Content } from '../../src/content/index.js';
import { contentDir, diagnosticsOf, shown } from './helpers.js';

/** minimal-org plus files made from the base id (the folder's name), e.g. variants/a.yaml. */
function withVariants(make: (base: string) => Record<string, string>): string {
  const dir = contentDir({});
  for (const [name, text] of Object.entries(make(path.basename(dir)))) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const named = (vs: Content[], name: string) => vs.find((v) => v.variant?.name === name)!;
const PRODUCTS = 'poster:\n  template: poster\n  sizes: [A4, A3]\n  output: poster-{size}.pdf\npolicy:\n  template: policy\n  output: policy.pdf\n';

describe('inheritance', () => {
  it('overrides only what the variant writes: maps merge, lists replace, null deletes', async () => {
    const dir = withVariants((base) => ({
      'products.yaml': PRODUCTS,
      'variants/ward.yaml': [
        `extends: ${base}`,
        'status: draft',
        'organisation:',
        '  issuer: 架空町北支所',
        '  contact: { section: 総務係, phone: "0000" }',
        'products:',
        '  poster: { sizes: [B2] }',
        '  policy: null',
        'poster:',
        '  checklist:',
        '    items: [怒鳴る]',
      ].join('\n'),
    }));
    const [base, ward] = await loadVariants(dir);
    expect(base!.variant).toMatchObject({ id: path.basename(dir), lang: 'ja', status: 'reviewed' });
    expect(ward!.variant).toMatchObject({ id: `${path.basename(dir)}-ward`, lang: 'ja', status: 'draft' });
    // Overridden, and inherited beside it.
    expect(ward!.organisation).toMatchObject({ name: '架空町', issuer: '架空町北支所', contact: { section: '総務係', phone: '0000' } });
    // Maps merge: template and output come from the parent, sizes from the variant.
    expect(ward!.products.map((p) => [p.id, p.template, p.output, p.sizes.map((s) => s.name)])).toEqual([['poster', 'poster', 'poster-{size}.pdf', ['B2']]]);
    // The list replaces the parent's (which had two items); the rest of checklist is kept.
    expect(ward!.poster!.checklist).toEqual({ title: '行為の例', items: ['怒鳴る'], source: '架空町調べ' });
    expect(base!.poster!.checklist.items).toEqual(['暴言', '長時間の居座り']);
    // data-src follows the file that wrote the field.
    expect(ward!.sources.organisation.issuer).toBe(`${shown(dir, 'variants/ward.yaml')}:4`);
    expect(ward!.sources.organisation.name).toBe(`${shown(dir, 'organisation.yaml')}:2`);
    expect(ward!.sources.poster!['checklist.items[0]']).toBe(`${shown(dir, 'variants/ward.yaml')}:11`);
    expect(ward!.sources.poster!['checklist.items[1]']).toBeUndefined();
  });

  it('follows a chain of extends, the nearest variant winning', async () => {
    const dir = withVariants((base) => ({
      'variants/a.yaml': `extends: ${base}\nstatus: reviewed\norganisation: { issuer: A, contact: { section: 課A, phone: "1" } }\n`,
      'variants/b.yaml': 'extends: a\nstatus: reviewed\norganisation: { contact: { phone: "2" } }\n',
      'variants/c.yaml': `extends: ${base}-b\nstatus: draft\n`,
    }));
    const vs = await loadVariants(dir);
    expect(vs.map((v) => v.variant!.name)).toEqual([path.basename(dir), 'a', 'b', 'c']);
    expect(named(vs, 'b').organisation.contact).toEqual({ section: '課A', phone: '2' });
    expect(named(vs, 'c').organisation).toMatchObject({ issuer: 'A', contact: { section: '課A', phone: '2' } });
    expect(named(vs, 'c').variant!.parents).toEqual(['b']);
    expect(named(vs, 'b').variant!.status).toBe('reviewed');
  });

  it('combines several parents and lets the child settle what they disagree about', async () => {
    const dir = withVariants((base) => ({
      'variants/ward.yaml': `extends: ${base}\nstatus: draft\norganisation: { issuer: 北支所 }\n`,
      'variants/dept.yaml': `extends: ${base}\nstatus: draft\norganisation: { issuer: 市民課, contact: { section: 市民課 } }\n`,
      'variants/both.yaml': 'extends: [ward, dept]\nstatus: draft\norganisation: { issuer: 北支所 市民課 }\n',
    }));
    const both = named(await loadVariants(dir), 'both');
    expect(both.organisation).toMatchObject({ issuer: '北支所 市民課', contact: { section: '市民課' } });
  });

  it('uses whole translation files, in the variant language only', async () => {
    const dir = withVariants((base) => ({
      'i18n/en/poster.yaml': 'status: draft\nlead: Be kind\nheadline: Harassment?\nicons: [{ icon: megaphone, label: Shouting }]\nchecklist: { title: Examples, items: [Abuse] }\n',
      'variants/en.yaml': `extends: ${base}\nstatus: reviewed\nlang: en\nfiles: { poster: i18n/en/poster.yaml }\nposter: { lead: Be kind to all }\n`,
      'variants/en-ward.yaml': 'extends: en\nstatus: reviewed\n',
      'variants/ja-again.yaml': 'extends: en\nstatus: reviewed\nlang: ja\n',
    }));
    const vs = await loadVariants(dir);
    const en = named(vs, 'en');
    expect(en.variant).toMatchObject({ lang: 'en', htmlLang: 'en', status: 'draft' }); // the file is a draft
    expect(en.poster).toMatchObject({ lead: 'Be kind to all', headline: 'Harassment?' });
    expect(en.sources.poster!.headline).toBe(`${shown(dir, 'i18n/en/poster.yaml')}:3`);
    expect(named(vs, 'en-ward').poster!.lead).toBe('Be kind to all');
    // An English poster is not Japanese text: a variant back in ja has no poster, and says so.
    const ja = named(vs, 'ja-again');
    expect(ja.poster).toBeUndefined();
    expect(ja.variant!.untranslated).toContain('poster');
  });

  it('takes a file a variant names as written in the language it inherits', async () => {
    const dir = withVariants((base) => ({
      'i18n/en/poster.yaml': 'status: reviewed\nlead: Be kind\nheadline: Harassment?\nicons: [{ icon: megaphone, label: Shouting }]\nchecklist: { title: Examples, items: [Abuse] }\n',
      'i18n/en/poster-ward.yaml': 'status: reviewed\nlead: Be kind in the ward\nheadline: Harassment?\nicons: [{ icon: megaphone, label: Shouting }]\nchecklist: { title: Examples, items: [Abuse] }\n',
      'variants/en.yaml': `extends: ${base}\nstatus: reviewed\nlang: en\nfiles: { poster: i18n/en/poster.yaml }\n`,
      // No lang: of its own; English through its parent.
      'variants/en-ward.yaml': 'extends: en\nstatus: reviewed\nfiles: { poster: i18n/en/poster-ward.yaml }\n',
    }));
    const ward = named(await loadVariants(dir), 'en-ward');
    expect(ward.variant!.lang).toBe('en');
    expect(ward.variant!.untranslated).not.toContain('poster');
    expect(ward.poster?.lead).toBe('Be kind in the ward');
  });

  it('leaves a folder without variants/ as it was: the base alone', async () => {
    const vs = await loadVariants(contentDir({}));
    expect(vs).toHaveLength(1);
    expect(vs[0]!.variant!.status).toBe('reviewed');
  });
});

describe('mistakes in variant files', () => {
  it('reports an unknown key with file, line, column and a suggestion', async () => {
    const dir = withVariants((base) => ({ 'variants/w.yaml': `extends: ${base}\nstatus: draft\norganisation:\n  isuer: 北支所\n` }));
    const [d] = await diagnosticsOf(() => loadVariants(dir));
    expect(d).toMatchObject({ code: 'content/unknown-field', file: shown(dir, 'variants/w.yaml'), line: 4, column: 3 });
    expect(d!.hint?.en).toContain('issuer');
    expect(d!.message.ja).toContain('isuer');
  });

  it('reports a cycle in extends with the chain, at the extends of the file closing it', async () => {
    const dir = withVariants(() => ({ 'variants/a.yaml': 'status: draft\nextends: b\n', 'variants/b.yaml': 'status: draft\nextends: [a]\n' }));
    const ds = await diagnosticsOf(() => loadVariants(dir));
    const cycle = ds.find((d) => d.code === 'variant/cycle')!;
    expect(cycle.message.en).toContain('a → b → a');
    expect(cycle).toMatchObject({ file: shown(dir, 'variants/b.yaml'), line: 2, column: 11 });
  });

  it('reports parents that disagree, naming both values and where they were written', async () => {
    const dir = withVariants((base) => ({
      'variants/ward.yaml': `extends: ${base}\nstatus: draft\norganisation: { issuer: 北支所 }\n`,
      'variants/dept.yaml': `extends: ${base}\nstatus: draft\norganisation:\n  issuer: 市民課\n`,
      'variants/both.yaml': 'status: draft\nextends: [ward, dept]\n',
    }));
    const [d] = await diagnosticsOf(() => loadVariants(dir));
    expect(d).toMatchObject({ code: 'variant/conflict', file: shown(dir, 'variants/both.yaml'), line: 2, column: 10, path: 'organisation.issuer' });
    expect(d!.message.en).toContain('"北支所"');
    expect(d!.message.en).toContain(`"市民課" (${shown(dir, 'variants/dept.yaml')}:4)`);
  });

  it('reports an unknown parent or language with a suggestion', async () => {
    const dir = withVariants(() => ({ 'variants/kita.yaml': 'extends: kitaa\nstatus: draft\n', 'variants/x.yaml': 'extends: kita\nstatus: draft\nlang: zh-hans\n' }));
    const ds = await diagnosticsOf(() => loadVariants(dir));
    expect(ds.find((d) => d.code === 'variant/unknown-parent')).toMatchObject({ line: 1, column: 10 });
    expect(ds.find((d) => d.code === 'variant/unknown-parent')!.hint!.en).toContain('kita');
    expect(ds.find((d) => d.code === 'variant/unknown-language')).toMatchObject({ file: shown(dir, 'variants/x.yaml'), line: 3, column: 7 });
  });

  it('refuses null for a required field, at its line', async () => {
    const dir = withVariants((base) => ({ 'variants/w.yaml': `extends: ${base}\nstatus: draft\norganisation:\n  issuer: null\n` }));
    const [d] = await diagnosticsOf(() => loadVariants(dir));
    expect(d).toMatchObject({ code: 'content/empty-field', file: shown(dir, 'variants/w.yaml'), line: 4, column: 11 });
  });

  it('checks the merged result, at the line of the variant that made it wrong', async () => {
    // The parent builds two sizes; one output name for both would overwrite a file.
    const dir = withVariants((base) => ({ 'products.yaml': PRODUCTS, 'variants/w.yaml': `extends: ${base}\nstatus: draft\nproducts:\n  poster:\n    output: poster.pdf\n` }));
    const [d] = await diagnosticsOf(() => loadVariants(dir));
    expect(d).toMatchObject({ code: 'content/invalid-output', file: shown(dir, 'variants/w.yaml'), line: 5, path: 'products.poster.output' });
    expect(d!.message.en).toContain('-w:');
  });
});

describe('a build that asks for some variants', () => {
  it('reads only those and their ancestors: another file with a mistake does not stop it', async () => {
    const dir = withVariants((base) => ({
      'variants/ward.yaml': `extends: ${base}\nstatus: draft\norganisation:\n  issuer: 北支所\n`,
      'variants/desk.yaml': `extends: ${base}-ward\nstatus: draft\norganisation:\n  contact: { section: 窓口係 }\n`,
      'variants/broken.yaml': 'extends: [unclosed\nstatus: draft\n',
      'variants/Bad Name.yaml': 'status: draft\n',
    }));
    // A file that cannot be a variant is not offered as one.
    expect(variantLabels(dir).map((l) => l.name)).toEqual([path.basename(dir), 'broken', 'desk', 'ward']);
    const desk = await loadVariants(dir, { only: ['desk'] });
    expect(desk.map((v) => v.variant!.name)).toEqual([path.basename(dir), 'desk']);
    // The ancestor was read and applied.
    expect(desk[1]!.organisation).toMatchObject({ issuer: '北支所', contact: { section: '窓口係' } });
    // The whole folder reports every mistake.
    const all = await diagnosticsOf(() => loadVariants(dir));
    expect(all.map((d) => d.code).sort()).toEqual(['content/yaml-syntax', 'variant/bad-name']);
  });

  it('reports a mistake in a file that a requested variant extends', async () => {
    const dir = withVariants((base) => ({
      'variants/parent.yaml': `extends: ${base}\nstatus: drafty\n`,
      'variants/child.yaml': 'extends: parent\nstatus: draft\n',
    }));
    const ds = await diagnosticsOf(() => loadVariants(dir, { only: ['child'] }));
    expect(ds.map((d) => [d.code, d.file])).toEqual(expect.arrayContaining([[expect.any(String), shown(dir, 'variants/parent.yaml')]]));
    // The parent's own mistake, not also "extends names parent, which is not a variant".
    expect(ds.map((d) => d.code)).not.toContain('variant/unknown-parent');
  });
});
