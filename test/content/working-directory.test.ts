/**
 * File names in diagnostics and source maps are relative to the caller's working directory
 * (`cwd` option), not to the process's: an in-process caller (the CLI's `run`, a test, an
 * editor extension) may have another working directory than the Node process.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, loadContent, requireContent } from '../../src/content/index.js';
import { isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { MINIMAL, contentDir, diagnosticsOf } from './helpers.js';

describe('the cwd option of loadContent', () => {
  it('names files in diagnostics relative to cwd', async () => {
    const dir = contentDir({ 'poster.yaml': 'lead: a\nheadlin: b\n', 'products.yaml': null });
    const name = path.basename(dir);
    const ds = await diagnosticsOf(() => loadContent(dir, { cwd: path.dirname(dir) }));
    expect(ds.map((d) => `${d.file}:${d.line ?? ''} ${d.code}`)).toEqual([
      `${name}/products.yaml: content/missing-file`,
      `${name}/poster.yaml:1 content/missing-field`,
      `${name}/poster.yaml:1 content/missing-field`,
      `${name}/poster.yaml:2 content/unknown-field`,
    ]);
  });

  it('names the stray-file warning and the YAML syntax error relative to cwd', async () => {
    const dir = contentDir({ 'poster.yml': 'x: 1\n' });
    const content = await loadContent(dir, { cwd: dir });
    expect(content.warnings.map((w) => w.file)).toEqual(['poster.yml']);
    const broken = contentDir({ 'organisation.yaml': 'name: a\nnameEn b\n' });
    expect(await diagnosticsOf(() => loadContent(broken, { cwd: broken }))).toMatchObject([
      { code: 'content/yaml-syntax', file: 'organisation.yaml', line: 2 },
    ]);
  });

  it('writes source maps (data-src) and the policy file relative to cwd', async () => {
    const content = await loadContent(MINIMAL, { cwd: MINIMAL });
    expect(content.cwd).toBe(path.resolve(MINIMAL));
    expect(content.sources.organisation.name).toMatch(/^organisation\.yaml:\d+$/);
    expect(Object.values(content.sources.poster!).every((v) => /^poster\.yaml:\d+$/.test(v))).toBe(true);
    expect(content.policy!.file).toBe('policy.md');
    expect(content.sources.policy!.title).toMatch(/^policy\.md:\d+$/);
    expect(content.policy!.html).toMatch(/data-src="policy\.md:\d+"/);
    expect(content.policy!.html).not.toMatch(/data-src="[^"]*\//);
  });

  it('resolves a relative content folder against cwd, not against the process', async () => {
    const dir = contentDir({});
    const root = path.dirname(dir);
    const content = await loadContent(path.basename(dir), { cwd: root });
    expect(content.dir).toBe(dir);
    expect(content.sources.products['poster.template']).toMatch(new RegExp(`^${path.basename(dir)}/products\\.yaml:\\d+$`));
  });

  it('names a missing content folder relative to cwd', async () => {
    const dir = contentDir({});
    expect(await diagnosticsOf(() => loadContent('nowhere', { cwd: dir }))).toMatchObject([
      { code: 'content/missing-dir', file: 'nowhere', message: { en: 'Content folder "nowhere" does not exist.' } },
    ]);
  });

  it('makes requireContent name the missing file relative to the same cwd', async () => {
    const dir = contentDir({ 'poster.yaml': null });
    const content = await loadContent(dir, { cwd: path.dirname(dir) });
    try {
      requireContent(content, 'poster');
      expect.fail('expected an error');
    } catch (e) {
      if (!isUserInputError(e)) throw e;
      expect(e.diagnostics[0]!.file).toBe(`${path.basename(dir)}/poster.yaml`);
    }
  });

  it('defaults to the process working directory', async () => {
    const dir = contentDir({ 'products.yaml': null });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([{ file: displayPath(path.join(dir, 'products.yaml')) }]);
    expect(displayPath(path.join(dir, 'products.yaml'))).toBe(path.relative(process.cwd(), path.join(dir, 'products.yaml')).split(path.sep).join('/'));
  });

  it('reads the same content whatever cwd is, with paths that may lead out of cwd', async () => {
    const dir = contentDir({});
    const elsewhere = path.join(dir, 'sub');
    mkdirSync(elsewhere);
    const a = await loadContent(dir, { cwd: elsewhere });
    const b = await loadContent(dir);
    expect(a.organisation).toEqual(b.organisation);
    expect(a.sources.organisation.name).toMatch(/^\.\.\/organisation\.yaml:\d+$/);
  });
});
