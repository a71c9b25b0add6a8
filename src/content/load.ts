/**
 * loadContent: one organisation's content folder → typed, validated data. Nothing here knows
 * about Okayama; any folder with the same files works. All errors of all files are
 * collected and thrown together, so one build run shows everything to fix.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticBag, isUserInputError, userError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePolicy, type Policy } from './policy.js';
import { pressReleaseSchema, type PressRelease } from './press-release-schema.js';
import { jisSize } from './page-size.js';
import { DEFAULT_ASSETS_DIR, resolveSafeAssetPath } from './safe-path.js';
import { organisationSchema, posterSchema, productsSchema, toProductSpecs, outputFileName } from './schema.js';
import type { Organisation, Poster, ProductSpec } from './schema.js';
import { suggest } from '../diagnostics/suggest.js';
import { validateYaml } from './validate.js';
import { positionAt, sourceMap, type SourceMap, type YamlSource } from './yaml-source.js';
import type { VariantInfo } from './variants-resolve.js';

export interface Content {
  /** Absolute path of the content folder. */
  dir: string;
  /** The working directory that file names in diagnostics and `sources` are relative to. */
  cwd: string;
  organisation: Organisation;
  products: ProductSpec[];
  /** poster.yaml, policy.md and press-release.yaml are optional; see requireContent. */
  poster?: Poster;
  policy?: Policy;
  pressRelease?: PressRelease;
  /** Where each field was written: `sources.poster['checklist.items[3]']` → `file:line`. */
  sources: ContentSources;
  /** Warnings found while loading (errors are thrown). */
  warnings: Diagnostic[];
  /** Which variant this is (set by loadVariants, src/content/variants.ts). */
  variant?: VariantInfo;
}

export interface ContentSources {
  organisation: SourceMap;
  products: SourceMap;
  poster?: SourceMap;
  policy?: SourceMap;
  pressRelease?: SourceMap;
}

export interface LoadOptions {
  /** The project's assets/ folder, the only place besides the content folder assets may come from. */
  assetsDir?: string;
  /**
   * The caller's working directory (default: process.cwd()): a relative `dir` is resolved
   * against it, and every file name in diagnostics and `sources` (data-src) is relative to it.
   */
  cwd?: string;
}

export const CONTENT_FILES = {
  organisation: 'organisation.yaml',
  products: 'products.yaml',
  poster: 'poster.yaml',
  policy: 'policy.md',
  pressRelease: 'press-release.yaml',
} as const;
const REQUIRED: readonly string[] = [CONTENT_FILES.organisation, CONTENT_FILES.products];

/** Paths in diagnostics are relative to the working directory, like a compiler's. */
export function displayPath(abs: string, cwd: string = process.cwd()): string {
  return path.relative(path.resolve(cwd), path.resolve(cwd, abs)).split(path.sep).join('/') || '.';
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export async function loadContent(dir: string, options: LoadOptions = {}): Promise<Content> {
  return (await loadContentWithYaml(dir, options)).content;
}

/** The YAML files as written (before validation), which variants patch. */
export interface RawContentYaml {
  organisation: unknown;
  products: unknown;
  poster?: unknown;
}

/** loadContent, and the parsed YAML it validated (so loadVariants need not parse it again). */
export async function loadContentWithYaml(dir: string, options: LoadOptions = {}): Promise<{ content: Content; yaml: RawContentYaml }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const shown = (p: string) => displayPath(p, cwd);
  const abs = path.resolve(cwd, dir);
  const isDir = await stat(abs).then((s) => s.isDirectory(), () => false);
  if (!isDir) {
    throw userError({
      code: 'content/missing-dir',
      message: { ja: `コンテンツフォルダ「${dir}」がありません。`, en: `Content folder "${dir}" does not exist.` },
      hint: { ja: 'フォルダのパスを確認してください（例: content/okayama）。', en: 'Check the folder path, e.g. content/okayama.' },
      file: shown(abs),
    });
  }
  const bag = new DiagnosticBag();
  const texts = new Map<string, string>();
  // Read at once: one after another, a cold build waited for the thread pool once per file.
  const read = await Promise.all(Object.values(CONTENT_FILES).map(async (name) => [name, await readIfExists(path.join(abs, name))] as const));
  for (const [name, text] of read) {
    if (text !== undefined) texts.set(name, text);
    else if (REQUIRED.includes(name)) {
      bag.error({
        code: 'content/missing-file',
        message: { ja: `必須のファイル「${name}」がありません。`, en: `Required file ${name} is missing.` },
        hint: { ja: 'content/okayama の同じ名前のファイルを参考に作成してください。', en: 'Create it, using the file of the same name in content/okayama as an example.' },
        file: shown(path.join(abs, name)),
      });
    }
  }
  await warnAboutStrayFiles(abs, shown, bag);

  const yaml = <S extends Parameters<typeof validateYaml>[2]>(name: string, schema: S) => {
    const text = texts.get(name);
    return text === undefined ? undefined : validateYaml(text, shown(path.join(abs, name)), schema, bag);
  };
  const organisation = yaml(CONTENT_FILES.organisation, organisationSchema);
  const products = yaml(CONTENT_FILES.products, productsSchema);
  const poster = yaml(CONTENT_FILES.poster, posterSchema);
  const pressRelease = yaml(CONTENT_FILES.pressRelease, pressReleaseSchema);
  const policyText = texts.get(CONTENT_FILES.policy);
  const policy = policyText === undefined ? undefined : parsePolicy(policyText, shown(path.join(abs, CONTENT_FILES.policy)), bag);

  // The logo is checked even when other fields are wrong, so one run reports everything.
  const raw = organisation?.data as { logo?: unknown } | undefined;
  const logo = typeof raw?.logo === 'string' ? raw.logo : undefined;
  let logoPath: string | undefined;
  if (logo !== undefined && organisation) {
    try {
      const where = { file: organisation.source.file, ...positionAt(organisation.source, ['logo']), path: 'logo' };
      logoPath = resolveSafeAssetPath(logo, { contentDir: abs, assetsDir: options.assetsDir ?? DEFAULT_ASSETS_DIR }, where);
    } catch (e) {
      if (!isUserInputError(e)) throw e;
      e.diagnostics.forEach((d) => bag.add(d));
    }
  }
  checkDistinctOutputs(products?.data, products?.source, bag);

  bag.throwIfErrors();
  const content: Content = {
    dir: abs,
    cwd,
    organisation: { ...organisation!.value!, ...(logoPath ? { logoPath } : {}) },
    products: toProductSpecs(products!.value!),
    ...(poster?.value ? { poster: poster.value } : {}),
    ...(policy ? { policy } : {}),
    ...(pressRelease?.value ? { pressRelease: pressRelease.value } : {}),
    sources: {
      organisation: sourceMap(organisation!.source),
      products: sourceMap(products!.source),
      ...(poster ? { poster: sourceMap(poster.source) } : {}),
      ...(policy ? { policy: policy.sources } : {}),
      ...(pressRelease ? { pressRelease: sourceMap(pressRelease.source) } : {}),
    },
    warnings: bag.items.filter((d) => d.severity === 'warning'),
  };
  return { content, yaml: { organisation: organisation!.data, products: products!.data, ...(poster ? { poster: poster.data } : {}) } };
}

/**
 * Two products writing the same PDF would silently overwrite one another. Checked on the raw
 * YAML, so it is reported together with any other mistakes in products.yaml.
 */
function checkDistinctOutputs(raw: unknown, source: YamlSource | undefined, bag: DiagnosticBag): void {
  if (!source || raw === null || typeof raw !== 'object') return;
  const seen = new Map<string, string>();
  for (const [id, p] of Object.entries(raw as Record<string, { output?: unknown; sizes?: unknown }>)) {
    if (typeof p?.output !== 'string') continue;
    const sizes = Array.isArray(p.sizes) ? p.sizes : ['A4'];
    for (const size of sizes) {
      const name = typeof size === 'string' ? (jisSize(size)?.name ?? size) : JSON.stringify(size);
      const file = outputFileName({ output: p.output }, { name });
      const other = seen.get(file);
      if (other !== undefined && other !== id) {
        bag.error({
          code: 'content/duplicate-output',
          message: { ja: `「${other}」と「${id}」が同じファイル ${file} を出力します。`, en: `Products \`${other}\` and \`${id}\` both write ${file}.` },
          hint: { ja: 'output のファイル名を変えてください。', en: 'Give them different output names.' },
          file: source.file,
          ...positionAt(source, [id, 'output']),
          path: `${id}.output`,
        });
        break;
      }
      seen.set(file, id);
    }
  }
}

/** A misspelt file name (poster.yml) would otherwise just mean "no poster". */
async function warnAboutStrayFiles(dir: string, shown: (p: string) => string, bag: DiagnosticBag): Promise<void> {
  const known = Object.values(CONTENT_FILES) as string[];
  for (const name of await readdir(dir)) {
    if (known.includes(name) || !/\.(ya?ml|md)$/i.test(name) || /^readme\.md$/i.test(name)) continue;
    const guess = suggest(name, known);
    bag.warn({
      code: 'content/unknown-file',
      message: { ja: `ファイル「${name}」は使われません。`, en: `File ${name} is not used.` },
      hint: guess
        ? { ja: `「${guess}」のまちがいではありませんか？`, en: `Did you mean ${guess}?` }
        : { ja: `読み込むファイル: ${known.join(', ')}`, en: `Files that are read: ${known.join(', ')}` },
      file: shown(path.join(dir, name)),
    });
  }
}

/** For stages that need an optional file: throws `content/missing-file` when it is absent. */
export function requireContent<K extends 'poster' | 'policy' | 'pressRelease'>(content: Content, key: K): NonNullable<Content[K]> {
  const value = content[key];
  if (value !== undefined) return value as NonNullable<Content[K]>;
  const name = CONTENT_FILES[key];
  throw userError({
    code: 'content/missing-file',
    message: { ja: `この印刷物には「${name}」が必要ですが、ありません。`, en: `This product needs ${name}, which is missing.` },
    hint: { ja: 'content/okayama の同じ名前のファイルを参考に作成してください。', en: 'Create it, using the file of the same name in content/okayama as an example.' },
    file: displayPath(path.join(content.dir, name), content.cwd),
  });
}
