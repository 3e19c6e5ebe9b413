// Persist before broadcast: an update another client has seen survives a SIGKILL of the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { insertRaidItem, raidItemsMap } from '@/server/collab/boards/riskDocument';
import { connectClient, eventually } from './harness';

const pgliteDir = mkdtempSync(path.join(tmpdir(), 'waymark-crash-'));
const children: ChildProcess[] = [];

function startServerProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/collab/fixtures/collabProcess.ts'], {
    env: { ...process.env, PGLITE_DIR: pgliteDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`server process exited early (${code})`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(pgliteDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('an update another client saw survives a SIGKILL of the server and a restart', { timeout: 60_000 }, async () => {
    const first = await startServerProcess();
    const team = (await (await fetch(`http://127.0.0.1:${first.port}/team`, { method: 'POST' })).json()) as {
      projectId: string;
      ownerCookie: string;
      editorCookie: string;
    };
    const room = `risks:${team.projectId}`;
    const url = `ws://127.0.0.1:${first.port}/collab`;
    const writer = connectClient(url, room, team.ownerCookie);
    const watcher = connectClient(url, room, team.editorCookie);
    await Promise.all([writer.synced, watcher.synced]);
    const ids = Array.from({ length: 5 }, (_, i) => insertRaidItem(writer.doc, { title: `Seen before the crash ${i}` }, 'owner'));
    await eventually(() => expect(raidItemsMap(watcher.doc).size).toBe(ids.length));

    await killed(first.child);
    writer.destroy();
    watcher.destroy();

    const second = await startServerProcess();
    const reader = connectClient(`ws://127.0.0.1:${second.port}/collab`, room, team.editorCookie);
    await reader.synced;
    for (const [i, id] of ids.entries()) {
      expect((raidItemsMap(reader.doc).get(id) as Y.Map<unknown>).get('title')).toBe(`Seen before the crash ${i}`);
    }
    reader.destroy();
    await killed(second.child);
  });
});
