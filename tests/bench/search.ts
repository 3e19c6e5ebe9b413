// Bench of search and the inbox fan-out (npm run bench:search; issue 18): search.query's SQL
// (server/data/search.ts) over 100,000 items of the caller's ten projects (RAID items, plan items,
// comments, with a vocabulary where a few words are in nearly every item and most in a few), beside
// 10,000 items of a project the caller is not in; and a comment mentioning 50 members (the comment
// and its 50 inbox entries in one transaction, server/data/comments.ts). On a fresh Postgres
// database, in process (no server: the query is the cost). Prints a table and exits 1 when a target
// in docs/benchmarks.md ("Search and inbox fan-out") is missed.
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { comment } from '@/db/schema';
import { tellMentioned } from '@/server/data/comments';
import { searchProjects } from '@/server/data/search';
import { freshBenchDatabase } from './database';

/**
 * Wall time, as docs/benchmarks.md writes them: a search's p99 as issue 18 asks; a 50-mention
 * comment's median, a write a person waits for. Its p99 is printed but not held to a target: on
 * this shared 2-core machine it is the odd round that waited for the CPU (52 ms, then 154 ms, in
 * two runs of 30 rounds at load 9-11, where the median stayed at 18 ms).
 */
export const searchTargets = { searchP99Ms: 50, fanOutMedianMs: 50 };

const me = 'bench-searcher';
const projects = 10;
const itemsPerProject = 10_000;

/** Words by how common they are: in about every item, in one item in ten, in one in a thousand. */
const common = ['vendor', 'migration', 'risk'];
const middling = ['supplier', 'budget', 'hiring', 'security', 'compliance', 'launch', 'database', 'capacity'];

async function seed(db: ReturnType<typeof openDatabase>['db']) {
  await db.execute(sql`select setseed(0.18)`);
  await db.execute(sql`insert into "user" (id, name, email) values (${me}, 'Searcher', 'searcher@example.test'), ('bench-other', 'Other', 'other@example.test')`);
  await db.execute(sql`insert into workspace (id, name, slug) values ('00000000-0000-4000-8000-000000000001', 'Bench', 'bench')`);
  await db.execute(sql`
    insert into project (id, workspace_id, name, slug)
    select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001', 'Project ' || g, 'project-' || g
    from generate_series(1, ${projects + 1}) g`);
  // The last project is someone else's: its items must cost little and never show.
  await db.execute(sql`
    insert into project_member (project_id, user_id, role)
    select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, case when g <= ${projects} then ${me} else 'bench-other' end, 'editor'
    from generate_series(1, ${projects + 1}) g`);
  const text = (n: string) => sql.raw(`
    (array['${common.join("','")}'])[1 + (${n} % 3)] || ' ' ||
    case when ${n} % 10 = 0 then (array['${middling.join("','")}'])[1 + (${n} / 10 % 8)] else 'item' end || ' ' ||
    'w' || (${n} * 7919 % 50000) || ' ' || md5(${n}::text)`);
  const projectOf = sql.raw(`('00000000-0000-4000-8000-' || lpad((1 + g % ${projects + 1})::text, 12, '0'))::uuid`);
  const total = (projects + 1) * itemsPerProject;
  // 70% RAID items, 20% plan items, 10% comments on those RAID items.
  await db.execute(sql`
    insert into raid_item (project_id, id, kind, title, description, status, created_at, updated_at)
    select ${projectOf}, 'R-' || g, 'risk', ${text('g')}, 'The ' || ${text('(g + 1)')} || ' may slip', 'open', now(), now()
    from generate_series(1, ${Math.round(total * 0.7)}) g`);
  await db.execute(sql`
    insert into plan_item (project_id, id, kind, title, description, status, start_date, end_date, created_at, updated_at)
    select ${projectOf}, 'P-' || g, 'milestone', ${text('(g + 3)')}, '', 'planned', '2027-01-01', '2027-01-01', now(), now()
    from generate_series(1, ${Math.round(total * 0.2)}) g`);
  await db.execute(sql`
    insert into comment (project_id, target_kind, target_id, author_id, body)
    select ${projectOf}, 'risk', 'R-' || g, ${me}, 'We think ' || ${text('(g + 5)')}
    from generate_series(1, ${Math.round(total * 0.1)}) g`);
  await db.execute(sql`analyze`);
  return total;
}

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

export async function searchBench() {
  const database = await freshBenchDatabase();
  const handle = openDatabase({ url: database.url, max: 2 });
  try {
    await migrateDatabase(handle);
    const total = await seed(handle.db);
    // Every word class, phrases and operators, and words that match nothing.
    const queries = [
      ...common,
      ...middling,
      'vendor migration',
      '"vendor supplier"',
      'budget -risk',
      'launch or hiring',
      'w1234',
      'w4242 vendor',
      'nothingmatcheshere',
      'a:* & !(b <-> c)',
    ];
    for (const q of queries) await searchProjects(handle.db, me, q, 20); // warm-up
    const searchTimes: number[] = [];
    let leaks = 0;
    for (let round = 0; round < 10; round++) {
      for (const q of queries) {
        const started = performance.now();
        const results = await searchProjects(handle.db, me, q, 20);
        searchTimes.push(performance.now() - started);
        leaks += results.filter((r) => r.projectName === `Project ${projects + 1}`).length;
      }
    }
    // A comment mentioning 50 members: the comment and its 50 inbox entries in one transaction.
    await handle.db.execute(sql`insert into "user" (id, name, email) select 'crowd-' || g, 'Crowd ' || g, 'crowd-' || g || '@example.test' from generate_series(1, 50) g`);
    const crowd = Array.from({ length: 50 }, (_, i) => `crowd-${i + 1}`);
    const fanOutTimes: number[] = [];
    for (let round = 0; round < 101; round++) {
      const started = performance.now();
      await handle.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(comment)
          .values({ projectId: '00000000-0000-4000-8000-000000000001', targetKind: 'risk', targetId: 'R-1', authorId: me, body: crowd.map((id) => `@${id}@example.test`).join(' ') })
          .returning();
        await tellMentioned(tx, row!, crowd);
      });
      if (round > 0) fanOutTimes.push(performance.now() - started);
    }
    return { items: total - itemsPerProject, strangersItems: itemsPerProject, queries: searchTimes.length, search: percentiles(searchTimes), leaks, fanOut: percentiles(fanOutTimes), load: loadavg()[0]!.toFixed(1) };
  } finally {
    await handle.close();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await searchBench();
  console.log(`search over ${result.items.toLocaleString('en')} items of the caller's projects (+${result.strangersItems.toLocaleString('en')} of another), ${result.queries} queries: p50 ${result.search.p50} ms, p99 ${result.search.p99} ms, max ${result.search.max} ms (target p99 <= ${searchTargets.searchP99Ms} ms)`);
  console.log(`a comment mentioning 50 members, 100 rounds: p50 ${result.fanOut.p50} ms (target <= ${searchTargets.fanOutMedianMs} ms), p99 ${result.fanOut.p99} ms`);
  console.log(`results from the other project: ${result.leaks}; load average ${result.load} on this machine`);
  const misses = [
    result.search.p99 > searchTargets.searchP99Ms && `search p99 ${result.search.p99} ms > ${searchTargets.searchP99Ms} ms`,
    result.fanOut.p50 > searchTargets.fanOutMedianMs && `fan-out median ${result.fanOut.p50} ms > ${searchTargets.fanOutMedianMs} ms`,
    result.leaks > 0 && `${result.leaks} results from a project the caller is not in`,
  ].filter(Boolean);
  for (const miss of misses) console.error(`missed: ${miss}`);
  process.exit(misses.length ? 1 : 0);
}
