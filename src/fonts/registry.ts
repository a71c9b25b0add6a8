/**
 * The font registry: which family/weight maps to which TTF (fonts/registry.yaml), and the
 * faces, shared by every document. A face lives as long as its registry; the parsed file
 * behind it may be let go while idle and parsed again when next needed (font-files.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type * as fontkit from 'fontkit';
import { parse as parseYaml } from 'yaml';
import { userError } from '../diagnostics/diagnostic.js';
import { type FontChain, makeChain, matchLanguage } from './chain.js';
import { FontFiles, type FontFilesOptions } from './font-files.js';

export interface FontFace {
  /** Stable key, e.g. "BIZ UDPGothic/700". */
  key: string;
  family: string;
  weight: number;
  file: string;
  postscriptName: string;
  unitsPerEm: number;
  /** Typographic ascender/descender in font units (descender negative). */
  ascender: number;
  descender: number;
  /** The parsed file (parsed again if it was let go): ask for it where it is used, do not keep it. */
  readonly font: fontkit.Font;
  /** Glyph id for a code point, 0 when the font lacks it. */
  glyphId(codePoint: number): number;
  /** Advance width in font units for a glyph id (cached). */
  advance(glyphId: number): number;
}

interface RegistryFile {
  /** scripts: the languages (BCP 47) a family is made for; a generic family maps to it only for those. */
  families: Record<string, { scripts?: string[]; licence?: string; faces: { weight: number; file: string }[] }>;
  generic?: Record<string, string>;
  /** Per language (and `default`): the families that characters fall back to, in order. */
  fallback?: Record<string, string[]>;
}

export { PROJECT_ROOT } from '../paths.js';
import { PROJECT_ROOT } from '../paths.js';
const require = createRequire(import.meta.url);

export class FontRegistry {
  private readonly faces = new Map<string, FontFace>();
  private readonly chains = new Map<string, FontChain>();
  /** The parsed files behind the faces. */
  readonly files: FontFiles;

  constructor(
    private readonly registry: RegistryFile,
    private readonly registryDir: string,
    files: FontFilesOptions = {},
  ) {
    checkFallback(registry);
    this.files = new FontFiles(files);
  }

  static load(registryPath = join(PROJECT_ROOT, 'fonts/registry.yaml')): FontRegistry {
    const data = parseYaml(readFileSync(registryPath, 'utf8')) as RegistryFile;
    return new FontRegistry(data, dirname(registryPath));
  }

  families(): string[] {
    return Object.keys(this.registry.families);
  }

  /**
   * Resolves a CSS font-family list and weight to a face, using CSS weight matching
   * (the nearest available weight, bolder for weights above 500).
   */
  resolve(familyList: readonly string[], weight: number): FontFace {
    for (const requested of familyList) {
      const name = this.registry.generic?.[requested] ?? requested;
      const family = this.registry.families[name];
      if (!family) continue;
      const face = nearestWeight(family.faces, weight);
      return this.face(name, face.weight, face.file);
    }
    throw userError({
      code: 'fonts/unknown-family',
      message: {
        ja: `フォント「${familyList.join(', ')}」は登録されていません。`,
        en: `No registered font matches font-family "${familyList.join(', ')}".`,
      },
      hint: {
        ja: `fonts/registry.yaml に登録されているのは ${this.families().join('、')} です。`,
        en: `fonts/registry.yaml registers: ${this.families().join(', ')}.`,
      },
      file: 'fonts/registry.yaml',
    });
  }

  /**
   * The fallback chain for an element: the families of its CSS font-family list, then the
   * registry's fallback chain for its language (`lang`, inherited). A generic family
   * (sans-serif) maps through `generic` only when that family is made for the language
   * (its `scripts`); otherwise it stands for the language's chain, so that the language picks
   * the primary font: zh-Hant text set in sans-serif gets Noto Sans TC's glyph forms, not
   * BIZ UDPGothic's Japanese ones. Nothing is parsed until a face is asked for.
   */
  chain(familyList: readonly string[], weight: number, lang?: string): FontChain {
    const fallback = this.registry.fallback ?? {};
    const language = matchLanguage(lang, Object.keys(fallback).filter((k) => k !== 'default'));
    const cacheKey = `${familyList.join('\u0000')}|${weight}|${language ?? ''}`;
    const cached = this.chains.get(cacheKey);
    if (cached) return cached;
    const languageChain = fallback[language ?? 'default'] ?? [];
    const names: string[] = [];
    for (const requested of familyList) {
      const generic = this.registry.generic?.[requested];
      if (generic !== undefined) {
        const scripts = this.registry.families[generic]?.scripts;
        if (!language || !scripts || scripts.includes(language)) names.push(generic);
        else names.push(...languageChain);
      } else if (this.registry.families[requested]) names.push(requested);
    }
    names.push(...languageChain);
    const families = [...new Set(names)];
    if (families.length === 0) this.resolve(familyList, weight); // throws fonts/unknown-family
    const chain = makeChain(`${language ?? ''}|${weight}|${families.join('>')}`, language, families, (i) => {
      const name = families[i]!;
      const face = nearestWeight(this.registry.families[name]!.faces, weight);
      return this.face(name, face.weight, face.file);
    });
    this.chains.set(cacheKey, chain);
    return chain;
  }

  /** Keys ("Noto Sans SC/400") of the faces parsed so far: what a document has opened. */
  parsedFaces(): string[] {
    return [...this.faces.keys()];
  }

  /** Registered families that have a glyph for cp, with their languages (for hints: parses every font). */
  familiesWith(cp: number, weight = 400): { family: string; languages: string[] }[] {
    return this.families().flatMap((name) => {
      const entry = this.registry.families[name]!;
      const face = nearestWeight(entry.faces, weight);
      return this.face(name, face.weight, face.file).glyphId(cp) !== 0 ? [{ family: name, languages: entry.scripts ?? [] }] : [];
    });
  }

  private face(family: string, weight: number, file: string): FontFace {
    const key = `${family}/${weight}`;
    const cached = this.faces.get(key);
    if (cached) return cached;
    const path = this.resolveFile(file);
    const files = this.files;
    const face = makeFace(key, family, weight, path, () => files.get(path));
    this.faces.set(key, face);
    return face;
  }

  private resolveFile(file: string): string {
    if (!file.startsWith('npm:')) return resolve(this.registryDir, file);
    const spec = file.slice(4);
    const parts = spec.split('/');
    const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const rest = parts.slice(pkg.split('/').length).join('/');
    try {
      return join(dirname(require.resolve(`${pkg}/package.json`)), rest);
    } catch {
      throw userError({
        code: 'fonts/package-missing',
        message: { ja: `フォントのパッケージ ${pkg} が見つかりません。`, en: `Font package ${pkg} is not installed.` },
        hint: { ja: '`npm install` を実行してください。', en: 'Run `npm install`.' },
        file: 'fonts/registry.yaml',
      });
    }
  }
}

/** A fallback chain naming an unregistered family is a mistake in fonts/registry.yaml. */
function checkFallback(registry: RegistryFile): void {
  for (const [language, names] of Object.entries(registry.fallback ?? {})) {
    const unknown = names.filter((n) => !registry.families[n]);
    if (unknown.length === 0) continue;
    throw userError({
      code: 'fonts/unknown-fallback',
      message: {
        ja: `fallback の ${language} に登録されていないフォント「${unknown.join('、')}」があります。`,
        en: `The fallback chain for ${language} names unregistered fonts: ${unknown.join(', ')}.`,
      },
      hint: {
        ja: `families に登録されているのは ${Object.keys(registry.families).join('、')} です。`,
        en: `families registers: ${Object.keys(registry.families).join(', ')}.`,
      },
      file: 'fonts/registry.yaml',
      path: `fallback.${language}`,
    });
  }
}

function nearestWeight<T extends { weight: number }>(faces: readonly T[], weight: number): T {
  // CSS Fonts §5.2: prefer the exact weight, then lighter for ≤500, bolder for >500.
  const sorted = [...faces].sort((a, b) => a.weight - b.weight);
  const exact = sorted.find((f) => f.weight === weight);
  if (exact) return exact;
  const lighter = sorted.filter((f) => f.weight < weight).reverse();
  const bolder = sorted.filter((f) => f.weight > weight);
  const order = weight > 500 ? [...bolder, ...lighter] : [...lighter, ...bolder];
  return order[0]!;
}

function makeFace(key: string, family: string, weight: number, file: string, load: () => fontkit.Font): FontFace {
  const advances = new Map<number, number>();
  const glyphIds = new Map<number, number>();
  // Only for the metrics below: the closures ask `load` each time, so they never keep a parse.
  const font = load();
  return {
    key,
    family,
    weight,
    file,
    get font() {
      return load();
    },
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascent,
    descender: font.descent,
    glyphId(codePoint) {
      let id = glyphIds.get(codePoint);
      if (id === undefined) {
        const font = load();
        id = font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).id : 0;
        glyphIds.set(codePoint, id);
      }
      return id;
    },
    advance(glyphId) {
      let a = advances.get(glyphId);
      if (a === undefined) {
        a = load().getGlyph(glyphId).advanceWidth;
        advances.set(glyphId, a);
      }
      return a;
    },
  };
}

let shared: FontRegistry | undefined;
/** The process-wide registry for the bundled fonts/registry.yaml. */
export function defaultFontRegistry(): FontRegistry {
  shared ??= FontRegistry.load();
  return shared;
}

/** For the dev server: load fonts/registry.yaml (and the fonts it names) again when next asked. */
export function resetDefaultFontRegistry(): void {
  shared = undefined;
}
