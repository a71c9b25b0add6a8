/**
 * Content may name image files (a logo, later photos). Content folders come from many
 * organisations and may be edited by anyone, so a path must not reach outside the content
 * folder or the project's assets/ folder: `../../etc/passwd` would otherwise be embedded
 * into a printed PDF.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { userError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../paths.js';

/** The project's assets/ folder. */
export const DEFAULT_ASSETS_DIR = path.join(PROJECT_ROOT, 'assets') + path.sep;

export interface AssetRoots {
  contentDir: string;
  assetsDir: string;
}

export type AssetLocation = Partial<Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>>;

/**
 * Whether `p` lies strictly inside `root` (both absolute). A first segment `..` leaves the
 * root; a name that merely starts with dots (`..logo.png`) does not.
 */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * Resolves symlinks, so a link cannot point outside either. For a path that does not exist
 * (yet), its nearest existing folder is resolved: a missing file in a content folder reached
 * through a symlink is still inside that folder (and reported as missing, not as outside).
 */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = path.dirname(abs);
  return parent === abs ? abs : path.join(realPath(parent), path.basename(abs));
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
  const target = realPath(resolved);
  const allowed = [roots.contentDir, roots.assetsDir].map(realPath);
  if (looksAbsolute || value.includes('\0') || !allowed.some((root) => isInside(root, target))) {
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
