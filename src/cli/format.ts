/** Formatting of diagnostics and messages for people (ja/en) and machines (--json). */
import { formatLocation, type Diagnostic, type Lang } from '../diagnostics/diagnostic.js';

/**
 * The message language: --lang, then KASUHARA_LANG, then the locale. Without a locale (C,
 * POSIX or unset) Japanese is the default: the tool is built for Japanese offices first.
 */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const pick = (v: string | undefined): Lang | undefined => {
    if (!v) return undefined;
    const lower = v.toLowerCase();
    if (lower.startsWith('ja')) return 'ja';
    if (lower.startsWith('en')) return 'en';
    if (lower === 'c' || lower.startsWith('c.') || lower === 'posix') return undefined;
    return 'en';
  };
  return pick(flag) ?? pick(env.KASUHARA_LANG) ?? pick(env.LC_ALL) ?? pick(env.LC_MESSAGES) ?? pick(env.LANG) ?? 'ja';
}

const LABELS = {
  ja: { error: 'エラー', warning: '警告', hint: 'ヒント', field: '項目' },
  en: { error: 'error', warning: 'warning', hint: 'hint', field: 'field' },
} as const;

export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const l = LABELS[lang];
  const where = formatLocation(d);
  const path = d.path ? ` (${l.field}: ${d.path})` : '';
  const head = `${d.severity === 'error' ? l.error : l.warning}: ${where ? `${where}${path}: ` : path ? `${path.trim()}: ` : ''}${d.message[lang]}`;
  return d.hint ? `${head}\n  ${l.hint}: ${d.hint[lang]}` : head;
}

/** The build log's file sizes: the same format as the gallery and the web page's download links. */
export { formatFileSize as formatBytes } from '../units.js';

/**
 * The diagnostics without repeats: a second error of the same kind at the same file, line,
 * column and field is a follow-up of the first, and printing it again only hides the other
 * messages — so is the same error in another size or flavour of a document. (The content stage already reports each YAML syntax error position once; this
 * is the safety net for every stage.)
 */
export function distinctDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    // Without a file there is no place to compare. A file without a line (a template's page
    // overflowing) is one place too: the sizes of a poster all report it, one is enough.
    if (d.file === undefined) return true;
    const key = [d.severity, d.code, d.file, d.line, d.column, d.path].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
