/**
 * Icons by name: the organisation's own SVGs in assets/icons/ first, then lucide-static
 * (ISC). Parsed once per process. An unknown name is a user error with a suggestion.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { userError } from '../diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../paths.js';
import { suggest } from '../diagnostics/suggest.js';
import { svgToIcon, type IconGeometry } from './svg-to-paths.js';

const require = createRequire(import.meta.url);
const lucideDir = join(dirname(require.resolve('lucide-static/package.json')), 'icons');
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Where the icon was asked for (the element or content field), for messages. */
type IconLocation = { file?: string; line?: number; column?: number; path?: string };

export class IconRegistry {
  private readonly cache = new Map<string, IconGeometry>();
  constructor(private readonly dirs: readonly string[] = [join(PROJECT_ROOT, 'assets/icons'), lucideDir]) {}

  has(name: string): boolean {
    return NAME.test(name) && this.dirs.some((d) => existsSync(join(d, `${name}.svg`)));
  }

  /** `where` names the element or field that asked for the icon, for the error message. */
  get(name: string, where: IconLocation = {}): IconGeometry {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const file = NAME.test(name) ? this.dirs.map((d) => join(d, `${name}.svg`)).find((f) => existsSync(f)) : undefined;
    if (!file) {
      const suggestion = suggest(name, this.names());
      throw userError({
        code: 'icons/unknown-icon',
        message: { ja: `アイコン「${name}」はありません。`, en: `There is no icon named "${name}".` },
        hint: {
          ja: `${suggestion ? `「${suggestion}」のことですか？ ` : ''}使えるアイコンは assets/icons/ のファイル名と https://lucide.dev/icons の名前です。`,
          en: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use a file name from assets/icons/ or an icon name from https://lucide.dev/icons.`,
        },
        ...where,
      });
    }
    const geometry = readIcon(file, where);
    this.cache.set(name, geometry);
    return geometry;
  }

  private names(): string[] {
    return this.dirs.flatMap((d) => (existsSync(d) ? readdirSync(d) : []).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)));
  }
}

/** An organisation's own SVG that cannot be read as an icon is the user's to fix, not a crash. */
function readIcon(file: string, where: IconLocation): IconGeometry {
  try {
    return svgToIcon(readFileSync(file, 'utf8'));
  } catch {
    const shown = relative(process.cwd(), file) || file;
    throw userError({
      code: 'icons/invalid-svg',
      message: { ja: `アイコンのファイル ${shown} を SVG として読めません。`, en: `The icon file ${shown} cannot be read as SVG.` },
      hint: {
        ja: '<svg viewBox="0 0 24 24"> で始まる SVG にしてください（path・circle・rect・line・polyline・polygon・ellipse が使えます）。',
        en: 'Save it as an SVG starting with <svg viewBox="0 0 24 24"> (path, circle, rect, line, polyline, polygon and ellipse are drawn).',
      },
      ...where,
    });
  }
}
