/**
 * Finds the files that `<img src>` names and reads their headers, for layout (which never
 * touches pixels). A src is relative: it is looked up in the organisation's content folder,
 * then the templates folder, then the project root (so `assets/x.png` reaches the project's
 * assets/). Like icons and the logo field, it must stay inside one of those trusted folders:
 * content may come from anyone, and `../../etc/passwd` must not end up in a printed PDF.
 * Headers and hashes are cached per process by path, size and mtime.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { userError } from '../diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../paths.js';
import type { ImageSource } from '../layout/display-list.js';
import type { ImageLocation, ImageResolver } from '../layout/image.js';
import { readImageHeader } from './header.js';

export interface ImageRoots {
  /** The organisation's folder; absent for documents without content. */
  contentDir?: string;
  templatesDir?: string;
  assetsDir?: string;
  projectRoot?: string;
}

const cache = new Map<string, { stamp: string; source: ImageSource }>();

export class ImageRegistry implements ImageResolver {
  private readonly searchDirs: string[];
  private readonly allowed: string[];

  constructor(roots: ImageRoots = {}) {
    const project = roots.projectRoot ?? PROJECT_ROOT;
    const templates = roots.templatesDir ?? path.join(project, 'templates');
    const assets = roots.assetsDir ?? path.join(project, 'assets');
    this.searchDirs = [...(roots.contentDir ? [roots.contentDir] : []), templates, project];
    this.allowed = [...(roots.contentDir ? [roots.contentDir] : []), templates, assets].map(real);
  }

  get(src: string, where: ImageLocation): ImageSource {
    const looksAbsolute = path.isAbsolute(src) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(src) || src.includes('\\') || src.includes('\0');
    const candidates = looksAbsolute ? [] : this.searchDirs.map((d) => real(path.resolve(d, src)));
    const safe = candidates.filter((c) => this.allowed.some((root) => inside(root, c)));
    if (safe.length === 0) throw unsafePath(src, where);
    const file = safe.find((c) => existsSync(c) && statSync(c).isFile());
    if (!file) throw missingFile(src, where);
    return readSource(file, src, where);
  }
}

function readSource(file: string, src: string, where: ImageLocation): ImageSource {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.source;
  const bytes = readFileSync(file);
  const header = readImageHeader(bytes);
  if (!header) throw unreadable(src, where);
  const source: ImageSource = {
    path: file,
    hash: createHash('sha256').update(bytes).digest('hex'),
    format: header.format,
    pixelWidth: header.width,
    pixelHeight: header.height,
    ...(header.orientation !== 1 ? { orientation: header.orientation } : {}),
  };
  cache.set(file, { stamp, source });
  return source;
}

function real(p: string): string {
  return existsSync(p) ? realpathSync(p) : path.resolve(p);
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function located(where: ImageLocation): { file?: string; line?: number; path?: string } {
  return { ...(where.file ? { file: where.file } : {}), ...(where.line ? { line: where.line } : {}), ...(where.path ? { path: where.path } : {}) };
}

function unsafePath(src: string, where: ImageLocation) {
  return userError({
    code: 'images/unsafe-path',
    message: {
      ja: `画像 ${where.element} の src「${src}」は、コンテンツ・テンプレート・assets フォルダの外を指しています。`,
      en: `The image ${where.element} has src "${src}", which points outside the content, templates and assets folders.`,
    },
    hint: {
      ja: '画像をコンテンツフォルダ（または assets/）に置き、そこからの相対パスで書いてください（例: src="logo.png"）。絶対パスや URL、.. でフォルダの外に出るパスは使えません。',
      en: 'Put the image in the content folder (or assets/) and give a relative path, e.g. src="logo.png". Absolute paths, URLs and paths leaving the folder with .. are not allowed.',
    },
    ...located(where),
  });
}

function missingFile(src: string, where: ImageLocation) {
  return userError({
    code: 'images/missing-file',
    message: { ja: `画像 ${where.element} のファイル「${src}」が見つかりません。`, en: `The image file "${src}" of ${where.element} does not exist.` },
    hint: {
      ja: 'ファイル名のつづりと、コンテンツフォルダからの相対パスを確認してください。',
      en: 'Check the spelling and that the path is relative to the content folder.',
    },
    ...located(where),
  });
}

function unreadable(src: string, where: ImageLocation) {
  return userError({
    code: 'images/unreadable',
    message: { ja: `画像 ${where.element} のファイル「${src}」は PNG でも JPEG でもないか、壊れています。`, en: `The image file "${src}" of ${where.element} is not a readable PNG or JPEG.` },
    hint: {
      ja: '画像を PNG（ロゴ・図）か JPEG（写真）で保存し直してください。',
      en: 'Save the image again as PNG (logos, drawings) or JPEG (photos).',
    },
    ...located(where),
  });
}
