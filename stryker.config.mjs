// @ts-check
/**
 * Mutation testing (`npm run mutate`, not part of `npm test`): the code where a bug harms a person.
 * One folder at a time: `npm run mutate -- --mutate 'src/request/**'`. Scores per folder: docs/TESTING.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts' },
  mutate: [
    'src/request/**/*.ts',
    'src/packet/**/*.ts',
    'src/directory/select-entries.ts',
    'src/directory/write-state-entries.ts',
    'src/directory/hsds/**/*.ts',
    'src/render/**/*.ts',
    'src/pdf/write-pdf.ts',
    'src/pdf/page-stream-cache.ts',
    'src/layout/wallet-card.ts',
    'src/cli/**/*.ts',
    '!src/cli/main.ts',
  ],
  coverageAnalysis: 'perTest',
  // Only mutants whose code or tests changed run again; the file stays local (see docs/TESTING.md).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two cores shared with other work.
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
