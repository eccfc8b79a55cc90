// @ts-check
/**
 * Mutation testing (`npm run mutate`, not part of `npm test`) over the code where a bug harms a person.
 * One scope at a time on a small machine: `MUTATE=request npm run mutate` (scopes below); each scope
 * keeps its own incremental file and report under reports/, so a later run re-tests only what changed.
 * Scores per scope and the judged-equivalent survivors: docs/TESTING.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const scopes = {
  request: ['src/request/**/*.ts'],
  packet: ['src/packet/**/*.ts'],
  directory: ['src/directory/select-entries.ts', 'src/directory/entry-dates.ts', 'src/directory/write-state-entries.ts', 'src/directory/hsds/**/*.ts'],
  render: ['src/render/**/*.ts'],
  pdf: ['src/pdf/write-pdf.ts', 'src/pdf/page-stream-cache.ts'],
  card: ['src/layout/wallet-card.ts'],
  cli: ['src/cli/**/*.ts', '!src/cli/main.ts'],
};
/**
 * The tests each scope runs against its mutants: a folder of tests when the scope's behaviour is tested
 * there, so a run fits in the time a shared two-core machine has (the score is then a lower bound).
 */
const testFolders = { card: 'tests/pdf', pdf: 'tests/pdf', cli: 'tests/cli', directory: 'tests/directory' };
const scope = process.env.MUTATE ?? 'all';
const mutate = scope === 'all' ? Object.values(scopes).flat() : scopes[/** @type {keyof typeof scopes} */ (scope)];
if (!mutate) throw new Error(`MUTATE=${scope}: choose one of ${Object.keys(scopes).join(', ')} or all`);

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts', ...(testFolders[/** @type {keyof typeof testFolders} */ (scope)] ? { dir: testFolders[/** @type {keyof typeof testFolders} */ (scope)] } : {}) },
  mutate,
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant) runs the whole suite for one mutant: hours here. Reported as ignored.
  ignoreStatic: true,
  // Only mutants whose code or covering tests changed run again. Kept local (gitignored): every helper's
  // merge would conflict on it, and a stale one only costs a longer run.
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${scope}.json`,
  // Two cores shared with other work.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
