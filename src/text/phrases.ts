/**
 * BudouX phrase boundaries (CSS word-break: auto-phrase). The parser's model is built once per
 * process; boundaries are cached per string because layout composes the same headline at
 * several widths while auto-fit searches for a size.
 */
import { type HTMLProcessingParser, loadDefaultJapaneseParser } from 'budoux';

let parser: HTMLProcessingParser | undefined;
const cache = new Map<string, Set<number>>();
const CACHE_LIMIT = 512;

/** UTF-16 offsets in `text` where BudouX starts a new phrase. */
export function phraseBoundaries(text: string): Set<number> {
  let found = cache.get(text);
  if (found) return found;
  parser ??= loadDefaultJapaneseParser();
  found = new Set(parser.parseBoundaries(text));
  // A plain bound is enough: the working set is one document's paragraphs.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, found);
  return found;
}
