// Durability and clean shutdown, on the real process composition (server/app.ts): what the server
// acknowledged as saved survives a SIGKILL; SIGTERM flushes, closes sockets with 1001, exits 0;
// under a load of editing clients, repeated SIGKILLs at moments taken from a printed seed
// (CRASH_SEED replays them) lose nothing and everyone converges.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { closeCodes, encodeSyncUpdate, messageSaved } from '@/server/collab/protocol';
import { createTeamOn, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { connectClient, eventually, rawSocket } from './harness';
import { killSchedule, runKillLoop } from './killLoop';
import { textOf } from '@/server/collab/boards/liveText';

const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-crash-'));
const database: Record<string, string> = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: dataDir };
const started: ServerProcess[] = [];
// The kill loop's whole schedule follows from this seed (tests/collab/killLoop.ts).
const crashSeed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
console.info(`crash seed: ${crashSeed} (replay with CRASH_SEED=${crashSeed})`);
async function start(port = 0) {
  const server = await startServerProcess(database, port);
  started.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(started.map((s) => s.kill('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety and shutdown', () => {
  it('an update acknowledged as saved survives a SIGKILL of the server and a restart', { timeout: 120_000 }, async () => {
    const first = await start();
    const team = await createTeamOn(first.port);
    const room = `risks:${team.projectId}`;
    const url = `ws://127.0.0.1:${first.port}/collab`;
    // The writer asks for `saved` acknowledgements, as Waymark's own client does.
    const writer = rawSocket(`${url}/${room}?saved=1`, { cookie: team.ownerCookie });
    const watcher = connectClient(url, room, team.editorCookie);
    await Promise.all([writer.opened, watcher.synced]);
    await eventually(() => expect(writer.frames.length).toBeGreaterThan(0)); // admitted
    const scratch = new Y.Doc();
    const ids = Array.from({ length: 5 }, (_, i) => insertRaidItem(scratch, { title: `Saved before the crash ${i}` }, 'owner'));
    writer.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(scratch)));
    await eventually(() => expect(writer.frames.some((f) => f[0] === messageSaved && f[1] === 1)).toBe(true));
    await eventually(() => expect(raidItemsMap(watcher.doc).size).toBe(ids.length));

    // Everyone goes away first, so nothing a client still holds can be sent again after the restart.
    writer.ws.close();
    watcher.destroy();
    await first.kill('SIGKILL');

    const second = await start();
    const reader = connectClient(`ws://127.0.0.1:${second.port}/collab`, room, team.editorCookie);
    await reader.synced;
    for (const [i, id] of ids.entries()) {
      expect(textOf((raidItemsMap(reader.doc).get(id) as Y.Map<unknown>).get('title'))).toBe(`Saved before the crash ${i}`);
    }
    reader.destroy();
    await second.kill('SIGKILL');
  });

  it('SIGTERM closes sockets with 1001, keeps what was sent and exits 0', { timeout: 120_000 }, async () => {
    const first = await start();
    const team = await createTeamOn(first.port);
    const room = `risks:${team.projectId}`;
    const writer = connectClient(`ws://127.0.0.1:${first.port}/collab`, room, team.ownerCookie);
    await writer.synced;
    const closeCode = new Promise<number>((resolve) =>
      writer.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    const received = connectClient(`ws://127.0.0.1:${first.port}/collab`, room, team.editorCookie);
    await received.synced;
    const seen = insertRaidItem(writer.doc, { title: 'Seen before SIGTERM' }, 'owner');
    await eventually(() => expect(raidItemsMap(received.doc).has(seen)).toBe(true));

    expect(await first.kill('SIGTERM')).toBe(0);
    expect(await closeCode).toBe(closeCodes.goingAway);
    writer.destroy();
    received.destroy();

    const second = await start();
    const reader = connectClient(`ws://127.0.0.1:${second.port}/collab`, room, team.editorCookie);
    await reader.synced;
    expect(raidItemsMap(reader.doc).has(seen)).toBe(true);
    reader.destroy();
    expect(await second.kill('SIGTERM')).toBe(0);
  });

  it('the kill moments and editors come from the seed alone, so a failing run can be replayed', () => {
    expect(killSchedule(crashSeed, 3, 3)).toEqual(killSchedule(crashSeed, 3, 3));
    expect(killSchedule(1, 3, 3)).not.toEqual(killSchedule(2, 3, 3));
    const { killAfterEdits, editors } = killSchedule(crashSeed, 3, 3);
    expect(killAfterEdits).toHaveLength(3);
    killAfterEdits.forEach((edit, i) => expect(edit - (killAfterEdits[i - 1] ?? 0)).toBeGreaterThanOrEqual(5));
    expect(editors).toHaveLength(killAfterEdits.at(-1)!);
  });

  it('editing clients through 3 SIGKILLs at seeded moments lose nothing and converge', { timeout: 180_000 }, async () => {
    const report = await runKillLoop({ database, kills: 3, clients: 3, seed: crashSeed });
    const replay = `seed ${crashSeed}, killed after edits ${report.killedAfterEdits.join(', ')}; replay with CRASH_SEED=${crashSeed}`;
    expect(report.kills, replay).toBe(3);
    expect(report.created, replay).toBeGreaterThanOrEqual(report.killedAfterEdits.at(-1)!);
    expect(report.lost, replay).toEqual([]);
    expect(report.converged, replay).toBe(true);
  });
});
