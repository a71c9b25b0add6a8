/**
 * YAML parsing that keeps positions, so every diagnostic can say file:line:column.
 * Front matter is parsed on its own, so `lineOffset` shifts lines back into the .md file.
 */
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type ErrorCode, type Node, type YAMLError } from 'yaml';
import type { Diagnostic, DiagnosticBag, Localized } from '../diagnostics/diagnostic.js';
import type { ContentIssue } from './schema-helpers.js';

export interface YamlSource {
  /** File as shown in diagnostics (relative to the working directory). */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines of the file before the YAML text (the `---` of front matter). */
  lineOffset: number;
}

export interface Position {
  line: number;
  column: number;
}

const SYNTAX_HINT = {
  ja: 'インデント（行頭の空白の数）がそろっているか、「:」の後に空白があるか、引用符（" や \'）を閉じ忘れていないかを確認してください。タブ文字は使えません。',
  en: 'Check that indentation (spaces at the start of lines) lines up, that each ":" is followed by a space, and that quotes (" or \') are closed. Tabs are not allowed.',
};

/**
 * yaml's error messages in Japanese: by the English message where one code covers several
 * mistakes, otherwise by code. The English text stays in the en message only.
 */
const MESSAGES_JA: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Flow sequence in block collection must be sufficiently indented and end with a \]/, () => '「[」で始めたリストが「]」で閉じられていないか、次の行のインデントが足りません'],
  [/^Flow map in block collection must be sufficiently indented and end with a \}/, () => '「{」で始めたまとまりが「}」で閉じられていないか、次の行のインデントが足りません'],
  [/^Flow sequence must end with a \]/, () => '「[」で始めたリストが「]」で閉じられていません'],
  [/^Flow map must end with a \}/, () => '「{」で始めたまとまりが「}」で閉じられていません'],
  [/^Missing closing "quote/, () => '「"」で始めた値を閉じる「"」がありません'],
  [/^Missing closing 'quote/, () => "「'」で始めた値を閉じる「'」がありません"],
  [/^Nested mappings are not allowed in compact mappings/, () => 'この値の中やその下に「項目名: 値」は書けません（次の行のインデントが深すぎるか、「: 」を含む値を引用符で囲んでいません）'],
  [/^A block sequence may not be used as an implicit map key/, () => 'リスト（「- 」の行）を項目名として使うことはできません'],
  [/^Implicit keys need to be on a single line/, () => '項目名は1行で「項目名: 値」と書く必要があります（「:」やその後の空白が抜けているか、インデントがずれています）'],
  [/^Implicit keys of flow sequence pairs need to be on a single line/, () => '「[ ]」の中の項目名は1行で書く必要があります'],
  [/^Implicit map keys need to be followed by map values/, () => '項目名の後に「:」と値がありません'],
  [/^All mapping items must start at the same column/, () => '同じまとまりの項目のインデント（行頭の位置）がそろっていません'],
  [/^All sequence items must start at the same column/, () => 'リストの項目（「- 」）のインデント（行頭の位置）がそろっていません'],
  [/^Sequence item without - indicator/, () => 'リストの項目に「- 」がありません'],
  [/^Tabs are not allowed as indentation/, () => 'インデントにタブ文字は使えません'],
  [/^Plain value cannot start with a tab character/, () => '引用符で囲まない値はタブ文字で始められません'],
  [/^Plain value cannot start with .* (\S)$/, (m) => `引用符で囲まない値は「${m[1]}」で始められません`],
  [/^Missing , between (flow sequence|flow map) items/, (m) => `${flowName(m[1]!)}の項目の間に「,」がありません`],
  [/^Missing , or : between (flow sequence|flow map) items/, (m) => `${flowName(m[1]!)}の項目の間に「,」か「:」がありません`],
  [/^Missing space after : in (flow sequence|flow map)/, (m) => `${flowName(m[1]!)}の中の「:」の後に空白がありません`],
  [/^Unexpected empty item in (flow sequence|flow map)/, (m) => `${flowName(m[1]!)}の中に空の項目があります（「,」が続いています）`],
  [/^Unexpected , in (flow sequence|flow map)/, (m) => `${flowName(m[1]!)}の中で「,」の位置が正しくありません（「,」が続いているか、先頭や末尾にあります）`],
  [/^Comments must be separated from other tokens by white space characters/, () => 'コメントの「#」の前には空白が必要です'],
  [/^Invalid escape sequence (.*)/, (m) => `「"」で囲んだ値の中の ${m[1]} は使えない書き方です（「\\」を書くには「\\\\」とします）`],
  [/^Unexpected \S+ at node end/, () => '値の後に、続けて書けない文字があります（値全体を引用符で囲んでください）'],
  [/^Block scalar/, () => '「|」や「>」で始めた複数行の値のインデントが正しくありません'],
];

const CODES_JA: Record<ErrorCode, string> = {
  ALIAS_PROPS: '別名（*）にはアンカーやタグを付けられません',
  BAD_ALIAS: 'アンカー（&）や別名（*）の名前が正しくありません',
  BAD_DIRECTIVE: '「%」で始まる指示の行が正しくありません',
  BAD_DQ_ESCAPE: '「"」で囲んだ値の中に使えない「\\」の書き方があります',
  BAD_INDENT: 'インデント（行頭の空白の数）が正しくありません',
  BAD_PROP_ORDER: 'アンカー（&）やタグ（!）の位置が正しくありません',
  BAD_SCALAR_START: '引用符で囲まない値が、使えない記号で始まっています',
  BLOCK_AS_IMPLICIT_KEY: 'ここには複数行のまとまりやリストは書けません（インデントを確認してください）',
  BLOCK_IN_FLOW: '「[ ]」や「{ }」の中には「- 」の行や複数行のまとまりは書けません',
  DUPLICATE_KEY: '同じ項目が2回書かれています',
  IMPOSSIBLE: 'YAMLの読み取りで想定外の状態になりました',
  KEY_OVER_1024_CHARS: '項目名が長すぎます（1024文字まで）',
  MISSING_CHAR: '必要な記号（「:」「,」「]」「}」や引用符など）が抜けています',
  MULTILINE_IMPLICIT_KEY: '項目名は1行で「項目名: 値」と書く必要があります',
  MULTIPLE_ANCHORS: '1つの値にアンカー（&）は1つしか付けられません',
  MULTIPLE_DOCS: '1つのファイルには1つの文書しか書けません（「---」の行を確認してください）',
  MULTIPLE_TAGS: '1つの値にタグ（!）は1つしか付けられません',
  NON_STRING_KEY: '項目名は文字列で書いてください',
  RESOURCE_EXHAUSTION: '別名（*）の展開が大きすぎます',
  TAB_AS_INDENT: 'インデントにタブ文字は使えません',
  TAG_RESOLVE_FAILED: 'タグ（!）の付いた値を読み取れません',
  UNEXPECTED_TOKEN: 'この位置にこの記号は書けません',
  BAD_COLLECTION_TYPE: 'タグ（!）の種類と値の形が合っていません',
};

function flowName(name: string): string {
  return name === 'flow map' ? '「{ }」' : '「[ ]」';
}

/** yaml's English message (first sentence, without the position) and its Japanese version. */
export function yamlErrorMessage(e: Pick<YAMLError, 'code' | 'message'>): Localized {
  // yaml's message repeats the position and quotes the line; keep the first sentence.
  const en = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  for (const [re, ja] of MESSAGES_JA) {
    const m = re.exec(en);
    if (m) return { ja: ja(m), en };
  }
  return { ja: CODES_JA[e.code] ?? 'YAMLの書き方に誤りがあります', en };
}

/**
 * Parses YAML; syntax errors and warnings go into `bag`, one per position (yaml often
 * reports a follow-up error at the same place, which would only repeat the first). `ok` is
 * false when the text could not be read; `data` is then undefined, as validating a half-read
 * document would report confusing follow-up errors.
 */
export function parseYaml(
  text: string,
  file: string,
  bag: DiagnosticBag,
  lineOffset = 0,
): { source: YamlSource; ok: boolean; data?: unknown } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const source: YamlSource = { file, doc, lineCounter, lineOffset };
  const seen = new Set<string>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = e.linePos?.[0];
    const where = pos ? { line: pos.line + lineOffset, column: pos.col } : {};
    const key = pos ? `${where.line}:${where.column}` : `offset ${e.pos[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d = { ...(e.code === 'DUPLICATE_KEY' ? duplicateKey(source, e.pos[0]) : syntaxError(e)), file, ...where };
    if (e.name === 'YAMLWarning') bag.warn(d);
    else bag.error(d);
  }
  if (doc.errors.length > 0) return { source, ok: false };
  try {
    return { source, ok: true, data: doc.toJS() };
  } catch (e) {
    // An alias (`*name`) without its anchor is only found when the data is built; a value
    // such as `*重要*` (Markdown emphasis) is read as one.
    if (!(e instanceof ReferenceError)) throw e;
    bag.error({ ...aliasError(source, e.message), file });
    return { source, ok: false };
  }
}

function aliasError(source: YamlSource, message: string): Omit<Diagnostic, 'severity'> {
  const aliases: Alias[] = [];
  visit(source.doc, { Alias: (_, node) => void aliases.push(node) });
  const bad = aliases.find((a) => a.resolve(source.doc) === undefined);
  const node = bad ?? aliases[0];
  const ja = bad
    ? `「*${bad.source}」の前に、対応するアンカー「&${bad.source}」がありません`
    : CODES_JA.RESOURCE_EXHAUSTION;
  return {
    code: 'content/yaml-syntax',
    message: { ja: `YAMLとして読み取れません。${ja}。`, en: `Cannot read this as YAML: ${message.replace(/\.$/, '')}.` },
    hint: {
      ja: '「*」で始まる値は、前に「&名前」を付けた値を指します。「*」を文字として書くには、値を引用符で囲んでください（例: "*重要*"）。',
      en: 'A value starting with "*" refers to an earlier value marked "&name". To write "*" as text, put the value in quotes, e.g. "*important*".',
    },
    ...(positionOf(source, node) ?? {}),
  };
}

function syntaxError(e: YAMLError): ContentIssue {
  const { ja, en } = yamlErrorMessage(e);
  return {
    code: 'content/yaml-syntax',
    message: { ja: `YAMLとして読み取れません。${ja}。`, en: `Cannot read this as YAML: ${en}.` },
    hint: SYNTAX_HINT,
  };
}

/** A key written twice in one mapping, named with the lines of both (yaml gives the second). */
function duplicateKey(source: YamlSource, offset: number): ContentIssue & { path?: string } {
  const found = findDuplicate(source.doc.contents, offset, []);
  if (!found) {
    return {
      code: 'content/duplicate-field',
      message: { ja: '同じ項目が2回書かれています。', en: 'The same field is written twice.' },
      hint: { ja: 'どちらか一方を消してください。', en: 'Remove one of them.' },
    };
  }
  const first = positionOf(source, found.first)?.line;
  const second = positionOf(source, found.second)?.line;
  const name = found.name;
  return {
    code: 'content/duplicate-field',
    message: {
      ja: `項目「${name}」が2回書かれています（${first}行目と${second}行目）。`,
      en: `Field \`${name}\` is written twice, on line ${first} and on line ${second}.`,
    },
    hint: {
      ja: `どちらか一方を消してください。同じまとまりの中では、1つの項目は1回しか書けません。`,
      en: `Delete one of them: a field can be written only once in the same block.`,
    },
    ...(found.path.length > 0 ? { path: formatPath(found.path) } : {}),
  };
}

interface Duplicate {
  name: string;
  first: Node;
  second: Node;
  /** Field path of the key. */
  path: PropertyKey[];
}

function findDuplicate(node: unknown, offset: number, path: PropertyKey[]): Duplicate | undefined {
  if (isMap(node)) {
    const i = node.items.findIndex((p) => isNode(p.key) && p.key.range?.[0] === offset);
    if (i >= 0) {
      const second = node.items[i]!.key as Node;
      const value = isScalar(second) ? second.value : undefined;
      const first = node.items.slice(0, i).find((p) => isScalar(p.key) && p.key.value === value)?.key as Node | undefined;
      const name = isScalar(second) ? String(second.value) : String(second);
      return first ? { name, first, second, path: [...path, name] } : undefined;
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      const found = findDuplicate(pair.value, offset, [...path, String(key)]);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const found = findDuplicate(item, offset, [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}

export interface Located {
  /** The node at the path, or the deepest ancestor that exists. */
  node?: Node | null;
  /** The key of the last map entry followed. */
  keyNode?: Node | null;
  /** Whether the whole path exists in the document. */
  complete: boolean;
}

export function locateNode(source: YamlSource, path: readonly PropertyKey[]): Located {
  let node: unknown = source.doc.contents;
  let keyNode: Node | null | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value === seg : p.key === seg));
      if (!pair) return { node, keyNode, complete: false };
      keyNode = pair.key as Node | null;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      keyNode = undefined;
      node = node.items[seg];
    } else {
      return { node: node as Node | null, keyNode, complete: false };
    }
  }
  return { node: node as Node | null, keyNode, complete: true };
}

/** 1-based line and column of a node, in the whole file. */
export function positionOf(source: YamlSource, node: Node | null | undefined): Position | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = source.lineCounter.linePos(offset);
  return { line: line + source.lineOffset, column: col };
}

/**
 * Where to point for a path: the value if it exists (`key`: the key instead), otherwise the
 * key of the deepest existing ancestor (the map a missing field should be added to).
 */
export function positionAt(source: YamlSource, path: readonly PropertyKey[], prefer: 'value' | 'key' = 'value'): Position {
  const found = locateNode(source, path);
  const candidates =
    found.complete && prefer === 'value' ? [found.node, found.keyNode] : [found.keyNode, found.node];
  for (const n of candidates) {
    const p = positionOf(source, n);
    if (p) return p;
  }
  return { line: 1 + source.lineOffset, column: 1 };
}

/** Field path (`checklist.items[3]`) → `file:line`, the same form as data-src in policy HTML. */
export type SourceMap = Record<string, string>;

/**
 * Every field of the document with the line it is written on, so templates can put
 * data-src on the elements they print and later stages can name the content line in errors.
 */
export function sourceMap(source: YamlSource): SourceMap {
  const map: SourceMap = {};
  const visit = (node: unknown, path: PropertyKey[], fallback: Node | null | undefined) => {
    const pos = positionOf(source, (node as Node | null) ?? fallback);
    if (path.length > 0 && pos) map[formatPath(path)] = `${source.file}:${pos.line}`;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === 'string' || typeof key === 'number') visit(pair.value, [...path, String(key)], pair.key as Node | null);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i], undefined));
    }
  };
  visit(source.doc.contents, [], undefined);
  return map;
}

/** `['checklist', 'items', 3]` → `checklist.items[3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
