import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // VITEST_INCLUDE: a narrower set, for a mutation-testing scope (stryker.config.mjs).
    include: [process.env.VITEST_INCLUDE ?? 'tests/**/*.test.ts'],
    // Startup parses the fonts once per worker (~0.6 s); PDF checks spawn poppler.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
