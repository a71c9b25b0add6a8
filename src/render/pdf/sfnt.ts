/**
 * Rewrites the table directory of fontkit's subset output into a conformant TrueType file.
 * fontkit writes the Apple 'true' version tag, table records in insertion order (OpenType
 * requires them sorted by tag, for binary search), zero checksums and unaligned tables;
 * pdf.js and poppler cope, but stricter consumers (RIPs, preflight tools) need the real thing.
 */

export function normalizeSfnt(src: Uint8Array): Uint8Array {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const numTables = view.getUint16(4);
  const tables: Array<{ tag: string; data: Uint8Array }> = [];
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...src.subarray(rec, rec + 4));
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    tables.push({ tag, data: src.subarray(offset, offset + length) });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));

  const headerSize = 12 + 16 * numTables;
  const total = tables.reduce((n, t) => n + pad4(t.data.length), headerSize);
  const out = new Uint8Array(total);
  const ov = new DataView(out.buffer);
  const pow2 = 2 ** Math.floor(Math.log2(numTables));
  ov.setUint32(0, 0x00010000);
  ov.setUint16(4, numTables);
  ov.setUint16(6, pow2 * 16);
  ov.setUint16(8, Math.log2(pow2));
  ov.setUint16(10, numTables * 16 - pow2 * 16);

  let offset = headerSize;
  let headOffset = -1;
  tables.forEach((t, i) => {
    out.set(t.data, offset);
    if (t.tag === 'head') {
      headOffset = offset;
      ov.setUint32(offset + 8, 0); // checkSumAdjustment is computed over the finished file
    }
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = t.tag.charCodeAt(k);
    ov.setUint32(rec + 4, checksum(out, offset, t.data.length));
    ov.setUint32(rec + 8, offset);
    ov.setUint32(rec + 12, t.data.length);
    offset += pad4(t.data.length);
  });
  if (headOffset >= 0) ov.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, total)) >>> 0);
  return out;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Sum of big-endian uint32s, zero-padded to a multiple of four bytes. */
export function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  const end = offset + length;
  for (let i = offset; i < end; i += 4) {
    const word = ((bytes[i] ?? 0) << 24) | ((i + 1 < end ? bytes[i + 1]! : 0) << 16) |
      ((i + 2 < end ? bytes[i + 2]! : 0) << 8) | (i + 3 < end ? bytes[i + 3]! : 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
