/**
 * zod issues → bilingual diagnostics positioned on the YAML node they are about.
 * zod's own messages are English and generic; city staff need "which field, what to write".
 */
import * as z from 'zod';
import type { Diagnostic, Localized } from '../diagnostics/diagnostic.js';
import { contentIssueOf, fieldList, unknownField, type ContentIssue } from './schema-helpers.js';
import { formatPath, positionAt, type YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;
type Found = Omit<Diagnostic, 'severity'>;

function unwrap(s: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodLazy) s = s.unwrap();
    else if (s instanceof z.ZodPipe) s = s.in;
    else return s;
  }
}

/** The schema that describes the value at `path` (through arrays, records and unions). */
function schemaAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  let s = unwrap(schema);
  for (const seg of path) {
    if (s instanceof z.ZodUnion) s = unwrap(s.options.find((o) => unwrap(o) instanceof z.ZodObject));
    if (s instanceof z.ZodObject) s = unwrap(s.shape[String(seg)]);
    else if (s instanceof z.ZodArray) s = unwrap(s.element);
    else if (s instanceof z.ZodRecord) s = unwrap(s.valueType);
    else return undefined;
  }
  if (s instanceof z.ZodUnion) s = unwrap(s.options.find((o) => unwrap(o) instanceof z.ZodObject));
  return s;
}

export function fieldsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(schema, path);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

const TYPE_NAMES: Record<string, Localized> = {
  string: { ja: '文字列', en: 'text' },
  number: { ja: '数値', en: 'a number' },
  boolean: { ja: 'true か false', en: 'true or false' },
  array: { ja: 'リスト（「- 」で始まる行の並び）', en: 'a list (lines starting with "- ")' },
  object: { ja: '「項目名: 値」のまとまり', en: 'a mapping of "field: value" lines' },
};
TYPE_NAMES.record = TYPE_NAMES.object!;

function typeOf(v: unknown): Localized {
  if (Array.isArray(v)) return TYPE_NAMES.array!;
  return TYPE_NAMES[typeof v] ?? { ja: String(typeof v), en: String(typeof v) };
}

/** Turns one zod issue into diagnostics (an unknown-keys issue names several keys). */
function convert(issue: Issue, prefix: PropertyKey[], ctx: Ctx): Found[] {
  const path = [...prefix, ...issue.path];
  const name = formatPath(path) || ctx.source.file.split('/').pop()!;
  const at = (p: readonly PropertyKey[], prefer: 'value' | 'key' = 'value') => ({
    file: ctx.source.file, ...positionAt(ctx.source, p, prefer), ...(p.length > 0 ? { path: formatPath(p) } : {}),
  });
  const custom = contentIssueOf(issue);
  if (custom) return [found(at(path, custom.code === 'content/unknown-field' ? 'key' : 'value'), custom, path.slice(0, -1), ctx)];

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldsAt(ctx.schema, path);
      return issue.keys.map((key) => found(at([...path, key], 'key'), unknownField(key, known), path, ctx));
    }
    case 'invalid_union': {
      // Prefer the branch that got past the type check (e.g. the object form of a bullet).
      const deeper = issue.errors.filter((b) => !b.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (deeper.length === 1) return deeper[0]!.flatMap((i) => convert(i, path, ctx));
      const expected = issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => i.expected));
      return convert({ code: 'invalid_type', expected: expected.join('|') as 'string', path: [], message: '', input: undefined }, path, ctx);
    }
    case 'invalid_type': {
      const value = valueAt(ctx.data, path);
      const parent = valueAt(ctx.data, path.slice(0, -1));
      if (value === undefined && path.length > 0 && parent !== null && typeof parent === 'object') {
        const key = String(path[path.length - 1]);
        return [{
          ...at(path),
          code: 'content/missing-field',
          message: { ja: `必須の項目「${key}」がありません。`, en: `Required field \`${key}\` is missing.` },
          hint: fieldList(fieldsAt(ctx.schema, path.slice(0, -1))),
        }];
      }
      const expected = issue.expected.split('|').map((t) => TYPE_NAMES[t] ?? { ja: t, en: t });
      const exp = { ja: expected.map((e) => e.ja).join(' または '), en: expected.map((e) => e.en).join(' or ') };
      if (value === null || value === undefined) {
        return [{
          ...at(path),
          code: 'content/empty-field',
          message: path.length === 0
            ? { ja: `ファイル「${name}」に内容がありません。`, en: `The file ${name} is empty.` }
            : { ja: `「${name}」が空です。`, en: `\`${name}\` is empty.` },
          hint: { ja: `${exp.ja}を書いてください。`, en: `Write ${exp.en} here.` },
        }];
      }
      const quote = expected[0] === TYPE_NAMES.string && (typeof value === 'number' || typeof value === 'boolean');
      return [{
        ...at(path),
        code: 'content/wrong-type',
        message: {
          ja: `「${name}」は${exp.ja}で書いてください。いまは${typeOf(value).ja}になっています。`,
          en: `\`${name}\` must be ${exp.en}, but it is ${typeOf(value).en}.`,
        },
        hint: quote
          ? { ja: `文字として扱うには、値を引用符で囲んでください（例: "${String(value)}"）。`, en: `To use it as text, put the value in quotes, e.g. "${String(value)}".` }
          : { ja: '書き方の例は content/okayama の同じ名前のファイルを見てください。', en: 'See the file of the same name in content/okayama for an example.' },
      }];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      if (issue.origin === 'string' && small) {
        return [{ ...at(path), code: 'content/empty-field', message: { ja: `「${name}」が空です。`, en: `\`${name}\` is empty.` }, hint: { ja: '文字列を書いてください。', en: 'Write some text here.' } }];
      }
      const n = Number(small ? issue.minimum : issue.maximum);
      return [{
        ...at(path),
        code: small ? 'content/too-few-items' : 'content/too-many-items',
        message: small
          ? { ja: `「${name}」には${n}個以上の項目が必要です。`, en: `\`${name}\` needs at least ${n} item(s).` }
          : { ja: `「${name}」の項目は${n}個までです。`, en: `\`${name}\` can have at most ${n} items.` },
      }];
    }
    case 'invalid_key':
      // A bad key of a record (e.g. a product id): point at the key itself.
      return issue.issues.flatMap((i) => convert(i, path, ctx)).map((d) => ({ ...d, ...at(path, 'key') }));
    default:
      return [{
        ...at(path),
        code: 'content/invalid-value',
        message: { ja: `「${name}」の値が正しくありません（${issue.message}）。`, en: `\`${name}\` is invalid: ${issue.message}.` },
      }];
  }
}

/** An unknown key for which "did you mean" found a field of the schema. */
interface Guess {
  key: string;
  guess: string;
  /** Field path of the suggested field, as in `Found.path`. */
  target: string;
  /** The fields of the object the key is in. */
  known: readonly string[];
}

/** A ready-made issue at `where`; a misspelt key is remembered for mergeMisspelt. */
function found(where: Omit<Found, keyof ContentIssue>, issue: ContentIssue, parent: readonly PropertyKey[], ctx: Ctx): Found {
  const { misspelt, ...rest } = issue;
  const d: Found = { ...where, ...rest };
  if (misspelt?.guess) ctx.guesses.set(d, { key: misspelt.key, guess: misspelt.guess, target: formatPath([...parent, misspelt.guess]), known: misspelt.known });
  return d;
}

interface Ctx {
  source: YamlSource;
  schema: z.core.$ZodType;
  data: unknown;
  guesses: Map<Found, Guess>;
}

export function issuesToDiagnostics(issues: readonly Issue[], source: YamlSource, schema: z.core.$ZodType, data: unknown): Found[] {
  const ctx: Ctx = { source, schema, data, guesses: new Map() };
  return mergeMisspelt(issues.flatMap((i) => convert(i, [], ctx)), ctx.guesses);
}

/**
 * A misspelt field (`headlin:`) makes zod report both the unknown key and the missing
 * required one (`headline`). Both are one mistake, so they become one error at the key that
 * was written, which is where the fix goes.
 */
function mergeMisspelt(found: Found[], guesses: ReadonlyMap<Found, Guess>): Found[] {
  const missing = new Map<string, Found>();
  for (const d of found) if (d.code === 'content/missing-field' && d.path !== undefined && !missing.has(d.path)) missing.set(d.path, d);
  const merged = new Set<Found>();
  const out = found.map((d) => {
    const g = guesses.get(d);
    const gone = g && missing.get(g.target);
    if (!g || !gone || merged.has(gone)) return d;
    merged.add(gone);
    return {
      ...d,
      message: {
        ja: `不明な項目「${g.key}」があります。「${g.guess}」のまちがいではありませんか？`,
        en: `Unknown field \`${g.key}\`: did you mean \`${g.guess}\`?`,
      },
      hint: fieldList(g.known),
    };
  });
  return out.filter((d) => !merged.has(d));
}
