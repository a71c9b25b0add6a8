/**
 * YAML parsing that keeps positions, so every diagnostic can say file:line:column.
 * Front matter is parsed on its own, so `lineOffset` shifts lines back into the .md file.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';

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
 * Parses YAML; syntax errors and warnings go into `bag`. Returns the parsed data only when
 * there were no syntax errors: validating a half-read document would report confusing
 * follow-up errors.
 */
export function parseYaml(
  text: string,
  file: string,
  bag: DiagnosticBag,
  lineOffset = 0,
): { source: YamlSource; data?: unknown } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const source: YamlSource = { file, doc, lineCounter, lineOffset };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = e.linePos?.[0];
    // yaml's message repeats the position and quotes the line; keep the first sentence.
    const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const duplicate = e.code === 'DUPLICATE_KEY';
    const d = {
      code: duplicate ? 'content/duplicate-field' : 'content/yaml-syntax',
      message: duplicate
        ? { ja: '同じ項目が2回書かれています。', en: 'The same field is written twice.' }
        : { ja: `YAMLとして読み取れません（${detail}）。`, en: `Cannot read this as YAML: ${detail}.` },
      hint: duplicate
        ? { ja: 'どちらか一方を消してください。', en: 'Remove one of them.' }
        : SYNTAX_HINT,
      file,
      ...(pos ? { line: pos.line + lineOffset, column: pos.col } : {}),
    };
    if (e.name === 'YAMLWarning') bag.warn(d);
    else bag.error(d);
  }
  return doc.errors.length > 0 ? { source } : { source, data: doc.toJS() };
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
