// `npm run bench:import`: how long one board's big import holds the server's event loop (issue 13
// point 8: never more than ~50 ms at a time). A 5,000-row raid.import runs through Waymark's real
// process (tests/collab/fixtures/collabProcess.ts, on a fresh Postgres database) while a client
// watches the board, up to its projection; the server reports its longest block of main-thread
// CPU (tests/bench/mainThreadBlocks.ts), which a busy shared machine does not inflate, beside the
// event-loop delay, which it does. Prints the figures and flags a block over 50 ms; asserts nothing.
// IMPORT_ROWS=n changes the size; COLLAB_IMPORT_SLICE_ROWS passes through to the server.
import { connectBenchClient } from './clients';
import { freshBenchDatabase } from './database';
import { startServer, type ServerStats } from './servers';
import type { MainThreadBlocks } from './mainThreadBlocks';

const rows = Number(process.env.IMPORT_ROWS ?? 5_000);
const limitMs = 50;
const db = await freshBenchDatabase();
const server = await startServer('waymark', { DATABASE_URL: db.url });
try {
  const created = await fetch(`http://127.0.0.1:${server.port}/team`, { method: 'POST' });
  const team = (await created.json()) as { projectId: string; ownerId: string; ownerCookie: string };
  const watcher = connectBenchClient(server, `risks:${team.projectId}`, team.ownerCookie);
  await watcher.synced;
  await server.resetStats();

  const started = performance.now();
  const answer = await fetch(`http://127.0.0.1:${server.port}/import?projectId=${team.projectId}&actorId=${team.ownerId}&rows=${rows}`, { method: 'POST' });
  if (!answer.ok) throw new Error(`import failed: ${answer.status} ${await answer.text()}`);
  const durableMs = performance.now() - started;
  await fetch(`http://127.0.0.1:${server.port}/settle`, { method: 'POST' });
  const projectedMs = performance.now() - started;
  const stats = (await server.stats()) as ServerStats & { mainThread: MainThreadBlocks };
  watcher.destroy();

  const { mainThread } = stats;
  const figures = [
    `${rows}-row import: durable after ${(durableMs / 1000).toFixed(2)} s, projected after ${(projectedMs / 1000).toFixed(2)} s`,
    `longest main-thread CPU block: ${mainThread.maxCpuMs} ms (${mainThread.over50Ms} over ${limitMs} ms); busy gaps p50 / p95 / max: ${mainThread.busy.p50} / ${mainThread.busy.p95} / ${mainThread.busy.max} ms of CPU (${mainThread.busy.count})`,
    `longest wall gap: ${mainThread.maxWallMs} ms; longest event-loop delay: ${stats.eventLoopMaxMs} ms (both include time waiting for a core on a busy machine)`,
  ];
  console.log(figures.join('\n'));
  if (mainThread.maxCpuMs > limitMs) console.log(`FLAG: one block held the event loop for ${mainThread.maxCpuMs} ms of CPU (target ~${limitMs} ms)`);
} finally {
  await server.stop('SIGTERM');
  await db.drop();
}
