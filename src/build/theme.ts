/** The colour theme: templates/theme.yaml defaults, overridden by the organisation's `theme:`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const cache = new Map<string, Record<string, string>>();

export function loadTheme(templatesDir: string, overrides: Record<string, string> | undefined): Record<string, string> {
  const file = join(templatesDir, 'theme.yaml');
  let base = cache.get(file);
  if (!base) {
    base = parse(readFileSync(file, 'utf8')) as Record<string, string>;
    cache.set(file, base);
  }
  return { ...base, ...overrides };
}

/** For the dev server: read theme.yaml again on the next build. */
export function clearThemeCache(): void {
  cache.clear();
}
