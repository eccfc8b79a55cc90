// Run by `npm run mutate` before Stryker. StrykerJS 9.6.1 and 10.1.1 activate a mutant only when a test file's
// hooks start whenever they run it against chosen tests (stryker-js#6144). A mutant in a module-level constant
// (a table of HSDS field names, the batch's variants) is then already evaluated unmutated: it "survives" tests
// that fail when the same change is made by hand. This applies the one-line fix of stryker-js PR #6145 to the
// installed core: such mutants are activated before any module loads. Each vitest test file imports its modules
// afresh (isolation is vitest's default), so that activation is the mutant as written. Idempotent; it fails loudly
// when a Stryker upgrade changes the line, so that the fix is looked at again rather than silently lost.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const core = dirname(require.resolve('@stryker-mutator/core/package.json'));
const planner = join(core, 'dist/src/mutants/mutant-test-planner.js');
const late = "mutantActivation: testFilter ? 'runtime' : 'static',";
const fixed = "mutantActivation: canHotSwap ? 'runtime' : 'static', // release-packet: stryker-js PR #6145";

const source = readFileSync(planner, 'utf8');
if (source.includes(fixed)) process.exit(0);
if (!source.includes(late) || !source.includes('const canHotSwap')) {
  console.error(`stryker-static-activation: ${planner} no longer has the line this fixes; check stryker-js#6144 and update or remove this step`);
  process.exit(1);
}
writeFileSync(planner, source.replace(late, fixed));
console.error('stryker-static-activation: static mutants now activate before modules load (stryker-js#6144)');
