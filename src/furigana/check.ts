/**
 * やさしい日本語 needs a reading over every kanji. The build only uses readings a person has
 * written or reviewed (`{漢字|かんじ}` in the text, or `reviewed: true` entries of a
 * .readings.yaml file); every kanji still without one is a warning naming file, line and field.
 */
import { parseSourceRef, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Policy } from '../content/policy.js';
import { unmarkedKanji } from './markup.js';

/** Fields that are never printed as text (names of icons, URLs, colours, review state). */
const NOT_TEXT = new Set(['icon', 'policyUrl', 'logo', 'theme', 'status']);

/** Every printed string of a content object, with its field path. */
export function textFields(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textFields(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (NOT_TEXT.has(k) ? [] : textFields(v, [...path, k])));
  }
  return [];
}

type Where = (path: readonly PropertyKey[]) => Pick<Diagnostic, 'file' | 'line' | 'path'>;

const HINT = {
  ja: '`kasuhara-press furigana ファイル.yaml` で読みの候補を作って確かめ（reviewed: true）、または本文に {漢字|かんじ} と書いてください。',
  en: 'Run `kasuhara-press furigana FILE.yaml`, check the proposals (reviewed: true), or write {漢字|かんじ} in the text.',
};

function warning(id: string, kanji: string[], at: Pick<Diagnostic, 'file' | 'line' | 'path'>): Diagnostic {
  const list = [...new Set(kanji)].join('、');
  return {
    severity: 'warning',
    code: 'furigana/missing-reading',
    ...at,
    message: { ja: `${id}: 読み（ふりがな）のない漢字があります: ${list}`, en: `${id}: kanji without a reviewed reading: ${list}` },
    hint: HINT,
  };
}

export function furiganaWarnings(printed: object, policy: Policy | undefined, where: Where, id: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { path, text } of textFields(printed)) {
    const kanji = unmarkedKanji(text);
    if (kanji.length > 0) out.push(warning(id, kanji.map((k) => k.text), where(path)));
  }
  if (policy) {
    const front = { title: policy.title, signer: policy.signer };
    for (const { path, text } of textFields(front)) {
      const kanji = unmarkedKanji(text);
      const source = policy.sources[path.join('.')];
      const line = source ? parseSourceRef(source).line : undefined;
      if (kanji.length > 0) out.push(warning(id, kanji.map((k) => k.text), { file: policy.file, ...(line ? { line } : {}), path: path.join('.') }));
    }
    for (const b of policy.blocks) {
      const kanji = unmarkedKanji(b.text);
      if (kanji.length > 0) out.push(warning(id, kanji.map((k) => k.text), { file: policy.file, line: b.line }));
    }
  }
  return out;
}
