/**
 * ToUnicode CMap: maps each subset glyph (CID) back to the text it shows, so copy-paste,
 * search and screen readers recover the source. Multi-character texts (ligatures, a base
 * plus combining mark) are allowed; bfchar destinations are UTF-16BE.
 */

/** Characters a ToUnicode destination must never contain: NUL and the byte-order marks. */
const FORBIDDEN = new Set([0x0000, 0xfeff, 0xfffe]);

export function utf16beHex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i); // UTF-16 code units: surrogate pairs come out as pairs.
    if (FORBIDDEN.has(unit)) continue;
    hex += unit.toString(16).toUpperCase().padStart(4, '0');
  }
  return hex;
}

export function cidHex(cid: number): string {
  return cid.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Builds the CMap program. `entries` must be sorted by CID; entries whose text is empty after
 * dropping forbidden characters are left out (the glyph then has no text, e.g. a decoration).
 */
export function buildToUnicodeCMap(entries: ReadonlyArray<readonly [cid: number, text: string]>): string {
  const lines: string[] = [];
  for (const [cid, text] of entries) {
    const dst = utf16beHex(text);
    if (dst) lines.push(`<${cidHex(cid)}> <${dst}>`);
  }
  const blocks: string[] = [];
  // The CMap format allows at most 100 mappings per beginbfchar block.
  for (let i = 0; i < lines.length; i += 100) {
    const chunk = lines.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
    '',
  ].join('\n');
}
