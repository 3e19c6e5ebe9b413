// Hand-made mutants of the conditions Stryker cannot reach: privacy and scope filters passed as
// arguments to Drizzle calls (`isNotNull(statusUpdate.publishedAt)`, `eq(raidItem.isPublic, true)`),
// which Stryker leaves alone because it does not mutate call arguments, and a few guards it only
// reaches in slow runs. Each case removes one condition, runs the tests that should notice, and puts
// the file back. Every case must print KILLED (docs/testing.md, "Filters Stryker cannot reach").
//   node tests/mutation/filters.mjs            every case
//   node tests/mutation/filters.mjs 0 4        the cases by index
// Set DATABASE_URL to run them on Postgres. Run it on a clean checkout: it edits files in place.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export const cases = [
  { what: "createDraft: changes since the last *published* update", file: "server/routers/status.ts", from: ".where(and(eq(statusUpdate.projectId, ctx.project.id), isNotNull(statusUpdate.publishedAt)))\n        .orderBy(desc(statusUpdate.publishedAt))\n        .limit(1);\n      const since", to: ".where(and(eq(statusUpdate.projectId, ctx.project.id)))\n        .orderBy(desc(statusUpdate.publishedAt))\n        .limit(1);\n      const since", tests: "tests/routers/status.test.ts tests/status/audience.test.ts".split(' ') },
  { what: "a public draft lists public risks only", file: "server/routers/status.ts", from: "...(isPublic ? [eq(raidItem.isPublic, true)] : [])", to: "...([])", tests: "tests/status/audience.test.ts tests/routers/status.test.ts".split(' ') },
  { what: "a minutes draft takes the last *published* health", file: "server/routers/meetingSince.ts", from: "isNotNull(statusUpdate.publishedAt)", to: "undefined", tests: "tests/routers/meetingSince.test.ts".split(' ') },
  { what: "private risk titles checked before a public publish", file: "server/data/status.ts", from: "and(eq(raidItem.projectId, projectId), eq(raidItem.isPublic, false))", to: "and(eq(raidItem.projectId, projectId))", tests: "tests/status/audience.test.ts tests/status/corrections.test.ts tests/unit/status.test.ts".split(' ') },
  { what: "the public page lists *published* updates only", file: "server/data/status.ts", from: "and(eq(statusUpdate.projectId, projectId), isNotNull(statusUpdate.publishedAt), eq(statusUpdate.audience, 'public'))", to: "and(eq(statusUpdate.projectId, projectId), eq(statusUpdate.audience, 'public'))", tests: "tests/status/publicSite.test.ts tests/status/publicCache.test.ts tests/status/audience.test.ts tests/status/corrections.test.ts".split(' ') },
  { what: "the public page lists *public* updates only", file: "server/data/status.ts", from: "and(eq(statusUpdate.projectId, projectId), isNotNull(statusUpdate.publishedAt), eq(statusUpdate.audience, 'public'))", to: "and(eq(statusUpdate.projectId, projectId), isNotNull(statusUpdate.publishedAt))", tests: "tests/status/publicSite.test.ts tests/status/publicCache.test.ts tests/status/audience.test.ts tests/status/corrections.test.ts".split(' ') },
  { what: "the public page lists public risks only", file: "server/data/status.ts", from: "and(eq(raidItem.projectId, projectId), eq(raidItem.isPublic, true))", to: "and(eq(raidItem.projectId, projectId))", tests: "tests/status/publicSite.test.ts tests/status/publicCache.test.ts tests/status/audience.test.ts tests/status/corrections.test.ts".split(' ') },
  { what: "the public page lists public tech items only", file: "server/data/status.ts", from: "and(eq(techItem.projectId, projectId), eq(techItem.isPublic, true))", to: "and(eq(techItem.projectId, projectId))", tests: "tests/status/publicTech.test.ts".split(' ') },
  { what: "a risk projection write moves the public page key", file: "server/collab/projections/risks.ts", from: "if (wrote) await bumpPublicRevision(tx, projectId);", to: "", tests: "tests/status/publicCache.test.ts".split(' ') },
  { what: "a plan projection write moves the public page key", file: "server/collab/projections/plan.ts", from: "if (wrote) await bumpPublicRevision(tx, projectId);", to: "", tests: "tests/status/publicCache.test.ts".split(' ') },
  { what: "a project rename moves the public page key", file: "server/routers/project.ts", from: "        await bumpPublicRevision(tx, ctx.project.id);\n        return row!;", to: "        return row!;", tests: "tests/status/publicCache.test.ts tests/routers/project.test.ts".split(' ') },
  { what: "insights.charts: health from *published* updates only", file: "server/routers/insights.ts", from: "and(eq(statusUpdate.projectId, ctx.project.id), isNotNull(statusUpdate.publishedAt))", to: "and(eq(statusUpdate.projectId, ctx.project.id))", tests: "tests/routers/insights.test.ts".split(' ') },
  { what: "a project's latest health (portfolio, project list) from *published* updates only", file: "server/data/status.ts", from: "and(inArray(statusUpdate.projectId, projectIds), isNotNull(statusUpdate.publishedAt))", to: "and(inArray(statusUpdate.projectId, projectIds))", tests: "tests/routers/portfolio.test.ts".split(' ') },
  { what: "standards.saveChecklist: a check id of another checklist is refused", file: "server/routers/standards.ts", from: "if (unknown) throw", to: "if (false) throw", tests: "tests/routers/standards.test.ts".split(' ') },
  { what: "search.query: only the caller's projects", file: "server/data/search.ts", from: "select project_id, role from project_member where user_id = ${userId}", to: "select distinct project_id, 'owner' as role from project_member", tests: "tests/routers/conversation.test.ts".split(' ') },
  { what: "search.query: status update drafts only for writers", file: "server/data/search.ts", from: "and (u.published_at is not null or my.role in ('owner', 'editor'))", to: "", tests: "tests/routers/conversation.test.ts".split(' ') },
  { what: "search.query: comments on drafts only for writers", file: "server/data/search.ts", from: "and (my.role in ('owner', 'editor') or c.target_kind <> 'update'", to: "and (true or c.target_kind <> 'update'", tests: "tests/routers/conversation.test.ts".split(' ') },
  { what: "comment.list: a draft's comments only for writers", file: "server/data/comments.ts", from: "canEditBoards(role) ? undefined : isNotNull(statusUpdate.publishedAt)", to: "undefined", tests: "tests/routers/conversation.test.ts".split(' ') },
  { what: "inbox.list: entries of the caller's projects only", file: "server/data/inbox.ts", from: "and(eq(inboxEntry.userId, userId), inArray(inboxEntry.projectId, projectIds), ", to: "and(eq(inboxEntry.userId, userId), ", tests: "tests/routers/conversation.test.ts".split(' ') },
  { what: "resources.forPlan and problems: the project's own allocations only", file: "server/routers/projectResources.ts", from: "loadAllocations(db, project.workspaceId, { projectId: project.id }),", to: "loadAllocations(db, project.workspaceId, {}),", tests: "tests/routers/projectResources.test.ts".split(' ') },
  { what: "insights.charts: utilisation of this project's people only", file: "server/routers/insights.ts", from: "loadAllocations(db, project.workspaceId, { projectId: project.id })", to: "loadAllocations(db, project.workspaceId, {})", tests: "tests/routers/insights.test.ts".split(' ') },
  { what: "project.list: each project counts its own RAID items", file: "server/routers/project.ts", from: "bands.filter((b) => b.projectId === row.id)", to: "bands", tests: "tests/routers/project.test.ts".split(' ') },
];

const only = process.argv.slice(2).map(Number);
let survived = 0;
for (const [i, c] of cases.entries()) {
  if (only.length && !only.includes(i)) continue;
  const source = readFileSync(c.file, 'utf8');
  if (source.split(c.from).length !== 2) {
    console.log(`[${i}] ${c.what}: the condition is not found once in ${c.file}; update this case`);
    survived++;
    continue;
  }
  try {
    writeFileSync(c.file, source.replace(c.from, c.to));
    const run = spawnSync('npx', ['vitest', 'run', ...c.tests], { encoding: 'utf8' });
    const killed = run.status !== 0;
    if (!killed) survived++;
    console.log(`[${i}] ${killed ? 'KILLED  ' : 'SURVIVED'} ${c.what} (${c.file})`);
  } finally {
    writeFileSync(c.file, source);
  }
}
if (survived) {
  console.error(`${survived} case(s) not killed`);
  process.exitCode = 1;
}
