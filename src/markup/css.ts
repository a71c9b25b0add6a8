/**
 * Stylesheets: css-tree AST → rules with parsed selectors and longhand declarations.
 * A template's <style> text is the same on every build of a batch, so parsed sheets (and the
 * warnings they produced) are cached by text and position.
 */
import * as csstree from 'css-tree';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cssLoc, warn, type Diags } from './diag.js';
import { parseDeclaration, type ParsedDecl } from './declarations.js';
import { parsePageRule, type PageRule } from './page.js';
import { parseSelectorList, type ParsedSelector } from './selectors.js';

export interface StyleRule {
  selectors: ParsedSelector[];
  decls: ParsedDecl[];
}

export interface ParsedSheet {
  rules: StyleRule[];
  pages: PageRule[];
  diagnostics: readonly Diagnostic[];
}

export const SUPPORTED_AT_RULES = ['@page', '@top-left', '@top-center', '@top-right', '@bottom-left', '@bottom-center', '@bottom-right'] as const;

export interface TextPos {
  file: string;
  /** Where the CSS text starts in the template (1-based), so css-tree reports real positions. */
  line: number;
  column: number;
}

function syntaxErrorSink(file: string, diags: Diags) {
  return (e: csstree.SyntaxParseError) => {
    const msg = e.message;
    warn(
      diags,
      'markup/css-syntax',
      { file, line: e.line, column: e.column },
      (where) => ({ ja: `CSS の構文エラー: ${msg}（${where}）。`, en: `CSS syntax error: ${msg} (${where}).` }),
      { ja: 'この宣言（または規則）は無視されます。括弧・コロン・セミコロンを確かめてください。', en: 'The declaration (or rule) is ignored; check braces, colons and semicolons.' },
    );
  };
}

const cache = new Map<string, ParsedSheet>();
const CACHE_LIMIT = 64;

export function parseStylesheet(text: string, pos: TextPos): ParsedSheet {
  const key = `${pos.file}\0${pos.line}:${pos.column}\0${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sheet = parseUncached(text, pos);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, sheet);
  return sheet;
}

function parseUncached(text: string, { file, line, column }: TextPos): ParsedSheet {
  const diags: Diags = [];
  const rules: StyleRule[] = [];
  const pages: PageRule[] = [];
  const ast = csstree.parse(text, { positions: true, line, column, onParseError: syntaxErrorSink(file, diags) });
  if (ast.type !== 'StyleSheet') return { rules, pages, diagnostics: diags };
  ast.children.forEach((node) => {
    if (node.type === 'Rule') {
      if (node.prelude.type !== 'SelectorList') return; // already reported as a syntax error
      const selectors = parseSelectorList(node.prelude, file, diags, text);
      const decls: ParsedDecl[] = [];
      node.block.children.forEach((d) => {
        if (d.type === 'Declaration') decls.push(...parseDeclaration(d, file, diags));
        else if (d.type === 'Rule' || d.type === 'Atrule') {
          warn(
            diags,
            'markup/unsupported-selector',
            cssLoc(file, d),
            (where) => ({ ja: `CSS の入れ子には対応していません（${where}）。`, en: `Nested CSS rules are not supported (${where}).` }),
            { ja: '入れ子の規則を外に出して、完全なセレクタで書いてください。', en: 'Move the nested rule out and write its full selector.' },
          );
        }
      });
      if (selectors.length > 0 && decls.length > 0) rules.push({ selectors, decls });
    } else if (node.type === 'Atrule') {
      const name = node.name.toLowerCase();
      if (name === 'page') {
        const page = parsePageRule(node, file, diags);
        if (page) pages.push(page);
      } else if (name !== 'charset') {
        // @charset is meaningless for a string we already decoded; everything else is unsupported.
        warn(
          diags,
          'markup/unsupported-at-rule',
          cssLoc(file, node),
          (where) => ({ ja: `@${node.name} には対応していません。中の規則は無視します（${where}）。`, en: `Unsupported at-rule @${node.name}; its contents are ignored (${where}).` }),
          {
            ja: `使える @ 規則は @page（と余白ボックス）だけです。${name === 'media' ? '@media の中身を外に出してください。' : ''}${name === 'font-face' ? 'フォントはフォント設定で登録してください。' : ''}`,
            en: `Only @page (with its margin boxes) is supported.${name === 'media' ? ' Move the rules out of @media.' : ''}${name === 'font-face' ? ' Register fonts in the font configuration instead.' : ''}`,
          },
        );
      }
    }
  });
  return { rules, pages, diagnostics: diags };
}

/** A style="" attribute. Not cached: positions differ per element and such styles are rare. */
export function parseInlineStyle(text: string, pos: TextPos, diags: Diags): ParsedDecl[] {
  const ast = csstree.parse(text, {
    context: 'declarationList',
    positions: true,
    line: pos.line,
    column: pos.column,
    onParseError: syntaxErrorSink(pos.file, diags),
  });
  const decls: ParsedDecl[] = [];
  if (ast.type === 'DeclarationList') {
    ast.children.forEach((d) => {
      if (d.type === 'Declaration') decls.push(...parseDeclaration(d, pos.file, diags));
    });
  }
  return decls;
}
