/**
 * How a variant changes its parent — the merge rules (README "Variants"):
 *
 *  - maps merge key by key, recursively;
 *  - lists replace the parent's list as a whole (a translated checklist is not the parent's
 *    list with holes);
 *  - any other value replaces;
 *  - `null` deletes the key (a product, the logo, the contact line, a theme colour);
 *  - a whole file (`files:`) replaces the parent's file, and is itself a leaf.
 *
 * A variant's *patch* is everything it and its ancestors changed relative to the base
 * organisation. With several parents, their patches are combined; a value two parents set
 * differently is a conflict, unless the variant itself sets it.
 */
import { formatPath } from './yaml-source.js';

export type Tree = { [key: string]: unknown };

/** A whole file standing in for the parent's (never merged into, only replaced or patched). */
export class WholeFile<T = unknown> {
  constructor(
    readonly file: string,
    readonly value: T,
    /** Language the file is written in. */
    readonly lang: string,
    readonly draft: boolean,
  ) {}
}

function isTree(v: unknown): v is Tree {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

export interface Patch {
  tree: Tree;
  /** Field path (`poster.checklist.items[2]`) → `file:line` where that value was written. */
  origins: Map<string, string>;
}

export const emptyPatch = (): Patch => ({ tree: {}, origins: new Map() });

/** `b` over `a`, keeping `null` (a deletion still to be applied to the base). */
export function mergeTrees(a: unknown, b: unknown): unknown {
  if (a instanceof WholeFile && isTree(b)) return new WholeFile(a.file, applyTree(a.value, b), a.lang, a.draft);
  if (!isTree(a) || !isTree(b)) return b;
  const out: Tree = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in a ? mergeTrees(a[k], v) : v;
  return out;
}

/** A patch applied to data: the same rules, with `null` deleting the key. */
export function applyTree(data: unknown, patch: unknown): unknown {
  if (patch instanceof WholeFile) return patch;
  if (!isTree(patch)) return patch;
  if (data instanceof WholeFile) return new WholeFile(data.file, applyTree(data.value, patch), data.lang, data.draft);
  const out: Tree = isTree(data) ? { ...data } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyTree(out[k], v);
  }
  return out;
}

/** Paths of the values a patch sets (not maps it merges into), with the values. */
export function leaves(tree: unknown, path: string[] = [], out = new Map<string, { path: string[]; value: unknown }>()) {
  if (isTree(tree)) for (const [k, v] of Object.entries(tree)) leaves(v, [...path, k], out);
  else out.set(path.join('\u0000'), { path, value: tree });
  return out;
}

/** `b` over `a`, origins included: what `b` replaces loses the origins it had in `a`. */
export function mergePatches(a: Patch, b: Patch): Patch {
  const origins = new Map(a.origins);
  for (const { path } of leaves(b.tree).values()) {
    const p = displayPath(path);
    for (const key of [...origins.keys()]) if (key === p || key.startsWith(`${p}.`) || key.startsWith(`${p}[`)) origins.delete(key);
  }
  for (const [k, v] of b.origins) origins.set(k, v);
  return { tree: mergeTrees(a.tree, b.tree) as Tree, origins };
}

export function displayPath(path: readonly string[]): string {
  return formatPath(path.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}

export interface Conflict {
  path: string[];
  /** The parents that disagree, each with the value it sets and where. */
  sides: { parent: string; value: unknown; origin?: string }[];
}

/**
 * Values that parents set differently. `own` is the variant's own patch: a value it sets
 * (at the path or above it) settles the disagreement.
 */
export function findConflicts(parents: readonly { id: string; patch: Patch }[], own: Tree): Conflict[] {
  const ownLeaves = leaves(own);
  const settled = (path: string[]) => path.some((_, i) => ownLeaves.has(path.slice(0, i + 1).join('\u0000')));
  const found = new Map<string, Conflict>();
  for (let i = 0; i < parents.length; i++) {
    for (let j = i + 1; j < parents.length; j++) {
      const a = parents[i]!;
      const b = parents[j]!;
      const bl = leaves(b.patch.tree);
      for (const [key, leaf] of leaves(a.patch.tree)) {
        // The same path set to different values, or one parent replacing what the other merges into.
        const other = bl.get(key) ?? [...bl.values()].find((l) => isPrefix(l.path, leaf.path) || isPrefix(leaf.path, l.path));
        if (!other || (sameValue(leaf.value, other.value) && other.path.length === leaf.path.length)) continue;
        const path = other.path.length < leaf.path.length ? other.path : leaf.path;
        if (settled(path) || found.has(path.join('\u0000'))) continue;
        found.set(path.join('\u0000'), {
          path,
          sides: [
            { parent: a.id, value: leaf.value, origin: a.patch.origins.get(displayPath(leaf.path)) },
            { parent: b.id, value: other.value, origin: b.patch.origins.get(displayPath(other.path)) },
          ],
        });
      }
    }
  }
  return [...found.values()];
}

function isPrefix(short: readonly string[], long: readonly string[]): boolean {
  return short.length < long.length && short.every((s, i) => long[i] === s);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof WholeFile || b instanceof WholeFile) return a instanceof WholeFile && b instanceof WholeFile && a.file === b.file;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value as shown in a conflict message. */
export function showValue(v: unknown): string {
  if (v instanceof WholeFile) return v.file;
  if (v === null) return 'null';
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}
