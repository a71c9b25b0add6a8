/**
 * Reading the variant files of a folder (variants/*.yaml): names checked, YAML parsed and
 * validated against the variant schema. A build that asks for some variants reads only those
 * and, following their `extends`, their ancestors: a ward's typo must not stop another ward's
 * build. Without a selection every file is read, so `build --all` reports every mistake at once.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { validateYaml } from './validate.js';
import type { Tree } from './variants-merge.js';
import { variantSchema, type VariantFile } from './variants-schema.js';
import type { YamlSource } from './yaml-source.js';

export interface Parsed {
  short: string;
  /** As shown in diagnostics, and absolute. */
  file: string;
  abs: string;
  source: YamlSource;
  value: VariantFile;
  /** The YAML as written: patches use it, not `value` (zod resolves page sizes to objects). */
  raw: Tree;
}

export interface VariantFiles {
  /** The files read and valid, in name order: those asked for and their ancestors. */
  parsed: Map<string, Parsed>;
  /** Those asked for (all of `parsed` without a selection), in name order. */
  wanted: string[];
  /** Every variant name in the folder (for suggestions), read or not. */
  names: string[];
}

const YAML_NAME = /^(.+)\.ya?ml$/i;
const GOOD_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The variant names of a folder's files (`kita` for kita.yaml): YAML files with a usable name. */
export function variantFileNames(files: readonly string[], baseId: string): string[] {
  return files.flatMap((f) => {
    const short = YAML_NAME.exec(f)?.[1];
    return short && GOOD_NAME.test(short) && short !== baseId ? [short] : [];
  });
}

/**
 * A text file of variants/ or i18n/ (`rel`: relative to the organisation's folder, with "/"):
 * it matters only to the variants that read it (VariantInfo.inputs), for the build cache and
 * for the dev server alike. Any other file of the folder matters to every variant.
 */
export function isVariantText(rel: string): boolean {
  return /^(variants|i18n)\/.*\.(ya?ml|md)$/i.test(rel);
}

export async function readVariantFiles(
  vdir: string,
  baseId: string,
  shown: (abs: string) => string,
  bag: DiagnosticBag,
  only: readonly string[] | undefined,
): Promise<VariantFiles> {
  const files = (await readdir(vdir)).sort();
  const fileOf = new Map(files.flatMap((f): [string, string][] => variantFileNames([f], baseId).map((short) => [short, f])));
  const read = new Map<string, Parsed>();
  const parse = (f: string, text: string): void => {
    const short = YAML_NAME.exec(f)![1]!;
    const file = shown(path.join(vdir, f));
    const v = validateYaml(text, file, variantSchema, bag);
    if (v.value) read.set(short, { short, file, abs: path.join(vdir, f), source: v.source, value: v.value, raw: v.data as Tree });
  };
  // Reads start at once; each is awaited (and a read error thrown) in name order, after the
  // checks of the names before it, so the diagnostics come in file order.
  const readAll = async (names: readonly string[], check: boolean) => {
    const variantFiles = new Set(fileOf.values());
    const texts = new Map(names.filter((f) => variantFiles.has(f)).map((f) => [f, readFile(path.join(vdir, f), 'utf8').catch((e: unknown) => e as Error)]));
    for (const f of names) {
      if (check) checkName(f, baseId, shown(path.join(vdir, f)), bag);
      const pending = texts.get(f);
      if (!pending) continue;
      const text = await pending;
      if (text instanceof Error) throw text;
      parse(f, text);
    }
  };

  const wanted = only === undefined ? [...fileOf.keys()] : [...fileOf.keys()].filter((s) => only.includes(s) || only.includes(`${baseId}-${s}`));
  if (only === undefined) {
    await readAll(files, true);
  } else {
    const seen = new Set<string>();
    let next = wanted;
    while (next.length > 0) {
      next.forEach((s) => seen.add(s));
      await readAll(next.map((s) => fileOf.get(s)!), false);
      next = [...new Set(next.flatMap((s) => parentsOf(read.get(s), baseId)))].filter((s) => fileOf.has(s) && !seen.has(s));
    }
  }
  const parsed = new Map([...read].sort(([a], [b]) => (fileOf.get(a)! < fileOf.get(b)! ? -1 : 1)));
  return { parsed, wanted: wanted.filter((s) => parsed.has(s)), names: [...fileOf.keys()] };
}

/** The names a variant's `extends` gives, as variant file names (the base's is left out). */
function parentsOf(v: Parsed | undefined, baseId: string): string[] {
  if (!v) return [];
  const refs = typeof v.value.extends === 'string' ? [v.value.extends] : v.value.extends;
  // `okayama-kita` names kita.yaml, or (when there is none) a file called okayama-kita.yaml:
  // both are read, and resolving picks as it always does.
  return refs.filter((r) => r !== baseId).flatMap((r) => (r.startsWith(`${baseId}-`) ? [r, r.slice(baseId.length + 1)] : [r]));
}

/** Files that cannot be variants: reported when the whole folder is read. */
function checkName(f: string, baseId: string, file: string, bag: DiagnosticBag): void {
  const short = YAML_NAME.exec(f)?.[1];
  if (short === undefined) {
    bag.warn({ code: 'content/unknown-file', message: { ja: `ファイル「${f}」は使われません。`, en: `File ${f} is not used.` }, hint: { ja: 'バリエーションは .yaml ファイルに書きます。', en: 'Variants are .yaml files.' }, file });
  } else if (!GOOD_NAME.test(short) || short === baseId) {
    bag.error({
      code: 'variant/bad-name',
      message: { ja: `バリエーションのファイル名「${f}」は使えません。`, en: `Variant file name ${f} is not allowed.` },
      hint: { ja: `半角の小文字・数字・「-」で、「${baseId}」以外の名前にしてください（例: kita.yaml）。`, en: `Use lower-case letters, digits and "-", other than "${baseId}", e.g. kita.yaml.` },
      file,
    });
  }
}
