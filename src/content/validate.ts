/** Parse + validate one YAML text, collecting every error of the file in the bag. */
import type * as z from 'zod';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { issuesToDiagnostics } from './issues.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

export interface Validated<T> {
  /** Undefined when the file had errors (they are in the bag). */
  value?: T;
  /** The YAML as read, before validation (for checks that should run even when it failed). */
  data?: unknown;
  source: YamlSource;
}

export function validateYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  bag: DiagnosticBag,
  lineOffset = 0,
): Validated<z.output<S>> {
  const { source, ok, data } = parseYaml(text, file, bag, lineOffset);
  if (!ok) return { source };
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, data, source };
  // In file order, as an editor goes through them (zod reports unknown keys last).
  const found = issuesToDiagnostics(result.error.issues, source, schema, data);
  found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  for (const d of found) bag.error(d);
  return { data, source };
}
