/**
 * Finds the files that `<img src>` names and reads their headers, for layout (which never
 * touches pixels). A src is relative: it is looked up in the organisation's content folder,
 * then the templates folder, then the project root (so `assets/x.png` reaches the project's
 * assets/). Like icons and the logo field, it must stay inside one of those trusted folders:
 * content may come from anyone, and `../../etc/passwd` must not end up in a printed PDF.
 * Headers and hashes are cached per process by path, size and mtime.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside, realPath } from '../content/safe-path.js';
import { PROJECT_ROOT } from '../paths.js';
import type { ImageSource } from '../layout/display-list.js';
import type { ImageLocation, ImageResolver } from '../layout/image.js';
import { missingFile, notAnImage, unsafePath } from './errors.js';
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
    this.allowed = [...(roots.contentDir ? [roots.contentDir] : []), templates, assets].map(realPath);
  }

  get(src: string, where: ImageLocation): ImageSource {
    const looksAbsolute = path.isAbsolute(src) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(src) || src.includes('\\') || src.includes('\0');
    const candidates = looksAbsolute ? [] : this.searchDirs.map((d) => realPath(path.resolve(d, src)));
    const safe = candidates.filter((c) => this.allowed.some((root) => isInside(root, c)));
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
  if (!header) throw notAnImage(src, where);
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
