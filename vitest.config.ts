import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Compiles the bundle once, when stale, before the files that run the real CLI start.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here; the PDF reading tests are CPU-bound.
    pool: 'forks',
  },
});
