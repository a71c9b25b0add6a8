/**
 * Diagnostics are data (as in typst): every stage collects them and the CLI formats them.
 * Messages come in Japanese and English because the people who run builds at a city hall
 * read Japanese first; the CLI picks one by locale or --lang.
 */
export type Lang = 'ja' | 'en';

export interface Localized {
  ja: string;
  en: string;
}

export type Severity = 'error' | 'warning';

export interface SourceRef {
  file: string;
  line?: number; // 1-based
  column?: number; // 1-based
  /** Field path inside a content file, e.g. "checklist.items[3]". */
  path?: string;
}

/**
 * `data-src` values name where printed text came from: `file:line[:column][#field.path]`.
 * Templates put them on elements so that layout errors point at the content, not the template.
 */
export function parseSourceRef(value: string): SourceRef {
  const hash = value.indexOf('#');
  const path = hash >= 0 ? value.slice(hash + 1) : undefined;
  const place = hash >= 0 ? value.slice(0, hash) : value;
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(place);
  const ref: SourceRef = m ? { file: m[1]!, line: Number(m[2]) } : { file: place };
  if (m?.[3]) ref.column = Number(m[3]);
  if (path) ref.path = path;
  return ref;
}

export function formatSourceRef(ref: SourceRef): string {
  return `${formatLocation(ref)}${ref.path ? `#${ref.path}` : ''}`;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. "content/missing-field". */
  code: string;
  message: Localized;
  hint?: Localized;
  file?: string;
  line?: number;
  column?: number;
  /** Field path inside the content, e.g. "poster.checklist.items[3]". */
  path?: string;
}

/**
 * Thrown for mistakes in the user's input (content, templates, options). The CLI prints its
 * diagnostics without a stack trace and exits 1. Anything else that escapes is a bug of ours.
 */
export class UserInputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], options?: { cause?: unknown }) {
    super(diagnostics.map((d) => d.message.en).join('\n'), options);
    this.name = 'UserInputError';
    this.diagnostics = diagnostics;
  }
}

export function userError(d: Omit<Diagnostic, 'severity'>): UserInputError {
  return new UserInputError([{ severity: 'error', ...d }]);
}

export function isUserInputError(e: unknown): e is UserInputError {
  return e instanceof UserInputError;
}

/** Collects warnings (and errors) while a stage runs, so they travel with its output. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  warn(d: Omit<Diagnostic, 'severity'>): void {
    this.items.push({ severity: 'warning', ...d });
  }
  error(d: Omit<Diagnostic, 'severity'>): void {
    this.items.push({ severity: 'error', ...d });
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
  /** Throws a UserInputError carrying every error collected so far. */
  throwIfErrors(): void {
    const errors = this.items.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new UserInputError(errors);
  }
}

export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (!d.file) return '';
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}
