// `npm run bench [scenario ...]`: Waymark's collaboration server side by side with Hocuspocus on
// the same Postgres, with the same load generator, one after the other in one run. Prints a table,
// writes tests/bench/results/latest.json and the figures section of docs/benchmarks.md.
// Scenarios: propagation, durable (part of propagation), ceiling, density, history, storm, render, kill, big, meeting, forecast.
// BENCH_QUICK=1 shortens every scenario (for trying the bench, not for figures). BENCH_PIN=1 runs
// each server on CPU 0 and the load generator on the others (servers.ts), as if on their own machines.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import postgres from 'postgres';
import { runKillLoop } from '../collab/killLoop';
import { freePort } from '../support/serverProcess';
import { freshBenchDatabase } from './database';
import { forecastBench, forecastReport } from './forecast';
import { bigUpdates } from './scenarios/bigUpdates';
import { ceiling } from './scenarios/ceiling';
import { density } from './scenarios/density';
import { history } from './scenarios/history';
import { combineMeetingRounds, meeting, type MeetingRound } from './scenarios/meeting';
import { combineRounds, propagation, type PropagationRound } from './scenarios/propagation';
import { reconnectStorm } from './scenarios/reconnectStorm';
import { render } from './scenarios/render';
import { startServer, type ServerKind } from './servers';

const all = ['propagation', 'ceiling', 'density', 'history', 'storm', 'render', 'kill', 'big', 'meeting', 'forecast'] as const;
type Scenario = (typeof all)[number];
const asked = process.argv.slice(2).filter((a) => (all as readonly string[]).includes(a)) as Scenario[];
const selected: Scenario[] = asked.length ? asked : [...all];
const quick = process.env.BENCH_QUICK === '1';
const kinds: ServerKind[] = ['waymark', 'hocuspocus'];

const pinned = process.env.BENCH_PIN === '1';
// Threads started later (the generator's workers) inherit this process's CPUs.
if (pinned) execSync(`taskset -a -p -c 1-${os.cpus().length - 1} ${process.pid}`);
const loadBefore = os.loadavg();
const db = await freshBenchDatabase();
const env = { DATABASE_URL: db.url };
const results: Record<string, unknown> = {};
const log = (message: string) => console.log(`[bench] ${message}`);

async function withServer<T>(kind: ServerKind, run: (server: Awaited<ReturnType<typeof startServer>>) => Promise<T>): Promise<T> {
  const server = await startServer(kind, env);
  try {
    return await run(server);
  } finally {
    await server.stop('SIGTERM');
  }
}

try {
  for (const scenario of selected) {
    log(`${scenario}…`);
    if (scenario === 'propagation') {
      // Rounds, the servers taking turns (W H, H W, W H), each server's rounds merged.
      const rounds = quick ? 1 : 3;
      const measureMs = quick ? 4_000 : 10_000;
      const runs = Object.fromEntries(kinds.map((kind) => [kind, { oneBoard: [] as PropagationRound[], twentyBoards: [] as PropagationRound[] }]));
      for (let round = 0; round < rounds; round++) {
        for (const kind of round % 2 ? [...kinds].reverse() : kinds) {
          await withServer(kind, async (server) => {
            runs[kind]!.oneBoard.push(await propagation(server, { clients: 50, boards: 1, measureMs }));
            runs[kind]!.twentyBoards.push(await propagation(server, { clients: 200, boards: 20, measureMs }));
          });
        }
      }
      results.propagation = Object.fromEntries(
        kinds.map((kind) => [kind, { rounds, oneBoard: combineRounds(runs[kind]!.oneBoard), twentyBoards: combineRounds(runs[kind]!.twentyBoards) }]),
      );
    }
    if (scenario === 'ceiling') {
      const out: Record<string, unknown> = {};
      for (const kind of kinds) out[kind] = await withServer(kind, (server) => ceiling(server, { maxReceivers: quick ? 100 : 600 }));
      results.ceiling = out;
    }
    if (scenario === 'density') {
      const out: Record<string, unknown> = {};
      for (const kind of kinds) {
        out[kind] = await withServer(kind, (server) => density(server, quick ? { sockets: 200, boards: 20, idleMs: 2_000 } : {}));
      }
      results.density = out;
    }
    if (scenario === 'history') {
      results.history = { waymark: await withServer('waymark', (server) => history(server, db.url, { updates: quick ? 10_000 : 100_000 })) };
    }
    if (scenario === 'storm') {
      const out: Record<string, unknown> = {};
      for (const jitter of [false, true]) {
        const port = await freePort();
        const { result, server } = await reconnectStorm(() => startServer('waymark', env, port), { clients: quick ? 200 : 1_000, jitter });
        await server.stop('SIGTERM');
        out[jitter ? 'jittered' : 'stock'] = result;
      }
      results.storm = out;
    }
    if (scenario === 'render') {
      if (!existsSync('.next/BUILD_ID')) spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
      results.render = { waymark: await render(db.url, await freePort(), { durationMs: quick ? 3_000 : 10_000 }) };
    }
    if (scenario === 'big') {
      results.big = { waymark: await withServer('waymark', (server) => bigUpdates(server, { baselineMs: quick ? 3_000 : 10_000 })) };
    }
    if (scenario === 'meeting') {
      // 30 typists at 5 keystrokes/s for 30 s per round, the servers taking turns (W H, H W).
      const rounds = quick ? 1 : 2;
      const options = { databaseUrl: db.url, ...(quick ? { warmupMs: 1_000, measureMs: 8_000 } : {}) };
      const runs = Object.fromEntries(kinds.map((kind) => [kind, [] as MeetingRound[]]));
      for (let round = 0; round < rounds; round++) {
        for (const kind of round % 2 ? [...kinds].reverse() : kinds) runs[kind]!.push(await withServer(kind, (server) => meeting(server, options)));
      }
      results.meeting = Object.fromEntries(kinds.map((kind) => [kind, { rounds, ...combineMeetingRounds(runs[kind]!) }]));
    }
    if (scenario === 'forecast') {
      // In process, no server: the forecasts and series the delivery procedures compute.
      results.forecast = { waymark: forecastBench(quick ? 3 : 9) };
    }
    if (scenario === 'kill') {
      results.kill = { waymark: await runKillLoop({ database: env, kills: quick ? 3 : 20, clients: 4, seed: 20261125 }) };
    }
  }
} finally {
  await db.drop();
}

// --- report --------------------------------------------------------------------------------------

const sql = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
const [pg] = await sql`show server_version`;
await sql.end();
const machine = {
  cpu: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`,
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  postgres: pg?.server_version as string,
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  commit: execSync('git rev-parse --short HEAD').toString().trim(),
  quick,
  pinned,
  /** 1-minute load average when the run started and ended (other work on the machine). */
  loadAverage: [loadBefore[0]!, os.loadavg()[0]!].map((l) => Math.round(l * 10) / 10),
};
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/latest.json', JSON.stringify({ machine, results }, null, 2));

type Latency = { p50: number; p95: number; p99: number; max: number; count: number };
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)}`;
const lat = (l: Latency) => `${ms(l.p50)} / ${ms(l.p99)} / ${ms(l.max)}`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const lines: string[] = [];
lines.push(`Measured ${machine.date} on ${machine.cpu}, ${machine.memoryGb} GiB, Node ${machine.node}, Postgres ${machine.postgres} (commit ${machine.commit}${quick ? ', QUICK run' : ''}${pinned ? ', servers pinned to CPU 0' : ''}; load average ${machine.loadAverage.join(' → ')}).`, '');
const r = results as Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
if (r.propagation) {
  lines.push(
    '### Propagation and time to durable',
    '',
    `Latency from a sender's edit to its arrival at the last other client on the board (ms, p50 / p99 / max; each client's socket notes the arrival before the client applies the message), also at the first client, and until the last client has applied it (with 25 clients per generator thread, mostly the generator's own queue); 2 edits/s per client; ${r.propagation.waymark.rounds} rounds, the servers taking turns, merged (time to durable: the worst round).`,
    '',
  );
  lines.push('| scenario | Waymark | Hocuspocus | p99 ratio (per round) | first receiver W · H | applied by the last W · H | Waymark receive→commit p50 / p99 | Hocuspocus change→store p50 / p99 | server CPU W / H | generator CPU W / H |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [key, label] of [['oneBoard', '50 clients, 1 board'], ['twentyBoards', '200 clients, 20 boards']] as const) {
    const w = r.propagation.waymark[key];
    const h = r.propagation.hocuspocus[key];
    lines.push(
      `| ${label} | ${lat(w.latency)} | ${lat(h.latency)} | ${ratio(w.latency.p99, h.latency.p99)} (${w.roundsP99.map((p: number, i: number) => ratio(p, h.roundsP99[i])).join(', ')}) | ${lat(w.firstLatency)} · ${lat(h.firstLatency)} | ${lat(w.appliedLatency)} · ${lat(h.appliedLatency)} | ${ms(w.timeToDurable.p50)} / ${ms(w.timeToDurable.p99)} | ${ms(h.timeToDurable.p50)} / ${ms(h.timeToDurable.p99)} | ${w.serverCpuPercent}% / ${h.serverCpuPercent}% | ${w.generatorCpuPercent}% / ${h.generatorCpuPercent}% |`,
    );
  }
  lines.push('');
}
if (r.ceiling) {
  lines.push('### Ceiling', '', 'Receivers on one board (steps of 25, one sender at 5 edits/s) while p95 stays within 100 ms.', '');
  lines.push('| server | ceiling | last step: receivers, p95, max | generator CPU at last step |', '| --- | --- | --- | --- |');
  for (const kind of kinds) {
    const c = r.ceiling[kind];
    const last = c.steps[c.steps.length - 1];
    lines.push(`| ${kind} | ${c.reachedLimit ? `≥ ${c.ceiling} (the bench's limit)` : c.ceiling} | ${last?.receivers}, ${ms(last?.latency.p95 ?? 0)} ms, ${ms(last?.latency.max ?? 0)} ms | ${last?.generatorCpuPercent}% |`);
  }
  lines.push('');
}
if (r.density) {
  lines.push('### Density', '', 'Idle sockets spread over boards; memory after a full GC.', '');
  lines.push('| server | sockets / boards | RSS baseline → connected | idle CPU | RSS after all left | back within 10% after |', '| --- | --- | --- | --- | --- | --- |');
  for (const kind of kinds) {
    const d = r.density[kind];
    lines.push(`| ${kind} | ${d.sockets} / ${d.boards} | ${d.baselineRssMb} → ${d.connectedRssMb} MB | ${d.idleCpuPercent}% | ${d.afterDisconnectRssMb} MB | ${d.backWithin10PercentMs === null ? 'not within 60 s' : `${(d.backWithin10PercentMs / 1000).toFixed(1)} s`} |`);
  }
  lines.push('');
}
if (r.history) {
  const hst = r.history.waymark;
  lines.push('### History', '', `A board whose log holds ${hst.updates.toLocaleString('en')} small updates.`, '');
  lines.push('| log before | first load + sync (compacts, rebuilds) | log after | generations | load + sync after |', '| --- | --- | --- | --- | --- |');
  lines.push(`| ${hst.rowsBefore.toLocaleString('en')} rows, ${(hst.bytesBefore / 1024).toFixed(0)} KiB | ${hst.firstLoadMs} ms | ${hst.rowsAfter} rows, ${(hst.bytesAfter / 1024).toFixed(1)} KiB | ${hst.generations} | ${hst.loadAfterCompactionMs} ms |`, '');
}
if (r.storm) {
  lines.push('### Reconnect storm', '', 'Connected clients, the server restarted (SIGTERM, new process on the same port).', '');
  lines.push('| back-off | clients | all synced again after | peak attempts per 100 ms on the new server | attempts in all |', '| --- | --- | --- | --- | --- |');
  for (const key of ['stock', 'jittered']) {
    const s = r.storm[key];
    lines.push(`| ${key} | ${s.clients} | ${(s.resyncedMs / 1000).toFixed(1)} s | ${s.peakAttemptsPer100ms} | ${s.attempts} |`);
  }
  lines.push('');
}
if (r.render) {
  const rd = r.render.waymark;
  lines.push('### Server render', '', `The risk board page with ${rd.items} items, ${rd.concurrency} concurrent readers.`, '');
  lines.push('| TTFB p50 / p99 / max | full page p50 / p99 | requests/s | page bytes (gzip on the wire) |', '| --- | --- | --- | --- |');
  lines.push(`| ${lat(rd.ttfb)} ms | ${ms(rd.full.p50)} / ${ms(rd.full.p99)} ms | ${rd.requestsPerSecond} | ${rd.pageBytes.toLocaleString('en')} (${rd.gzipBytes.toLocaleString('en')}) |`, '');
}
if (r.kill) {
  const k = r.kill.waymark;
  lines.push('### Kill test', '', '| kills (SIGKILL at random moments) | editing clients | items created | lost | converged | duration |', '| --- | --- | --- | --- | --- | --- |');
  lines.push(`| ${k.kills} | ${k.clients} | ${k.created} | ${k.lost.length} | ${k.converged ? 'yes' : 'NO'} | ${(k.durationMs / 1000).toFixed(0)} s |`, '');
}
if (r.big) {
  const b = r.big.waymark;
  lines.push(
    '### Big updates and big imports',
    '',
    "An honest editor's latency (edit → arrival at another client on its board, 10 edits/s, ms p50 / p99 / max) with no other load, while one socket sends twelve 3 MiB updates at once (other board), and while a 5,000-row import runs (other board); server RSS, its longest event-loop delay and its longest block of main-thread CPU (the event-loop delay also counts time spent waiting for a core; the CPU block does not) in each phase.",
    '',
  );
  lines.push('| phase | honest edit p50 / p99 / max | RSS before → peak → after | longest event-loop delay | longest main-thread CPU block | load stored after |', '| --- | --- | --- | --- | --- | --- |');
  for (const [key, label] of [['baseline', 'no other load'], ['bigUpdates', 'twelve 3 MiB updates'], ['bigImport', '5,000-row import']] as const) {
    const p = b[key];
    lines.push(`| ${label} | ${lat(p.honest)} | ${p.rssBeforeMb} → ${p.rssPeakMb} → ${p.rssAfterMb} MB | ${ms(p.eventLoopMaxMs)} ms | ${ms(p.mainThreadCpuMaxMs)} ms${p.mainThreadCpuMaxMs > 50 ? ' (over 50 ms)' : ''} | ${key === 'baseline' ? '-' : `${(p.loadMs / 1000).toFixed(1)} s`} |`);
  }
  lines.push('');
}
if (r.meeting) {
  const w = r.meeting.waymark;
  lines.push(
    '### Meeting notes',
    '',
    `${w.typists} people typing in one meeting's notes (Tiptap's shape: paragraphs of Y.XmlText in the Y.XmlFragment \`notes\`), ${w.keystrokesPerSecond} keystrokes/s each, own and shared paragraphs, the caret in presence after every keystroke (Waymark's clients send only their own presence, as the app does); ${w.rounds} round(s) of ${w.measuredSeconds / w.rounds} s per server, the servers taking turns, merged. Latency (ms, p50 / p99 / max) from a keystroke to its arrival at the last other typist; lost: typed characters missing or out of order on any typist's copy or the server's; target p99 ≤ 50 ms, nothing lost, copies equal.`,
    '',
  );
  lines.push('| server | keystrokes (per typist per s) | to the last other typist | p99 per round | to the first | applied by the last | undelivered · lost · copies differing · socket drops | server CPU (per keystroke) | its Postgres backends: CPU per keystroke | server RSS | generator CPU | receive→commit p50 / p99 | longest event-loop delay · main-thread CPU block |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const kind of kinds) {
    const m = r.meeting[kind];
    lines.push(
      `| ${kind} | ${m.keystrokes.toLocaleString('en')} (${(m.keystrokes / m.typists / m.measuredSeconds).toFixed(1)}) | ${lat(m.latency)} | ${m.roundsP99.map(ms).join(', ')} | ${lat(m.firstLatency)} | ${lat(m.appliedLatency)} | ${m.undelivered} · ${m.lost} · ${m.copiesDiffering} · ${m.drops} | ${m.serverCpuPercent}% (${m.serverCpuUsPerKeystroke} µs) | ${m.postgresCpuUsPerKeystroke === null ? 'n/a' : `${m.postgresCpuUsPerKeystroke} µs`} | ${m.serverRssMb} MB | ${m.generatorCpuPercent}% | ${kind === 'waymark' ? `${ms(m.timeToDurable.p50)} / ${ms(m.timeToDurable.p99)}` : 'stores on a 2-10 s debounce'} | ${m.eventLoopMaxMs === null ? '-' : `${ms(m.eventLoopMaxMs)} · ${ms(m.mainThreadCpuMaxMs)} ms`} |`,
    );
  }
  lines.push(`p99 ratio W / H: ${ratio(w.latency.p99, r.meeting.hocuspocus.latency.p99)}; server CPU per keystroke W / H: ${ratio(w.serverCpuUsPerKeystroke, r.meeting.hocuspocus.serverCpuUsPerKeystroke)}.`, '');
}
if (r.forecast) lines.push(...forecastReport(r.forecast.waymark));
const report = lines.join('\n');
console.log('\n' + report);
if (!quick && !asked.length) {
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  writeFileSync('docs/benchmarks.md', doc.replace(/<!-- figures:start -->[\s\S]*<!-- figures:end -->/, `<!-- figures:start -->\n${report}\n<!-- figures:end -->`));
  log('docs/benchmarks.md updated');
}
