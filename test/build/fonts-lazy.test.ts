/**
 * Large fonts are parsed lazily: building Japanese documents must not open Noto Sans SC, TC
 * or KR (10–17 MB each). (A large file may be let go when idle and parsed again later,
 * src/fonts/font-files.ts; a build of one language never needs that.) This file runs in
 * its own process (vitest forks), so the process-wide registry starts empty here.
 */
import { describe, expect, it } from 'vitest';
import { defaultFontRegistry } from '../../src/fonts/registry.js';
import { buildInto, MINIMAL_DIR, OKAYAMA_DIR } from './support.js';

describe('lazy fonts', () => {
  it('a Japanese build parses only the Japanese fonts', async () => {
    const fonts = defaultFontRegistry();
    expect(fonts.parsedFaces()).toEqual([]);
    // The fixture organisation: Japanese only, so not even Noto Sans (no newline or space may open it).
    const minimal = await buildInto({ contentDirs: [MINIMAL_DIR] });
    minimal.cleanup();
    expect(fonts.parsedFaces()).toContain('BIZ UDPGothic/400');
    expect(fonts.parsedFaces().filter((k) => k.startsWith('Noto'))).toEqual([]);
    // Okayama's Japanese products (its variants in other languages are not asked for).
    const okayama = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['poster', 'policy', 'handout'] });
    okayama.cleanup();
    expect(fonts.parsedFaces().filter((k) => /Noto Sans (SC|TC|KR)/.test(k))).toEqual([]);
  });

  it('opens a large font once, when a document first needs it', () => {
    const fonts = defaultFontRegistry();
    const chain = fonts.chain(['sans-serif'], 400, 'zh-Hant');
    const first = chain.primary;
    expect(fonts.parsedFaces()).toContain('Noto Sans TC/400');
    expect(fonts.chain(['sans-serif'], 400, 'zh-TW').primary).toBe(first);
  });
});
