/** Asset paths in content must stay inside the content folder or the project's assets/. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, resolveSafeAssetPath } from '../../src/content/index.js';
import { contentDir, diagnosticsOf, shown } from './helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'kasuhara-assets-'));
const contentRoot = path.join(root, 'content', 'town');
const assetsDir = path.join(root, 'assets');
mkdirSync(contentRoot, { recursive: true });
mkdirSync(assetsDir);
writeFileSync(path.join(contentRoot, 'logo.png'), 'png');
writeFileSync(path.join(assetsDir, 'shared.svg'), '<svg/>');
writeFileSync(path.join(root, 'secret.txt'), 'secret');
writeFileSync(path.join(contentRoot, '..logo.png'), 'png');
symlinkSync(path.join(root, 'secret.txt'), path.join(contentRoot, 'link.png'));
// The content folder reached through a symlink, as on systems where the temp folder is one.
symlinkSync(contentRoot, path.join(root, 'content-link'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const roots = { contentDir: contentRoot, assetsDir };
const where = { file: 'content/town/organisation.yaml', line: 5, column: 7, path: 'logo' };

describe('resolveSafeAssetPath', () => {
  it('resolves files in the content folder and in assets/', () => {
    expect(resolveSafeAssetPath('logo.png', roots, where)).toBe(path.join(contentRoot, 'logo.png'));
    expect(resolveSafeAssetPath('../../assets/shared.svg', roots, where)).toBe(path.join(assetsDir, 'shared.svg'));
  });

  it.each(['../../etc/passwd', '../../secret.txt', '/etc/passwd', 'C:/Windows/win.ini', '..\\..\\secret.txt', 'file:///etc/passwd', 'link.png'])(
    'refuses %s as outside the allowed folders',
    async (value) => {
      const [d] = await diagnosticsOf(() => resolveSafeAssetPath(value, roots, where));
      expect(d).toEqual({
        severity: 'error',
        code: 'content/unsafe-path',
        message: {
          ja: `「logo」のパス「${value}」はコンテンツフォルダの外を指しています。`,
          en: `\`logo\` points outside the content folder: "${value}".`,
        },
        hint: {
          ja: 'ファイルをコンテンツフォルダ（またはプロジェクトの assets/）に置き、そこからの相対パスで書いてください（例: logo.png）。',
          en: "Put the file in the content folder (or the project's assets/ folder) and write a relative path, e.g. logo.png.",
        },
        ...where,
      });
    },
  );

  it('reports a missing file separately from an unsafe one', async () => {
    const [d] = await diagnosticsOf(() => resolveSafeAssetPath('logo.jpg', roots, where));
    expect(d).toMatchObject({ code: 'content/missing-asset', path: 'logo', line: 5 });
  });

  it('takes a name that merely starts with two dots as inside', () => {
    expect(resolveSafeAssetPath('..logo.png', roots, where)).toBe(path.join(contentRoot, '..logo.png'));
  });

  it('reports a missing file as missing when the content folder is reached through a symlink', async () => {
    const linked = { contentDir: path.join(root, 'content-link'), assetsDir };
    expect(resolveSafeAssetPath('logo.png', linked, where)).toBe(path.join(contentRoot, 'logo.png'));
    const [d] = await diagnosticsOf(() => resolveSafeAssetPath('logo.jpg', linked, where));
    expect(d).toMatchObject({ code: 'content/missing-asset' });
  });
});

describe('logo in organisation.yaml', () => {
  const org = (logo: string) => `name: 町\nnameEn: Town\npolicyUrl: https://example.jp/\nissuer: 町\nlogo: ${logo}\n`;

  it('is refused with the field path and line when it escapes the content folder', async () => {
    const dir = contentDir({ 'organisation.yaml': org('../../etc/passwd') });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([
      { code: 'content/unsafe-path', file: shown(dir, 'organisation.yaml'), line: 5, column: 7, path: 'logo' },
    ]);
  });

  it('is checked even when other fields of the file are wrong', async () => {
    const dir = contentDir({ 'organisation.yaml': org('/etc/passwd').replace('issuer: 町', 'issuer: 1') });
    const ds = await diagnosticsOf(() => loadContent(dir));
    expect(ds.map((d) => d.code)).toEqual(['content/wrong-type', 'content/unsafe-path']);
  });

  it('resolves to an absolute logoPath when it is inside the content folder', async () => {
    const dir = contentDir({ 'organisation.yaml': org('logo.png'), 'logo.png': 'png' });
    const content = await loadContent(dir);
    expect(content.organisation.logo).toBe('logo.png');
    expect(content.organisation.logoPath).toBe(path.join(dir, 'logo.png'));
  });
});
