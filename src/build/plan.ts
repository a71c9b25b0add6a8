/**
 * Planning a build: which organisations, variants, products and sizes a request asks for,
 * with their content loaded and checked. Light on purpose (content and diagnostics only): a
 * build whose documents are all up to date loads no layout, PDF or image code at all.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserInputError, userError, type DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { displayPath, loadVariants, pickVariants, selectVariants, variantLabels, type Content, type VariantSelection } from '../content/index.js';
import { jobsFor, type BuildJob } from './products.js';

export interface BuildRequest {
  cwd: string;
  /** Organisation folders; default: every folder in <cwd>/content with a products.yaml. */
  contentDirs?: readonly string[];
  /** Default <cwd>/output. */
  outDir?: string;
  products?: readonly string[];
  /** Variant ids (`okayama-kita`, or `kita`), or 'all'; default: each organisation's base. */
  variants?: VariantSelection;
  env?: NodeJS.ProcessEnv;
  /**
   * What to make of each document: `pdf` (plain), `print`, `web` (tagged PDF) and `html` (the
   * web page of products with `html: true`); default all four.
   */
  flavours?: readonly Flavour[];
  /** Also write `<name>.print-outlined.pdf`, the print flavour with text as paths (build/print.ts). */
  outlineText?: boolean;
  /** Rebuild every document, even those the cache says are up to date (cache.ts). */
  force?: boolean;
  /** Called before the first document and after each one (the CLI's progress bar). */
  onProgress?: (progress: { done: number; total: number; file?: string }) => void;
}

export type Flavour = 'pdf' | 'print' | 'web' | 'html';
export const FLAVOURS: readonly Flavour[] = ['pdf', 'print', 'web', 'html'];

export interface BuiltOutput {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
  /** The variant the document belongs to (absent for web pages and the gallery). */
  variant?: string;
  /** Not rebuilt: the cache found its inputs unchanged (ms is then 0). */
  cached?: boolean;
}

export interface BuildResult {
  outputs: BuiltOutput[];
  diagnostics: Diagnostic[];
}

export interface PlannedJob {
  content: Content;
  job: BuildJob;
  /** The variant's output folder: <out>/<variant id>, e.g. output/okayama-kita. */
  outDir: string;
}

/** Every variant × product × size the request asks for, with its content loaded. */
export async function planJobs(request: BuildRequest, bag: DiagnosticBag): Promise<PlannedJob[]> {
  const dirs = request.contentDirs ? existingDirs(request.contentDirs, request.cwd) : discoverContent(request.cwd);
  const outRoot = resolve(request.cwd, request.outDir ?? 'output');
  const planned: PlannedJob[] = [];
  const orgs: Content[][] = [];
  // Only what is asked for is read and resolved (with its translations): the base alone by
  // default. The names are checked against the files first, so a mistyped --variant is
  // reported as such, whatever is wrong in the files it did not name.
  const only = request.variants === 'all' ? undefined : (request.variants ?? []);
  if (only) pickVariants(dirs.flatMap(variantLabels), only);
  for (const dir of dirs) orgs.push(await loadVariants(dir, { cwd: request.cwd, ...(only ? { only } : {}) }));
  const selected = selectVariants(orgs, request.variants);
  // --product names a product of any selected variant (a ward may drop the policy, say).
  const offered = new Set(selected.flatMap((c) => c.products.map((p) => p.id)));
  const unknown = request.products?.some((p) => !offered.has(p));
  for (const content of selected) {
    content.warnings.forEach((w) => bag.add(w));
    const file = content.variant?.file ?? displayPath(join(content.dir, 'products.yaml'), request.cwd);
    const only = request.products && !unknown ? request.products.filter((p) => content.products.some((q) => q.id === p)) : request.products;
    const jobs = jobsFor(content.products, only, file, content.variant);
    for (const job of jobs) planned.push({ content, job, outDir: join(outRoot, content.variant?.id ?? basename(content.dir)) });
  }
  return planned;
}

/**
 * The --content folders, resolved; every one that is not a folder is reported at once, with
 * a neighbouring folder of a similar name as a suggestion (content/okayma → content/okayama).
 */
function existingDirs(dirs: readonly string[], cwd: string): string[] {
  const resolved = dirs.map((d) => resolve(cwd, d));
  const missing = resolved.flatMap((abs, i): Diagnostic[] => {
    if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return [];
    const isFile = existsSync(abs);
    const parent = dirname(abs);
    const siblings = existsSync(parent) && statSync(parent).isDirectory()
      ? readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
      : [];
    const guess = isFile ? undefined : suggest(basename(abs), siblings);
    const shown = guess ? join(dirname(dirs[i]!), guess) : undefined;
    return [{
      severity: 'error',
      code: 'content/missing-dir',
      message: isFile
        ? { ja: `--content に指定した「${dirs[i]}」はフォルダではなくファイルです。`, en: `--content ${dirs[i]} is a file, not a folder.` }
        : { ja: `--content に指定したフォルダ「${dirs[i]}」がありません。`, en: `The folder given with --content does not exist: ${dirs[i]}` },
      hint: guess
        ? { ja: `「${shown}」のことですか？`, en: `Did you mean ${shown}?` }
        : {
            ja: 'organisation.yaml と products.yaml があるフォルダを指定してください（例: --content content/okayama）。',
            en: 'Name the folder that holds organisation.yaml and products.yaml, e.g. --content content/okayama.',
          },
    }];
  });
  if (missing.length > 0) throw new UserInputError(missing);
  return resolved;
}

function discoverContent(cwd: string): string[] {
  const root = join(cwd, 'content');
  const dirs = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'products.yaml')))
        .map((e) => join(root, e.name))
        .sort()
    : [];
  if (dirs.length > 0) return dirs;
  throw userError({
    code: 'build/no-content',
    message: { ja: `${root} に団体のフォルダがありません。`, en: `No organisation folder in ${root}.` },
    hint: {
      ja: '--content でフォルダを指定するか、content/<団体>/products.yaml を作成してください。',
      en: 'Name a folder with --content, or create content/<organisation>/products.yaml.',
    },
  });
}

