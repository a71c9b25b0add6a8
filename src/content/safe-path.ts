/**
 * Content may name image files (a logo, later photos). Content folders come from many
 * organisations and may be edited by anyone, so a path must not reach outside the content
 * folder or the project's assets/ folder: `../../etc/passwd` would otherwise be embedded
 * into a printed PDF.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { userError, type Diagnostic } from '../diagnostics/diagnostic.js';

/** The project's assets/ folder (src/content → ../../assets, also from dist/content). */
export const DEFAULT_ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));

export interface AssetRoots {
  contentDir: string;
  assetsDir: string;
}

export type AssetLocation = Partial<Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>>;

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' ? false : !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Resolves symlinks where the file exists, so a link cannot point outside either. */
function real(p: string): string {
  return existsSync(p) ? realpathSync(p) : path.resolve(p);
}

/**
 * Resolves `value` (relative to the content folder; `../../assets/x.svg` reaches the
 * project's assets) to an absolute path of an existing file inside contentDir or assetsDir.
 * Throws a UserInputError `content/unsafe-path` (outside, absolute, or URL-like) or
 * `content/missing-asset` (no such file); `where` names the field in the diagnostic.
 */
export function resolveSafeAssetPath(value: string, roots: AssetRoots, where: AssetLocation = {}): string {
  const field = where.path ?? 'path';
  const looksAbsolute = path.isAbsolute(value) || /^[a-zA-Z]:/.test(value) || value.includes('\\') || value.includes('://');
  const resolved = path.resolve(roots.contentDir, value);
  const target = real(resolved);
  const allowed = [roots.contentDir, roots.assetsDir].map(real);
  if (looksAbsolute || value.includes('\0') || !allowed.some((root) => inside(root, target))) {
    throw userError({
      code: 'content/unsafe-path',
      message: {
        ja: `「${field}」のパス「${value}」はコンテンツフォルダの外を指しています。`,
        en: `\`${field}\` points outside the content folder: "${value}".`,
      },
      hint: {
        ja: 'ファイルをコンテンツフォルダ（またはプロジェクトの assets/）に置き、そこからの相対パスで書いてください（例: logo.png）。',
        en: "Put the file in the content folder (or the project's assets/ folder) and write a relative path, e.g. logo.png.",
      },
      ...where,
      path: field,
    });
  }
  if (!existsSync(target) || !statSync(target).isFile()) {
    throw userError({
      code: 'content/missing-asset',
      message: { ja: `「${field}」のファイル「${value}」がありません。`, en: `\`${field}\` names a file that does not exist: "${value}".` },
      hint: {
        ja: 'ファイル名のつづりと、コンテンツフォルダからの相対パスを確認してください。',
        en: 'Check the spelling and that the path is relative to the content folder.',
      },
      ...where,
      path: field,
    });
  }
  return target;
}
