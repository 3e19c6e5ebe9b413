// Bench of the resources grid (npm run bench:resources, after `next build`): seeds a workspace of 200
// people x 20 projects with allocations over 52 weeks (tests/bench/resourcesSeed.ts), and a peer
// of 20 people x 4 projects, on a fresh Postgres database, starts Waymark on it (server/main.ts, as
// in production), then measures for both workspaces:
//   (a) the people page /w/<id>/people (its default window) as a browser opens it: time to first
//       byte, bytes; and resources.grid over HTTP at 52 weeks (time, bytes), which stands in for the
//       page's target on a build without the page;
//   (b) the recompute after one edit: allocation.upsert, then resources.grid, as a client refetches
//       on the people board's signal (from the edit sent to the new grid read, p50/p99), beside
//       every cell recomputed from the answer with the server's own function (what a client could do);
//   and, in the same run, the floors: resources.settings through the same server, and the raw SQL
//   reads the grid needs. Each HTTP figure comes with the server's and Postgres' CPU per request.
// Prints tables, writes JSON to tests/bench/results/ (git-ignored), and exits 1 when a target in
// docs/benchmarks.md ("Resources grid") is missed. Bounded in time (BENCH_LIMIT_MS).
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { format, startOfISOWeek } from 'date-fns';
import postgres from 'postgres';
import { expandGrid, withAllocation, type GridAnswer } from '@/components/resources/gridModel';
import type { GridData } from '@/components/resources/model';
import { weeksFrom } from '@/server/domain/isoWeeks';
import { personUtilisation } from '@/server/domain/utilisation';
import { gridShapes } from './gridShapes';
import { openPageBench, summary, timedGet } from './pageBench';
import { seedResourcesWorkspace, type SeededResources } from './resourcesSeed';

const port = Number(process.env.BENCH_PORT ?? 3540);
const renders = Number(process.env.BENCH_RENDERS ?? 40);
const edits = Number(process.env.BENCH_EDITS ?? 100);
const overallLimitMs = Number(process.env.BENCH_LIMIT_MS ?? 300_000);
const weeks = 52;

/**
 * The targets, as written in docs/benchmarks.md ("Resources grid"): set from the measurements of
 * 2026-12-03 on the shared 2-core machine (load 10-15), aiming at the 100 ms and 20 ms.
 */
const targets = {
  /** People page TTFB p50 at 200 people, at most this many times the 20-people peer's in the same run (the aim: 100 ms absolute). */
  pageTtfbRatioToPeer: 3,
  /** People page server CPU per render at 200 people (the figure a loaded machine inflates least). */
  pageServerCpuMs: 175,
  /** Recompute after one edit on the editing client (withAllocation: the grid it holds, its person worked out again), p99 of 500 in a warm tab. The 20 ms. */
  localRecomputeP99Ms: 20,
  /** Every cell worked out from a whole 52-week answer (expandGrid, what the other clients do after refetching), p50. */
  expandP50Ms: 25,
  /** The server round trip: allocation.upsert then resources.grid at 200 people x 52 weeks, server CPU per round. */
  upsertThenGridServerCpuMs: 100,
  /** The grid's JSON at 200 people x 52 weeks. */
  gridMaxBytes: 200 * 1024,
};

const bench = await openPageBench({ port, limitMs: overallLimitMs });
const { measured, mutation } = bench;

const gridUrl = (workspaceId: string, from: string) => bench.queryUrl('resources.grid', { workspaceId, from, weeks });

/** One answer of each workspace's grid, expanded, for the other shapes it could take (gridShapes.ts). */
const answers = new Map<string, GridData>();

const gridOf = (body: string) => (JSON.parse(body) as { result: { data: { json: GridAnswer } } }).result.data.json;

/** The cells as resources.utilisation works them out (personUtilisation per person), to check the client's against. */
function utilisationCells(grid: GridData) {
  const weekSpans = weeksFrom(grid.weekStarts[0]!, grid.weekStarts.length);
  return grid.people.map((person) => {
    const rows = personUtilisation(person, grid.allocations.filter((a) => a.personId === person.id), weekSpans, grid.settings);
    return { personId: person.id, allocated: rows.map((w) => w.allocatedHours), capacity: rows.map((w) => w.capacityHours), percent: rows.map((w) => w.percent), band: rows.map((w) => w.band[0]) };
  });
}

/** (a): the page (or, without it, the grid procedure) and the grid's answer, `renders` times after a warm-up. */
async function measureReads(seeded: SeededResources, cookie: string, from: string, people: number) {
  const pageUrl = `${bench.base}/w/${seeded.workspaceId}/people`;
  const probe = await timedGet(pageUrl, cookie);
  let page = null;
  // The page names its workspace; a 404 means there is no people page on this build.
  if (probe.status !== 404 && !(probe.status === 200 && probe.body.includes(seeded.name))) throw new Error(`the people page answered ${probe.status}`);
  if (probe.status === 200) {
    const ttfb: number[] = [];
    const total: number[] = [];
    let bytes = 0;
    const cpu = await measured(renders, 3, async (_i, measuring) => {
      const render = await timedGet(pageUrl, cookie);
      if (render.status !== 200 || !render.body.includes(seeded.name)) throw new Error(`the people page answered ${render.status}`);
      if (!measuring) return;
      ttfb.push(render.ttfb);
      total.push(render.total);
      bytes = render.body.length;
    });
    // How the page's bytes split: markup, and scripts (React's flight payload repeats the markup's
    // props, and the dehydrated queries carry the grid's answer again).
    const scripts = [...probe.body.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + m[0].length, 0);
    page = { ttfbMs: summary(ttfb), totalMs: summary(total), htmlBytes: bytes, scriptBytes: scripts, gzippedBytes: gzipSync(probe.body).byteLength, ...cpu };
  }
  const ttfb: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  let allocations = 0;
  const cpu = await measured(renders, 3, async (_i, measuring) => {
    const answer = await timedGet(gridUrl(seeded.workspaceId, from), cookie);
    if (answer.status !== 200) throw new Error(`resources.grid answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    if (!measuring) {
      const json = expandGrid(gridOf(answer.body));
      if (json.cells.length !== people || json.cells[0]!.allocated.length !== weeks) throw new Error(`resources.grid: ${json.cells.length} rows of ${json.cells[0]?.allocated.length} weeks, expected ${people} x ${weeks}`);
      if (JSON.stringify(json.cells) !== JSON.stringify(utilisationCells(json))) throw new Error("the grid's cells worked out on the client differ from resources.utilisation's");
      allocations = json.allocations.length;
      answers.set(seeded.workspaceId, json);
      return;
    }
    ttfb.push(answer.ttfb);
    total.push(answer.total);
    bytes = Buffer.byteLength(answer.body);
  });
  return { page, grid: { ttfbMs: summary(ttfb), totalMs: summary(total), jsonBytes: bytes, allocationsInAnswer: allocations, ...cpu } };
}

/**
 * (b): one edit (the allocation's hours, alternating), then the grid read again; timed from the edit
 * sent to the grid read (what the other clients do on the people board's signal: refetch and expand
 * the answer). Beside it, what the editing client does at once: the grid it holds with the one
 * allocation changed (withAllocation, its person recomputed), and a whole answer expanded (every
 * cell, as after any refetch). Both checked equal to the server's answer after the edit.
 */
async function measureRecompute(seeded: SeededResources, cookie: string, from: string) {
  const { editable } = seeded;
  const upsert: number[] = [];
  const total: number[] = [];
  const local: number[] = [];
  const expand: number[] = [];
  let held: GridData | undefined;
  let last = 0;
  const cpu = await measured(edits, 5, async (i, measuring) => {
    const hoursPerWeek = editable.hoursPerWeek + (i % 2 === 0 ? 4 : 0);
    // The editing client patches the grid it holds.
    let patched: GridData | undefined;
    const l0 = performance.now();
    if (held) patched = withAllocation(held, { ...held.allocations.find((a) => a.id === editable.id)!, hoursPerWeek });
    const l1 = performance.now();
    const t0 = performance.now();
    await mutation(cookie, 'allocation.upsert', { id: editable.id, personId: editable.personId, projectId: editable.projectId, from: editable.from, to: editable.to, hoursPerWeek });
    const t1 = performance.now();
    const answer = await timedGet(gridUrl(seeded.workspaceId, from), cookie);
    const t2 = performance.now();
    if (answer.status !== 200) throw new Error(`resources.grid answered ${answer.status}`);
    const compact = gridOf(answer.body);
    const c0 = performance.now();
    const json = expandGrid(compact);
    const c1 = performance.now();
    // The edit shows in the answer: the edited person's allocated hours moved.
    const sum = json.cells.find((c) => c.personId === editable.personId)!.allocated.reduce((a, b) => a + b, 0);
    if (i > 0 && sum === last) throw new Error('the grid read after an edit does not show it');
    last = sum;
    if (i < 2 && patched && JSON.stringify(patched.cells) !== JSON.stringify(json.cells)) throw new Error("the editing client's recomputed grid differs from the server's answer after the edit");
    held = json;
    if (!measuring) return;
    upsert.push(t1 - t0);
    total.push(t2 - t0);
    local.push(l1 - l0);
    expand.push(c1 - c0);
  });
  // The same local recompute in a warm tab: 500 edits of the held grid, one after another.
  const warm: number[] = [];
  const target = held!.allocations.find((a) => a.id === editable.id)!;
  for (let i = 0; i < 500; i++) {
    const w0 = performance.now();
    withAllocation(held!, { ...target, hoursPerWeek: editable.hoursPerWeek + (i % 8) });
    warm.push(performance.now() - w0);
  }
  return { upsertMs: summary(upsert), upsertThenGridMs: summary(total), localRecomputeMs: summary(local), localRecomputeWarmMs: summary(warm), expandMs: summary(expand), ...cpu };
}

/** The floor of any authenticated read through the same server: resources.settings (one row), timed and costed like the grid. */
async function measureSmallestRead(seeded: SeededResources, cookie: string) {
  const url = bench.queryUrl('resources.settings', { workspaceId: seeded.workspaceId });
  const ttfb: number[] = [];
  const cpu = await measured(renders, 3, async (_i, measuring) => {
    const answer = await timedGet(url, cookie);
    if (answer.status !== 200) throw new Error(`resources.settings answered ${answer.status}`);
    if (measuring) ttfb.push(answer.ttfb);
  });
  return { ttfbMs: summary(ttfb), ...cpu };
}

/** The floor: the reads the grid needs (people with time off, allocations with their workstream's dates, settings), straight from Postgres. */
async function measureRawSql(seeded: SeededResources) {
  const sql = postgres(bench.databaseUrl, { max: 1, onnotice: () => {} });
  const times: number[] = [];
  try {
    for (let i = 0; i < renders + 3; i++) {
      const t0 = performance.now();
      await Promise.all([
        sql`select p.*, coalesce(json_agg(t.*) filter (where t.id is not null), '[]') as time_off from person p left join person_time_off t on t.person_id = p.id where p.workspace_id = ${seeded.workspaceId} group by p.id order by p.name`,
        sql`select a.*, w.start_date, w.end_date, w.title from allocation a left join plan_item w on w.project_id = a.project_id and w.id = a.workstream_id where a.workspace_id = ${seeded.workspaceId}`,
        sql`select * from resource_settings where workspace_id = ${seeded.workspaceId}`,
        sql`select id, name from project where workspace_id = ${seeded.workspaceId} and archived_at is null`,
      ]);
      if (i >= 3) times.push(performance.now() - t0);
    }
  } finally {
    await sql.end();
  }
  return { ms: summary(times) };
}

await bench.run('resourcesGrid', async () => {
  // --- seed before the server starts, as the demo is ---------------------------------------------
  const { large, small, owner, seedMs } = await bench.seedDatabase(async (db, owner) => ({
    large: await seedResourcesWorkspace(db, owner.id, 'Bench 200', { people: 200, projects: 20, weeks }, 1),
    small: await seedResourcesWorkspace(db, owner.id, 'Bench 20', { people: 20, projects: 4, weeks }, 2),
  }));
  const cookie = await bench.startServer(owner);

  const from = format(startOfISOWeek(new Date()), 'yyyy-MM-dd');
  const result = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverageAtStart: loadavg(), node: process.version, database: 'postgres' },
    seed: { ms: seedMs, large: { people: 200, projects: 20, weeks, allocations: large.allocations }, small: { people: 20, projects: 4, weeks, allocations: small.allocations } },
    reads: { large: await measureReads(large, cookie, from, 200), small: await measureReads(small, cookie, from, 20) },
    recompute: { large: await measureRecompute(large, cookie, from), small: await measureRecompute(small, cookie, from) },
    rawSql: { large: await measureRawSql(large), small: await measureRawSql(small) },
    smallestRead: await measureSmallestRead(large, cookie),
    gridShapes: gridShapes(answers.get(large.workspaceId)!),
    targets,
  };

  const pageOrGrid = result.reads.large.page ? 'people page' : 'resources.grid (no people page yet)';
  const ttfb = (result.reads.large.page ?? result.reads.large.grid).ttfbMs.p50;
  const peerTtfb = (result.reads.small.page ?? result.reads.small.grid).ttfbMs.p50;
  const missed = [
    ttfb > peerTtfb * targets.pageTtfbRatioToPeer && `${pageOrGrid} TTFB p50 ${ttfb} ms > ${targets.pageTtfbRatioToPeer} x the peer's ${peerTtfb} ms`,
    result.reads.large.page &&
      result.reads.large.page.serverCpuMsPerRound > targets.pageServerCpuMs &&
      `people page server CPU ${result.reads.large.page.serverCpuMsPerRound} ms per render > ${targets.pageServerCpuMs} ms`,
    result.recompute.large.localRecomputeWarmMs.p99 > targets.localRecomputeP99Ms &&
      `recompute after one edit (editing client) p99 ${result.recompute.large.localRecomputeWarmMs.p99} ms > ${targets.localRecomputeP99Ms} ms`,
    result.recompute.large.expandMs.p50 > targets.expandP50Ms && `whole answer expanded p50 ${result.recompute.large.expandMs.p50} ms > ${targets.expandP50Ms} ms`,
    result.recompute.large.serverCpuMsPerRound > targets.upsertThenGridServerCpuMs &&
      `upsert then grid server CPU ${result.recompute.large.serverCpuMsPerRound} ms > ${targets.upsertThenGridServerCpuMs} ms`,
    result.reads.large.grid.jsonBytes > targets.gridMaxBytes && `grid answer ${result.reads.large.grid.jsonBytes} bytes > ${targets.gridMaxBytes} bytes`,
  ].filter((m): m is string => typeof m === 'string');
  if (ttfb > 100) console.log(`(the aim, 100 ms TTFB p50, is not met here: ${ttfb} ms; the peer's is ${peerTtfb} ms)`);

  console.log(`\nResources grid bench: 200 people x 20 projects (${large.allocations} allocations) against 20 x 4 (${small.allocations}), ${weeks} weeks, Postgres, loopback\n`);
  const row = (s: { p50: number; p99: number; samples: number }) => ({ p50: s.p50, p99: s.p99, samples: s.samples });
  console.table({
    ...(result.reads.large.page && {
      'people page TTFB (its default 16 weeks), 200 (ms)': row(result.reads.large.page.ttfbMs),
      'people page TTFB (its default 16 weeks), 20 (ms)': row(result.reads.small.page!.ttfbMs),
    }),
    'resources.grid TTFB, 200 (ms)': row(result.reads.large.grid.ttfbMs),
    'resources.grid TTFB, 20 (ms)': row(result.reads.small.grid.ttfbMs),
    'resources.grid whole answer, 200 (ms)': row(result.reads.large.grid.totalMs),
    'upsert then grid, 200 (ms)': row(result.recompute.large.upsertThenGridMs),
    'upsert then grid, 20 (ms)': row(result.recompute.small.upsertThenGridMs),
    'allocation.upsert alone, 200 (ms)': row(result.recompute.large.upsertMs),
    'the editing client recomputes one edit, 200 (ms)': row(result.recompute.large.localRecomputeMs),
    'the same, 500 edits in a warm tab, 200 (ms)': row(result.recompute.large.localRecomputeWarmMs),
    'every cell worked out from an answer (expandGrid), 200 (ms)': row(result.recompute.large.expandMs),
    'resources.settings TTFB, the floor (ms)': row(result.smallestRead.ttfbMs),
    'raw SQL reads, 200 (ms)': row(result.rawSql.large.ms),
    'raw SQL reads, 20 (ms)': row(result.rawSql.small.ms),
  });
  console.log('CPU per request (ms; server process, then the Postgres backends), the figures a busy machine does not inflate:');
  console.table({
    'resources.grid, 200': { server: result.reads.large.grid.serverCpuMsPerRound, postgres: result.reads.large.grid.postgresCpuMsPerRound },
    'resources.grid, 20': { server: result.reads.small.grid.serverCpuMsPerRound, postgres: result.reads.small.grid.postgresCpuMsPerRound },
    'upsert then grid, 200': { server: result.recompute.large.serverCpuMsPerRound, postgres: result.recompute.large.postgresCpuMsPerRound },
    'upsert then grid, 20': { server: result.recompute.small.serverCpuMsPerRound, postgres: result.recompute.small.postgresCpuMsPerRound },
    'resources.settings, the floor': { server: result.smallestRead.serverCpuMsPerRound, postgres: result.smallestRead.postgresCpuMsPerRound },
    ...(result.reads.large.page && { 'people page, 200': { server: result.reads.large.page.serverCpuMsPerRound, postgres: result.reads.large.page.postgresCpuMsPerRound } }),
  });
  console.log("Other shapes of the 200-people grid's answer (JSON bytes; superjson's CPU in this process, median):");
  console.table(result.gridShapes);
  console.log(`load average at the end: ${loadavg().map((n) => n.toFixed(1)).join(', ')} on ${cpus().length} CPUs`);
  console.log(`grid answer: ${result.reads.large.grid.jsonBytes} bytes at 200 people (${result.reads.large.grid.allocationsInAnswer} allocations), ${result.reads.small.grid.jsonBytes} at 20`);
  for (const [size, reads] of [['200', result.reads.large], ['20', result.reads.small]] as const) {
    if (reads.page) console.log(`people page at ${size} people: ${reads.page.htmlBytes} bytes (${reads.page.scriptBytes} in scripts; ${reads.page.gzippedBytes} gzipped)`);
  }
  return { result, missed };
});
