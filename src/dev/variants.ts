/**
 * Variants in the dev server (`dev --variant kita`, `dev --all`): which variants of each
 * organisation folder to show, and loading them so that one broken variant (`extends:
 * nowhere`) shows its error without taking the base or the other variants down with it.
 */
import { basename, resolve } from 'node:path';
import { planJobs, type PlannedJob } from '../build/plan.js';
import { pickVariants, variantLabels, type Content, type VariantSelection } from '../content/index.js';
import { DiagnosticBag, isUserInputError, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The variant ids (`okayama-kita`, not the base) to show for each folder. Names are checked
 * as `build --variant` checks them (selectVariants: the same error, with a suggestion), but
 * from the file names alone, so that a broken variant file does not stop the server starting.
 * `all` is re-read from the folder on every load: new variant files appear.
 */
export function variantPicker(dirs: readonly string[], wanted: VariantSelection): (dir: string) => string[] {
  if (wanted === undefined) return () => [];
  if (wanted === 'all') return (dir) => variantIds(dir);
  const labels = dirs.flatMap((dir) => variantLabels(dir).map((l) => ({ ...l, dir })));
  const picked = pickVariants(labels, wanted);
  return (dir) => labels.filter((l) => picked.has(l) && l.dir === dir && l.id !== basename(resolve(dir))).map((l) => l.id);
}

function variantIds(dir: string): string[] {
  return variantLabels(dir).slice(1).map((l) => l.id);
}

/** One loaded unit: the base (variant id = the folder's name) or one variant. */
export interface LoadedUnit {
  variant: string;
  jobs: PlannedJob[];
  content?: Content;
  /** Set when this unit could not be loaded; `internalError` when that was a bug of ours. */
  error?: Diagnostic[];
  internalError?: unknown;
  /** The error is the base's (the variant was not loaded on its own): reported with the base. */
  sameAsBase?: boolean;
  warnings: Diagnostic[];
}

interface LoadArgs {
  cwd: string;
  dir: string;
  products?: readonly string[];
  /** Variant ids besides the base. */
  variants: readonly string[];
}

/**
 * The base and the variants of one folder. Everything in one go when that works (content is
 * loaded once); otherwise each on its own, so each error lands on the unit it belongs to.
 * When the base itself fails, every variant fails with it: its error is reported once, on the base.
 */
export async function loadUnits(a: LoadArgs): Promise<LoadedUnit[]> {
  const base = basename(a.dir);
  const together = await loadSome(a, a.variants.length > 0 ? [base, ...a.variants] : undefined);
  if (!together.error) return [base, ...a.variants].map((id) => unitOf(id, together.jobs.filter((j) => j.content.variant?.id === id)));
  if (a.variants.length === 0) return [{ variant: base, ...together }];
  const baseAlone = await loadSome(a, undefined);
  if (baseAlone.error) {
    const blocked = { jobs: [], warnings: [], error: baseAlone.error, sameAsBase: true };
    return [{ variant: base, ...baseAlone }, ...a.variants.map((id) => ({ variant: id, ...blocked }))];
  }
  const units = [unitOf(base, baseAlone.jobs)];
  for (const id of a.variants) {
    const one = await loadSome(a, [id]);
    units.push(one.error ? { variant: id, ...one } : unitOf(id, one.jobs));
  }
  return units;
}

/** Each unit keeps its own warnings (those of the variant files go with every variant). */
function unitOf(variant: string, jobs: PlannedJob[]): LoadedUnit {
  const content = jobs[0]?.content;
  return { variant, jobs, warnings: content?.warnings ?? [], ...(content ? { content } : {}) };
}

async function loadSome(a: LoadArgs, variants: string[] | undefined): Promise<Omit<LoadedUnit, 'variant'>> {
  const bag = new DiagnosticBag();
  try {
    const jobs = await planJobs({ cwd: a.cwd, contentDirs: [a.dir], ...(a.products ? { products: a.products } : {}), ...(variants ? { variants } : {}) }, bag);
    return { jobs, warnings: bag.items };
  } catch (e) {
    const warnings = bag.items.filter((d) => d.severity === 'warning');
    if (isUserInputError(e)) return { jobs: [], error: e.diagnostics, warnings };
    return { jobs: [], error: [], internalError: e, warnings };
  }
}
