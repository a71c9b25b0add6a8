/**
 * BudouX phrase boundaries (CSS word-break: auto-phrase). BudouX has Japanese, Simplified and
 * Traditional Chinese models; each parser is built once per process, when a paragraph in its
 * language first asks. Other languages have no phrases (Korean and Latin-script text break
 * between words anyway): undefined. Boundaries are cached per string and language because
 * layout composes the same headline at several widths while auto-fit searches for a size.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Parser } from 'budoux';
import { LANG } from './language.js';

/**
 * BudouX's own entry point loads every model and linkedom (its HTML processor), about 90 ms
 * of every cold start; the bare parser and the one model a language needs take 4 ms. Loaded
 * from the package's CommonJS files by path, since the package exports only its entry point.
 */
const require = createRequire(import.meta.url);
const budouxDist = dirname(require.resolve('budoux'));
const MODEL_FILES: Record<number, string> = { [LANG.ja]: 'ja.js', [LANG.zhHans]: 'zh-hans.js', [LANG.zhHant]: 'zh-hant.js' };

function loadParser(file: string): Parser {
  const { Parser: BudouXParser } = require(join(budouxDist, 'parser.js')) as { Parser: new (model: unknown) => Parser };
  const { model } = require(join(budouxDist, 'data/models', file)) as { model: unknown };
  return new BudouXParser(model);
}

const parsers = new Map<number, Parser>();
const cache = new Map<string, Set<number>>();
const CACHE_LIMIT = 512;

/** UTF-16 offsets in `text` where BudouX starts a new phrase, for a paragraph in `lang` (LANG). */
export function phraseBoundaries(text: string, lang: number = LANG.ja): Set<number> | undefined {
  const file = MODEL_FILES[lang];
  if (!file) return undefined;
  const key = `${lang}|${text}`;
  let found = cache.get(key);
  if (found) return found;
  let parser = parsers.get(lang);
  if (!parser) {
    parser = loadParser(file);
    parsers.set(lang, parser);
  }
  found = new Set(parser.parseBoundaries(text));
  // A plain bound is enough: the working set is one document's paragraphs.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}
