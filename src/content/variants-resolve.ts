/**
 * One variant's patch applied to its organisation: the full, validated Content the build
 * uses, with `sources` pointing at whichever file wrote each field (the variant's, a
 * translation's or the base's), and warnings about what is not ready to print yet.
 */
import * as z from 'zod';
import { parseSourceRef, isUserInputError, type Diagnostic, type DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Content, ContentSources } from './load.js';
import type { Policy } from './policy.js';
import type { PressRelease } from './press-release-schema.js';
import { DEFAULT_ASSETS_DIR, resolveSafeAssetPath } from './safe-path.js';
import { organisationSchema, productsSchema, toProductSpecs, translatedPosterSchema } from './schema.js';
import { contentIssueOf } from './schema-helpers.js';
import { LANGUAGES, type LanguageId } from './variants-languages.js';
import { applyTree, mergePatches, WholeFile, type Tree } from './variants-merge.js';
import type { Resolved } from './variants.js';
import { formatPath } from './yaml-source.js';
import { furiganaWarnings, textFields } from '../furigana/check.js';

export interface VariantInfo {
  /** Unique over all organisations and the output folder's name: `okayama`, `okayama-kita`. */
  id: string;
  /** The variant file's name without .yaml (the folder name for the base). */
  name: string;
  lang: LanguageId;
  /** BCP 47 tag for <html lang>. */
  htmlLang: string;
  /** `draft` when the variant, an ancestor or a translation it uses is still a draft. */
  status: 'draft' | 'reviewed';
  title?: string;
  /** The variant file (absent for the base). */
  file?: string;
  parents: string[];
  /**
   * Absolute paths of the variant files (its own and its ancestors') and of the files they
   * name (translations, and the readings looked for beside a translated poster), whether or
   * not they exist: what the build cache keys this variant's documents on, besides the
   * organisation's own files. Empty for the base.
   */
  inputs: string[];
  /** Content files not inherited because they are in another language (products needing them fail). */
  untranslated: ('poster' | 'policy' | 'pressRelease')[];
}

interface Args {
  base: Content;
  baseTree: Tree;
  baseOrigins: Map<string, string>;
  id: string;
  name: string;
  file: string;
  title: string | undefined;
  resolved: Resolved;
  bag: DiagnosticBag;
}

/** Marks a detail a ward or department still has to fill in: 〔要記入：電話番号〕. */
const PLACEHOLDER = /〔要記入[：:][^〕]*〕/u;

export function resolveVariant(a: Args): Content | undefined {
  const { base, resolved, bag } = a;
  const tree = applyTree(a.baseTree, resolved.patch.tree) as Tree;
  const origins = mergePatches({ tree: {}, origins: a.baseOrigins }, resolved.patch).origins;
  const lang = resolved.lang;
  const where = (path: readonly PropertyKey[]): Pick<Diagnostic, 'file' | 'line' | 'path'> => {
    for (let n = path.length; n > 0; n--) {
      const at = origins.get(formatPath(path.slice(0, n)));
      if (at) return { ...parseSourceRef(at), path: formatPath(path) };
    }
    return { file: a.file, path: formatPath(path) };
  };
  let ok = true;
  const check = <S extends z.ZodType>(key: string, schema: S, value: unknown): z.output<S> | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    ok = false;
    for (const issue of r.error.issues) bag.error(mergedIssue(issue, [key, ...issue.path], where([key, ...issue.path]), a.id));
    return undefined;
  };
  const untranslated: VariantInfo['untranslated'] = [];
  const textFile = (key: 'poster' | 'policy' | 'pressRelease'): unknown => {
    const v = tree[key];
    if (!(v instanceof WholeFile)) return v; // written inline in the variant: in its language
    if (v.lang === lang) return v.value;
    untranslated.push(key);
    return undefined;
  };

  const organisation = check('organisation', organisationSchema, tree.organisation);
  const products = check('products', productsSchema, tree.products);
  const posterRaw = textFile('poster');
  const poster = posterRaw === undefined ? undefined : check('poster', translatedPosterSchema, posterRaw);
  const policy = textFile('policy') as Policy | undefined;
  const pressRelease = textFile('pressRelease') as PressRelease | undefined;
  let logoPath: string | undefined;
  if (organisation?.logo) {
    try {
      logoPath = resolveSafeAssetPath(organisation.logo, { contentDir: base.dir, assetsDir: DEFAULT_ASSETS_DIR }, where(['organisation', 'logo']));
    } catch (e) {
      if (!isUserInputError(e)) throw e;
      e.diagnostics.forEach((d) => bag.add(d));
      ok = false;
    }
  }
  if (!ok || !organisation || !products) return undefined;

  const sources = splitSources(origins, policy);
  const warnings: Diagnostic[] = [];
  const printed = { organisation, ...(poster ? { poster } : {}) };
  for (const { path, text } of textFields(printed)) {
    const m = PLACEHOLDER.exec(text);
    if (!m) continue;
    warnings.push({
      severity: 'warning', code: 'variant/placeholder', ...where(path),
      message: { ja: `${a.id}: 「${m[0]}」がまだ記入されていません。`, en: `${a.id}: ${m[0]} (a placeholder) is not filled in yet.` },
      hint: { ja: '担当の課が正しい値を書き、status を reviewed にしてから印刷してください。', en: 'Have the section write the real value and set status: reviewed before printing.' },
    });
  }
  if (LANGUAGES[lang].furigana) warnings.push(...furiganaWarnings(printed, policy, where, a.id));

  const status = resolved.draft ? 'draft' : 'reviewed';
  const variant: VariantInfo = {
    id: a.id, name: a.name, lang, htmlLang: LANGUAGES[lang].html, status,
    ...(a.title ? { title: a.title } : {}), file: a.file, parents: resolved.parents, inputs: resolved.inputs, untranslated,
  };
  return {
    ...base,
    organisation: { ...organisation, ...(logoPath ? { logoPath } : {}) },
    products: toProductSpecs(products),
    poster,
    policy,
    pressRelease,
    sources,
    warnings: [...base.warnings, ...warnings],
    variant,
  };
}

function splitSources(origins: Map<string, string>, policy: Policy | undefined): ContentSources {
  const part = (key: string) => {
    const out: Record<string, string> = {};
    for (const [p, at] of origins) if (p.startsWith(`${key}.`)) out[p.slice(key.length + 1)] = at;
    return out;
  };
  return {
    organisation: part('organisation'),
    products: part('products'),
    poster: part('poster'),
    ...(policy ? { policy: policy.sources } : {}),
    pressRelease: part('pressRelease'),
  };
}

/** A zod issue of the merged data, at the file and line that wrote the value (or its parent). */
function mergedIssue(issue: z.core.$ZodIssue, path: PropertyKey[], at: Pick<Diagnostic, 'file' | 'line' | 'path'>, id: string): Omit<Diagnostic, 'severity'> {
  const custom = contentIssueOf(issue);
  const name = formatPath(path);
  if (custom) return { ...at, code: custom.code, message: { ja: `${id}: ${custom.message.ja}`, en: `${id}: ${custom.message.en}` }, ...(custom.hint ? { hint: custom.hint } : {}) };
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  return {
    ...at,
    code: missing ? 'variant/missing-field' : 'variant/invalid-value',
    message: missing
      ? { ja: `${id}: 組み立てた結果、必須の項目「${name}」がありません（null で消していませんか？）。`, en: `${id}: after merging, the required field \`${name}\` is missing (deleted with null?).` }
      : { ja: `${id}: 組み立てた結果の「${name}」が正しくありません（${issue.message}）。`, en: `${id}: after merging, \`${name}\` is invalid: ${issue.message}.` },
    hint: { ja: 'バリエーションのファイルで、この項目を書き直してください。', en: 'Set this field in the variant file.' },
  };
}
