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
  // Selection, entry dates, the import's all-or-nothing write and the HSDS → entries mapping: what a person is
  // handed, with what date, and what an import lets in. The rest of hsds/ is directory-hsds (737 mutants).
  directory: ['src/directory/select-entries.ts', 'src/directory/entry-dates.ts', 'src/directory/write-state-entries.ts', 'src/directory/hsds/hsds-to-entries.ts'],
  // The HSDS package formats: tables, the package folder, reading its files, entries → HSDS, the model.
  'directory-hsds': ['src/directory/hsds/**/*.ts', '!src/directory/hsds/hsds-to-entries.ts'],
  render: ['src/render/**/*.ts'],
  pdf: ['src/pdf/write-pdf.ts', 'src/pdf/page-stream-cache.ts'],
  card: ['src/layout/wallet-card.ts'],
  cli: ['src/cli/**/*.ts', '!src/cli/main.ts'],
  // The part of src/cli where a bug harms a person: the request the flags make, exit codes, the file written
  // whole or not at all. The whole folder (1,213 mutants over the CLI tests) did not fit a session.
  'cli-output': ['src/cli/generate-command.ts', 'src/cli/write-output.ts'],
  // The rest of src/cli in three scopes that each fit in well under an hour, each run against the tests that
  // really reach it: the batch command, the directory maintainer tools, and the program with its list commands.
  'cli-batch': ['src/cli/batch-command.ts', 'src/cli/batch-commands.ts'],
  'cli-directory': ['src/cli/directory-command.ts', 'src/cli/directory-workflow-command.ts', 'src/cli/directory-commands.ts'],
  'cli-lists': ['src/cli/program.ts', 'src/cli/counties-command.ts', 'src/cli/locales-command.ts', 'src/cli/locales-commands.ts'],
};
/**
 * The tests each small scope runs against its mutants: the files where its behaviour is tested, so that a
 * run fits in the time a shared two-core machine has (the score is then a lower bound). vitest.config.ts
 * reads VITEST_INCLUDE; the test runner processes inherit it.
 */
const testFiles = {
  request: 'tests/request/*.test.ts',
  packet: 'tests/packet/*.test.ts',
  'cli-output': 'tests/cli/*.test.ts',
  // help-text: every flag's description, declared in the *-commands.ts files.
  'cli-batch': 'tests/{batch/batch-command,batch/batch-renderer,batch/batch-flags,cli/batch-ui-lang,cli/exit-codes,cli/help-text}.test.ts',
  'cli-directory': 'tests/{directory/directory-command,directory/verify-workflow,directory/hsds-ids-and-import,directory/import-hardening,directory/directory-tools,cli/help-text}.test.ts',
  'cli-lists': 'tests/cli/{operator-cli,internal-error,batch-ui-lang,list-commands,exit-codes,help-text}.test.ts',
  cli: 'tests/{cli/*,batch/batch-command,batch/batch-interrupt,directory/directory-command,directory/verify-workflow,directory/hsds-ids-and-import,directory/import-hardening}.test.ts',
  // The render stage on its own (no PDF made), and the draft marks as a packet carries them.
  render: 'tests/{render/*,pdf/draft-mark-names}.test.ts',
  card: 'tests/pdf/{wallet-card,page-order,render-check,paper}.test.ts',
  // Selection and dates through the packet model and directly; the import through the directory import command.
  // Tests that render a whole preview per run (nearest-networks, derived-and-eligibility) made it 2 hours.
  directory: 'tests/{directory/entry-dates,directory/select-entries,directory/hsds-import-mapping,directory/hsds-ids-and-import,directory/import-hardening,packet/build-packet}.test.ts',
  'directory-hsds': 'tests/directory/{hsds-ids-and-import,import-hardening,directory-command,directory-tools,hsds-package}.test.ts',
  pdf: 'tests/{pdf/caches,pdf/pdf-structure,pdf/section-cache,pdf/names,privacy/canary}.test.ts',
};
/**
 * Scopes whose module-level tables are tested rather than ignored. With ignoreStatic, a static mutant that some
 * test also reaches at run time (the first test of a file whose CLI loads the module lazily) runs only against
 * those few tests, not the files that import the module at their top: the HSDS field lists then "survived" every
 * run, half of them mutants that hsds-package kills. Here such mutants run against all of the scope's tests.
 */
const testStatic = new Set(['directory-hsds']);
const scope = process.env.MUTATE ?? 'all';
const mutate = scope === 'all' ? Object.values(scopes).flat() : scopes[/** @type {keyof typeof scopes} */ (scope)];
const include = testFiles[/** @type {keyof typeof testFiles} */ (scope)];
if (include) process.env.VITEST_INCLUDE = include;
if (!mutate) throw new Error(`MUTATE=${scope}: choose one of ${Object.keys(scopes).join(', ')} or all`);

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts' },
  mutate,
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant) runs all the scope's tests for one mutant: hours for the wide
  // scopes, so it is reported as ignored there; MUTATE_STATIC=1 or 0 says otherwise for one run.
  ignoreStatic: process.env.MUTATE_STATIC ? process.env.MUTATE_STATIC !== '1' : !testStatic.has(scope),
  // Only mutants whose code or covering tests changed run again. Kept local (gitignored): every helper's
  // merge would conflict on it, and a stale one only costs a longer run.
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${scope}.json`,
  // Two cores shared with other work.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  // A mutant that loops forever costs this much of a runner; unit-level scopes can say less (MUTATE_TIMEOUT_MS).
  timeoutMS: Number(process.env.MUTATE_TIMEOUT_MS ?? 20000),
  // MUTATE_DISABLE_BAIL=1 runs every covering test of a mutant, not only up to the first that fails: slower, but
  // the report then lists every test that kills each mutant, so one run gives the score with and without a test file.
  disableBail: process.env.MUTATE_DISABLE_BAIL === '1',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
