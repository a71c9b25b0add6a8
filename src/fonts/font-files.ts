/**
 * Parsed font files, of which only the recently used stay in memory. fontkit keeps a file
 * whole (a Chinese or Korean face is 6–10 MB) beside its parsed tables, and a build of every
 * language would otherwise hold all of them — about 70 MB — to its end, though each document
 * needs one language's. So when the parsed files exceed a budget, those idle for a while are
 * let go, least recently used first, and a face that needs its file again has it parsed again.
 *
 * Letting go cannot change the output: fontkit's answers depend on the file only, the faces
 * keep their identity (every cache keyed by a face stays valid) and their own lookups. It only
 * costs time, about 10 ms per parse of the largest file; the idle time bounds how often that
 * can happen to one file. Letting go drops this class's reference only: should something still
 * hold the old parse (the measuring faces of vertical text copy `font`), it is taken back
 * rather than the file read a second time.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as fontkit from 'fontkit';

export interface FontFilesOptions {
  /** Bytes of font files kept parsed while some of them are idle (default 32 MiB). */
  budget?: number;
  /** A file used within this many milliseconds is never let go (default 200). */
  idleMs?: number;
}

interface Entry {
  readonly path: string;
  readonly bytes: number;
  font: fontkit.Font | undefined;
  /** The last parse, to take back while something else still holds it. */
  last: WeakRef<fontkit.Font> | undefined;
  lastUse: number;
}

export class FontFiles {
  private readonly entries = new Map<string, Entry>();
  private readonly budget: number;
  private readonly idleMs: number;
  private resident = 0;
  /** How many times a file was read and parsed, a second parse after letting go included. */
  parses = 0;

  constructor(options: FontFilesOptions = {}) {
    this.budget = options.budget ?? 32 * 1024 * 1024;
    this.idleMs = options.idleMs ?? 200;
  }

  /** The parsed file; parsed now if it is not in memory. */
  get(path: string): fontkit.Font {
    let e = this.entries.get(path);
    if (e?.font) {
      e.lastUse = performance.now();
      return e.font;
    }
    if (!e) {
      e = { path, bytes: statSync(path).size, font: undefined, last: undefined, lastUse: 0 };
      this.entries.set(path, e);
    }
    let font = e.last?.deref();
    if (!font) {
      font = fontkit.create(readFileSync(path)) as fontkit.Font;
      e.last = new WeakRef(font);
      this.parses++;
    }
    e.font = font;
    e.lastUse = performance.now();
    this.resident += e.bytes;
    this.trim(e);
    return font;
  }

  /**
   * Lets go of the parsed files (all, or those named), in use or not. With `reread`, the last
   * parse is forgotten too, so the next use reads the file again even if the old parse lives on.
   */
  release(paths?: Iterable<string>, options: { reread?: boolean } = {}): void {
    const chosen = paths ? [...paths].flatMap((p) => this.entries.get(p) ?? []) : [...this.entries.values()];
    for (const e of chosen) {
      if (e.font) this.drop(e);
      if (options.reread) e.last = undefined;
    }
  }

  /** The files parsed and kept now. */
  residentFiles(): string[] {
    return [...this.entries.values()].filter((e) => e.font).map((e) => e.path);
  }

  /** Over budget: lets go of idle files, least recently used first, until within it again. */
  private trim(keep: Entry): void {
    if (this.resident <= this.budget) return;
    const now = performance.now();
    const idle = [...this.entries.values()]
      .filter((e) => e !== keep && e.font && now - e.lastUse >= this.idleMs)
      .sort((a, b) => a.lastUse - b.lastUse);
    for (const e of idle) {
      if (this.resident <= this.budget) break;
      this.drop(e);
    }
  }

  private drop(e: Entry): void {
    e.font = undefined;
    this.resident -= e.bytes;
  }
}
