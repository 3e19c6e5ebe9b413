// One file (or a few line ranges) at a time, with only the tests that cover it: minutes instead of
// hours on the shared two-core machine. Each scope keeps its own incremental file and report.
//   MUTATE='server/http/origin.ts' TESTS='tests/server/config.test.ts,tests/server/apiGuard.test.ts' \
//     npm run test:mutation -- tests/mutation/file.config.mjs
// MUTATE takes Stryker's `file:from-to` line ranges, comma separated. Set DATABASE_URL for router
// and status tests (the Postgres-only race tests run then). ERROR_TEXTS=skip leaves error messages
// unmutated (the guards run's choice), for a first pass over a large router file. TIMEOUT_MS raises
// the time a mutant's tests may take before it counts as timed out.
import base from '../../stryker.config.mjs';

const mutate = (process.env.MUTATE ?? '').split(',').filter(Boolean);
const testFiles = (process.env.TESTS ?? '').split(',').filter(Boolean);
if (!mutate.length || !testFiles.length) throw new Error('Set MUTATE and TESTS (comma separated paths).');
const name = mutate[0].replace(/[:].*$/, '').replace(/[^A-Za-z0-9]+/g, '-');

export default {
  ...base,
  mutate,
  testFiles,
  ...(process.env.ERROR_TEXTS === 'skip' ? { mutator: { excludedMutations: ['StringLiteral'] } } : {}),
  // On a loaded machine a router test file can take longer than Stryker's default allowance
  // (5 s over the dry run's time), and a mutant that only ran slowly is reported "timed out" (counted
  // as killed). TIMEOUT_MS raises the allowance so such mutants get a real verdict.
  ...(process.env.TIMEOUT_MS ? { timeoutMS: Number(process.env.TIMEOUT_MS) } : {}),
  incrementalFile: `reports/files/${name}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/files/${name}.json` },
  tempDirName: `.stryker-tmp/${name}`,
};
