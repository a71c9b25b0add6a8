/**
 * Flate compression of PDF streams with Node's own zlib instead of pdf-lib's pako: the same
 * format (RFC 1950 zlib data, what /FlateDecode reads), written by native code several times
 * faster — pako's deflate was over half of the PDF backend's time (the print
 * flavour compresses every page again). deflateSync is deterministic for a given zlib build,
 * so rebuilds stay byte-identical under one Node version (README "Reproducible output").
 */
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from 'pdf-lib';

/** pdf-lib's (unexported) LiteralObject. */
type StreamDict = NonNullable<Parameters<PDFContext['stream']>[1]>;

/**
 * Fixed, because they are part of the output. Page content streams (mostly path and glyph
 * coordinates) are compressed on every render of every flavour: level 1, about twice as fast
 * as 4 for a few per cent more bytes. Fonts and other resources are compressed once per
 * process and reused (font-embed.ts): level 4 (zlib's default 6 was twice as slow for 3 %).
 */
const CONTENT_LEVEL = 1;
const RESOURCE_LEVEL = 4;

/** Flate-compressed bytes. Strings are taken byte per character (latin1), as pdf-lib does. */
export function deflate(data: string | Uint8Array, level = RESOURCE_LEVEL): Uint8Array {
  const input = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  const out = deflateSync(input, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** A page's content: = context.flateStream(data, dict), compressed by zlib; /Length is set when saving. */
export function flateStream(context: PDFContext, data: string | Uint8Array, dict: StreamDict = {}): PDFRawStream {
  return context.stream(deflate(data, CONTENT_LEVEL), { ...dict, Filter: 'FlateDecode' });
}
