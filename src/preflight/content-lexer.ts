/**
 * A lexer for PDF content streams (ISO 32000-1 §7.2, §7.8.2): turns the bytes into a list of
 * operations, each an operator with its operands. It reads what any producer writes —
 * comments, nested literal strings with escapes, hex strings, arrays, dictionaries (marked
 * content properties) and inline images (BI … ID <binary> EI), whose data it skips.
 *
 * Only what the preflight needs is kept: numbers, names, strings (as byte lengths), arrays and
 * dictionaries. Strings are not decoded.
 */

export type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'string'; length: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'array'; items: Operand[] }
  | { kind: 'dict'; entries: Map<string, Operand> };

export interface Operation {
  /** 1-based position among the operators of the stream. */
  index: number;
  op: string;
  operands: Operand[];
  /** For BI … ID … EI: the inline image dictionary. */
  inlineImage?: Map<string, Operand>;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (b: number): boolean => !WHITE.has(b) && !DELIM.has(b);

/** Where a lexing error happened; the caller reports it as a warning, not a crash. */
export class ContentLexError extends Error {}

export function lexContent(bytes: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let pos = 0;
  const n = bytes.length;
  let stack: Operand[] = [];
  // Open arrays and dictionaries: each frame collects its items.
  const frames: { kind: 'array' | 'dict'; items: Operand[] }[] = [];

  const push = (o: Operand): void => {
    const top = frames[frames.length - 1];
    if (top) top.items.push(o);
    else stack.push(o);
  };

  const skipWhiteAndComments = (): void => {
    while (pos < n) {
      const b = bytes[pos]!;
      if (WHITE.has(b)) pos++;
      else if (b === 0x25) {
        while (pos < n && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
      } else break;
    }
  };

  const readRegular = (): string => {
    const start = pos;
    while (pos < n && isRegular(bytes[pos]!)) pos++;
    return String.fromCharCode(...bytes.subarray(start, pos));
  };

  const readName = (): string => {
    pos++; // '/'
    const raw = readRegular();
    return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  };

  const readLiteralString = (): number => {
    pos++; // '('
    let depth = 1;
    let length = 0;
    while (pos < n) {
      const b = bytes[pos++]!;
      if (b === 0x5c) {
        pos++; // escaped byte (octal escapes are counted loosely; only the length is kept)
        length++;
      } else if (b === 0x28) {
        depth++;
        length++;
      } else if (b === 0x29) {
        depth--;
        if (depth === 0) return length;
        length++;
      } else length++;
    }
    throw new ContentLexError('unterminated string');
  };

  const toDict = (items: Operand[]): Map<string, Operand> => {
    const m = new Map<string, Operand>();
    for (let i = 0; i + 1 < items.length; i += 2) {
      const k = items[i]!;
      if (k.kind === 'name') m.set(k.value, items[i + 1]!);
    }
    return m;
  };

  while (true) {
    skipWhiteAndComments();
    if (pos >= n) break;
    const b = bytes[pos]!;
    if (b === 0x2f) push({ kind: 'name', value: readName() });
    else if (b === 0x28) push({ kind: 'string', length: readLiteralString() });
    else if (b === 0x3c && bytes[pos + 1] === 0x3c) {
      pos += 2;
      frames.push({ kind: 'dict', items: [] });
    } else if (b === 0x3e && bytes[pos + 1] === 0x3e) {
      pos += 2;
      const f = frames.pop();
      if (!f || f.kind !== 'dict') throw new ContentLexError('unbalanced >>');
      push({ kind: 'dict', entries: toDict(f.items) });
    } else if (b === 0x3c) {
      const end = bytes.indexOf(0x3e, pos);
      if (end < 0) throw new ContentLexError('unterminated hex string');
      let digits = 0;
      for (let i = pos + 1; i < end; i++) if (!WHITE.has(bytes[i]!)) digits++;
      push({ kind: 'string', length: Math.ceil(digits / 2) });
      pos = end + 1;
    } else if (b === 0x5b) {
      pos++;
      frames.push({ kind: 'array', items: [] });
    } else if (b === 0x5d) {
      pos++;
      const f = frames.pop();
      if (!f || f.kind !== 'array') throw new ContentLexError('unbalanced ]');
      push({ kind: 'array', items: f.items });
    } else if (b === 0x7b || b === 0x7d || b === 0x29 || b === 0x3e) {
      pos++; // stray delimiter (PostScript calculator braces do not occur in content): ignore
    } else {
      const word = readRegular();
      if (/^[+-]?\d*\.?\d*$/.test(word)) {
        const v = Number(word);
        push({ kind: 'number', value: Number.isFinite(v) ? v : 0 });
      } else if (word === 'true' || word === 'false') push({ kind: 'bool', value: word === 'true' });
      else if (word === 'null') push({ kind: 'null' });
      else if (frames.length > 0) {
        // An operator inside an array is malformed; keep going as readers do.
        continue;
      } else if (word === 'BI') {
        // Inline image: key/value pairs up to ID, then binary data up to EI.
        const dictItems: Operand[] = [];
        stack = [];
        while (true) {
          skipWhiteAndComments();
          if (pos >= n) throw new ContentLexError('unterminated inline image');
          if (bytes[pos] === 0x2f) dictItems.push({ kind: 'name', value: readName() });
          else if (bytes[pos] === 0x28) dictItems.push({ kind: 'string', length: readLiteralString() });
          else if (bytes[pos] === 0x5b) {
            // Small arrays such as /Decode [1 0] or /F [/AHx /Fl]
            const end = bytes.indexOf(0x5d, pos);
            const sub = parseOperandsOnly(bytes.subarray(pos, end + 1));
            dictItems.push(sub);
            pos = end + 1;
          } else {
            const w = readRegular();
            if (w === 'ID') break;
            const v = Number(w);
            if (w !== '' && Number.isFinite(v)) dictItems.push({ kind: 'number', value: v });
            else if (w === 'true' || w === 'false') dictItems.push({ kind: 'bool', value: w === 'true' });
            else if (w === '') pos++;
          }
        }
        pos++; // the single white-space byte after ID
        // EI preceded by white space and followed by white space or the end.
        let end = -1;
        for (let i = pos; i + 1 < n; i++) {
          if (bytes[i] === 0x45 && bytes[i + 1] === 0x49 && (i === pos || WHITE.has(bytes[i - 1]!)) && (i + 2 >= n || WHITE.has(bytes[i + 2]!) || DELIM.has(bytes[i + 2]!))) {
            end = i;
            break;
          }
        }
        if (end < 0) throw new ContentLexError('inline image without EI');
        pos = end + 2;
        ops.push({ index: ops.length + 1, op: 'BI', operands: [], inlineImage: toDict(dictItems) });
      } else {
        ops.push({ index: ops.length + 1, op: word, operands: stack });
        stack = [];
      }
    }
  }
  return ops;
}

/** The single operand of a small stand-alone snippet, such as an array inside BI … ID. */
function parseOperandsOnly(bytes: Uint8Array): Operand {
  const ops = lexContent(new Uint8Array([...bytes, 0x20, 0x78])); // "… x": a dummy operator
  return ops[0]?.operands[0] ?? { kind: 'null' };
}
