// The focused mutation run over the lines that guard access: who may do what (roles, owner-only
// steps, invites, reset links) and what stays private (unpublished drafts, private risks and plan
// items named in public updates, the public channels): about 230 mutants instead of thousands,
// for the question that matters most: does a test notice when such a condition is removed?
// Error texts are not mutated here. Run it with DATABASE_URL set: the race tests need Postgres.
// Run: DATABASE_URL=postgres://... npm run test:mutation -- tests/mutation/guards.config.mjs
import base from '../../stryker.config.mjs';

export default {
  ...base,
  mutate: [
    'server/domain/roles.ts',
    'server/domain/status.ts:296-323',
    'server/routers/project.ts:41-55',
    'server/routers/project.ts:224-275',
    'server/routers/projectAccess.ts:150-224',
    'server/routers/status.ts:100-125',
    'server/routers/status.ts:180-190',
    'server/routers/status.ts:315-346',
    'server/routers/status.ts:360-405',
  ],
  // The tests that check who may do what and what stays private; the fuzz and webhook-delivery
  // tests cover these lines too, but slowly, and assert neither.
  testFiles: [
    'tests/unit/**/*.test.ts',
    'tests/routers/access.test.ts',
    'tests/routers/accounts.test.ts',
    'tests/routers/project.test.ts',
    'tests/routers/status.test.ts',
    'tests/status/audience.test.ts',
    'tests/status/publicSite.test.ts',
  ],
  mutator: { excludedMutations: ['StringLiteral'] },
  incrementalFile: 'reports/stryker-incremental-guards.json',
  htmlReporter: { fileName: 'reports/guards/mutation.html' },
  jsonReporter: { fileName: 'reports/guards/mutation.json' },
  tempDirName: '.stryker-tmp/guards',
};
