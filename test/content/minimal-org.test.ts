/** The loader knows nothing about Okayama: a different organisation loads the same way. */
import { describe, expect, it } from 'vitest';
import { loadContent, outputFileName, policyTextBlocks, requireContent, toWareki } from '../../src/content/index.js';
import { isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { MINIMAL, contentDir, diagnosticsOf, shown } from './helpers.js';

describe('minimal-org fixture', async () => {
  const content = await loadContent(MINIMAL);

  it('loads another organisation', () => {
    expect(content.organisation.name).toBe('架空町');
    expect(content.poster!.checklist.items).toEqual(['暴言', '長時間の居座り']);
    expect(content.poster!.checklist.source).toBe('架空町調べ');
    expect(content.pressRelease).toBeUndefined();
    expect(content.warnings).toEqual([]);
  });

  it('has a two-section policy whose date prints as 令和元年', () => {
    const policy = content.policy!;
    expect(policy.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['1 方針', '2 対応']);
    expect(policyTextBlocks(policy)).toEqual(['1 方針', '町は職員を守ります。', '2 対応', '警告します', '警察に相談します']);
    expect(toWareki(policy.date)).toBe('令和元年5月1日');
  });

  it('builds only its own products, with a custom size', () => {
    const [poster] = content.products;
    expect(content.products).toHaveLength(1);
    expect(poster!.sizes.map((s) => outputFileName(poster!, s))).toEqual(['kaku-poster-b3.pdf', 'kaku-poster-100x148mm.pdf']);
  });

  it('works from a relative path too', async () => {
    const again = await loadContent(shown(MINIMAL, '.'));
    expect(again.organisation).toEqual(content.organisation);
  });
});

describe('optional content', () => {
  it('allows a checklist without a source line', async () => {
    const poster = 'lead: l\nheadline: h\nicons:\n  - icon: megaphone\n    label: 大声\nchecklist:\n  title: t\n  items: [a]\n';
    const content = await loadContent(contentDir({ 'poster.yaml': poster }));
    expect(content.poster!.checklist.source).toBeUndefined();
  });

  it('are undefined when absent, and requireContent explains what is missing', async () => {
    const dir = contentDir({ 'poster.yaml': null });
    const content = await loadContent(dir);
    expect(content.poster).toBeUndefined();
    try {
      requireContent(content, 'poster');
      expect.fail('expected an error');
    } catch (e) {
      if (!isUserInputError(e)) throw e;
      expect(e.diagnostics[0]).toMatchObject({
        code: 'content/missing-file',
        file: shown(dir, 'poster.yaml'),
        message: { ja: 'この印刷物には「poster.yaml」が必要ですが、ありません。', en: 'This product needs poster.yaml, which is missing.' },
      });
    }
  });

  it('a missing content folder is a user error, not a crash', async () => {
    expect(await diagnosticsOf(() => loadContent('no/such/folder'))).toMatchObject([{ code: 'content/missing-dir' }]);
  });
});

describe('source map', () => {
  it('names the file and line of every field, for data-src on template elements', async () => {
    const { sources } = await loadContent(MINIMAL);
    const poster = shown(MINIMAL, 'poster.yaml');
    expect(sources.poster).toMatchObject({
      lead: `${poster}:1`,
      headline: `${poster}:2`,
      'icons[0].label': `${poster}:5`,
      'checklist.items[1]': `${poster}:10`,
    });
    expect(sources.policy).toMatchObject({ title: `${shown(MINIMAL, 'policy.md')}:2`, date: `${shown(MINIMAL, 'policy.md')}:3`, 'signer.name': `${shown(MINIMAL, 'policy.md')}:6` });
    expect(sources.organisation.issuer).toBe(`${shown(MINIMAL, 'organisation.yaml')}:5`);
  });
});
