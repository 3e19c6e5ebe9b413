// Runs the mutation scopes (scopes.mjs) one after another: `npm run test:mutation:scopes`, or only
// those whose file path contains one of the arguments (`-- server/domain server/routers/plan.ts`).
// Each scope is one Stryker run through file.config.mjs with its own incremental file, so it reruns
// only what changed since its last run. A failed scope is reported and the next one runs.
import { spawnSync } from 'node:child_process';
import { scopes } from './scopes.mjs';

const filters = process.argv.slice(2);
// UNIT_ONLY=1: each scope with only its tests/unit files (when it has any): a quick first score, a
// lower bound, since a mutant the router or collaboration tests would kill may survive it.
const testsOf = (scope) => {
  const unit = scope.tests.filter((t) => t.startsWith('tests/unit/'));
  return process.env.UNIT_ONLY === '1' && unit.length ? unit : scope.tests;
};
const chosen = scopes.filter((s) => filters.length === 0 || filters.some((f) => s.mutate.includes(f)));
const failed = [];
for (const [i, scope] of chosen.entries()) {
  console.log(`\n[${i + 1}/${chosen.length}] ${scope.mutate}`);
  const run = spawnSync(
    'tests/mutation/node_modules/.bin/node',
    ['tests/mutation/node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'tests/mutation/file.config.mjs'],
    { stdio: 'inherit', env: { ...process.env, MUTATE: scope.mutate, TESTS: testsOf(scope).join(',') } },
  );
  if (run.status !== 0) failed.push(scope.mutate);
}
if (failed.length) {
  console.error(`\nScopes that failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
