// The kill loop: editing clients keep adding items while the server is SIGKILLed and restarted on
// the same port; they reconnect on their own. At the end every item anyone made must be in the
// stored document (read by a fresh server after one more kill, once the server has committed
// everything) and all clients must converge. Used by the short test in crash.test.ts and by the
// kill bench.
// The schedule comes from the seed alone: which client makes each edit, and after which edit each
// kill happens (the kill is sent in the same turn as that edit). A failing run is replayed with its
// seed (CRASH_SEED=<seed>); only what the server had committed at each kill still depends on timing.
import * as Y from 'yjs';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { createTeamOn, freePort, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { prng } from '../support/prng';
import { connectClient, eventually, type Client } from './harness';

export interface KillLoopReport {
  seed: number;
  /** The edit numbers (1-based) right after which the server was killed. */
  killedAfterEdits: number[];
  kills: number;
  clients: number;
  created: number;
  lost: string[];
  converged: boolean;
  durationMs: number;
}

export interface KillSchedule {
  /** Edit numbers (1-based, increasing) right after which the server is killed. */
  killAfterEdits: number[];
  /** Which client makes edit number n + 1 (one entry per edit, kills included). */
  editors: number[];
}

/** The whole schedule of a run, from its seed: 5 to 29 edits between kills, a random client per edit. */
export function killSchedule(seed: number, kills: number, clients: number): KillSchedule {
  const random = prng(seed);
  const killAfterEdits: number[] = [];
  let edits = 0;
  for (let kill = 0; kill < kills; kill++) killAfterEdits.push((edits += 5 + Math.floor(random() * 25)));
  const editors = Array.from({ length: edits }, () => Math.floor(random() * clients));
  return { killAfterEdits, editors };
}

export async function runKillLoop(options: {
  database: Record<string, string>;
  kills: number;
  clients: number;
  seed: number;
  /** Time between two edits (of any client). */
  editIntervalMs?: number;
}): Promise<KillLoopReport> {
  const started = performance.now();
  const schedule = killSchedule(options.seed, options.kills, options.clients);
  const port = await freePort();
  let server: ServerProcess = await startServerProcess(options.database, port);
  const team = await createTeamOn(port);
  const room = `risks:${team.projectId}`;
  const url = `ws://127.0.0.1:${port}/collab`;
  const clients: Client[] = Array.from({ length: options.clients }, (_, i) =>
    connectClient(url, room, i % 2 ? team.editorCookie : team.ownerCookie, {}, { maxBackoffTime: 300 }),
  );
  const created: string[] = [];
  let editing: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  let killsDone!: () => void;
  let killFailed!: (error: unknown) => void;
  const allKilled = new Promise<void>((resolve, reject) => {
    killsDone = resolve;
    killFailed = reject;
  });
  try {
    await Promise.all(clients.map((c) => c.synced));
    let nextKill = 0;
    editing = setInterval(() => {
      const edit = created.length + 1;
      const killsHere = schedule.killAfterEdits[nextKill] === edit;
      // A kill edit waits for the previous restart, so the kill follows exactly that edit.
      if (killsHere && restarting) return;
      const client = schedule.editors[edit - 1] ?? edit % options.clients;
      created.push(insertRaidItem(clients[client]!.doc, { title: `client ${client} item ${edit}` }, `client-${client}`));
      if (!killsHere) return;
      nextKill++;
      const last = nextKill === options.kills;
      const killed = server;
      killed.child.kill('SIGKILL'); // in this turn: the edit just made may or may not have left the client
      restarting = (async () => {
        await killed.exited;
        server = await startServerProcess(options.database, port);
        restarting = undefined;
        if (last) killsDone();
      })();
      restarting.catch(killFailed);
    }, options.editIntervalMs ?? 15);
    if (options.kills === 0) killsDone();
    await allKilled;
    clearInterval(editing);

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
    return {
      seed: options.seed,
      killedAfterEdits: schedule.killAfterEdits,
      kills: options.kills,
      clients: options.clients,
      created: created.length,
      lost,
      converged,
      durationMs: performance.now() - started,
    };
  } finally {
    clearInterval(editing);
    for (const client of clients) client.destroy();
    await restarting?.catch(() => undefined);
    await server.kill('SIGKILL');
  }
}
