/**
 * loadVariants: a content folder → its variants. The base variant is the folder itself (id =
 * the folder's name, e.g. `okayama`); every `variants/<name>.yaml` adds one more, with id
 * `<folder>-<name>` (`okayama-kita`), which is also its output folder name. Each resolves to
 * a full Content, so every later stage treats a variant exactly like an organisation.
 * A folder without variants/ yields the base alone: other organisations work as before.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticBag, isUserInputError } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { displayPath, loadContentWithYaml, type Content, type LoadOptions } from './load.js';
import { parsePolicy } from './policy.js';
import { pressReleaseSchema } from './press-release-schema.js';
import { resolveSafeAssetPath } from './safe-path.js';
import { translatedPosterSchema } from './schema.js';
import { validateYaml } from './validate.js';
import { BASE_LANGUAGE, LANGUAGES, type LanguageId } from './variants-languages.js';
import { emptyPatch, findConflicts, mergePatches, mergeTrees, showValue, WholeFile, displayPath as fieldPath, type Patch, type Tree } from './variants-merge.js';
import { readVariantFiles, variantFileNames, type Parsed } from './variants-read.js';
import type { VariantLabel } from './variants-select.js';
import { resolveVariant, type VariantInfo } from './variants-resolve.js';
import { positionAt, sourceMap } from './yaml-source.js';
import { applyReviewedReadings, readingsFileFor } from '../furigana/readings.js';

export type { VariantInfo } from './variants-resolve.js';
export const VARIANTS_DIR = 'variants';

export interface Resolved {
  patch: Patch;
  lang: LanguageId;
  draft: boolean;
  parents: string[];
  /** The variant files and the files they name (translations, readings) it was made from. */
  inputs: string[];
}

export interface VariantLoadOptions extends LoadOptions {
  /**
   * The variants a build asks for, by id or name (`okayama-kita` or `kita`); default: all.
   * Only these and their ancestors are read and resolved (variants-read.ts), with the
   * translations and readings they name: another variant's mistakes do not stop them. Names
   * that match no file select nothing here: the caller reports them (plan.ts checks the names
   * against variantLabels first).
   */
  only?: readonly string[];
}

/** Every variant of the folder (the base first, then by id); all errors of all files at once. */
export async function loadVariants(dir: string, options: VariantLoadOptions = {}): Promise<Content[]> {
  const { content: base, yaml } = await loadContentWithYaml(dir, options);
  const baseId = path.basename(base.dir);
  const baseInfo: VariantInfo = { id: baseId, name: baseId, lang: BASE_LANGUAGE, htmlLang: LANGUAGES[BASE_LANGUAGE].html, status: 'reviewed', parents: [], inputs: [], untranslated: [] };
  const baseVariant: Content = { ...base, variant: baseInfo };
  const vdir = path.join(base.dir, VARIANTS_DIR);
  if (!existsSync(vdir)) return [baseVariant];

  const bag = new DiagnosticBag();
  const shown = (p: string) => displayPath(p, base.cwd);
  const { parsed, wanted, names: fileNames } = await readVariantFiles(vdir, baseId, shown, bag, options.only);

  const baseTree: Tree = {
    organisation: yaml.organisation,
    products: yaml.products,
    ...(base.poster ? { poster: new WholeFile('poster.yaml', yaml.poster, BASE_LANGUAGE, false) } : {}),
    ...(base.policy ? { policy: new WholeFile('policy.md', base.policy, BASE_LANGUAGE, false) } : {}),
    ...(base.pressRelease ? { pressRelease: new WholeFile('press-release.yaml', base.pressRelease, BASE_LANGUAGE, false) } : {}),
  };
  const baseOrigins = new Map<string, string>();
  for (const [key, map] of Object.entries(base.sources)) for (const [p, at] of Object.entries((map ?? {}) as Record<string, string>)) baseOrigins.set(`${key}.${p}`, at);

  const memo = new Map<string, Resolved | undefined>();
  const resolve = async (short: string, stack: string[]): Promise<Resolved | undefined> => {
    if (memo.has(short)) return memo.get(short);
    const v = parsed.get(short)!;
    const refs = typeof v.value.extends === 'string' ? [v.value.extends] : v.value.extends;
    const parents: { id: string; r: Resolved }[] = [];
    let ok = true;
    for (const [i, ref] of refs.entries()) {
      const at = { file: v.file, ...positionAt(v.source, typeof v.value.extends === 'string' ? ['extends'] : ['extends', i]), path: 'extends' };
      if (ref === baseId) {
        parents.push({ id: baseId, r: { patch: emptyPatch(), lang: BASE_LANGUAGE, draft: false, parents: [], inputs: [] } });
        continue;
      }
      const target = ref.startsWith(`${baseId}-`) && parsed.has(ref.slice(baseId.length + 1)) ? ref.slice(baseId.length + 1) : ref;
      const chain = [...stack, short];
      if (chain.includes(target)) {
        const cycle = [...chain.slice(chain.indexOf(target)), target].join(' → ');
        bag.error({ ...at, code: 'variant/cycle', message: { ja: `extends が循環しています（${cycle}）。`, en: `The extends chain is a cycle: ${cycle}.` }, hint: { ja: `どこかで ${baseId}（元の団体）に戻るようにしてください。`, en: `Make the chain end at ${baseId} (the organisation itself).` } });
        ok = false;
        continue;
      }
      // A parent whose file has mistakes of its own: those are reported, not "no such variant".
      if (!parsed.has(target) && fileNames.includes(target)) {
        ok = false;
        continue;
      }
      if (!parsed.has(target)) {
        const guess = suggest(ref, [baseId, ...fileNames]);
        bag.error({ ...at, code: 'variant/unknown-parent', message: { ja: `extends に書いた「${ref}」というバリエーションはありません。`, en: `extends names "${ref}", which is not a variant.` }, hint: guess ? { ja: `「${guess}」のまちがいではありませんか？`, en: `Did you mean "${guess}"?` } : { ja: `使える名前: ${[baseId, ...fileNames].join(', ')}`, en: `Known names: ${[baseId, ...fileNames].join(', ')}` } });
        ok = false;
        continue;
      }
      const r = await resolve(target, chain);
      if (r) parents.push({ id: target, r });
      else ok = false;
    }
    // The files a variant names are in its language: its own lang:, else its parents' (when
    // they disagree about it, that is reported as a conflict below).
    const own = await ownPatch(v, (v.value.lang as LanguageId | undefined) ?? parents[0]?.r.lang ?? BASE_LANGUAGE, base, bag);
    if (!ok || !own) {
      memo.set(short, undefined);
      return undefined;
    }
    const conflicts = findConflicts(parents.map((p) => ({ id: p.id, patch: withLang(p.r) })), own.patch.tree);
    for (const c of conflicts) {
      const name = fieldPath(c.path);
      const sides = c.sides.map((s) => `${s.parent}: ${showValue(s.value)}${s.origin ? ` (${s.origin})` : ''}`).join(' / ');
      bag.error({
        code: 'variant/conflict', file: v.file, ...positionAt(v.source, ['extends']), path: name,
        message: { ja: `親どうしで「${name}」の値が食い違っています（${sides}）。`, en: `The parents disagree about \`${name}\`: ${sides}.` },
        hint: { ja: `このファイルで ${name} を書いて、どちらにするか決めてください。`, en: `Set ${name} in this file to decide.` },
      });
    }
    if (conflicts.length > 0) {
      memo.set(short, undefined);
      return undefined;
    }
    const combined = parents.reduce((acc, p) => mergePatches(acc, withLang(p.r)), emptyPatch());
    const patch = mergePatches(combined, own.patch);
    const lang = (patch.tree.lang as LanguageId | undefined) ?? BASE_LANGUAGE;
    const inputs = [...new Set([...parents.flatMap((p) => p.r.inputs), v.abs, ...own.inputs])];
    const r: Resolved = { patch, lang, draft: v.value.status === 'draft' || own.draft || parents.some((p) => p.r.draft), parents: parents.map((p) => p.id), inputs };
    memo.set(short, r);
    return r;
  };

  const variants: Content[] = [baseVariant];
  for (const short of wanted) {
    const r = await resolve(short, []);
    if (!r) continue;
    const v = parsed.get(short)!;
    const content = resolveVariant({ base, baseTree, baseOrigins, id: `${baseId}-${short}`, name: short, file: v.file, title: v.value.title, resolved: r, bag });
    if (content) variants.push(content);
  }
  bag.throwIfErrors();
  // Warnings about the variant files go with every variant (the CLI prints each once), so a
  // build of one variant still shows them.
  const shared = bag.items.filter((d) => d.severity === 'warning');
  for (const c of variants) c.warnings = [...c.warnings, ...shared];
  return variants;
}

/**
 * What a `--variant` may name in the folder, without loading anything: the base, and each
 * variant file by id and name (`okayama-kita`, `kita`).
 */
export function variantLabels(dir: string): VariantLabel[] {
  const baseId = path.basename(path.resolve(dir));
  const vdir = path.join(dir, VARIANTS_DIR);
  const shorts = existsSync(vdir) ? variantFileNames(readdirSync(vdir), baseId) : [];
  return [{ id: baseId, name: baseId }, ...shorts.map((s) => ({ id: `${baseId}-${s}`, name: s }))];
}

/** The resolved lang travels in the patch, so parents that disagree about it are a conflict. */
function withLang(r: Resolved): Patch {
  return r.lang === BASE_LANGUAGE && r.patch.tree.lang === undefined ? r.patch : { ...r.patch, tree: { ...r.patch.tree, lang: r.lang } };
}

/** What one variant file itself changes, with the whole files it names loaded. */
async function ownPatch(v: Parsed, lang: LanguageId, base: Content, bag: DiagnosticBag): Promise<{ patch: Patch; draft: boolean; inputs: string[] } | undefined> {
  const tree: Tree = {};
  const inputs: string[] = [];
  const origins = new Map<string, string>();
  for (const [p, at] of Object.entries(sourceMap(v.source))) if (/^(organisation|products|poster|lang)\b/.test(p)) origins.set(p, at);
  let draft = false;
  let ok = true;
  for (const [key, rel] of Object.entries(v.value.files ?? {}) as ['poster' | 'policy' | 'pressRelease', string][]) {
    const where = { file: v.file, ...positionAt(v.source, ['files', key]), path: `files.${key}` };
    let abs: string;
    try {
      abs = resolveSafeAssetPath(rel, { contentDir: base.dir, assetsDir: base.dir }, where);
    } catch (e) {
      if (!isUserInputError(e)) throw e;
      e.diagnostics.forEach((d) => bag.add(d));
      ok = false;
      continue;
    }
    const shown = displayPath(abs, base.cwd);
    inputs.push(abs);
    // Readings are looked for beside a translated poster: one added later changes it too.
    if (key === 'poster') inputs.push(readingsFileFor(abs));
    const text = await readFile(abs, 'utf8');
    if (key === 'policy') {
      const policy = parsePolicy(text, shown, bag);
      if (!policy) { ok = false; continue; }
      tree.policy = new WholeFile(rel, policy, lang, policy.status === 'draft');
      draft ||= policy.status === 'draft';
      for (const [p, at] of Object.entries(policy.sources)) origins.set(`policy.${p}`, at);
    } else {
      const schema = key === 'poster' ? translatedPosterSchema : pressReleaseSchema;
      const res = validateYaml(text, shown, schema, bag);
      if (!res.value) { ok = false; continue; }
      const value = key === 'poster' ? await applyReviewedReadings(res.data, abs, shown, bag) : res.data;
      const isDraft = (res.value as { status?: string }).status === 'draft';
      tree[key] = new WholeFile(rel, value, lang, isDraft);
      draft ||= isDraft;
      for (const [p, at] of Object.entries(sourceMap(res.source))) origins.set(`${key}.${p}`, at);
    }
  }
  if (!ok) return undefined;
  if (v.value.lang) tree.lang = v.value.lang;
  if (v.raw.organisation) tree.organisation = v.raw.organisation;
  if (v.raw.products) tree.products = v.raw.products;
  if (v.raw.poster) tree.poster = tree.poster ? mergeTrees(tree.poster, v.raw.poster) : v.raw.poster;
  return { patch: { tree, origins }, draft, inputs };
}
