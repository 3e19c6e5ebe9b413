// The kill loop: editing clients keep adding items while the server is SIGKILLed at random moments
// and restarted on the same port; they reconnect on their own. At the end every item anyone made
// must be in the stored document (read by a fresh server after one more kill, once the server has
// committed everything) and all clients must converge. Used by the short test in crash.test.ts and
// by the kill bench.
import * as Y from 'yjs';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { createTeamOn, freePort, startServerProcess } from '../support/serverProcess';
import { connectClient, eventually, type Client } from './harness';

export interface KillLoopReport {
  kills: number;
  clients: number;
  created: number;
  lost: string[];
  converged: boolean;
  durationMs: number;
}

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export async function runKillLoop(options: {
  database: Record<string, string>;
  kills: number;
  clients: number;
  seed: number;
  editIntervalMs?: number;
}): Promise<KillLoopReport> {
  const started = performance.now();
  const random = prng(options.seed);
  const port = await freePort();
  let server = await startServerProcess(options.database, port);
  const team = await createTeamOn(port);
  const room = `risks:${team.projectId}`;
  const url = `ws://127.0.0.1:${port}/collab`;
  const clients: Client[] = Array.from({ length: options.clients }, (_, i) =>
    connectClient(url, room, i % 2 ? team.editorCookie : team.ownerCookie, {}, { maxBackoffTime: 300 }),
  );
  const created: string[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    await Promise.all(clients.map((c) => c.synced));
    clients.forEach((client, i) =>
      timers.push(
        setInterval(() => {
          created.push(insertRaidItem(client.doc, { title: `client ${i} item ${created.length}` }, `client-${i}`));
        }, options.editIntervalMs ?? 40),
      ),
    );
    for (let kill = 0; kill < options.kills; kill++) {
      // A random moment: after a random number of further edits.
      const target = created.length + 5 + Math.floor(random() * 25);
      await eventually(() => {
        if (created.length < target) throw new Error('editing');
      }, 30_000);
      await server.kill('SIGKILL');
      server = await startServerProcess(options.database, port);
    }
    timers.forEach(clearInterval);

    let converged = true;
    try {
      await eventually(() => {
        for (const client of clients) {
          const items = raidItemsMap(client.doc);
          for (const id of created) if (!items.has(id)) throw new Error(`client lacks ${id}`);
        }
      }, 60_000);
    } catch {
      converged = false;
    }
    // Edits are broadcast before they are committed: until the server has committed everything,
    // the clients hold what it lacks. Once it has, they leave, and one more kill shows that
    // what survives is exactly what was stored.
    await eventually(async () => {
      const { unsaved } = (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as { unsaved: number };
      if (unsaved !== 0) throw new Error(`${unsaved} updates not yet committed`);
    }, 60_000);
    for (const client of clients) client.destroy();

    await server.kill('SIGKILL');
    server = await startServerProcess(options.database, port);
    const reader = connectClient(url, room, team.editorCookie);
    await reader.synced;
    const stored = raidItemsMap(reader.doc);
    const lost = created.filter((id) => !(stored.get(id) instanceof Y.Map));
    reader.destroy();
    return { kills: options.kills, clients: options.clients, created: created.length, lost, converged, durationMs: performance.now() - started };
  } finally {
    timers.forEach(clearInterval);
    for (const client of clients) client.destroy();
    await server.kill('SIGKILL');
  }
}
