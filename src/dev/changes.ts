/**
 * Which outputs a changed file affects, so the dev server rebuilds only those:
 *
 *   content/<org>/…              → that organisation's jobs (its content is loaded again)
 *   content/<org>/variants/ or i18n/ YAML and Markdown (variants-read.ts isVariantText)
 *                                → only the shown variants that read it (still a reload)
 *   templates/<name>.hbs         → the jobs whose product uses template <name>
 *   templates/partials/<p>.hbs   → the jobs whose template uses partial <p> (directly or through
 *                                  other partials); every job when that cannot be told
 *   templates/theme.yaml, other files in templates/ (CSS …), assets/, fonts/ → every job
 *
 * and which process-wide caches must be dropped first (compiled templates, the theme, parsed
 * icons, the font registry). Pure apart from reading the template sources for partials.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { isVariantText } from '../content/variants-read.js';

export interface WatchRoots {
  /** Organisation folders (absolute). */
  orgDirs: readonly string[];
  /** Where new organisation folders may appear (absolute), when folders are discovered. */
  contentRoot?: string;
  templatesDir: string;
  assetsDir: string;
  fontsDir: string;
  /** The variants shown (besides each organisation's base), with the files each is made of. */
  variants?: readonly VariantWatch[];
}

export interface VariantWatch {
  /** `okayama-kita`. */
  id: string;
  /** Its organisation folder (absolute). */
  orgDir: string;
  /** VariantInfo.inputs: its variant file, its ancestors', the translations and readings they name. */
  inputs: readonly string[];
}

export interface Impact {
  /** Organisation folders whose content must be loaded again (absolute). */
  orgDirs: Set<string>;
  /**
   * For an organisation folder in `orgDirs` where only variant files (or files that only
   * variants name) changed: the ids of the variants whose documents must be rebuilt, maybe
   * none. A folder not listed here: all its documents (its base files changed).
   */
  variantsOnly: Map<string, Set<string>>;
  /** Template names whose jobs must be rebuilt. */
  templates: Set<string>;
  /** Every job must be rebuilt. */
  all: boolean;
  /** Caches to drop before rebuilding. */
  reset: { templates: boolean; theme: boolean; icons: boolean; fonts: boolean };
}

export function emptyImpact(): Impact {
  return { orgDirs: new Set(), variantsOnly: new Map(), templates: new Set(), all: false, reset: { templates: false, theme: false, icons: false, fonts: false } };
}

export function isEmptyImpact(i: Impact): boolean {
  return !i.all && i.orgDirs.size === 0 && i.templates.size === 0;
}

/** `child` is `parent` or lies inside it. */
export function within(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function classifyChanges(paths: Iterable<string>, roots: WatchRoots): Impact {
  const impact = emptyImpact();
  const baseChanged = new Set<string>();
  for (const file of paths) {
    const org = roots.orgDirs.find((d) => within(d, file));
    if (org) {
      impact.orgDirs.add(org);
      const users = (roots.variants ?? []).filter((v) => v.orgDir === org && v.inputs.includes(file)).map((v) => v.id);
      // As the build cache counts it: a text file of variants/ or i18n/ matters only to the
      // variants that read it (none shown: the folder is reloaded, nothing is rebuilt); any
      // other file, even one a variant names, to the base and every variant.
      if (!isVariantText(relative(org, file).split(sep).join('/'))) baseChanged.add(org);
      else {
        const ids = impact.variantsOnly.get(org) ?? new Set<string>();
        users.forEach((id) => ids.add(id));
        impact.variantsOnly.set(org, ids);
      }
    } else if (roots.contentRoot && within(roots.contentRoot, file) && file !== roots.contentRoot) {
      // A new folder (or a file in one) under content/: it becomes an organisation once it
      // has products.yaml; the workspace decides.
      const top = relative(roots.contentRoot, file).split(sep)[0]!;
      impact.orgDirs.add(join(roots.contentRoot, top));
    } else if (within(roots.templatesDir, file)) {
      classifyTemplate(file, roots.templatesDir, impact);
    } else if (within(roots.assetsDir, file)) {
      impact.reset.icons = true;
      impact.all = true;
    } else if (within(roots.fontsDir, file)) {
      impact.reset.fonts = true;
      impact.all = true;
    }
  }
  for (const org of baseChanged) impact.variantsOnly.delete(org);
  return impact;
}

function classifyTemplate(file: string, templatesDir: string, impact: Impact): void {
  const rel = relative(templatesDir, file).split(sep);
  if (rel.length === 1 && file.endsWith('.hbs')) {
    impact.reset.templates = true;
    impact.templates.add(basename(file, '.hbs'));
  } else if (rel.length === 2 && rel[0] === 'partials' && file.endsWith('.hbs')) {
    impact.reset.templates = true;
    const users = templatesUsingPartial(templatesDir, basename(file, '.hbs'));
    if (users) users.forEach((t) => impact.templates.add(t));
    else impact.all = true;
  } else if (rel.length === 1 && basename(file) === 'theme.yaml') {
    impact.reset.theme = true;
    impact.all = true;
  } else {
    // Stylesheets or anything else a template may pull in: every job, to be safe.
    impact.reset.templates = true;
    impact.reset.theme = true;
    impact.all = true;
  }
}

const PARTIAL_CALL = /\{\{~?#?>\s*([\w./-]+)/g;

/**
 * The templates that use a partial, directly or through other partials; undefined when a
 * template names partials dynamically (`{{> (lookup …)}}`), where only "all" is safe.
 */
export function templatesUsingPartial(templatesDir: string, partial: string): string[] | undefined {
  const read = (dir: string): Map<string, string> =>
    new Map(
      (existsSync(dir) ? readdirSync(dir) : [])
        .filter((f) => f.endsWith('.hbs'))
        .map((f) => [f.slice(0, -4), readFileSync(join(dir, f), 'utf8')]),
    );
  const templates = read(templatesDir);
  const partials = read(join(templatesDir, 'partials'));
  const calls = (source: string): string[] | undefined => {
    if (/\{\{~?#?>\s*\(/.test(source)) return undefined;
    return [...source.matchAll(PARTIAL_CALL)].map((m) => m[1]!);
  };
  // Every partial that (transitively) uses `partial`, including itself.
  const users = new Set([partial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, source] of partials) {
      const used = calls(source);
      if (used === undefined) return undefined;
      if (!users.has(name) && used.some((u) => users.has(u))) {
        users.add(name);
        grew = true;
      }
    }
  }
  const result: string[] = [];
  for (const [name, source] of templates) {
    const used = calls(source);
    if (used === undefined) return undefined;
    if (used.some((u) => users.has(u))) result.push(name);
  }
  return result;
}
