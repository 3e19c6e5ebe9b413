// Persist before broadcast and clean shutdown, on the real process composition (server/app.ts):
// what another client saw survives a SIGKILL; SIGTERM flushes, closes sockets with 1001, exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { closeCodes } from '@/server/collab/protocol';
import { connectClient, eventually } from './harness';

const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-crash-'));
const children: ChildProcess[] = [];

function startServerProcess(): Promise<{ child: ChildProcess; port: number; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/collab/fixtures/collabProcess.ts'], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), exited });
    });
    void exited.then((code) => reject(new Error(`server process exited early (${code})`)));
  });
}

async function createTeam(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/team`, { method: 'POST' });
  return (await response.json()) as { projectId: string; ownerCookie: string; editorCookie: string };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety and shutdown', () => {
  it('an update another client saw survives a SIGKILL of the server and a restart', { timeout: 120_000 }, async () => {
    const first = await startServerProcess();
    const team = await createTeam(first.port);
    const room = `risks:${team.projectId}`;
    const url = `ws://127.0.0.1:${first.port}/collab`;
    const writer = connectClient(url, room, team.ownerCookie);
    const watcher = connectClient(url, room, team.editorCookie);
    await Promise.all([writer.synced, watcher.synced]);
    const ids = Array.from({ length: 5 }, (_, i) => insertRaidItem(writer.doc, { title: `Seen before the crash ${i}` }, 'owner'));
    await eventually(() => expect(raidItemsMap(watcher.doc).size).toBe(ids.length));

    first.child.kill('SIGKILL');
    await first.exited;
    writer.destroy();
    watcher.destroy();

    const second = await startServerProcess();
    const reader = connectClient(`ws://127.0.0.1:${second.port}/collab`, room, team.editorCookie);
    await reader.synced;
    for (const [i, id] of ids.entries()) {
      expect((raidItemsMap(reader.doc).get(id) as Y.Map<unknown>).get('title')).toBe(`Seen before the crash ${i}`);
    }
    reader.destroy();
    second.child.kill('SIGKILL');
    await second.exited;
  });

  it('SIGTERM closes sockets with 1001, keeps what was sent and exits 0', { timeout: 120_000 }, async () => {
    const first = await startServerProcess();
    const team = await createTeam(first.port);
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

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await closeCode).toBe(closeCodes.goingAway);
    writer.destroy();
    received.destroy();

    const second = await startServerProcess();
    const reader = connectClient(`ws://127.0.0.1:${second.port}/collab`, room, team.editorCookie);
    await reader.synced;
    expect(raidItemsMap(reader.doc).has(seen)).toBe(true);
    reader.destroy();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
