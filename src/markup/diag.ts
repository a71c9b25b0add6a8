/**
 * Diagnostic helpers for the markup stage. Every message carries its location in the text as
 * well as in the fields, because the CLI may print only the message (e.g. in a summary line).
 */
import type { Diagnostic, Localized } from '../diagnostics/diagnostic.js';
import { formatLocation } from '../diagnostics/diagnostic.js';

export interface Loc {
  file: string;
  line?: number;
  column?: number;
}

/** Sink for warnings; an array so parsed stylesheets can cache and replay theirs. */
export type Diags = Diagnostic[];

export function warn(
  diags: Diags,
  code: string,
  loc: Loc,
  message: (where: string) => Localized,
  hint?: Localized,
): void {
  const where = formatLocation(loc);
  const d: Diagnostic = { severity: 'warning', code, message: message(where), file: loc.file };
  if (loc.line !== undefined) d.line = loc.line;
  if (loc.column !== undefined) d.column = loc.column;
  if (hint) d.hint = hint;
  diags.push(d);
}

/** css-tree node positions → our Loc (css-tree was already given the absolute start line). */
export function cssLoc(file: string, node: { loc?: { start: { line: number; column: number } } | null }): Loc {
  const start = node.loc?.start;
  return start ? { file, line: start.line, column: start.column } : { file };
}
