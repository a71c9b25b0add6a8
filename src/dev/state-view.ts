/**
 * What the preview page is sent (`/state`): the workspace's organisations, variants, jobs and
 * their build targets as plain JSON, with diagnostics in the viewer's language.
 */
import { formatLocation, type Diagnostic, type Lang } from '../diagnostics/diagnostic.js';

export type TargetStatus = 'pending' | 'building' | 'ok' | 'error';

export interface DiagnosticView {
  severity: 'error' | 'warning';
  code: string;
  /** `content/okayama/poster.yaml:3:7`, or '' when the message names no file. */
  where: string;
  field?: string;
  message: string;
  hint?: string;
}

export interface TargetView {
  status: TargetStatus;
  ms?: number;
  pages: { src: string; width: number; height: number }[];
  files: { name: string; href: string }[];
  error?: DiagnosticView[];
  warnings: DiagnosticView[];
}

export interface StateView {
  lang: Lang;
  flavours: { id: string; label: string }[];
  building: boolean;
  orgs: {
    id: string;
    label: string;
    /** Set for a variant: the id of its organisation's base entry. */
    variantOf?: string;
    error?: DiagnosticView[];
    warnings: DiagnosticView[];
    jobs: { key: string; label: string; output: string; template: string; targets: Record<string, TargetView> }[];
  }[];
}

export function diagnosticView(d: Diagnostic, lang: Lang): DiagnosticView {
  return {
    severity: d.severity,
    code: d.code,
    where: formatLocation(d),
    ...(d.path ? { field: d.path } : {}),
    message: d.message[lang],
    ...(d.hint ? { hint: d.hint[lang] } : {}),
  };
}

/** A bug of ours, shown in the page like an input error so the loop keeps going. */
export function internalDiagnostic(e: unknown): Diagnostic {
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return {
    severity: 'error',
    code: 'internal',
    message: { ja: `内部エラーです（kasuhara-press の不具合）: ${text}`, en: `Internal error (a bug in kasuhara-press): ${text}` },
    hint: { ja: 'ターミナルの表示を開発者に報告してください。', en: 'Please report what the terminal shows.' },
  };
}
