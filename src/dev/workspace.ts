/**
 * The dev server's model: every organisation, its jobs (product × size) and, per output
 * flavour, the last build — preview images, files, errors. Builds run one at a time in this
 * process, so the parsed fonts, icons and compiled templates stay cached between them; a
 * file change rebuilds only what it affects (see changes.ts), the jobs someone is looking at
 * first. Nothing here prints: results go to the `events` callbacks.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearThemeCache } from '../build/theme.js';
import { clearLabelsCache } from '../template/labels.js';
import { planJobs, resetSharedEngines } from '../build/build.js';
import type { BuildJob } from '../build/products.js';
import type { Content, VariantSelection } from '../content/index.js';
import { DiagnosticBag, isUserInputError, type Diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import { resetDefaultFontRegistry } from '../fonts/registry.js';
import { PROJECT_ROOT } from '../paths.js';
import { classifyChanges, type Impact, type WatchRoots } from './changes.js';
import { FLAVOURS, type Flavour, type FlavourFile } from './flavours.js';
import { loadUnits, variantPicker } from './variants.js';
import { diagnosticView, internalDiagnostic, type StateView, type TargetStatus, type TargetView } from './state-view.js';

export type { DiagnosticView, StateView, TargetView } from './state-view.js';

export interface WorkspaceOptions {
  cwd: string;
  /** Organisation folders; default: every folder in <cwd>/content with a products.yaml (new ones are picked up). */
  contentDirs?: readonly string[];
  products?: readonly string[];
  /** Variants to show besides each organisation's base (ids or names, as `build --variant`), or 'all'. */
  variants?: VariantSelection;
  env?: NodeJS.ProcessEnv;
  /** Language of the messages shown in the page. */
  lang: Lang;
  /** Preview resolution; default: about 1000 pixels across each page. */
  dpi?: number;
  flavours?: readonly Flavour[];
  templatesDir?: string;
  assetsDir?: string;
  fontsDir?: string;
}

/** One finished build of one job in one flavour. */
export interface BuildReport {
  /** The organisation, or the variant: `okayama`, `okayama-kita`. */
  org: string;
  /** `okayama/poster-a4`, `okayama-kita/poster-a4`. */
  job: string;
  flavour: string;
  ok: boolean;
  ms: number;
  pages: number;
  /** Errors (when not ok) and warnings. */
  diagnostics: Diagnostic[];
  /** Set when the build failed with a bug of ours rather than an input mistake. */
  internalError?: unknown;
}

/** Loading one organisation's content folder, or one of its variants. */
export interface LoadReport {
  /** `okayama`, `okayama-kita`. */
  org: string;
  dir: string;
  ok: boolean;
  jobs: number;
  diagnostics: Diagnostic[];
  internalError?: unknown;
}

export interface WorkspaceEvents {
  /** Something visible changed (a build started or finished, content loaded …). */
  onState?(): void;
  onBuild?(report: BuildReport): void;
  onLoad?(report: LoadReport): void;
}

interface Image {
  hash: string;
  png: Uint8Array;
  width: number;
  height: number;
}

interface Target {
  flavour: Flavour;
  status: TargetStatus;
  /** The last good build; kept while there is an error, so the page still has a preview under the overlay. */
  pages: Image[];
  files: (FlavourFile & { hash: string })[];
  error?: Diagnostic[];
  warnings: Diagnostic[];
  ms?: number;
}

interface Job {
  /** `okayama/poster-a4`: the organisation's (or variant's) id and the output file name without extension. */
  key: string;
  id: string;
  job: BuildJob;
  content: Content;
  targets: Map<string, Target>;
}

/** One entry of the page's organisation list: an organisation's base, or one of its variants. */
interface Org {
  /** `okayama`, or a variant's `okayama-kita` (unique: it keys jobs, file URLs, output folders). */
  id: string;
  dir: string;
  /** The id of the base entry of the same folder (its own id for the base). */
  folder: string;
  /** VariantInfo.id when this entry is a variant. */
  variant?: string;
  /** VariantInfo.inputs (what changes.ts sends to this variant alone). */
  inputs: string[];
  /** Found in content/ rather than named with --content: removed again when its folder goes. */
  discovered: boolean;
  label: string;
  jobs: Job[];
  error?: Diagnostic[];
  warnings: Diagnostic[];
}

/** How long builds of unseen jobs wait after a viewed job's preview was pushed. */
const PAGE_GRACE_MS = 150;

export class Workspace {
  readonly cwd: string;
  readonly roots: Omit<WatchRoots, 'orgDirs'>;
  private readonly flavours: readonly Flavour[];
  private readonly orgs: Org[] = [];
  /** Folders to load again, with the entries whose documents to rebuild then ('all', or some ids). */
  private readonly dirtyOrgs = new Map<string, 'all' | Set<string>>();
  private pickVariants: (dir: string) => string[] = () => [];
  private readonly dirtyTargets = new Set<string>();
  private readonly viewCounts = new Map<string, number>();
  private loop: Promise<void> | undefined;
  private building = false;
  private closed = false;

  constructor(
    private readonly options: WorkspaceOptions,
    private readonly events: WorkspaceEvents = {},
  ) {
    this.cwd = resolve(options.cwd);
    this.flavours = options.flavours ?? FLAVOURS;
    this.roots = {
      ...(options.contentDirs ? {} : { contentRoot: join(this.cwd, 'content') }),
      templatesDir: options.templatesDir ?? join(PROJECT_ROOT, 'templates'),
      assetsDir: options.assetsDir ?? join(PROJECT_ROOT, 'assets'),
      fontsDir: options.fontsDir ?? join(PROJECT_ROOT, 'fonts'),
    };
  }

  /**
   * Finds the organisation folders and queues every job. Throws a UserInputError, as
   * `build` would, when a --content folder does not exist or there is no organisation at all.
   */
  async init(): Promise<void> {
    const dirs = this.options.contentDirs?.map((d) => resolve(this.cwd, d)) ?? discover(this.roots.contentRoot!);
    const missing = this.options.contentDirs ? dirs.some((d) => !statSync(d, { throwIfNoEntry: false })?.isDirectory()) : dirs.length === 0;
    // planJobs reports these cases with its own messages (and suggestions); it throws before loading anything.
    if (missing) await planJobs({ cwd: this.cwd, ...(this.options.contentDirs ? { contentDirs: this.options.contentDirs } : {}) }, new DiagnosticBag());
    // An unknown --variant ends the command, with build's message.
    this.pickVariants = variantPicker(dirs, this.options.variants);
    for (const dir of dirs) this.addOrg(dir, !this.options.contentDirs);
    this.kick();
  }

  /** Absolute paths to watch. */
  watchPaths(): string[] {
    const content = this.roots.contentRoot ? [this.roots.contentRoot] : this.folders();
    return [...content, this.roots.templatesDir, this.roots.assetsDir, this.roots.fontsDir];
  }

  /** Files changed: drop the caches they invalidate and queue the outputs they affect. */
  applyChanges(paths: readonly string[]): Impact {
    const variants = this.orgs.filter((o) => o.variant).map((o) => ({ id: o.id, orgDir: o.dir, inputs: o.inputs }));
    const impact = classifyChanges(paths, { ...this.roots, orgDirs: this.folders(), variants });
    if (impact.reset.templates || impact.reset.icons) resetSharedEngines({ templates: impact.reset.templates, icons: impact.reset.icons });
    // templates/labels/*.yaml count as "other files in templates/", which reset the theme too.
    if (impact.reset.theme) (clearThemeCache(), clearLabelsCache());
    if (impact.reset.fonts) resetDefaultFontRegistry();
    for (const dir of impact.orgDirs) {
      if (!this.orgs.some((o) => o.dir === dir)) {
        if (existsSync(join(dir, 'products.yaml'))) this.addOrg(dir, true);
        continue;
      }
      const only = impact.variantsOnly.get(dir);
      const before = this.dirtyOrgs.get(dir);
      if (!only || before === 'all') this.dirtyOrgs.set(dir, 'all');
      else this.dirtyOrgs.set(dir, new Set([...(before ?? []), ...only]));
    }
    for (const org of this.orgs) {
      for (const job of org.jobs) if (impact.all || impact.templates.has(job.job.template)) this.queueJob(job);
    }
    this.kick();
    this.events.onState?.();
    return impact;
  }

  /** A page is showing this job (`okayama/poster-a4`): its builds go first. Returns the undo. */
  view(jobKey: string): () => void {
    this.viewCounts.set(jobKey, (this.viewCounts.get(jobKey) ?? 0) + 1);
    return () => {
      const n = (this.viewCounts.get(jobKey) ?? 1) - 1;
      if (n > 0) this.viewCounts.set(jobKey, n);
      else this.viewCounts.delete(jobKey);
    };
  }

  /** Resolves when no build is queued or running. */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  close(): void {
    this.closed = true;
    this.dirtyOrgs.clear();
    this.dirtyTargets.clear();
  }

  image(hash: string): Uint8Array | undefined {
    for (const org of this.orgs)
      for (const job of org.jobs)
        for (const t of job.targets.values()) {
          const hit = t.pages.find((p) => p.hash === hash);
          if (hit) return hit.png;
        }
    return undefined;
  }

  file(orgId: string, jobId: string, flavour: string, name: string): FlavourFile | undefined {
    const job = this.orgs.find((o) => o.id === orgId)?.jobs.find((j) => j.id === jobId);
    return job?.targets.get(flavour)?.files.find((f) => f.name === name);
  }

  state(): StateView {
    const lang = this.options.lang;
    const view = (ds: readonly Diagnostic[]) => ds.map((d) => diagnosticView(d, lang));
    return {
      lang,
      flavours: this.flavours.map((f) => ({ id: f.id, label: f.label[lang] })),
      building: this.building || this.dirtyOrgs.size > 0 || this.dirtyTargets.size > 0,
      orgs: this.orgs.map((org) => ({
        id: org.id,
        label: org.label,
        ...(org.variant !== undefined ? { variantOf: org.folder } : {}),
        ...(org.error ? { error: view(org.error) } : {}),
        warnings: view(org.warnings),
        jobs: org.jobs.map((job) => ({
          key: job.key,
          label: `${job.job.product} ${job.job.size.name}`,
          output: job.job.output,
          template: job.job.template,
          targets: Object.fromEntries(
            [...job.targets].map(([id, t]): [string, TargetView] => [
              id,
              {
                status: t.status,
                ...(t.ms !== undefined ? { ms: Math.round(t.ms) } : {}),
                pages: t.pages.map((p) => ({ src: `/preview/${p.hash}.png`, width: p.width, height: p.height })),
                files: t.files.map((f) => ({
                  name: f.name,
                  href: `/file/${encodeURIComponent(org.id)}/${encodeURIComponent(job.id)}/${encodeURIComponent(id)}/${encodeURIComponent(f.name)}?v=${f.hash}`,
                })),
                ...(t.error ? { error: view(t.error) } : {}),
                warnings: view(t.warnings),
              },
            ]),
          ),
        })),
      })),
    };
  }

  private folders(): string[] {
    return [...new Set(this.orgs.map((o) => o.dir))];
  }

  private addOrg(dir: string, discovered: boolean): void {
    let id = basename(dir);
    for (let n = 2; this.orgs.some((o) => o.id === id); n++) id = `${basename(dir)}-${n}`;
    this.orgs.push({ id, dir, folder: id, inputs: [], discovered, label: id, jobs: [], warnings: [] });
    this.sortOrgs();
    this.dirtyOrgs.set(dir, 'all');
  }

  /** By folder, each base first and then its variants. */
  private sortOrgs(): void {
    this.orgs.sort((a, b) => a.folder.localeCompare(b.folder) || Number(a.variant !== undefined) - Number(b.variant !== undefined) || a.id.localeCompare(b.id));
  }

  private queueJob(job: Job): void {
    for (const [flavour, target] of job.targets) {
      this.dirtyTargets.add(`${job.key}\u0000${flavour}`);
      if (target.status !== 'building') target.status = 'pending';
    }
  }

  private kick(): void {
    if (this.loop || this.closed) return;
    this.loop = this.drain().finally(() => {
      this.loop = undefined;
      if (this.dirtyOrgs.size > 0 || this.dirtyTargets.size > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (!this.closed) {
      const dirty = this.dirtyOrgs.entries().next().value;
      if (dirty) {
        this.dirtyOrgs.delete(dirty[0]);
        await this.load(dirty[0], dirty[1]);
        continue;
      }
      const next = this.nextTarget();
      if (!next) break;
      await this.build(next.job, next.target);
      // Layout runs on this thread: before the next (unseen) job, give the page a moment to
      // fetch the new preview, or it would wait for that whole build.
      if (this.viewCounts.has(next.job.key) && this.dirtyTargets.size > 0) await new Promise((r) => setTimeout(r, PAGE_GRACE_MS));
    }
    this.building = false;
    this.events.onState?.();
  }

  /** Queued builds, those of viewed jobs first; builds of an organisation whose content failed to load wait. */
  private nextTarget(): { job: Job; target: Target } | undefined {
    let fallback: { job: Job; target: Target; key: string } | undefined;
    for (const key of this.dirtyTargets) {
      const [jobKey, flavour] = key.split('\u0000') as [string, string];
      const org = this.orgs.find((o) => o.jobs.some((j) => j.key === jobKey));
      const job = org?.jobs.find((j) => j.key === jobKey);
      const target = job?.targets.get(flavour);
      // An organisation whose content failed to load is rebuilt in full once it loads again.
      if (!org || !job || !target || org.error) {
        this.dirtyTargets.delete(key);
        continue;
      }
      if (this.viewCounts.has(jobKey)) {
        this.dirtyTargets.delete(key);
        return { job, target };
      }
      fallback ??= { job, target, key };
    }
    if (!fallback) return undefined;
    this.dirtyTargets.delete(fallback.key);
    return fallback;
  }

  /**
   * Loads a folder again: its base and the variants shown, each with its own errors. Queues
   * the documents of the entries `rebuild` names (or all), of entries that failed before and
   * of new documents; a variant no longer there (--all, its file deleted) leaves the list.
   */
  private async load(dir: string, rebuild: 'all' | Set<string>): Promise<void> {
    const entries = this.orgs.filter((o) => o.dir === dir);
    const base = entries.find((o) => o.variant === undefined);
    if (!base) return;
    if (base.discovered && !existsSync(join(dir, 'products.yaml'))) {
      // The folder is gone (or no longer an organisation): forget it.
      entries.forEach((o) => this.orgs.splice(this.orgs.indexOf(o), 1));
      this.events.onState?.();
      return;
    }
    this.building = true;
    const baseName = basename(dir);
    const units = await loadUnits({ cwd: this.cwd, dir, variants: this.pickVariants(dir), ...(this.options.products ? { products: this.options.products } : {}) });
    const seen = new Set<Org>();
    for (const unit of units) {
      const isBase = unit.variant === baseName;
      const org = isBase ? base : (entries.find((o) => o.variant === unit.variant) ?? this.addVariant(base, unit.variant));
      seen.add(org);
      const report: LoadReport = { org: org.id, dir, ok: !unit.error, jobs: unit.jobs.length, diagnostics: unit.warnings };
      if (unit.error) {
        org.error = unit.internalError !== undefined ? [internalDiagnostic(unit.internalError)] : unit.error;
        org.warnings = unit.warnings;
        Object.assign(report, { diagnostics: [...org.error, ...org.warnings] }, unit.internalError !== undefined ? { internalError: unit.internalError } : {});
      } else {
        const wasBroken = org.error !== undefined;
        const previous = new Map(org.jobs.map((j) => [j.key, j]));
        org.jobs = unit.jobs.map(({ content, job }) => {
          const id = job.output.replace(/\.[^.]+$/, '');
          const key = `${org.id}/${id}`;
          const old = previous.get(key);
          const targets = old?.targets ?? new Map(this.flavours.map((f): [string, Target] => [f.id, { flavour: f, status: 'pending', pages: [], files: [], warnings: [] }]));
          if (!old || wasBroken || rebuild === 'all' || rebuild.has(org.id)) this.queueJob({ key, id, job, content, targets });
          return { key, id, job, content, targets };
        });
        const info = unit.content?.variant;
        if (unit.content) org.label = (isBase ? undefined : info?.title) ?? unit.content.organisation.name ?? org.id;
        org.inputs = info?.inputs ?? [];
        delete org.error;
        org.warnings = unit.warnings;
      }
      // A variant that failed only because its organisation did is not reported again.
      if (!unit.sameAsBase) this.events.onLoad?.(report);
    }
    for (const o of entries) if (!seen.has(o)) this.orgs.splice(this.orgs.indexOf(o), 1);
    this.sortOrgs();
    this.events.onState?.();
  }

  /** A new entry for a variant of `base`'s folder, with an id no other entry has. */
  private addVariant(base: Org, variant: string): Org {
    const wanted = `${base.id}${variant.slice(basename(base.dir).length)}`;
    let id = wanted;
    for (let n = 2; this.orgs.some((o) => o.id === id); n++) id = `${wanted}-${n}`;
    const org: Org = { id, dir: base.dir, folder: base.id, variant, inputs: [], discovered: base.discovered, label: id, jobs: [], warnings: [] };
    this.orgs.push(org);
    return org;
  }

  private async build(job: Job, target: Target): Promise<void> {
    this.building = true;
    target.status = 'building';
    this.events.onState?.();
    const bag = new DiagnosticBag();
    const started = performance.now();
    let internalError: unknown;
    try {
      const out = await target.flavour.build({
        content: job.content,
        job: job.job,
        bag,
        env: this.options.env ?? process.env,
        ...(this.options.dpi !== undefined ? { dpi: this.options.dpi } : {}),
      });
      target.pages = out.pages.map((p) => ({ ...p, hash: digest(p.png) }));
      target.files = out.files.map((f) => ({ ...f, hash: digest(f.bytes) }));
      target.status = 'ok';
      delete target.error;
    } catch (e) {
      target.status = 'error';
      if (isUserInputError(e)) target.error = e.diagnostics;
      else {
        internalError = e;
        target.error = [internalDiagnostic(e)];
      }
    }
    target.warnings = bag.items.filter((d) => d.severity === 'warning');
    target.ms = performance.now() - started;
    // A change that arrived during this build queued it again: that one will show.
    const ok = target.status === 'ok';
    this.events.onBuild?.({
      org: job.key.split('/')[0]!,
      job: job.key,
      flavour: target.flavour.id,
      ok,
      ms: target.ms,
      pages: ok ? target.pages.length : 0,
      diagnostics: [...(target.error ?? []), ...target.warnings],
      ...(internalError !== undefined ? { internalError } : {}),
    });
    this.events.onState?.();
  }
}

function discover(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'products.yaml')))
    .map((e) => join(root, e.name))
    .sort();
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 20);
}
