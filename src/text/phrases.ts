/**
 * BudouX phrase boundaries (CSS word-break: auto-phrase). BudouX has Japanese, Simplified and
 * Traditional Chinese models; each parser is built once per process, when a paragraph in its
 * language first asks. Other languages have no phrases (Korean and Latin-script text break
 * between words anyway): undefined. Boundaries are cached per string and language because
 * layout composes the same headline at several widths while auto-fit searches for a size.
 */
import {
  type HTMLProcessingParser,
  loadDefaultJapaneseParser,
  loadDefaultSimplifiedChineseParser,
  loadDefaultTraditionalChineseParser,
} from 'budoux';
import { LANG } from './language.js';

const LOADERS: Record<number, () => HTMLProcessingParser> = {
  [LANG.ja]: loadDefaultJapaneseParser,
  [LANG.zhHans]: loadDefaultSimplifiedChineseParser,
  [LANG.zhHant]: loadDefaultTraditionalChineseParser,
};
const parsers = new Map<number, HTMLProcessingParser>();
const cache = new Map<string, Set<number>>();
const CACHE_LIMIT = 512;

/** UTF-16 offsets in `text` where BudouX starts a new phrase, for a paragraph in `lang` (LANG). */
export function phraseBoundaries(text: string, lang: number = LANG.ja): Set<number> | undefined {
  const load = LOADERS[lang];
  if (!load) return undefined;
  const key = `${lang}|${text}`;
  let found = cache.get(key);
  if (found) return found;
  let parser = parsers.get(lang);
  if (!parser) {
    parser = load();
    parsers.set(lang, parser);
  }
  found = new Set(parser.parseBoundaries(text));
  // A plain bound is enough: the working set is one document's paragraphs.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}
